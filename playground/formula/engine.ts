/**
 * Formula cells of the emulated workbook, computed by HyperFormula (a maintained
 * spreadsheet formula engine: SUM, COUNTIFS, SUMIFS, IF, FILTER, EDATE, EOMONTH…) with
 * the add-on's functions registered in it as custom functions that call the bundle.
 *
 * The bundle is called the way Sheets calls a custom function: arguments become scalars
 * or 2-D arrays (blanks "", date cells as Date objects of the bundle's realm), and a
 * 2-D result spills right and down from the formula's cell. Plugged into the emulator
 * as its `formulaEvaluator`, so the add-on reading a formula cell sees the computed
 * value; spilled values are written into the emulated cells for the same reason.
 *
 * HyperFormula is GPL-3.0: it is a development dependency of the playground only, never
 * part of the add-on's bundle (see README).
 */
import {
  ArraySize,
  CellError as EngineError,
  DetailedCellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ImplementedFunctions,
  type RawCellContent,
  type SimpleCellAddress,
} from 'hyperformula';
import { cellA1 } from '../../emulator/a1';
import { fromSerial, toSerial } from '../../emulator/format';
import {
  cellMapKey,
  columnOfCellMapKey as columnOfKey,
  rowOfCellMapKey as rowOfKey,
  type EmulatedSheet,
  type EmulatedSpreadsheet,
  type Realm,
} from '../../emulator/spreadsheet';
import { decimalSeparatorOf } from '../../src/core/context';
import { DAY_MS, instantToWall } from '../../src/core/dates';
import { isDate } from '../../src/core/values';
import { toEngineFormula } from './translate';

export interface EngineHost {
  readonly workbook: EmulatedSpreadsheet;
  /** Where the arrays and Dates handed to the bundle are built. */
  readonly realm: Realm;
  /** The bundle's custom functions, by name (upper case). */
  readonly customFunctions: ReadonlySet<string>;
  /** Calls the bundle's top-level function as a formula cell does; may throw. */
  callCustomFunction(name: string, args: unknown[]): unknown;
  /** The current instant, for TODAY() and NOW(). */
  now(): number;
}

export type ErrorCode = '#ERROR!' | '#NAME?' | '#REF!' | '#VALUE!' | '#NUM!' | '#DIV/0!' | '#N/A';

/** What a cell showing an error shows on hover. */
export interface CellError {
  readonly code: ErrorCode;
  readonly message: string;
}

/** Serial number of 1970-01-01 (serials count days from 1899-12-30, as in Sheets). */
const UNIX_EPOCH_SERIAL = 25569;

/** A spilled table: its anchor and extent. */
interface Spill {
  readonly sheet: EmulatedSheet;
  readonly row: number;
  readonly column: number;
  readonly height: number;
  readonly width: number;
}

const cellKey = (sheetId: number, row: number, column: number) => `${sheetId}:${row}:${column}`;

/**
 * The engine computing right now: HyperFormula's function plugins are registered once
 * for the process, and each call finds the workbook it computes for here.
 */
const active: { engine?: FormulaEngine } = {};

/** The functions the bundle defines, once registered in HyperFormula. */
const registered = new Set<string>();

