import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { decimalSeparatorOf, isMonthFirst, languageOf } from '../src/core/context';
import { midnightOf, NOT_A_DATE, parseDate } from '../src/core/dates';
import { CsvError, decodeCsv, parseCsv } from './csv';

const SPACES = '[ \\u00a0\\u202f]';
const SIGN = '([-+\\u2212]?)';
const PREFIX = '(?:([$€£])' + SPACES + '?)?';
const SUFFIX = '(?:' + SPACES + '?([€$£%]))?';
// A thousands separator must sit between groups of three digits, as Sheets requires.
const CORE = {
  ',': '((?:\\d{1,3}(?:' + SPACES + '\\d{3})+|\\d{1,3}(?:\\.\\d{3})+|\\d+)(?:,\\d+)?|,\\d+)',
  '.': '((?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?|\\.\\d+)',
} as const;
const NUMBER = {
  ',': new RegExp('^' + SIGN + PREFIX + CORE[','] + SUFFIX + '$'),
  '.': new RegExp('^' + SIGN + PREFIX + CORE['.'] + SUFFIX + '$'),
} as const;

interface LocaleNumber {
  value: number;
  /** The number format Sheets gives the cell when this text is typed into it. */
  format?: string;
}

/** A number typed the way the locale writes it, or undefined when the text is not one. */
export function parseLocaleNumber(text: string, locale: string): number | undefined {
  return readLocaleNumber(text, locale)?.value;
}

function readLocaleNumber(text: string, locale: string): LocaleNumber | undefined {
  const decimal = decimalSeparatorOf(locale);
  const match = NUMBER[decimal].exec(text.trim());
  if (!match) return undefined;
  const [, sign, prefix, core, suffix] = match;
  if (prefix && suffix) return undefined;
  const grouped = decimal === ',' ? /[ \u00a0\u202f.]/ : /,/;
  const plain =
    decimal === ','
      ? core.replace(/[ \u00a0\u202f.]/g, '').replace(',', '.')
      : core.replace(/,/g, '');
  let value = Number(plain);
  const hasDecimals = plain.includes('.');
  let format: string | undefined;
  if (suffix === '%') {
    value = value / 100;
    format = hasDecimals ? '0.00%' : '0%';
  } else if (prefix || suffix) {
    const symbol = prefix || suffix;
    format = prefix ? `[$${symbol}]#,##0.00` : `#,##0.00 [$${symbol}]`;
  } else if (grouped.test(core)) {
    format = hasDecimals ? '#,##0.00' : '#,##0';
  }
  if (sign === '-' || sign === '\u2212') value = -value;
  return { value, format };
}

/** Scientific notation, as typed: `1e3`, `-2.5E-2` (`2,5E-2` with a decimal comma). */
const SCIENTIFIC = {
  ',': /^([-+]?)(\d+(?:,\d+)?)[eE]([-+]?\d{1,3})$/,
  '.': /^([-+]?)(\d+(?:\.\d+)?)[eE]([-+]?\d{1,3})$/,
} as const;

function readScientific(text: string, locale: string): LocaleNumber | undefined {
  const decimal = decimalSeparatorOf(locale);
  const match = SCIENTIFIC[decimal].exec(text);
  if (!match) return undefined;
  const value = Number(match[2].replace(',', '.') + 'e' + match[3]);
  if (!Number.isFinite(value)) return undefined;
  return { value: match[1] === '-' ? -value : value, format: '0.00E+00' };
}

/** Lower case, accents removed, a final dot dropped: "Févr." → "fevr". */
function foldMonth(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\.$/, '');
}

const monthTables = new Map<string, Map<string, number>>();

/**
 * Month names Sheets reads in `locale`: the full and short names of the spreadsheet's
 * language (from Intl, as Sheets writes them), the English ones, and "sept".
 */
function monthNames(locale: string): Map<string, number> {
  const language = locale.split(/[_-]/)[0] || 'en';
  let table = monthTables.get(language);
  if (table) return table;
  table = new Map<string, number>();
  for (const lang of ['en', language]) {
    for (const style of ['long', 'short'] as const) {
      let format: Intl.DateTimeFormat;
      try {
        format = new Intl.DateTimeFormat(lang, { month: style, timeZone: 'UTC' });
      } catch {
        continue;
      }
      for (let m = 1; m <= 12; m++) {
        const name = foldMonth(format.format(new Date(Date.UTC(2021, m - 1, 15))));
        if (/^\p{L}+$/u.test(name) && !table.has(name)) table.set(name, m);
      }
    }
  }
  if (!table.has('sept')) table.set('sept', 9);
  monthTables.set(language, table);
  return table;
}

