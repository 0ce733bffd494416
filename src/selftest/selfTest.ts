/**
 * `selfTest()`: one run in real Google Sheets of what the emulator assumes, so that a
 * maintainer can confirm (or refute) the rules our tests rely on. Run from the Apps
 * Script editor on any spreadsheet: it works in a temporary tab that it deletes at the
 * end, restores the active tab, removes the document property and developer metadata it
 * wrote, and changes nothing else. Each check logs one PASS/FAIL line; the whole result
 * is returned as JSON (and summed up in an alert when a UI is there).
 *
 * docs/EMULATOR.md lists, for each rule the emulator enforces, the check below that
 * confirms it.
 */
import { isMonthFirst, languageOf } from '../core/context';
import type { SheetContext } from '../core/context';
import { isoDay, midnightOf } from '../core/dates';
import { runFormula } from '../functions/adapter';
import { FUNCTIONS } from '../functions/registry';
import type { EntityId } from '../mapping/fields';
import type { Mapping } from '../mapping/schema';
import { buildReport } from '../report/build';
import { safeText } from '../writer/grid';
import type { ChartPlan, TabPlan } from '../writer/plan';
import { planTabs } from '../writer/render';
import { insertChart } from '../writer/write';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface CheckResult {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

export interface SelfTestReport {
  readonly ok: boolean;
  readonly passed: number;
  readonly failed: number;
  readonly spreadsheetLocale: string;
  readonly spreadsheetTimeZone: string;
  readonly scriptTimeZone: string;
  readonly checks: CheckResult[];
}

/** The prefix of the temporary tab's name (a random suffix follows). */
export const SELF_TEST_TAB = 'selfTest';
/** The developer metadata key the self-test writes and removes (namespaced like the add-on's). */
export const SELF_TEST_METADATA_KEY = 'sales-kpi:selftest';

// ---- Text that Sheets types when written ----

type Kind = 'date' | 'number' | 'boolean' | 'text';

/** What a string becomes when written as is with setValues in a spreadsheet of `locale`. */
export interface ParsingCase {
  readonly text: string;
  readonly expect: (locale: string) => { kind: Kind; month?: number; value?: unknown };
}

export const PARSING_CASES: readonly ParsingCase[] = [
  // English month names are read in every locale, the spreadsheet language's too.
  { text: 'May 2026', expect: () => ({ kind: 'date', month: 5 }) },
  // "sept" abbreviates September and septembre alike.
  { text: 'Sept 2026', expect: () => ({ kind: 'date', month: 9 }) },
  {
    text: 'mars 2025',
    expect: (l) => (languageOf(l) === 'fr' ? { kind: 'date', month: 3 } : { kind: 'text' }),
  },
  { text: '1/2', expect: (l) => ({ kind: 'date', month: isMonthFirst(l) ? 1 : 2 }) },
  { text: '3-4', expect: (l) => ({ kind: 'date', month: isMonthFirst(l) ? 3 : 4 }) },
  { text: 'TRUE', expect: () => ({ kind: 'boolean', value: true }) },
  { text: '12%', expect: () => ({ kind: 'number', value: 0.12 }) },
  { text: '1e3', expect: () => ({ kind: 'number', value: 1000 }) },
];

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

function kindOf(value: unknown): Kind {
  if (isDate(value)) return 'date';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'text';
}

function describe(value: unknown, timeZone: string): string {
  if (isDate(value)) return `the date ${Utilities.formatDate(value, timeZone, 'yyyy-MM-dd HH:mm')}`;
  if (typeof value === 'string') return `the text ${JSON.stringify(value)}`;
  return `the ${kindOf(value)} ${String(value)}`;
}

// ---- Time zones and month names ----

/** Zones whose midnights the add-on computes: the sheet's own, and both sides of UTC. */
const ZONES = ['Europe/Paris', 'America/New_York', 'Asia/Tokyo', 'Pacific/Auckland', 'UTC'];
/** Days around daylight-saving changes (Europe, United States, New Zealand) and a plain one. */
const DAYS: readonly [number, number, number][] = [
  [2026, 1, 15],
  [2026, 3, 8],
  [2026, 3, 29],
  [2026, 4, 5],
  [2026, 9, 27],
  [2026, 10, 25],
  [2026, 11, 1],
  [2026, 12, 31],
];

const MONTHS: Record<'en' | 'fr', readonly string[]> = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
};

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

