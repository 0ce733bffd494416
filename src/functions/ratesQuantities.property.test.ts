import fc from 'fast-check';
import { ACTIVE_CUSTOMERS } from './activeCustomers';
import { runFormula } from './adapter';
import { CHURN_RATE } from './churnRate';
import { CONVERSION_RATE } from './conversionRate';
import type { FunctionDefinition } from './define';
import { GROWTH_RATE } from './growthRate';
import { MARGIN_RATE } from './marginRate';
import { MARKUP_RATE } from './markupRate';
import { NEW_CUSTOMERS } from './newCustomers';
import { NPS } from './nps';
import { QUOTA_ATTAINMENT } from './quotaAttainment';
import { REPEAT_CUSTOMER_RATE } from './repeatCustomerRate';
import { RETENTION_RATE } from './retentionRate';

const fr = { locale: 'fr_FR', timeZone: 'Europe/Paris' };
const en = { locale: 'en_US', timeZone: 'America/New_York' };
const run = (definition: FunctionDefinition, context: typeof fr, ...args: unknown[]) =>
  runFormula(definition, args, {}, context);
const col = (values: readonly unknown[]) => values.map((v) => [v]);

const customer = fc.constantFrom(
  'Acme',
  'ACME ',
  'Beta',
  'beta',
  'Société',
  'SOCIETE',
  'Gamma',
  '',
);
// Dates around a March 2024 period, written the ways a sheet holds them (fr_FR reading).
const date = fc.constantFrom(
  '2024-01-15',
  '15/02/2024',
  45352, // 2024-03-01
  '2024-03-31 23:00',
  new Date('2024-03-15T10:00:00Z'),
  '01/04/2024',
  '2024-02-29',
  '',
);
const status = fc.constantFrom('Won', 'gagné', 'Lost', 'Open', '');
const row = fc.record({ customer, date, status });
type Row = { customer: unknown; date: unknown; status: unknown };
const blankRow: Row = { customer: '', date: '', status: '' };

/** Rows and a permutation of them. */
const rowsAndShuffle = fc
  .array(row, { maxLength: 30 })
  .chain((rows) =>
    fc.tuple(
      fc.constant(rows),
      fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }),
    ),
  );

/** Rows and the same rows with blank rows inserted anywhere. */
const rowsAndPadded = fc.array(row, { maxLength: 30 }).chain((rows) =>
  fc.tuple(
    fc.constant(rows),
    fc.array(fc.nat({ max: rows.length }), { maxLength: 10 }).map((positions) => {
      const padded: Row[] = [...rows];
      for (const at of positions) padded.splice(Math.min(at, padded.length), 0, blankRow);
      return padded;
    }),
  ),
);

const customerArgs = (rows: readonly Row[], withStatuses: boolean): unknown[] => {
  const args: unknown[] = [
    col(rows.map((r) => r.customer)),
    col(rows.map((r) => r.date)),
    '01/03/2024',
    '31/03/2024',
  ];
  if (withStatuses) args.push(col(rows.map((r) => r.status)));
  return args;
};

const CUSTOMER_PERIOD = [RETENTION_RATE, CHURN_RATE, NEW_CUSTOMERS, ACTIVE_CUSTOMERS];
const RATES = [RETENTION_RATE, CHURN_RATE];

const inUnit = (value: unknown) =>
  value === '' || (typeof value === 'number' && value >= 0 && value <= 1);

