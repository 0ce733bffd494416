/** What Sheets hands a custom function for one cell. */
export type CellValue = string | number | boolean | Date | null | undefined;

/** A cell argument: a scalar, or a 2-D array when the user passes a range. */
export type CellArg = CellValue | CellValue[][];

/** Blank per the contract: "", null/undefined, or whitespace-only text. */
export function isBlank(value: unknown): boolean {
  if (typeof value === 'string') {
    // Most cells start with a visible ASCII character: no need to trim those.
    const first = value.length === 0 ? 0 : value.charCodeAt(0);
    if (first > 0x20 && first < 0x7f) return false;
    return value.trim() === '';
  }
  return value === null || value === undefined;
}

/** A row of cells with nothing but blanks (or no row at all). */
export function rowIsBlank(row: readonly unknown[] | undefined): boolean {
  if (!row) return true;
  for (const cell of row) if (!isBlank(cell)) return false;
  return true;
}

/**
 * True for a Date from any realm: Sheets' values, a `vm` context's and the emulator's
 * Dates are not all instances of this realm's Date.
 */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** A value quoted in a message is cut to about this many characters (rule 10). */
export const QUOTE_LIMIT = 40;

/** `text` cut to QUOTE_LIMIT characters, "…" marking the cut (never inside a surrogate pair). */
export function shorten(text: string, limit = QUOTE_LIMIT): string {
  if (text.length <= limit) return text;
  let end = limit;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end) + '…';
}

/** How a value is quoted inside an error message: text in quotes, cut to about 40 characters. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(shorten(value));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDate(value)) {
    return isNaN(value.getTime()) ? 'an invalid date' : value.toISOString();
  }
  if (value === null || value === undefined) return 'a blank cell';
  return String(value);
}
