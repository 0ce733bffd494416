/**
 * An in-memory emulator of the Apps Script services a Sheets add-on uses, written
 * against @types/google-apps-script: every emulated class `implements Pick<RealType,
 * ...>`, so a method the real API lacks, or a wrong signature, fails to compile.
 *
 *     const emulator = loadWorkbook('samples/fr', { locale: 'fr_FR', timeZone: 'Europe/Paris' });
 *     const context = emulator.load(readFileSync('dist/Code.js', 'utf8'));
 *     emulator.runAs('NONE', 'onOpen', emulator.openEvent('NONE'));
 *     emulator.calls.reset();
 *     emulator.run('generateSummary');
 *     emulator.calls.spreadsheetTotal; // service calls made by the generation
 *     emulator.workbook.sheet('KPI Overview').snapshot().charts;
 */
import vm from 'vm';
import { CallCounter, serviceOf, tag, wrap, type Boundary } from './calls';
import { csvFileName, escapeFormulaText, toCsv } from './csv';
import {
  AuthMode,
  BorderStyle,
  ChartHiddenDimensionStrategy,
  ChartMergeStrategy,
  ChartType,
  CurveStyle,
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  Dimension,
  PointStyle,
  Position,
  WrapStrategy,
} from './enums';
import { loadCsvFolder } from './importCsv';
import {
  CacheStore,
  Clock,
  type DocumentServices,
  EmulatedCacheService,
  EmulatedConsole,
  EmulatedHtmlService,
  EmulatedLockService,
  EmulatedLogger,
  EmulatedPropertiesService,
  EmulatedScriptApp,
  EmulatedSession,
  EmulatedUi,
  EmulatedUtilities,
  LockControl,
  LogSink,
  PropertyStore,
  UiRecorder,
  type LogEntry,
  type MenuSpec,
} from './services';
import {
  api,
  EmulatedSpreadsheet,
  NODE_REALM,
  type Realm,
  type SpreadsheetEnv,
  type SpreadsheetSnapshot,
} from './spreadsheet';

export {
  parseCsv,
  toCsv,
  detectDelimiter,
  csvFileName,
  escapeFormulaText,
  CsvError,
  decodeCsv,
} from './csv';
export {
  loadCsvFolder,
  typeCsvTable,
  typeCsvValue,
  typeUserEntered,
  parseLocaleNumber,
} from './importCsv';
export type { CsvTab, UserEntered } from './importCsv';
export { CallCounter } from './calls';
export type { ChartSpec } from './charts';
export type { SheetSnapshot, SpreadsheetSnapshot } from './spreadsheet';
export { EmulatedSpreadsheet, EmulatedSheet, EmulatedRange } from './spreadsheet';
export type {
  MenuSpec,
  MenuEntry,
  HtmlSpec,
  AlertRecord,
  DialogRecord,
  LogEntry,
} from './services';
export { UiRecorder, LockControl, Clock } from './services';
export type { DocumentServices } from './services';
export { formatValue, formatJavaDate, DEFAULT_NUMBER_FORMAT } from './format';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type AuthModeName = 'NONE' | 'CUSTOM_FUNCTION' | 'LIMITED' | 'FULL';

class EmulatedSpreadsheetApp implements Pick<
  GoogleAppsScript.Spreadsheet.SpreadsheetApp,
  | 'BorderStyle'
  | 'DeveloperMetadataLocationType'
  | 'DeveloperMetadataVisibility'
  | 'Dimension'
  | 'WrapStrategy'
  | 'flush'
  | 'getActive'
  | 'getActiveSheet'
  | 'getActiveSpreadsheet'
  | 'getUi'
  | 'openById'
  | 'setActiveSheet'
