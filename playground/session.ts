/**
 * One playground workbook: the emulator holding the tabs, dist/Code.js loaded in a `vm`
 * context whose globals are the emulator's services, and the formula engine computing
 * the bundle's custom functions in cells. Everything the page does goes through here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { cellA1, parseA1 } from '../emulator/a1';
import { checkCsvText } from '../emulator/encoding';
import { formatGeneralNumber, isDatePattern, isGeneralFormat } from '../emulator/format';
import { createEmulator, type Emulator, type HtmlSpec, type MenuSpec } from '../emulator/index';
import { cellMapKey, type EmulatedSheet } from '../emulator/spreadsheet';
import { languageOf } from '../src/core/context';
import { isDate } from '../src/core/values';
import { chartView } from './chartConfig';
import { addExamplesTab } from './examples';
import { FormulaEngine, messageOf } from './formula/engine';
import type { ChartView, MenuView, RunResult, SheetView, StateView, UiEvent } from './protocol';
import { loadTableFolder, typeTable } from './tables';

export interface SessionOptions {
  /** Folder of .csv/.tsv/.txt files, one tab each. */
  readonly folder: string;
  readonly locale: string;
  readonly timeZone: string;
  /** What the bundle's `new Date()` reads at start (time then runs on); default now. */
  readonly today?: Date;
  /** The built add-on (default dist/ of this repository). */
  readonly distDir?: string;
  /** Add the Examples tab (default true). */
  readonly examples?: boolean;
}

/** The name Sheets shows for the add-on under Extensions (from its store listing). */
export const ADDON_NAME = 'Sales KPI';

const ROOT = path.resolve(__dirname, '..');

/**
 * Shifts the bundle's clock: `new Date()` and `Date.now()` read `today` plus the time
 * elapsed since start. Dates built from arguments are untouched.
 */
const SHIFT_DATE = `(function (offset) {
  var RealDate = Date;
  class PlaygroundDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...args);
    }
    static now() { return RealDate.now() + offset; }
  }
  globalThis.Date = PlaygroundDate;
})`;

/** How many cell edits Ctrl+Z can undo. */
const UNDO_DEPTH = 100;

/** A cell as it was before an edit. */
interface CellBefore {
  readonly sheet: EmulatedSheet;
  readonly row: number;
  readonly column: number;
  readonly formula: string | undefined;
  readonly value: unknown;
  readonly numberFormat: unknown;
}

/** Methods after which formulas may read something new (KPI_TABLE reads the saved mapping). */
const MUTATING =
  /^(Spreadsheet|Sheet|Range|EmbeddedChart\w*|DeveloperMetadata|Properties)\.(set|insert|delete|clear|append|add|remove|update|move|activate|hide|show|rename|auto|merge|copy|sort)/;

export class PlaygroundSession {
  readonly emulator: Emulator;
  readonly engine: FormulaEngine;
  /** Top-level functions of the bundle (what google.script.run may call). */
  readonly serverFunctions: readonly string[];
  readonly title: string;
  /** Bumped by every change, so the page knows when to redraw. */
  version = 0;
  private readonly offset: number;
  private readonly script: vm.Script;
  private readonly customFunctions: ReadonlySet<string>;
  private readonly seen = { sidebars: 0, dialogs: 0, alerts: 0, prompts: 0, toasts: 0 };
  /** What each cell edit replaced, latest last: Ctrl+Z puts it back. */
  private readonly undoStack: CellBefore[] = [];

