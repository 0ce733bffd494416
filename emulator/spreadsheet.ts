import { isDate } from '../src/core/values';
import { cellA1, formatA1, parseA1, quoteSheetName } from './a1';
import { EmulatedChart, EmulatedChartBuilder, type ChartSpec } from './charts';
import { tag, unwrap } from './calls';
import {
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  enumName,
  isEnumValue,
} from './enums';
import { DEFAULT_NUMBER_FORMAT, formatValue, isGeneralFormat } from './format';
import { typeUserEntered } from './importCsv';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type DeveloperMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;
type DeveloperMetadataFinder = GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;
type Visibility = GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;
type Integer = number;

/** The API face of an emulated object (the proxy gives it the real type to callers). */
export function api<T>(value: unknown): T {
  return value as unknown as T;
}

/** Options shared by every object of one emulated spreadsheet. */
export interface SpreadsheetEnv {
  /** Evaluates a formula cell when it is read; without it formula cells read "". */
  formulaEvaluator?: (sheet: Sheet, row: number, column: number, formula: string) => unknown;
  /** Type strings written with setValue(s) as Sheets does ("12,5" → 12.5). Default true. */
  parseWrittenStrings: boolean;
  /** Prefixes that make a written string a formula. Default ["="]. */
  formulaPrefixes: readonly string[];
  /** Realm of the arrays and Dates that getValues() and friends return. */
  realm: Realm;
  /** Called for Spreadsheet.toast. */
  onToast: (toast: { message: string; title: string; timeoutSeconds: number | null }) => void;
  /**
   * When formula cells are computed again. "onArgumentChange" (the default): a result is
   * kept until the formula is entered again or a value in a range it names changes, the
   * way Sheets recalculates custom functions; "always": on every read.
   */
  recalculation?: 'always' | 'onArgumentChange';
}

/**
 * The ranges a formula names ("E2:E", "Deals!A1:K", "'Mes affaires'!B:B", "C3"), text
 * in double quotes left out. Function names ("KPI_TABLE(") are not ranges.
 */
export function formulaReferences(formula: string): { sheetName?: string; a1: string }[] {
  const text = formula.replace(/"(?:[^"]|"")*"/g, '""');
  const pattern =
    /(?:(?:'((?:[^']|'')+)'|([A-Za-z_\u00c0-\u024f][\w.\u00c0-\u024f]*))!)?(?<![\w.$'])(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d*)?|\$?[A-Z]{1,3}:\$?[A-Z]{1,3}|\d+:\d+)(?![\w(])/g;
  const out: { sheetName?: string; a1: string }[] = [];
  for (const match of text.matchAll(pattern)) {
    const sheetName = match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2];
    out.push({ sheetName, a1: match[3].replace(/\$/g, '') });
  }
  return out;
}

export const MAX_CELLS = 10_000_000;
const MAX_CELL_CHARS = 50_000;
const DEFAULT_ROWS = 1000;
const DEFAULT_COLUMNS = 26;
const DEFAULT_COLUMN_WIDTH = 100;
const DEFAULT_ROW_HEIGHT = 21;

/** Cell styles kept per cell (sparse). */
const STYLE_DEFAULTS = {
  numberFormat: DEFAULT_NUMBER_FORMAT,
  background: '#ffffff',
  fontColor: '#000000',
  fontWeight: 'normal',
  fontStyle: 'normal',
  fontSize: 10,
  fontFamily: 'Arial',
  horizontalAlignment: 'general',
  verticalAlignment: 'bottom',
  wrap: false,
  note: '',
} as const;
type StyleName = keyof typeof STYLE_DEFAULTS;
const STYLE_NAMES = Object.keys(STYLE_DEFAULTS) as StyleName[];
const FORMAT_STYLES = STYLE_NAMES.filter((s) => s !== 'note');

const key = (row: number, column: number) => row * 32768 + column;
const rowOf = (k: number) => Math.floor(k / 32768);
const columnOf = (k: number) => k % 32768;
/** How cells are keyed in a sheet's maps (its formulas, say), for code reading them. */
export { key as cellMapKey, rowOf as rowOfCellMapKey, columnOf as columnOfCellMapKey };

const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  gray: '#808080',
  grey: '#808080',
  purple: '#800080',
  cyan: '#00ffff',
  magenta: '#ff00ff',
};

