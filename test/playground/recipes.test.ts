/**
 * Every formula of docs/FUNCTIONS.md, read from the document, typed into a playground
 * workbook laid out as the document assumes (a Deals tab with columns A–K, and the
 * Orders, Sales, Targets, Campaigns and Activities tabs it names), in both notations:
 * the `,` one in en_US and the `;` one in fr_FR. Each computes with the bundle
 * (dist/Code.js): a value, or an error the add-on itself raised, naming the function.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PlaygroundSession } from '../../playground/session';

const ROOT = path.resolve(__dirname, '..', '..');

/** The formulas of the document, by separator style. */
function recipes(): { comma: string[]; semicolon: string[] } {
  const doc = readFileSync(path.join(ROOT, 'docs', 'FUNCTIONS.md'), 'utf8');
  const pick = (style: string) =>
    [...doc.matchAll(new RegExp(`^\\s*- \`${style}\` locales [^:]*: \`(=[^\`]+)\``, 'gm'))].map(
      (match) => match[1],
    );
  return { comma: pick(','), semicolon: pick(';') };
}

const TABLES: Record<string, string[][]> = {
  Deals: [
    [
      'Deal',
      'Name',
      'Customer',
      'Rep',
      'Status',
      'Amount',
      'Cost',
      'Created',
      'Closed',
      'Source',
      'Probability',
    ],
    [
      'D-1',
      'Roof',
      'Roux',
      'Alice',
      'Won',
      '1200',
      '700',
      '2024-11-04',
      '2025-01-15',
      'Website',
      '100',
    ],
    [
      'D-2',
      'Tiles',
      'Martin',
      'Bob',
      'Lost',
      '800',
      '500',
      '2024-12-01',
      '2025-02-03',
      'Trade show',
      '0',
    ],
    [
      'D-3',
      'Gutter',
      'Roux',
      'Alice',
      'Won',
      '300',
      '120',
      '2025-01-10',
      '2025-02-21',
      'Trade show',
      '100',
    ],
    ['D-4', 'Porch', 'Petit', 'Alice', 'Open', '5000', '3100', '2025-03-02', '', 'Website', '40'],
    [
      'D-5',
      'Fence',
      'Durand',
      'Bob',
      'Won',
      '2400',
      '1500',
      '2025-02-11',
      '2025-04-08',
      'Website',
      '100',
    ],
    ['D-6', 'Shed', 'Martin', 'Bob', 'Open', '900', '400', '2025-04-01', '', 'Trade show', '60'],
    [
      'D-7',
      'Deck',
      'Roux',
      'Alice',
      'Won',
      '1750',
      '1000',
      '2025-04-20',
      '2025-05-30',
      'Website',
      '100',
    ],
  ],
  Orders: [
    ['Date', 'Customer', 'Customer id'],
    ['2025-01-05', 'Roux', 'Roux'],
    ['2025-02-10', 'Martin', 'Martin'],
    ['2025-03-12', 'Roux', 'Roux'],
    ['2025-03-20', 'Petit', 'Petit'],
  ],
  Sales: [
    ['Month', 'Region', 'Rep', 'Units', 'Last year', 'This year'],
    ...Array.from({ length: 12 }, (_, i) => [
      `2025-${String(i + 1).padStart(2, '0')}-01`,
      'North',
      'Alice',
      String(10 + i),
      String(1000 + 50 * i),
      String(1100 + 60 * i),
    ]),
  ],
  Targets: [
    ['Period', 'Rep', 'Target'],
    ['2025-01-01', 'Alice', '4000'],
    ['2025-01-01', 'Bob', '3000'],
  ],
  Campaigns: [
    ['Campaign', 'Channel', 'Cost'],
    ['Website', 'Online', '900'],
    ['Trade show', 'Event', '2500'],
  ],
  Activities: [
    ['Date', 'Rep', 'Type'],
    ['2025-03-03', 'Alice', 'Call'],
    ['2025-03-05', 'Alice', 'Meeting'],
    ['2025-03-18', 'Bob', 'Call'],
    ['2025-01-22', 'Alice', 'Meeting'],
  ],
};

describe('the recipes of docs/FUNCTIONS.md in the playground', () => {
  let folder: string;
  const { comma, semicolon } = recipes();

  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'recipes-'));
    for (const [name, rows] of Object.entries(TABLES)) {
      const text = rows.map((row) => row.join('\t')).join('\n') + '\n';
      writeFileSync(path.join(folder, `${name}.tsv`), text);
    }
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('are found in the document, as many in each notation', () => {
    expect(comma.length).toBeGreaterThan(40);
    expect(semicolon).toHaveLength(comma.length);
  });

  it.each([
    ['en_US', 'comma'],
    ['fr_FR', 'semicolon'],
  ] as const)('compute in %s, written with the matching separators', (locale, style) => {
    const session = new PlaygroundSession({
      folder,
      locale,
      timeZone: 'Europe/Paris',
      today: new Date('2025-05-15T10:00:00Z'),
      examples: false,
    });
    session.edit('Deals', 'M1', 'Alice');
    const formulas = style === 'comma' ? comma : semicolon;
    const outcomes = formulas.map((formula) => {
      session.edit('Deals', 'O1', formula);
      const view = session.sheetView('Deals');
      const error = view.errors.O1;
      const value = view.values[0]?.[14];
      session.edit('Deals', 'O1', '');
      return { formula, value, error };
    });
    const failures = outcomes.filter(({ error }) => {
      if (!error) return false;
      // An error the add-on raised names its function: the formula itself computed.
      const byAddon = error.code === '#ERROR!' && /^[A-Z_]+: /.test(error.message);
      return !byAddon;
    });
    expect(failures).toEqual([]);
    // Most compute a figure on this data; the others explain what they need.
    const computed = outcomes.filter(({ error }) => !error);
    expect(computed.length).toBeGreaterThan(formulas.length * 0.9);
    // A few worked out by hand: won amounts 1200 + 300 + 2400 + 1750; won deals 4; Alice's
    // won deals 3 of 3 closed; calls by Alice in March 1.
    const valueOf = (formula: string) => {
      const wanted = style === 'comma' ? formula : formula.replace(/,/g, ';');
      return outcomes.find((o) => o.formula.replace(/\s/g, '') === wanted)?.value;
    };
    expect(valueOf('=REVENUE(F2:F,E2:E)')).toBe(5650);
    expect(valueOf('=COUNTIFS(E2:E,"ClosedWon")+COUNTIFS(E2:E,"Won")')).toBe(4);
    expect(valueOf('=WIN_RATE(FILTER(E2:E,D2:D="Alice"))')).toBe(1);
    expect(
      valueOf(
        '=COUNTIFS(Activities!C2:C,"Call",Activities!B2:B,"Alice",Activities!A2:A,">="&DATE(2025,3,1),Activities!A2:A,"<="&DATE(2025,3,31))',
      ),
    ).toBe(1);
  });
});
