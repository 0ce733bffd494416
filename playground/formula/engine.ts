/**
 * Formula cells of the emulated workbook, computed the way Sheets computes custom
 * functions: arguments become scalars or 2-D arrays (blanks "", dates as Date objects of
 * the bundle's realm), the bundle's own top-level function is called, and a 2-D result
 * spills right and down from the formula's cell. Plugged into the emulator as its
 * `formulaEvaluator`, so the add-on reading a formula cell sees the computed value too.
 *
 * Results are cached per cell with the ranges they read. Editing a cell recomputes the
 * formulas whose ranges contain it, then those whose ranges contain these, and so on.
 */
import { cellA1, type A1Range } from '../../emulator/a1';
import { parseLocaleNumber } from '../../emulator/importCsv';
import { toSerial } from '../../emulator/format';
import type { EmulatedSheet, EmulatedSpreadsheet, Realm } from '../../emulator/spreadsheet';
import { decimalSeparatorOf } from '../../src/core/context';
import { DAY_MS, instantToWall, wallToInstant } from '../../src/core/dates';
import { isDate } from '../../src/core/values';
import { FormulaSyntaxError, parseFormula, type FormulaNode } from './parse';

export interface EngineHost {
  readonly workbook: EmulatedSpreadsheet;
  /** Where the arrays and Dates handed to the bundle are built. */
  readonly realm: Realm;
  isCustomFunction(name: string): boolean;
  /** Calls the bundle's top-level function as a formula cell does; may throw. */
  callCustomFunction(name: string, args: unknown[]): unknown;
  /** The current instant, for TODAY(). */
  now(): number;
}

export type ErrorCode = '#ERROR!' | '#NAME?' | '#REF!' | '#VALUE!' | '#NUM!' | '#DIV/0!';

/** What a cell showing an error shows on hover. */
export interface CellError {
  readonly code: ErrorCode;
  readonly message: string;
}

class FormulaError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

interface Area {
  readonly sheet: EmulatedSheet;
  readonly row: number;
  readonly column: number;
  readonly lastRow: number;
  readonly lastColumn: number;
}

interface Entry {
  readonly sheet: EmulatedSheet;
  readonly row: number;
  readonly column: number;
  readonly formula: string;
  /** What the anchor cell holds: the scalar, the top-left of a spill, or an error code. */
  value: unknown;
  error?: CellError;
  /** The ranges read (and the sheets looked up by name, even when missing). */
  deps: Area[];
  missingSheets: string[];
  /** Spilled cells (anchor excluded) and the values written there. */
  spill: { row: number; column: number; value: unknown }[];
}

/** A cell value Sheets passes to a custom function: never null or undefined. */
type Scalar = string | number | boolean | Date;

const cellKey = (sheet: EmulatedSheet, row: number, column: number) =>
  `${sheet.sheetId}:${row}:${column}`;

function contains(area: Area, sheet: EmulatedSheet, row: number, column: number): boolean {
  return (
    area.sheet === sheet &&
    row >= area.row &&
    row <= area.lastRow &&
    column >= area.column &&
    column <= area.lastColumn
  );
}

