/** What Sheets hands a custom function for one cell. */
export type CellValue = string | number | boolean | Date | null | undefined;

/** A cell argument: a scalar, or a 2-D array when the user passes a range. */
export type CellArg = CellValue | CellValue[][];

/** Blank per the contract: "", null/undefined, or whitespace-only text. */
export function isBlank(value: unknown): boolean {
  if (value === '' || value === null || value === undefined) return true;
  return typeof value === 'string' && value.trim() === '';
}

/** How a value is quoted inside an error message. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    return isNaN(value.getTime()) ? 'an invalid date' : value.toISOString();
  }
  if (value === null || value === undefined) return 'a blank cell';
  return String(value);
}