/** Colors as Sheets returns them: lower-case #rrggbb. */
export function normalizeColor(color: string): string {
  const text = color.trim().toLowerCase();
  if (NAMED_COLORS[text]) return NAMED_COLORS[text];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(text);
  if (short) return '#' + short[1] + short[1] + short[2] + short[2] + short[3] + short[3];
  if (/^#[0-9a-f]{6}$/.test(text)) return text;
  throw new Error(`Invalid color: ${color}`);
}

/** Where arrays and Dates handed to the add-on are built (a `vm` context's realm, say). */
export interface Realm {
  array<T>(length: number): T[];
  date(ms: number): Date;
}

export const NODE_REALM: Realm = {
  array: <T>(length: number) => new Array<T>(length),
  date: (ms: number) => new Date(ms),
};

function copyValue(value: unknown, realm: Realm = NODE_REALM): unknown {
  return isDate(value) ? realm.date(value.getTime()) : value;
}

function checkGrid<T>(
  data: readonly (readonly T[])[],
  rows: number,
  columns: number,
  what = 'data',
): void {
  if (!Array.isArray(data) || data.some((row) => !Array.isArray(row))) {
    throw new Error(`The parameters (String) don't match the method signature.`);
  }
  if (data.length !== rows) {
    throw new Error(
      `The number of rows in the ${what} does not match the number of rows in the range. The ${what} has ${data.length} but the range has ${rows}.`,
    );
  }
  for (const row of data) {
    if (row.length !== columns) {
      throw new Error(
        `The number of columns in the ${what} does not match the number of columns in the range. The ${what} has ${row.length} but the range has ${columns}.`,
      );
    }
  }
}

// ---------------------------------------------------------------------------------
// Developer metadata

export interface MetadataEntry {
  id: number;
  key: string;
  value: string | null;
  visibility: string;
  sheet: EmulatedSheet | null;
  /** The Cloud project that wrote it. */
  project: string;
}

/**
 * Whether the script (running as `project`) sees a metadata entry. The
 * DeveloperMetadataVisibility reference: "Document-visible metadata is accessible from
 * any developer project with access to the document." and "Project-visible metadata is
 * only visible to and accessible by the developer project that created the metadata."
 * https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-visibility
 */
export function visibleTo(project: string, entry: MetadataEntry): boolean {
  return entry.visibility !== 'PROJECT' || entry.project === project;
}

export class EmulatedDeveloperMetadataLocation {
  constructor(private readonly entry: MetadataEntry) {
    tag(this, 'DeveloperMetadataLocation');
  }
  getLocationType(): GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType {
    return this.entry.sheet
      ? DeveloperMetadataLocationType.SHEET
      : DeveloperMetadataLocationType.SPREADSHEET;
  }
  getSheet(): Sheet | null {
    return this.entry.sheet ? api<Sheet>(this.entry.sheet) : null;
  }
}

export class EmulatedDeveloperMetadata implements Pick<
  DeveloperMetadata,
  'getId' | 'getKey' | 'getValue' | 'getVisibility' | 'setKey' | 'setValue' | 'remove'
> {
  constructor(
    private readonly spreadsheet: EmulatedSpreadsheet,
    readonly entry: MetadataEntry,
  ) {
    tag(this, 'DeveloperMetadata');
  }
  getId(): Integer {
    return this.entry.id;
  }
  getKey(): string {
    return this.entry.key;
  }
  getValue(): string | null {
    return this.entry.value;
  }
  getVisibility(): Visibility {
    return this.entry.visibility === 'PROJECT'
      ? DeveloperMetadataVisibility.PROJECT
      : DeveloperMetadataVisibility.DOCUMENT;
  }
  getLocation(): GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation {
    return api(new EmulatedDeveloperMetadataLocation(this.entry));
  }
  setKey(key: string): DeveloperMetadata {
    this.entry.key = checkMetadataKey(key);
    return api(this);
  }
  setValue(value: string): DeveloperMetadata {
    this.entry.value = String(value);
    return api(this);
  }
  remove(): void {
    this.spreadsheet.metadata = this.spreadsheet.metadata.filter((m) => m !== this.entry);
  }
}

function checkMetadataKey(key: string): string {
  if (typeof key !== 'string' || key === '') throw new Error('Invalid argument: key');
  return key;
}

export class EmulatedDeveloperMetadataFinder implements Pick<
  DeveloperMetadataFinder,
  'find' | 'withKey' | 'withValue' | 'withId' | 'withLocationType' | 'withVisibility'
> {
  private filters: ((entry: MetadataEntry) => boolean)[] = [];
  constructor(
    private readonly spreadsheet: EmulatedSpreadsheet,
    private readonly sheet: EmulatedSheet | null,
  ) {
    tag(this, 'DeveloperMetadataFinder');
  }
  private add(filter: (entry: MetadataEntry) => boolean): DeveloperMetadataFinder {
    this.filters.push(filter);
    return api(this);
  }
  withKey(key: string): DeveloperMetadataFinder {
    return this.add((m) => m.key === key);
  }
  withValue(value: string): DeveloperMetadataFinder {
    return this.add((m) => m.value === value);
  }
  withId(id: Integer): DeveloperMetadataFinder {
    return this.add((m) => m.id === id);
  }
  withVisibility(visibility: Visibility): DeveloperMetadataFinder {
    return this.add((m) => m.visibility === enumName(visibility));
  }
  withLocationType(
    locationType: GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType,
  ): DeveloperMetadataFinder {
    const type = enumName(locationType);
    return this.add((m) => (m.sheet ? 'SHEET' : 'SPREADSHEET') === type);
  }
  find(): DeveloperMetadata[] {
    return this.spreadsheet
      .visibleMetadata()
      .filter((m) => this.sheet === null || m.sheet === this.sheet)
      .filter((m) => this.filters.every((f) => f(m)))
      .map((m) => api<DeveloperMetadata>(new EmulatedDeveloperMetadata(this.spreadsheet, m)));
  }
}

// ---------------------------------------------------------------------------------
// Range

type RangeApi = Pick<
  Range,
  | 'activate'
  | 'clear'
  | 'clearContent'
  | 'clearFormat'
  | 'clearNote'
  | 'getA1Notation'
  | 'getBackground'
  | 'getBackgrounds'
  | 'getCell'
  | 'getColumn'
  | 'getDisplayValue'
  | 'getDisplayValues'
  | 'getFontColor'
  | 'getFontColors'
  | 'getFontFamily'
  | 'getFontSize'
  | 'getFontStyle'
  | 'getFontStyles'
  | 'getFontWeight'
  | 'getFontWeights'
  | 'getFormula'
  | 'getFormulas'
  | 'getGridId'
  | 'getHeight'
  | 'getHorizontalAlignment'
  | 'getHorizontalAlignments'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getNote'
  | 'getNotes'
  | 'getNumColumns'
  | 'getNumRows'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'getRow'
  | 'getRowIndex'
  | 'getSheet'
  | 'getValue'
  | 'getValues'
  | 'getVerticalAlignment'
  | 'getWidth'
  | 'getWrap'
  | 'getWraps'
  | 'isBlank'
  | 'isEndColumnBounded'
  | 'isEndRowBounded'
  | 'isStartColumnBounded'
  | 'isStartRowBounded'
  | 'merge'
  | 'offset'
  | 'setBackground'
  | 'setBackgrounds'
  | 'setBorder'
  | 'setFontColor'
  | 'setFontColors'
  | 'setFontFamily'
  | 'setFontSize'
  | 'setFontStyle'
  | 'setFontStyles'
  | 'setFontWeight'
  | 'setFontWeights'
  | 'setFormula'
  | 'setFormulas'
  | 'setHorizontalAlignment'
  | 'setHorizontalAlignments'
  | 'setNote'
  | 'setNotes'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'setValue'
  | 'setValues'
  | 'setVerticalAlignment'
  | 'setWrap'
  | 'setWraps'
>;

export class EmulatedRange implements RangeApi {
  constructor(
    readonly sheet: EmulatedSheet,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
    readonly bounded = { rows: true, columns: true },
  ) {
    tag(this, 'Range');
  }

  private cells<T>(read: (row: number, column: number) => T): T[][] {
    const realm = this.sheet.parent.env.realm;
    const out = realm.array<T[]>(this.numRows);
    for (let r = 0; r < this.numRows; r++) {
      const line = realm.array<T>(this.numColumns);
      for (let c = 0; c < this.numColumns; c++) line[c] = read(this.row + r, this.column + c);
      out[r] = line;
    }
    return out;
  }

  private each(write: (row: number, column: number, r: number, c: number) => void): void {
    for (let r = 0; r < this.numRows; r++) {
      for (let c = 0; c < this.numColumns; c++) write(this.row + r, this.column + c, r, c);
    }
  }

  private setStyleGrid<T>(
    name: StyleName,
    grid: readonly (readonly T[])[],
    map: (v: T) => unknown,
  ) {
    checkGrid(grid, this.numRows, this.numColumns);
    this.each((row, column, r, c) => this.sheet.setStyle(name, row, column, map(grid[r][c])));
    return api<Range>(this);
  }

  private setStyleAll(name: StyleName, value: unknown): Range {
    this.each((row, column) => this.sheet.setStyle(name, row, column, value));
    return api<Range>(this);
  }

  /** "A1:B3" (the sheet name is not part of it, as in Sheets). */
  getA1Notation(): string {
    return formatA1(this.row, this.column, this.numRows, this.numColumns, this.bounded);
  }
  /** "'Sheet name'!A1:B3", for chart specs and messages. */
  qualifiedA1(): string {
    return quoteSheetName(this.sheet.name) + '!' + this.getA1Notation();
  }
  getRow(): Integer {
    return this.row;
  }
  getRowIndex(): Integer {
    return this.row;
  }
  getColumn(): Integer {
    return this.column;
  }
  getNumRows(): Integer {
    return this.numRows;
  }
  getNumColumns(): Integer {
    return this.numColumns;
  }
  getHeight(): Integer {
    return this.numRows;
  }
  getWidth(): Integer {
    return this.numColumns;
  }
  getLastRow(): Integer {
    return this.row + this.numRows - 1;
  }
  getLastColumn(): Integer {
    return this.column + this.numColumns - 1;
  }
  getGridId(): Integer {
    return this.sheet.sheetId;
  }
  getSheet(): Sheet {
    return api(this.sheet);
  }
  isStartRowBounded(): boolean {
    return true;
  }
  isStartColumnBounded(): boolean {
    return true;
  }
  isEndRowBounded(): boolean {
    return this.bounded.rows;
  }
  isEndColumnBounded(): boolean {
    return this.bounded.columns;
  }
  getCell(row: Integer, column: Integer): Range {
    if (row < 1 || column < 1 || row > this.numRows || column > this.numColumns) {
      throw new Error('Cell reference out of range');
    }
    return api(new EmulatedRange(this.sheet, this.row + row - 1, this.column + column - 1, 1, 1));
  }
  offset(
    rowOffset: Integer,
    columnOffset: Integer,
    numRows?: Integer,
    numColumns?: Integer,
  ): Range {
    return this.sheet.getRange(
      this.row + rowOffset,
      this.column + columnOffset,
      numRows ?? this.numRows,
      numColumns ?? this.numColumns,
    );
  }
  activate(): Range {
    this.sheet.parent.setActiveSheet(api(this.sheet));
    this.sheet.activeRange = this;
    return api(this);
  }

  getValue(): unknown {
    return copyValue(this.sheet.valueAt(this.row, this.column), this.sheet.parent.env.realm);
  }
  getValues(): unknown[][] {
    const realm = this.sheet.parent.env.realm;
    return this.cells((row, column) => copyValue(this.sheet.valueAt(row, column), realm));
  }
  getDisplayValue(): string {
    return this.sheet.displayAt(this.row, this.column);
  }
  getDisplayValues(): string[][] {
    return this.cells((row, column) => this.sheet.displayAt(row, column));
  }
  getFormula(): string {
    return this.sheet.formulas.get(key(this.row, this.column)) ?? '';
  }
  getFormulas(): string[][] {
    return this.cells((row, column) => this.sheet.formulas.get(key(row, column)) ?? '');
  }
  isBlank(): boolean {
    for (let r = this.row; r < this.row + this.numRows; r++) {
      for (let c = this.column; c < this.column + this.numColumns; c++) {
        if (this.sheet.rawValueAt(r, c) !== '' || this.sheet.formulas.has(key(r, c))) return false;
      }
    }
    return true;
  }

  setValue(value: unknown): Range {
    this.each((row, column) => this.sheet.write(row, column, value));
    return api(this);
  }
  setValues(values: unknown[][]): Range {
    checkGrid(values, this.numRows, this.numColumns);
    this.each((row, column, r, c) => this.sheet.write(row, column, values[r][c]));
    return api(this);
  }
  setFormula(formula: string): Range {
    this.each((row, column) => this.sheet.writeFormula(row, column, formula));
    return api(this);
  }
  setFormulas(formulas: string[][]): Range {
    checkGrid(formulas, this.numRows, this.numColumns);
    this.each((row, column, r, c) => this.sheet.writeFormula(row, column, formulas[r][c]));
    return api(this);
  }

  clear(options?: {
    commentsOnly?: boolean | undefined;
    contentsOnly?: boolean | undefined;
    formatOnly?: boolean | undefined;
    validationsOnly?: boolean | undefined;
    skipFilteredRows?: boolean | undefined;
  }): Range {
    const only = options && (options.contentsOnly || options.formatOnly);
    if (!only || options?.contentsOnly) this.clearContent();
    if (!only || options?.formatOnly) this.clearFormat();
    return api(this);
  }
  clearContent(): Range {
    this.each((row, column) => this.sheet.erase(row, column));
    return api(this);
  }
  clearFormat(): Range {
    this.each((row, column) => {
      for (const name of FORMAT_STYLES) this.sheet.setStyle(name, row, column, null);
    });
    return api(this);
  }
  clearNote(): Range {
    return this.setStyleAll('note', null);
  }

  getNumberFormat(): string {
    return this.sheet.styleAt('numberFormat', this.row, this.column) as string;
  }
  getNumberFormats(): string[][] {
    return this.cells((row, column) => this.sheet.styleAt('numberFormat', row, column) as string);
  }
  setNumberFormat(numberFormat: string): Range {
    return this.setStyleAll('numberFormat', String(numberFormat));
  }
  setNumberFormats(numberFormats: string[][]): Range {
    return this.setStyleGrid('numberFormat', numberFormats, String);
  }

  getBackground(): string {
    return this.sheet.styleAt('background', this.row, this.column) as string;
  }
  getBackgrounds(): string[][] {
    return this.cells((row, column) => this.sheet.styleAt('background', row, column) as string);
  }
  setBackground(color: string | null): Range {
    return this.setStyleAll('background', color === null ? null : normalizeColor(color));
  }
  setBackgrounds(color: Array<Array<string | null>>): Range {
    return this.setStyleGrid('background', color, (c) => (c === null ? null : normalizeColor(c)));
  }

  getFontColor(): string {
    return this.sheet.styleAt('fontColor', this.row, this.column) as string;
  }
  getFontColors(): string[][] {
    return this.cells((row, column) => this.sheet.styleAt('fontColor', row, column) as string);
  }
  setFontColor(color: string | null): Range {
    return this.setStyleAll('fontColor', color === null ? null : normalizeColor(color));
  }
  setFontColors(colors: unknown[][]): Range {
    return this.setStyleGrid('fontColor', colors, (c) =>
      c === null ? null : normalizeColor(String(c)),
    );
  }

  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    return this.sheet.styleAt('fontWeight', this.row, this.column) as 'normal' | 'bold';
  }
  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    return this.cells(
      (row, column) => this.sheet.styleAt('fontWeight', row, column) as 'normal' | 'bold',
    );
  }
  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): Range {
    return this.setStyleAll('fontWeight', fontWeight);
  }
  setFontWeights(fontWeights: Array<Array<GoogleAppsScript.Spreadsheet.FontWeight | null>>): Range {
    return this.setStyleGrid('fontWeight', fontWeights, (v) => v);
  }

  getFontStyle(): GoogleAppsScript.Spreadsheet.FontStyle {
    return this.sheet.styleAt('fontStyle', this.row, this.column) as 'normal' | 'italic';
  }
  getFontStyles(): GoogleAppsScript.Spreadsheet.FontStyle[][] {
    return this.cells(
      (row, column) => this.sheet.styleAt('fontStyle', row, column) as 'normal' | 'italic',
    );
  }
  setFontStyle(fontStyle: GoogleAppsScript.Spreadsheet.FontStyle | null): Range {
    return this.setStyleAll('fontStyle', fontStyle);
  }
  setFontStyles(fontStyles: Array<Array<GoogleAppsScript.Spreadsheet.FontStyle | null>>): Range {
    return this.setStyleGrid('fontStyle', fontStyles, (v) => v);
  }

  getFontSize(): Integer {
    return this.sheet.styleAt('fontSize', this.row, this.column) as number;
  }
  setFontSize(size: Integer): Range {
    return this.setStyleAll('fontSize', size);
  }
  getFontFamily(): string {
    return this.sheet.styleAt('fontFamily', this.row, this.column) as string;
  }
  setFontFamily(fontFamily: string | null): Range {
    return this.setStyleAll('fontFamily', fontFamily);
  }

  getHorizontalAlignment(): string {
    return this.sheet.styleAt('horizontalAlignment', this.row, this.column) as string;
  }
  getHorizontalAlignments(): string[][] {
    return this.cells(
      (row, column) => this.sheet.styleAt('horizontalAlignment', row, column) as string,
    );
  }
  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): Range {
    return this.setStyleAll('horizontalAlignment', alignment === 'normal' ? null : alignment);
  }
  setHorizontalAlignments(
    alignments: Array<Array<'left' | 'center' | 'normal' | 'right' | null>>,
  ): Range {
    return this.setStyleGrid('horizontalAlignment', alignments, (a) => (a === 'normal' ? null : a));
  }
  getVerticalAlignment(): string {
    return this.sheet.styleAt('verticalAlignment', this.row, this.column) as string;
  }
  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): Range {
    return this.setStyleAll('verticalAlignment', alignment);
  }

  getWrap(): boolean {
    return this.sheet.styleAt('wrap', this.row, this.column) as boolean;
  }
  getWraps(): boolean[][] {
    return this.cells((row, column) => this.sheet.styleAt('wrap', row, column) as boolean);
  }
  setWrap(isWrapEnabled: boolean): Range {
    return this.setStyleAll('wrap', Boolean(isWrapEnabled));
  }
  setWraps(isWrapEnabled: boolean[][]): Range {
    return this.setStyleGrid('wrap', isWrapEnabled, Boolean);
  }

  getNote(): string {
    return this.sheet.styleAt('note', this.row, this.column) as string;
  }
  getNotes(): string[][] {
    return this.cells((row, column) => this.sheet.styleAt('note', row, column) as string);
  }
  setNote(note: string | null): Range {
    return this.setStyleAll('note', note === null || note === '' ? null : String(note));
  }
  setNotes(notes: Array<Array<string | null>>): Range {
    return this.setStyleGrid('note', notes, (n) => (n === null || n === '' ? null : String(n)));
  }

  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
    color?: string | null,
    style?: GoogleAppsScript.Spreadsheet.BorderStyle | null,
  ): Range {
    this.sheet.borders.push({
      range: this.getA1Notation(),
      top,
      left,
      bottom,
      right,
      vertical,
      horizontal,
      color: color ?? null,
      style: style === undefined || style === null ? null : String(style),
    });
    return api(this);
  }
  merge(): Range {
    this.sheet.merges.push(this.getA1Notation());
    return api(this);
  }
}

