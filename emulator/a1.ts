/** A1 notation, as Sheets writes and reads it. */

export function columnLetters(column: number): string {
  let letters = '';
  let n = column;
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A cell reference with 1-based row and column. */
export function cellA1(row: number, column: number): string {
  return columnLetters(column) + row;
}

/** A sheet name as it appears before "!": quoted when it is not a plain identifier. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : "'" + name.replace(/'/g, "''") + "'";
}

export interface A1Range {
  sheetName?: string;
  row: number;
  column: number;
  /** undefined: open-ended down to the last row of the sheet ("A2:A"). */
  lastRow?: number;
  /** undefined: open-ended to the last column of the sheet ("A2:2"). */
  lastColumn?: number;
}

const PART = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

/**
 * "A1", "A1:B3", "A2:A", "A:C", "2:5", "Sheet1!A1", "'My sheet'!B2:C". Throws the way
 * Sheets does for text that is not a range.
 */
export function parseA1(notation: string): A1Range {
  let text = notation.trim();
  let sheetName: string | undefined;
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    const rawName = text.slice(0, bang);
    text = text.slice(bang + 1);
    sheetName =
      rawName.startsWith("'") && rawName.endsWith("'") && rawName.length >= 2
        ? rawName.slice(1, -1).replace(/''/g, "'")
        : rawName;
  }
  const parts = text.split(':');
  const start = PART.exec(parts[0]);
  if (parts.length > 2 || !start || (start[1] === '' && start[2] === '')) {
    throw new Error('Range not found');
  }
  if (parts.length === 1) {
    if (!start[1] || !start[2] || Number(start[2]) < 1) throw new Error('Range not found');
    const column = columnNumber(start[1]);
    const row = Number(start[2]);
    return { sheetName, row, column, lastRow: row, lastColumn: column };
  }
  const end = PART.exec(parts[1]);
  if (!end || (end[1] === '' && end[2] === '')) throw new Error('Range not found');
  const range: A1Range = {
    sheetName,
    row: start[2] ? Number(start[2]) : 1,
    column: start[1] ? columnNumber(start[1]) : 1,
    lastRow: end[2] ? Number(end[2]) : undefined,
    lastColumn: end[1] ? columnNumber(end[1]) : undefined,
  };
  if (range.lastRow !== undefined && range.lastRow < range.row) {
    [range.row, range.lastRow] = [range.lastRow, range.row];
  }
  if (range.lastColumn !== undefined && range.lastColumn < range.column) {
    [range.column, range.lastColumn] = [range.lastColumn, range.column];
  }
  if (range.row < 1 || range.column < 1) throw new Error('Range not found');
  return range;
}

/** "A1", "A1:B3" for a bounded range, "A2:A" / "A:B" / "2:3" for open-ended ones. */
export function formatA1(
  row: number,
  column: number,
  numRows: number,
  numColumns: number,
  bounded: { rows: boolean; columns: boolean } = { rows: true, columns: true },
): string {
  const lastRow = row + numRows - 1;
  const lastColumn = column + numColumns - 1;
  if (!bounded.columns) return `${row}:${lastRow}`;
  if (!bounded.rows) {
    const head = row === 1 ? columnLetters(column) : cellA1(row, column);
    return `${head}:${columnLetters(lastColumn)}`;
  }
  if (numRows === 1 && numColumns === 1) return cellA1(row, column);
  return `${cellA1(row, column)}:${cellA1(lastRow, lastColumn)}`;
}
