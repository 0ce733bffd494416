import type { Parsers } from '../core/args';
import { isoDay, NOT_A_DATE, parseDate } from '../core/dates';
import { NOT_A_NUMBER, parseNumber } from '../core/numbers';
import { toProbability } from '../core/probability';
import { describeValue, isBlank, isDate } from '../core/values';
import type { SheetValues } from './analyzeSheet';
import type { EntityGuess } from './assignSheets';
import type { EntityId, FieldSpec } from './fields';
import { entitySpec } from './fields';
import { looksLikePeriod } from './period';

/**
 * How one cell reads as its field's type, and the sampled values of a guessed entity
 * that will not: detection and the sidebar's preview judge cells the same way.
 */

export type ProblemReason =
  'notANumber' | 'notADate' | 'notAProbability' | 'notAPeriod' | 'scoreOutOfRange';

export interface PreviewProblem {
  readonly entity: EntityId;
  readonly sheet: string;
  readonly field: string;
  readonly header: string;
  /** 1-based sheet row. */
  readonly sheetRow: number;
  /** The value as quoted in messages, e.g. `"n/c"`. */
  readonly value: string;
  readonly reason: ProblemReason;
}

/** One cell as read for the preview (JSON-safe: it crosses google.script.run). */
export type PreviewCell =
  | { readonly kind: 'blank' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number }
  /** YYYY-MM-DD in the spreadsheet's time zone. */
  | { readonly kind: 'date'; readonly iso: string }
  | { readonly kind: 'problem'; readonly text: string; readonly reason: ProblemReason };

/** A cell as text, for text fields and for the header-row chooser. */
export function cellText(value: unknown, timeZone: string): string {
  if (isBlank(value)) return '';
  if (isDate(value)) return isNaN(value.getTime()) ? '' : isoDay(value.getTime(), timeZone);
  return String(value).trim();
}

function problem(value: unknown, reason: ProblemReason): PreviewCell {
  return {
    kind: 'problem',
    text: typeof value === 'string' ? value : describeValue(value),
    reason,
  };
}

/** One cell read as its field's type. */
export function readCell(field: FieldSpec, value: unknown, readers: Parsers): PreviewCell {
  if (isBlank(value)) return { kind: 'blank' };
  switch (field.type) {
    case 'money':
    case 'number': {
      const n = parseNumber(value, readers.decimal);
      if (n === NOT_A_NUMBER || n === null) return problem(value, 'notANumber');
      if (field.id === 'score' && (n < 0 || n > 10)) return problem(value, 'scoreOutOfRange');
      return { kind: 'number', value: n };
    }
    case 'fraction': {
      const p = toProbability(value, readers.decimal);
      return Number.isNaN(p) ? problem(value, 'notAProbability') : { kind: 'number', value: p };
    }
    case 'date': {
      const ms = parseDate(value, readers.dateOrder, readers.timeZone);
      if (ms === NOT_A_DATE || ms === null) return problem(value, 'notADate');
      return { kind: 'date', iso: isoDay(ms, readers.timeZone) };
    }
    case 'period': {
      if (looksLikePeriod(value)) return { kind: 'text', text: String(value).trim() };
      if (isDate(value) || typeof value === 'string') {
        const ms = parseDate(value, readers.dateOrder, readers.timeZone);
        if (ms !== NOT_A_DATE && ms !== null)
          return { kind: 'date', iso: isoDay(ms, readers.timeZone) };
      }
      return problem(value, 'notAPeriod');
    }
    default:
      return { kind: 'text', text: cellText(value, readers.timeZone) };
  }
}

/** The problems of a guess in the given rows (0-based), row by row, field by field. */
export function previewProblems(
  guess: EntityGuess,
  sheet: SheetValues,
  rows: readonly number[],
  readers: Parsers,
): PreviewProblem[] {
  const spec = entitySpec(guess.entity);
  const problems: PreviewProblem[] = [];
  for (const row of rows) {
    for (const field of spec.fields) {
      const match = guess.fields[field.id];
      if (!match) continue;
      const value = sheet.values[row][match.column];
      const cell = readCell(field, value, readers);
      if (cell.kind === 'problem') {
        problems.push({
          entity: guess.entity,
          sheet: sheet.name,
          field: field.id,
          header: match.header,
          sheetRow: row + 1,
          value: describeValue(value),
          reason: cell.reason,
        });
      }
    }
  }
  return problems;
}
