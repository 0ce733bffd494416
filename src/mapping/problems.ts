import type { Parsers } from '../core/args';
import { NOT_A_DATE, parseDate } from '../core/dates';
import { NOT_A_NUMBER, parseNumber } from '../core/numbers';
import { toProbability } from '../core/probability';
import { describeValue, isBlank } from '../core/values';
import type { SheetValues } from './analyzeSheet';
import type { EntityGuess } from './assignSheets';
import { kindOf } from './columnProfile';
import type { EntityId, FieldType } from './fields';
import { entitySpec } from './fields';
import { looksLikePeriod } from './period';

/** Sampled values of a guessed entity that will not read as their field's type. */

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

function checkValue(
  type: FieldType,
  fieldId: string,
  value: unknown,
  readers: Parsers,
): ProblemReason | undefined {
  switch (type) {
    case 'money':
    case 'number': {
      const n = parseNumber(value, readers.decimal);
      if (n === NOT_A_NUMBER) return 'notANumber';
      if (fieldId === 'score' && n !== null && (n < 0 || n > 10)) return 'scoreOutOfRange';
      return undefined;
    }
    case 'fraction':
      return Number.isNaN(toProbability(value, readers.decimal)) ? 'notAProbability' : undefined;
    case 'date':
      return parseDate(value, readers.monthFirst, readers.timeZone) === NOT_A_DATE
        ? 'notADate'
        : undefined;
    case 'period':
      return kindOf(value, readers) === 'date' || looksLikePeriod(value) ? undefined : 'notAPeriod';
    default:
      return undefined;
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
      if (isBlank(value)) continue;
      const reason = checkValue(field.type, field.id, value, readers);
      if (reason) {
        problems.push({
          entity: guess.entity,
          sheet: sheet.name,
          field: field.id,
          header: match.header,
          sheetRow: row + 1,
          value: describeValue(value),
          reason,
        });
      }
    }
  }
  return problems;
}
