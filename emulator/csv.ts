/**
 * RFC 4180 CSV parsing, with the delimiter (`;` or `,`) detected from the header line.
 * Written by hand: the emulator takes no dependency.
 */

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
 * `,`). Quoted fields may hold the delimiter, doubled quotes and line breaks; CRLF and
 * LF both end a record; a leading BOM is dropped, and so is the empty record after the
 * final line break.
 */
export function parseCsv(text: string, delimiter?: string): string[][] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const sep = delimiter ?? detectDelimiter(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    row.push(field);
    rows.push(row);
    row = [];
    field = '';
  };
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"') {
      quoted = true;
    } else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\r') {
      endRecord();
      if (text[i + 1] === '\n') i++;
    } else if (ch === '\n') {
      endRecord();
    } else {
      field += ch;
    }
    i++;
  }
  // Text not ending with a line break still has its last record pending.
  if (field !== '' || row.length > 0) endRecord();
  return rows;
}

/** One CSV field, quoted only when needed. */
export function formatCsvField(value: string, delimiter: ';' | ',' = ','): string {
  if (value.includes('"') || value.includes(delimiter) || /[\r\n]/.test(value)) {
    return '"' + value.replace(/"/g, '""') + '"';
  }
  return value;
}

/** The file a tab is saved as: its name, with the characters file systems refuse as `_`. */
export function csvFileName(tabName: string): string {
  return `${tabName.replace(/[\\/:*?"<>|]/g, '_')}.csv`;
}

/** Rows back to CSV text (LF line endings, final line break). */
export function toCsv(rows: readonly (readonly string[])[], delimiter: ';' | ',' = ','): string {
  return (
    rows.map((row) => row.map((v) => formatCsvField(v, delimiter)).join(delimiter)).join('\n') +
    '\n'
  );
}
