import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { parseCsv } from '../../emulator/csv';
import { loadCsvFolder } from '../../emulator/importCsv';
import type { Mapping } from '../mapping/schema';
import { runFormula } from './adapter';
import { AVERAGE_DEAL_SIZE } from './averageDealSize';
import type { FunctionDefinition } from './define';
import { KPI_TABLE } from './kpiTable';
import { PIPELINE_VALUE } from './pipelineValue';
import { FUNCTIONS } from './registry';
import { REVENUE } from './revenue';
import { SALES_CYCLE_DAYS } from './salesCycleDays';
import { WIN_RATE } from './winRate';

const fr = { locale: 'fr_FR', timeZone: 'Europe/Paris' };
const en = { locale: 'en_US', timeZone: 'America/New_York' };
type Context = typeof en;

const kpiTable = (context: Context, ...args: unknown[]) =>
  runFormula(KPI_TABLE, args, {}, context) as (string | number)[][];
const withMapping = (context: Context, mapping: unknown, ...args: unknown[]) =>
  runFormula(KPI_TABLE, args, { savedMapping: () => mapping }, context) as (string | number)[][];

const EN_HEADER = [
  'group',
  'deals',
  'won',
  'lost',
  'open',
  'win rate',
  'revenue',
  'average deal size',
  'pipeline',
  'sales cycle (days)',
];
const FR_HEADER = [
  'groupe',
  'affaires',
  'gagnées',
  'perdues',
  'en cours',
  'taux de transformation',
  "chiffre d'affaires",
  'panier moyen',
  'pipeline',
  'cycle de vente (jours)',
];

// prettier-ignore
const EN_TABLE = [
  ['Deal', 'Owner', 'Stage', 'Amount', 'Probability', 'Create Date', 'Close Date', 'Lead Source', 'Region', 'Segment'],
  ['D1', 'Alice', 'Closed Won', 1000, '', '2024-01-01', '2024-01-11', 'Web', 'North', 'SMB'],
  ['D2', 'Bob', 'Closed Won', 3000, '', '2024-02-01', '2024-03-02', 'Fair', 'North', 'Ent'],
  ['D3', 'Alice', 'Closed Lost', 500, '', '2024-01-05', '2024-02-10', 'Web', 'South', 'SMB'],
  ['D4', 'Bob', 'Negotiation', 2000, 0.5, '2024-03-01', '', '', 'South', 'Ent'],
  ['D5', '', 'Closed Won', 2000, '', '2024-03-01', '2024-04-15', 'Web', '', 'smb'],
  ['D6', 'alice ', 'Proposal', 400, '40%', '2024-04-01', '', 'web', 'North', ''],
  ['D7', 'Carol', '', 700, '', '2024-04-02', '', '', '', 'Ent'],
  ['', '', '', '', '', '', '', '', '', ''],
];
// Cycles: D1 10 days, D2 30 (2024 is a leap year), D5 45 (across the DST change).
const EN_TOTAL = ['Total', 7, 3, 1, 2, 0.75, 6000, 2000, 1160, 85 / 3];

