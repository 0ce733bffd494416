import { StatusClass } from '../core/status';
import type { CampaignColumns } from '../engine/campaigns';
import { DealStats } from '../engine/dealStats';
import type { DealColumns, LabelCoder } from '../engine/deals';
import type { PeriodPlan } from '../engine/periods';
import { bucketOf } from '../engine/periods';
import type { SkipLog } from '../engine/table';

/**
 * Everything the report needs from the deals, gathered in one pass over the blocks of
 * forEachDealBlock (so that a million rows never make a million-long array): DealStats
 * per overview slot (0 current, 1 previous, 2 the one before), per trend period and per
 * rep of the current period, and what DealStats does not keep (costs, reps present,
 * customers' first won deals, stage counts, campaign attribution, skipped rows).
 */

export const SLOTS = 3;
const ANY = 1;
const WON = 2;

function grow<T extends Int32Array | Float64Array | Uint8Array>(
  array: T,
  size: number,
  fill: number,
): T {
  if (size <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2));
  next.set(array);
  if (fill !== 0) next.fill(fill, array.length);
  return next;
}

/**
 * A label column the pass codes itself, row by row, only where a row needs it: the
 * reader would code it for every row.
 */
export interface LazyLabels {
  readonly values: readonly (readonly unknown[])[];
  readonly column: number;
  readonly coder: LabelCoder;
}

export interface DealPassOptions {
  readonly plan: PeriodPlan;
  /** The report's bounds of the overview slots and of the trend periods (ReportPeriods). */
  readonly slotBounds: Float64Array;
  readonly trendBounds: Float64Array;
  /** No date column: every row is in the current period. */
  readonly undated: boolean;
  readonly campaigns: CampaignColumns | null;
  /** The reader's rep coder (its keys grow as blocks are read). */
  readonly rep: LabelCoder | undefined;
  /** The source column: only won deals need theirs (campaign attribution). */
  readonly source: LazyLabels | undefined;
  /**
   * The customer column, only for the rows that need it (won, or in an overview period):
   * customers are many, so each lookup is slow, and most rows need none.
   */
  readonly customer: LazyLabels | undefined;
  /** Start instant of each slot's retention window (the 12 months ending with the slot). */
  readonly windowStarts: readonly number[];
  /** The reader's log of skipped rows (it logs the blank ones): the pass adds the undated ones. */
  readonly skipped: SkipLog;
}

export class DealPass {
  readonly slots: DealStats[] = [];
  readonly trend: DealStats[] = [];
  /** Current period, by the reader's rep code; blank reps in `noneRep`. */
  readonly reps: DealStats[] = [];
  readonly noneRep = new DealStats();
  readonly wonCost = new Float64Array(SLOTS);
  readonly knownSourceRevenue = new Float64Array(SLOTS);
  /** Distinct non-blank reps with a deal, per slot. */
  readonly repCount = new Int32Array(SLOTS);
  /** Per customer code: bits ANY/WON per slot, first and second won instants. */
  flags = new Uint8Array(256);
  firstWon = new Float64Array(256).fill(Infinity);
  secondWon = new Float64Array(256).fill(Infinity);
  /** Per stage code: rows of the current period, and rows overall. */
  stageCurrent = new Int32Array(16);
  stageAll = new Int32Array(16);
  /** Campaigns tab: won deals dated up to the end of the current period. */
  readonly campaignWon: Int32Array;
  readonly campaignRevenue: Float64Array;
  unattributedWon = 0;
  unattributedRevenue = 0;
  rangeRevenue = 0;
  /** Earliest period instant of the deals dated up to the end of the current period. */
  rangeStart = Infinity;
  /**
   * The open pipeline now: every open deal whatever its dates (PIPELINE_VALUE on the same
   * rows), weighted by probability (1 when blank) and not; by rep code, blank reps last.
   */
  openPipeline = 0;
  openAmount = 0;
  repPipeline = new Float64Array(64);
  nonePipeline = 0;
  /** Per customer code: bit s set when the customer won a deal in slot s's retention window. */
  windowWon = new Uint8Array(256);
  /** Values-row index, status and stage code of each deal of the current period (the funnel). */
  currentRows: number[] = [];
  currentStatus: number[] = [];
  currentStage: number[] = [];
  /** Latest period instant of a deal, and the latest before the end of the current period (−Infinity: none). */
  latest = -Infinity;
  latestBefore = -Infinity;
  private repSeen = new Uint8Array(64);
  private sourceCampaign = new Int32Array(16).fill(-2);

