import * as fc from 'fast-check';
import { runFormula } from '../functions/adapter';
import { AVERAGE_DEAL_SIZE } from '../functions/averageDealSize';
import { PIPELINE_VALUE } from '../functions/pipelineValue';
import { REVENUE } from '../functions/revenue';
import { SALES_CYCLE_DAYS } from '../functions/salesCycleDays';
import { WIN_RATE } from '../functions/winRate';
import { DealStats, GroupedDealStats, statsByGroup } from './dealStats';
import type { DealTable } from './deals';
import { forEachDealBlock, readDeals } from './deals';

const en = { locale: 'en_US', timeZone: 'America/New_York' };
const fr = { locale: 'fr_FR', timeZone: 'Europe/Paris' };
const HEADERS = ['Rep', 'Stage', 'Amount', 'Probability', 'Created', 'Closed'];
const COLUMNS = { rep: 0, status: 1, amount: 2, probability: 3, created: 4, closed: 5 };
const table = (rows: unknown[][]): DealTable => ({
  values: [HEADERS, ...rows],
  headerIndex: 0,
  columns: COLUMNS,
});
const summaryOf = (rows: unknown[][], context = en) => {
  const d = readDeals(table(rows), { context, mode: 'strict' });
  const stats = new DealStats();
  for (let i = 0; i < d.length; i++) stats.add(d, i);
  return stats.finish();
};

describe('DealStats', () => {
  it('computes every KPI of a small table by hand', () => {
    const s = summaryOf([
      ['A', 'Won', 1000, '', '2025-01-01', '2025-01-11'], // cycle 10
      ['A', 'Won', 3000, '', '2025-01-01', '2025-01-21'], // cycle 20
      ['A', 'Won', '', '', '2025-01-01', ''], // won, no amount, one date
      ['B', 'Lost', 500, '', '', ''],
      ['B', 'Proposal', 2000, 0.25, '', ''], // 500 weighted
      ['B', 'Proposal', 1000, '', '', ''], // probability 1
      ['B', 'Proposal', '', 0.5, '', ''], // no amount: adds nothing
      ['B', '', 999, '', '', ''], // blank status: deals only
    ]);
    expect(s).toEqual({
      deals: 8,
      won: 3,
      lost: 1,
      open: 3,
      winRate: 0.75,
      revenue: 4000,
      wonWithAmount: 2,
      averageDealSize: 2000,
      pipeline: 1500,
      cycleCount: 2,
      salesCycleDays: 15,
    });
  });

  it('gives null on zero denominators, never 0', () => {
    const s = summaryOf([['A', 'Open', 10, '', '', '']]);
    expect(s.winRate).toBeNull();
    expect(s.averageDealSize).toBeNull();
    expect(s.salesCycleDays).toBeNull();
    expect(s.revenue).toBe(0);
    expect(s.pipeline).toBe(10);
    expect(new DealStats().finish()).toMatchObject({ deals: 0, winRate: null, revenue: 0 });
  });

  it('rounds each cycle to whole days across daylight saving', () => {
    // 2025-03-30 is a 23-hour day in Paris.
    const s = summaryOf([['A', 'Gagné', 1, '', '29/03/2025', '31/03/2025']], fr);
    expect(s.salesCycleDays).toBe(2);
  });

  it('counts negative amounts (credit notes)', () => {
    const s = summaryOf([
      ['A', 'Won', 100, '', '', ''],
      ['A', 'Won', -40, '', '', ''],
    ]);
    expect(s.revenue).toBe(60);
    expect(s.averageDealSize).toBe(30);
  });
});

describe('grouping', () => {
  const rows = [
    ['A', 'Won', 1, '', '', ''],
    ['B', 'Won', 2, '', '', ''],
    ['', 'Won', 4, '', '', ''],
    ['A', 'Lost', 8, '', '', ''],
  ];

  it('accumulates per group code and over everything in one pass', () => {
    const d = readDeals(table(rows), { context: en, mode: 'strict' });
    const { groups, total } = statsByGroup(d, d.labels.rep!.codes, d.labels.rep!.labels.length);
    expect(groups.map((g) => [g.deals, g.revenue])).toEqual([
      [2, 1],
      [1, 2],
    ]);
    expect(total.finish()).toMatchObject({ deals: 4, revenue: 7, winRate: 0.75 });
  });

  it('grows groups block by block and keeps blank values apart', () => {
    const stats = new GroupedDealStats();
    forEachDealBlock(
      table(rows),
      { context: en, mode: 'strict', labels: ['rep'] },
      (block) => stats.add(block, block.labels.rep!.codes),
      1,
    );
    expect(stats.groups.map((g) => g.deals)).toEqual([2, 1]);
    expect(stats.none.finish()).toMatchObject({ deals: 1, revenue: 4 });
    expect(stats.total.deals).toBe(4);
  });
});

describe('the same definitions as the single functions', () => {
  const statuses = ['Won', 'Lost', 'Negotiation', 'Proposal', 'closed won', 'PERDU', '', 'gagné'];
  const row = fc.tuple(
    fc.constantFrom(...statuses),
    fc.oneof(
      fc.constant(''),
      fc.integer({ min: -1000, max: 100000 }),
      fc.double({ min: -1e4, max: 1e6, noNaN: true }),
    ),
    fc.oneof(
      fc.constant(''),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.integer({ min: 2, max: 100 }),
    ),
    fc.oneof(fc.constant(''), fc.integer({ min: 45000, max: 45300 })),
    fc.integer({ min: 0, max: 200 }),
    fc.boolean(),
  );

  it('agrees with WIN_RATE, REVENUE, AVERAGE_DEAL_SIZE, PIPELINE_VALUE, SALES_CYCLE_DAYS', () => {
    fc.assert(
      // Two rows at least: a single blank status cell would read as "statuses not given".
      fc.property(fc.array(row, { minLength: 2, maxLength: 40 }), (generated) => {
        const rows = generated.map(([status, amount, probability, created, length, hasClosed]) => [
          'R',
          status,
          amount,
          probability,
          created,
          created !== '' && hasClosed ? created + length : '',
        ]);
        const s = summaryOf(rows);
        const column = (k: number) => rows.map((r) => [r[k]]);
        const call = (definition: typeof REVENUE, ...args: unknown[]) =>
          runFormula(definition, args, {}, en);
        const orEmpty = (v: number | null) => (v === null ? '' : v);
        expect(orEmpty(s.winRate)).toBe(call(WIN_RATE, column(1)));
        expect(s.revenue).toBe(call(REVENUE, column(2), column(1)));
        expect(orEmpty(s.averageDealSize)).toBe(call(AVERAGE_DEAL_SIZE, column(2), column(1)));
        expect(s.pipeline).toBe(call(PIPELINE_VALUE, column(2), column(1), column(3)));
        expect(orEmpty(s.salesCycleDays)).toBe(
          call(SALES_CYCLE_DAYS, column(4), column(5), column(1)),
        );
      }),
      { numRuns: 200 },
    );
  });
});
