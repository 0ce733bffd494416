import { tag, unwrap } from './calls';
import { CHART_OPTION_PAGES, undocumentedOptions } from './chartOptions';
import { ChartHiddenDimensionStrategy, ChartMergeStrategy, ChartType, enumName } from './enums';
import type { EmulatedRange, EmulatedSheet } from './spreadsheet';

type Range = GoogleAppsScript.Spreadsheet.Range;
type EmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type Builder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type ColumnBuilder = GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder;
type PieBuilder = GoogleAppsScript.Spreadsheet.EmbeddedPieChartBuilder;
type LineBuilder = GoogleAppsScript.Spreadsheet.EmbeddedLineChartBuilder;
type ChartTypeValue = GoogleAppsScript.Charts.ChartType;
type Integer = number;

function as<T>(value: object): T {
  return value as unknown as T;
}

/** A chart as plain data, for tests and the headless CLI. */
export interface ChartSpec {
  chartId: number | null;
  /** "COLUMN", "LINE"... or null when setChartType was never called. */
  type: string | null;
  /** Data ranges with their sheet: "'KPI Overview'!A4:B16". */
  ranges: string[];
  position: { row: number; column: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
  numHeaders: number;
  transposeRowsAndColumns: boolean;
  hiddenDimensionStrategy: string;
  mergeStrategy: string;
}

interface ChartState {
  type: ChartTypeValue | null;
  ranges: EmulatedRange[];
  position: { row: number; column: number; offsetX: number; offsetY: number };
  options: Map<string, unknown>;
  numHeaders: number;
  transpose: boolean;
  hiddenDimensionStrategy: GoogleAppsScript.Charts.ChartHiddenDimensionStrategy;
  mergeStrategy: GoogleAppsScript.Charts.ChartMergeStrategy;
}

/**
 * Refuses an option the chart type does not document (see chartOptions.ts): Sheets would
 * accept it and draw the chart without it.
 */
function checkOption(type: ChartTypeValue | null, option: string, value: unknown): void {
  if (type === null) return;
  const name = enumName(type);
  const unknown = undocumentedOptions(name, option, value);
  if (unknown.length === 0) return;
  throw new Error(
    `Chart option ${unknown.join(', ')} is not a documented option of a ${name} chart ` +
      `(${CHART_OPTION_PAGES[name] ?? 'https://developers.google.com/apps-script/chart-configuration-options'}): ` +
      'Sheets would ignore it.',
  );
}

function cloneOption(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  try {
    return structuredClone(value);
  } catch {
    return value;
  }
}

function copyState(state: ChartState): ChartState {
  return {
    ...state,
    ranges: [...state.ranges],
    position: { ...state.position },
    options: new Map([...state.options].map(([k, v]) => [k, cloneOption(v)])),
  };
}

export class EmulatedChartOptions implements Pick<GoogleAppsScript.Charts.ChartOptions, 'get'> {
  constructor(private readonly options: Map<string, unknown>) {
    tag(this, 'ChartOptions');
  }
  /** The value set with setOption (or a builder shortcut), null when unset. */
  get(option: string): unknown {
    return this.options.has(option) ? cloneOption(this.options.get(option)) : null;
  }
}

export class EmulatedContainerInfo implements Pick<
  GoogleAppsScript.Spreadsheet.ContainerInfo,
  'getAnchorColumn' | 'getAnchorRow' | 'getOffsetX' | 'getOffsetY'
> {
  constructor(private readonly position: ChartState['position']) {
    tag(this, 'ContainerInfo');
  }
  getAnchorColumn(): Integer {
    return this.position.column;
  }
  getAnchorRow(): Integer {
    return this.position.row;
  }
  getOffsetX(): Integer {
    return this.position.offsetX;
  }
  getOffsetY(): Integer {
    return this.position.offsetY;
  }
}

type ChartApi = Pick<
  EmbeddedChart,
  | 'getChartId'
  | 'getContainerInfo'
  | 'getHiddenDimensionStrategy'
  | 'getMergeStrategy'
  | 'getNumHeaders'
  | 'getOptions'
  | 'getRanges'
  | 'getTransposeRowsAndColumns'
  | 'modify'
>;

export class EmulatedChart implements ChartApi {
  chartId: number | null = null;
  constructor(
    public sheet: EmulatedSheet,
    readonly state: ChartState,
    id: number | null,
  ) {
    this.chartId = id;
    tag(this, 'EmbeddedChart');
  }
  /** Called by Sheet.insertChart/updateChart. */
  placedOn(sheet: EmulatedSheet, id: number): EmulatedChart {
    this.sheet = sheet;
    this.chartId = id;
    return this;
  }
  getChartId(): Integer | null {
    return this.chartId;
  }
  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    return as(new EmulatedChartOptions(this.state.options));
  }
  getRanges(): Range[] {
    return this.state.ranges.map((r) => as<Range>(r));
  }
  getContainerInfo(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    return as(new EmulatedContainerInfo({ ...this.state.position }));
  }
  getNumHeaders(): Integer {
    return this.state.numHeaders;
  }
  getTransposeRowsAndColumns(): boolean {
    return this.state.transpose;
  }
  getHiddenDimensionStrategy(): GoogleAppsScript.Charts.ChartHiddenDimensionStrategy {
    return this.state.hiddenDimensionStrategy;
  }
  getMergeStrategy(): GoogleAppsScript.Charts.ChartMergeStrategy {
    return this.state.mergeStrategy;
  }
  modify(): Builder {
    return as(new EmulatedChartBuilder(this.sheet, copyState(this.state), this.chartId));
  }
  spec(): ChartSpec {
    return {
      chartId: this.chartId,
      type: this.state.type === null ? null : enumName(this.state.type),
      ranges: this.state.ranges.map((r) => r.qualifiedA1()),
      position: { ...this.state.position },
      options: Object.fromEntries(
        [...this.state.options].map(([k, v]) => [k, cloneOption(v)] as const),
      ),
      numHeaders: this.state.numHeaders,
      transposeRowsAndColumns: this.state.transpose,
      hiddenDimensionStrategy: enumName(this.state.hiddenDimensionStrategy),
      mergeStrategy: enumName(this.state.mergeStrategy),
    };
  }
}