describe('KPI_TABLE on a small English table', () => {
  it('groups by rep by default, highest revenue first, blanks last, then Total', () => {
    expect(kpiTable(en, EN_TABLE)).toEqual([
      EN_HEADER,
      ['Bob', 2, 1, 0, 1, 1, 3000, 3000, 1000, 30],
      ['Alice', 3, 1, 1, 1, 0.5, 1000, 1000, 160, 10],
      ['Carol', 1, 0, 0, 0, '', 0, '', 0, ''],
      ['(none)', 1, 1, 0, 0, 1, 2000, 2000, 0, 45],
      EN_TOTAL,
    ]);
  });

  it('takes "rep" explicitly, or any header synonym of the field', () => {
    const byRep = kpiTable(en, EN_TABLE);
    expect(kpiTable(en, EN_TABLE, 'rep')).toEqual(byRep);
    expect(kpiTable(en, EN_TABLE, 'Commercial')).toEqual(byRep);
    expect(kpiTable(en, EN_TABLE, [['REP']])).toEqual(byRep);
  });

  it('groups by source; ties keep the order of first appearance', () => {
    expect(kpiTable(en, EN_TABLE, 'source')).toEqual([
      EN_HEADER,
      ['Web', 4, 2, 1, 1, 2 / 3, 3000, 1500, 160, 27.5],
      ['Fair', 1, 1, 0, 0, 1, 3000, 3000, 0, 30],
      ['(none)', 2, 0, 0, 1, '', 0, '', 1000, ''],
      EN_TOTAL,
    ]);
  });

  it('groups by customer, region and product when the table has them', () => {
    expect(kpiTable(en, EN_TABLE, 'region').map((r) => r[0])).toEqual([
      'group',
      'North',
      'South',
      '(none)',
      'Total',
    ]);
    expect(() => kpiTable(en, EN_TABLE, 'product')).toThrow(
      'KPI_TABLE: group_by "product": no product column found in deals_table (headers seen: "Deal", "Owner", "Stage", "Amount", "Probability", "Create Date", "Close Date", "Lead Source", "Region", "Segment")',
    );
    expect(() => kpiTable(en, EN_TABLE, 'customer')).toThrow('no customer column found');
  });

  it('groups by a header text of the table, case and accents aside', () => {
    expect(kpiTable(en, EN_TABLE, 'segment')).toEqual([
      EN_HEADER,
      ['SMB', 3, 2, 1, 0, 2 / 3, 3000, 1500, 0, 27.5],
      ['Ent', 3, 1, 0, 1, 1, 3000, 3000, 1000, 30],
      ['(none)', 1, 0, 0, 1, '', 0, '', 160, ''],
      EN_TOTAL,
    ]);
  });

  it('groups by status', () => {
    expect(kpiTable(en, EN_TABLE, 'status').map((r) => [r[0], r[1]])).toEqual([
      ['group', 'deals'],
      ['Closed Won', 3],
      ['Closed Lost', 1],
      ['Negotiation', 1],
      ['Proposal', 1],
      ['(none)', 1],
      ['Total', 7],
    ]);
  });

  it('groups by month, quarter and year of the close date (created when none), oldest first', () => {
    expect(kpiTable(en, EN_TABLE, 'month')).toEqual([
      EN_HEADER,
      ['2024-01', 1, 1, 0, 0, 1, 1000, 1000, 0, 10],
      ['2024-02', 1, 0, 1, 0, 0, 0, '', 0, ''],
      ['2024-03', 2, 1, 0, 1, 1, 3000, 3000, 1000, 30],
      ['2024-04', 3, 1, 0, 1, 1, 2000, 2000, 160, 45],
      EN_TOTAL,
    ]);
    expect(kpiTable(en, EN_TABLE, 'quarter').map((r) => [r[0], r[1]])).toEqual([
      ['group', 'deals'],
      ['2024-Q1', 4],
      ['2024-Q2', 3],
      ['Total', 7],
    ]);
    expect(kpiTable(en, EN_TABLE, 'Year').map((r) => [r[0], r[1]])).toEqual([
      ['group', 'deals'],
      ['2024', 7],
      ['Total', 7],
    ]);
  });

  it('puts rows with no date at all in the blank group', () => {
    const rows = [
      ['Stage', 'Amount', 'Close Date'],
      ['Won', 1, '2024-12-31'],
      ['Won', 2, ''],
      ['Won', 4, '2023-01-15'],
    ];
    expect(kpiTable(en, rows, 'year').map((r) => [r[0], r[6]])).toEqual([
      ['group', 'revenue'],
      ['2023', 4],
      ['2024', 1],
      ['(none)', 2],
      ['Total', 7],
    ]);
  });

  it('gives the Total alone when there is no rep column and no group_by', () => {
    const rows = [
      ['Stage', 'Amount'],
      ['Won', 10],
      ['Lost', 5],
    ];
    expect(kpiTable(en, rows)).toEqual([EN_HEADER, ['Total', 2, 1, 1, 0, 0.5, 10, 10, 0, '']]);
  });

  it('finds the header row below a title', () => {
    const titled = [['Pipeline 2024', '', '', '', '', '', '', '', '', ''], ...EN_TABLE];
    expect(kpiTable(en, titled)).toEqual(kpiTable(en, EN_TABLE));
  });
});

// prettier-ignore
const FR_TABLE = [
  ['Réf.', 'Commercial', 'Étape', 'Montant HT', 'Date de création', 'Date de signature', 'Origine'],
  ['A1', 'Léa', 'Gagné ', '1 000,00 €', '01/03/2024', '11/03/2024', 'Salon'],
  ['A2', 'Hugo', 'gagné', '2 500,50 €', '01/03/2024', '31/03/2024', ''],
  ['A3', 'LÉA', 'PERDU', 'n/c', '05/03/2024', '20/03/2024', 'salon'],
  ['A4', 'Hugo', 'En cours', '4 000', '10/03/2024', '', 'Salon'],
  ['', '', '', '', '', '', ''],
];

