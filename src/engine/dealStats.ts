import { DAY_MS } from '../core/dates';
import { ratio, StatusClass } from '../core/status';
import type { DealColumns } from './deals';

// A local binding: a global lookup per row is slow in sandboxed realms (Jest's vm).
const round = Math.round;

/**
 * The deal KPIs of one group of rows, with the same definitions as the single custom
 * functions (functions.md), so that KPI_TABLE's Total row and the summary tabs agree with
 * WIN_RATE, REVENUE, AVERAGE_DEAL_SIZE, PIPELINE_VALUE and SALES_CYCLE_DAYS to the cent.
 */
export interface DealSummary {
  /** Non-blank rows, blank statuses included. */
  readonly deals: number;
  readonly won: number;
  readonly lost: number;
  readonly open: number;
  /** won ÷ (won + lost). */
  readonly winRate: number | null;
  /** Σ amount of won rows. */
  readonly revenue: number;
  /** Won rows with an amount (the denominator of the average deal size). */
  readonly wonWithAmount: number;
  /** revenue ÷ won rows with an amount. */
  readonly averageDealSize: number | null;
  /** Σ amount × probability of open rows (probability 1 when blank or absent). */
  readonly pipeline: number;
  /** Won rows with both dates (the denominator of the sales cycle). */
  readonly cycleCount: number;
  /** Mean of round(days) from created to closed over won rows with both dates. */
  readonly salesCycleDays: number | null;
}

/** Accumulates rows of a DealColumns; `finish()` computes the rates. */
export class DealStats {
  deals = 0;
  won = 0;
  lost = 0;
  open = 0;
  revenue = 0;
  wonWithAmount = 0;
  pipeline = 0;
  cycleDays = 0;
  cycleCount = 0;

  /** Adds row `i` (sums run in row order, as the single functions' do). */
  add(d: DealColumns, i: number): void {
    this.deals++;
    const status = d.status[i];
    if (status === StatusClass.Won) {
      this.won++;
      const amount = d.amount[i];
      if (amount === amount) {
        this.revenue += amount;
        this.wonWithAmount++;
      }
      const start = d.created[i];
      const end = d.closed[i];
      // end < start only survives lenient reading, where it is a reported problem.
      if (start === start && end === end && end >= start) {
        this.cycleDays += round((end - start) / DAY_MS);
        this.cycleCount++;
      }
    } else if (status === StatusClass.Lost) {
      this.lost++;
    } else if (status === StatusClass.Open) {
      this.open++;
      const amount = d.amount[i];
      if (amount === amount) {
        const p = d.probability[i];
        this.pipeline += p === p ? amount * p : amount;
      }
    }
  }

  finish(): DealSummary {
    return {
      deals: this.deals,
      won: this.won,
      lost: this.lost,
      open: this.open,
      winRate: ratio(this.won, this.won + this.lost),
      revenue: this.revenue,
      wonWithAmount: this.wonWithAmount,
      averageDealSize: ratio(this.revenue, this.wonWithAmount),
      pipeline: this.pipeline,
      cycleCount: this.cycleCount,
      salesCycleDays: ratio(this.cycleDays, this.cycleCount),
    };
  }
}

/**
 * One accumulator per group code (0 … groupCount − 1; a negative code joins no group)
 * and one over every row, all in a single pass.
 */
export function statsByGroup(
  deals: DealColumns,
  groupCodes: ArrayLike<number>,
  groupCount: number,
): { groups: DealStats[]; total: DealStats } {
  const groups: DealStats[] = [];
  for (let g = 0; g < groupCount; g++) groups.push(new DealStats());
  const total = new DealStats();
  for (let i = 0; i < deals.length; i++) {
    total.add(deals, i);
    const g = groupCodes[i];
    if (g >= 0) groups[g].add(deals, i);
  }
  return { groups, total };
}

/**
 * Per-group accumulators that grow as new group codes appear, fed block by block
 * (forEachDealBlock). A negative code goes to `none` (blank group value); every row also
 * goes to `total`.
 */
export class GroupedDealStats {
  readonly total = new DealStats();
  readonly none = new DealStats();
  readonly groups: DealStats[] = [];

  add(block: DealColumns, codes: ArrayLike<number> | undefined): void {
    const { total, none, groups } = this;
    for (let i = 0; i < block.length; i++) {
      total.add(block, i);
      if (codes === undefined) continue;
      const g = codes[i];
      if (g < 0) {
        none.add(block, i);
        continue;
      }
      while (groups.length <= g) groups.push(new DealStats());
      groups[g].add(block, i);
    }
  }
}
