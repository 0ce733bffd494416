import fc from 'fast-check';
import { runFormula } from './adapter';
import { AVERAGE_DEAL_SIZE } from './averageDealSize';
import { CAC } from './cac';
import { CAMPAIGN_ROI } from './campaignRoi';
import type { FormulaResult, FunctionDefinition } from './define';
import { MARGIN } from './margin';
import { PIPELINE_VALUE } from './pipelineValue';
import { REVENUE } from './revenue';
import { REVENUE_PER_REP } from './revenuePerRep';
import { ROI } from './roi';
import { SALES_CYCLE_DAYS } from './salesCycleDays';
import { SALES_VELOCITY } from './salesVelocity';

const en = { locale: 'en_US', timeZone: 'America/New_York' };
const run = (definition: FunctionDefinition, ...args: unknown[]) =>
  runFormula(definition, args, {}, en);

interface Deal {
  rep: string;
  status: string;
  amount: number | string;
  probability: number | string;
  created: number | string;
  closed: number | string;
  source: string;
}

const WON = new Set(['Won', 'won ', 'Gagné', 'Closed-Won']);
const CAMPAIGN_NAMES = [['Trade show'], ['Webinar'], ['Ads'], ['webinar']];
const CAMPAIGN_COSTS = [[1000], [250], [0], [250]];

// Integer amounts keep every sum exact whatever the order; some are typed as text.
const amountArb = fc.oneof(
  fc.integer({ min: -5000, max: 100000 }),
  fc.integer({ min: 0, max: 100000 }).map((n) => '$' + n.toLocaleString('en-US')),
  fc.constant(''),
);
const dealArb: fc.Arbitrary<Deal> = fc
  .record({
    rep: fc.constantFrom('Alice', 'alice ', 'Bob', 'Chloé', 'CHLOE', ''),
    // Never blank: a one-row FILTER of a blank status would be a single blank cell, which
    // the contract reads as "statuses not given". Blank rows are inserted separately.
    status: fc.constantFrom(...WON, 'Lost', 'perdu', 'Open', 'Negotiation'),
    amount: amountArb,
    probability: fc.oneof(
      fc.constant(''),
      fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
      fc.integer({ min: 2, max: 100 }),
      fc.integer({ min: 0, max: 100 }).map((n) => n + '%'),
    ),
    start: fc.integer({ min: 45000, max: 46000 }),
    days: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
    source: fc.constantFrom('Trade show', 'trade-show', 'WEBINAR', 'Ads', 'Unknown', ''),
  })
  .map(({ start, days, ...rest }) => ({
    ...rest,
    created: start,
    closed: days === undefined ? '' : start + days,
  }));
const dealsArb = fc.array(dealArb, { maxLength: 40 });

const blankCell = fc.constantFrom<string | null>('', null, '  ');
const blankDealArb: fc.Arbitrary<Deal> = fc.record({
  rep: blankCell,
  status: blankCell,
  amount: blankCell,
  probability: blankCell,
  created: blankCell,
  closed: blankCell,
  source: blankCell,
}) as fc.Arbitrary<Deal>;

const column = (deals: readonly Deal[], key: keyof Deal) => deals.map((d) => [d[key]]);

/** Every function of this family over the same deals, one result each. */
function results(deals: readonly Deal[]): FormulaResult[] {
  const amounts = column(deals, 'amount');
  const statuses = column(deals, 'status');
  const created = column(deals, 'created');
  const closed = column(deals, 'closed');
  return [
    run(REVENUE, amounts, statuses),
    run(AVERAGE_DEAL_SIZE, amounts, statuses),
    run(PIPELINE_VALUE, amounts, statuses, column(deals, 'probability')),
    run(SALES_CYCLE_DAYS, created, closed, statuses),
    run(SALES_CYCLE_DAYS, created, closed),
    run(SALES_VELOCITY, amounts, statuses, created, closed),
    run(REVENUE_PER_REP, amounts, column(deals, 'rep'), statuses),
    run(CAMPAIGN_ROI, column(deals, 'source'), amounts, statuses, CAMPAIGN_NAMES, CAMPAIGN_COSTS),
  ];
}

