import { isoDay } from '../core/dates';
import { KpiInputError } from '../core/errors';
import { StatusClass } from '../core/status';
import type { DealTable } from './deals';
import { toProbability } from '../core/probability';
import {
  codeColumn,
  DealReader,
  forEachDealBlock,
  LabelCoder,
  readDeals,
  USE_ALL,
  USE_WON,
} from './deals';

const fr = { locale: 'fr_FR', timeZone: 'Europe/Paris' };
const en = { locale: 'en_US', timeZone: 'America/New_York' };

const HEADERS = ['Commercial', 'Étape', 'Montant', 'Proba', 'Création', 'Signature', 'Client'];
const COLUMNS = {
  rep: 0,
  status: 1,
  amount: 2,
  probability: 3,
  created: 4,
  closed: 5,
  customer: 6,
};
function table(rows: unknown[][], extra: Partial<DealTable> = {}): DealTable {
  return { values: [HEADERS, ...rows], headerIndex: 0, columns: COLUMNS, ...extra };
}
const nanToNull = (a: ArrayLike<number>) => Array.from(a, (v) => (Number.isNaN(v) ? null : v));

describe('readDeals', () => {
  const rows = [
    ['Léa', 'Gagné', '1 000,00 €', '100 %', '01/01/2025', '31/01/2025', 'ACME'],
    ['', '', '', '', '', '', ''],
    ['  léa ', 'PERDU', 'n/c', '0 %', '', '', 'acme'],
    ['Hugo', 'Négociation', '2 000', '40', '15/01/2025', '', 'Globex'],
    ['Hugo', '', '500', '', '', '', ''],
  ];

  it('reads typed columns in one pass, skipping blank rows', () => {
    const d = readDeals(table(rows), { context: fr, mode: 'strict' });
    expect(d.length).toBe(4);
    expect(Array.from(d.sheetRows)).toEqual([2, 4, 5, 6]);
    expect(Array.from(d.rows)).toEqual([1, 3, 4, 5]);
    expect(Array.from(d.status)).toEqual([
      StatusClass.Won,
      StatusClass.Lost,
      StatusClass.Open,
      StatusClass.Blank,
    ]);
    // Strict: the lost amount is not read (no result uses it), so "n/c" is no error.
    expect(nanToNull(d.amount)).toEqual([1000, null, 2000, null]);
    expect(nanToNull(d.probability)).toEqual([null, null, 0.4, null]);
    expect(isoDay(d.created[0], fr.timeZone)).toBe('2025-01-01');
    expect(isoDay(d.closed[0], fr.timeZone)).toBe('2025-01-31');
    // Only won rows need dates for the sales cycle.
    expect(nanToNull(d.created).slice(1)).toEqual([null, null, null]);
  });

  it('codes labels after rule 4, keeping the first spelling', () => {
    const d = readDeals(table(rows), { context: fr, mode: 'strict' });
    const rep = d.labels.rep!;
    expect(Array.from(rep.codes)).toEqual([0, 0, 1, 1]);
    expect(rep.labels).toEqual(['Léa', 'Hugo']);
    expect(rep.keys).toEqual(['lea', 'hugo']);
    expect(Array.from(d.labels.customer!.codes)).toEqual([0, 0, 1, -1]);
    expect(d.stage.labels).toEqual(['Gagné', 'PERDU', 'Négociation']);
    expect(Array.from(d.stage.codes)).toEqual([0, 1, 2, -1]);
    expect(d.mapped.has('amount')).toBe(true);
    expect(d.mapped.has('region')).toBe(false);
  });

  it('throws in strict mode for a value a result uses, naming header, position and value', () => {
    const bad = [['Léa', 'Gagné', 'n/c', '', '', '', '']];
    expect(() => readDeals(table(bad), { context: fr, mode: 'strict' })).toThrow(
      new KpiInputError('notANumber', {
        arg: 'deals_table',
        column: 'Montant',
        position: 1,
        value: 'n/c',
      }),
    );
    const offset = table(bad, { firstSheetRow: 10 });
    expect(() => readDeals(offset, { context: fr, mode: 'strict' })).toThrow(
      'deals_table, column "Montant", value 1: "n/c" is not a number',
    );
    const badProbability = [['Léa', 'En cours', '10', 'beaucoup', '', '', '']];
    expect(() => readDeals(table(badProbability), { context: fr, mode: 'strict' })).toThrow(
      'deals_table, column "Proba", value 1: "beaucoup" is not a probability',
    );
    const badDate = [['Léa', 'Gagné', '10', '', '32/01/2025', '01/02/2025', '']];
    expect(() => readDeals(table(badDate), { context: fr, mode: 'strict' })).toThrow(
      'deals_table, column "Création", value 1: "32/01/2025" is not a date',
    );
  });

  it('reads only what the requested results use', () => {
    const openWithoutAmount = [['Léa', 'En cours', '', 'beaucoup', 'hier', '', '']];
    // The probability of an open deal with no amount is not read, as in PIPELINE_VALUE.
    expect(() =>
      readDeals(table(openWithoutAmount), { context: fr, mode: 'strict' }),
    ).not.toThrow();
    const wonOneDate = [['Léa', 'Gagné', '1', '', 'hier', '', '']];
    expect(() => readDeals(table(wonOneDate), { context: fr, mode: 'strict' })).not.toThrow();
    // Periods need the created date when there is no close date: now it is read.
    expect(() =>
      readDeals(table(wonOneDate), { context: fr, mode: 'strict', uses: { period: USE_ALL } }),
    ).toThrow('deals_table, column "Création", value 1: "hier" is not a date');
  });

  it('checks closed ≥ created on the rows of the sales cycle', () => {
    const backwards = [['Léa', 'Gagné', '1', '', '10/02/2025', '01/02/2025', '']];
    expect(() => readDeals(table(backwards), { context: fr, mode: 'strict' })).toThrow(
      'deals_table, column "Signature", value 1: 2025-02-01 is before created 2025-02-10',
    );
    const lostBackwards = [['Léa', 'Perdu', '1', '', '10/02/2025', '01/02/2025', '']];
    expect(() => readDeals(table(lostBackwards), { context: fr, mode: 'strict' })).not.toThrow();
  });

  it('collects problems in lenient mode and leaves the values empty', () => {
    const messy = [
      ['Léa', 'Perdu', 'n/c', 'x', '01/01/2025', '31/12/2024', ''],
      ['Léa', 'Gagné', '10', '', 'demain', '', ''],
      ['Hugo', 'En cours', '1,5', '250', '', '', ''],
    ];
    const d = readDeals(table(messy), { context: fr, mode: 'lenient' });
    expect(d.problems).toEqual([
      { field: 'amount', header: 'Montant', sheetRow: 2, value: '"n/c"', reason: 'notANumber' },
      {
        field: 'probability',
        header: 'Proba',
        sheetRow: 2,
        value: '"x"',
        reason: 'notAProbability',
      },
      {
        field: 'closed',
        header: 'Signature',
        sheetRow: 2,
        value: '"31/12/2024"',
        reason: 'closedBeforeCreated',
      },
      { field: 'created', header: 'Création', sheetRow: 3, value: '"demain"', reason: 'notADate' },
      {
        field: 'probability',
        header: 'Proba',
        sheetRow: 4,
        value: '"250"',
        reason: 'notAProbability',
      },
    ]);
    expect(nanToNull(d.amount)).toEqual([null, 10, 1.5]);
    expect(nanToNull(d.created).slice(1)).toEqual([null, null]);
    // The period is the close date, else the created date.
    expect(d.period[0]).toBe(d.closed[0]);
  });

  it('uses the locale: English decimals and month-first dates', () => {
    const rows = [['Ann', 'Closed Won', '$1,234.50', '0.5', '03/01/2025', '03/31/2025', 'X']];
    const d = readDeals(table(rows), { context: en, mode: 'lenient' });
    expect(d.problems).toEqual([]);
    expect(d.amount[0]).toBe(1234.5);
    expect(isoDay(d.created[0], en.timeZone)).toBe('2025-03-01');
  });

  it('takes custom won and lost sets', () => {
    const rows = [
      ['A', 'Signed', '1', '', '', '', ''],
      ['A', 'Dead', '1', '', '', '', ''],
      ['A', 'Won', '1', '', '', '', ''],
    ];
    const d = readDeals(table(rows), {
      context: en,
      mode: 'strict',
      won: new Set(['signed']),
      lost: new Set(['dead']),
    });
    expect(Array.from(d.status)).toEqual([StatusClass.Won, StatusClass.Lost, StatusClass.Open]);
  });

  it('reads a table whose header is not the first row, with unmapped fields', () => {
    const values = [['Titre'], ['Étape', 'Montant'], ['Gagné', 5]];
    const d = readDeals(
      { values, headerIndex: 1, columns: { status: 0, amount: 1 } },
      { context: fr, mode: 'strict' },
    );
    expect(d.length).toBe(1);
    expect(Array.from(d.sheetRows)).toEqual([3]);
    expect(d.labels).toEqual({});
  });
});

