import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FUNCTIONS } from '../../src/functions/registry';
import {
  addOnFunctionsIn,
  functionHelp,
  RECIPES,
  renderFunctionsDoc,
  separatorStyleOf,
  toSemicolonStyle,
} from '../../scripts/reference';

const DOC = path.resolve(__dirname, '..', '..', 'docs', 'FUNCTIONS.md');

describe('docs/FUNCTIONS.md', () => {
  test('is what the registry generates', () => {
    const expected = renderFunctionsDoc();
    let actual: string;
    try {
      actual = readFileSync(DOC, 'utf8');
    } catch {
      throw new Error('docs/FUNCTIONS.md is missing: run npm run docs');
    }
    if (actual !== expected) {
      const a = actual.split('\n');
      const e = expected.split('\n');
      const line = e.findIndex((text, i) => text !== a[i]);
      throw new Error(
        `docs/FUNCTIONS.md is out of date: run npm run docs\n` +
          `first difference at line ${line + 1}:\n  file:      ${a[line]}\n  generated: ${e[line]}`,
      );
    }
  });

  test('documents every registry function with its French name', () => {
    const doc = renderFunctionsDoc();
    for (const definition of FUNCTIONS) {
      expect(doc).toContain(`### ${definition.name}\n`);
      expect(doc).toContain(definition.title.fr);
    }
  });
});

describe('separator styles', () => {
  test.each([
    ['=WIN_RATE(E2:E)', '=WIN_RATE(E2:E)'],
    ['=CONVERSION_RATE(12, 48)', '=CONVERSION_RATE(12; 48)'],
    ['=PIPELINE_VALUE(F2:F, E2:E, K2:K) / 1.5', '=PIPELINE_VALUE(F2:F; E2:E; K2:K) / 1,5'],
    [
      '=WIN_RATE(E2:E, "Signed", {"Lost", "No decision"})',
      '=WIN_RATE(E2:E; "Signed"; {"Lost"\\ "No decision"})',
    ],
    ['={1, 2; 3, 4}', '={1\\ 2; 3\\ 4}'],
    [
      '=REVENUE(FILTER(F2:F, D2:D="Smith, J."), 0.5)',
      '=REVENUE(FILTER(F2:F; D2:D="Smith, J."); 0,5)',
    ],
    ["=SUM('Q1, 2025'!F2:F, A1)", "=SUM('Q1, 2025'!F2:F; A1)"],
    ['=EOMONTH(TODAY(),-1)+1', '=EOMONTH(TODAY();-1)+1'],
    ['=COUNTIFS(A2:A, ">="&DATE(2025,1,1))', '=COUNTIFS(A2:A; ">="&DATE(2025;1;1))'],
  ])('%s → %s', (comma, semicolon) => {
    expect(toSemicolonStyle(comma)).toBe(semicolon);
  });

  test('follows the locale’s decimal separator', () => {
    expect(separatorStyleOf('en_US')).toBe(',');
    expect(separatorStyleOf('en_GB')).toBe(',');
    expect(separatorStyleOf('fr_FR')).toBe(';');
    expect(separatorStyleOf('de_DE')).toBe(';');
  });

  test('recipes call only Sheets functions and contract functions', () => {
    for (const recipe of RECIPES) {
      for (const name of addOnFunctionsIn(recipe.formula)) expect(name).toMatch(/^[A-Z_]+$/);
    }
    expect(addOnFunctionsIn('=REVENUE(FILTER(F2:F, D2:D="X"), FILTER(E2:E, D2:D="X"))')).toEqual([
      'REVENUE',
    ]);
  });
});

describe('sidebar help', () => {
  test('has every function in each language, formulas in that language’s style', () => {
    const en = functionHelp('en');
    const fr = functionHelp('fr');
    expect(en.map((help) => help.name)).toEqual(FUNCTIONS.map((definition) => definition.name));
    expect(fr.map((help) => help.name)).toEqual(FUNCTIONS.map((definition) => definition.name));
    const win = fr.find((help) => help.name === 'WIN_RATE')!;
    expect(win.title).toBe('Taux de transformation des opportunités');
    expect(win.syntax).toBe('WIN_RATE(statuses; [won_labels]; [lost_labels])');
    expect(win.args[1]).toMatchObject({ name: 'won_labels', optional: true });
    expect(en.find((help) => help.name === 'WIN_RATE')!.syntax).toBe(
      'WIN_RATE(statuses, [won_labels], [lost_labels])',
    );
  });
});