describe('KPI_TABLE on a small French table', () => {
  it('speaks French and reads French amounts, dates and statuses', () => {
    expect(kpiTable(fr, FR_TABLE)).toEqual([
      FR_HEADER,
      ['Hugo', 2, 1, 0, 1, 1, 2500.5, 2500.5, 4000, 30],
      ['Léa', 2, 1, 1, 0, 0.5, 1000, 1000, 0, 10],
      ['Total', 4, 2, 1, 1, 2 / 3, 3500.5, 1750.25, 4000, 20],
    ]);
  });

  it('labels the blank group "(aucun)"', () => {
    expect(kpiTable(fr, FR_TABLE, 'source').map((r) => r[0])).toEqual([
      'groupe',
      'Salon',
      '(aucun)',
      'Total',
    ]);
    expect(kpiTable(fr, FR_TABLE, 'Origine')).toEqual(kpiTable(fr, FR_TABLE, 'source'));
  });

  it('groups by month in French too', () => {
    expect(kpiTable(fr, FR_TABLE, 'mois').map((r) => [r[0], r[1]])).toEqual([
      ['groupe', 'affaires'],
      ['2024-03', 4],
      ['Total', 4],
    ]);
  });
});

describe('KPI_TABLE errors', () => {
  it('lists the headers it saw when a required column is missing', () => {
    expect(() =>
      kpiTable(fr, [
        ['Client', 'Étape'],
        ['ACME', 'Gagné'],
      ]),
    ).toThrow(
      'KPI_TABLE: aucune colonne amount dans table des affaires (en-têtes vus : « Client », « Étape »)',
    );
    expect(() =>
      kpiTable(en, [
        ['Foo', 'Bar'],
        [1, 2],
      ]),
    ).toThrow(
      'KPI_TABLE: no status or amount column found in deals_table (headers seen: "Foo", "Bar")',
    );
  });

  it('refuses a group_by that is no field, period or header', () => {
    expect(() => kpiTable(en, EN_TABLE, 'colour')).toThrow(
      'KPI_TABLE: group_by "colour" is not a field (rep, source, customer, region, product), month, quarter, year, or a header of the table (headers seen: "Deal", "Owner"',
    );
    expect(() => kpiTable(en, EN_TABLE, [['rep', 'source']])).toThrow(
      'KPI_TABLE: group_by must be a single value',
    );
    const noDates = [
      ['Stage', 'Amount'],
      ['Won', 1],
    ];
    expect(() => kpiTable(en, noDates, 'month')).toThrow(
      'KPI_TABLE: group_by "month" needs a close date or created date column (headers seen: "Stage", "Amount")',
    );
  });

  it('treats words that are object keys as any other text', () => {
    const table = [
      ['Stage', 'Amount', 'Close Date', 'Constructor'],
      ['Won', 10, '2024-01-02', 'a'],
      ['Won', 30, '2024-02-03', 'b'],
      ['Lost', 5, '2024-02-04', 'a'],
    ];
    for (const word of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(() =>
        kpiTable(
          en,
          table.map((r) => r.slice(0, 3)),
          word,
        ),
      ).toThrow(`KPI_TABLE: group_by "${word}" is not a field`);
    }
    // A header named "Constructor" is a header like any other.
    const byHeader = kpiTable(en, table, 'Constructor');
    expect(byHeader.map((r) => r.slice(0, 4))).toEqual([
      ['group', 'deals', 'won', 'lost'],
      ['b', 1, 1, 0],
      ['a', 2, 1, 1],
      ['Total', 3, 2, 1],
    ]);
  });

  it('names the row and value of an unparseable amount on a won row', () => {
    const bad = FR_TABLE.map((r) => [...r]);
    bad[3][2] = 'Gagné';
    expect(() => kpiTable(fr, bad)).toThrow(
      'KPI_TABLE: table des affaires, colonne « Montant HT », valeur 3 : « n/c » n’est pas un nombre',
    );
  });

  it('ignores the same amount on a lost row (only what a result uses is parsed)', () => {
    expect(() => kpiTable(fr, FR_TABLE)).not.toThrow();
  });

  it('names bad dates, probabilities and backwards cycles', () => {
    const rows = [
      ['Stage', 'Amount', 'Probability', 'Create Date', 'Close Date'],
      ['Negotiation', 10, 'high', '', ''],
    ];
    expect(() => kpiTable(en, rows)).toThrow(
      'KPI_TABLE: deals_table, column "Probability", value 1: "high" is not a probability',
    );
    rows[1] = ['Won', 10, '', '2024-02-10', '2024-02-01'];
    expect(() => kpiTable(en, rows)).toThrow(
      'KPI_TABLE: deals_table, column "Close Date", value 1: 2024-02-01 is before created 2024-02-10',
    );
    rows[1] = ['Lost', 10, '', '', 'yesterday'];
    expect(() => kpiTable(en, rows)).not.toThrow();
    expect(() => kpiTable(en, rows, 'month')).toThrow(
      'KPI_TABLE: deals_table, column "Close Date", value 1: "yesterday" is not a date',
    );
  });

  it('reports bad values by row even when most of a column is bad', () => {
    const rows = [
      ['Stage', 'Amount'],
      ['Won', 'tbd'],
      ['Won', 'tbd'],
      ['Won', 'tbd'],
    ];
    expect(() => kpiTable(en, rows)).toThrow(
      'KPI_TABLE: deals_table, column "Amount", value 1: "tbd" is not a number',
    );
  });

  it('wants a range with a header row', () => {
    expect(() => kpiTable(en, 'Deals')).toThrow(
      'KPI_TABLE: deals_table must be a range with its header row, e.g. Deals!A1:K (got a single value)',
    );
    expect(() => kpiTable(en)).toThrow('(got nothing)');
  });
});

