import type { PeriodPlan, Span } from '../engine/periods';
import type { PeriodChoice } from '../engine/periods';
import {
  boundsOf,
  bucketOf,
  dayOfInstant,
  dayNumber,
  instantOfDay,
  isoOfDay,
  planPeriods,
  planPeriodsHolding,
  wallOfDay,
} from '../engine/periods';
import type { MappingSettings } from '../mapping/schema';
import type { PeriodInfo } from './model';

/**
 * The report's periods: the plan of the mapping's settings, its three overview slots
 * (0 current, 1 previous, 2 the one before) and the bounds that bucket an instant into a
 * slot or a trend period.
 */
export interface ReportPeriods {
  readonly plan: PeriodPlan;
  /** The overview slots, current first. */
  readonly spans: readonly Span[];
  readonly slotBounds: Float64Array;
  readonly trendBounds: Float64Array;
  /** Per slot, the first instant of the 12 months ending with it (retention and churn). */
  readonly windowStarts: readonly number[];
}

/**
 * The periods of the settings for `today`; with `choice`, the chosen period instead (its
 * unit overrides the settings'); with `holding` (an instant), the period of the settings'
 * unit holding it (the latest one that has deals).
 */
export function reportPeriods(
  settings: MappingSettings,
  today: number,
  timeZone: string,
  anchor?: { readonly choice?: PeriodChoice; readonly holding?: number },
): ReportPeriods {
  const base = {
    period: settings.period,
    fiscalYearStartMonth: settings.fiscalYearStartMonth,
    customRange: settings.customRange,
  };
  let plan;
  if (anchor?.choice) {
    plan = planPeriodsHolding(
      { ...base, period: anchor.choice.unit, customRange: undefined },
      anchor.choice.day,
      timeZone,
    );
  } else if (anchor?.holding !== undefined) {
    plan = planPeriodsHolding(base, dayOfInstant(anchor.holding, timeZone), timeZone);
  } else {
    plan = planPeriods(base, today, timeZone);
  }
  return {
    plan,
    spans: [plan.current, plan.previous, plan.beforePrevious],
    slotBounds: slotBoundsOf(plan),
    trendBounds: boundsOf(plan.trend),
    windowStarts: [plan.current, plan.previous, plan.beforePrevious].map((span) =>
      instantOfDay(yearBefore(span.endDay), timeZone),
    ),
  };
}

export function periodInfo(span: Span): PeriodInfo {
  return { start: isoOfDay(span.startDay), end: isoOfDay(span.endDay - 1), label: span.label };
}

/** The same day a year before (February 29th: March 1st). */
export function yearBefore(dayNo: number): number {
  const { year, month, day } = wallOfDay(dayNo);
  return dayNumber(year - 1, month, day);
}

/** The slots' bounds in time order (the one before previous first), for slotOf. */
function slotBoundsOf(plan: PeriodPlan): Float64Array {
  return Float64Array.of(
    plan.beforePrevious.start,
    plan.previous.start,
    plan.current.start,
    plan.current.until,
  );
}

/** Slot (0 current, 1 previous, 2 before) of an instant, −1 outside. */
export function slotOf(ms: number, slotBounds: Float64Array): number {
  const b = bucketOf(ms, slotBounds);
  return b < 0 ? -1 : 2 - b;
}
