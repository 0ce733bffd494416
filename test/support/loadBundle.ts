/**
 * Runs dist/Code.js the way Apps Script does: one classic script in a fresh V8 context
 * with no module system (no require, module, exports, process, setTimeout), and only the
 * services contract rule 11 allows. Values are built inside that context, as Sheets
 * builds them, so a Date or an array is never this realm's (instanceof Date fails).
 *
 *     const context = loadBundle({ locale: 'fr_FR', timeZone: 'Europe/Paris' });
 *     context.WIN_RATE(column(context, 'Gagné', 'Perdu'));
 *
 * `globals` replaces the fake services, e.g. with `createEmulator(...).globals`.
 */
import { formatJavaDate } from '../../emulator/format';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { throwingServices } from '../../scripts/lib/sandbox';

export const CODE_JS = path.resolve(__dirname, '..', '..', 'dist', 'Code.js');

/** A context whose globals include the bundle's top-level functions. */
export type BundleContext = vm.Context;
export type SheetsFunction = (...args: unknown[]) => unknown;

export interface SheetSettings {
  /** Spreadsheet locale, default en_US. */
  readonly locale?: string;
  /** Spreadsheet time zone, default America/New_York. */
  readonly timeZone?: string;
  /** Document properties (read-only to formulas). */
  readonly documentProperties?: Readonly<Record<string, string>>;
}

export interface LoadOptions extends SheetSettings {
  /** Globals to run with instead of fakeAppsScript(settings) (e.g. an emulator's). */
  readonly globals?: Record<string, unknown>;
  /** Another bundle file (default dist/Code.js). */
  readonly file?: string;
}

/** Every service call the fakes receive, in order: `SpreadsheetApp.getActiveSpreadsheet`… */
export type ServiceLog = string[];

let cached: { file: string; mtimeMs: number; script: vm.Script } | undefined;

function compiled(file: string): vm.Script {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    throw new Error(`${path.relative(process.cwd(), file)} is missing: run npm run build first`);
  }
  if (!cached || cached.file !== file || cached.mtimeMs !== stat.mtimeMs) {
    const code = readFileSync(file, 'utf8');
    cached = { file, mtimeMs: stat.mtimeMs, script: new vm.Script(code, { filename: file }) };
  }
  return cached.script;
}

/** Loads the bundle into a fresh context and returns that context. */
export function loadBundle(options: LoadOptions = {}): BundleContext {
  const globals = options.globals ?? fakeAppsScript(options).globals;
  const context = vm.createContext({ console: silentConsole(), ...globals });
  compiled(options.file ?? CODE_JS).runInContext(context);
  return context;
}

/** A top-level function of the loaded bundle, typed for calling. */
export function formula(context: BundleContext, name: string): SheetsFunction {
  const fn: unknown = context[name];
  if (typeof fn !== 'function') throw new Error(`dist/Code.js has no top-level ${name}`);
  return fn as SheetsFunction;
}

function silentConsole(): Record<string, () => void> {
  const nothing = () => {};
  return { log: nothing, info: nothing, warn: nothing, error: nothing, debug: nothing };
}

/**
 * An object whose listed members work and whose every other property read throws, so a
 * formula that reaches for a service the contract does not allow fails loudly.
 */
function strict<T extends object>(name: string, members: T): T {
  return new Proxy(members, {
    get(target, property, receiver) {
      if (property in target || typeof property === 'symbol') {
        return Reflect.get(target, property, receiver);
      }
      throw new Error(`${name}.${String(property)} is not available to custom functions`);
    },
  });
}

/**
 * The services a custom function may use (contract rule 11): the spreadsheet locale and
 * time zone, Utilities.formatDate and read-only document properties. Every other
 * service, and every other member of these, throws.
 */