  /** Until instant of each slot. */
  private readonly slotUntil: number[];

  constructor(private readonly o: DealPassOptions) {
    const [, b1, b2, b3] = o.slotBounds;
    this.slotUntil = [b3, b2, b1];
    for (let s = 0; s < SLOTS; s++) this.slots.push(new DealStats());
    for (let k = 0; k < o.plan.trend.length; k++) this.trend.push(new DealStats());
    const campaigns = o.campaigns ? o.campaigns.campaigns.length : 0;
    this.campaignWon = new Int32Array(campaigns);
    this.campaignRevenue = new Float64Array(campaigns);
  }

  /** Source code → campaign index (−1: none), each distinct source resolved once. */
  private campaignOf(code: number): number {
    if (code < 0 || !this.o.campaigns || !this.o.source) return -1;
    this.sourceCampaign = grow(this.sourceCampaign, code + 1, -2);
    let k = this.sourceCampaign[code];
    if (k === -2) {
      k = this.o.campaigns.byKey.get(this.o.source.coder.keys[code]) ?? -1;
      this.sourceCampaign[code] = k;
    }
    return k;
  }

  add(b: DealColumns): void {
    const { undated, plan, trendBounds, skipped } = this.o;
    const [b0, b1, b2, b3] = this.o.slotBounds;
    const until = plan.current.until;
    const repCodes = b.labels.rep?.codes;
    const customer = this.o.customer;
    const source = this.o.source;
    if (this.o.rep) {
      this.repPipeline = grow(this.repPipeline, this.o.rep.keys.length, 0);
      this.repSeen = grow(this.repSeen, this.o.rep.keys.length, 0);
      while (this.reps.length < this.o.rep.keys.length) this.reps.push(new DealStats());
    }
    const stageSize = b.stage.keys.length;
    this.stageCurrent = grow(this.stageCurrent, stageSize, 0);
    this.stageAll = grow(this.stageAll, stageSize, 0);
    const { status, amount, cost, period } = b;
    const { slots, trend, repSeen, stageCurrent, stageAll } = this;

    for (let i = 0; i < b.length; i++) {
      const row = b.rows[i];
      const p = period[i];
      let s = -1;
      let t = -1;
      if (undated) s = 0;
      else if (p !== p) {
        skipped.add('noDate', b.sheetRows[i]);
      } else {
        if (p > this.latest) this.latest = p;
        if (p < until && p > this.latestBefore) this.latestBefore = p;
        if (p >= b0 && p < b3) s = p >= b2 ? 0 : p >= b1 ? 1 : 2;
        t = bucketOf(p, trendBounds);
      }
      const isWon = status[i] === StatusClass.Won;
      if (status[i] === StatusClass.Open) {
        const a = amount[i];
        if (a === a) {
          const q = b.probability[i];
          const weighted = q === q ? a * q : a;
          this.openPipeline += weighted;
          this.openAmount += a;
          const r = repCodes ? repCodes[i] : -1;
          if (r >= 0) this.repPipeline[r] += weighted;
          else this.nonePipeline += weighted;
        }
      }
      const inRange = undated || p < until;
      // −2: no source column; −1: blank source.
      const sourceCode =
        source && isWon && (s >= 0 || inRange)
          ? source.coder.code(source.values[row][source.column])
          : -2;
      const stage = b.stage.codes[i];
      if (stage >= 0) stageAll[stage]++;
      if (t >= 0) trend[t].add(b, i);
      if (s >= 0) {
        slots[s].add(b, i);
        const r = repCodes ? repCodes[i] : -1;
        if (r >= 0 && !(repSeen[r] & (1 << s))) {
          repSeen[r] |= 1 << s;
          this.repCount[s]++;
        }
        if (isWon) {
          const c = cost[i];
          if (c === c) this.wonCost[s] += c;
          const a = amount[i];
          if (a === a && sourceCode >= 0) this.knownSourceRevenue[s] += a;
        }
        if (s === 0) {
          if (repCodes) (r >= 0 ? this.reps[r] : this.noneRep).add(b, i);
          if (stage >= 0) stageCurrent[stage]++;
          this.currentRows.push(row);
          this.currentStatus.push(status[i]);
          this.currentStage.push(stage);
        }
      }
      if (customer && (s >= 0 || (isWon && p === p))) {
        const c = customer.coder.code(customer.values[row][customer.column]);
        if (c >= 0) {
          if (c >= this.flags.length) this.growCustomers(c + 1);
          if (s >= 0) this.flags[c] |= (isWon ? ANY | WON : ANY) << (2 * s);
          if (isWon && p === p) {
            const { windowStarts } = this.o;
            for (let w = 0; w < SLOTS; w++) {
              if (p >= windowStarts[w] && p < this.slotUntil[w]) this.windowWon[c] |= 1 << w;
            }
            const { firstWon, secondWon } = this;
            if (p < firstWon[c]) {
              secondWon[c] = firstWon[c];
              firstWon[c] = p;
            } else if (p < secondWon[c]) secondWon[c] = p;
          }
        }
      }
      if (inRange) {
        if (p < this.rangeStart) this.rangeStart = p;
        if (isWon) {
          const a = amount[i];
          const value = a === a ? a : 0;
          this.rangeRevenue += value;
          const k = this.campaignOf(sourceCode);
          if (k >= 0) {
            this.campaignWon[k]++;
            this.campaignRevenue[k] += value;
          } else {
            this.unattributedWon++;
            this.unattributedRevenue += value;
          }
        }
      }
    }
  }