class AddonFunctions extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = {
    TODAY: {
      method: 'today',
      parameters: [],
      isVolatile: true,
      returnNumberType: 'NUMBER_DATE' as never,
    },
    NOW: {
      method: 'nowTime',
      parameters: [],
      isVolatile: true,
      returnNumberType: 'NUMBER_DATETIME' as never,
    },
  };

  /** Today in the spreadsheet's time zone, at the playground's clock. */
  today(ast: { args: never[] }, state: never) {
    return this.runFunction(ast.args, state, this.metadata('TODAY'), () => Math.floor(nowSerial()));
  }

  nowTime(ast: { args: never[] }, state: never) {
    return this.runFunction(ast.args, state, this.metadata('NOW'), () => nowSerial());
  }

  callAddon(
    ast: { procedureName: string; args: { type: string }[] },
    state: { formulaAddress: SimpleCellAddress },
  ) {
    const engine = active.engine;
    const name = ast.procedureName.toUpperCase();
    if (!engine || !engine.host.customFunctions.has(name)) {
      return new EngineError(ErrorType.NAME, `Unknown function: '${name}'.`);
    }
    const args: unknown[] = [];
    for (const arg of ast.args) {
      if (arg.type === 'EMPTY') {
        args.push(undefined);
        continue;
      }
      const value = this.evaluateAst(arg as never, state as never);
      if (value instanceof EngineError) return value;
      args.push(engine.toBundle(value));
    }
    return engine.callAddon(name, args, state.formulaAddress);
  }

  addonSize(_ast: unknown, state: { formulaAddress: SimpleCellAddress }) {
    return active.engine?.predictedSize(state.formulaAddress) ?? ArraySize.scalar();
  }
}

function nowSerial(): number {
  const engine = active.engine;
  const now = engine ? engine.host.now() : Date.now();
  const timeZone = engine?.host.workbook.timeZone ?? 'UTC';
  return instantToWall(now, timeZone) / DAY_MS + UNIX_EPOCH_SERIAL;
}

HyperFormula.registerFunction('TODAY', AddonFunctions);
HyperFormula.registerFunction('NOW', AddonFunctions);

function registerAddonFunction(name: string): void {
  if (registered.has(name)) return;
  registered.add(name);
  AddonFunctions.implementedFunctions[name] = {
    method: 'callAddon',
    sizeOfResultArrayMethod: 'addonSize',
    parameters: [{ argumentType: FunctionArgumentType.ANY, optionalArg: true }],
    repeatLastArgs: 1,
    vectorizationForbidden: true,
  };
  try {
    HyperFormula.registerFunction(name, AddonFunctions, { enGB: { [name]: name } });
  } catch {
    // A name HyperFormula protects stays its own, as Sheets' built-ins win over scripts.
  }
}

export class FormulaEngine {
  private hf: HyperFormula | undefined;
  /** Emulated sheet id → HyperFormula sheet id, and back. */
  private readonly hfSheets = new Map<number, number>();
  private readonly emulatedSheets = new Map<number, EmulatedSheet>();
  /** The size each add-on formula's result had last time (what it will spill over). */
  private readonly sizes = new Map<string, ArraySize>();
  /** Formulas whose result changed size while computing: set again with the new size. */
  private readonly resized = new Set<string>();
  /** Cells holding a value spilled by a formula → the formula's cell. */
  private spillOwners = new Map<string, string>();
  private spills = new Map<string, Spill>();
  /** Cells of add-on results that were Dates (HyperFormula holds their serials). */
  private readonly datedResults = new Map<string, Set<string>>();
  /** Error messages of the add-on's own errors, by cell. */
  private readonly thrown = new Map<string, string>();

  constructor(readonly host: EngineHost) {
    for (const name of ['TODAY', 'NOW']) registered.add(name);
    // Before any HyperFormula instance is built: an instance knows the functions
    // registered when it was built.
    for (const name of host.customFunctions) registerAddonFunction(name);
  }

  /** The emulator's formulaEvaluator. */
  readonly evaluator = (
    sheet: GoogleAppsScript.Spreadsheet.Sheet,
    row: number,
    column: number,
    formula: string,
  ): unknown => this.valueOf(sheet as unknown as EmulatedSheet, row, column, formula);

  /** The error a cell shows, if it shows one. */
  errorAt(sheet: EmulatedSheet, row: number, column: number): CellError | undefined {
    if (!sheet.formulas.has(formulaKey(sheet, row, column))) return undefined;
    const value = this.engineValue(sheet, row, column);
    return value instanceof DetailedCellError
      ? this.describe(value, sheet, row, column)
      : undefined;
  }

