/**
 * The configuration options each chart type documents, for EmbeddedChartBuilder.setOption.
 *
 * "Sets advanced options for this chart. To view a list of the available options, see
 * Chart configuration options. This method doesn't validate the option you specify is
 * valid for this chart type nor if the value is of the correct format/structure."
 * — https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder#setOption(String,Object)
 *
 * Sheets itself accepts any key and silently ignores one its chart type does not know, so a
 * misspelt or misplaced option (vAxis.fromat, pieHole on a column chart) would draw a
 * chart without it and nobody would notice. The emulator is stricter on purpose: it
 * accepts only the options listed, per chart type, on
 * https://developers.google.com/apps-script/chart-configuration-options and the Google
 * Charts pages it links (…/chart/interactive/docs/gallery/<type>chart#configuration-options),
 * and throws on anything else.
 *
 * The lists follow those pages' option tables (name by name, sub-options as dotted
 * paths), cross-checked against the option interfaces of @types/google.visualization,
 * which are written from the same pages. An option missing here that a page does list is
 * a bug of this file: add it with the page it comes from.
 *
 * Paths are dotted; `N` stands for an index (series.N.targetAxisIndex, vAxes.N.title).
 * An object value is checked key by key: setOption('legend', { position: 'none' }) is
 * legend.position, setOption('series', { 1: { targetAxisIndex: 1 } }) is
 * series.N.targetAxisIndex.
 */

/** Where each chart type's list is documented. */
export const CHART_OPTION_PAGES: Readonly<Record<string, string>> = {
  AREA: 'https://developers.google.com/chart/interactive/docs/gallery/areachart#configuration-options',
  BAR: 'https://developers.google.com/chart/interactive/docs/gallery/barchart#configuration-options',
  COLUMN:
    'https://developers.google.com/chart/interactive/docs/gallery/columnchart#configuration-options',
  COMBO:
    'https://developers.google.com/chart/interactive/docs/gallery/combochart#configuration-options',
  HISTOGRAM:
    'https://developers.google.com/chart/interactive/docs/gallery/histogram#configuration-options',
  LINE: 'https://developers.google.com/chart/interactive/docs/gallery/linechart#configuration-options',
  PIE: 'https://developers.google.com/chart/interactive/docs/gallery/piechart#configuration-options',
  SCATTER:
    'https://developers.google.com/chart/interactive/docs/gallery/scatterchart#configuration-options',
  TABLE: 'https://developers.google.com/chart/interactive/docs/gallery/table#configuration-options',
};

const TEXT_STYLE = ['color', 'fontName', 'fontSize', 'bold', 'italic', 'auraColor', 'opacity'];

function under(prefix: string, keys: readonly string[]): string[] {
  return [prefix, ...keys.map((key) => `${prefix}.${key}`)];
}

/** hAxis, vAxis, and each of hAxes / vAxes. */
const AXIS = [
  'baseline',
  'baselineColor',
  'direction',
  'format',
  ...under('gridlines', ['color', 'count', 'interval', 'minSpacing', 'multiple']),
  ...under('minorGridlines', ['color', 'count', 'interval', 'minSpacing', 'multiple']),
  'logScale',
  'scaleType',
  'textPosition',
  ...under('textStyle', TEXT_STYLE),
  'ticks',
  'title',
  ...under('titleTextStyle', TEXT_STYLE),
  'allowContainerBoundaryTextCutoff',
  'slantedText',
  'slantedTextAngle',
  'maxAlternation',
  'maxTextLines',
  'minTextSpacing',
  'showTextEvery',
  'maxValue',
  'minValue',
  'viewWindowMode',
  ...under('viewWindow', ['max', 'min']),
];

const ANNOTATIONS = [
  'alwaysOutside',
  ...under('boxStyle', ['stroke', 'strokeWidth', 'rx', 'ry', 'gradient']),
  ...under('datum', ['stem', 'stem.color', 'stem.length', 'style']),
  ...under('domain', ['stem', 'stem.color', 'stem.length', 'style']),
  'highContrast',
  ...under('stem', ['color', 'length']),
  'style',
  ...under('textStyle', TEXT_STYLE),
];