const MONTH_WORD = '(\\p{L}+\\.?)';
const MONTH_YEAR = new RegExp('^' + MONTH_WORD + ',?\\s+(\\d{4})$', 'u');
const DAY_MONTH_YEAR = new RegExp('^(\\d{1,2})\\.?\\s+' + MONTH_WORD + ',?\\s+(\\d{4})$', 'u');
const MONTH_DAY_YEAR = new RegExp('^' + MONTH_WORD + '\\s+(\\d{1,2}),?\\s+(\\d{4})$', 'u');
/** Day and month without a year (`1/2`, `3-4`, `5.6`): a date of the current year. */
const DAY_MONTH = /^(\d{1,2})([/.-])(\d{1,2})$/;
/** A date with a two-digit year (`1/2/26`). */
const SHORT_YEAR = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2})$/;

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Dates Sheets recognises beyond full numeric ones: "May 2026", "Sept 2026" or "mars
 * 2025" (the first of that month), "5 May 2026", "May 5, 2026", "1/2" or "3-4" (that day
 * of the current year, in the locale's day/month order) and "1/2/26".
 */
function readWordDate(
  text: string,
  locale: string,
  timeZone: string,
  now: number,
): UserEntered | undefined {
  const at = (year: number, month: number, day: number): UserEntered | undefined =>
    validDay(year, month, day)
      ? {
          value: new Date(midnightOf(year, month, day, timeZone)),
          format: defaultDateFormat(locale),
        }
      : undefined;
  const month = (word: string) => monthNames(locale).get(foldMonth(word));
  let match = MONTH_YEAR.exec(text);
  if (match) {
    const m = month(match[1]);
    return m ? at(Number(match[2]), m, 1) : undefined;
  }
  match = DAY_MONTH_YEAR.exec(text);
  if (match) {
    const m = month(match[2]);
    return m ? at(Number(match[3]), m, Number(match[1])) : undefined;
  }
  match = MONTH_DAY_YEAR.exec(text);
  if (match) {
    const m = month(match[1]);
    return m ? at(Number(match[3]), m, Number(match[2])) : undefined;
  }
  const monthFirst = isMonthFirst(locale);
  match = SHORT_YEAR.exec(text);
  if (match) {
    const [a, b, yy] = [Number(match[1]), Number(match[3]), Number(match[4])];
    const year = yy < 30 ? 2000 + yy : 1900 + yy;
    return monthFirst ? at(year, a, b) : at(year, b, a);
  }
  match = DAY_MONTH.exec(text);
  if (match) {
    const [a, b] = [Number(match[1]), Number(match[3])];
    const year = Number(
      new Intl.DateTimeFormat('en-US', { year: 'numeric', timeZone }).format(new Date(now)),
    );
    return monthFirst ? at(year, a, b) : at(year, b, a);
  }
  return undefined;
}

