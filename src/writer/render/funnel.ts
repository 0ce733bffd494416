import type { FunnelSection } from '../../report/model';
import { COUNT_FORMAT, PERCENT_FORMAT } from '../formats';
import { bold, Grid, header, num, text } from '../grid';
import type { ChartPlan, RenderContext, TabPlan } from '../plan';
import { block, heading } from '../plan';

/**
 * KPI Funnel: deals per stage in stage order, how many reached each stage and the
 * conversion from the stage before; then the lost deals by lost status. Chart: a bar
 * per stage, longest first, which reads as a funnel.
 */
export function renderFunnel(ctx: RenderContext, funnel: FunnelSection): TabPlan {
  const { labels } = ctx;
  const grid = new Grid();
  heading(grid, ctx, labels.funnelTitle, [{ caption: labels.period, period: funnel.period }]);
  grid.blank();

  const top = grid.row(
    header(labels.stage),
    header(labels.atStage),
    header(labels.reached),
    header(labels.conversion),
  );
  for (const stage of funnel.stages) {
    grid.row(
      text(stage.label),
      num(stage.atStage, COUNT_FORMAT),
      num(stage.reached, COUNT_FORMAT),
      num(stage.conversion, PERCENT_FORMAT),
    );
  }
  grid.blank();
  grid.row(bold(labels.dealsWithStatus), num(funnel.deals, COUNT_FORMAT));
  grid.row(bold(labels.overallConversion), num(funnel.overallConversion, PERCENT_FORMAT));

  if (funnel.lost.length > 0) {
    grid.blank();
    grid.row(header(labels.lostStatus), header(labels.deals));
    for (const lost of funnel.lost) grid.row(text(lost.label), num(lost.deals, COUNT_FORMAT));
  }

  const charts: ChartPlan[] = [];
  if (funnel.stages.length > 0) {
    const rows = funnel.stages.length + 1;
    charts.push({
      kind: 'BAR',
      ranges: [block(top, 1, rows, 1), block(top, 3, rows, 1)],
      row: top,
      column: 6,
      title: labels.chartFunnel,
      options: { 'legend.position': 'none' },
    });
  }

  return {
    id: 'funnel',
    grid,
    charts,
    frozenRows: 0,
    widths: [
      { column: 1, count: 1, pixels: 280 },
      { column: 2, count: 3, pixels: 150 },
    ],
  };
}