/** backgroundColor, chartArea and legend: documented alike for axis charts and pie charts. */
const BACKGROUND_COLOR = under('backgroundColor', ['stroke', 'strokeWidth', 'fill']);
const CHART_AREA = under('chartArea', [
  'backgroundColor',
  'backgroundColor.stroke',
  'backgroundColor.strokeWidth',
  'left',
  'top',
  'right',
  'bottom',
  'width',
  'height',
]);
const LEGEND = under('legend', [
  'alignment',
  'maxLines',
  'position',
  ...under('textStyle', TEXT_STYLE),
]);

/** Options every axis chart (area, bar, column, combo, line, scatter, histogram) lists. */
const AXIS_CHART = [
  'aggregationTarget',
  ...under('animation', ['duration', 'easing', 'startup']),
  ...under('annotations', ANNOTATIONS),
  'axisTitlesPosition',
  ...BACKGROUND_COLOR,
  ...CHART_AREA,
  'colors',
  'dataOpacity',
  'enableInteractivity',
  'focusTarget',
  'fontSize',
  'fontName',
  'forceIFrame',
  ...under('hAxis', AXIS),
  'height',
  ...LEGEND,
  'orientation',
  'reverseCategories',
  'selectionMode',
  'series',
  'theme',
  'title',
  'titlePosition',
  ...under('titleTextStyle', TEXT_STYLE),
  ...under('tooltip', ['ignoreBounds', 'isHtml', 'showColorCode', 'trigger', 'textStyle']),
  ...under('tooltip.textStyle', TEXT_STYLE),
  'vAxes',
  ...under('vAxes.N', AXIS),
  ...under('vAxis', AXIS),
  'width',
];

const CROSSHAIR = under('crosshair', [
  'color',
  'focused',
  'focused.color',
  'focused.opacity',
  'opacity',
  'orientation',
  'selected',
  'selected.color',
  'selected.opacity',
  'trigger',
]);
const EXPLORER = under('explorer', [
  'actions',
  'axis',
  'keepInBounds',
  'maxZoomIn',
  'maxZoomOut',
  'zoomDelta',
]);
const TRENDLINES = [
  'trendlines',
  ...under('trendlines.N', [
    'color',
    'degree',
    'labelInLegend',
    'lineWidth',
    'opacity',
    'pointSize',
    'pointsVisible',
    'showR2',
    'type',
    'visibleInLegend',
  ]),
];
const LINES = [
  'curveType',
  'interpolateNulls',
  'lineDashStyle',
  'lineWidth',
  'pointShape',
  'pointSize',
  'pointsVisible',
];

/** series.N.<key> for bar-like series. */
const BAR_SERIES = ['annotations', 'color', 'labelInLegend', 'targetAxisIndex', 'visibleInLegend'];
const LINE_SERIES = [...BAR_SERIES, ...LINES.filter((k) => k !== 'interpolateNulls')];

function series(keys: readonly string[]): string[] {
  return under('series.N', keys);
}

const BAR_LIKE = [...AXIS_CHART, ...under('bar', ['groupWidth']), 'isStacked', ...TRENDLINES];