> {
  readonly BorderStyle = BorderStyle;
  readonly DeveloperMetadataLocationType = DeveloperMetadataLocationType;
  readonly DeveloperMetadataVisibility = DeveloperMetadataVisibility;
  readonly Dimension = Dimension;
  readonly WrapStrategy = WrapStrategy;
  constructor(
    private readonly spreadsheet: EmulatedSpreadsheet,
    private readonly ui: EmulatedUi,
  ) {
    tag(this, 'SpreadsheetApp');
  }
  getActiveSpreadsheet(): Spreadsheet {
    return api(this.spreadsheet);
  }
  getActive(): Spreadsheet {
    return api(this.spreadsheet);
  }
  getActiveSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return api(this.spreadsheet.active);
  }
  setActiveSheet(
    sheet: GoogleAppsScript.Spreadsheet.Sheet,
    restoreSelection?: boolean,
  ): GoogleAppsScript.Spreadsheet.Sheet {
    return this.spreadsheet.setActiveSheet(sheet, restoreSelection);
  }
  openById(id: string): Spreadsheet {
    if (id !== this.spreadsheet.id) {
      throw new Error(
        `Unexpected error while getting the method or property openById on object SpreadsheetApp.`,
      );
    }
    return api(this.spreadsheet);
  }
  getUi(): GoogleAppsScript.Base.Ui {
    return api(this.ui);
  }
  flush(): void {}
}

class EmulatedCharts implements Pick<
  GoogleAppsScript.Charts.Charts,
  | 'ChartHiddenDimensionStrategy'
  | 'ChartMergeStrategy'
  | 'ChartType'
  | 'CurveStyle'
  | 'PointStyle'
  | 'Position'
> {
  readonly ChartHiddenDimensionStrategy = ChartHiddenDimensionStrategy;
  readonly ChartMergeStrategy = ChartMergeStrategy;
  readonly ChartType = ChartType;
  readonly CurveStyle = CurveStyle;
  readonly PointStyle = PointStyle;
  readonly Position = Position;
  constructor() {
    tag(this, 'Charts');
  }
}

/**
 * The global object the bundle runs with. Each service is typed as the real one, but
 * only the members the emulator implements exist (others throw "not implemented").
 */
export interface EmulatorGlobals {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  LockService: GoogleAppsScript.Lock.LockService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Session: GoogleAppsScript.Base.Session;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  Charts: GoogleAppsScript.Charts.Charts;
  Logger: GoogleAppsScript.Base.Logger;
  console: Console;
}

export interface EmulatorOptions {
  /** Spreadsheet locale, default en_US. */
  locale?: string;
  /** Spreadsheet time zone, default America/New_York. */
  timeZone?: string;
  /** Initial tabs, in order, with values already typed (see loadCsvFolder). */
  sheets?: { name: string; values: unknown[][]; numberFormats?: (string | null)[][] }[];
  /** HTML files by name ("Sidebar" or "Sidebar.html") for createHtmlOutputFromFile. */
  files?: Record<string, string>;
  spreadsheetId?: string;
  spreadsheetName?: string;
  /** Session.getActiveUserLocale(), default the language of `locale` ("fr", "en"). */
  userLocale?: string;
  /** Session.getScriptTimeZone(), default `timeZone`. */
  scriptTimeZone?: string;
  userEmail?: string;
  /** Evaluates formula cells when read (otherwise they read ""). */
  formulaEvaluator?: SpreadsheetEnv['formulaEvaluator'];
  /**
   * "onArgumentChange" (default): a formula cell is computed again only when entered
   * again or when a range it names changes, as Sheets does for custom functions;
   * "always": on every read.
   */
  recalculation?: 'always' | 'onArgumentChange';
  /** Type strings written with setValue(s) as Sheets does. Default true. */
  parseWrittenStrings?: boolean;
  /**
   * Prefixes that make a written string a formula. Default ["="]; add "+", "-", "@" to
   * treat those (when not a number) as formulas too, the strictest reading.
   */
  formulaPrefixes?: string[];
  /** Initial authorization mode, default FULL. */
  authMode?: AuthModeName;
  /**
   * Which document-scoped services exist (default all): false makes
   * getDocumentLock / getDocumentProperties / getDocumentCache return null, as outside a
   * containing document.
   */
  documentServices?: Partial<DocumentServices>;
  /**
   * Fail an execution that released a lock with spreadsheet changes not yet flushed
   * (default true). The record is kept in `locks.unflushedReleases` either way.
   */
  requireFlushBeforeRelease?: boolean;
  /**
   * The Cloud project the script runs as (default "emulated-project"): developer
   * metadata with PROJECT visibility is seen only by the project that wrote it.
   */
  project?: string;
  /** Print Logger/console output too (it is always recorded in `logs`). */
  echoLogs?: boolean;
}

