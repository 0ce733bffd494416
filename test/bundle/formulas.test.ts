/**
 * Every registry function called through dist/Code.js in a bare V8 context, in French,
 * American, British-in-Tokyo and German-in-UTC spreadsheets (see cases.ts), with the
 * emulator's services in AuthMode.CUSTOM_FUNCTION (read-only, no UI, the user's locale
 * only), as Sheets runs a formula cell.
 */
import { createEmulator } from '../../emulator/index';
import { FUNCTIONS } from '../../src/functions/registry';
import type { BundleContext, ServiceLog } from '../support/loadBundle';
import { evaluate, formula, loadBundle, thrownBy } from '../support/loadBundle';
import type { Case, Cell, Environment, Expected } from './cases';
import { CASES, CONTRACT_FUNCTIONS, ENVIRONMENTS, helpers } from './cases';

const registered = new Set(FUNCTIONS.map((definition) => definition.name));

interface Loaded {
  readonly context: BundleContext;
  readonly log: ServiceLog;
}
const loaded = new Map<Environment, Loaded>();
function load(env: Environment): Loaded {
  let entry = loaded.get(env);
  if (!entry) {
    const emulator = createEmulator({
      locale: env.locale,
      timeZone: env.timeZone,
      authMode: 'CUSTOM_FUNCTION',
    });
    const context = loadBundle({ globals: { ...emulator.globals } });
    emulator.useRealm(context);
    // The emulator's call log, in order (`log.length = 0` empties it between cases).
    entry = { context, log: emulator.calls.log as ServiceLog };
    loaded.set(env, entry);
  }
  return entry;
}

function expectCell(actual: unknown, expected: Cell, where: string): void {
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') {
      throw new Error(`${where}: expected the number ${expected}, got ${JSON.stringify(actual)}`);
    }
    expect(actual).toBeCloseTo(expected, 9);
  } else {
    if (actual !== expected) {
      throw new Error(
        `${where}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
      );
    }
  }
}

function expectResult(actual: unknown, expected: Expected, headerWidth?: number): void {
  if (!Array.isArray(expected)) {
    expectCell(actual, expected as Cell, 'result');
    return;
  }
  if (!Array.isArray(actual)) throw new Error(`expected a table, got ${JSON.stringify(actual)}`);
  let rows = actual as unknown[][];
  if (headerWidth !== undefined) {
    const header = rows[0];
    expect(Array.isArray(header) && header.length).toBe(headerWidth);
    for (const label of header) expect(typeof label === 'string' && label.trim() !== '').toBe(true);
    rows = rows.slice(1);
  }
  const table = expected as readonly (readonly Cell[])[];
  expect(rows.length).toBe(table.length);
  table.forEach((expectedRow, r) => {
    expect(Array.isArray(rows[r]) && rows[r].length).toBe(expectedRow.length);
    expectedRow.forEach((cell, c) => expectCell(rows[r][c], cell, `row ${r + 1} column ${c + 1}`));
  });
}

const RULE_11_CALLS = new Set([
  'SpreadsheetApp.getActiveSpreadsheet',
  'Spreadsheet.getSpreadsheetLocale',
  'Spreadsheet.getSpreadsheetTimeZone',
  'Utilities.formatDate',
  'CacheService.getDocumentCache',
  'Cache.get',
  'Cache.put',
  'PropertiesService.getDocumentProperties',
  'Properties.getProperties',
]);

function runCase(testCase: Case, env: Environment): void {
  const { context, log } = load(env);
  const h = helpers(context, env);
  const fn = formula(context, testCase.fn);
  const args = testCase.args(h);
  log.length = 0;
  if (testCase.error) {
    const error = thrownBy(() => fn(...args));
    // A real Error of the sheet's realm (rule 10), so the cell shows #ERROR! with the reason.
    expect(error).toBeInstanceOf(evaluate<ErrorConstructor>(context, 'Error'));
    const message = (error as Error).message;
    expect(message.startsWith(`${testCase.fn}: `)).toBe(true);
    expect(message.slice(testCase.fn.length + 2)).toMatch(
      h.french ? testCase.error.fr : testCase.error.en,
    );
  } else {
    const expected =
      typeof testCase.expected === 'function' ? testCase.expected(h) : testCase.expected;
    if (expected === undefined) throw new Error('a case needs expected or error');
    expectResult(fn(...args), expected, testCase.headerWidth);
  }
  // Rule 11: only the locale, the time zone, date formatting and the saved mapping (the
  // document cache, the document properties on a miss) are read…
  expect(log.filter((entry) => !RULE_11_CALLS.has(entry))).toEqual([]);
  // …and the locale and the time zone at most once per call.
  for (const call of ['Spreadsheet.getSpreadsheetLocale', 'Spreadsheet.getSpreadsheetTimeZone']) {
    expect(log.filter((entry) => entry === call).length).toBeLessThanOrEqual(1);
  }
}

for (const name of CONTRACT_FUNCTIONS) {
  describe(name, () => {
    if (!registered.has(name)) {
      test.skip(`⚠️⚠️ ${name} IS NOT IN THE REGISTRY YET: its bundle cases are skipped ⚠️⚠️`, () => {});
      return;
    }
    for (const testCase of CASES.filter((c) => c.fn === name)) {
      for (const env of ENVIRONMENTS) {
        if (testCase.envs && !testCase.envs.includes(env.name)) continue;
        const label = testCase.error ? `error: ${testCase.title}` : testCase.title;
        test(`${label} [${env.locale}, ${env.timeZone}]`, () => runCase(testCase, env));
      }
    }
  });
}

describe('case coverage', () => {
  test('every registry function has a result case and an error case', () => {
    const lacking = FUNCTIONS.map((definition) => definition.name).filter((name) => {
      const cases = CASES.filter((c) => c.fn === name);
      return !cases.some((c) => c.error) || !cases.some((c) => !c.error);
    });
    expect(lacking).toEqual([]);
  });

  test('every case names a function of the contract', () => {
    expect(CASES.map((c) => c.fn).filter((name) => !CONTRACT_FUNCTIONS.includes(name))).toEqual([]);
  });
});
