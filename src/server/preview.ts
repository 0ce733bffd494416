import type { SheetContext } from '../core/context';
import { decimalSeparatorOf } from '../core/context';
import { Parsers } from '../core/args';
import { toProbability } from '../core/probability';
import { describeValue, isBlank, rowIsBlank } from '../core/values';
import type { SheetValues } from '../mapping/analyzeSheet';
import type { EntityId } from '../mapping/fields';
import { ENTITIES, entitySpec } from '../mapping/fields';
import type { PreviewCell } from '../mapping/problems';
import { readCell } from '../mapping/problems';
import type { FeedbackScale } from '../mapping/schema';
import { detectScoreScale } from '../mapping/scoreScale';
import { reconcileStatuses } from './statuses';
import type {
  DraftAnalysis,
  DraftEntity,
  DraftMapping,
  EntityPreview,
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
      const probability = toProbability(value, decimal);
      return Number.isNaN(probability) ? null : probability;
    });
  }
  const statuses = reconcileStatuses(statusCells ?? [], draft.status, probabilities);

  return { statuses, preview, detectedScale: detectedScaleOf(draft, sheets, context) };
}

/** The scale the feedback scores of a draft look like, or null. */
export function detectedScaleOf(
  draft: DraftMapping,
  sheets: readonly SheetValues[],
  context: SheetContext,
): FeedbackScale | null {
  const feedback = draft.entities.feedback;
  const feedbackSheet = feedback && sheets.find((s) => s.name === feedback.sheet);
  const scores =
    feedback && feedbackSheet ? columnBelow(feedbackSheet, feedback, 'score') : undefined;
  return scores ? (detectScoreScale(scores, context) ?? null) : null;
}