// ---------------------------------------------------------------------------------
// Sheet

type SheetApi = Pick<
  Sheet,
  | 'activate'
  | 'addDeveloperMetadata'
  | 'appendRow'
  | 'autoResizeColumn'
  | 'autoResizeColumns'
  | 'clear'
  | 'clearContents'
  | 'clearFormats'
  | 'createDeveloperMetadataFinder'
  | 'createTextFinder'
  | 'deleteColumns'
  | 'deleteRows'
  | 'getCharts'
  | 'getColumnWidth'
  | 'getDataRange'
  | 'getDeveloperMetadata'
  | 'getFrozenColumns'
  | 'getFrozenRows'
  | 'getIndex'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMaxColumns'
  | 'getMaxRows'
  | 'getName'
  | 'getParent'
  | 'getRange'
  | 'getRowHeight'
  | 'getSheetId'
  | 'getSheetName'
  | 'getSheetValues'
  | 'getTabColor'
  | 'hideSheet'
  | 'insertChart'
  | 'insertColumnsAfter'
  | 'insertRowsAfter'
  | 'isSheetHidden'
  | 'newChart'
  | 'removeChart'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'setFrozenColumns'
  | 'setFrozenRows'
  | 'setName'
  | 'setRowHeight'
  | 'setTabColor'
  | 'showSheet'
  | 'updateChart'
