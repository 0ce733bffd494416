/**
 * CSV reading and writing for the emulator, the `npm run summary` command and the
 * playground. Reading is papaparse's (RFC 4180 quotes; a quote that never closes is an
 * error naming the line where it opens); the delimiter (`;` or `,`) is detected from
 * the header line. Writing applies the OWASP CSV-injection rule to text cells.
 */
import Papa from 'papaparse';
import { CsvError, lineAt } from './encoding';

export { CsvError, decodeCsv, checkCsvText } from './encoding';

/** The delimiter used by the first line: the more frequent of `;` and `,` outside quotes. */
export function detectDelimiter(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * Rows of fields, split on `delimiter` (any one character; default the detected `;` or
 * `,`). Quoted fields may hold the delimiter, doubled quotes and line breaks; CRLF, CR
 * and LF all end a record, and a line break inside a quoted field is read as LF (as a
 * cell holds it); a leading BOM is dropped, and so is the empty record after the final
 * line break. A quote that opens a field and never closes throws a CsvError naming the
 * line where it opens (`file` names the file in the message).
 */
export function parseCsv(text: string, delimiter?: string, file?: string): string[][] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n');
  if (text === '') return [];
  const sep = delimiter ?? detectDelimiter(text);
  const parsed = Papa.parse<string[]>(text, {
    delimiter: sep,
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
  });
  const unclosed = parsed.errors.find((error) => error.code === 'MissingQuotes');
  if (unclosed) {
    // papaparse gives the index just after the opening quote.
    const line = lineAt(text, Math.max(0, (unclosed.index ?? 1) - 1));
    // papaparse reports text after a closing quote (`"abc"def`) at the same place.
    const textAfter = parsed.errors.some(
      (error) => error.code === 'InvalidQuotes' && error.index === unclosed.index,
    );
    const what = textAfter
      ? 'a quoted field opens on this line and text follows its closing " (quote the whole field, doubling the " inside)'
      : 'a quoted field opens on this line and is never closed (a " is missing)';
    throw new CsvError(`${file ? `${file}, ` : ''}line ${line}: ${what}`, file, line);
  }
  // A stray quote that a later quote closes (`"abc` … `"x"`) is no MissingQuotes: what
  // papaparse calls text after a closing quote, or a field that swallowed whole rows.
  const invalid = parsed.errors.find((error) => error.code === 'InvalidQuotes');
  if (invalid) {
    const line = lineAt(text, Math.max(0, (invalid.index ?? 1) - 1));
    throw new CsvError(
      `${file ? `${file}, ` : ''}line ${line}: a quoted field opens on this line and text follows its closing " (quote the whole field, doubling the " inside)`,
      file,
      line,
    );
  }
  const rows = parsed.data;
  const swallowed = swallowedRows(text, sep, rows);
  if (swallowed) {
    const line = lineAt(text, swallowed.open);
    const last = lineAt(text, swallowed.close);
    throw new CsvError(
      `${file ? `${file}, ` : ''}line ${line}: a quoted field opens on this line and runs to line ${last}, taking in what look like whole rows (a " is probably missing)`,
      file,
      line,
    );
  }
  // The empty record after the final line break is not a row.
  if (text.endsWith('\n') && rows.length > 0) {
    const last = rows[rows.length - 1];
    if (last.length === 1 && last[0] === '') rows.pop();
  }
  return rows;
}

/**
 * A quoted field that spans lines and holds at least half a row's worth of delimiters, in a
 * record whose field count differs from the header's: the mark of a quote that opened
 * by mistake and was closed by the next quote further down. Offsets of its quotes, or
 * null. The records are walked as papaparse reads text it parsed without quote errors.
 */
function swallowedRows(
  text: string,
  sep: string,
  rows: readonly string[][],
): { open: number; close: number } | null {
  const width = rows[0]?.length ?? 0;
  if (width < 2) return null;
  let i = 0;
  for (let r = 0; i < text.length && r < rows.length; r++) {
    let found: { open: number; close: number } | null = null;
    for (;;) {
      if (text[i] === '"') {
        const open = i;
        let close = text.indexOf('"', i + 1);
        while (close !== -1 && text[close + 1] === '"') close = text.indexOf('"', close + 2);
        if (close === -1) return null;
        const inside = text.slice(open + 1, close);
        if (!found && inside.includes('\n') && inside.split(sep).length - 1 >= (width - 1) / 2) {
          found = { open, close };
        }
        i = close + 1;
        while (text[i] !== sep && (text[i] === ' ' || text[i] === '\t')) i++;
      } else {
        while (i < text.length && text[i] !== sep && text[i] !== '\n') i++;
      }
      if (text[i] === sep) {
        i++;
        continue;
      }
      i++; // the line break ending the record, or past the end
      break;
    }
    if (found && r > 0 && rows[r].length !== width) return found;
  }
  return null;
}

/**
 * The OWASP CSV-injection rule: a text that starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return would run as a formula in Excel, LibreOffice or Sheets, so it gets a
 * leading `'`. (https://owasp.org/www-community/attacks/CSV_Injection)
 */
export function escapeFormulaText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV field, quoted only when needed. */
export function formatCsvField(value: string, delimiter: ';' | ',' = ','): string {
  if (value.includes('"') || value.includes(delimiter) || /[\r\n]/.test(value)) {
    return '"' + value.replace(/"/g, '""') + '"';
  }
  return value;
}

/**
 * The file a tab is saved as: its name, with the characters file systems refuse (and
 * control characters) as `_`.
 */
export function csvFileName(tabName: string): string {
  return `${[...tabName].map((c) => (/[\\/:*?"<>|]/.test(c) || c.charCodeAt(0) < 0x20 ? '_' : c)).join('')}.csv`;
}

/** Rows back to CSV text (LF line endings, final line break). */
export function toCsv(rows: readonly (readonly string[])[], delimiter: ';' | ',' = ','): string {
  return (
    rows.map((row) => row.map((v) => formatCsvField(v, delimiter)).join(delimiter)).join('\n') +
    '\n'
  );
}