  /** The formula whose result spilled into this cell, if any (for the formula bar). */
  spillAnchorOf(sheet: EmulatedSheet, row: number, column: number): string | undefined {
    const owner = this.spillOwners.get(cellKey(sheet.sheetId, row, column));
    const spill = owner === undefined ? undefined : this.spills.get(owner);
    return spill ? cellA1(spill.row, spill.column) : undefined;
  }

  /** How many rows a formula's result covers (1 for a scalar or an error). */
  spillHeight(sheet: EmulatedSheet, row: number, column: number): number {
    return this.spills.get(cellKey(sheet.sheetId, row, column))?.height ?? 1;
  }

  /** Forgets every result and computes every formula of the workbook again. */
  recalculateAll(): void {
    this.run(() => this.rebuild());
  }

  /** Computes every formula not computed yet (spills written before anything renders). */
  evaluateAll(): void {
    if (!this.hf) this.recalculateAll();
    else this.run(() => this.syncFormulaCells());
  }

  /** After a cell's content changed: the formulas that read it compute again. */
  cellChanged(sheet: EmulatedSheet, row: number, column: number): void {
    this.run(() => {
      const key = cellKey(sheet.sheetId, row, column);
      // Writing over a spilled value makes it the user's: it blocks the spill.
      this.spillOwners.delete(key);
      const hf = this.hf;
      const hfSheet = this.hfSheets.get(sheet.sheetId);
      if (!hf || hfSheet === undefined) {
        this.rebuild();
        return;
      }
      const address = { sheet: hfSheet, row: row - 1, col: column - 1 };
      hf.setCellContents(address, [[this.contentOf(sheet, row, column)]]);
      this.settle(true);
    });
  }

  /** A sheet was added or renamed: formulas that looked for it by name read it now. */
  sheetsChanged(): void {
    this.recalculateAll();
  }

  // -- inside HyperFormula's computation --

  /** The size HyperFormula reserves for an add-on formula's result. */
  predictedSize(address: SimpleCellAddress): ArraySize {
    const sheet = this.emulatedSheets.get(address.sheet);
    if (!sheet) return ArraySize.scalar();
    return (
      this.sizes.get(cellKey(sheet.sheetId, address.row + 1, address.col + 1)) ?? ArraySize.scalar()
    );
  }

  /** A value computed by HyperFormula as Sheets hands it to a custom function. */
  toBundle(value: unknown): unknown {
    const { realm } = this.host;
    if (value instanceof SimpleRangeValue) {
      const data = value.data;
      if (data.length === 1 && data[0].length === 1) return this.scalarToBundle(data[0][0]);
      const rows = realm.array<unknown[]>(data.length);
      data.forEach((line, r) => {
        const copy = realm.array<unknown>(line.length);
        line.forEach((cell, c) => (copy[c] = this.scalarToBundle(cell)));
        rows[r] = copy;
      });
      return rows;
    }
    return this.scalarToBundle(value);
  }

  private scalarToBundle(value: unknown): unknown {
    if (value === EmptyValue || value === null || value === undefined) return '';
    if (value instanceof EngineError) return errorCode(value.type);
    const rich = richNumber(value);
    if (rich) {
      if (rich.type === 'NUMBER_DATE' || rich.type === 'NUMBER_DATETIME') {
        return this.host.realm.date(fromSerial(rich.value, this.host.workbook.timeZone).getTime());
      }
      return rich.value;
    }
    return value;
  }