>;

export interface BorderRecord {
  range: string;
  top: boolean | null;
  left: boolean | null;
  bottom: boolean | null;
  right: boolean | null;
  vertical: boolean | null;
  horizontal: boolean | null;
  color: string | null;
  style: string | null;
}

export class EmulatedSheet implements SheetApi {
  /** Values by row then column (0-based), ragged; missing cells are "". */
  rows: unknown[][] = [];
  formulas = new Map<number, string>();
  /** Formula results kept until an argument changes or the formula is entered again. */
  private computed = new Map<number, { formula: string; inputs: string; value: unknown }>();
  private computing = new Set<number>();
  styles = new Map<StyleName, Map<number, unknown>>();
  maxRows: number;
  maxColumns: number;
  frozenRows = 0;
  frozenColumns = 0;
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  charts: EmulatedChart[] = [];
  borders: BorderRecord[] = [];
  merges: string[] = [];
  tabColor: string | null = null;
  hidden = false;
  activeRange: EmulatedRange | null = null;

  constructor(
    readonly parent: EmulatedSpreadsheet,
    public name: string,
    readonly sheetId: number,
    size: { rows?: number; columns?: number } = {},
  ) {
    this.maxRows = size.rows ?? DEFAULT_ROWS;
    this.maxColumns = size.columns ?? DEFAULT_COLUMNS;
    tag(this, 'Sheet');
  }

  // -- cell storage (raw, uncounted) --

  rawValueAt(row: number, column: number): unknown {
    const line = this.rows[row - 1];
    if (!line) return '';
    const value = line[column - 1];
    return value === undefined ? '' : value;
  }

  valueAt(row: number, column: number): unknown {
    const formula = this.formulas.size > 0 ? this.formulas.get(key(row, column)) : undefined;
    if (formula !== undefined) {
      const evaluate = this.parent.env.formulaEvaluator;
      if (!evaluate) return '';
      const compute = () => {
        const result = evaluate(api<Sheet>(this), row, column, formula);
        return result === null || result === undefined ? '' : result;
      };
      if (this.parent.env.recalculation === 'always') return compute();
      return this.recalculated(row, column, formula, compute);
    }
    return this.rawValueAt(row, column);
  }

  /**
   * A formula's result, computed again only when the formula was entered again or a
   * value in a range it names changed. The custom functions guide: "Custom function
   * arguments must be deterministic. That is, built-in spreadsheet functions that return a
   * different result each time they calculate — such as NOW() or RAND() — are not allowed
   * as arguments to a custom function." Sheets calls a custom function again only when its
   * arguments change, so what the function reads otherwise (the document properties, the
   * cache) may be stale in its cell.
   * https://developers.google.com/apps-script/guides/sheets/functions#arguments
   */
  private recalculated(row: number, column: number, formula: string, compute: () => unknown) {
    const at = key(row, column);
    if (this.computing.has(at)) return compute(); // a circular reference: no caching
    this.computing.add(at);
    try {
      const inputs = this.argumentsOf(formula);
      const kept = this.computed.get(at);
      if (kept && kept.formula === formula && kept.inputs === inputs) return kept.value;
      const value = compute();
      this.computed.set(at, { formula, inputs, value });
      return value;
    } finally {
      this.computing.delete(at);
    }
  }

  /** The values of every range a formula names, as one comparable text. */
  private argumentsOf(formula: string): string {
    const parts: unknown[] = [];
    for (const reference of formulaReferences(formula)) {
      const sheet =
        reference.sheetName === undefined
          ? this
          : this.parent.sheets.find((s) => s.name === reference.sheetName);
      if (!sheet) {
        parts.push(null);
        continue;
      }
      try {
        const range = sheet.rangeFromA1(reference.a1);
        const lastRow = Math.min(range.row + range.numRows - 1, Math.max(sheet.lastRow(), 1));
        const lastColumn = Math.min(
          range.column + range.numColumns - 1,
          Math.max(sheet.lastColumn(), 1),
        );
        for (let r = range.row; r <= lastRow; r++) {
          for (let c = range.column; c <= lastColumn; c++) {
            const value = sheet.valueAt(r, c);
            parts.push(isDate(value) ? value.getTime() : value);
          }
          parts.push('|');
        }
      } catch {
        parts.push(null);
      }
    }
    return JSON.stringify(parts);
  }

  /** The cell's content changed (written, cleared, formula entered): forget its result. */
  forgetResult(row: number, column: number): void {
    if (this.computed.size > 0) this.computed.delete(key(row, column));
  }

  displayAt(row: number, column: number): string {
    return formatValue(
      this.valueAt(row, column),
      this.styleAt('numberFormat', row, column) as string,
      this.parent.locale,
      this.parent.timeZone,
    );
  }

  styleAt(name: StyleName, row: number, column: number): unknown {
    const map = this.styles.get(name);
    const value = map?.get(key(row, column));
    return value === undefined ? STYLE_DEFAULTS[name] : value;
  }

  setStyle(name: StyleName, row: number, column: number, value: unknown): void {
    let map = this.styles.get(name);
    if (value === null || value === undefined || value === STYLE_DEFAULTS[name]) {
      map?.delete(key(row, column));
      return;
    }
    if (!map) this.styles.set(name, (map = new Map()));
    map.set(key(row, column), value);
  }

