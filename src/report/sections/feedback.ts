import type { SheetContext } from '../../core/context';
import { ratio } from '../../core/status';
import type { FeedbackColumns } from '../../engine/feedback';
import { readFeedback } from '../../engine/feedback';
import type { PeriodPlan } from '../../engine/periods';
import { bucketOf, dayOfInstant, isoOfDay } from '../../engine/periods';
import type { EntityTable } from '../../engine/table';
import { detectScoreScale } from '../../mapping/scoreScale';
import type { FeedbackScale } from '../../mapping/schema';
import type { FeedbackAggregates } from '../catalog';
import { SLOTS } from '../dealPass';
import type { FeedbackComment, FeedbackRepRow, FeedbackSection } from '../model';
import { periodInfo, slotOf } from '../periods';

/** The feedback tab: scores by slot, trend period and rep, and the latest comments. */

const MAX_COMMENTS = 10;

export interface FeedbackRead {
  readonly columns: FeedbackColumns;
  readonly scale: FeedbackScale;
}

/** The feedback table read on the mapping's scale, or else the one its scores show. */
export function readFeedbackScores(
  table: EntityTable,
  context: SheetContext,
  mappedScale: FeedbackScale | undefined,
): FeedbackRead {
  const scale = mappedScale ?? detectScoreScale(scoresOf(table), context) ?? '1-5';
  return { columns: readFeedback(table, context, scale), scale };
}

function scoresOf(table: EntityTable): unknown[] {
  const col = table.columns.score;
  return col === undefined ? [] : table.values.slice(table.headerIndex + 1).map((r) => r[col]);
}

export interface FeedbackAggregatesAll {
  readonly slots: FeedbackAggregates[];
  /** Per (rep id) × trend period: Σ and count of scores. */
  readonly trendSum: Float64Array;
  readonly trendCount: Int32Array;
  /** Current period per rep id. */
  readonly currentSum: Float64Array;
  readonly currentCount: Int32Array;
  readonly teamTrendSum: Float64Array;
  readonly teamTrendCount: Int32Array;
  /** Rep ids with feedback (any row), in order of first appearance. */
  readonly repsSeen: number[];
  readonly periods: number;
}

export function aggregateFeedback(
  f: FeedbackColumns,
  repIds: Int32Array,
  sBounds: Float64Array,
  trendBounds: Float64Array,
  none: number,
  scale: FeedbackScale,
): FeedbackAggregatesAll {
  const periods = trendBounds.length - 1;
  const slotSum = new Float64Array(SLOTS);
  const slotCount = new Int32Array(SLOTS);
  const promoters = new Int32Array(SLOTS);
  const detractors = new Int32Array(SLOTS);
  const trendSum = new Float64Array((none + 1) * periods);
  const trendCount = new Int32Array((none + 1) * periods);
  const currentSum = new Float64Array(none + 1);
  const currentCount = new Int32Array(none + 1);
  const teamTrendSum = new Float64Array(periods);
  const teamTrendCount = new Int32Array(periods);
  const seen = new Uint8Array(none + 1);
  const repsSeen: number[] = [];
  for (let i = 0; i < f.length; i++) {
    const local = f.rep ? f.rep.codes[i] : -1;
    const rep = local < 0 ? none : repIds[local];
    if (!seen[rep]) {
      seen[rep] = 1;
      repsSeen.push(rep);
    }
    const score = f.score[i];
    if (score !== score) continue;
    const ms = f.date[i];
    const k = bucketOf(ms, trendBounds);
    if (k >= 0) {
      trendSum[rep * periods + k] += score;
      trendCount[rep * periods + k]++;
      teamTrendSum[k] += score;
      teamTrendCount[k]++;
    }
    const s = slotOf(ms, sBounds);
    if (s < 0) continue;
    slotSum[s] += score;
    slotCount[s]++;
    if (score >= 9) promoters[s]++;
    else if (score <= 6) detractors[s]++;
    if (s === 0) {
      currentSum[rep] += score;
      currentCount[rep]++;
    }
  }
  const slots: FeedbackAggregates[] = [];
  for (let s = 0; s < SLOTS; s++) {
    slots.push({
      sum: slotSum[s],
      count: slotCount[s],
      promoters: promoters[s],
      detractors: detractors[s],
      zeroToTen: scale === '0-10',
    });
  }
  return {
    slots,
    trendSum,
    trendCount,
    currentSum,
    currentCount,
    teamTrendSum,
    teamTrendCount,
    repsSeen,
    periods,
  };
}

export function buildFeedback(
  agg: FeedbackAggregatesAll,
  f: FeedbackColumns,
  repIds: Int32Array,
  repLabels: readonly string[],
  none: string,
  plan: PeriodPlan,
  scale: FeedbackScale,
  timeZone: string,
): FeedbackSection {
  const { periods } = agg;
  const noneId = repLabels.length;
  const row = (rep: number): FeedbackRepRow => {
    const scores: (number | null)[] = [];
    for (let k = 0; k < periods; k++) {
      scores.push(ratio(agg.trendSum[rep * periods + k], agg.trendCount[rep * periods + k]));
    }
    return {
      rep: rep === noneId ? none : repLabels[rep],
      isNone: rep === noneId,
      scores,
      current: ratio(agg.currentSum[rep], agg.currentCount[rep]),
      count: agg.currentCount[rep],
    };
  };
  const ids = agg.repsSeen.filter((r) => r !== noneId).sort((a, b) => a - b);
  if (agg.repsSeen.includes(noneId)) ids.push(noneId);
  const team: (number | null)[] = [];
  for (let k = 0; k < periods; k++) team.push(ratio(agg.teamTrendSum[k], agg.teamTrendCount[k]));

  const comments: FeedbackComment[] = [];
  if (f.comment) {
    const until = plan.current.until;
    const candidates: number[] = [];
    for (let i = 0; i < f.length; i++) {
      if (f.comment[i] !== '' && f.date[i] < until) candidates.push(i);
    }
    candidates.sort((a, b) => f.date[b] - f.date[a] || f.sheetRows[b] - f.sheetRows[a]);
    for (const i of candidates.slice(0, MAX_COMMENTS)) {
      const local = f.rep ? f.rep.codes[i] : -1;
      const score = f.score[i];
      comments.push({
        date: isoOfDay(dayOfInstant(f.date[i], timeZone)),
        rep: local < 0 ? none : repLabels[repIds[local]],
        score: score === score ? score : null,
        comment: f.comment[i],
      });
    }
  }
  return { scale, periods: plan.trend.map(periodInfo), rows: ids.map(row), team, comments };
}