  constructor(readonly options: SessionOptions) {
    const distDir = options.distDir ?? path.join(ROOT, 'dist');
    const codeFile = path.join(distDir, 'Code.js');
    if (!existsSync(codeFile)) throw new Error(`${codeFile} is missing: run npm run build first`);
    this.script = new vm.Script(readFileSync(codeFile, 'utf8'), { filename: codeFile });
    this.offset = options.today ? options.today.getTime() - Date.now() : 0;
    const relative = path.relative(process.cwd(), path.resolve(options.folder));
    this.title = relative && !relative.startsWith('..') ? relative : path.basename(options.folder);

    let engine: FormulaEngine | undefined;
    this.emulator = createEmulator({
      locale: options.locale,
      timeZone: options.timeZone,
      spreadsheetName: this.title,
      sheets: loadTableFolder(options.folder, options),
      files: htmlFiles(distDir),
      // The engine keeps results and recomputes what an edit touches (spills included).
      recalculation: 'always',
      formulaEvaluator: (sheet, row, column, formula) =>
        engine ? engine.evaluator(sheet, row, column, formula) : '',
    });

    // Formula cells share one loaded copy of the bundle (a fresh one per cell would cost
    // milliseconds each, per recalculation); menu and google.script.run calls get their own.
    const context = this.load();
    this.serverFunctions = Object.getOwnPropertyNames(context).filter(
      (name) => typeof context[name] === 'function' && !name.endsWith('_'),
    );
    const namespace = context.SalesKpi as { formulas?: Record<string, unknown> } | undefined;
    this.customFunctions = new Set(Object.keys(namespace?.formulas ?? {}));

    const emulator = this.emulator;
    this.engine = engine = new FormulaEngine({
      workbook: emulator.workbook,
      realm: {
        array: vm.runInContext('(function (n) { return new Array(n); })', context),
        date: vm.runInContext('(function (ms) { return new Date(ms); })', context),
      },
      customFunctions: this.customFunctions,
      callCustomFunction: (name, args) => {
        // With the custom-function permissions: reading, no UI, no writes.
        const previous = emulator.authMode;
        emulator.setAuthMode('CUSTOM_FUNCTION');
        try {
          return (context[name] as (...a: unknown[]) => unknown)(...args);
        } finally {
          emulator.setAuthMode(previous);
        }
      },
      now: () => this.now(),
    });

    if (options.examples !== false) addExamplesTab(this);
    this.engine.recalculateAll();
    if (this.serverFunctions.includes('onOpen')) {
      // An installed add-on opening a file it was used in: LIMITED mode.
      this.execute('onOpen', () => [emulator.openEvent('LIMITED')], 'LIMITED');
    }
    this.collectEvents();
  }

  /**
   * The bundle loaded in a fresh context, as Apps Script loads the project for each
   * execution (a menu click, a google.script.run call): no global state carries over.
   */
  private load(): vm.Context {
    const context = vm.createContext({ ...this.emulator.globals });
    if (this.offset !== 0) {
      (vm.runInContext(SHIFT_DATE, context) as (offset: number) => void)(this.offset);
    }
    this.script.runInContext(context);
    this.emulator.useRealm(context);
    return context;
  }

  get language(): 'en' | 'fr' {
    return languageOf(this.emulator.workbook.locale);
  }

  /** Now as the bundle sees it. */
  now(): number {
    return Date.now() + this.offset;
  }

  state(): StateView {
    const workbook = this.emulator.workbook;
    const menu = this.emulator.ui.addonMenu;
    return {
      title: this.title,
      locale: workbook.locale,
      timeZone: workbook.timeZone,
      language: this.language,
      addonName: ADDON_NAME,
      version: this.version,
      activeSheet: workbook.active.name,
      sheets: workbook.sheets
        .filter((sheet) => !sheet.hidden)
        .map((sheet) => ({ name: sheet.name, tabColor: sheet.tabColor })),
      menu: menu ? menuView(menu) : null,
    };
  }

  /** Runs a top-level function of the bundle for the menu or google.script.run. */
  run(name: string, argsJson = '[]'): RunResult {
    if (!this.serverFunctions.includes(name)) {
      return {
        ok: false,
        error: { name: 'TypeError', message: `Script function not found: ${name}` },
        events: [],
        version: this.version,
      };
    }
    const before = this.mutations();
    let outcome: Pick<RunResult, 'ok' | 'value' | 'error'>;
    try {
      const value = this.execute(
        name,
        (context) => {
          const args = (vm.runInContext('JSON.parse', context) as (t: string) => unknown)(argsJson);
          if (!Array.isArray(args)) throw new Error('arguments must be an array');
          return args;
        },
        'FULL',
      );
      outcome = { ok: true, value: scriptRunValue(value) };
    } catch (error) {
      const errorName = (error as { name?: unknown } | null)?.name;
      outcome = {
        ok: false,
        error: {
          name: typeof errorName === 'string' ? errorName : 'Error',
          message: messageOf(error),
        },
      };
    }
    // Most sidebar calls only read: formulas recompute only after a change.
    if (this.mutations() !== before) {
      this.engine.recalculateAll();
      this.version++;
    }
    return { ...outcome, events: this.collectEvents(), version: this.version };
  }

  /** Types text into a cell, as a user does, and recomputes what depends on it. */
  edit(sheetName: string, a1: string, text: string): { events: UiEvent[]; version: number } {
    const sheet = this.sheet(sheetName);
    const { row, column } = parseA1(a1);
    this.undoStack.push(this.cellBefore(sheet, row, column));
    if (this.undoStack.length > UNDO_DEPTH) this.undoStack.shift();
    if (text === '') sheet.erase(row, column);
    else sheet.write(row, column, text);
    this.engine.cellChanged(sheet, row, column);
    if (this.serverFunctions.includes('onEdit')) {
      const range = this.emulator.spreadsheet.getSheetByName(sheet.name)!.getRange(row, column);
      const { authMode, source } = this.emulator.openEvent('LIMITED');
      const event = { authMode, source, range, value: text };
      try {
        this.execute('onEdit', () => [event], 'LIMITED');
      } catch {
        // A failing simple trigger shows nothing in Sheets either.
      }
      this.engine.recalculateAll();
    }
    this.version++;
    return { events: this.collectEvents(), version: this.version };
  }