  private store(row: number, column: number, value: unknown): void {
    let line = this.rows[row - 1];
    if (!line) {
      if (value === '') return;
      while (this.rows.length < row - 1) this.rows.push([]);
      line = this.rows[row - 1] = [];
    }
    while (line.length < column - 1) line.push('');
    line[column - 1] = value;
  }

  erase(row: number, column: number): void {
    this.forgetResult(row, column);
    if (this.formulas.size > 0) this.formulas.delete(key(row, column));
    if (this.rows[row - 1] && this.rows[row - 1].length >= column) this.store(row, column, '');
  }

  /**
   * A value written by setValue(s): typed as Sheets types what a user enters. Sheets API
   * ValueInputOption USER_ENTERED, which Range.setValues follows: "The values will be
   * parsed as if the user typed them into the UI. Numbers will stay as numbers, but
   * strings may be converted to numbers, dates, etc. following the same rules that are
   * applied when entering text into a cell via the Google Sheets UI."
   * https://developers.google.com/workspace/sheets/api/reference/rest/v4/ValueInputOption
   * The text format (`@`) keeps a string only when it is set before the value; set
   * afterwards it changes how the typed value shows, not what it is.
   */
  write(row: number, column: number, value: unknown): void {
    this.forgetResult(row, column);
    const env = this.parent.env;
    if (typeof value === 'string') {
      if (value.length > MAX_CELL_CHARS) {
        throw new Error(
          `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`,
        );
      }
      if (value.startsWith("'")) {
        this.formulas.delete(key(row, column));
        this.store(row, column, value.slice(1));
        return;
      }
      if (value.length > 1 && env.formulaPrefixes.some((p) => value.startsWith(p))) {
        const numeric = typeUserEntered(value, this.parent.locale, this.parent.timeZone);
        if (typeof numeric.value !== 'number' || value.startsWith('=')) {
          this.writeFormula(row, column, value.startsWith('=') ? value : '=' + value);
          return;
        }
      }
      this.formulas.delete(key(row, column));
      const format = this.styleAt('numberFormat', row, column) as string;
      if (!env.parseWrittenStrings || format === '@') {
        this.store(row, column, value);
        return;
      }
      const typed = typeUserEntered(value, this.parent.locale, this.parent.timeZone);
      if (typed.format && isGeneralFormat(format)) {
        this.setStyle('numberFormat', row, column, typed.format);
      }
      this.store(row, column, typed.value);
      return;
    }
    this.formulas.delete(key(row, column));
    if (value === null || value === undefined) this.store(row, column, '');
    else if (typeof value === 'number' || typeof value === 'boolean')
      this.store(row, column, value);
    else if (isDate(value)) this.store(row, column, new Date(value.getTime()));
    else this.store(row, column, String(value));
  }

  writeFormula(row: number, column: number, formula: string): void {
    this.forgetResult(row, column);
    const text = String(formula);
    if (text === '') {
      this.erase(row, column);
      return;
    }
    this.store(row, column, '');
    this.formulas.set(key(row, column), text.startsWith('=') ? text : '=' + text);
  }

  /** Lowest row with content, 0 for an empty sheet. */
  lastRow(): number {
    let last = 0;
    for (let r = this.rows.length; r >= 1; r--) {
      const line = this.rows[r - 1];
      if (line && line.some((v) => v !== '')) {
        last = r;
        break;
      }
    }
    for (const k of this.formulas.keys()) last = Math.max(last, rowOf(k));
    return last;
  }

  lastColumn(): number {
    let last = 0;
    for (const line of this.rows) {
      if (!line) continue;
      for (let c = line.length; c > last; c--) {
        if (line[c - 1] !== '') {
          last = c;
          break;
        }
      }
    }
    for (const k of this.formulas.keys()) last = Math.max(last, columnOf(k));
    return last;
  }