  /** Calls the bundle; a result of another size than reserved is computed again. */
  callAddon(name: string, args: unknown[], address: SimpleCellAddress): unknown {
    const sheet = this.emulatedSheets.get(address.sheet);
    const key = sheet ? cellKey(sheet.sheetId, address.row + 1, address.col + 1) : '';
    let result: unknown;
    try {
      result = this.host.callCustomFunction(name, args);
    } catch (error) {
      const message = messageOf(error);
      if (key) this.thrown.set(key, message);
      return new EngineError(ErrorType.ERROR, message);
    }
    const grid = toGrid(result);
    const value = (cell: unknown) => this.fromBundle(cell);
    const isRoot = sheet !== undefined && rootCall(sheet, address) === name;
    if (isRoot) {
      const dated = new Set<string>();
      (grid ?? [[Array.isArray(result) ? result[0] : result]]).forEach((line, r) =>
        line.forEach((cell, c) => {
          if (isDate(cell)) dated.add(`${r}:${c}`);
        }),
      );
      if (dated.size > 0) this.datedResults.set(key, dated);
      else this.datedResults.delete(key);
    }
    if (grid === undefined) return value(Array.isArray(result) ? result[0] : result);
    if (!isRoot) return SimpleRangeValue.onlyValues(grid.map((line) => line.map(value)) as never);
    const width = Math.max(...grid.map((line) => line.length));
    const predicted = this.predictedSize(address);
    if (predicted.width !== width || predicted.height !== grid.length) {
      this.sizes.set(key, new ArraySize(width, grid.length));
      this.resized.add(key);
      // Room for the new size is made by setting the formula again; meanwhile, what fits.
      if (predicted.isScalar()) return value(grid[0][0]);
    }
    const fitted = Array.from({ length: predicted.height }, (_, r) =>
      Array.from({ length: predicted.width }, (_, c) => value(grid[r]?.[c] ?? '')),
    );
    return SimpleRangeValue.onlyValues(fitted as never);
  }

  private fromBundle(value: unknown): unknown {
    if (value === null || value === undefined || value === '') return EmptyValue;
    if (isDate(value)) return toSerial(value, this.host.workbook.timeZone);
    if (typeof value === 'number') {
      return Number.isFinite(value)
        ? value
        : new EngineError(ErrorType.NUM, 'The result is not a finite number.');
    }
    if (typeof value === 'string' || typeof value === 'boolean') return value;
    return String(value);
  }

  // -- keeping HyperFormula and the emulated workbook in step --

  /** Runs an operation with this engine as the one the plugins call back. */
  private run(operation: () => void): void {
    const previous = active.engine;
    active.engine = this;
    try {
      operation();
    } finally {
      active.engine = previous;
    }
  }

  private rebuild(): void {
    const { workbook } = this.host;
    this.hf?.destroy();
    this.hfSheets.clear();
    this.emulatedSheets.clear();
    this.thrown.clear();
    this.datedResults.clear();
    this.resized.clear();
    this.clearSpills();
    const empty: Record<string, RawCellContent[][]> = {};
    for (const sheet of workbook.sheets) empty[sheet.name] = [];
    const comma = decimalSeparatorOf(workbook.locale) === ',';
    const hf = HyperFormula.buildFromSheets(empty, {
      licenseKey: 'gpl-v3',
      decimalSeparator: comma ? ',' : '.',
      functionArgSeparator: comma ? ';' : ',',
      thousandSeparator: '',
      arrayColumnSeparator: comma ? ';' : ',',
      arrayRowSeparator: comma ? '|' : ';',
      evaluateNullToZero: true,
      // Values keep their full precision, as in Sheets (only the display rounds).
      smartRounding: false,
      maxRows: Math.max(40000, ...workbook.sheets.map((s) => s.maxRows)),
      maxColumns: Math.max(18278, ...workbook.sheets.map((s) => s.maxColumns)),
    });
    this.hf = hf;
    // The tabs are known before any formula computes: add-on calls find their cell.
    for (const sheet of workbook.sheets) {
      const id = hf.getSheetId(sheet.name);
      if (id === undefined) continue;
      this.hfSheets.set(sheet.sheetId, id);
      this.emulatedSheets.set(id, sheet);
    }
    hf.batch(() => {
      for (const sheet of workbook.sheets) {
        const id = this.hfSheets.get(sheet.sheetId);
        if (id !== undefined) hf.setSheetContent(id, this.sheetContents(sheet));
      }
    });
    this.settle(false);
  }