  /**
   * Puts back what the last cell edit replaced (its formula, or its value and number
   * format), as Ctrl+Z does in Sheets. Only cell edits are undone, not what the add-on's
   * menus or sidebar did, nor imports.
   */
  undo(): { undone: { sheet: string; cell: string } | null; version: number } {
    const before = this.undoStack.pop();
    if (!before || !this.emulator.workbook.sheets.includes(before.sheet)) {
      return { undone: null, version: this.version };
    }
    const { sheet, row, column } = before;
    if (before.formula !== undefined) sheet.writeFormula(row, column, before.formula);
    else if (before.value === '') sheet.erase(row, column);
    // A leading apostrophe keeps text a text (it is not typed again).
    else
      sheet.write(
        row,
        column,
        typeof before.value === 'string' ? `'${before.value}` : before.value,
      );
    sheet.setStyle('numberFormat', row, column, before.numberFormat);
    this.engine.cellChanged(sheet, row, column);
    this.emulator.workbook.active = sheet;
    this.version++;
    return { undone: { sheet: sheet.name, cell: cellA1(row, column) }, version: this.version };
  }

  private cellBefore(sheet: EmulatedSheet, row: number, column: number): CellBefore {
    const spilled = this.engine.spillAnchorOf(sheet, row, column) !== undefined;
    return {
      sheet,
      row,
      column,
      formula: sheet.formulas.get(cellMapKey(row, column)),
      value: spilled ? '' : sheet.rawValueAt(row, column),
      numberFormat: sheet.styleAt('numberFormat', row, column),
    };
  }

  /** A dropped file as a new tab, named after the file. */
  importFile(fileName: string, text: string): { sheet: string; version: number } {
    const workbook = this.emulator.workbook;
    const table = typeTable(fileName, checkCsvText(text, fileName), workbook);
    const base = table.name.trim() || 'Import';
    let name = base;
    for (let n = 2; workbook.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()); n++) {
      name = `${base} (${n})`;
    }
    const sheet = workbook.addSheetWithValues(name, table.values, table.numberFormats);
    workbook.active = sheet;
    this.engine.sheetsChanged();
    this.version++;
    return { sheet: name, version: this.version };
  }

  activate(sheetName: string): void {
    this.emulator.workbook.active = this.sheet(sheetName);
  }

  /** What the page draws for one tab. */
  sheetView(sheetName: string): SheetView {
    const sheet = this.sheet(sheetName);
    const workbook = this.emulator.workbook;
    const snapshot = sheet.snapshot();
    const values = snapshot.values.map((line) => line.map(toWire));
    const errors: SheetView['errors'] = {};
    const inputs: Record<string, string> = {};
    const spills: Record<string, string> = {};
    snapshot.values.forEach((line, r) =>
      line.forEach((value, c) => {
        const error = this.engine.errorAt(sheet, r + 1, c + 1);
        if (error) errors[cellA1(r + 1, c + 1)] = error;
        const anchor = this.engine.spillAnchorOf(sheet, r + 1, c + 1);
        if (anchor) spills[cellA1(r + 1, c + 1)] = anchor;
        const input = inputText(
          value,
          snapshot.numberFormats[cellA1(r + 1, c + 1)],
          workbook.locale,
        );
        if (input !== undefined && input !== snapshot.displayValues[r][c]) {
          inputs[cellA1(r + 1, c + 1)] = input;
        }
      }),
    );
    return {
      name: sheet.name,
      maxRows: sheet.maxRows,
      maxColumns: sheet.maxColumns,
      frozenRows: snapshot.frozenRows,
      frozenColumns: snapshot.frozenColumns,
      display: snapshot.displayValues,
      values,
      formulas: snapshot.formulas,
      inputs,
      errors,
      spills,
      styles: snapshot.styles,
      columnWidths: snapshot.columnWidths,
      merges: snapshot.merges,
      charts: snapshot.charts.map((spec): ChartView => {
        const tables = spec.ranges.map((a1) => {
          try {
            const range = workbook.getRange(a1);
            return { values: range.getValues(), display: range.getDisplayValues() };
          } catch {
            return { values: [], display: [] };
          }
        });
        return toWire(chartView(spec, tables, workbook.locale)) as ChartView;
      }),
    };
  }

  /** The HTML of a sidebar or dialog the bundle showed (id: s0, d1…). */
  html(id: string): HtmlSpec | undefined {
    const ui = this.emulator.ui;
    const index = Number(id.slice(1));
    if (id.startsWith('s')) return ui.sidebars[index];
    if (id.startsWith('d')) return ui.dialogs[index]?.html;
    return undefined;
  }

  private sheet(name: string): EmulatedSheet {
    const sheet = this.emulator.workbook.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`No tab named "${name}"`);
    return sheet;
  }

  /** One execution of a bundle function, in a fresh context and an authorization mode. */
  private execute(
    name: string,
    args: (context: vm.Context) => unknown[],
    mode: 'LIMITED' | 'FULL',
  ): unknown {
    const emulator = this.emulator;
    const context = this.load();
    const previous = emulator.authMode;
    emulator.setAuthMode(mode);
    try {
      return (context[name] as (...a: unknown[]) => unknown)(...args(context));
    } finally {
      emulator.setAuthMode(previous);
      emulator.endExecution();
    }
  }

  /** Service calls that change the workbook or its properties, so far. */
  private mutations(): number {
    let count = 0;
    for (const [method, n] of Object.entries(this.emulator.calls.byMethod)) {
      if (MUTATING.test(method)) count += n;
    }
    return count;
  }

  /** What the bundle showed since the last call: sidebars, dialogs, alerts, toasts. */
  private collectEvents(): UiEvent[] {
    const ui = this.emulator.ui;
    const events: UiEvent[] = [];
    for (; this.seen.sidebars < ui.sidebars.length; this.seen.sidebars++) {
      const spec = ui.sidebars[this.seen.sidebars];
      events.push({ type: 'sidebar', id: `s${this.seen.sidebars}`, title: spec.title });
    }
    for (; this.seen.dialogs < ui.dialogs.length; this.seen.dialogs++) {
      const dialog = ui.dialogs[this.seen.dialogs];
      events.push({
        type: 'dialog',
        id: `d${this.seen.dialogs}`,
        title: dialog.title,
        modal: dialog.modal,
        width: dialog.html.width,
        height: dialog.html.height,
      });
    }
    for (; this.seen.alerts < ui.alerts.length; this.seen.alerts++) {
      const alert = ui.alerts[this.seen.alerts];
      events.push({ type: 'alert', title: alert.title, message: alert.prompt });
    }
    for (; this.seen.prompts < ui.prompts.length; this.seen.prompts++) {
      const prompt = ui.prompts[this.seen.prompts];
      events.push({ type: 'alert', title: prompt.title, message: prompt.prompt });
    }
    for (; this.seen.toasts < ui.toasts.length; this.seen.toasts++) {
      const toast = ui.toasts[this.seen.toasts];
      events.push({
        type: 'toast',
        title: toast.title,
        message: toast.message,
        seconds: toast.timeoutSeconds,
      });
    }
    return events;
  }
}