export interface Emulator {
  /** The services, ready to be a `vm` context's globals. Calls through them are counted. */
  globals: EmulatorGlobals;
  /** The active spreadsheet as the add-on sees it (calls counted). */
  spreadsheet: Spreadsheet;
  /** The same spreadsheet, raw: inspect it without counting calls. */
  workbook: EmulatedSpreadsheet;
  calls: CallCounter;
  ui: UiRecorder;
  logs: LogEntry[];
  locks: LockControl;
  clock: Clock;
  properties: {
    document: Map<string, string>;
    script: Map<string, string>;
    user: Map<string, string>;
  };
  readonly authMode: AuthModeName;
  setAuthMode(mode: AuthModeName): void;
  /** Switch document-scoped services on or off (see EmulatorOptions.documentServices). */
  documentServices: DocumentServices;
  /**
   * Calls refused by the authorization mode in the latest execution (and, for an
   * execution in NONE, in the global code run by load()), in order.
   */
  readonly refused: readonly string[];
  /** The Cloud project the script runs as now (see EmulatorOptions.project). */
  project: string;
  /** Evaluates a script (e.g. dist/Code.js) in a fresh context with these globals. */
  load(code: string, filename?: string): vm.Context;
  /** The context of the last load(), or the one given: its arrays and Dates are used. */
  useRealm(context: vm.Context | null): void;
  /** Calls a top-level function of the loaded script as one execution (locks released after). */
  run(name: string, ...args: unknown[]): unknown;
  /**
   * Runs `body` as one execution of a script loaded elsewhere: refusals are recorded
   * afresh, and at the end locks are released, a menu built in NONE after a refused call
   * is dropped, and a lock released before flush() fails the execution.
   */
  execute<T>(body: () => T): T;
  /** Same, in another authorization mode (restored afterwards). */
  runAs(mode: AuthModeName, name: string, ...args: unknown[]): unknown;
  /** The `e` of a simple onOpen trigger in that mode (no `source` in NONE). */
  openEvent(mode?: AuthModeName): { authMode: unknown; source?: Spreadsheet; user?: unknown };
  /** Releases the locks the current execution holds, as the end of an execution does. */
  endExecution(): void;
  snapshot(): SpreadsheetSnapshot;
  /**
   * One tab as CSV text: display values (default) or raw values; text cells that start
   * with `=`, `+`, `-`, `@`, a tab or a carriage return get a leading `'`.
   */
  toCsv(sheetName: string, options?: { display?: boolean; delimiter?: ',' | ';' }): string;
  /** Every tab as `<name>.csv` (toCsv) and `workbook.json` (the snapshot): file name → text. */
  files(options?: { display?: boolean; delimiter?: ',' | ';' }): Record<string, string>;
}

const SPREADSHEET_KINDS = new Set([
  'Spreadsheet',
  'Sheet',
  'Range',
  'EmbeddedChart',
  'EmbeddedChartBuilder',
  'ChartOptions',
  'ContainerInfo',
  'DeveloperMetadata',
  'DeveloperMetadataFinder',
  'DeveloperMetadataLocation',
  'TextFinder',
]);
const SCOPES: Record<string, string> = {
  SpreadsheetApp: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  PropertiesService: 'https://www.googleapis.com/auth/script.storage',
  Session: 'https://www.googleapis.com/auth/userinfo.email',
  LockService: 'https://www.googleapis.com/auth/script.storage',
  CacheService: 'https://www.googleapis.com/auth/script.storage',
  HtmlService: 'https://www.googleapis.com/auth/script.container.ui',
  ScriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
};

/**
 * The page every authorization-mode rule below comes from. Its table (columns NONE |
 * LIMITED | CUSTOM_FUNCTION | FULL) reads, row by row:
 *   "Access to user data | Locale only | Locale only | Locale only | Yes"
 *   "Access to document, form, presentation, or spreadsheet | No | Yes | Yes — read-only | Yes"
 *   "Access to user interface | Add menu items | Add menu items | No | Yes"
 *   "Access to `Properties` | No | Yes | Yes | Yes"
 *   "Other services | `Logger` `Utilities` | Any services that don't access user data | Any
 *    services that don't access user data | All services"
 */
export const AUTH_MODES_PAGE =
  'https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle';