  private sheetContents(sheet: EmulatedSheet): RawCellContent[][] {
    const rows: RawCellContent[][] = [];
    const lastRow = Math.max(sheet.rows.length, ...[...sheet.formulas.keys()].map(rowOfKey));
    for (let r = 1; r <= lastRow; r++) {
      const width = Math.max(
        sheet.rows[r - 1]?.length ?? 0,
        ...[...sheet.formulas.keys()].filter((k) => rowOfKey(k) === r).map(columnOfKey),
      );
      const line: RawCellContent[] = [];
      for (let c = 1; c <= width; c++) line.push(this.contentOf(sheet, r, c));
      rows.push(line);
    }
    return rows;
  }

  /** A cell of the emulated workbook as HyperFormula is given it. */
  private contentOf(sheet: EmulatedSheet, row: number, column: number): RawCellContent {
    const formula = sheet.formulas.get(formulaKey(sheet, row, column));
    if (formula !== undefined) {
      return this.engineFormula(sheet, formula);
    }
    if (this.spillOwners.has(cellKey(sheet.sheetId, row, column))) return null;
    const value = sheet.rawValueAt(row, column);
    if (value === '' || value === null || value === undefined) return null;
    if (typeof value === 'string') return `'${value}`;
    if (typeof value === 'number' || typeof value === 'boolean') return value;
    if (isDate(value)) return localDateOf(toSerial(value, this.host.workbook.timeZone));
    return `'${String(value)}`;
  }

  private engineFormula(sheet: EmulatedSheet, formula: string): string {
    const { workbook } = this.host;
    return toEngineFormula(formula, {
      semicolons: decimalSeparatorOf(workbook.locale) === ',',
      rowsOf: (name) => {
        if (name === undefined) return sheet.maxRows;
        const wanted = name.toLowerCase();
        return workbook.sheets.find((s) => s.name.toLowerCase() === wanted)?.maxRows;
      },
    });
  }

  /**
   * Results that changed size get their room (their formula is set again, so that
   * HyperFormula reserves the new size), and spills blocked before are tried again.
   */
  private settle(retryBlocked: boolean): void {
    const hf = this.hf;
    if (!hf) return;
    let retry = retryBlocked;
    for (let pass = 0; pass < 10; pass++) {
      const again = new Set(this.resized);
      this.resized.clear();
      if (retry) {
        for (const spillKey of this.blockedFormulas()) again.add(spillKey);
        retry = false;
      }
      if (again.size === 0) break;
      hf.batch(() => {
        for (const key of again) {
          const [sheetId, row, column] = key.split(':').map(Number);
          const sheet = this.host.workbook.sheets.find((s) => s.sheetId === sheetId);
          const hfSheet = this.hfSheets.get(sheetId);
          if (!sheet || hfSheet === undefined) continue;
          hf.setCellContents({ sheet: hfSheet, row: row - 1, col: column - 1 }, [
            [this.contentOf(sheet, row, column)],
          ]);
        }
      });
    }
    this.syncSpills();
  }

  /** Formula cells whose result could not spill. */
  private blockedFormulas(): string[] {
    const blocked: string[] = [];
    for (const sheet of this.host.workbook.sheets) {
      for (const k of sheet.formulas.keys()) {
        const value = this.engineValue(sheet, rowOfKey(k), columnOfKey(k));
        if (value instanceof DetailedCellError && value.type === 'SPILL') {
          blocked.push(cellKey(sheet.sheetId, rowOfKey(k), columnOfKey(k)));
        }
      }
    }
    return blocked;
  }