function overlaps(a: Area, b: Area): boolean {
  return (
    a.sheet === b.sheet &&
    a.row <= b.lastRow &&
    b.row <= a.lastRow &&
    a.column <= b.lastColumn &&
    b.column <= a.lastColumn
  );
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

export class FormulaEngine {
  private readonly entries = new Map<string, Entry>();
  /** Spilled cell → the key of the formula that wrote it. */
  private readonly spillOwners = new Map<string, string>();
  private readonly inProgress = new Set<string>();
  private readonly parsed = new Map<string, FormulaNode | FormulaSyntaxError>();

  constructor(private readonly host: EngineHost) {}

  /** The emulator's formulaEvaluator. */
  readonly evaluator = (
    sheet: GoogleAppsScript.Spreadsheet.Sheet,
    row: number,
    column: number,
    formula: string,
  ): unknown => this.evaluate(sheet as unknown as EmulatedSheet, row, column, formula);

  /** The error a cell shows, if it shows one. */
  errorAt(sheet: EmulatedSheet, row: number, column: number): CellError | undefined {
    return this.entries.get(cellKey(sheet, row, column))?.error;
  }

  /** The formula whose result spilled into this cell, if any (for the formula bar). */
  spillAnchorOf(sheet: EmulatedSheet, row: number, column: number): string | undefined {
    const owner = this.spillOwners.get(cellKey(sheet, row, column));
    const entry = owner === undefined ? undefined : this.entries.get(owner);
    return entry ? `${cellA1(entry.row, entry.column)}` : undefined;
  }

  /** How many rows a formula's result covers (1 for a scalar or an error). */
  spillHeight(sheet: EmulatedSheet, row: number, column: number): number {
    const entry = this.entries.get(cellKey(sheet, row, column));
    return entry ? this.outputArea(entry).lastRow - row + 1 : 1;
  }

  /** Forgets every result and computes every formula of the workbook again. */
  recalculateAll(): void {
    for (const entry of [...this.entries.values()]) this.forget(entry);
    this.spillOwners.clear();
    this.evaluateAll();
  }

  /**
   * After a cell's content changed: recomputes the formulas that read it, directly or
   * through other formulas, and the cell itself if it holds a formula.
   */
  cellChanged(sheet: EmulatedSheet, row: number, column: number): void {
    const key = cellKey(sheet, row, column);
    const dirty = new Set<Entry>();
    const owner = this.spillOwners.get(key);
    if (owner !== undefined) {
      // The user wrote over a spilled value: it is theirs now, and blocks the spill.
      this.spillOwners.delete(key);
      const entry = this.entries.get(owner);
      if (entry) {
        entry.spill = entry.spill.filter((c) => c.row !== row || c.column !== column);
        dirty.add(entry);
      }
    }
    const own = this.entries.get(key);
    if (own) dirty.add(own);
    this.invalidate(dirty, [{ sheet, row, column, lastRow: row, lastColumn: column }]);
    this.settle();
  }

  /** A sheet was added or renamed: formulas that looked for it by name read it now. */
  sheetsChanged(): void {
    const names = new Set(this.host.workbook.sheets.map((s) => s.name.toLowerCase()));
    const dirty = new Set(
      [...this.entries.values()].filter((entry) =>
        entry.missingSheets.some((name) => names.has(name.toLowerCase())),
      ),
    );
    this.invalidate(dirty, []);
    this.settle();
  }

  /**
   * Forgets `dirty` and every formula reading what they wrote or `changed`, transitively
   * (their old results are erased, so shrinking spills leave nothing behind).
   */
  private invalidate(dirty: Set<Entry>, changed: Area[]): void {
    const pending = [...changed, ...[...dirty].map((entry) => this.outputArea(entry))];
    while (pending.length > 0) {
      const area = pending.pop()!;
      for (const entry of this.entries.values()) {
        if (dirty.has(entry) || !entry.deps.some((dep) => overlaps(dep, area))) continue;
        dirty.add(entry);
        pending.push(this.outputArea(entry));
      }
    }
    for (const entry of dirty) this.forget(entry);
  }

  /**
   * Computes what is missing. A new result may spill over cells that a formula kept from
   * before reads: that one is recomputed too, until nothing moves.
   */
  private settle(): void {
    for (let pass = 0; pass < 20; pass++) {
      const kept = new Set(this.entries.values());
      this.evaluateAll();
      const spilled = [...this.entries.values()]
        .filter((entry) => !kept.has(entry) && entry.spill.length > 0)
        .map((entry) => this.outputArea(entry));
      const stale = new Set(
        [...kept].filter((entry) =>
          entry.deps.some((dep) => spilled.some((area) => overlaps(dep, area))),
        ),
      );
      if (stale.size === 0) return;
      this.invalidate(stale, []);
    }
  }

  /** Computes every formula not computed yet (spills written before anything renders). */
  evaluateAll(): void {
    for (const sheet of this.host.workbook.sheets) {
      for (const cell of formulaCells(sheet)) {
        this.evaluate(sheet, cell.row, cell.column, cell.formula);
      }
    }
  }

  private outputArea(entry: Entry): Area {
    let lastRow = entry.row;
    let lastColumn = entry.column;
    for (const cell of entry.spill) {
      lastRow = Math.max(lastRow, cell.row);
      lastColumn = Math.max(lastColumn, cell.column);
    }
    return { sheet: entry.sheet, row: entry.row, column: entry.column, lastRow, lastColumn };
  }

  /** Drops a cached result and erases what it spilled (unless something else is there now). */
  private forget(entry: Entry): void {
    this.entries.delete(cellKey(entry.sheet, entry.row, entry.column));
    for (const cell of entry.spill) {
      const key = cellKey(entry.sheet, cell.row, cell.column);
      if (this.spillOwners.get(key) !== cellKey(entry.sheet, entry.row, entry.column)) continue;
      this.spillOwners.delete(key);
      if (entry.sheet.rawValueAt(cell.row, cell.column) === cell.value) {
        setRaw(entry.sheet, cell.row, cell.column, '');
      }
    }
    entry.spill = [];
  }

  private evaluate(sheet: EmulatedSheet, row: number, column: number, formula: string): unknown {
    const key = cellKey(sheet, row, column);
    const cached = this.entries.get(key);
    if (cached && cached.formula === formula) return cached.value;
    if (cached) this.forget(cached);
    if (this.inProgress.has(key)) {
      throw new FormulaError(
        '#REF!',
        `Circular dependency detected. To resolve with iterative calculation, see File > Settings.`,
      );
    }
    const entry: Entry = {
      sheet,
      row,
      column,
      formula,
      value: '',
      deps: [],
      missingSheets: [],
      spill: [],
    };
    this.inProgress.add(key);
    try {
      const result = this.evaluateNode(this.parse(formula), entry);
      this.place(entry, result);
    } catch (error) {
      entry.error = toCellError(error);
      entry.value = entry.error.code;
    } finally {
      this.inProgress.delete(key);
    }
    this.entries.set(key, entry);
    return entry.value;
  }

  private parse(formula: string): FormulaNode {
    let tree = this.parsed.get(formula);
    if (!tree) {
      try {
        tree = parseFormula(formula, {
          decimalSeparator: decimalSeparatorOf(this.host.workbook.locale),
        });
      } catch (error) {
        tree = error instanceof FormulaSyntaxError ? error : new FormulaSyntaxError(String(error));
      }
      this.parsed.set(formula, tree);
    }
    if (tree instanceof FormulaSyntaxError) throw new FormulaError('#ERROR!', tree.message);
    return tree;
  }

  /** Writes a result: a scalar in the cell, a table spilled from it. */
  private place(entry: Entry, result: unknown): void {
    const grid = toGrid(result);
    if (!grid) {
      entry.value = toCellValue(result);
      return;
    }
    const { sheet, row, column } = entry;
    const height = grid.length;
    const width = Math.max(...grid.map((line) => line.length));
    if (row + height - 1 > sheet.maxRows || column + width - 1 > sheet.maxColumns) {
      throw new FormulaError(
        '#REF!',
        'Array result was not expanded because it would extend past the end of the sheet.',
      );
    }
    for (let r = 0; r < height; r++) {
      for (let c = 0; c < width; c++) {
        if (r === 0 && c === 0) continue;
        const target = cellKey(sheet, row + r, column + c);
        const busy =
          this.spillOwners.has(target) ||
          sheet.rawValueAt(row + r, column + c) !== '' ||
          sheet.getRange(row + r, column + c).getFormula() !== '';
        if (busy) {
          // Recomputed when anything in the way changes.
          entry.deps.push({
            sheet,
            row,
            column,
            lastRow: row + height - 1,
            lastColumn: column + width - 1,
          });
          throw new FormulaError(
            '#REF!',
            `Array result was not expanded because it would overwrite data in ${cellA1(row + r, column + c)}.`,
          );
        }
      }
    }
    const anchorKey = cellKey(sheet, row, column);
    for (let r = 0; r < height; r++) {
      for (let c = 0; c < width; c++) {
        const value = toCellValue(grid[r][c] ?? '');
        if (r === 0 && c === 0) {
          entry.value = value;
          continue;
        }
        if (value === '') continue;
        setRaw(sheet, row + r, column + c, value);
        this.spillOwners.set(cellKey(sheet, row + r, column + c), anchorKey);
        entry.spill.push({ row: row + r, column: column + c, value });
      }
    }
  }

  private evaluateNode(node: FormulaNode, entry: Entry): unknown {
    switch (node.kind) {
      case 'number':
      case 'string':
      case 'boolean':
        return node.value;
      case 'ref':
        return this.readRange(node.range, entry);
      case 'array':
        return this.realmGrid(
          node.rows.map((line) => line.map((cell) => scalarOf(this.evaluateNode(cell, entry)))),
        );
      case 'unary': {
        const value = toNumber(this.evaluateNode(node.operand, entry), this.host.workbook);
        return node.op === '-' ? -value : value;
      }
      case 'percent':
        return toNumber(this.evaluateNode(node.operand, entry), this.host.workbook) / 100;
      case 'binary':
        return this.binary(node.op, node, entry);
      case 'call':
        return this.call(node.name, node.args, entry);
    }
  }

  private binary(
    op: '+' | '-' | '*' | '/' | '&',
    node: { left: FormulaNode; right: FormulaNode },
    entry: Entry,
  ): unknown {
    const left = this.evaluateNode(node.left, entry);
    const right = this.evaluateNode(node.right, entry);
    if (op === '&') return textOf(scalarOf(left)) + textOf(scalarOf(right));
    const a = toNumber(left, this.host.workbook);
    const b = toNumber(right, this.host.workbook);
    switch (op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      default:
        if (b === 0)
          throw new FormulaError('#DIV/0!', 'Function DIVIDE parameter 2 cannot be zero.');
        return a / b;
    }
  }

  private call(name: string, argNodes: readonly (FormulaNode | null)[], entry: Entry): unknown {
    if (name.startsWith('#NAME:')) {
      throw new FormulaError('#NAME?', `Unknown range name: '${name.slice(6)}'.`);
    }
    const args = argNodes.map((arg) => (arg === null ? undefined : this.evaluateNode(arg, entry)));
    const { workbook } = this.host;
    if (name === 'DATE') {
      const [year, month, day] = args.map((arg) => Math.trunc(toNumber(arg, workbook)));
      if (args.length !== 3) throw new FormulaError('#NAME?', 'DATE takes 3 arguments.');
      const ms = wallToInstant(Date.UTC(year, month - 1, day), workbook.timeZone);
      return this.host.realm.date(ms);
    }
    if (name === 'TODAY') {
      const wall = instantToWall(this.host.now(), workbook.timeZone);
      return this.host.realm.date(
        wallToInstant(Math.floor(wall / DAY_MS) * DAY_MS, workbook.timeZone),
      );
    }
    if (!this.host.isCustomFunction(name)) {
      throw new FormulaError('#NAME?', `Unknown function: '${name}'.`);
    }
    try {
      return this.host.callCustomFunction(name, args);
    } catch (error) {
      throw new FormulaError('#ERROR!', messageOf(error));
    }
  }

  /** A range's values, as Sheets passes them: a scalar for one cell, rows otherwise. */
  private readRange(range: A1Range, entry: Entry): unknown {
    const { workbook } = this.host;
    let sheet = entry.sheet;
    if (range.sheetName !== undefined) {
      const wanted = range.sheetName.toLowerCase();
      const found = workbook.sheets.find((s) => s.name.toLowerCase() === wanted);
      if (!found) {
        entry.missingSheets.push(range.sheetName);
        throw new FormulaError('#REF!', `Unresolved sheet name '${range.sheetName}'.`);
      }
      sheet = found;
    }
    const lastRow = range.lastRow ?? sheet.maxRows;
    const lastColumn = range.lastColumn ?? sheet.maxColumns;
    if (lastRow > sheet.maxRows || lastColumn > sheet.maxColumns) {
      throw new FormulaError(
        '#REF!',
        `Range ${range.sheetName ?? sheet.name}!… is outside the sheet.`,
      );
    }
    const area: Area = { sheet, row: range.row, column: range.column, lastRow, lastColumn };
    entry.deps.push(area);
    this.computeSpillsInto(area, entry);
    // Read cell by cell (formula cells compute on the way), built in the bundle's realm.
    const { realm } = this.host;
    const copy = (value: unknown) => (isDate(value) ? realm.date(value.getTime()) : value);
    if (area.row === lastRow && area.column === lastColumn) {
      return copy(sheet.valueAt(area.row, area.column));
    }
    const rows = realm.array<unknown[]>(lastRow - area.row + 1);
    for (let r = area.row; r <= lastRow; r++) {
      const line = realm.array<unknown>(lastColumn - area.column + 1);
      for (let c = area.column; c <= lastColumn; c++)
        line[c - area.column] = copy(sheet.valueAt(r, c));
      rows[r - area.row] = line;
    }
    return rows;
  }

  /** Formulas above and left of a range may spill into it: they are computed first. */
  private computeSpillsInto(area: Area, reader: Entry): void {
    for (const cell of formulaCells(area.sheet)) {
      if (cell.row > area.lastRow || cell.column > area.lastColumn) continue;
      if (cell.sheet === reader.sheet && cell.row === reader.row && cell.column === reader.column) {
        continue;
      }
      if (this.inProgress.has(cellKey(area.sheet, cell.row, cell.column))) continue;
      if (!contains(area, area.sheet, cell.row, cell.column)) {
        this.evaluate(area.sheet, cell.row, cell.column, cell.formula);
      }
    }
  }

  private realmGrid(rows: Scalar[][]): unknown[][] {
    const { realm } = this.host;
    const out = realm.array<unknown[]>(rows.length);
    rows.forEach((line, r) => {
      const copy = realm.array<unknown>(line.length);
      line.forEach((value, c) => (copy[c] = isDate(value) ? realm.date(value.getTime()) : value));
      out[r] = copy;
    });
    return out;
  }
}

/** The formula cells of a sheet, top to bottom. */
function formulaCells(
  sheet: EmulatedSheet,
): { sheet: EmulatedSheet; row: number; column: number; formula: string }[] {
  if (sheet.formulas.size === 0) return [];
  const range = sheet.getDataRange();
  const formulas = range.getFormulas();
  const out: { sheet: EmulatedSheet; row: number; column: number; formula: string }[] = [];
  formulas.forEach((line, r) =>
    line.forEach((formula, c) => {
      if (formula !== '') out.push({ sheet, row: r + 1, column: c + 1, formula });
    }),
  );
  return out;
}

function toCellError(error: unknown): CellError {
  if (error instanceof FormulaError) return { code: error.code, message: error.message };
  return { code: '#ERROR!', message: messageOf(error) };
}

/** The message of an error thrown in any realm (the bundle's Errors are not this realm's). */
export function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

/** A returned table as rows (a 1-D array is one column, as Sheets shows it). */
function toGrid(result: unknown): unknown[][] | undefined {
  if (!Array.isArray(result)) return undefined;
  if (result.length === 0) throw new FormulaError('#ERROR!', 'Result was an empty array.');
  const rows = result.map((line) => (Array.isArray(line) ? [...line] : [line]));
  if (rows.length === 1 && rows[0].length === 1) return undefined;
  return rows;
}

/** What a cell holds for a returned value: Dates of this realm, "" for nothing. */
function toCellValue(value: unknown): unknown {
  if (Array.isArray(value)) return toCellValue(value[0] ?? '');
  if (value === null || value === undefined) return '';
  if (isDate(value)) return new Date(value.getTime());
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new FormulaError('#NUM!', 'The result is not a finite number.');
    return value;
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

/** The single value of an operand (a one-cell range is already a scalar). */
function scalarOf(value: unknown): Scalar {
  if (Array.isArray(value)) {
    throw new FormulaError(
      '#VALUE!',
      'An array value could not be found: a range was given where one value is expected.',
    );
  }
  if (value === null || value === undefined) return '';
  if (isDate(value)) return value;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
    return value;
  }
  return String(value);
}

function textOf(value: Scalar): string {
  if (isDate(value)) return value.toISOString().slice(0, 10);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

function toNumber(value: unknown, workbook: EmulatedSpreadsheet): number {
  const scalar = scalarOf(value);
  if (typeof scalar === 'number') return scalar;
  if (typeof scalar === 'boolean') return scalar ? 1 : 0;
  if (scalar === '') return 0;
  if (isDate(scalar)) return toSerial(scalar, workbook.timeZone);
  const parsed = parseLocaleNumber(scalar, workbook.locale);
  if (parsed === undefined) {
    throw new FormulaError('#VALUE!', `"${scalar}" is text and cannot be read as a number.`);
  }
  return parsed;
}
