import { COUNT_FORMAT, PERCENT_FORMAT } from '../formats';
import type { Cell } from '../grid';
import { Grid, header, num, text } from '../grid';
import type { ChartPlan, RenderContext, TabPlan } from '../plan';
import {
  block,
  CHART_COLORS,
  chartFrame,
  chartPlace,
  currentPeriod,
  heading,
  periodCell,
} from '../plan';

/**
 * KPI Trends: one row per period, oldest first, so a quantity is read over time and not
 * alone. Chart: revenue (left axis) and won deals (right axis).
 */
export function renderTrends(ctx: RenderContext): TabPlan {
  const { report, labels } = ctx;
  const unmapped = report.quality.unmappedEntities;
  const withCustomers = report.trends.some((t) => t.newCustomers !== null);
  const withActivities = !unmapped.includes('activities');
  const withTargets = !unmapped.includes('targets');

  const grid = new Grid();
  heading(grid, ctx, labels.trendsTitle, [currentPeriod(ctx)]);
  if (report.periods.dealsUndated) grid.row(text(labels.noDates));
  grid.blank();

  const titles = [
    labels.period,
    labels.revenue,
    labels.wonDeals,
    labels.winRate,
    labels.averageDealSize,
  ];
  if (withCustomers) titles.push(labels.newCustomers);
  if (withActivities) titles.push(labels.activities);
  if (withTargets) titles.push(labels.target);
  const top = grid.row(...titles.map(header));
  for (const trend of report.trends) {
    const cells: Cell[] = [
      periodCell(ctx, trend.period),
      num(trend.revenue, ctx.money),
      num(trend.wonDeals, COUNT_FORMAT),
      num(trend.winRate, PERCENT_FORMAT),
      num(trend.averageDealSize, ctx.money),
    ];
    if (withCustomers) cells.push(num(trend.newCustomers, COUNT_FORMAT));
    if (withActivities) cells.push(num(trend.activities, COUNT_FORMAT));
    if (withTargets) cells.push(num(trend.target, ctx.money));
    grid.row(...cells);
  }

  const widths = [
    { column: 1, count: 1, pixels: 140 },
    { column: 2, count: titles.length - 1, pixels: 120 },
  ];
  const charts: ChartPlan[] = [];
  if (report.trends.length > 0) {
    const rows = report.trends.length + 1;
    charts.push({
      kind: 'LINE',
      ranges: [block(top, 1, rows, 1), block(top, 2, rows, 1), block(top, 3, rows, 1)],
      ...chartPlace(widths, { top, columns: titles.length }, grid.nextRow + 1),
      title: labels.chartTrends,
      options: {
        ...chartFrame(),
        legend: { position: 'top' },
        // Revenue on the left axis (money), won deals on the right (a count).
        series: {
          0: { targetAxisIndex: 0, color: CHART_COLORS.data, lineWidth: 3 },
          1: { targetAxisIndex: 1, color: CHART_COLORS.second, lineWidth: 2 },
        },
        vAxes: {
          0: { title: labels.revenue, format: ctx.chartMoney },
          1: { title: labels.wonDeals, format: '#,##0' },
        },
        hAxis: { title: labels.period },
      },
    });
  }

  return {
    id: 'trends',
    grid,
    charts,
    frozenRows: top,
    widths,
    wrap: [block(top, 1, 1, titles.length)],
  };
}