  /** Formula cells the add-on wrote since the last computation are given to HyperFormula. */
  private syncFormulaCells(): void {
    const hf = this.hf;
    if (!hf) return;
    let changed = false;
    for (const sheet of this.host.workbook.sheets) {
      const hfSheet = this.hfSheets.get(sheet.sheetId);
      if (hfSheet === undefined) {
        this.rebuild();
        return;
      }
      for (const [k, formula] of sheet.formulas) {
        const address = { sheet: hfSheet, row: rowOfKey(k) - 1, col: columnOfKey(k) - 1 };
        const wanted = this.engineFormula(sheet, formula);
        if (normalize(hf.getCellFormula(address)) === normalize(wanted)) continue;
        hf.setCellContents(address, [[this.contentOf(sheet, rowOfKey(k), columnOfKey(k))]]);
        changed = true;
      }
    }
    if (changed) this.settle(false);
  }

  private valueOf(sheet: EmulatedSheet, row: number, column: number, formula: string): unknown {
    const hfSheet = this.hfSheets.get(sheet.sheetId);
    const hf = this.hf;
    if (!hf || hfSheet === undefined) {
      this.recalculateAll();
    } else {
      const address = { sheet: hfSheet, row: row - 1, col: column - 1 };
      const wanted = this.engineFormula(sheet, formula);
      if (normalize(hf.getCellFormula(address)) !== normalize(wanted)) {
        this.run(() => {
          hf.setCellContents(address, [[wanted]]);
          this.settle(false);
        });
      }
    }
    const value = this.engineValue(sheet, row, column);
    if (value instanceof DetailedCellError) return this.describe(value, sheet, row, column).code;
    return this.cellValue(sheet, row, column, value);
  }

  private engineValue(sheet: EmulatedSheet, row: number, column: number): unknown {
    const hfSheet = this.hfSheets.get(sheet.sheetId);
    if (!this.hf || hfSheet === undefined) return '';
    return this.hf.getCellValue({ sheet: hfSheet, row: row - 1, col: column - 1 });
  }

  /** A computed value as the emulated cell holds it: Dates for date results. */
  private cellValue(sheet: EmulatedSheet, row: number, column: number, value: unknown): unknown {
    if (value === null || value === undefined) return '';
    if (typeof value !== 'number') return value;
    const hfSheet = this.hfSheets.get(sheet.sheetId)!;
    const type = this.hf!.getCellValueDetailedType({
      sheet: hfSheet,
      row: row - 1,
      col: column - 1,
    });
    const dated = this.datedResults.get(cellKey(sheet.sheetId, row, column))?.has('0:0');
    if (dated || type === 'NUMBER_DATE' || type === 'NUMBER_DATETIME') {
      return fromSerial(value, this.host.workbook.timeZone);
    }
    return value;
  }

  /** Erases what formulas spilled, unless something else is there now. */
  private clearSpills(): void {
    for (const [cell, owner] of this.spillOwners) {
      const [sheetId, row, column] = cell.split(':').map(Number);
      const spill = this.spills.get(owner);
      if (!spill || spill.sheet.sheetId !== sheetId) continue;
      if (spill.sheet.formulas.has(formulaKey(spill.sheet, row, column))) continue;
      setRaw(spill.sheet, row, column, '');
    }
    this.spillOwners = new Map();
    this.spills = new Map();
  }