  private range(row: number, column: number, numRows: number, numColumns: number): EmulatedRange {
    if (row < 1) throw new Error('The starting row of the range is too small.');
    if (column < 1) throw new Error('The starting column of the range is too small.');
    if (numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (numColumns < 1) throw new Error('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this.maxRows || column + numColumns - 1 > this.maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new EmulatedRange(this, row, column, numRows, numColumns);
  }

  rangeFromA1(notation: string): EmulatedRange {
    const a1 = parseA1(notation);
    const lastRow = a1.lastRow ?? this.maxRows;
    const lastColumn = a1.lastColumn ?? this.maxColumns;
    const base = this.range(a1.row, a1.column, lastRow - a1.row + 1, lastColumn - a1.column + 1);
    if (a1.lastRow !== undefined && a1.lastColumn !== undefined) return base;
    return new EmulatedRange(this, base.row, base.column, base.numRows, base.numColumns, {
      rows: a1.lastRow !== undefined,
      columns: a1.lastColumn !== undefined,
    });
  }

  // -- Sheet API --

  getName(): string {
    return this.name;
  }
  getSheetName(): string {
    return this.name;
  }
  setName(name: string): Sheet {
    this.parent.checkNewName(name, this);
    this.name = name;
    return api(this);
  }
  getSheetId(): Integer {
    return this.sheetId;
  }
  getIndex(): Integer {
    return this.parent.sheets.indexOf(this) + 1;
  }
  getParent(): Spreadsheet {
    return api(this.parent);
  }
  activate(): Sheet {
    this.parent.active = this;
    return api(this);
  }
  getRange(a: Integer | string, column?: Integer, numRows?: Integer, numColumns?: Integer): Range {
    if (typeof a === 'string') {
      const a1 = parseA1(a);
      if (a1.sheetName !== undefined && a1.sheetName !== this.name) {
        throw new Error('Range not found');
      }
      return api(this.rangeFromA1(a));
    }
    if (column === undefined)
      throw new Error(
        "The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
      );
    return api(this.range(a, column, numRows ?? 1, numColumns ?? 1));
  }
  getDataRange(): Range {
    return api(this.range(1, 1, Math.max(1, this.lastRow()), Math.max(1, this.lastColumn())));
  }
  getSheetValues(startRow: Integer, startColumn: Integer, numRows: Integer, numColumns: Integer) {
    const rows = numRows === -1 ? this.lastRow() - startRow + 1 : numRows;
    const columns = numColumns === -1 ? this.lastColumn() - startColumn + 1 : numColumns;
    return this.range(startRow, startColumn, rows, columns).getValues();
  }
  getLastRow(): Integer {
    return this.lastRow();
  }
  getLastColumn(): Integer {
    return this.lastColumn();
  }
  getMaxRows(): Integer {
    return this.maxRows;
  }
  getMaxColumns(): Integer {
    return this.maxColumns;
  }
  appendRow(rowContents: unknown[]): Sheet {
    const row = this.lastRow() + 1;
    if (row > this.maxRows) this.insertRowsAfter(this.maxRows, row - this.maxRows);
    if (rowContents.length > this.maxColumns) {
      this.insertColumnsAfter(this.maxColumns, rowContents.length - this.maxColumns);
    }
    rowContents.forEach((value, i) => this.write(row, i + 1, value));
    return api(this);
  }
  insertRowsAfter(afterPosition: Integer, howMany: Integer): Sheet {
    this.parent.checkCells(howMany * this.maxColumns);
    this.shift('row', afterPosition, howMany);
    this.maxRows += howMany;
    return api(this);
  }
  insertColumnsAfter(afterPosition: Integer, howMany: Integer): Sheet {
    this.parent.checkCells(howMany * this.maxRows);
    this.shift('column', afterPosition, howMany);
    this.maxColumns += howMany;
    return api(this);
  }
  deleteRows(rowPosition: Integer, howMany: Integer): void {
    if (howMany >= this.maxRows) throw new Error("You can't delete all the rows on the sheet.");
    this.shift('row', rowPosition - 1, -howMany);
    this.maxRows -= howMany;
  }
  deleteColumns(columnPosition: Integer, howMany: Integer): void {
    if (howMany >= this.maxColumns) {
      throw new Error("You can't delete all the columns on the sheet.");
    }
    this.shift('column', columnPosition - 1, -howMany);
    this.maxColumns -= howMany;
  }

  /** Moves content after `after` by `delta` rows/columns (negative: deletes before moving). */
  private shift(axis: 'row' | 'column', after: number, delta: number): void {
    const moveKey = (k: number): number | undefined => {
      const r = rowOf(k);
      const c = columnOf(k);
      const index = axis === 'row' ? r : c;
      if (index <= after) return k;
      if (delta < 0 && index <= after - delta) return undefined;
      return axis === 'row' ? key(r + delta, c) : key(r, c + delta);
    };
    const remap = <T>(map: Map<number, T>) => {
      const out = new Map<number, T>();
      for (const [k, v] of map) {
        const moved = moveKey(k);
        if (moved !== undefined) out.set(moved, v);
      }
      return out;
    };
    this.formulas = remap(this.formulas);
    for (const [name, map] of this.styles) this.styles.set(name, remap(map));
    if (axis === 'row') {
      if (delta > 0) {
        if (after < this.rows.length) {
          this.rows.splice(after, 0, ...Array.from({ length: delta }, () => []));
        }
      } else {
        this.rows.splice(after, -delta);
      }
    } else {
      for (const line of this.rows) {
        if (!line || line.length <= after) continue;
        if (delta > 0) line.splice(after, 0, ...Array<unknown>(delta).fill(''));
        else line.splice(after, -delta);
      }
    }
  }

  clear(options?: { formatOnly?: boolean | undefined; contentsOnly?: boolean | undefined }): Sheet {
    const only = options && (options.contentsOnly || options.formatOnly);
    if (!only || options?.contentsOnly) this.clearContents();
    if (!only || options?.formatOnly) this.clearFormats();
    return api(this);
  }
  clearContents(): Sheet {
    this.rows = [];
    this.formulas = new Map();
    this.computed = new Map();
    return api(this);
  }
  clearFormats(): Sheet {
    const notes = this.styles.get('note');
    this.styles = new Map();
    if (notes) this.styles.set('note', notes);
    return api(this);
  }

  getFrozenRows(): Integer {
    return this.frozenRows;
  }
  setFrozenRows(rows: Integer): void {
    if (rows < 0 || rows > this.maxRows) throw new Error('Invalid argument: rows');
    this.frozenRows = rows;
  }
  getFrozenColumns(): Integer {
    return this.frozenColumns;
  }
  setFrozenColumns(columns: Integer): void {
    if (columns < 0 || columns > this.maxColumns) throw new Error('Invalid argument: columns');
    this.frozenColumns = columns;
  }
  getColumnWidth(columnPosition: Integer): Integer {
    return this.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }
  setColumnWidth(columnPosition: Integer, width: Integer): Sheet {
    this.columnWidths.set(columnPosition, width);
    return api(this);
  }
  setColumnWidths(startColumn: Integer, numColumns: Integer, width: Integer): Sheet {
    for (let c = startColumn; c < startColumn + numColumns; c++) this.columnWidths.set(c, width);
    return api(this);
  }
  getRowHeight(rowPosition: Integer): Integer {
    return this.rowHeights.get(rowPosition) ?? DEFAULT_ROW_HEIGHT;
  }
  setRowHeight(rowPosition: Integer, height: Integer): Sheet {
    this.rowHeights.set(rowPosition, height);
    return api(this);
  }
  autoResizeColumn(columnPosition: Integer): Sheet {
    return this.autoResizeColumns(columnPosition, 1);
  }
  /** Width from the longest display text: about 7 px a character plus padding. */
  autoResizeColumns(startColumn: Integer, numColumns: Integer): Sheet {
    const lastRow = this.lastRow();
    for (let c = startColumn; c < startColumn + numColumns; c++) {
      let longest = 0;
      for (let r = 1; r <= lastRow; r++) longest = Math.max(longest, this.displayAt(r, c).length);
      this.columnWidths.set(c, Math.max(20, longest * 7 + 10));
    }
    return api(this);
  }
  getTabColor(): string | null {
    return this.tabColor;
  }
  setTabColor(color: string | null): Sheet {
    this.tabColor = color === null ? null : normalizeColor(color);
    return api(this);
  }
  hideSheet(): Sheet {
    if (this.parent.sheets.filter((s) => !s.hidden).length <= 1) {
      throw new Error("You can't hide all the sheets in a document.");
    }
    this.hidden = true;
    return api(this);
  }
  showSheet(): Sheet {
    this.hidden = false;
    return api(this);
  }
  isSheetHidden(): boolean {
    return this.hidden;
  }

  addDeveloperMetadata(key: string, valueOrVisibility?: unknown, visibility?: Visibility): Sheet {
    this.parent.addMetadata(this, key, valueOrVisibility, visibility);
    return api(this);
  }
  getDeveloperMetadata(): DeveloperMetadata[] {
    return this.parent
      .visibleMetadata()
      .filter((m) => m.sheet === this)
      .map((m) => api<DeveloperMetadata>(new EmulatedDeveloperMetadata(this.parent, m)));
  }
  createDeveloperMetadataFinder(): DeveloperMetadataFinder {
    return api(new EmulatedDeveloperMetadataFinder(this.parent, this));
  }
  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    return api(new EmulatedTextFinder([this], findText));
  }

  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return api(new EmulatedChartBuilder(this));
  }
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const raw = unwrap(chart) as unknown as EmulatedChart;
    if (!(raw instanceof EmulatedChart)) throw new Error('Invalid argument: chart');
    if (raw.chartId !== null && this.charts.some((c) => c.chartId === raw.chartId)) {
      throw new Error('The chart is already on the sheet.');
    }
    this.charts.push(raw.placedOn(this, this.parent.nextChartId()));
  }
  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const raw = unwrap(chart) as unknown as EmulatedChart;
    const index = this.charts.findIndex((c) => c.chartId === raw.chartId);
    if (raw.chartId === null || index < 0)
      throw new Error('The chart does not exist on the sheet.');
    this.charts[index] = raw.placedOn(this, raw.chartId);
  }
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const raw = unwrap(chart) as unknown as EmulatedChart;
    const index = this.charts.findIndex((c) => c.chartId === raw.chartId);
    if (index < 0) throw new Error('The chart does not exist on the sheet.');
    this.charts.splice(index, 1);
  }
  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    return this.charts.map((c) => api<GoogleAppsScript.Spreadsheet.EmbeddedChart>(c));
  }

  toJSON(): SheetSnapshot {
    return this.snapshot();
  }

  /** Everything a test may want to check, as plain data (no service calls counted). */
  snapshot(): SheetSnapshot {
    const lastRow = this.lastRow();
    const lastColumn = this.lastColumn();
    const grid = <T>(read: (r: number, c: number) => T): T[][] =>
      Array.from({ length: lastRow }, (_, r) =>
        Array.from({ length: lastColumn }, (_, c) => read(r + 1, c + 1)),
      );
    const sparse = (name: StyleName) => {
      const out: Record<string, unknown> = {};
      const map = this.styles.get(name);
      if (!map) return out;
      for (const k of [...map.keys()].sort((a, b) => a - b)) {
        out[cellA1(rowOf(k), columnOf(k))] = map.get(k);
      }
      return out;
    };
    const formulas: Record<string, string> = {};
    for (const k of [...this.formulas.keys()].sort((a, b) => a - b)) {
      formulas[cellA1(rowOf(k), columnOf(k))] = this.formulas.get(k)!;
    }
    const styles: Partial<Record<StyleName, Record<string, unknown>>> = {};
    for (const name of STYLE_NAMES) {
      const s = sparse(name);
      if (Object.keys(s).length > 0) styles[name] = s;
    }
    return {
      name: this.name,
      index: this.getIndex(),
      sheetId: this.sheetId,
      hidden: this.hidden,
      maxRows: this.maxRows,
      maxColumns: this.maxColumns,
      frozenRows: this.frozenRows,
      frozenColumns: this.frozenColumns,
      values: grid((r, c) => copyValue(this.valueAt(r, c))),
      displayValues: grid((r, c) => this.displayAt(r, c)),
      formulas,
      numberFormats: (styles.numberFormat ?? {}) as Record<string, string>,
      backgrounds: (styles.background ?? {}) as Record<string, string>,
      styles,
      columnWidths: Object.fromEntries([...this.columnWidths].sort((a, b) => a[0] - b[0])),
      tabColor: this.tabColor,
      borders: this.borders.map((b) => ({ ...b })),
      merges: [...this.merges],
      charts: this.charts.map((c) => c.spec()),
      metadata: this.parent.metadata
        .filter((m) => m.sheet === this)
        .map((m) => ({ key: m.key, value: m.value, visibility: m.visibility })),
    };
  }
}