describe('rates and quantities: invariants', () => {
  it('customer rates are within 0–1 or ""', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.boolean(), (rows, withStatuses) => {
        for (const definition of RATES) {
          expect(inUnit(run(definition, fr, ...customerArgs(rows, withStatuses)))).toBe(true);
        }
        const args = [col(rows.map((r) => r.customer))];
        if (withStatuses) args.push(col(rows.map((r) => r.status)));
        expect(inUnit(run(REPEAT_CUSTOMER_RATE, fr, ...args))).toBe(true);
      }),
    );
  });

  it('CHURN_RATE + RETENTION_RATE = 1, and both are "" together', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.boolean(), (rows, withStatuses) => {
        const args = customerArgs(rows, withStatuses);
        const retention = run(RETENTION_RATE, fr, ...args);
        const churn = run(CHURN_RATE, fr, ...args);
        if (retention === '') expect(churn).toBe('');
        else expect((retention as number) + (churn as number)).toBeCloseTo(1, 12);
      }),
    );
  });

  it('NEW_CUSTOMERS ≤ ACTIVE_CUSTOMERS ≤ distinct customers', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.boolean(), (rows, withStatuses) => {
        const args = customerArgs(rows, withStatuses);
        const created = run(NEW_CUSTOMERS, fr, ...args) as number;
        const active = run(ACTIVE_CUSTOMERS, fr, ...args) as number;
        expect(created).toBeLessThanOrEqual(active);
        expect(active).toBeLessThanOrEqual(4); // acme, beta, societe, gamma
      }),
    );
  });

  it('row order never changes a customer result', () => {
    fc.assert(
      fc.property(rowsAndShuffle, fc.boolean(), ([rows, shuffled], withStatuses) => {
        for (const definition of CUSTOMER_PERIOD) {
          expect(run(definition, fr, ...customerArgs(shuffled, withStatuses))).toBe(
            run(definition, fr, ...customerArgs(rows, withStatuses)),
          );
        }
        expect(run(REPEAT_CUSTOMER_RATE, fr, col(shuffled.map((r) => r.customer)))).toBe(
          run(REPEAT_CUSTOMER_RATE, fr, col(rows.map((r) => r.customer))),
        );
      }),
    );
  });

  it('blank rows never change a customer result', () => {
    fc.assert(
      fc.property(rowsAndPadded, fc.boolean(), ([rows, padded], withStatuses) => {
        // A single blank statuses cell means "not given" (contract), unlike a longer range.
        fc.pre(rows.length !== 1 || rows[0].status !== '');
        for (const definition of CUSTOMER_PERIOD) {
          expect(run(definition, fr, ...customerArgs(padded, withStatuses))).toBe(
            run(definition, fr, ...customerArgs(rows, withStatuses)),
          );
        }
        const statuses = (rs: Row[]) => col(rs.map((r) => r.status));
        const customers = (rs: Row[]) => col(rs.map((r) => r.customer));
        expect(run(REPEAT_CUSTOMER_RATE, fr, customers(padded), statuses(padded))).toBe(
          run(REPEAT_CUSTOMER_RATE, fr, customers(rows), statuses(rows)),
        );
      }),
    );
  });

  const label = fc.constantFrom('Lead', 'lead ', 'Prospect', 'Customer', 'CUSTOMER', 'Lost', '');

  it('CONVERSION_RATE (labels) is within 0–1, order-free and blank-free', () => {
    fc.assert(
      fc.property(
        fc
          .array(label, { maxLength: 30 })
          .chain((labels) =>
            fc.tuple(
              fc.constant(labels),
              fc.shuffledSubarray(labels, { minLength: labels.length, maxLength: labels.length }),
              fc.array(fc.constantFrom('', ' ', null), { maxLength: 5 }),
            ),
          ),
        fc.boolean(),
        ([labels, shuffled, blanks], withEligible) => {
          const extra = withEligible ? ['lead'] : [];
          const result = run(CONVERSION_RATE, en, col(labels), 'customer', ...extra);
          expect(inUnit(result)).toBe(true);
          expect(run(CONVERSION_RATE, en, col(shuffled), 'customer', ...extra)).toBe(result);
          expect(run(CONVERSION_RATE, en, col([...blanks, ...labels]), 'customer', ...extra)).toBe(
            result,
          );
        },
      ),
    );
  });

  it('NPS is within −100…100, order-free and blank-free', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: 0, max: 10 }), { maxLength: 40 })
          .chain((scores) =>
            fc.tuple(
              fc.constant(scores),
              fc.shuffledSubarray(scores, { minLength: scores.length, maxLength: scores.length }),
            ),
          ),
        ([scores, shuffled]) => {
          const result = run(NPS, en, col(scores));
          if (scores.length === 0) expect(result).toBe('');
          else {
            expect(result).toBeGreaterThanOrEqual(-100);
            expect(result).toBeLessThanOrEqual(100);
          }
          expect(run(NPS, en, col(shuffled))).toBe(result);
          expect(run(NPS, en, col(['', ...scores, null]))).toBe(result);
        },
      ),
    );
  });

  it('sum-based rates are order-free and blank-free; margin rate ≤ 1 on positive revenue', () => {
    const amounts = fc.array(fc.integer({ min: 0, max: 100000 }), { maxLength: 20 });
    fc.assert(
      fc.property(amounts, amounts, (a, b) => {
        for (const definition of [MARGIN_RATE, MARKUP_RATE, QUOTA_ATTAINMENT, GROWTH_RATE]) {
          const result = run(definition, fr, col(a), col(b));
          expect(run(definition, fr, col([...a].reverse()), col([...b].reverse()))).toBe(result);
          expect(run(definition, fr, col(['', ...a]), col([...b, ' ']))).toBe(result);
        }
        const margin = run(MARGIN_RATE, fr, col(a), col(b));
        if (margin !== '') expect(margin).toBeLessThanOrEqual(1);
      }),
    );
  });
});
