import type { Language } from '../core/context';
import type { PeriodInfo, Report, Verdict } from '../report/model';
import { dateFormat, dateTimeFormat, moneyFormat, MONTH_FORMAT } from './formats';
import type { Block, Cell, Grid } from './grid';
import { bold, COLORS, day, instant, text } from './grid';
import type { TabLabels } from './labels';
import { tabLabels } from './labels';
import type { TabId } from './tabs';

/**
 * What the writer puts on one tab, computed before anything is written: the cells, the
 * charts (over blocks of those cells) and the layout.
 */

export type ChartKind = 'COLUMN' | 'BAR' | 'LINE';

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
}

/** Everything a tab renderer needs besides its section of the report. */
export interface RenderContext {
  readonly report: Report;
  readonly language: Language;
  readonly labels: TabLabels;
  readonly locale: string;
  readonly timeZone: string;
  readonly money: string;
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
  return text(period.label, weight);
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
    ...(withLabel ? [text(period.label)] : []),
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