// ---- Custom functions ----

interface FunctionCase {
  readonly name: string;
  readonly args: readonly unknown[];
  readonly expected: number;
}

const col = (...values: unknown[]) => values.map((v) => [v]);

/** Hand-computed results, with inputs that read the same in every locale. */
export const FUNCTION_CASES: readonly FunctionCase[] = [
  // Won: Won, Gagné, Closed-Won; lost: PERDU → 3 ÷ 4.
  {
    name: 'WIN_RATE',
    args: [col('Won', '  Gagné ', 'PERDU', 'open', '', 'Closed-Won')],
    expected: 0.75,
  },
  // (1000 + 250) − (500 + 150)
  { name: 'MARGIN', args: [col(1000, 250), col(500, 150)], expected: 600 },
  // (1200 − 1000) ÷ 1000
  { name: 'GROWTH_RATE', args: [1200, col(500, 500)], expected: 0.2 },
  // promoters 10, 9, 9; detractors 6, 0; 7 scores → 100 × 1 ÷ 7
  { name: 'NPS', args: [col(10, 9, 8, 7, 6, 0, '', 9)], expected: 100 / 7 },
  // 2000 ÷ 2500
  { name: 'QUOTA_ATTAINMENT', args: [col(1234.5, 765.5), 2500], expected: 0.8 },
];

/** The data and formula written into the temporary tab (column H) for one live formula. */
const FORMULA_DATA = ['Won', 'Gagné', 'PERDU', 'open', '', 'Closed-Won'];
const FORMULA_EXPECTED = 0.75;

function close(a: unknown, b: number): boolean {
  return typeof a === 'number' && Math.abs(a - b) < 1e-9;
}

// ---- Charts ----

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isDate(value);
}

function merge(target: Record<string, unknown>, source: Readonly<Record<string, unknown>>): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (isPlainObject(existing) && isPlainObject(value)) {
      const copy = { ...existing };
      merge(copy, value);
      target[key] = copy;
    } else target[key] = value;
  }
}

/**
 * A few rows of every table, headed by the field names themselves: enough for the writer
 * to plan every tab and chart (March 2025, reported on 2025-04-10).
 */
const TINY_TABLES: Record<EntityId, unknown[][]> = {
  deals: [
    ['id', 'rep', 'customer', 'status', 'amount', 'cost', 'created', 'closed', 'source'],
    ['D1', 'Ann', 'Acme', 'Won', 1000, 600, '2025-02-05', '2025-03-20', 'Fair'],
    ['D2', 'Bob', 'Beta', 'Lost', 500, '', '2025-02-10', '2025-02-25', 'Mail'],
    ['D3', 'Bob', 'Acme', 'Won', 800, 300, '2025-03-01', '2025-03-12', 'Fair'],
    ['D4', 'Ann', 'Gamma', 'Open', 700, '', '2025-03-10', '', ''],
  ],
  activities: [
    ['date', 'rep', 'type', 'customer'],
    ['2025-03-03', 'Ann', 'Call', 'Acme'],
    ['2025-03-04', 'Bob', 'Meeting', 'Beta'],
  ],
  campaigns: [
    ['name', 'type', 'cost', 'start', 'end'],
    ['Fair', 'Trade show', 300, '2025-03-01', '2025-03-02'],
  ],
  targets: [
    ['rep', 'period', 'target'],
    ['Ann', '2025-03', 2000],
  ],
  feedback: [
    ['date', 'rep', 'score', 'comment'],
    ['2025-03-07', 'Ann', 4, 'Good'],
  ],
};