describe('block reading', () => {
  const many = Array.from({ length: 10 }, (_, i) => [
    i % 2 ? 'Léa' : 'Hugo',
    'Gagné',
    String(i),
    '',
    '',
    '',
    `Client ${i % 3}`,
  ]);

  it('codes labels consistently across blocks and reuses the buffers', () => {
    const seen: number[][] = [];
    const reader = forEachDealBlock(
      table(many),
      { context: fr, mode: 'strict', labels: ['customer'] },
      (block) => seen.push(Array.from(block.labels.customer!.codes)),
      4,
    );
    expect(seen).toEqual([
      [0, 1, 2, 0],
      [1, 2, 0, 1],
      [2, 0],
    ]);
    expect(reader.labelFields).toEqual(['customer']);
    expect(reader.labelCoders[0].labels).toEqual(['Client 0', 'Client 1', 'Client 2']);
  });

  it('reads the rest in one block', () => {
    const reader = new DealReader(table(many), { context: fr, mode: 'strict' });
    expect(reader.read(3).length).toBe(3);
    expect(reader.read().length).toBe(7);
    expect(reader.done).toBe(true);
  });

  it('codes any column of the kept rows', () => {
    const t = table(many);
    const d = readDeals(t, { context: fr, mode: 'strict', uses: { amount: USE_WON } });
    const coder = new LabelCoder(fr.timeZone);
    expect(Array.from(codeColumn(t, d, 0, coder))).toEqual([0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
    expect(coder.labels).toEqual(['Hugo', 'Léa']);
  });
});

describe('LabelCoder', () => {
  it('shows dates as days in the zone and numbers as text', () => {
    const coder = new LabelCoder('Europe/Paris');
    expect(coder.code(new Date('2024-02-29T23:30:00Z'))).toBe(0);
    expect(coder.code(2024)).toBe(1);
    expect(coder.code('2024')).toBe(1);
    expect(coder.code('  ')).toBe(-1);
    expect(coder.labels).toEqual(['2024-03-01', '2024']);
  });

  it('applies rule 4 to every label', () => {
    const coder = new LabelCoder('UTC');
    expect(coder.code('Closed-Won')).toBe(coder.code('closed won'));
    expect(coder.code('ÉQUIPE  Nord')).toBe(coder.code('equipe nord'));
  });
});

describe('toProbability', () => {
  it('reads fractions, percentages and percent text like PIPELINE_VALUE', () => {
    expect(toProbability(0.4, '.')).toBe(0.4);
    expect(toProbability(40, '.')).toBe(0.4);
    expect(toProbability('40%', '.')).toBe(0.4);
    expect(toProbability('40 %', ',')).toBe(0.4);
    expect(toProbability('0,4', ',')).toBe(0.4);
    expect(toProbability(1, '.')).toBe(1);
    for (const bad of [-0.1, 101, '150%', 'high', true]) {
      expect(toProbability(bad, '.')).toBeNaN();
    }
  });
});
