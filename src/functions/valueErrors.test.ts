import { runFormula } from './adapter';
import { CAMPAIGN_ROI } from './campaignRoi';
import { CONVERSION_RATE } from './conversionRate';
import type { FunctionDefinition } from './define';
import { KPI_TABLE } from './kpiTable';
import { MARGIN } from './margin';
import { PIPELINE_VALUE } from './pipelineValue';
import { REVENUE } from './revenue';
import { RETENTION_RATE } from './retentionRate';
import { SALES_CYCLE_DAYS } from './salesCycleDays';

const fr = { locale: 'fr_FR', timeZone: 'Europe/Paris' };
const frBare = { locale: 'fr', timeZone: 'Europe/Paris' };
const en = { locale: 'en_US', timeZone: 'America/New_York' };
const ja = { locale: 'ja_JP', timeZone: 'Asia/Tokyo' };
const ch = { locale: 'de_CH', timeZone: 'Europe/Zurich' };
const col = (...values: unknown[]) => values.map((v) => [v]);
const run = (fn: FunctionDefinition, context: typeof en, ...args: unknown[]) =>
  runFormula(fn, args, {}, context);

describe('sums beyond what a number holds', () => {
  it('name the argument and the first value beyond 2^53, which no sum can hold exactly', () => {
    expect(() => run(REVENUE, en, 9e15, undefined)).not.toThrow();
    expect(() => run(REVENUE, en, 1e308, undefined)).toThrow(
      'REVENUE: amounts, value 1: 1e+308 is too large to add up',
    );
    expect(() => run(REVENUE, en, col(5, 1e308))).toThrow(
      'REVENUE: amounts, value 2: 1e+308 is too large to add up',
    );
    expect(() => run(REVENUE, en, col(1e308, 5, 1e308), col('lost', 'won', 'won'))).toThrow(
      'REVENUE: amounts, value 3: 1e+308 is too large to add up',
    );
    expect(() => run(MARGIN, en, col(-5, -1e308), 0)).toThrow(
      'MARGIN: revenue, value 2: -1e+308 is too large to add up',
    );
    expect(() => run(PIPELINE_VALUE, en, col(5, 1e308), col('open', 'open'))).toThrow(
      'PIPELINE_VALUE: amounts, value 2: 1e+308 is too large to add up',
    );
    expect(() => run(CONVERSION_RATE, en, col(5, 1e308), 5)).toThrow(
      'CONVERSION_RATE: converted, value 2: 1e+308 is too large to add up',
    );
    expect(() =>
      run(CAMPAIGN_ROI, en, col('Fair', 'Fair'), col(5, 1e308), col('won', 'won'), 'Fair', 1),
    ).toThrow('CAMPAIGN_ROI: deal_amounts, value 2: 1e+308 is too large to add up');
  });

  it('refuse a 400-digit amount as too large, in French too', () => {
    const huge = '1' + '0'.repeat(399);
    expect(() => run(REVENUE, en, col(1, huge))).toThrow(
      `REVENUE: amounts, value 2: "1${'0'.repeat(39)}…" is too large to add up`,
    );
    expect(() => run(REVENUE, fr, col(1, huge))).toThrow(
      `REVENUE: montants, valeur 2 : « 1${'0'.repeat(39)}… » est trop grand pour être additionné`,
    );
  });

  it('stop KPI_TABLE too', () => {
    const table = [
      ['Stage', 'Amount'],
      ['Won', 1e308],
      ['Won', 1e308],
    ];
    expect(() => run(KPI_TABLE, en, table)).toThrow(
      'KPI_TABLE: deals_table, column "Amount": the values add up to more than a number can hold',
    );
  });
});

describe('errors in the spreadsheet’s language', () => {
  it('are French in fr and fr_FR sheets, with French argument names', () => {
    for (const context of [fr, frBare]) {
      expect(() => run(REVENUE, context, col(1, 'n/a'))).toThrow(
        'REVENUE: montants, valeur 2 : « n/a » n’est pas un nombre',
      );
    }
    expect(() => run(REVENUE, fr, col(1, 2), col('gagné'))).toThrow(
      'REVENUE: montants a 2 lignes mais statuts en a 1',
    );
    expect(() =>
      run(RETENTION_RATE, fr, col('A'), col('2025-01-01'), 'demain', '2025-03-31'),
    ).toThrow('RETENTION_RATE: début : « demain » n’est pas une date');
    expect(() => run(SALES_CYCLE_DAYS, fr, col('10/02/2025'), col('01/02/2025'))).toThrow(
      'SALES_CYCLE_DAYS: dates de signature, valeur 1 : 2025-02-01 est avant dates de création 2025-02-10',
    );
    expect(() => run(KPI_TABLE, fr, 'x')).toThrow(
      'KPI_TABLE: table des affaires doit être une plage avec sa ligne d’en-tête',
    );
  });

  it('are English elsewhere', () => {
    expect(() => run(REVENUE, ja, col(1, 'n/a'))).toThrow(
      'REVENUE: amounts, value 2: "n/a" is not a number',
    );
    expect(() => run(SALES_CYCLE_DAYS, en, col('2/10/2025'), col('2/1/2025'))).toThrow(
      'SALES_CYCLE_DAYS: closed, value 1: 2025-02-01 is before created 2025-02-10',
    );
  });
});

describe('values as other locales write them', () => {
  it('reads Japanese and Swiss amounts with a decimal point, Japanese dates year first', () => {
    expect(run(REVENUE, ja, col('¥1,234.5', '2025'))).toBe(3259.5);
    expect(run(REVENUE, ch, col("CHF 1'234.50", '1’000.25'))).toBe(2234.75);
    expect(run(SALES_CYCLE_DAYS, ja, col('2025/01/10'), col('2025/02/09'))).toBe(30);
    expect(() => run(SALES_CYCLE_DAYS, ja, col('10/01/2025'), col('2025/02/09'))).toThrow(
      'SALES_CYCLE_DAYS: created, value 1: "10/01/2025" is not a date',
    );
  });

  it('reads dates as CRMs export them', () => {
    const created = col('2024-01-22T16:14:25.000+0000', '2017-03-01');
    const closed = col('2024-02-01 10:00:00', '3/31/2017');
    expect(run(SALES_CYCLE_DAYS, en, created, closed)).toBe((10 + 30) / 2);
  });

  it('refuses a phone number or a year 0050 where a date is expected', () => {
    expect(() => run(SALES_CYCLE_DAYS, en, col(612345678), col('2025-01-01'))).toThrow(
      'SALES_CYCLE_DAYS: created, value 1: 612345678 is not a date',
    );
    expect(() => run(SALES_CYCLE_DAYS, en, col('0050-01-01'), col('2025-01-01'))).toThrow(
      'SALES_CYCLE_DAYS: created, value 1: "0050-01-01" is not a date',
    );
    expect(() => run(RETENTION_RATE, en, col('A'), col(1e10), '2025-01-01', '2025-01-31')).toThrow(
      'RETENTION_RATE: dates, value 1: 10000000000 is not a date',
    );
  });
});