const DATE_LIKE =
  /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4})(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?$/;

/** The date pattern Sheets shows by default in `locale`. */
export function defaultDateFormat(locale: string): string {
  return isMonthFirst(locale) ? 'M/d/yyyy' : 'dd/MM/yyyy';
}

/** The date-time pattern Sheets shows by default in `locale`. */
export function defaultDateTimeFormat(locale: string): string {
  return isMonthFirst(locale) ? 'M/d/yyyy H:mm:ss' : 'dd/MM/yyyy HH:mm:ss';
}

export interface UserEntered {
  value: string | number | boolean | Date;
  /** Set when Sheets would also change the cell's number format (dates, %, currency). */
  format?: string;
}

/**
 * Text typed into a cell (or written with setValue, or imported from CSV) as Sheets
 * reads it in `locale`: numbers with the locale's separators, currency signs,
 * percentages and scientific notation (`1e3`); full dates (day-first outside month-first
 * locales, ISO everywhere) at midnight in `timeZone`; month names of the spreadsheet's
 * language (`May 2026`, `mars 2025`); day and month alone (`1/2`, `3-4`: that day of
 * the current year, `now`'s); TRUE/FALSE (VRAI/FAUX in French). Everything else,
 * including "" and month-years like "01/2025", stays text.
 *
 * The decimal separator and the day/month order come from src/core/context (the
 * add-on's locale table), so the emulator reads input the way the add-on expects the
 * locale to write it.
 */
export function typeUserEntered(
  text: string,
  locale: string,
  timeZone: string,
  now: number = Date.now(),
): UserEntered {
  const trimmed = text.trim();
  if (trimmed === '') return { value: text };
  const upper = trimmed.toUpperCase();
  const fr = languageOf(locale) === 'fr';
  if (upper === 'TRUE' || (fr && upper === 'VRAI')) return { value: true };
  if (upper === 'FALSE' || (fr && upper === 'FAUX')) return { value: false };
  if (DATE_LIKE.test(trimmed)) {
    const ms = parseDate(trimmed, isMonthFirst(locale), timeZone);
    if (ms === NOT_A_DATE || ms === null) return { value: text };
    const timed = /\d:\d\d/.test(trimmed);
    const iso = /^\d{4}-/.test(trimmed);
    const format = iso
      ? 'yyyy-MM-dd' + (timed ? ' H:mm:ss' : '')
      : timed
        ? defaultDateTimeFormat(locale)
        : defaultDateFormat(locale);
    return { value: new Date(ms), format };
  }
  return (
    readLocaleNumber(trimmed, locale) ??
    readScientific(trimmed, locale) ??
    readWordDate(trimmed, locale, timeZone, now) ?? { value: text }
  );
}

/** A CSV cell as Google Sheets types it on import in `locale` (see typeUserEntered). */
export function typeCsvValue(
  text: string,
  locale: string,
  timeZone: string,
): string | number | boolean | Date {
  return typeUserEntered(text, locale, timeZone).value;
}

export interface CsvTab {
  name: string;
  values: unknown[][];
  /**
   * The number format Sheets gives each cell on import (null: the default), e.g.
   * "yyyy-MM-dd" for an ISO date or "#,##0.00 [$€]" for "17 800,00 €".
   */
  numberFormats: (string | null)[][];
}

/**
 * The most characters a cell holds: Sheets refuses more, in a typed or imported value
 * alike (the emulator's setValue throws the same limit; docs/EMULATOR.md).
 */
export const MAX_IMPORTED_CELL_CHARS = 50_000;

/**
 * CSV text to typed rows (and their formats), padded with "" to the widest row.
 * `delimiter` as parseCsv's (default the detected `;` or `,`); `file` names the file in
 * parseCsv's errors. A cell over 50,000 characters is a CsvError naming its row and
 * column: no Sheets cell could hold it.
 */
export function typeCsvTable(
  text: string,
  locale: string,
  timeZone: string,
  delimiter?: string,
  file?: string,
): { values: unknown[][]; numberFormats: (string | null)[][] } {
  const rows = parseCsv(text, delimiter, file);
  rows.forEach((row, r) =>
    row.forEach((field, c) => {
      if (field.length > MAX_IMPORTED_CELL_CHARS) {
        throw new CsvError(
          `${file ? `${file}, ` : ''}row ${r + 1}, column ${c + 1}: a cell of ${field.length.toLocaleString('en-US')} characters; a Sheets cell holds at most 50,000`,
          file,
        );
      }
    }),
  );
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  const values: unknown[][] = [];
  const numberFormats: (string | null)[][] = [];
  for (const row of rows) {
    const typedRow: unknown[] = [];
    const formatRow: (string | null)[] = [];
    for (let c = 0; c < width; c++) {
      const typed = typeUserEntered(row[c] ?? '', locale, timeZone);
      typedRow.push(typed.value);
      formatRow.push(typed.format ?? null);
    }
    values.push(typedRow);
    numberFormats.push(formatRow);
  }
  return { values, numberFormats };
}

/** CSV text to typed rows, all padded with "" to the width of the widest row. */
export function typeCsvRows(text: string, locale: string, timeZone: string): unknown[][] {
  return typeCsvTable(text, locale, timeZone).values;
}

/** A regular file (a symbolic link followed), not a folder. */
function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * One tab per `.csv` file of `folder` (name without extension), sorted by file name.
 * A file that is not UTF-8, or whose quotes do not close, throws a CsvError naming it.
 */
export function loadCsvFolder(
  folder: string,
  options: { locale: string; timeZone: string },
): CsvTab[] {
  return readdirSync(folder)
    .filter((file) => file.toLowerCase().endsWith('.csv') && isFile(join(folder, file)))
    .sort()
    .map((file) => ({
      name: file.replace(/\.csv$/i, ''),
      ...typeCsvTable(
        decodeCsv(readFileSync(join(folder, file)), join(folder, file)),
        options.locale,
        options.timeZone,
        undefined,
        join(folder, file),
      ),
    }));
}