describe('KPI_TABLE with the saved mapping', () => {
  // Headers no synonym knows, and house statuses.
  const custom = [
    ['Qui', 'Où en est-on', 'Combien'],
    ['Léa', 'Signé ok', '100'],
    ['Léa', 'Mort', '50'],
    ['Hugo', 'Signé ok', '300'],
  ];
  const mapping: Mapping = {
    version: 1,
    entities: {
      deals: {
        sheet: 'Suivi',
        headerRow: 1,
        fields: {
          rep: { header: 'Qui', index: 0 },
          status: { header: 'Où en est-on', index: 1 },
          amount: { header: 'Combien', index: 2 },
        },
      },
    },
    status: { won: ['Signé OK'], lost: ['mort'], open: [], stageOrder: ['Signé ok', 'Mort'] },
    settings: { period: 'month', fiscalYearStartMonth: 1 },
  };

  it('finds columns and won/lost sets through it, as an object or JSON text', () => {
    const expected = [
      FR_HEADER,
      ['Hugo', 1, 1, 0, 0, 1, 300, 300, 0, ''],
      ['Léa', 2, 1, 1, 0, 0.5, 100, 100, 0, ''],
      ['Total', 3, 2, 1, 0, 2 / 3, 400, 200, 0, ''],
    ];
    expect(withMapping(fr, mapping, custom)).toEqual(expected);
    expect(withMapping(fr, JSON.stringify(mapping), custom)).toEqual(expected);
  });

  it('falls back to the synonyms when its headers are not in the table', () => {
    expect(withMapping(fr, mapping, FR_TABLE)).toEqual(kpiTable(fr, FR_TABLE));
    expect(() => withMapping(fr, undefined, custom)).toThrow(
      'KPI_TABLE: aucune colonne status ou amount dans table des affaires (en-têtes vus : « Qui », « Où en est-on », « Combien »)',
    );
  });

  it('falls back to the synonyms when it is invalid', () => {
    for (const broken of [{ ...mapping, version: 2 }, '{"version":1,', 42, null]) {
      expect(withMapping(fr, broken, FR_TABLE)).toEqual(kpiTable(fr, FR_TABLE));
    }
  });

  it('finds mapped headers even when the range starts at another column', () => {
    const shifted = custom.map((r) => ['', ...r]);
    expect(withMapping(fr, mapping, shifted)).toEqual(withMapping(fr, mapping, custom));
  });
});

// ——— The sample workbooks ———

const SAMPLES = join(__dirname, '..', '..', 'samples');
const typedDeals = (folder: string, file: string, context: Context) =>
  loadCsvFolder(join(SAMPLES, folder), context).find((s) => s.name === file)!.values;
