import type { SheetContext } from '../core/context';
import { Parsers } from '../core/args';
import { toProbability } from '../core/probability';
import type { SheetValues } from './analyzeSheet';
import { analyzeSheet } from './analyzeSheet';
import type { EntityGuess } from './assignSheets';
import { assignSheets } from './assignSheets';
import type { EntityId } from './fields';
import type { MisfitReason } from './plausibility';
import type { PreviewProblem } from './problems';
import { previewProblems } from './problems';
import type { FeedbackScale } from './schema';
import { detectScoreScale } from './scoreScale';
import type { StatusProposal } from './statusProposal';
import { proposeStatuses } from './statusProposal';

/**
 * Guesses which sheet holds which entity and which column holds which field, from the
 * header texts first and a sample of the values second. Pure: the sidebar passes the
 * sheets' values (typed as getValues gives them, or all text) and shows the result for
 * the user to correct. The steps live beside this file: analyzeSheet (header row and
 * value profiles), matchFields, assignSheets, statusProposal, scoreScale, problems.
 */

export interface WorkbookDetection {
  readonly entities: Partial<Record<EntityId, EntityGuess>>;
  readonly status?: StatusProposal;
  readonly feedbackScale?: FeedbackScale;
  /** Unparseable values in the sampled rows of the mapped sheets. */
  readonly problems: readonly PreviewProblem[];
  readonly unusedSheets: readonly string[];
  /** Tables that have an entity's columns but do not look like it: left unmapped. */
  readonly unfit: readonly UnfitTable[];
}

export interface UnfitTable {
  readonly entity: EntityId;
  readonly sheet: string;
  readonly reason: MisfitReason;
}

/** Rows read in full for status values and the feedback scale. */
const FULL_SCAN_ROWS = 50000;

/**
 * The whole detection: sheets assigned to entities (assignSheets.ts), then, from the
 * sheets chosen, the status proposal, the feedback scale and the problems of the
 * sampled rows.
 */
export function detectWorkbook(
  sheets: readonly SheetValues[],
  context: SheetContext,
): WorkbookDetection {
  const analyses = sheets.map((s) => analyzeSheet(s, context));
  const { entities, usedSheets, misfits } = assignSheets(analyses);
  const bySheet = new Map(sheets.map((s, i) => [s.name, { sheet: s, analysis: analyses[i] }]));
  const readers = new Parsers(context);

  const deals = entities.deals;
  const status = deals?.fields.status
    ? statusesOf(deals, bySheet.get(deals.sheet)!.sheet, readers)
    : undefined;

  const feedback = entities.feedback;
  const feedbackScale = feedback?.fields.score
    ? scaleOf(feedback, bySheet.get(feedback.sheet)!.sheet, context)
    : undefined;

  const problems: PreviewProblem[] = [];
  for (const guess of Object.values(entities)) {
    if (!guess) continue;
    const { sheet, analysis } = bySheet.get(guess.sheet)!;
    problems.push(...previewProblems(guess, sheet, analysis.sampleRows, readers));
  }

  const unusedSheets = sheets.filter((_, i) => !usedSheets.has(i)).map((s) => s.name);
  const unfit = misfits.map((m) => ({
    entity: m.entity,
    sheet: m.sheet,
    reason: m.misfit!.reason,
  }));
  return { entities, status, feedbackScale, problems, unusedSheets, unfit };
}

/** The status proposal from the deals' status column (and probabilities, if mapped). */
function statusesOf(deals: EntityGuess, sheet: SheetValues, readers: Parsers): StatusProposal {
  const statusCol = deals.fields.status.column;
  const probCol = deals.fields.probability?.column;
  const statuses: unknown[] = [];
  const probabilities: (number | null)[] = [];
  // headerRow is 1-based, so it is also the 0-based index of the first data row.
  const end = Math.min(sheet.values.length, deals.headerRow + FULL_SCAN_ROWS);
  for (let r = deals.headerRow; r < end; r++) {
    const row = sheet.values[r];
    statuses.push(row[statusCol]);
    // NaN for a value that is no probability: proposeStatuses skips it like a blank.
    probabilities.push(probCol === undefined ? null : toProbability(row[probCol], readers.decimal));
  }
  return proposeStatuses(statuses, probCol === undefined ? undefined : probabilities);
}

/** The feedback scale of the score column, 1–5 when the scores do not tell. */
function scaleOf(feedback: EntityGuess, sheet: SheetValues, context: SheetContext): FeedbackScale {
  const col = feedback.fields.score.column;
  const end = Math.min(sheet.values.length, feedback.headerRow + FULL_SCAN_ROWS);
  const scores: unknown[] = [];
  for (let r = feedback.headerRow; r < end; r++) scores.push(sheet.values[r][col]);
  return detectScoreScale(scores, context) ?? '1-5';
}