/** dist/*.html by file name, for HtmlService.createHtmlOutputFromFile. */
function htmlFiles(distDir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const file of readdirSync(distDir)) {
    if (file.endsWith('.html')) files[file] = readFileSync(path.join(distDir, file), 'utf8');
  }
  return files;
}

function menuView(menu: MenuSpec): MenuView {
  return {
    caption: menu.caption ?? ADDON_NAME,
    items: menu.items.map((item) =>
      item.type === 'item'
        ? { type: 'item', caption: item.caption, functionName: item.functionName }
        : item.type === 'separator'
          ? { type: 'separator' }
          : { type: 'submenu', menu: menuView(item.menu) },
    ),
  };
}

/** What the formula bar shows for a cell that holds no formula. */
function inputText(value: unknown, format: string | undefined, locale: string): string | undefined {
  if (typeof value !== 'number') return undefined;
  if (format && (format.includes('%') || isDatePattern(format))) return undefined;
  if (format && !isGeneralFormat(format)) return formatGeneralNumber(value, locale);
  return undefined;
}

/**
 * A return value as google.script.run delivers it: primitives, arrays and plain objects
 * pass (undefined inside arrays becomes null); a value holding anything else, a Date
 * say, arrives as null, as in Apps Script.
 */
export function scriptRunValue(value: unknown): unknown {
  if (value === undefined) return undefined;
  const legal = (item: unknown, depth: number): boolean => {
    if (depth > 64) return false;
    if (item === null || item === undefined) return true;
    if (['string', 'number', 'boolean'].includes(typeof item)) return true;
    if (Array.isArray(item)) return item.every((v) => legal(v, depth + 1));
    if (Object.prototype.toString.call(item) !== '[object Object]') return false;
    return Object.values(item as object).every((v) => legal(v, depth + 1));
  };
  return legal(value, 0) ? JSON.parse(JSON.stringify(value)) : null;
}

/**
 * A value as JSON carries it to the page, the way google.script.run carries return
 * values: Dates (of any realm) become ISO text here, for display only.
 */
export function toWire(value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (isDate(value)) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return value.map(toWire);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = toWire(item);
    return out;
  }
  return value;
}
