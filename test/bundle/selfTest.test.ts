/**
 * selfTest() through dist/Code.js against the emulator: every check it makes in real
 * Sheets must pass here too (the emulator assumes what the self-test confirms there),
 * and the run must leave the spreadsheet as it found it.
 */
import { readFileSync } from 'node:fs';
import type { Emulator } from '../../emulator';
import { createEmulator } from '../../emulator';
import { CODE_JS } from '../support/loadBundle';

interface Report {
  ok: boolean;
  passed: number;
  failed: number;
  spreadsheetLocale: string;
  spreadsheetTimeZone: string;
  scriptTimeZone: string;
  checks: { name: string; ok: boolean; detail: string }[];
}

/**
 * Evaluates `=NAME(A1:B2, 3, …)` the way Sheets calls a custom function: ranges as 2-D
 * arrays of their values, numbers as numbers, through the loaded script's top-level
 * function.
 */
function customFunctionEvaluator(emulator: () => Emulator) {
  return (
    sheet: GoogleAppsScript.Spreadsheet.Sheet,
    _row: number,
    _column: number,
    formula: string,
  ) => {
    const call = /^=([A-Z_]+)\((.*)\)$/.exec(formula.trim());
    if (!call) return '#ERROR!';
    const args = call[2]
      .split(',')
      .map((arg) => arg.trim())
      .map((arg) => (/^-?\d+(\.\d+)?$/.test(arg) ? Number(arg) : sheet.getRange(arg).getValues()));
    try {
      return emulator().run(call[1], ...args);
    } catch (error) {
      return `#ERROR! ${(error as Error).message}`;
    }
  };
}

function setUp(locale: string, timeZone: string, scriptTimeZone: string): Emulator {
  const ref: { current?: Emulator } = {};
  const emulator = createEmulator({
    locale,
    timeZone,
    scriptTimeZone,
    sheets: [
      {
        name: 'Data',
        values: [
          ['Rep', 'Amount'],
          ['Alice', 100],
        ],
      },
    ],
    formulaEvaluator: customFunctionEvaluator(() => ref.current!),
  });
  ref.current = emulator;
  emulator.load(readFileSync(CODE_JS, 'utf8'));
  return emulator;
}

function run(emulator: Emulator): Report {
  const json = emulator.run('selfTest');
  expect(typeof json).toBe('string');
  return JSON.parse(json as string) as Report;
}

describe.each([
  ['fr_FR', 'Europe/Paris', 'America/New_York'],
  ['en_US', 'America/New_York', 'Europe/Paris'],
  ['en_GB', 'Asia/Tokyo', 'UTC'],
])('selfTest() in a %s spreadsheet (%s, script in %s)', (locale, timeZone, scriptTimeZone) => {
  test('every check passes against the emulator', () => {
    const emulator = setUp(locale, timeZone, scriptTimeZone);
    const report = run(emulator);
    const failures = report.checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail}`);
    expect(failures).toEqual([]);
    expect(report).toMatchObject({
      ok: true,
      failed: 0,
      spreadsheetLocale: locale,
      spreadsheetTimeZone: timeZone,
      scriptTimeZone,
    });
    // Text parsing (8 cases × 2), month names, zones, metadata, lock, properties, charts,
    // custom functions.
    const names = report.checks.map((c) => c.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'text "May 2026" written as is',
        'text "May 2026" written as the add-on writes data',
        'Intl month names (fr)',
        `midnights and days in ${timeZone}`,
        'developer metadata with DOCUMENT visibility',
        'document lock',
        'document properties',
        'WIN_RATE on known values',
        'WIN_RATE as a formula in a cell',
      ]),
    );
    for (const kind of ['COLUMN', 'BAR', 'LINE']) {
      expect(names.some((n) => n.startsWith(`${kind} chart with the writer's options`))).toBe(true);
    }
    expect(report.passed).toBe(report.checks.length);
  });

  test('logs one line per check, sums up in an alert, and leaves the document as it was', () => {
    const emulator = setUp(locale, timeZone, scriptTimeZone);
    const before = JSON.stringify(emulator.workbook.snapshot());
    const activeBefore = emulator.workbook.active.name;
    const report = run(emulator);
    expect(JSON.stringify(emulator.workbook.snapshot())).toBe(before);
    expect(emulator.workbook.active.name).toBe(activeBefore);
    expect(emulator.workbook.metadata).toEqual([]);
    expect([...emulator.properties.document.keys()]).toEqual([]);
    expect(emulator.locks.holder('document')).toBeNull();
    const lines = emulator.logs.map((entry) => entry.message);
    for (const check of report.checks) {
      expect(lines).toContain(`PASS ${check.name}: ${check.detail}`);
    }
    expect(emulator.ui.alerts).toHaveLength(1);
    expect(emulator.ui.alerts[0].title).toBe('Sales KPI self-test');
    expect(emulator.ui.alerts[0].prompt).toMatch(`${report.passed} checks passed, 0 failed.`);
  });
});

describe('selfTest() reports failures instead of hiding them', () => {
  test('a check that fails in the emulator is a FAIL line and a failed report, the tab still removed', () => {
    const emulator = setUp('en_US', 'America/New_York', 'America/New_York');
    // Formulas read "" without an evaluator: the live formula check must fail, loudly.
    const plain = createEmulator({ locale: 'en_US', timeZone: 'America/New_York' });
    plain.load(readFileSync(CODE_JS, 'utf8'));
    const sheetsBefore = plain.workbook.sheets.map((s) => s.name);
    const report = run(plain);
    expect(report.ok).toBe(false);
    const failed = report.checks.filter((c) => !c.ok);
    expect(failed.map((c) => c.name)).toEqual(['WIN_RATE as a formula in a cell']);
    expect(failed[0].detail).toBe('expected 0.75, the cell shows ""');
    expect(plain.logs.map((e) => e.message)).toContain(
      'FAIL WIN_RATE as a formula in a cell: expected 0.75, the cell shows ""',
    );
    expect(plain.workbook.sheets.map((s) => s.name)).toEqual(sheetsBefore);
    expect(emulator.workbook.sheets).toHaveLength(1);
  });

  test('no UI (getUi throws, as from the editor without the sheet open): still returns the JSON', () => {
    const emulator = setUp('en_US', 'America/New_York', 'America/New_York');
    const ui = emulator.globals.SpreadsheetApp;
    const original = ui.getUi.bind(ui);
    (ui as { getUi: () => GoogleAppsScript.Base.Ui }).getUi = () => {
      throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
    };
    try {
      expect(run(emulator).ok).toBe(true);
    } finally {
      (ui as { getUi: () => GoogleAppsScript.Base.Ui }).getUi = original;
    }
    expect(emulator.ui.alerts).toHaveLength(0);
  });
});