type BuilderApi = Pick<
  Builder,
  | 'addRange'
  | 'asAreaChart'
  | 'asBarChart'
  | 'asColumnChart'
  | 'asComboChart'
  | 'asHistogramChart'
  | 'asLineChart'
  | 'asPieChart'
  | 'asScatterChart'
  | 'asTableChart'
  | 'build'
  | 'clearRanges'
  | 'getChartType'
  | 'getRanges'
  | 'removeRange'
  | 'setChartType'
  | 'setHiddenDimensionStrategy'
  | 'setMergeStrategy'
  | 'setNumHeaders'
  | 'setOption'
  | 'setPosition'
  | 'setTransposeRowsAndColumns'
> &
  Pick<
    ColumnBuilder,
    | 'reverseCategories'
    | 'setBackgroundColor'
    | 'setColors'
    | 'setLegendPosition'
    | 'setRange'
    | 'setStacked'
    | 'setTitle'
    | 'setXAxisTitle'
    | 'setYAxisTitle'
    | 'useLogScale'
  > &
  Pick<PieBuilder, 'set3D'> &
  Pick<LineBuilder, 'setCurveStyle' | 'setPointStyle'>;

/**
 * One builder for every chart kind: the as*Chart() views only set the type, and their
 * shortcuts (setTitle, setStacked, setXAxisTitle...) become the options Sheets stores.
 */
export class EmulatedChartBuilder implements BuilderApi {
  readonly state: ChartState;
  constructor(
    private readonly sheet: EmulatedSheet,
    state?: ChartState,
    private readonly chartId: number | null = null,
  ) {
    this.state = state ?? {
      type: null,
      ranges: [],
      position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
      options: new Map(),
      numHeaders: -1,
      transpose: false,
      hiddenDimensionStrategy: ChartHiddenDimensionStrategy.IGNORE_ROWS,
      mergeStrategy: ChartMergeStrategy.MERGE_COLUMNS,
    };
    tag(this, 'EmbeddedChartBuilder');
  }
  private self<T>(): T {
    return as<T>(this);
  }
  private option<T>(name: string, value: unknown): T {
    this.state.options.set(name, cloneOption(value));
    return this.self<T>();
  }
  private typed<T>(type: ChartTypeValue): T {
    this.state.type = type;
    return this.self<T>();
  }

