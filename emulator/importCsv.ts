import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { decimalSeparatorOf, isMonthFirst, languageOf } from '../src/core/context';
import { NOT_A_DATE, parseDate } from '../src/core/dates';
import { parseCsv } from './csv';

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
 * reads it in `locale`: numbers with the locale's separators, currency signs and
 * percentages; full dates (day-first outside en_US, ISO everywhere) at midnight in
 * `timeZone`; TRUE/FALSE (VRAI/FAUX in French). Everything else, including "" and
 * month-years like "01/2025", stays text.
 */
export function typeUserEntered(text: string, locale: string, timeZone: string): UserEntered {
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
  return readLocaleNumber(trimmed, locale) ?? { value: text };
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
 * CSV text to typed rows (and their formats), padded with "" to the widest row.
 * `delimiter` as parseCsv's (default the detected `;` or `,`).
 */
export function typeCsvTable(
  text: string,
  locale: string,
  timeZone: string,
  delimiter?: string,
): { values: unknown[][]; numberFormats: (string | null)[][] } {
  const rows = parseCsv(text, delimiter);
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

/** One tab per `.csv` file of `folder` (name without extension), sorted by file name. */
export function loadCsvFolder(
  folder: string,
  options: { locale: string; timeZone: string },
): CsvTab[] {
  return readdirSync(folder)
    .filter((file) => file.toLowerCase().endsWith('.csv'))
    .sort()
    .map((file) => ({
      name: file.replace(/\.csv$/i, ''),
      ...typeCsvTable(readFileSync(join(folder, file), 'utf8'), options.locale, options.timeZone),
    }));
}
