/**
 * The text of a CSV file, UTF-8 only, with errors that name the file. No dependency: the
 * playground page uses it too, to read a dropped file.
 */

/** A file that cannot be read as CSV: the message names the file and, when known, the line. */
export class CsvError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'CsvError';
  }
}

/** 1 + the line breaks before `index` (text whose line breaks are all `\n`). */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function notUtf8(file: string, why: string): CsvError {
  return new CsvError(
    `${file}: this file is not UTF-8 (${why}); save it as “CSV UTF-8” and try again`,
    file,
  );
}

/**
 * Text already decoded, checked: NUL characters come from a file that is not UTF-8 text
 * (UTF-16 without a byte order mark) and throw a CsvError saying so.
 */
export function checkCsvText(text: string, file: string): string {
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    const line = lineAt(text.replace(/\r\n?/g, '\n'), nul);
    throw notUtf8(file, `line ${line} holds NUL bytes, as UTF-16 text does`);
  }
  return text;
}

/**
 * The bytes of a CSV file as text. UTF-8 only: a UTF-16 byte order mark, bytes that are
 * not UTF-8 or NUL bytes throw a CsvError saying the file is not UTF-8; a UTF-8 byte
 * order mark is dropped.
 */
export function decodeCsv(bytes: Uint8Array, file: string): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    throw notUtf8(file, 'it starts with the UTF-16 little-endian mark');
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    throw notUtf8(file, 'it starts with the UTF-16 big-endian mark');
  }
  let text: string;
  try {
    // ignoreBOM false: the decoder drops a UTF-8 byte order mark.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const loose = new TextDecoder('utf-8').decode(bytes).replace(/\r\n?/g, '\n');
    const line = lineAt(loose, loose.indexOf('\ufffd'));
    throw notUtf8(file, `line ${line} has bytes that are not UTF-8, as in Latin-1 or Windows-1252`);
  }
  return checkCsvText(text, file);
}
