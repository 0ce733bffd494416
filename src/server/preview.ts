import type { SheetContext } from '../core/context';
import { decimalSeparatorOf } from '../core/context';
import { Parsers } from '../core/args';
import { isoDay, NOT_A_DATE, parseDate } from '../core/dates';
import { NOT_A_NUMBER, parseNumber } from '../core/numbers';
import { describeValue, isBlank, isDate, rowIsBlank } from '../core/values';
import { probabilityAt } from '../functions/pipelineValue';
import type { SheetValues } from '../mapping/analyzeSheet';
import type { EntityId, FieldSpec } from '../mapping/fields';
import { ENTITIES, entitySpec } from '../mapping/fields';
import { looksLikePeriod } from '../mapping/period';
import type { ProblemReason } from '../mapping/problems';
import { detectScoreScale } from '../mapping/scoreScale';
import { reconcileStatuses } from './statuses';
import type {
  DraftAnalysis,
  DraftEntity,
  DraftMapping,
  EntityPreview,
  PreviewCell,
  PreviewProblemInfo,
} from './types';

/**
 * Pure: what a (draft) mapping reads from the sheets. The first rows parsed field by
 * field as the summary will read them, and every value that will not parse, with its
 * sheet row, so the user sees problems before generating anything.
 */

/** Rows shown per entity. */
export const PREVIEW_ROWS = 5;
/** Problems listed per entity (all are counted). */
export const PROBLEM_LIMIT = 20;

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
      try {
        return {
          kind: 'number',
          value: probabilityAt({ name: field.id, values: [value] }, 0, readers.decimal),
        };
      } catch {
        return problem(value, 'notAProbability');
      }
    }
    case 'date': {
      const ms = parseDate(value, readers.monthFirst, readers.timeZone);
      if (ms === NOT_A_DATE || ms === null) return problem(value, 'notADate');
      return { kind: 'date', iso: isoDay(ms, readers.timeZone) };
    }
    case 'period': {
      if (looksLikePeriod(value)) return { kind: 'text', text: String(value).trim() };
      if (isDate(value) || typeof value === 'string') {
        const ms = parseDate(value, readers.monthFirst, readers.timeZone);
        if (ms !== NOT_A_DATE && ms !== null)
          return { kind: 'date', iso: isoDay(ms, readers.timeZone) };
      }
      return problem(value, 'notAPeriod');
    }
    default:
      return { kind: 'text', text: cellText(value, readers.timeZone) };
  }
}

export function previewEntity(
  entity: EntityId,
  draft: DraftEntity,
  sheet: SheetValues | undefined,
  context: SheetContext,
): EntityPreview {
  const spec = entitySpec(entity);
  const mapped = spec.fields.filter((f) => draft.fields[f.id] !== undefined);
  const base = {
    entity,
    sheet: draft.sheet,
    headerRow: draft.headerRow,
    fields: mapped.map((f) => f.id),
  };
  if (!sheet) {
    return { ...base, rows: [], dataRows: 0, problems: [], problemCount: 0, error: 'sheetMissing' };
  }
  if (draft.headerRow > sheet.values.length) {
    return {
      ...base,
      rows: [],
      dataRows: 0,
      problems: [],
      problemCount: 0,
      error: 'headerRowOutside',
    };
  }
  const readers = new Parsers(context);
  const rows: EntityPreview['rows'] = [];
  const problems: PreviewProblemInfo[] = [];
  let problemCount = 0;
  let dataRows = 0;
  // headerRow is 1-based, so it is also the 0-based index of the first data row.
  for (let r = draft.headerRow; r < sheet.values.length; r++) {
    const row = sheet.values[r];
    if (rowIsBlank(row)) continue;
    dataRows++;
    const cells: PreviewCell[] = [];
    for (const field of mapped) {
      const ref = draft.fields[field.id];
      const cell = readCell(field, row[ref.index], readers);
      if (cell.kind === 'problem') {
        problemCount++;
        if (problems.length < PROBLEM_LIMIT) {
          problems.push({
            field: field.id,
            header: ref.header,
            sheetRow: r + 1,
            value: describeValue(row[ref.index]),
            reason: cell.reason,
          });
        }
      }
      if (rows.length < PREVIEW_ROWS) cells.push(cell);
    }
    if (rows.length < PREVIEW_ROWS) rows.push({ sheetRow: r + 1, cells });
  }
  return { ...base, rows, dataRows, problems, problemCount, error: null };
}

/** The cells of one mapped column below the header row (blank rows included). */
function columnBelow(sheet: SheetValues, draft: DraftEntity, field: string): unknown[] | undefined {
  const ref = draft.fields[field];
  if (!ref) return undefined;
  const cells: unknown[] = [];
  for (let r = draft.headerRow; r < sheet.values.length; r++)
    cells.push(sheet.values[r][ref.index]);
  return cells;
}

/** Statuses, preview and feedback scale of a draft, from the sheets it maps. */
export function analyzeDraft(
  draft: DraftMapping,
  sheets: readonly SheetValues[],
  context: SheetContext,
): DraftAnalysis {
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const preview: EntityPreview[] = [];
  for (const spec of ENTITIES) {
    const entity = draft.entities[spec.id];
    if (entity) preview.push(previewEntity(spec.id, entity, byName.get(entity.sheet), context));
  }

  const deals = draft.entities.deals;
  const dealSheet = deals && byName.get(deals.sheet);
  const statusCells = deals && dealSheet ? columnBelow(dealSheet, deals, 'status') : undefined;
  let probabilities: (number | null)[] | undefined;
  if (deals && dealSheet && statusCells) {
    const cells = columnBelow(dealSheet, deals, 'probability');
    const decimal = decimalSeparatorOf(context.locale);
    probabilities = cells?.map((value) => {
      if (isBlank(value)) return null;
      try {
        return probabilityAt({ name: 'probability', values: [value] }, 0, decimal);
      } catch {
        return null;
      }
    });
  }
  const statuses = reconcileStatuses(statusCells ?? [], draft.status, probabilities);

  const feedback = draft.entities.feedback;
  const feedbackSheet = feedback && byName.get(feedback.sheet);
  const scores =
    feedback && feedbackSheet ? columnBelow(feedbackSheet, feedback, 'score') : undefined;
  const detectedScale = scores ? (detectScoreScale(scores, context) ?? null) : null;

  return { statuses, preview, detectedScale };
}