const textDeals = (folder: string, file: string) => {
  const dir = join(SAMPLES, folder);
  expect(readdirSync(dir)).toContain(`${file}.csv`);
  return parseCsv(readFileSync(join(dir, `${file}.csv`), 'utf8'));
};

/** Calls a single function by name when the registry has it. */
function single(name: string, context: Context, ...args: unknown[]): unknown {
  const definition = FUNCTIONS.find((f) => f.name === name) as FunctionDefinition;
  return runFormula(definition, args, {}, context);
}

describe.each([
  ['en', 'deals', en],
  ['fr', 'affaires', fr],
] as const)('KPI_TABLE on the %s sample', (folder, file, context) => {
  // The French deals carry an "n/c" amount on a won row (sheet row 19) on purpose.
  const clean = (values: unknown[][]) =>
    values.filter((row) => !row.some((cell) => cell === 'n/c'));

  it('names the deliberate bad amount of the French sample', () => {
    if (folder !== 'fr') return;
    expect(() => kpiTable(context, typedDeals(folder, file, context))).toThrow(
      'KPI_TABLE: table des affaires, colonne « Montant HT », valeur 18 : « n/c » n’est pas un nombre',
    );
  });

  it('gives a Total row equal to the single functions on the same columns', () => {
    const values = clean(typedDeals(folder, file, context));
    const table = kpiTable(context, values);
    const total = table[table.length - 1];
    const col = (k: number) => values.slice(1).map((r) => [r[k]]);
    const [status, amount, created, closed, probability] = [4, 5, 7, 8, 10].map(col);
    expect(FUNCTIONS.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        WIN_RATE.name,
        REVENUE.name,
        AVERAGE_DEAL_SIZE.name,
        PIPELINE_VALUE.name,
        SALES_CYCLE_DAYS.name,
      ]),
    );
    expect(total[0]).toBe('Total');
    expect(total[5]).toBe(single('WIN_RATE', context, status));
    expect(total[6]).toBe(single('REVENUE', context, amount, status));
    expect(total[7]).toBe(single('AVERAGE_DEAL_SIZE', context, amount, status));
    expect(total[8]).toBe(single('PIPELINE_VALUE', context, amount, status, probability));
    expect(total[9]).toBe(single('SALES_CYCLE_DAYS', context, created, closed, status));
    // Group rows add up to the Total.
    const groups = table.slice(1, -1);
    for (const k of [1, 2, 3, 4]) {
      expect(groups.reduce((sum, r) => sum + (r[k] as number), 0)).toBe(total[k]);
    }
    expect(groups.reduce((sum, r) => sum + (r[6] as number), 0)).toBeCloseTo(total[6] as number, 6);
  });

  it('gives the same table from typed and from all-text values', () => {
    const typed = clean(typedDeals(folder, file, context));
    const text = clean(textDeals(folder, file));
    for (const groupBy of [undefined, 'source', 'quarter', 'month', 'customer']) {
      expect(kpiTable(context, text, groupBy)).toEqual(kpiTable(context, typed, groupBy));
    }
  });

  it('groups by quarter, oldest first, deals 2025-Q1 … 2026-Q4', () => {
    const table = kpiTable(context, clean(typedDeals(folder, file, context)), 'quarter');
    expect(table.slice(1, -1).map((r) => r[0])).toEqual([
      '2025-Q1',
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ]);
  });
});

describe('KPI_TABLE on a CRM export whose status is in flags', () => {
  test('IsWon / IsClosed give won, lost and open with no status column', () => {
    const table = [
      ['Name', 'OwnerId', 'Amount', 'IsWon', 'IsClosed'],
      ['A', '005Ec000004oBPNIA2', 100, true, true],
      ['B', '005Ec000004oBPNIA2', 200, false, true],
      ['C', '005Ec000004oCQRIA2', 300, false, false],
      ['D', '005Ec000004oCQRIA2', 400, true, true],
    ];
    const out = kpiTable(en, table);
    expect(out[0]).toEqual(EN_HEADER);
    // Grouped by rep (OwnerId), most revenue first: the second owner won D (C open); the
    // first won A and lost B.
    expect(out.slice(1, 3).map((r) => r.slice(0, 7))).toEqual([
      ['005Ec000004oCQRIA2', 2, 1, 0, 1, 1, 400],
      ['005Ec000004oBPNIA2', 2, 1, 1, 0, 0.5, 100],
    ]);
  });
});
