import type { FunnelSection } from '../../report/model';
import { COUNT_FORMAT, PERCENT_FORMAT } from '../formats';
import type { Cell } from '../grid';
import { bold, Grid, header, num, text } from '../grid';
import type { ChartPlan, RenderContext, TabPlan } from '../plan';
import { block, CHART_COLORS, chartFrame, chartPlace, heading } from '../plan';

/**
 * KPI Funnel: deals per stage in stage order, how many reached each stage and the
 * conversion from the stage before (and, when the data records it, how many lost deals
 * dropped at each stage); then the lost deals by lost status, apart. Chart: a bar per
 * stage, longest first, which reads as a funnel.
 */
export function renderFunnel(ctx: RenderContext, funnel: FunnelSection): TabPlan {
  const { labels } = ctx;
  const grid = new Grid();
  heading(grid, ctx, labels.funnelTitle, [{ caption: labels.period, period: funnel.period }]);
  grid.row(text(sourceNote(ctx, funnel)));
  grid.blank();

  const withLostHere = funnel.stages.some((s) => s.lostHere !== null);
  const titles = [labels.stage, labels.atStage, labels.reached, labels.conversion];
  if (withLostHere) titles.push(labels.lostHere);
  const top = grid.row(...titles.map(header));
  for (const stage of funnel.stages) {
    const cells: Cell[] = [
      text(stage.label),
      num(stage.atStage, COUNT_FORMAT),
      num(stage.reached, COUNT_FORMAT),
      num(stage.conversion, PERCENT_FORMAT),
    ];
    if (withLostHere) cells.push(num(stage.lostHere, COUNT_FORMAT));
    grid.row(...cells);
  }
  grid.blank();
  grid.row(bold(labels.dealsWithStatus), num(funnel.deals, COUNT_FORMAT));
  grid.row(bold(labels.overallConversion), num(funnel.overallConversion, PERCENT_FORMAT));

  if (funnel.lost.length > 0) {
    grid.blank();
    grid.row(header(labels.lostStatus), header(labels.deals));
    for (const lost of funnel.lost) grid.row(text(lost.label), num(lost.deals, COUNT_FORMAT));
    if (withLostHere && funnel.lostUnknown > 0) {
      grid.row(text(labels.lostUnknown), num(funnel.lostUnknown, COUNT_FORMAT));
    }
  }

  const widths = [
    { column: 1, count: 1, pixels: 200 },
    { column: 2, count: titles.length - 1, pixels: 110 },
  ];
  const charts: ChartPlan[] = [];
  if (funnel.stages.length > 0) {
    const rows = funnel.stages.length + 1;
    charts.push({
      kind: 'BAR',
      ranges: [block(top, 1, rows, 1), block(top, 3, rows, 1)],
      ...chartPlace(widths, { top, columns: titles.length }, grid.nextRow + 1),
      title: labels.chartFunnel,
      options: {
        ...chartFrame(),
        legend: { position: 'none' },
        colors: [CHART_COLORS.data],
        hAxis: { title: labels.reached, format: '#,##0' },
        vAxis: { title: labels.stage },
      },
    });
  }

  return {
    id: 'funnel',
    grid,
    charts,
    frozenRows: 0,
    widths,
    wrap: [block(top, 1, 1, titles.length)],
  };
}

function sourceNote(ctx: RenderContext, funnel: FunnelSection): string {
  const { labels } = ctx;
  switch (funnel.stageSource) {
    case 'status':
      return labels.funnelFromStatus;
    case 'stageDates':
      return labels.funnelFromDates.replace('{n}', String(funnel.stageColumns.length));
    case 'lostStage':
      return labels.funnelFromLostStage.replace('{column}', funnel.stageColumns[0] ?? '');
  }
}