  /** Writes every spilled value into the emulated cells (what the add-on reads). */
  private syncSpills(): void {
    const hf = this.hf;
    if (!hf) return;
    const previous = this.spillOwners;
    const owners = new Map<string, string>();
    const spills = new Map<string, Spill>();
    const writes: [EmulatedSheet, number, number, unknown][] = [];
    for (const sheet of this.host.workbook.sheets) {
      const hfSheet = this.hfSheets.get(sheet.sheetId);
      if (hfSheet === undefined) continue;
      for (const k of sheet.formulas.keys()) {
        const row = rowOfKey(k);
        const column = columnOfKey(k);
        const anchor = { sheet: hfSheet, row: row - 1, col: column - 1 };
        if (hf.getCellType(anchor) !== 'ARRAYFORMULA') continue;
        let width = 1;
        let height = 1;
        const inArray = (r: number, c: number) =>
          hf.getCellType({ sheet: hfSheet, row: r, col: c }) === 'ARRAY';
        while (inArray(anchor.row, anchor.col + width)) width++;
        while (inArray(anchor.row + height, anchor.col)) height++;
        const anchorKey = cellKey(sheet.sheetId, row, column);
        spills.set(anchorKey, { sheet, row, column, height, width });
        for (let r = 0; r < height; r++) {
          for (let c = 0; c < width; c++) {
            if (r === 0 && c === 0) continue;
            const address = { sheet: hfSheet, row: anchor.row + r, col: anchor.col + c };
            const value = hf.getCellValue(address);
            const key = cellKey(sheet.sheetId, row + r, column + c);
            owners.set(key, anchorKey);
            const dated = this.datedResults.get(anchorKey)?.has(`${r}:${c}`) ?? false;
            writes.push([sheet, row + r, column + c, this.spilledValue(address, value, dated)]);
          }
        }
      }
    }
    // Cells spilled before and not now are emptied; then the new values are written.
    for (const [key] of previous) {
      if (owners.has(key)) continue;
      const [sheetId, row, column] = key.split(':').map(Number);
      const sheet = this.host.workbook.sheets.find((s) => s.sheetId === sheetId);
      if (sheet && !sheet.formulas.has(formulaKey(sheet, row, column)))
        setRaw(sheet, row, column, '');
    }
    for (const [sheet, row, column, value] of writes) setRaw(sheet, row, column, value);
    this.spillOwners = owners;
    this.spills = spills;
  }

  private spilledValue(address: SimpleCellAddress, value: unknown, dated: boolean): unknown {
    if (value instanceof DetailedCellError) return value.value;
    if (value === null || value === undefined) return '';
    if (typeof value === 'number') {
      const type = this.hf!.getCellValueDetailedType(address);
      if (dated || type === 'NUMBER_DATE' || type === 'NUMBER_DATETIME') {
        return fromSerial(value, this.host.workbook.timeZone);
      }
    }
    return value;
  }

  /** An engine error as Sheets shows it, with Sheets' wording where it has one. */
  private describe(
    error: DetailedCellError,
    sheet: EmulatedSheet,
    row: number,
    column: number,
  ): CellError {
    const message = error.message ?? '';
    switch (error.type) {
      case 'ERROR':
        if (/^Parsing error/i.test(message))
          return { code: '#ERROR!', message: 'Formula parse error.' };
        return {
          code: '#ERROR!',
          message: this.thrown.get(cellKey(sheet.sheetId, row, column)) ?? message,
        };
      case 'NAME': {
        const name = /Function name (\S+) not recognized/i.exec(message)?.[1];
        return { code: '#NAME?', message: name ? `Unknown function: '${name}'.` : message };
      }
      case 'CYCLE':
        return {
          code: '#REF!',
          message:
            'Circular dependency detected. To resolve with iterative calculation, see File > Settings.',
        };
      case 'SPILL': {
        const blocker = this.blocker(sheet, row, column);
        return {
          code: '#REF!',
          message: blocker
            ? `Array result was not expanded because it would overwrite data in ${blocker}.`
            : 'Array result was not expanded because it would overwrite data.',
        };
      }
      case 'REF': {
        const missing = this.missingSheet(sheet, row, column);
        return {
          code: '#REF!',
          message: missing ? `Unresolved sheet name '${missing}'.` : message,
        };
      }
      default:
        return { code: errorCode(error.type), message };
    }
  }

  /** The first taken cell where a formula's result would spill. */
  private blocker(sheet: EmulatedSheet, row: number, column: number): string | undefined {
    const size = this.sizes.get(cellKey(sheet.sheetId, row, column));
    const hfSheet = this.hfSheets.get(sheet.sheetId);
    const height = size?.height ?? 1;
    const width = size?.width ?? 1;
    for (let r = 0; r < height; r++) {
      for (let c = 0; c < width; c++) {
        if (r === 0 && c === 0) continue;
        const taken =
          sheet.formulas.has(formulaKey(sheet, row + r, column + c)) ||
          (hfSheet !== undefined &&
            this.hf!.getCellType({ sheet: hfSheet, row: row - 1 + r, col: column - 1 + c }) ===
              'VALUE');
        if (taken) return cellA1(row + r, column + c);
      }
    }
    return undefined;
  }

