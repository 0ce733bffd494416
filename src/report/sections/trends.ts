import type { DealSummary } from '../../engine/dealStats';
import type { Span } from '../../engine/periods';
import type { TrendRow } from '../model';
import { periodInfo } from '../periods';
import type { ActivityAggregates } from './activities';
import type { TargetAggregates } from './targets';

/** The trends tab: one row of deal, customer, activity and target figures per trend period. */
export function buildTrends(
  trend: readonly Span[],
  trendStats: readonly DealSummary[],
  newCustomers: Int32Array | null,
  activityAgg: ActivityAggregates | null,
  targetAgg: TargetAggregates | null,
): TrendRow[] {
  return trend.map((span, k) => ({
    period: periodInfo(span),
    revenue: trendStats[k].revenue,
    wonDeals: trendStats[k].won,
    winRate: trendStats[k].winRate,
    averageDealSize: trendStats[k].averageDealSize,
    newCustomers: newCustomers ? newCustomers[k] : null,
    activities: activityAgg ? activityAgg.trend[k] : null,
    target: targetAgg ? targetAgg.trend[k] : null,
  }));
}
