import type { Language } from '../core/context';
import type { PeriodInfo, Report, Verdict } from '../report/model';
import { chartMoneyFormat, dateFormat, dateTimeFormat, moneyFormat, MONTH_FORMAT } from './formats';
import type { Block, Cell, Grid } from './grid';
import { bold, COLORS, day, instant, text } from './grid';
import type { TabLabels } from './labels';
import { tabLabels } from './labels';
import { periodName } from './periodNames';
import type { TabId } from './tabs';

/**
 * What the writer puts on one tab, computed before anything is written: the cells, the
 * charts (over blocks of those cells) and the layout.
 */

export type ChartKind = 'COLUMN' | 'BAR' | 'LINE';

/** What a manager's screen shows without scrolling sideways. */
export const SCREEN_WIDTH = 1400;
/** The row numbers' column at the left of the grid. */
export const ROW_HEADER_WIDTH = 46;
/** A column whose width the writer does not set. */
export const DEFAULT_COLUMN_WIDTH = 100;
/** Every chart's size (width and height options). */
export const CHART_WIDTH = 600;
export const CHART_HEIGHT = 371;

/** Series colours: data in blue, references (targets, costs) in grey, never an alarm colour. */
export const CHART_COLORS = {
  data: '#4285f4',
  second: '#34a853',
  reference: '#9aa0a6',
  team: '#202124',
  /** The reps' lines: soft and told apart, under the team's. */
  reps: ['#8ab4f8', '#81c995', '#fdd663', '#c58af9', '#78d9ec'],
  /** Stacked activity types. */
  stack: ['#4285f4', '#34a853', '#fbbc04', '#a142f4', '#24c1e0', '#9aa0a6', '#f439a0', '#7cb342'],
} as const;

export interface ChartPlan {
  readonly kind: ChartKind;
  /** The first range is the domain (labels), the others the series, header row included. */
  readonly ranges: readonly Block[];
  /** Anchor cell, 1-based. */
  readonly row: number;
  readonly column: number;
  readonly title: string;
  /** Series are the block's rows rather than its columns. */
  readonly transpose?: boolean;
  /** Further chart options (setOption). */
  readonly options?: Readonly<Record<string, unknown>>;
}

export interface ColumnWidth {
  /** 1-based first column. */
  readonly column: number;
  readonly count: number;
  readonly pixels: number;
}

export interface TabPlan {
  readonly id: TabId;
  readonly grid: Grid;
  readonly charts: readonly ChartPlan[];
  readonly frozenRows: number;
  readonly widths: readonly ColumnWidth[];
  /** Cells whose text wraps rather than being cut at the column's width (headers, names). */
  readonly wrap?: readonly Block[];
}

/** Left edge (pixels from the grid's left) of a 1-based column, with the tab's widths. */
export function columnLeft(widths: readonly ColumnWidth[], column: number): number {
  let x = ROW_HEADER_WIDTH;
  for (let c = 1; c < column; c++) x += widthOf(widths, c);
  return x;
}

export function widthOf(widths: readonly ColumnWidth[], column: number): number {
  const set = widths.find((w) => column >= w.column && column < w.column + w.count);
  return set ? set.pixels : DEFAULT_COLUMN_WIDTH;
}

/**
 * Where a chart is seen without scrolling sideways: beside its table (one column apart)
 * when the table is narrow enough, else below everything the tab holds.
 */
export function chartPlace(
  widths: readonly ColumnWidth[],
  table: { readonly top: number; readonly columns: number },
  below: number,
): { row: number; column: number } {
  const column = table.columns + 2;
  if (columnLeft(widths, column) + CHART_WIDTH <= SCREEN_WIDTH) return { row: table.top, column };
  return { row: below, column: 1 };
}

/** Size and axis options every chart carries. */
export function chartFrame(): Record<string, unknown> {
  return { width: CHART_WIDTH, height: CHART_HEIGHT };
}

/** Everything a tab renderer needs besides its section of the report. */
export interface RenderContext {
  readonly report: Report;
  readonly language: Language;
  readonly labels: TabLabels;
  readonly locale: string;
  readonly timeZone: string;
  readonly money: string;
  /** The money format of a chart axis. */
  readonly chartMoney: string;
  readonly date: string;
  readonly dateTime: string;
}

export function renderContext(report: Report): RenderContext {
  return {
    report,
    language: report.language,
    labels: tabLabels(report.language),
    locale: report.locale,
    timeZone: report.timeZone,
    money: moneyFormat(report.locale),
    chartMoney: chartMoneyFormat(report.locale),
    date: dateFormat(report.locale),
    dateTime: dateTimeFormat(report.locale),
  };
}

/** The background that says better / worse. */
export function verdictColor(verdict: Verdict | null): string | null {
  if (verdict === 'better') return COLORS.better;
  if (verdict === 'worse') return COLORS.worse;
  return null;
}

/** Green at or above `threshold`, red below; nothing without a value. */
export function thresholdColor(value: number | null, threshold: number): string | null {
  if (value === null) return null;
  return value >= threshold ? COLORS.better : COLORS.worse;
}

/** A period label: a real month date where the period is a month, its own text otherwise. */
export function periodCell(
  ctx: RenderContext,
  period: PeriodInfo,
  weight: 'bold' | 'normal' = 'normal',
): Cell {
  if (/^\d{4}-\d{2}$/.test(period.label)) {
    return day(period.start, MONTH_FORMAT, ctx.timeZone, weight);
  }
  return text(periodName(period, ctx.language), weight);
}

/** "Period | 2026-10 | from | 01/10/2026 | to | 31/10/2026" (without the label: no second cell). */
export function periodRow(
  grid: Grid,
  ctx: RenderContext,
  caption: string,
  period: PeriodInfo,
  withLabel = true,
): number {
  return grid.row(
    bold(caption),
    ...(withLabel ? [periodCell(ctx, period)] : []),
    text(ctx.labels.from),
    day(period.start, ctx.date, ctx.timeZone),
    text(ctx.labels.to),
    day(period.end, ctx.date, ctx.timeZone),
  );
}

/** A period line of a tab's heading. */
export interface HeadingPeriod {
  readonly caption: string;
  readonly period: PeriodInfo;
  readonly withLabel?: boolean;
}

/** Title, the periods covered and the generation time: the first rows of every tab. */
export function heading(
  grid: Grid,
  ctx: RenderContext,
  title: string,
  periods: readonly HeadingPeriod[] = [],
): void {
  grid.row(bold(title));
  for (const p of periods) periodRow(grid, ctx, p.caption, p.period, p.withLabel ?? true);
  grid.row(bold(ctx.labels.generatedAt), instant(ctx.report.generatedAt, ctx.dateTime));
}

/** The heading line of the report's current period. */
export function currentPeriod(ctx: RenderContext): HeadingPeriod {
  return { caption: ctx.labels.period, period: ctx.report.periods.current };
}

export function block(row: number, column: number, rows: number, columns: number): Block {
  return { row, column, rows, columns };
}