export interface SheetSnapshot {
  name: string;
  /** 1-based position in the tab bar. */
  index: number;
  sheetId: number;
  hidden: boolean;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  /** The data range's values (formulas evaluated when an evaluator is plugged in). */
  values: unknown[][];
  displayValues: string[][];
  /** A1 → formula, only for formula cells. */
  formulas: Record<string, string>;
  /** A1 → number format, only for cells whose format was set. */
  numberFormats: Record<string, string>;
  /** A1 → #rrggbb, only for cells whose background was set. */
  backgrounds: Record<string, string>;
  /** Every style that was set (fontWeight, fontColor, horizontalAlignment, wrap, note...). */
  styles: Record<string, Record<string, unknown>>;
  columnWidths: Record<number, number>;
  tabColor: string | null;
  borders: BorderRecord[];
  merges: string[];
  charts: ChartSpec[];
  metadata: { key: string; value: string | null; visibility: string }[];
}

// ---------------------------------------------------------------------------------
// Spreadsheet

type SpreadsheetApi = Pick<
  Spreadsheet,
  | 'addDeveloperMetadata'
  | 'createDeveloperMetadataFinder'
  | 'createTextFinder'
  | 'deleteSheet'
  | 'getActiveSheet'
  | 'getDeveloperMetadata'
  | 'getId'
  | 'getName'
  | 'getNumSheets'
  | 'getRange'
  | 'getSheetById'
  | 'getSheetByName'
  | 'getSheets'
  | 'getSpreadsheetLocale'
  | 'getSpreadsheetTimeZone'
  | 'getUrl'
  | 'insertSheet'
  | 'moveActiveSheet'
  | 'rename'
  | 'setActiveSheet'
  | 'setSpreadsheetLocale'
  | 'setSpreadsheetTimeZone'
  | 'toast'
>;

export class EmulatedSpreadsheet implements SpreadsheetApi {
  sheets: EmulatedSheet[] = [];
  active!: EmulatedSheet;
  metadata: MetadataEntry[] = [];
  /** The Cloud project the script runs as (developer metadata visibility). */
  project = 'emulated-project';
  private sheetIds = 0;
  private metadataIds = 0;
  private chartIds = 0;

  constructor(
    readonly id: string,
    public name: string,
    public locale: string,
    public timeZone: string,
    readonly env: SpreadsheetEnv,
  ) {
    tag(this, 'Spreadsheet');
  }

  /** Sheet ids: 0 for the first tab, then larger numbers as Sheets gives. */
  private nextSheetId(): number {
    const id = this.sheetIds === 0 ? 0 : 100000000 + this.sheetIds * 7919;
    this.sheetIds++;
    return id;
  }
  nextChartId(): number {
    return ++this.chartIds;
  }

  checkCells(extra: number): void {
    const total = this.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
    if (total + extra > MAX_CELLS) {
      throw new Error(
        `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`,
      );
    }
  }

  checkNewName(name: string, self?: EmulatedSheet): void {
    if (typeof name !== 'string' || name.trim() === '') {
      throw new Error('Invalid argument: sheetName');
    }
    if (name.length > 100) throw new Error('The sheet name cannot be longer than 100 characters.');
    const clash = this.sheets.find(
      (s) => s !== self && s.name.toLowerCase() === name.toLowerCase(),
    );
    if (clash) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }

  /** Adds a tab holding `values` (already typed), sized like an imported sheet. */
  addSheetWithValues(
    name: string,
    values: readonly (readonly unknown[])[],
    numberFormats?: readonly (readonly (string | null)[])[],
  ): EmulatedSheet {
    const width = values.reduce((max, row) => Math.max(max, row.length), 0);
    const sheet = this.createSheet(name, this.sheets.length, {
      rows: Math.max(DEFAULT_ROWS, values.length),
      columns: Math.max(DEFAULT_COLUMNS, width),
    });
    sheet.rows = values.map((row) =>
      row.map((v) => (v === null || v === undefined ? '' : copyValue(v))),
    );
    numberFormats?.forEach((row, r) =>
      row.forEach((format, c) => {
        if (format) sheet.setStyle('numberFormat', r + 1, c + 1, format);
      }),
    );
    return sheet;
  }

