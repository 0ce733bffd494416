import type { CampaignRow, CampaignSection } from '../../report/model';
import { COUNT_FORMAT, PERCENT_FORMAT } from '../formats';
import type { Cell, Weight } from '../grid';
import { bold, COLORS, day, EMPTY, Grid, header, num, text } from '../grid';
import type { ChartPlan, RenderContext, TabPlan } from '../plan';
import { block, CHART_COLORS, chartFrame, chartPlace, heading } from '../plan';
import { dayName } from '../periodNames';

/**
 * KPI Campaigns: cost, attributed won deals, revenue and ROI per campaign (ROI green when
 * the campaign paid for itself), the revenue no campaign explains, the attributed share
 * and the acquisition cost. Chart: revenue vs cost per campaign.
 */
export function renderCampaigns(ctx: RenderContext, section: CampaignSection): TabPlan {
  const { labels } = ctx;
  const grid = new Grid();
  heading(grid, ctx, labels.campaignsTitle, [
    { caption: labels.dealsCounted, period: section.range, withLabel: false },
  ]);
  grid.row(
    text(
      labels.attribution
        .replace('{start}', dayName(section.range.start, ctx.language))
        .replace('{end}', dayName(section.range.end, ctx.language)),
    ),
  );
  grid.blank();

  const top = grid.row(
    header(labels.campaign),
    header(labels.type),
    header(labels.cost),
    header(labels.start),
    header(labels.end),
    header(labels.wonDeals),
    header(labels.revenue),
    header(labels.roi),
  );
  const line = (row: CampaignRow, weight: Weight): Cell[] => [
    text(row.name, weight),
    text(row.type, weight),
    num(row.cost, ctx.money, null, weight),
    day(row.start, ctx.date, ctx.timeZone, weight),
    day(row.end, ctx.date, ctx.timeZone, weight),
    num(row.wonDeals, COUNT_FORMAT, null, weight),
    num(row.revenue, ctx.money, null, weight),
    num(row.roi, PERCENT_FORMAT, roiColor(row.roi), weight),
  ];
  for (const row of section.rows) grid.row(...line(row, 'normal'));
  grid.row(
    ...line({ ...section.total, name: labels.total, type: '', start: null, end: null }, 'bold'),
  );
  grid.row(
    text(labels.unattributed),
    EMPTY,
    EMPTY,
    EMPTY,
    EMPTY,
    num(section.unattributed.wonDeals, COUNT_FORMAT),
    num(section.unattributed.revenue, ctx.money),
  );

  grid.blank();
  grid.row(bold(labels.attributedShare), num(section.attributedShare, PERCENT_FORMAT));
  const current = ctx.report.periods.current;
  grid.row(bold(`${labels.costInPeriod} (${current.label})`), num(section.costInPeriod, ctx.money));
  if (section.newCustomers !== null) {
    grid.row(
      bold(`${labels.newCustomers} (${current.label})`),
      num(section.newCustomers, COUNT_FORMAT),
    );
  }
  grid.row(bold(`${labels.cac} (${current.label})`), num(section.cac, ctx.money));

  const widths = [
    { column: 1, count: 1, pixels: 260 },
    { column: 2, count: 7, pixels: 110 },
  ];
  const charts: ChartPlan[] = [];
  if (section.rows.length > 0) {
    const rows = section.rows.length + 1;
    charts.push({
      kind: 'COLUMN',
      ranges: [block(top, 1, rows, 1), block(top, 3, rows, 1), block(top, 7, rows, 1)],
      ...chartPlace(widths, { top, columns: 8 }, grid.nextRow + 1),
      title: labels.chartCampaigns,
      options: {
        ...chartFrame(),
        legend: { position: 'top' },
        // Cost in grey (what was spent), revenue in blue.
        colors: [CHART_COLORS.reference, CHART_COLORS.data],
        vAxis: { title: labels.revenue, format: ctx.chartMoney },
        hAxis: { title: labels.campaign },
      },
    });
  }

  return {
    id: 'campaigns',
    grid,
    charts,
    frozenRows: top,
    widths,
    wrap: [block(top, 1, 1, 8)],
  };
}

/** A campaign that returned more than it cost is green, one that did not is red. */
function roiColor(roi: number | null): string | null {
  if (roi === null || roi === 0) return null;
  return roi > 0 ? COLORS.better : COLORS.worse;
}
