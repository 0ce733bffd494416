import { headerForms } from './fields';
import { allHeaderKeys, MIN_CONTAINED } from './synonyms';

/** Finds a sheet's header row, which may sit below a title and blank rows. */

/** Rows scanned below a header to find the header row itself. */
const HEADER_SCAN_ROWS = 30;

/**
 * The 0-based index of the header row: among the first rows, the one whose cells match
 * the most known header synonyms (first such row on a tie); without any match, the first
 * row with two text cells or more; -1 for a sheet with no text row at all.
 */
export function findHeaderRow(values: readonly (readonly unknown[])[]): number {
  const known = allHeaderKeys();
  let best = -1;
  let bestScore = 0;
  let fallback = -1;
  const limit = Math.min(values.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const row = values[r];
    let texts = 0;
    let score = 0;
    for (const cell of row) {
      if (typeof cell !== 'string' || cell.trim() === '') continue;
      texts++;
      const forms = headerForms(cell);
      const key = forms[0];
      if (forms.some((form) => known.has(form))) score += 2;
      else if (key.length >= MIN_CONTAINED && containsKnown(key, known)) score += 1;
    }
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
    if (fallback < 0 && texts >= 2) fallback = r;
  }
  return best >= 0 ? best : fallback;
}

function containsKnown(key: string, known: Set<string>): boolean {
  const words = key.split(' ');
  // Every contiguous run of words of the header, tried as a synonym.
  for (let i = 0; i < words.length; i++) {
    let run = '';
    for (let j = i; j < words.length; j++) {
      run = j === i ? words[i] : run + ' ' + words[j];
      if (run.length >= MIN_CONTAINED && run !== key && known.has(run)) return true;
    }
  }
  return false;
}