/** The documented options, by chart type name (Charts.ChartType). */
export const CHART_OPTIONS: Readonly<Record<string, ReadonlySet<string>>> = {
  COLUMN: new Set([...BAR_LIKE, ...EXPLORER, ...series(BAR_SERIES)]),
  BAR: new Set([
    ...BAR_LIKE,
    ...EXPLORER,
    'hAxes',
    ...under('hAxes.N', AXIS),
    ...series(BAR_SERIES),
  ]),
  LINE: new Set([
    ...AXIS_CHART,
    ...LINES,
    ...CROSSHAIR,
    ...EXPLORER,
    ...TRENDLINES,
    ...series(LINE_SERIES),
  ]),
  AREA: new Set([
    ...AXIS_CHART,
    ...LINES.filter((k) => k !== 'curveType'),
    'areaOpacity',
    'isStacked',
    ...CROSSHAIR,
    ...EXPLORER,
    ...series([...LINE_SERIES.filter((k) => k !== 'curveType'), 'areaOpacity']),
  ]),
  COMBO: new Set([
    ...BAR_LIKE,
    ...LINES,
    'areaOpacity',
    'seriesType',
    ...CROSSHAIR,
    ...series([...LINE_SERIES, 'areaOpacity', 'type']),
  ]),
  SCATTER: new Set([
    ...AXIS_CHART,
    ...LINES,
    ...CROSSHAIR,
    ...EXPLORER,
    ...TRENDLINES,
    ...series(LINE_SERIES),
  ]),
  HISTOGRAM: new Set([
    ...AXIS_CHART,
    ...under('bar', ['gap', 'groupWidth']),
    ...under('histogram', [
      'bucketSize',
      'hideBucketItems',
      'lastBucketPercentile',
      'maxNumBuckets',
      'minNumBuckets',
      'minValue',
      'maxValue',
    ]),
    'interpolateNulls',
    'isStacked',
    ...series(BAR_SERIES),
  ]),
  PIE: new Set([
    ...BACKGROUND_COLOR,
    ...CHART_AREA,
    'colors',
    'enableInteractivity',
    'fontSize',
    'fontName',
    'forceIFrame',
    'height',
    'is3D',
    ...LEGEND,
    'pieHole',
    'pieSliceBorderColor',
    'pieSliceText',
    ...under('pieSliceTextStyle', TEXT_STYLE),
    'pieStartAngle',
    'reverseCategories',
    'pieResidueSliceColor',
    'pieResidueSliceLabel',
    'slices',
    ...under('slices.N', ['color', 'offset', ...under('textStyle', TEXT_STYLE)]),
    'sliceVisibilityThreshold',
    'title',
    ...under('titleTextStyle', TEXT_STYLE),
    ...under('tooltip', [
      'ignoreBounds',
      'isHtml',
      'showColorCode',
      'text',
      'trigger',
      'textStyle',
    ]),
    ...under('tooltip.textStyle', TEXT_STYLE),
    'width',
  ]),
  TABLE: new Set([
    'allowHtml',
    'alternatingRowStyle',
    ...under('cssClassNames', [
      'headerRow',
      'tableRow',
      'oddTableRow',
      'selectedTableRow',
      'hoverTableRow',
      'headerCell',
      'tableCell',
      'rowNumberCell',
    ]),
    'firstRowNumber',
    'frozenColumns',
    'height',
    'page',
    'pageSize',
    'pagingButtons',
    'rtlTable',
    'scrollLeftStartPosition',
    'showRowNumber',
    'sort',
    'sortAscending',
    'sortColumn',
    'startPage',
    'width',
  ]),
};

/** Every proper prefix of a documented path: where an object value may be given. */
const PREFIXES: Readonly<Record<string, ReadonlySet<string>>> = Object.fromEntries(
  Object.entries(CHART_OPTIONS).map(([type, paths]) => {
    const prefixes = new Set<string>();
    for (const path of paths) {
      const parts = path.split('.');
      for (let i = 1; i < parts.length; i++) prefixes.add(parts.slice(0, i).join('.'));
    }
    return [type, prefixes];
  }),
);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

function pattern(path: readonly string[]): string {
  return path.map((part) => (/^\d+$/.test(part) ? 'N' : part)).join('.');
}

/**
 * The option paths, among `option` and the keys inside `value`, that `type` does not
 * document (empty: all are documented). A type without a list accepts everything.
 */
export function undocumentedOptions(type: string, option: string, value: unknown): string[] {
  const known = CHART_OPTIONS[type];
  if (!known) return [];
  const prefixes = PREFIXES[type];
  const unknown: string[] = [];
  const visit = (path: string[], v: unknown) => {
    const key = pattern(path);
    const container =
      prefixes.has(key) && (isPlainObject(v) || (Array.isArray(v) && prefixes.has(`${key}.N`)));
    if (container) {
      for (const [child, inner] of Object.entries(v as object)) visit([...path, child], inner);
      return;
    }
    if (!known.has(key)) unknown.push(path.join('.'));
  };
  visit(option.split('.'), value);
  return unknown;
}
