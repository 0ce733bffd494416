import { ratio } from '../../core/status';
import type { DealSummary } from '../../engine/dealStats';
import { quotaAttainmentOf } from '../../functions/quotaAttainment';
import type { PeriodAggregates } from '../catalog';
import type { RepRow, RepSection } from '../model';
import type { ActivityAggregates } from './activities';
import type { FeedbackAggregatesAll } from './feedback';
import type { TargetAggregates } from './targets';

/** The per-rep tab: each rep's deals, activities, target and feedback in the current period. */

export function buildReps(
  repStats: DealSummary[],
  repPipeline: Float64Array,
  total: PeriodAggregates,
  repLabels: readonly string[],
  none: string,
  activityAgg: ActivityAggregates | null,
  targetAgg: TargetAggregates | null,
  feedbackAgg: FeedbackAggregatesAll | null,
): RepSection {
  const noneId = repLabels.length;
  const row = (rep: number): RepRow => {
    const s = repStats[rep];
    const target =
      targetAgg && targetAgg.byRep[rep] === targetAgg.byRep[rep] ? targetAgg.byRep[rep] : null;
    return {
      rep: rep === noneId ? none : repLabels[rep],
      isNone: rep === noneId,
      deals: s.deals,
      won: s.won,
      lost: s.lost,
      open: s.open,
      winRate: s.winRate,
      revenue: s.revenue,
      averageDealSize: s.averageDealSize,
      pipeline: repPipeline[rep],
      salesCycleDays: s.salesCycleDays,
      activities: activityAgg ? activityAgg.byRep[rep] : null,
      target,
      attainment: target === null ? null : quotaAttainmentOf(s.revenue, target),
      feedbackScore: feedbackAgg
        ? ratio(feedbackAgg.currentSum[rep], feedbackAgg.currentCount[rep])
        : null,
      implausible: false,
    };
  };
  const ids: number[] = [];
  for (let rep = 0; rep < noneId; rep++) {
    const present =
      repStats[rep].deals > 0 ||
      repPipeline[rep] !== 0 ||
      (activityAgg !== null && activityAgg.byRep[rep] > 0) ||
      (targetAgg !== null && targetAgg.byRep[rep] === targetAgg.byRep[rep]);
    if (present) ids.push(rep);
  }
  // Highest revenue first; ties keep the order of first appearance (ids).
  ids.sort((a, b) => repStats[b].revenue - repStats[a].revenue || a - b);
  const rows = ids.map(row);
  if (
    repStats[noneId].deals > 0 ||
    repPipeline[noneId] !== 0 ||
    (activityAgg !== null && activityAgg.byRep[noneId] > 0)
  ) {
    rows.push(row(noneId));
  }
  const d = total.deals;
  const team = total.target;
  return {
    rows,
    total: {
      rep: 'Total',
      isNone: false,
      deals: d.deals,
      won: d.won,
      lost: d.lost,
      open: d.open,
      winRate: d.winRate,
      revenue: d.revenue,
      averageDealSize: d.averageDealSize,
      pipeline: total.openPipeline.weighted,
      salesCycleDays: d.salesCycleDays,
      activities: total.activities ? total.activities.count : null,
      target: team,
      attainment: team === null ? null : quotaAttainmentOf(d.revenue, team),
      feedbackScore: total.feedback ? ratio(total.feedback.sum, total.feedback.count) : null,
      implausible: false,
    },
  };
}