/** Methods that change the spreadsheet (or what the user sees of it). */
export function isSpreadsheetWrite(method: string): boolean {
  const [kind, name] = method.split('.');
  if (method === 'SpreadsheetApp.setActiveSheet' || method === 'SpreadsheetApp.setActiveRange') {
    return true;
  }
  return (
    SPREADSHEET_KINDS.has(kind) &&
    /^(set|insert|delete|clear|append|add|remove|update|move|activate|hide|show|toast|rename|auto|merge|new|sort|copy|protect|replace|duplicate|expand|collapse|group|ungroup|trim|randomize)/.test(
      name,
    )
  );
}

/** Building an add-on menu: what every mode but CUSTOM_FUNCTION may do with the UI. */
function isMenuCall(method: string): boolean {
  const [kind, name] = method.split('.');
  return (
    method === 'SpreadsheetApp.getUi' ||
    method === 'Ui.createAddonMenu' ||
    method === 'Ui.createMenu' ||
    (kind === 'Menu' && name !== undefined)
  );
}

/** The user's data beyond the locale: who they are. */
function isUserData(method: string): boolean {
  return (
    method === 'Session.getActiveUser' ||
    method === 'Session.getEffectiveUser' ||
    method === 'Session.getTemporaryActiveUserKey' ||
    method.startsWith('User.')
  );
}

/**
 * Why a method may not run in an authorization mode, or undefined if it may. Every rule
 * quotes ${AUTH_MODES_PAGE} (see its table above) unless another address is given.
 */