  private missingSheet(sheet: EmulatedSheet, row: number, column: number): string | undefined {
    const formula = sheet.formulas.get(formulaKey(sheet, row, column)) ?? '';
    const names = new Set(this.host.workbook.sheets.map((s) => s.name.toLowerCase()));
    for (const match of formula.matchAll(
      /(?:'((?:[^']|'')+)'|([A-Za-z_\u00c0-\uffff][\w.\u00c0-\uffff]*))!/g,
    )) {
      const name = match[1]?.replace(/''/g, "'") ?? match[2];
      if (!names.has(name.toLowerCase())) return name;
    }
    return undefined;
  }
}

/** The name of the function a formula is a call of, when it is one call. */
function rootCall(sheet: EmulatedSheet, address: SimpleCellAddress): string | undefined {
  const formula = sheet.formulas.get(formulaKey(sheet, address.row + 1, address.col + 1));
  return formula === undefined
    ? undefined
    : /^=\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\(/.exec(formula)?.[1]?.toUpperCase();
}

/** HyperFormula's error types as the codes Sheets shows. */
function errorCode(type: string): ErrorCode {
  switch (type) {
    case 'DIV_BY_ZERO':
      return '#DIV/0!';
    case 'NA':
      return '#N/A';
    case 'NAME':
      return '#NAME?';
    case 'NUM':
      return '#NUM!';
    case 'VALUE':
      return '#VALUE!';
    case 'REF':
    case 'CYCLE':
    case 'SPILL':
      return '#REF!';
    default:
      return '#ERROR!';
  }
}

/** A HyperFormula number carrying a type (a date, a percentage…), if it is one. */
function richNumber(value: unknown): { type: string; value: number } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const rich = value as { val?: unknown; getDetailedType?: () => string };
  if (typeof rich.val !== 'number' || typeof rich.getDetailedType !== 'function') return undefined;
  return { type: rich.getDetailedType(), value: rich.val };
}

/**
 * A Date whose local fields are the wall clock of a serial: HyperFormula reads dates
 * through the process's local time, and the workbook's wall clock is what it must see.
 */
function localDateOf(serial: number): Date {
  const wall = new Date(Math.round((serial - UNIX_EPOCH_SERIAL) * DAY_MS));
  return new Date(
    wall.getUTCFullYear(),
    wall.getUTCMonth(),
    wall.getUTCDate(),
    wall.getUTCHours(),
    wall.getUTCMinutes(),
    wall.getUTCSeconds(),
    wall.getUTCMilliseconds(),
  );
}

/** A returned table as rows (a 1-D array is one column, as Sheets shows it). */
function toGrid(result: unknown): unknown[][] | undefined {
  if (!Array.isArray(result)) return undefined;
  if (result.length === 0) return undefined;
  const rows = result.map((line) => (Array.isArray(line) ? [...line] : [line]));
  if (rows.length === 1 && rows[0].length === 1) return undefined;
  return rows;
}

function normalize(formula: string | undefined): string {
  return (formula ?? '').replace(/\s+/g, '').toUpperCase();
}

function formulaKey(_sheet: unknown, row: number, column: number): number {
  return cellMapKey(row, column);
}

/** Raw cell storage, bypassing typing: spilled values are values, never re-parsed. */
function setRaw(sheet: EmulatedSheet, row: number, column: number, value: unknown): void {
  let line = sheet.rows[row - 1];
  if (!line) {
    if (value === '') return;
    while (sheet.rows.length < row) sheet.rows.push([]);
    line = sheet.rows[row - 1];
  }
  while (line.length < column) line.push('');
  line[column - 1] = value;
}

/** The message of an error thrown in any realm (the bundle's Errors are not this realm's). */
export function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}