  private growCustomers(size: number): void {
    this.flags = grow(this.flags, size, 0);
    this.windowWon = grow(this.windowWon, size, 0);
    this.firstWon = grow(this.firstWon, size, Infinity);
    this.secondWon = grow(this.secondWon, size, Infinity);
  }

  /** Customer counts of a slot (see CustomerAggregates). */
  customersOf(s: number, start: number, until: number) {
    const windowStart = this.o.windowStarts[s];
    const count = this.o.customer ? this.o.customer.coder.keys.length : 0;
    let withDeal = 0;
    let withWon = 0;
    let newCustomers = 0;
    let earlier = 0;
    let retained = 0;
    let buyers = 0;
    let repeatBuyers = 0;
    const shift = 2 * s;
    for (let c = 0; c < count; c++) {
      const f = this.flags[c] >> shift;
      if (f & ANY) withDeal++;
      if (f & WON) withWon++;
      const first = this.firstWon[c];
      if (first >= start && first < until) newCustomers++;
      // Retention over the 12 months ending with the slot: customers who bought before them.
      if (first < windowStart) {
        earlier++;
        if (this.windowWon[c] & (1 << s)) retained++;
      }
      if (first < until) buyers++;
      if (this.secondWon[c] < until) repeatBuyers++;
    }
    return { withDeal, withWon, newCustomers, earlier, retained, buyers, repeatBuyers };
  }

  /** New customers per trend period (by each customer's first won deal). */
  trendNewCustomers(): Int32Array {
    const counts = new Int32Array(this.trend.length);
    const count = this.o.customer ? this.o.customer.coder.keys.length : 0;
    for (let c = 0; c < count; c++) {
      const k = bucketOf(this.firstWon[c], this.o.trendBounds);
      if (k >= 0) counts[k]++;
    }
    return counts;
  }
}