  addRange(range: Range): Builder {
    const raw = unwrap(range) as unknown as EmulatedRange;
    if (!raw || typeof raw.qualifiedA1 !== 'function') throw new Error('Invalid argument: range');
    this.state.ranges.push(raw);
    return this.self();
  }
  removeRange(range: Range): Builder {
    const raw = unwrap(range) as unknown as EmulatedRange;
    this.state.ranges = this.state.ranges.filter((r) => r.qualifiedA1() !== raw.qualifiedA1());
    return this.self();
  }
  clearRanges(): Builder {
    this.state.ranges = [];
    return this.self();
  }
  getRanges(): Range[] {
    return this.state.ranges.map((r) => as<Range>(r));
  }
  setChartType(type: ChartTypeValue): Builder {
    return this.typed(type);
  }
  getChartType(): ChartTypeValue {
    return this.state.type as ChartTypeValue;
  }
  asAreaChart(): GoogleAppsScript.Spreadsheet.EmbeddedAreaChartBuilder {
    return this.typed(ChartType.AREA);
  }
  asBarChart(): GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder {
    return this.typed(ChartType.BAR);
  }
  asColumnChart(): ColumnBuilder {
    return this.typed(ChartType.COLUMN);
  }
  asComboChart(): GoogleAppsScript.Spreadsheet.EmbeddedComboChartBuilder {
    return this.typed(ChartType.COMBO);
  }
  asHistogramChart(): GoogleAppsScript.Spreadsheet.EmbeddedHistogramChartBuilder {
    return this.typed(ChartType.HISTOGRAM);
  }
  asLineChart(): LineBuilder {
    return this.typed(ChartType.LINE);
  }
  asPieChart(): PieBuilder {
    return this.typed(ChartType.PIE);
  }
  asScatterChart(): GoogleAppsScript.Spreadsheet.EmbeddedScatterChartBuilder {
    return this.typed(ChartType.SCATTER);
  }
  asTableChart(): GoogleAppsScript.Spreadsheet.EmbeddedTableChartBuilder {
    return this.typed(ChartType.TABLE);
  }
  setOption(option: string, value: unknown): Builder {
    if (typeof option !== 'string' || option === '') throw new Error('Invalid argument: option');
    checkOption(this.state.type, option, value);
    return this.option(option, value);
  }
  setPosition(
    anchorRowPos: Integer,
    anchorColPos: Integer,
    offsetX: Integer,
    offsetY: Integer,
  ): Builder {
    if (anchorRowPos < 1 || anchorColPos < 1) throw new Error('Invalid argument: position');
    this.state.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this.self();
  }
  setNumHeaders(headers: Integer): Builder {
    this.state.numHeaders = headers;
    return this.self();
  }
  setTransposeRowsAndColumns(transpose: boolean): Builder {
    this.state.transpose = transpose;
    return this.self();
  }
  setHiddenDimensionStrategy(
    strategy: GoogleAppsScript.Charts.ChartHiddenDimensionStrategy,
  ): Builder {
    this.state.hiddenDimensionStrategy = strategy;
    return this.self();
  }
  setMergeStrategy(mergeStrategy: GoogleAppsScript.Charts.ChartMergeStrategy): Builder {
    this.state.mergeStrategy = mergeStrategy;
    return this.self();
  }
  setTitle(chartTitle: string): ColumnBuilder {
    return this.option('title', chartTitle);
  }
  setXAxisTitle(title: string): ColumnBuilder {
    return this.option('hAxis.title', title);
  }
  setYAxisTitle(title: string): ColumnBuilder {
    return this.option('vAxis.title', title);
  }
  setStacked(): ColumnBuilder {
    return this.option('isStacked', true);
  }
  setColors(cssValues: string[]): ColumnBuilder {
    return this.option('colors', [...cssValues]);
  }
  setBackgroundColor(cssValue: string): ColumnBuilder {
    return this.option('backgroundColor', cssValue);
  }
  setLegendPosition(position: GoogleAppsScript.Charts.Position): ColumnBuilder {
    return this.option('legend.position', enumName(position).toLowerCase());
  }
  setRange(start: number, end: number): ColumnBuilder {
    this.option('vAxis.viewWindow.min', start);
    return this.option('vAxis.viewWindow.max', end);
  }
  useLogScale(): ColumnBuilder {
    return this.option('vAxis.logScale', true);
  }
  reverseCategories(): ColumnBuilder {
    return this.option('hAxis.direction', -1);
  }
  set3D(): PieBuilder {
    return this.option('is3D', true);
  }
  setCurveStyle(style: GoogleAppsScript.Charts.CurveStyle): LineBuilder {
    return this.option('curveType', enumName(style) === 'SMOOTH' ? 'function' : 'none');
  }
  setPointStyle(style: GoogleAppsScript.Charts.PointStyle): LineBuilder {
    return this.option(
      'pointSize',
      { NONE: 0, TINY: 1, MEDIUM: 4, LARGE: 7, HUGE: 12 }[enumName(style)] ?? 0,
    );
  }
  build(): EmbeddedChart {
    for (const [option, value] of this.state.options) checkOption(this.state.type, option, value);
    return as(new EmulatedChart(this.sheet, copyState(this.state), this.chartId));
  }
}