  createSheet(
    name: string,
    index: number,
    size: { rows?: number; columns?: number } = {},
  ): EmulatedSheet {
    this.checkNewName(name);
    this.checkCells((size.rows ?? DEFAULT_ROWS) * (size.columns ?? DEFAULT_COLUMNS));
    const sheet = new EmulatedSheet(this, name, this.nextSheetId(), size);
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, sheet);
    if (!this.active) this.active = sheet;
    return sheet;
  }

  addMetadata(
    sheet: EmulatedSheet | null,
    key: string,
    valueOrVisibility?: unknown,
    visibility?: Visibility,
  ): void {
    // addDeveloperMetadata(key, value) or (key, visibility): enums are not strings here.
    const isVisibility = isEnumValue(valueOrVisibility);
    const value =
      valueOrVisibility === undefined || isVisibility ? null : String(valueOrVisibility);
    const vis = enumName(
      isVisibility ? valueOrVisibility : (visibility ?? DeveloperMetadataVisibility.DOCUMENT),
    );
    this.metadata.push({
      id: ++this.metadataIds,
      key: checkMetadataKey(key),
      value,
      visibility: vis,
      sheet,
      project: this.project,
    });
  }

  /** The metadata the script's project may see (see visibleTo). */
  visibleMetadata(): MetadataEntry[] {
    return this.metadata.filter((m) => visibleTo(this.project, m));
  }

  private defaultSheetName(): string {
    const base = /^fr/i.test(this.locale) ? 'Feuille ' : 'Sheet';
    let n = this.sheets.length + 1;
    while (this.sheets.some((s) => s.name.toLowerCase() === (base + n).toLowerCase())) n++;
    return base + n;
  }

  getId(): string {
    return this.id;
  }
  getName(): string {
    return this.name;
  }
  rename(newName: string): void {
    this.name = newName;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getSpreadsheetLocale(): string {
    return this.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this.locale = locale;
  }
  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    this.timeZone = timezone;
  }
  getSheets(): Sheet[] {
    return this.sheets.map((s) => api<Sheet>(s));
  }
  getNumSheets(): Integer {
    return this.sheets.length;
  }
  getSheetByName(name: string): Sheet | null {
    const sheet =
      this.sheets.find((s) => s.name === name) ??
      this.sheets.find((s) => s.name.toLowerCase() === String(name).toLowerCase());
    return sheet ? api<Sheet>(sheet) : null;
  }
  getSheetById(id: number): Sheet | null {
    const sheet = this.sheets.find((s) => s.sheetId === id);
    return sheet ? api<Sheet>(sheet) : null;
  }
  getActiveSheet(): Sheet {
    return api(this.active);
  }
  setActiveSheet(sheet: Sheet, _restoreSelection?: boolean): Sheet {
    const raw = this.own(sheet);
    this.active = raw;
    return api(raw);
  }
  /** 1-based position, as in Sheets. */
  moveActiveSheet(pos: Integer): void {
    if (pos < 1 || pos > this.sheets.length) throw new Error('Invalid argument: pos');
    this.sheets.splice(this.sheets.indexOf(this.active), 1);
    this.sheets.splice(pos - 1, 0, this.active);
  }
  /**
   * insertSheet([name][, index][, options]): the new tab goes at `index` (0-based) or
   * right after the active tab, and becomes the active tab.
   */
  insertSheet(a?: unknown, b?: unknown, _options?: { template?: Sheet | undefined }): Sheet {
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') {
      name = a;
      if (typeof b === 'number') index = b;
    } else if (typeof a === 'number') {
      index = a;
    }
    const position = index ?? this.sheets.indexOf(this.active) + 1;
    const sheet = this.createSheet(name ?? this.defaultSheetName(), position);
    this.active = sheet;
    return api(sheet);
  }
  deleteSheet(sheet: Sheet): void {
    const raw = this.own(sheet);
    if (this.sheets.length <= 1) throw new Error("You can't remove all the sheets in a document.");
    const index = this.sheets.indexOf(raw);
    this.sheets.splice(index, 1);
    this.metadata = this.metadata.filter((m) => m.sheet !== raw);
    if (this.active === raw) this.active = this.sheets[Math.max(0, index - 1)];
  }
  getRange(a1Notation: string): Range {
    const a1 = parseA1(a1Notation);
    const sheet =
      a1.sheetName === undefined ? this.active : this.sheets.find((s) => s.name === a1.sheetName);
    if (!sheet) throw new Error('Range not found');
    return api(sheet.rangeFromA1(a1Notation));
  }
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.env.onToast({
      message: String(msg),
      title: title ?? '',
      timeoutSeconds: timeoutSeconds ?? null,
    });
  }
  addDeveloperMetadata(
    key: string,
    valueOrVisibility?: unknown,
    visibility?: Visibility,
  ): Spreadsheet {
    this.addMetadata(null, key, valueOrVisibility, visibility);
    return api(this);
  }
  getDeveloperMetadata(): DeveloperMetadata[] {
    return this.visibleMetadata()
      .filter((m) => m.sheet === null)
      .map((m) => api<DeveloperMetadata>(new EmulatedDeveloperMetadata(this, m)));
  }
  createDeveloperMetadataFinder(): DeveloperMetadataFinder {
    return api(new EmulatedDeveloperMetadataFinder(this, null));
  }
  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    return api(new EmulatedTextFinder(this.sheets, findText));
  }

  private own(sheet: Sheet): EmulatedSheet {
    const raw = unwrap(sheet) as unknown as EmulatedSheet;
    if (!(raw instanceof EmulatedSheet) || !this.sheets.includes(raw)) {
      throw new Error('Invalid argument: sheet');
    }
    return raw;
  }

  sheet(name: string): EmulatedSheet {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`No sheet named "${name}"`);
    return sheet;
  }

  toJSON(): SpreadsheetSnapshot {
    return this.snapshot();
  }

  snapshot(): SpreadsheetSnapshot {
    return {
      id: this.id,
      name: this.name,
      locale: this.locale,
      timeZone: this.timeZone,
      activeSheet: this.active.name,
      sheets: this.sheets.map((s) => s.snapshot()),
      metadata: this.metadata
        .filter((m) => m.sheet === null)
        .map((m) => ({ key: m.key, value: m.value, visibility: m.visibility })),
    };
  }
}

export interface SpreadsheetSnapshot {
  id: string;
  name: string;
  locale: string;
  timeZone: string;
  activeSheet: string;
  sheets: SheetSnapshot[];
  metadata: { key: string; value: string | null; visibility: string }[];
}

// ---------------------------------------------------------------------------------
// Text finder

/**
 * Spreadsheet.createTextFinder / Sheet.createTextFinder. Formula cells are searched by
 * what they show unless matchFormulaText(true): "If true, configures the search to return
 * matches that appear within formula text; otherwise cells with formulas are considered
 * based on their displayed value."
 * https://developers.google.com/apps-script/reference/spreadsheet/text-finder#matchFormulaText(Boolean)
 */
export class EmulatedTextFinder implements Pick<
  GoogleAppsScript.Spreadsheet.TextFinder,
  | 'findAll'
  | 'findNext'
  | 'ignoreDiacritics'
  | 'matchCase'
  | 'matchEntireCell'
  | 'matchFormulaText'
  | 'useRegularExpression'
> {
  private options = { caseSensitive: false, entire: false, formulas: false, diacritics: false };
  private regex = false;
  private position = -1;
  constructor(
    private readonly sheets: readonly EmulatedSheet[],
    private readonly text: string,
  ) {
    if (typeof text !== 'string' || text === '') throw new Error('Invalid argument: findText');
    tag(this, 'TextFinder');
  }
  private self(): GoogleAppsScript.Spreadsheet.TextFinder {
    return api(this);
  }
  matchCase(matchCase: boolean): GoogleAppsScript.Spreadsheet.TextFinder {
    this.options.caseSensitive = matchCase;
    return this.self();
  }
  matchEntireCell(matchEntireCell: boolean): GoogleAppsScript.Spreadsheet.TextFinder {
    this.options.entire = matchEntireCell;
    return this.self();
  }
  matchFormulaText(matchFormulaText: boolean): GoogleAppsScript.Spreadsheet.TextFinder {
    this.options.formulas = matchFormulaText;
    return this.self();
  }
  ignoreDiacritics(ignoreDiacritics: boolean): GoogleAppsScript.Spreadsheet.TextFinder {
    this.options.diacritics = ignoreDiacritics;
    return this.self();
  }
  useRegularExpression(useRegEx: boolean): GoogleAppsScript.Spreadsheet.TextFinder {
    this.regex = useRegEx;
    return this.self();
  }
  private fold(text: string): string {
    let out = this.options.caseSensitive ? text : text.toLowerCase();
    if (this.options.diacritics) out = out.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    return out;
  }
  private matches(content: string): boolean {
    if (this.regex) {
      const flags = this.options.caseSensitive ? '' : 'i';
      const pattern = this.options.entire ? `^(?:${this.text})$` : this.text;
      return new RegExp(pattern, flags).test(content);
    }
    const haystack = this.fold(content);
    const needle = this.fold(this.text);
    return this.options.entire ? haystack === needle : haystack.includes(needle);
  }
  /** Every matching cell, sheet by sheet, row by row. */
  private cells(): EmulatedRange[] {
    const found: EmulatedRange[] = [];
    for (const sheet of this.sheets) {
      const lastRow = sheet.lastRow();
      const lastColumn = sheet.lastColumn();
      for (let r = 1; r <= lastRow; r++) {
        for (let c = 1; c <= lastColumn; c++) {
          const formula = sheet.formulas.get(key(r, c));
          const content =
            formula !== undefined && this.options.formulas ? formula : sheet.displayAt(r, c);
          if (content !== '' && this.matches(content)) {
            found.push(new EmulatedRange(sheet, r, c, 1, 1));
          }
        }
      }
    }
    return found;
  }
  findAll(): Range[] {
    return this.cells().map((range) => api<Range>(range));
  }
  findNext(): Range | null {
    const cells = this.cells();
    this.position++;
    if (this.position >= cells.length) return null;
    return api<Range>(cells[this.position]);
  }
}
