import fc from 'fast-check';
import { buildReport } from './build';
import type { Report } from './model';
import { SMALL_CONTEXT, SMALL_TODAY, smallMapping } from './testing/smallWorkbook';

/**
 * Properties of the report on random deals: per-group sums equal the total, and the
 * order of the rows changes nothing. Amounts are whole numbers and probabilities halves,
 * so that every sum is exact whatever its order.
 */

const HEADER = [
  'ID',
  'Owner',
  'Company',
  'Stage',
  'Amount',
  'Cost',
  'Create Date',
  'Close Date',
  'Lead Source',
  'Probability',
];
const REPS = ['Alice', 'Bob', 'Chen', ''];
const STAGES = ['Won', 'Lost', 'Qualified', 'Proposal', ''];
const CUSTOMERS = ['Acme', 'Beta', 'Gamma', 'Delta', ''];
const SOURCES = ['Fair', 'Mail', 'Web', ''];

const day = (offset: number) => {
  const d = new Date(Date.UTC(2024, 2, 1) + offset * 86400000);
  return d.toISOString().slice(0, 10);
};

const dealRow = fc
  .record({
    rep: fc.constantFrom(...REPS),
    stage: fc.constantFrom(...STAGES),
    customer: fc.constantFrom(...CUSTOMERS),
    amount: fc.oneof(fc.integer({ min: -500, max: 50000 }), fc.constant('')),
    cost: fc.oneof(fc.integer({ min: 0, max: 30000 }), fc.constant('')),
    created: fc.integer({ min: 0, max: 400 }),
    length: fc.oneof(fc.integer({ min: 0, max: 90 }), fc.constant(-1)),
    source: fc.constantFrom(...SOURCES),
    probability: fc.constantFrom('', 0.5, 0.25, 1),
  })
  .map((r) => [
    '',
    r.rep,
    r.customer,
    r.stage,
    r.amount,
    r.cost,
    day(r.created),
    r.length < 0 ? '' : day(r.created + r.length),
    r.source,
    r.probability,
  ]);

function report(rows: unknown[][]): Report {
  const mapping = smallMapping();
  delete mapping.entities.activities;
  delete mapping.entities.feedback;
  delete mapping.entities.targets;
  const tables = {
    deals: [HEADER, ...rows],
    campaigns: [
      ['Campaign', 'Channel', 'Cost', 'Start Date', 'End Date'],
      ['Fair', 'Show', 1000, '2025-03-03', '2025-03-04'],
      ['Mail', 'Email', 300, '2025-02-15', '2025-03-16'],
    ],
  };
  return buildReport({ tables, mapping, context: SMALL_CONTEXT, today: SMALL_TODAY });
}

describe('report properties', () => {
  it('per-rep rows sum to the total', () => {
    fc.assert(
      fc.property(fc.array(dealRow, { maxLength: 60 }), (rows) => {
        const r = report(rows);
        const reps = r.reps!;
        const sum = (f: (row: (typeof reps.rows)[number]) => number) =>
          reps.rows.reduce((s, row) => s + f(row), 0);
        expect(sum((x) => x.deals)).toBe(reps.total.deals);
        expect(sum((x) => x.won)).toBe(reps.total.won);
        expect(sum((x) => x.lost)).toBe(reps.total.lost);
        expect(sum((x) => x.open)).toBe(reps.total.open);
        expect(sum((x) => x.revenue)).toBe(reps.total.revenue);
        expect(sum((x) => x.pipeline)).toBe(reps.total.pipeline);
        const overview = r.overview.find((o) => o.kpi === 'revenue')!;
        expect(reps.total.revenue).toBe(overview.current);
      }),
      { numRuns: 150 },
    );
  });

  it('campaign rows and unattributed revenue sum to the revenue of the range', () => {
    fc.assert(
      fc.property(fc.array(dealRow, { maxLength: 60 }), (rows) => {
        const c = report(rows).campaigns!;
        const attributed = c.rows.reduce((s, row) => s + row.revenue, 0);
        expect(attributed).toBe(c.total.revenue);
        const all = attributed + c.unattributed.revenue;
        expect(c.attributedShare).toBe(all === 0 ? null : attributed / all);
      }),
      { numRuns: 100 },
    );
  });

  it('the funnel counts every deal with a status of the period once', () => {
    fc.assert(
      fc.property(fc.array(dealRow, { maxLength: 60 }), (rows) => {
        const r = report(rows);
        const f = r.funnel;
        const atStages = f.stages.reduce((s, x) => s + x.atStage, 0);
        const lost = f.lost.reduce((s, x) => s + x.deals, 0);
        expect(atStages + lost).toBe(f.deals);
        const t = r.reps!.total;
        expect(f.deals).toBe(t.won + t.lost + t.open);
      }),
      { numRuns: 100 },
    );
  });

  it('does not depend on the order of the rows', () => {
    const normalise = (r: Report) => ({
      ...r,
      reps: r.reps && {
        total: r.reps.total,
        rows: [...r.reps.rows].sort((a, b) => a.rep.localeCompare(b.rep)),
      },
      // Problems and skipped rows name sheet rows, which move with the rows.
      quality: { ...r.quality, tables: r.quality.tables.map((t) => t.problemCount) },
    });
    fc.assert(
      fc.property(
        fc
          .array(dealRow, { maxLength: 50 })
          .chain((rows) =>
            fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length })),
          ),
        ([rows, shuffled]) => {
          expect(normalise(report(shuffled))).toEqual(normalise(report(rows)));
        },
      ),
      { numRuns: 100 },
    );
  });
});
