/**
 * An embedded chart of the emulator (its spec and the values of its ranges) as a
 * chart.js configuration, read the way Sheets reads a chart's data: ranges side by side
 * (MERGE_COLUMNS) or one under the other, optionally transposed; header rows give the
 * series names; the first column is the domain (labels), every other column a series.
 */
import type { ChartSpec } from '../emulator/charts';
import { isDate } from '../src/core/values';
import type { ChartJsConfig, ChartView } from './protocol';

export interface RangeTable {
  readonly values: readonly (readonly unknown[])[];
  readonly display: readonly (readonly string[])[];
}

/** The size Sheets gives a new embedded chart. */
export const DEFAULT_CHART_SIZE = { width: 600, height: 371 };

/** Google Charts' default series colours. */
const PALETTE = [
  '#4285f4',
  '#ea4335',
  '#fbbc04',
  '#34a853',
  '#ff6d01',
  '#46bdc6',
  '#7baaf7',
  '#f07b72',
  '#fcd04f',
  '#71c287',
];

interface Cell {
  value: unknown;
  text: string;
}

/** setOption('a.b', v) and setOption('a', {b: v}) as one nested object. */
export function nestOptions(options: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const merge = (target: Record<string, unknown>, key: string, value: unknown) => {
    const existing = target[key];
    if (isPlainObject(value) && isPlainObject(existing)) {
      for (const [k, v] of Object.entries(value)) merge(existing, k, v);
    } else if (isPlainObject(value)) {
      target[key] = {};
      for (const [k, v] of Object.entries(value))
        merge(target[key] as Record<string, unknown>, k, v);
    } else {
      target[key] = value;
    }
  };
  for (const [path, value] of Object.entries(options)) {
    const keys = path.split('.');
    let target = out;
    for (const key of keys.slice(0, -1)) {
      if (!isPlainObject(target[key])) target[key] = {};
      target = target[key] as Record<string, unknown>;
    }
    merge(target, keys[keys.length - 1], value);
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function get(options: Record<string, unknown>, path: string): unknown {
  let value: unknown = options;
  for (const key of path.split('.')) {
    if (!isPlainObject(value)) return undefined;
    value = value[key];
  }
  return value;
}

/** The chart's data as one grid of cells. */
function combine(spec: ChartSpec, tables: readonly RangeTable[]): Cell[][] {
  const grids = tables.map((table) =>
    table.values.map((line, r) =>
      line.map((value, c) => ({ value, text: table.display[r]?.[c] ?? String(value) })),
    ),
  );
  let grid: Cell[][];
  if (spec.mergeStrategy === 'MERGE_ROWS') {
    grid = grids.flat();
  } else {
    const height = Math.max(0, ...grids.map((g) => g.length));
    grid = Array.from({ length: height }, (_, r) =>
      grids.flatMap((g) => {
        const width = g[0]?.length ?? 0;
        return g[r] ?? Array.from({ length: width }, () => ({ value: '', text: '' }));
      }),
    );
  }
  if (spec.transposeRowsAndColumns && grid.length > 0) {
    grid = grid[0].map((_, c) => grid.map((line) => line[c]));
  }
  // Blank rows (an open-ended range's tail) are not data.
  return grid.filter((line) => line.some((cell) => cell.value !== '' && cell.value !== null));
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function headerRows(spec: ChartSpec, grid: Cell[][]): number {
  if (spec.numHeaders >= 0) return Math.min(spec.numHeaders, grid.length);
  // Sheets' guess: a first row of text above a row holding numbers is a header.
  if (grid.length < 2) return 0;
  const firstHasNumber = grid[0].slice(1).some((cell) => isNumber(cell.value));
  const secondHasNumber = grid[1].slice(1).some((cell) => isNumber(cell.value));
  return !firstHasNumber && secondHasNumber ? 1 : 0;
}

const TYPES: Record<string, string> = {
  COLUMN: 'bar',
  BAR: 'bar',
  HISTOGRAM: 'bar',
  LINE: 'line',
  AREA: 'line',
  STEPPED_AREA: 'line',
  SPARKLINE: 'line',
  PIE: 'pie',
  SCATTER: 'scatter',
  COMBO: 'bar',
  TIMELINE: 'line',
};

/**
 * `locale` (the spreadsheet's, e.g. fr_FR) formats the axes' numbers as the cells do.
 */
export function chartView(
  spec: ChartSpec,
  tables: readonly RangeTable[],
  locale = 'en_US',
): ChartView {
  const options = nestOptions(spec.options);
  const width = Number(get(options, 'width')) || DEFAULT_CHART_SIZE.width;
  const height = Number(get(options, 'height')) || DEFAULT_CHART_SIZE.height;
  const grid = combine(spec, tables);
  const headers = headerRows(spec, grid);
  const body = grid.slice(headers);
  const type = spec.type ?? 'COLUMN';
  const title = get(options, 'title');
  // A TABLE chart, or one with nothing to plot: the page shows its cells as a table.
  const asTable = (): ChartView => ({
    spec,
    config: null,
    rows: grid.map((line) => line.map((cell) => cell.text)),
    width,
    height,
  });
  if (type === 'TABLE' || grid.length === 0 || grid[0].length < 2) return asTable();
  const labels = body.map((line) => line[0].text);
  const colors = Array.isArray(get(options, 'colors'))
    ? (get(options, 'colors') as string[])
    : PALETTE;
  const seriesCount = grid[0].length - 1;
  const chartType = TYPES[type] ?? 'bar';
  const seriesOptions = (index: number) =>
    (get(options, `series.${index}`) ?? {}) as Record<string, unknown>;
  const defaultSeriesType = get(options, 'seriesType');

  const datasets: Record<string, unknown>[] = [];
  for (let s = 0; s < seriesCount; s++) {
    const column = s + 1;
    const name =
      headers > 0
        ? grid
            .slice(0, headers)
            .map((line) => line[column].text)
            .join(' ')
        : `${s + 1}`;
    const data = body.map((line) => {
      const value = line[column]?.value;
      if (isNumber(value)) return value;
      if (isDate(value)) return value.getTime();
      return null;
    });
    if (data.every((v) => v === null)) continue;
    const own = seriesOptions(s);
    const color = typeof own.color === 'string' ? own.color : colors[s % colors.length];
    const dataset: Record<string, unknown> = {
      label: name,
      data:
        chartType === 'scatter' ? body.map((line, i) => ({ x: line[0].value, y: data[i] })) : data,
      backgroundColor: color,
      borderColor: color,
    };
    const seriesType = own.type ?? (type === 'COMBO' ? defaultSeriesType : undefined);
    if (seriesType === 'line') Object.assign(dataset, { type: 'line', backgroundColor: color });
    if (type === 'AREA') Object.assign(dataset, { fill: true, backgroundColor: `${color}66` });
    if (type === 'STEPPED_AREA') Object.assign(dataset, { stepped: true, fill: true });
    if (own.targetAxisIndex === 1) dataset.yAxisID = 'y1';
    datasets.push(dataset);
  }
  if (chartType === 'pie' && datasets.length > 0) {
    datasets.splice(1);
    datasets[0].backgroundColor = labels.map((_, i) => colors[i % colors.length]);
    datasets[0].borderColor = '#ffffff';
  }
  if (datasets.length === 0) return asTable();

  const legendPosition = get(options, 'legend.position') ?? get(options, 'legend');
  const stacked = get(options, 'isStacked') === true || get(options, 'isStacked') === 'true';
  const axisTitle = (path: string) => {
    const text = get(options, path);
    return typeof text === 'string' && text !== '' ? { display: true, text } : { display: false };
  };
  const horizontal = type === 'BAR';
  const config: ChartJsConfig = {
    type: chartType,
    data: { labels, datasets },
    options: {
      locale: locale.replace('_', '-'),
      animation: false,
      responsive: false,
      maintainAspectRatio: false,
      plugins: {
        title:
          typeof title === 'string' && title !== ''
            ? { display: true, text: title, font: { size: 14 } }
            : { display: false },
        legend:
          legendPosition === 'none'
            ? { display: false }
            : {
                display: true,
                position:
                  typeof legendPosition === 'string'
                    ? legendPosition
                    : chartType === 'pie'
                      ? 'right'
                      : 'bottom',
              },
      },
    },
  };
  if (chartType === 'pie') {
    const hole = Number(get(options, 'pieHole'));
    if (hole > 0) (config.options as Record<string, unknown>).cutout = `${Math.round(hole * 100)}%`;
  } else {
    const valueAxis = {
      stacked,
      beginAtZero: true,
      title: axisTitle(horizontal ? 'hAxis.title' : 'vAxis.title'),
      min: get(options, 'vAxis.viewWindow.min') as number | undefined,
      max: get(options, 'vAxis.viewWindow.max') as number | undefined,
    };
    const domainAxis = {
      stacked,
      title: axisTitle(horizontal ? 'vAxis.title' : 'hAxis.title'),
      ...(chartType === 'scatter' ? { type: 'linear' } : {}),
    };
    const scales: Record<string, unknown> = horizontal
      ? { x: valueAxis, y: domainAxis }
      : { x: domainAxis, y: valueAxis };
    if (datasets.some((d) => d.yAxisID === 'y1')) {
      scales.y1 = {
        position: 'right',
        beginAtZero: true,
        grid: { drawOnChartArea: false },
        title: axisTitle('vAxes.1.title'),
      };
    }
    Object.assign(config.options, { scales, ...(horizontal ? { indexAxis: 'y' } : {}) });
  }
  const background = get(options, 'backgroundColor');
  return {
    spec,
    config,
    width,
    height,
    ...(typeof background === 'string' ? { background } : {}),
  };
}
