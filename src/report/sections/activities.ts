import type { Language, SheetContext } from '../../core/context';
import { ratio } from '../../core/status';
import type { ActivityColumns, ActivityType } from '../../engine/activities';
import { ACTIVITY_BLOCK_ROWS, ActivityReader } from '../../engine/activities';
import type { DealSummary } from '../../engine/dealStats';
import type { PeriodPlan } from '../../engine/periods';
import { bucketOf } from '../../engine/periods';
import type { EntityTable, ReadLog } from '../../engine/table';
import { ACTIVITY_TYPES } from '../../mapping/fields';
import { SLOTS } from '../dealPass';
import type { ActivityRepRow, ActivitySection } from '../model';
import type { ReportPeriods } from '../periods';
import { periodInfo, slotOf } from '../periods';

/** The activities tab: counts by slot, trend period and, in the current period, rep × type. */

export interface ActivityAggregates {
  readonly count: Int32Array;
  readonly reps: Int32Array;
  readonly trend: Int32Array;
  /** Current period: counts[(rep id) * types + type], rep id `none` for blank reps. */
  readonly matrix: Int32Array;
  readonly typeCount: number;
  /** Current-period totals per rep id (none last). */
  readonly byRep: Int32Array;
}

/** Activity counts by slot, trend period and (current period) rep × type, block by block. */
class ActivityTally {
  readonly count = new Int32Array(SLOTS);
  readonly reps = new Int32Array(SLOTS);
  readonly trend: Int32Array;
  rows = 0;
  /** Current period, by the reader's rep code + 1 (0: blank rep): totals and counts per type. */
  private readonly byRep: number[] = [];
  private readonly matrix: number[][] = [];
  private seen = new Uint8Array(64);

  constructor(
    private readonly sBounds: Float64Array,
    private readonly trendBounds: Float64Array,
  ) {
    this.trend = new Int32Array(trendBounds.length - 1);
  }

  add(a: ActivityColumns): void {
    const { sBounds, trendBounds, trend, count } = this;
    const codes = a.rep ? a.rep.codes : null;
    this.rows += a.length;
    for (let i = 0; i < a.length; i++) {
      const ms = a.date[i];
      const k = bucketOf(ms, trendBounds);
      if (k >= 0) trend[k]++;
      const s = slotOf(ms, sBounds);
      if (s < 0) continue;
      count[s]++;
      const local = codes ? codes[i] : -1;
      if (local >= 0) {
        if (local >= this.seen.length) {
          const seen = new Uint8Array(Math.max(local + 1, this.seen.length * 2));
          seen.set(this.seen);
          this.seen = seen;
        }
        if (!(this.seen[local] & (1 << s))) {
          this.seen[local] |= 1 << s;
          this.reps[s]++;
        }
      }
      if (s === 0) {
        const slot = local + 1;
        while (this.byRep.length <= slot) {
          this.byRep.push(0);
          this.matrix.push([]);
        }
        this.byRep[slot]++;
        const line = this.matrix[slot];
        const type = a.type[i];
        while (line.length <= type) line.push(0);
        line[type]++;
      }
    }
  }

  /** The counts by registry rep id (`none` for blank reps). */
  finish(repIds: Int32Array, none: number, typeCount: number): ActivityAggregates {
    const matrix = new Int32Array((none + 1) * typeCount);
    const byRep = new Int32Array(none + 1);
    this.byRep.forEach((total, slot) => {
      const rep = slot === 0 ? none : repIds[slot - 1];
      byRep[rep] += total;
      this.matrix[slot].forEach((n, type) => (matrix[rep * typeCount + type] += n));
    });
    return { count: this.count, reps: this.reps, trend: this.trend, matrix, typeCount, byRep };
  }
}

/** The activities table read once, tallied by the reader's rep codes until reps are registered. */
export interface ActivitiesRead {
  readonly reader: ActivityReader;
  readonly tally: ActivityTally;
}

export function readActivities(
  table: EntityTable,
  context: SheetContext,
  periods: ReportPeriods,
): ActivitiesRead {
  const reader = new ActivityReader(table, context, { customers: false });
  const tally = new ActivityTally(periods.slotBounds, periods.trendBounds);
  while (!reader.done) {
    const block = reader.read(ACTIVITY_BLOCK_ROWS, true);
    if (block.length > 0) tally.add(block);
  }
  return { reader, tally };
}

export function aggregateActivities(
  read: ActivitiesRead,
  repIds: Int32Array,
  none: number,
): ActivityAggregates {
  return read.tally.finish(repIds, none, read.reader.types.length);
}

/** The read log for the data-quality tab, with the rows used. */
export function activitiesLog(read: ActivitiesRead): ReadLog & { length: number } {
  return { ...read.reader.log(), length: read.tally.rows };
}

export function buildActivities(
  agg: ActivityAggregates,
  activityTypes: readonly ActivityType[],
  repStats: DealSummary[] | null,
  total: DealSummary,
  repLabels: readonly string[],
  none: string,
  plan: PeriodPlan,
  language: Language,
): ActivitySection {
  const { typeCount, matrix } = agg;
  const used: number[] = [];
  for (let t = 0; t < typeCount; t++) {
    for (let r = 0; r < repLabels.length + 1; r++) {
      if (matrix[r * typeCount + t] > 0) {
        used.push(t);
        break;
      }
    }
  }
  const types = used.map((t) => {
    const type = activityTypes[t];
    const spec = type.id ? ACTIVITY_TYPES.find((s) => s.id === type.id) : undefined;
    return { id: type.id, label: spec ? spec.label[language] : type.label };
  });
  const row = (rep: number): ActivityRepRow => {
    const isNone = rep === repLabels.length;
    const counts = used.map((t) => matrix[rep * typeCount + t]);
    const wonDeals = repStats ? repStats[rep].won : 0;
    return {
      rep: isNone ? none : repLabels[rep],
      isNone,
      counts,
      total: agg.byRep[rep],
      wonDeals,
      perWonDeal: ratio(agg.byRep[rep], wonDeals),
    };
  };
  const rows: ActivityRepRow[] = [];
  for (let rep = 0; rep < repLabels.length; rep++) {
    if (agg.byRep[rep] > 0 || (repStats && repStats[rep].won > 0)) rows.push(row(rep));
  }
  rows.sort((x, y) => y.total - x.total);
  const noneRow = row(repLabels.length);
  if (noneRow.total > 0 || noneRow.wonDeals > 0) rows.push(noneRow);
  const totalCounts = used.map((t) => {
    let sum = 0;
    for (let r = 0; r <= repLabels.length; r++) sum += matrix[r * typeCount + t];
    return sum;
  });
  const totalActivities = agg.count[0];
  return {
    period: periodInfo(plan.current),
    types,
    rows,
    total: {
      rep: 'Total',
      isNone: false,
      counts: totalCounts,
      total: totalActivities,
      wonDeals: total.won,
      perWonDeal: ratio(totalActivities, total.won),
    },
  };
}
