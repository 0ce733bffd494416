/**
 * Delimited text files as tabs, typed the way Sheets types an import in the workbook's
 * locale (the emulator's typeCsvTable), number formats included: `1 234,50 €`
 * becomes 1234.5 shown as currency, `40 %` becomes 0.4 shown as a percentage.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeCsv, detectDelimiter } from '../emulator/csv';
import { typeCsvTable, type CsvTab } from '../emulator/importCsv';

/** The extensions a folder or a drop may hold. (.xlsx is not read: no dependency for it.) */
export const TABLE_EXTENSIONS = ['.csv', '.tsv', '.txt'] as const;

export function isTableFile(fileName: string): boolean {
  return (TABLE_EXTENSIONS as readonly string[]).includes(path.extname(fileName).toLowerCase());
}

/** Tab for .tsv, and for a .txt whose first line has tabs; otherwise `;` or `,`. */
function delimiterFor(fileName: string, text: string): string {
  const extension = path.extname(fileName).toLowerCase();
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  if (extension === '.tsv' || (extension === '.txt' && firstLine.includes('\t'))) return '\t';
  return detectDelimiter(text);
}

export function typeTable(
  fileName: string,
  text: string,
  options: { locale: string; timeZone: string },
): CsvTab {
  return {
    name: path.basename(fileName, path.extname(fileName)),
    ...typeCsvTable(
      text,
      options.locale,
      options.timeZone,
      delimiterFor(fileName, text),
      path.basename(fileName),
    ),
  };
}

/** Every table file of a folder, sorted by name (the emulator's loadCsvFolder order). */
export function loadTableFolder(
  folder: string,
  options: { locale: string; timeZone: string },
): CsvTab[] {
  const files = readdirSync(folder, { withFileTypes: true })
    .filter((entry) => isTableFile(entry.name) && !entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  if (files.length === 0) {
    throw new Error(`${folder} holds no ${TABLE_EXTENSIONS.join(', ')} file`);
  }
  return files.map((file) =>
    typeTable(file, decodeCsv(readFileSync(path.join(folder, file)), file), options),
  );
}