export function fakeAppsScript(settings: SheetSettings = {}): {
  globals: Record<string, unknown>;
  log: ServiceLog;
} {
  const locale = settings.locale ?? 'en_US';
  const timeZone = settings.timeZone ?? 'America/New_York';
  const properties = { ...(settings.documentProperties ?? {}) };
  const log: ServiceLog = [];
  const readOnly = (method: string) => () => {
    throw new Error(`PropertiesService document properties are read-only here (${method})`);
  };

  const spreadsheet = strict('Spreadsheet', {
    getSpreadsheetLocale: () => (log.push('Spreadsheet.getSpreadsheetLocale'), locale),
    getSpreadsheetTimeZone: () => (log.push('Spreadsheet.getSpreadsheetTimeZone'), timeZone),
  });
  const documentProperties = strict('Properties', {
    getProperty: (key: string) => (log.push('Properties.getProperty'), properties[key] ?? null),
    getProperties: () => (log.push('Properties.getProperties'), { ...properties }),
    getKeys: () => (log.push('Properties.getKeys'), Object.keys(properties)),
    setProperty: readOnly('setProperty'),
    setProperties: readOnly('setProperties'),
    deleteProperty: readOnly('deleteProperty'),
    deleteAllProperties: readOnly('deleteAllProperties'),
  });

  return {
    log,
    globals: {
      ...throwingServices(),
      SpreadsheetApp: strict('SpreadsheetApp', {
        getActiveSpreadsheet: () => (log.push('SpreadsheetApp.getActiveSpreadsheet'), spreadsheet),
      }),
      PropertiesService: strict('PropertiesService', {
        getDocumentProperties: () => (
          log.push('PropertiesService.getDocumentProperties'),
          documentProperties
        ),
      }),
      Utilities: strict('Utilities', {
        formatDate: (date: Date, zone: string, pattern: string) => (
          log.push('Utilities.formatDate'),
          formatJavaDate(date, zone, pattern)
        ),
      }),
    },
  };
}

/** Globals whose every Apps Script service throws on any use (for load-time checks). */
export { throwingServices as servicesThatThrow } from '../../scripts/lib/sandbox';

// ---- Dates and times, computed here with Intl only (independent of src/core/dates) ----

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function wallParts(ms: number, timeZone: string): Record<string, number> {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    partsFormatters.set(timeZone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(ms))) {
    if (part.type === 'weekday') {
      parts.weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(part.value);
    } else if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts;
}

/**
 * The instant at which the wall clock in `timeZone` shows the given time (month 1–12).
 * A time skipped by a daylight-saving jump maps to the instant right after the jump; a
 * time shown twice when clocks go back, to the first.
 */
export function wallInstant(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hours = 0,
  minutes = 0,
): number {
  const wall = Date.UTC(year, month - 1, day, hours, minutes);
  const offsetAt = (ms: number) => {
    const p = wallParts(ms, timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - ms;
  };
  const guess = wall - offsetAt(wall);
  const second = wall - offsetAt(guess);
  const fits = [guess, second].filter((ms) => ms + offsetAt(ms) === wall);
  return fits.length > 0 ? Math.min(...fits) : Math.max(guess, second);
}

/** Spreadsheet serial number of a calendar day (days since 1899-12-30). */
export function serial(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000;
}

// ---- Values built inside the context realm ----

interface RealmTools {
  date(ms: number): unknown;
  array(): unknown[];
}
const realms = new WeakMap<object, RealmTools>();
function realm(context: BundleContext): RealmTools {
  let tools = realms.get(context);
  if (!tools) {
    tools = {
      date: vm.runInContext('(function (ms) { return new Date(ms); })', context),
      array: vm.runInContext('(function () { return []; })', context),
    };
    realms.set(context, tools);
  }
  return tools;
}

function isDateValue(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** Copies a value into the context realm: arrays and Dates become the context's own. */
export function inContext<T>(context: BundleContext, value: T): T {
  const tools = realm(context);
  const copy = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      const out = tools.array();
      for (const item of v) out.push(copy(item));
      return out;
    }
    if (isDateValue(v)) return tools.date(v.getTime());
    return v;
  };
  return copy(value) as T;
}

/** A range as getValues() returns it: rows of cells, built in the context realm. */
export function range(context: BundleContext, rows: readonly (readonly unknown[])[]): unknown[][] {
  return inContext(
    context,
    rows.map((row) => [...row]),
  );
}

/** A one-column range `[[v], [v], …]`. */
export function column(context: BundleContext, ...values: unknown[]): unknown[][] {
  return range(
    context,
    values.map((value) => [value]),
  );
}

/** A one-row range `[[v, v, …]]`. */
export function row(context: BundleContext, ...values: unknown[]): unknown[][] {
  return range(context, [values]);
}

/**
 * The Date Sheets passes for a date cell: midnight (or the given time) of that calendar
 * day in the spreadsheet's time zone, as a Date of the context realm.
 */
export function makeDate(
  context: BundleContext,
  year: number,
  month: number,
  day: number,
  timeZone: string,
  hours = 0,
  minutes = 0,
): Date {
  return realm(context).date(wallInstant(timeZone, year, month, day, hours, minutes)) as Date;
}

/** Evaluates an expression in the context, e.g. `new Date(2025, 2, 31)`. */
export function evaluate<T = unknown>(context: BundleContext, expression: string): T {
  return vm.runInContext(expression, context) as T;
}

/** Calls `fn` and returns what it threw (or fails if it did not throw). */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw, got a result');
}
