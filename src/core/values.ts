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

/** How a value is quoted inside an error message. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDate(value)) {
    return isNaN(value.getTime()) ? 'an invalid date' : value.toISOString();
  }
  if (value === null || value === undefined) return 'a blank cell';
  return String(value);
}