function tinyMapping(): Mapping {
  const entities: Record<string, unknown> = {};
  for (const [id, [header]] of Object.entries(TINY_TABLES)) {
    const fields: Record<string, { header: string; index: number }> = {};
    (header as string[]).forEach((name, index) => (fields[name] = { header: name, index }));
    entities[id] = { sheet: id, headerRow: 1, fields };
  }
  return {
    version: 1,
    entities: entities as Mapping['entities'],
    status: { won: ['Won'], lost: ['Lost'], open: ['Open'], stageOrder: ['Open', 'Won', 'Lost'] },
    feedbackScale: '1-5',
    settings: { period: 'month', fiscalYearStartMonth: 1 },
  };
}

/**
 * One chart plan per chart kind the writer draws, carrying every option any of its charts
 * of that kind sets: the writer's real plans, for a small report of known data.
 */
export function writerChartPlans(): ChartPlan[] {
  const report = buildReport({
    tables: TINY_TABLES,
    mapping: tinyMapping(),
    context: { locale: 'en_US', timeZone: 'UTC' },
    today: Date.UTC(2025, 3, 10, 12),
  });
  return chartPlansByKind(planTabs(report));
}

/** The charts of `tabs` merged by kind: the first of each kind, with every option of all. */
export function chartPlansByKind(tabs: readonly TabPlan[]): ChartPlan[] {
  const byKind = new Map<string, { plan: ChartPlan; options: Record<string, unknown> }>();
  for (const tab of tabs) {
    for (const chart of tab.charts) {
      let entry = byKind.get(chart.kind);
      if (!entry) {
        entry = { plan: chart, options: {} };
        byKind.set(chart.kind, entry);
      }
      merge(entry.options, chart.options ?? {});
    }
  }
  return [...byKind.values()].map(({ plan, options }) => ({ ...plan, options }));
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

// ---- The run ----

class Checks {
  readonly results: CheckResult[] = [];
  run(name: string, check: () => string): void {
    let result: CheckResult;
    try {
      result = { name, ok: true, detail: check() };
    } catch (error) {
      result = { name, ok: false, detail: error instanceof Error ? error.message : String(error) };
    }
    this.results.push(result);
    console.log(`${result.ok ? 'PASS' : 'FAIL'} ${name}: ${result.detail}`);
  }
}

function fail(message: string): never {
  throw new Error(message);
}

function temporaryName(spreadsheet: Spreadsheet): string {
  for (;;) {
    const name = `${SELF_TEST_TAB} ${Utilities.getUuid().slice(0, 8)}`;
    if (!spreadsheet.getSheetByName(name)) return name;
  }
}

function checkParsing(checks: Checks, sheet: Sheet, context: SheetContext): void {
  const n = PARSING_CASES.length;
  const raw = sheet.getRange(1, 1, n, 1);
  const asData = sheet.getRange(1, 2, n, 1);
  raw.setValues(PARSING_CASES.map((c) => [c.text]));
  // As the summary writer writes data text: values on cleared cells, then the text format.
  asData.setValues(PARSING_CASES.map((c) => [safeText(c.text)]));
  asData.setNumberFormat('@');
  SpreadsheetApp.flush();
  const values = sheet.getRange(1, 1, n, 2).getValues();
  PARSING_CASES.forEach((testCase, i) => {
    const [written, kept] = values[i];
    const expected = testCase.expect(context.locale);
    checks.run(`text "${testCase.text}" written as is`, () => {
      const got = describe(written, context.timeZone);
      if (kindOf(written) !== expected.kind)
        fail(`expected a ${expected.kind} in ${context.locale}, got ${got}`);
      if (expected.kind === 'text' && written !== testCase.text) fail(`got ${got}`);
      if (expected.month !== undefined) {
        const month = Number(Utilities.formatDate(written as Date, context.timeZone, 'M'));
        if (month !== expected.month) fail(`expected month ${expected.month}, got ${got}`);
      }
      if (expected.value !== undefined && !sameValue(written, expected.value))
        fail(`expected ${String(expected.value)}, got ${got}`);
      return `became ${got}`;
    });
    checks.run(`text "${testCase.text}" written as the add-on writes data`, () => {
      if (kept !== testCase.text)
        fail(`expected the text back, got ${describe(kept, context.timeZone)}`);
      return 'stayed text';
    });
  });
}

function checkMonthNames(checks: Checks): void {
  for (const language of ['en', 'fr'] as const) {
    checks.run(`Intl month names (${language})`, () => {
      const format = new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' });
      const names = MONTHS[language].map((_, m) => format.format(new Date(Date.UTC(2026, m, 15))));
      const wrong = names.filter((name, m) => name !== MONTHS[language][m]);
      if (wrong.length) fail(`got ${names.join(', ')}`);
      if (language === 'en') {
        const java = MONTHS.en.map((_, m) =>
          Utilities.formatDate(new Date(Date.UTC(2026, m, 15)), 'UTC', 'MMMM'),
        );
        if (java.join() !== names.join())
          fail(`Utilities.formatDate gives ${java.join(', ')}, Intl ${names.join(', ')}`);
      }
      return names.join(', ');
    });
  }
}

function checkTimeZones(checks: Checks, context: SheetContext): void {
  const zones = [context.timeZone, ...ZONES.filter((z) => z !== context.timeZone)];
  for (const zone of zones) {
    checks.run(`midnights and days in ${zone}`, () => {
      for (const [year, month, day] of DAYS) {
        const iso = `${year}-${pad(month)}-${pad(day)}`;
        const midnight = midnightOf(year, month, day, zone);
        const wall = Utilities.formatDate(new Date(midnight), zone, 'yyyy-MM-dd HH:mm:ss');
        if (wall !== `${iso} 00:00:00`) fail(`midnight of ${iso} is ${wall} there`);
        for (const offset of [-1, 0, 1, 23.5 * 3600000]) {
          const ms = midnight + offset;
          const java = Utilities.formatDate(new Date(ms), zone, 'yyyy-MM-dd');
          if (isoDay(ms, zone) !== java)
            fail(
              `${new Date(ms).toISOString()} is ${java} there, the add-on says ${isoDay(ms, zone)}`,
            );
        }
      }
      return `${DAYS.length} days agree with Utilities.formatDate`;
    });
  }
}

function checkMetadata(checks: Checks, spreadsheet: Spreadsheet, sheet: Sheet): void {
  checks.run('developer metadata with DOCUMENT visibility', () => {
    const visibility = SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT;
    const value = Utilities.getUuid();
    sheet.addDeveloperMetadata(SELF_TEST_METADATA_KEY, value, visibility);
    const found = spreadsheet
      .createDeveloperMetadataFinder()
      .withKey(SELF_TEST_METADATA_KEY)
      .withValue(value)
      .find();
    if (found.length !== 1) fail(`found ${found.length} entries instead of 1`);
    const [entry] = found;
    if (String(entry.getVisibility()) !== String(visibility))
      fail(`visibility read back as ${String(entry.getVisibility())}`);
    const where = entry.getLocation().getSheet();
    if (!where || where.getSheetId() !== sheet.getSheetId()) fail('not found on its tab');
    entry.remove();
    const left = spreadsheet.createDeveloperMetadataFinder().withKey(SELF_TEST_METADATA_KEY).find();
    if (left.length !== 0) fail(`${left.length} entries left after remove()`);
    return 'written, found on its tab, removed';
  });
}

function checkLockAndProperties(checks: Checks): void {
  checks.run('document lock', () => {
    const lock = LockService.getDocumentLock();
    if (!lock) fail('getDocumentLock() returned null');
    if (!lock.tryLock(5000)) fail('tryLock(5000) failed');
    try {
      if (!lock.hasLock()) fail('hasLock() is false after tryLock');
      SpreadsheetApp.flush();
    } finally {
      lock.releaseLock();
    }
    return 'acquired, flushed, released';
  });
  checks.run('document properties', () => {
    const properties = PropertiesService.getDocumentProperties();
    if (!properties) fail('getDocumentProperties() returned null');
    const key = `${SELF_TEST_METADATA_KEY}:${Utilities.getUuid()}`;
    const before = properties.getProperty(key);
    const value = 'é'.repeat(100);
    try {
      properties.setProperty(key, value);
      const read = properties.getProperty(key);
      if (read !== value) fail(`read back ${JSON.stringify(read)}`);
    } finally {
      if (before === null) properties.deleteProperty(key);
      else properties.setProperty(key, before);
    }
    if (before === null && properties.getProperty(key) !== null) fail('the key is still there');
    return 'a temporary key written, read back and deleted';
  });
}

function checkCharts(checks: Checks, sheet: Sheet): void {
  sheet.getRange(1, 10, 4, 3).setValues([
    ['Label', 'Series 1', 'Series 2'],
    ['a', 1, 2],
    ['b', 3, 4],
    ['c', 5, 6],
  ]);
  for (const plan of writerChartPlans()) {
    const options = { title: plan.title, ...(plan.options ?? {}) };
    const keys = Object.keys(options).join(', ');
    const placed: ChartPlan = {
      ...plan,
      ranges: [
        { row: 1, column: 10, rows: 4, columns: 1 },
        { row: 1, column: 11, rows: 4, columns: 2 },
      ],
      row: 6,
      column: 10,
    };
    let inserted = false;
    checks.run(`${plan.kind} chart with the writer's options (${keys})`, () => {
      const before = sheet.getCharts().length;
      insertChart(sheet, placed);
      const after = sheet.getCharts().length;
      if (after !== before + 1) fail(`${after - before} charts inserted`);
      inserted = true;
      return 'inserted';
    });
    if (!inserted) continue;
    checks.run(`${plan.kind} chart options read back`, () => {
      const charts = sheet.getCharts();
      const chart = charts[charts.length - 1];
      const differ = Object.entries(options)
        .filter(([key, value]) => !sameValue(chart.getOptions().get(key), value))
        .map(([key]) => `${key} = ${JSON.stringify(chart.getOptions().get(key))}`);
      if (differ.length) fail(`read back differently: ${differ.join('; ')}`);
      return `${Object.keys(options).length} options read back as set`;
    });
  }
}

/** Expects `action` to be refused; `undo` removes what it made if Sheets accepted it. */
function refused(action: () => unknown, undo: (made: unknown) => void = () => {}): string {
  let made: unknown;
  try {
    made = action();
  } catch (error) {
    return `refused: ${error instanceof Error ? error.message : String(error)}`;
  }
  undo(made);
  return fail('accepted');
}

function checkLimits(checks: Checks, spreadsheet: Spreadsheet, sheet: Sheet): void {
  checks.run('insertSheet makes the new tab active', () => {
    const active = spreadsheet.getActiveSheet().getName();
    if (active !== sheet.getName()) fail(`the active tab is ${active}`);
    return 'it is';
  });
  checks.run('a second tab with the same name is refused', () =>
    refused(
      () => spreadsheet.insertSheet(sheet.getName()),
      (made) => spreadsheet.deleteSheet(made as Sheet),
    ),
  );
  checks.run('getRange outside the grid is refused', () =>
    refused(() => sheet.getRange(sheet.getMaxRows() + 1, 1)),
  );
  checks.run('setValues with more rows than the range is refused', () =>
    refused(() => sheet.getRange(1, 20, 1, 1).setValues([['a'], ['b']])),
  );
  checks.run('a cell over 50,000 characters is refused', () =>
    refused(() => sheet.getRange(1, 20).setValue('x'.repeat(50001))),
  );
  checks.run('a document property over 9 KB is refused', () => {
    const properties = PropertiesService.getDocumentProperties();
    if (!properties) fail('getDocumentProperties() returned null');
    const key = `${SELF_TEST_METADATA_KEY}:${Utilities.getUuid()}`;
    return refused(
      () => properties.setProperty(key, 'x'.repeat(9 * 1024 + 1)),
      () => properties.deleteProperty(key),
    );
  });
}

function checkFunctions(checks: Checks, sheet: Sheet, context: SheetContext): void {
  for (const testCase of FUNCTION_CASES) {
    checks.run(`${testCase.name} on known values`, () => {
      const definition = FUNCTIONS.find((d) => d.name === testCase.name);
      if (!definition) fail('not in the registry');
      const result = runFormula(definition, testCase.args, {}, context);
      if (!close(result, testCase.expected))
        fail(`expected ${testCase.expected}, got ${JSON.stringify(result)}`);
      return String(result);
    });
  }
  checks.run('WIN_RATE as a formula in a cell', () => {
    const n = FORMULA_DATA.length;
    sheet.getRange(1, 8, n, 1).setValues(FORMULA_DATA.map((v) => [v]));
    const cell = sheet.getRange(n + 2, 8);
    cell.setFormula(`=WIN_RATE(H1:H${n})`);
    SpreadsheetApp.flush();
    let value = cell.getValue();
    // Sheets shows "Loading..." while a custom function runs.
    for (
      let waited = 0;
      typeof value === 'string' && /^Loading/i.test(value) && waited < 20;
      waited++
    ) {
      Utilities.sleep(500);
      value = cell.getValue();
    }
    if (!close(value, FORMULA_EXPECTED))
      fail(`expected ${FORMULA_EXPECTED}, the cell shows ${JSON.stringify(value)}`);
    return String(value);
  });
}

function showSummary(report: SelfTestReport): void {
  const failedNames = report.checks.filter((c) => !c.ok).map((c) => `• ${c.name}: ${c.detail}`);
  const text =
    `${report.passed} checks passed, ${report.failed} failed.` +
    (failedNames.length ? `\n\n${failedNames.join('\n')}` : '') +
    '\n\nThe full result is in the execution log.';
  try {
    const ui = SpreadsheetApp.getUi();
    ui.alert('Sales KPI self-test', text, ui.ButtonSet.OK);
  } catch {
    // No UI (run from the editor without the spreadsheet open): the log has it all.
  }
}

/** Runs every check on the active spreadsheet and returns the report as JSON. */
export function runSelfTest(): string {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (!spreadsheet)
    throw new Error('selfTest needs a spreadsheet: open the script from Extensions → Apps Script');
  const context: SheetContext = {
    locale: spreadsheet.getSpreadsheetLocale(),
    timeZone: spreadsheet.getSpreadsheetTimeZone(),
  };
  const checks = new Checks();
  const active = spreadsheet.getActiveSheet();
  const sheet = spreadsheet.insertSheet(temporaryName(spreadsheet), spreadsheet.getNumSheets());
  try {
    checkLimits(checks, spreadsheet, sheet);
    checkParsing(checks, sheet, context);
    checkMonthNames(checks);
    checkTimeZones(checks, context);
    checkMetadata(checks, spreadsheet, sheet);
    checkLockAndProperties(checks);
    checkCharts(checks, sheet);
    checkFunctions(checks, sheet, context);
  } finally {
    spreadsheet.deleteSheet(sheet);
    if (active) spreadsheet.setActiveSheet(active);
  }
  const failed = checks.results.filter((c) => !c.ok).length;
  const report: SelfTestReport = {
    ok: failed === 0,
    passed: checks.results.length - failed,
    failed,
    spreadsheetLocale: context.locale,
    spreadsheetTimeZone: context.timeZone,
    scriptTimeZone: Session.getScriptTimeZone(),
    checks: checks.results,
  };
  const json = JSON.stringify(report);
  console.log(`${report.passed} passed, ${report.failed} failed`);
  console.log(json);
  showSummary(report);
  return json;
}
