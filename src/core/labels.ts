const cache = new Map<string, string>();
const CACHE_LIMIT = 50000;

/**
 * Contract rule 4: trim, case-fold, strip accents, collapse runs of spaces, "-" and "_".
 * Statuses and reps repeat across thousands of rows, so results are memoised.
 */
export function normalizeLabel(raw: unknown): string {
  const text = typeof raw === 'string' ? raw : raw === null || raw === undefined ? '' : String(raw);
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const normalized = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\u00a0\u202f_-]+/g, ' ')
    .trim();
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, normalized);
  return normalized;
}
