import type { Span } from '../../engine/periods';
import type { TargetColumns } from '../../engine/targets';
import { targetsIn } from '../../engine/targets';

/**
 * Targets by slot, trend period and (current period) rep, prorated to each period's days;
 * the overview, trends and per-rep tabs show them beside the revenue.
 */

export interface TargetAggregates {
  readonly slots: (number | null)[];
  readonly trend: (number | null)[];
  /** Current period per rep id (NaN: none). */
  readonly byRep: Float64Array;
}

export function aggregateTargets(
  t: TargetColumns,
  repIds: Int32Array,
  spans: readonly Span[],
  trend: readonly Span[],
  none: number,
): TargetAggregates {
  const slots = spans.map((s) => targetsIn(t, s.startDay, s.endDay));
  const byRep = new Float64Array(none + 1).fill(NaN);
  slots[0].byRep.forEach((value, local) => (byRep[repIds[local]] = value));
  return {
    slots: slots.map((s) => s.team),
    trend: trend.map((s) => targetsIn(t, s.startDay, s.endDay).team),
    byRep,
  };
}
