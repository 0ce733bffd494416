import type { ActivityRepRow, ActivitySection } from '../../report/model';
import { COUNT_FORMAT, RATIO_FORMAT } from '../formats';
import type { Cell, Weight } from '../grid';
import { Grid, header, num, text } from '../grid';
import type { ChartPlan, RenderContext, TabPlan } from '../plan';
import { block, CHART_COLORS, chartFrame, chartPlace, heading } from '../plan';

/**
 * KPI Activities: activity counts by type × rep, the total, and activities per won deal
 * (a count means little alone: per rep and per result it does). Chart: stacked columns
 * by rep.
 */
export function renderActivities(ctx: RenderContext, section: ActivitySection): TabPlan {
  const { labels } = ctx;
  const grid = new Grid();
  heading(grid, ctx, labels.activitiesTitle, [{ caption: labels.period, period: section.period }]);
  grid.blank();

  const types = section.types.map((t) => t.label);
  const top = grid.row(
    ...[labels.rep, ...types, labels.total, labels.wonDeals, labels.perWonDeal].map(header),
  );
  const line = (row: ActivityRepRow, weight: Weight): Cell[] => [
    text(row.rep, weight),
    ...row.counts.map((n) => num(n, COUNT_FORMAT, null, weight)),
    num(row.total, COUNT_FORMAT, null, weight),
    num(row.wonDeals, COUNT_FORMAT, null, weight),
    num(row.perWonDeal, RATIO_FORMAT, null, weight),
  ];
  for (const row of section.rows) grid.row(...line(row, 'normal'));
  grid.row(...line({ ...section.total, rep: labels.total }, 'bold'));

  const widths = [
    { column: 1, count: 1, pixels: 180 },
    { column: 2, count: types.length + 3, pixels: 100 },
  ];
  const columns = types.length + 4;
  const charts: ChartPlan[] = [];
  if (types.length > 0 && section.rows.length > 0) {
    charts.push({
      kind: 'COLUMN',
      ranges: [block(top, 1, section.rows.length + 1, types.length + 1)],
      ...chartPlace(widths, { top, columns }, grid.nextRow + 1),
      title: labels.chartActivities,
      options: {
        ...chartFrame(),
        isStacked: true,
        legend: { position: 'top' },
        colors: CHART_COLORS.stack.slice(0, types.length),
        vAxis: { title: labels.activities, format: '#,##0' },
        hAxis: { title: labels.rep },
      },
    });
  }

  return {
    id: 'activities',
    grid,
    charts,
    frozenRows: top,
    widths,
    wrap: [block(top, 1, 1, columns)],
  };
}