export function deniedIn(mode: AuthModeName, method: string): string | undefined {
  const [kind] = method.split('.');
  if (mode === 'NONE') {
    // "NONE: Access to user interface: Add menu items"; "Other services: Logger Utilities";
    // "Access to user data: Locale only" (Session.getActiveUserLocale).
    if (isMenuCall(method)) return undefined;
    if (kind === 'Logger' || kind === 'console') return undefined;
    if (kind === 'Utilities' || kind === 'Blob') return undefined;
    if (method === 'Session.getActiveUserLocale') return undefined;
    // "Access to document, form, presentation, or spreadsheet: No"; "Access to
    // Properties: No"; every other service needs an authorization NONE does not have.
    if (SPREADSHEET_KINDS.has(kind) || kind === 'SpreadsheetApp' || kind === 'Ui') {
      return SCOPES.SpreadsheetApp;
    }
    if (kind === 'PropertiesService' || kind === 'Properties') return SCOPES.PropertiesService;
    const service = serviceOf(method);
    return SCOPES[service] ?? SCOPES.Session;
  }
  if (mode === 'LIMITED') {
    // "LIMITED: Access to user data: Locale only".
    if (isUserData(method)) return SCOPES.Session;
    // "Access to user interface: Add menu items"; "Add-ons can't open sidebars or
    // dialogs while executing in AuthMode.LIMITED."
    if (kind === 'Ui' && !isMenuCall(method)) return SCOPES.HtmlService;
    if (method === 'Spreadsheet.toast') return SCOPES.HtmlService;
    return undefined;
  }
  if (mode === 'CUSTOM_FUNCTION') {
    // "CUSTOM_FUNCTION: Access to user interface: No".
    if (kind === 'Ui' || kind === 'Menu' || method === 'SpreadsheetApp.getUi') {
      return SCOPES.HtmlService;
    }
    // "Access to user data: Locale only": Session gives the locale and nothing else.
    if (kind === 'Session' && method !== 'Session.getActiveUserLocale') return SCOPES.Session;
    if (isUserData(method)) return SCOPES.Session;
    // "Access to document, form, presentation, or spreadsheet: Yes — read-only".
    if (isSpreadsheetWrite(method) || method === 'SpreadsheetApp.flush') {
      return SCOPES.SpreadsheetApp;
    }
    return undefined;
  }
  return undefined;
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const locale = options.locale ?? 'en_US';
  const timeZone = options.timeZone ?? 'America/New_York';
  new Intl.DateTimeFormat('en-US', { timeZone }); // throws on an unknown zone
  const calls = new CallCounter();
  const ui = new UiRecorder();
  const clock = new Clock();
  const sink = new LogSink(options.echoLogs === true);
  const locks = new LockControl(clock);
  let authMode: AuthModeName = options.authMode ?? 'FULL';
  let context: vm.Context | null = null;
  const documentServices: DocumentServices = {
    lock: true,
    properties: true,
    cache: true,
    ...options.documentServices,
  };
  const requireFlush = options.requireFlushBeforeRelease ?? true;
  let refused: string[] = [];
  let refusedAtLoad: string[] = [];

  const boundary: Boundary = {
    counter: calls,
    check(method) {
      const scope = deniedIn(authMode, method);
      if (scope === undefined) return;
      refused.push(method);
      throw new Error(
        `You do not have permission to call ${method}. Required permissions: ${scope}`,
      );
    },
    after(method) {
      if (method === 'SpreadsheetApp.flush') locks.pendingWrites = false;
      else if (isSpreadsheetWrite(method)) locks.pendingWrites = true;
    },
    // Apps Script service errors are the script's own Errors, named "Exception".
    fail(error) {
      if (!(error instanceof Error) || error.name === 'Exception') return error;
      const converted = makeError(error.message);
      converted.name = 'Exception';
      converted.stack = `Exception: ${error.message}\n${(error.stack ?? '').split('\n').slice(1).join('\n')}`;
      return converted;
    },
  };
  let makeError = (message: string): Error => new Error(message);

  const env: SpreadsheetEnv = {
    formulaEvaluator: options.formulaEvaluator,
    recalculation: options.recalculation ?? 'onArgumentChange',
    parseWrittenStrings: options.parseWrittenStrings ?? true,
    formulaPrefixes: options.formulaPrefixes ?? ['='],
    realm: NODE_REALM,
    onToast: (toast) => ui.toasts.push(toast),
  };
  const workbook = new EmulatedSpreadsheet(
    options.spreadsheetId ?? '1EmulatedSpreadsheetId0000000000000000000000',
    options.spreadsheetName ?? 'Emulated spreadsheet',
    locale,
    timeZone,
    env,
  );
  const initial = options.sheets ?? [];
  if (initial.length === 0) {
    workbook.createSheet(/^fr/i.test(locale) ? 'Feuille 1' : 'Sheet1', 0);
  }
  for (const tab of initial) workbook.addSheetWithValues(tab.name, tab.values, tab.numberFormats);
  workbook.active = workbook.sheets[0];
  if (options.project) workbook.project = options.project;

  const stores = {
    document: new PropertyStore(),
    script: new PropertyStore(),
    user: new PropertyStore(),
  };
  const caches = {
    document: new CacheStore(clock),
    script: new CacheStore(clock),
    user: new CacheStore(clock),
  };
  const emulatedUi = new EmulatedUi(ui);
  const raw = {
    SpreadsheetApp: new EmulatedSpreadsheetApp(workbook, emulatedUi),
    HtmlService: new EmulatedHtmlService(options.files ?? {}),
    PropertiesService: new EmulatedPropertiesService(stores, documentServices),
    LockService: new EmulatedLockService(locks, documentServices),
    CacheService: new EmulatedCacheService(caches, documentServices),
    Utilities: new EmulatedUtilities(clock),
    Session: new EmulatedSession({
      userLocale: options.userLocale ?? locale.split(/[_-]/)[0],
      scriptTimeZone: options.scriptTimeZone ?? timeZone,
      userEmail: options.userEmail ?? 'user@example.com',
    }),
    ScriptApp: new EmulatedScriptApp({
      authMode: () => authMode,
      scriptId: 'emulated-script-id',
    }),
    Charts: new EmulatedCharts(),
    Logger: new EmulatedLogger(sink),
    console: new EmulatedConsole(sink, clock),
  };
  const globals = Object.fromEntries(
    Object.entries(raw).map(([name, service]) => [name, wrap(service, boundary)]),
  ) as unknown as EmulatorGlobals;

  const useRealm = (ctx: vm.Context | null) => {
    makeError = ctx
      ? (vm.runInContext('(function (m) { return new Error(m); })', ctx) as (m: string) => Error)
      : (message: string) => new Error(message);
    env.realm = ctx
      ? {
          array: vm.runInContext('(function (n) { return new Array(n); })', ctx) as Realm['array'],
          date: vm.runInContext('(function (ms) { return new Date(ms); })', ctx) as Realm['date'],
        }
      : NODE_REALM;
  };

  const run = (name: string, ...args: unknown[]) => {
    if (!context) throw new Error('Nothing loaded: call emulator.load(code) first');
    const fn: unknown = context[name];
    if (typeof fn !== 'function') throw new Error(`The loaded script has no top-level ${name}`);
    return execute(() => (fn as (...a: unknown[]) => unknown)(...args));
  };

  const execute = <T>(body: () => T): T => {
    const menusBefore = [...ui.menus];
    refused = [];
    locks.unflushedReleases = [];
    try {
      return body();
    } finally {
      endExecution(menusBefore);
    }
  };

  /**
   * What the end of an execution does: locks are released and pending changes are
   * committed. In NONE, a call refused by the mode (even one the script caught) stops the
   * menu: "If your add-on tries to use these services in `onOpen`, `onInstall`, or global
   * scope, permissions fail and other calls, such as filling in menus, stop." and "If the
   * authorization mode prohibits the global statements, both the global statements and
   * `onOpen` fail to run." (${AUTH_MODES_PAGE})
   */
  const endExecution = (menusBefore: MenuSpec[] | null) => {
    locks.endExecution();
    locks.pendingWrites = false;
    if (menusBefore && authMode === 'NONE' && refused.length + refusedAtLoad.length > 0) {
      ui.menus.splice(0, ui.menus.length, ...menusBefore);
    }
    if (requireFlush && locks.unflushedReleases.length > 0) {
      const scopes = locks.unflushedReleases.join(', ');
      locks.unflushedReleases = [];
      throw new Error(
        `A ${scopes} lock was released with spreadsheet changes not flushed: call SpreadsheetApp.flush() before releaseLock() (https://developers.google.com/apps-script/reference/lock/lock#releaseLock()).`,
      );
    }
  };

  // A text cell that would start a formula where the file is opened gets a leading `'`
  // (the OWASP CSV-injection rule); numbers, dates and booleans are written as they are.
  const csvOf = (sheetName: string, opts: { display?: boolean; delimiter?: ',' | ';' } = {}) => {
    const snap = workbook.sheet(sheetName).snapshot();
    const rows = snap.values.map((row, r) =>
      row.map((v, c) => {
        const text =
          opts.display !== false
            ? (snap.displayValues[r]?.[c] ?? '')
            : Object.prototype.toString.call(v) === '[object Date]'
              ? (v as Date).toISOString()
              : String(v);
        return typeof v === 'string' ? escapeFormulaText(text) : text;
      }),
    );
    return toCsv(rows, opts.delimiter ?? ',');
  };

  const emulator: Emulator = {
    globals,
    spreadsheet: wrap(api<Spreadsheet>(workbook), boundary),
    workbook,
    calls,
    ui,
    logs: sink.entries,
    locks,
    clock,
    properties: { document: stores.document.map, script: stores.script.map, user: stores.user.map },
    get authMode() {
      return authMode;
    },
    setAuthMode(mode) {
      authMode = mode;
    },
    documentServices,
    get refused() {
      return authMode === 'NONE' ? [...refusedAtLoad, ...refused] : refused;
    },
    get project() {
      return workbook.project;
    },
    set project(name: string) {
      workbook.project = name;
    },
    load(code, filename = 'Code.js') {
      context = vm.createContext({ ...globals });
      refused = [];
      vm.runInContext(code, context, { filename });
      refusedAtLoad = refused;
      refused = [];
      useRealm(context);
      return context;
    },
    useRealm(ctx) {
      useRealm(ctx ?? context);
    },
    run,
    execute,
    runAs(mode, name, ...args) {
      const previous = authMode;
      authMode = mode;
      try {
        return run(name, ...args);
      } finally {
        authMode = previous;
      }
    },
    openEvent(mode = 'LIMITED') {
      const event: { authMode: unknown; source?: Spreadsheet; user?: unknown } = {
        authMode: AuthMode[mode],
      };
      if (mode !== 'NONE') event.source = emulator.spreadsheet;
      return event;
    },
    endExecution() {
      endExecution(null);
    },
    snapshot() {
      return workbook.snapshot();
    },
    toCsv: csvOf,
    files(opts = {}) {
      const files: Record<string, string> = {};
      for (const sheet of workbook.sheets) files[csvFileName(sheet.name)] = csvOf(sheet.name, opts);
      files['workbook.json'] = JSON.stringify(workbook.snapshot(), null, 2);
      return files;
    },
  };
  return emulator;
}

/** An emulator whose tabs are the CSV files of `folder`, typed as Sheets imports them. */
export function loadWorkbook(
  folder: string,
  options: { locale: string; timeZone: string } & Omit<EmulatorOptions, 'sheets'>,
): Emulator {
  return createEmulator({ ...options, sheets: loadCsvFolder(folder, options) });
}
