const cache = new Map<string, string>();
// Printable ASCII without "-" and "_", single spaces between words: such a text only
// needs lower-casing, so most names skip the NFD and regex work (and the cache).
const PLAIN_LABEL = /^[\x21-\x2c\x2e-\x5e\x60-\x7e]+(?: [\x21-\x2c\x2e-\x5e\x60-\x7e]+)*$/;
const CACHE_LIMIT = 50000;

/**
 * Contract rule 4: trim, case-fold, strip accents, collapse runs of spaces, "-" and "_".
 * Statuses and reps repeat across thousands of rows, so results are memoised.
 */
export function normalizeLabel(raw: unknown): string {
  const text = typeof raw === 'string' ? raw : raw === null || raw === undefined ? '' : String(raw);
  if (PLAIN_LABEL.test(text)) return text.toLowerCase();
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