/** Equal up to floating-point rounding (weighted pipelines are not integer sums). */
function expectClose(actual: FormulaResult, expected: FormulaResult): void {
  if (typeof actual === 'number' && typeof expected === 'number') {
    expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
  } else if (Array.isArray(actual) && Array.isArray(expected)) {
    expect(actual.length).toBe(expected.length);
    actual.forEach((row, i) => row.forEach((value, j) => expectClose(value, expected[i][j])));
  } else {
    expect(actual).toEqual(expected);
  }
}

describe('money and ROI functions: invariants', () => {
  it('per-rep revenues add up to the revenue (REVENUE of FILTER by rep, summed)', () => {
    fc.assert(
      fc.property(dealsArb, (deals) => {
        const total = run(REVENUE, column(deals, 'amount'), column(deals, 'status'));
        let sum = 0;
        for (const rep of new Set(deals.map((d) => d.rep))) {
          const mine = deals.filter((d) => d.rep === rep);
          sum += run(REVENUE, column(mine, 'amount'), column(mine, 'status')) as number;
        }
        expect(sum).toBe(total);
      }),
    );
  });

  it('per-rep pipelines add up to the pipeline', () => {
    fc.assert(
      fc.property(dealsArb, (deals) => {
        const pipeline = (rows: Deal[]) =>
          run(
            PIPELINE_VALUE,
            column(rows, 'amount'),
            column(rows, 'status'),
            column(rows, 'probability'),
          );
        let sum = 0;
        for (const rep of new Set(deals.map((d) => d.rep))) {
          sum += pipeline(deals.filter((d) => d.rep === rep)) as number;
        }
        expectClose(sum, pipeline(deals));
      }),
    );
  });

  it('campaign rows, (none) included, add up to the revenue and the won deals', () => {
    fc.assert(
      fc.property(dealsArb, (deals) => {
        const table = results(deals)[7] as (string | number)[][];
        const body = table.slice(1);
        const won = body.reduce((n, row) => n + (row[2] as number), 0);
        const revenue = body.reduce((n, row) => n + (row[3] as number), 0);
        expect(won).toBe(deals.filter((d) => WON.has(d.status)).length);
        expect(revenue).toBe(run(REVENUE, column(deals, 'amount'), column(deals, 'status')));
      }),
    );
  });

  it('AVERAGE_DEAL_SIZE × won deals with an amount = REVENUE', () => {
    fc.assert(
      fc.property(dealsArb, (deals) => {
        const amounts = column(deals, 'amount');
        const statuses = column(deals, 'status');
        const count = deals.filter((d) => WON.has(d.status) && d.amount !== '').length;
        const average = run(AVERAGE_DEAL_SIZE, amounts, statuses);
        const revenue = run(REVENUE, amounts, statuses);
        if (count === 0) expect(average).toBe('');
        else expectClose((average as number) * count, revenue);
      }),
    );
  });

  it('row order never changes a result', () => {
    fc.assert(
      fc.property(
        dealsArb.chain((deals) =>
          fc.tuple(
            fc.constant(deals),
            fc.shuffledSubarray(deals, { minLength: deals.length, maxLength: deals.length }),
          ),
        ),
        ([deals, shuffled]) => {
          const before = results(deals);
          const after = results(shuffled);
          before.forEach((result, i) => expectClose(after[i], result));
        },
      ),
    );
  });

  it('inserting blank rows never changes a result', () => {
    fc.assert(
      fc.property(
        dealsArb,
        fc.array(fc.tuple(fc.nat(), blankDealArb), { maxLength: 10 }),
        (deals, blanks) => {
          const padded = deals.slice();
          for (const [at, blank] of blanks) padded.splice(at % (padded.length + 1), 0, blank);
          const before = results(deals);
          const after = results(padded);
          before.forEach((result, i) => expect(after[i]).toEqual(result));
        },
      ),
    );
  });

  it('not-paired sums ignore order and blanks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(amountArb, blankCell), { maxLength: 30 }),
        fc.array(fc.oneof(amountArb, blankCell), { maxLength: 30 }),
        (revenue, cost) => {
          const asColumn = (values: unknown[]) => values.map((v) => [v]);
          for (const definition of [MARGIN, ROI, CAC]) {
            const result = run(definition, asColumn(revenue), asColumn(cost));
            const reordered = run(
              definition,
              asColumn(revenue.slice().reverse().concat([''])),
              asColumn([null, ...cost.slice().reverse()]),
            );
            expectClose(reordered, result);
          }
        },
      ),
    );
  });
});
