import { changeFormat, PERCENT_FORMAT, unitFormat } from '../formats';
import { bold, COLORS, Grid, header, num, text } from '../grid';
import { monthOfDay, periodName } from '../periodNames';
import type { ChartPlan, RenderContext, TabPlan } from '../plan';
import {
  block,
  CHART_COLORS,
  chartFrame,
  chartPlace,
  currentPeriod,
  heading,
  periodCell,
  verdictColor,
} from '../plan';

/**
 * KPI Overview: the period, the period it is compared with, then one row per KPI with
 * its change and target coloured, and a plain definition; the KPIs this mapping cannot
 * show and how to unlock them; revenue over the trend periods, with its chart.
 */
export function renderOverview(ctx: RenderContext): TabPlan {
  const { report, labels } = ctx;
  const grid = new Grid();
  heading(grid, ctx, labels.overviewTitle, [
    currentPeriod(ctx),
    { caption: labels.previousPeriod, period: report.periods.previous },
  ]);
  if (report.periods.dealsUndated) grid.row(text(labels.noDates));
  const note = periodNote(ctx);
  if (note) grid.row(bold(note));
  grid.blank();

  const tableTop = grid.row(
    header(labels.kpi),
    header(labels.thisPeriod),
    header(labels.previous),
    header(labels.change),
    header(labels.target),
    header(labels.vsTarget),
    header(labels.definition),
  );
  for (const kpi of report.overview) {
    const format = unitFormat(kpi.unit, ctx.locale);
    // A rate's change is in percentage points; anything else's is relative.
    const change =
      kpi.unit === 'percent' ? (kpi.delta === null ? null : kpi.delta * 100) : kpi.change;
    grid.row(
      text(kpi.name),
      num(kpi.current, format, kpi.implausible ? COLORS.implausible : null),
      num(kpi.previous, format),
      num(change, changeFormat(kpi.unit), change === null ? null : verdictColor(kpi.verdict)),
      kpi.target === null ? text('') : num(kpi.target, format),
      kpi.target === null
        ? text('')
        : num(kpi.vsTarget, PERCENT_FORMAT, verdictColor(kpi.targetVerdict)),
      kpi.implausible
        ? text(labels.implausibleMark + kpi.definition, 'bold', COLORS.implausible)
        : text(kpi.definition),
    );
  }

  if (report.lockedKpis.length > 0) {
    grid.blank();
    grid.row(header(labels.lockedTitle), header(labels.howToUnlock));
    for (const locked of report.lockedKpis) grid.row(text(locked.name), text(locked.howToUnlock));
  }

  const widths = [
    { column: 1, count: 1, pixels: 300 },
    { column: 2, count: 5, pixels: 140 },
    { column: 7, count: 1, pixels: 520 },
  ];
  const charts: ChartPlan[] = [];
  if (report.trends.length > 0) {
    grid.blank();
    const top = grid.row(header(labels.period), header(labels.revenue));
    for (const trend of report.trends)
      grid.row(periodCell(ctx, trend.period), num(trend.revenue, ctx.money));
    const rows = report.trends.length + 1;
    charts.push({
      kind: 'COLUMN',
      ranges: [block(top, 1, rows, 1), block(top, 2, rows, 1)],
      // Beside the narrow revenue table.
      ...chartPlace(widths, { top, columns: 2 }, grid.nextRow + 1),
      title: labels.chartRevenueByMonth,
      options: {
        ...chartFrame(),
        legend: { position: 'none' },
        colors: [CHART_COLORS.data],
        vAxis: { title: labels.revenue, format: ctx.chartMoney },
        hAxis: { title: labels.period },
      },
    });
  }

  return {
    id: 'overview',
    grid,
    charts,
    frozenRows: tableTop,
    widths,
    // Headers, KPI names and definitions wrap rather than being cut.
    wrap: [
      block(tableTop, 1, 1, 7),
      block(tableTop + 1, 1, report.overview.length, 1),
      block(tableTop + 1, 7, report.overview.length, 1),
    ],
  };
}

/**
 * One line on how the period was chosen: the latest period with deals when the last
 * complete one had none; or, for a period without any deal, that it has none (and when
 * the latest deals are).
 */
export function periodNote(ctx: RenderContext): string | null {
  const { periods } = ctx.report;
  const { labels, language } = ctx;
  if (periods.dealsUndated) return null;
  const period = periodName(periods.current, language);
  if (periods.selection === 'latestWithDeals') {
    return labels.latestWithDeals.replace('{latest}', period).replace('{period}', period);
  }
  if (periods.currentDeals > 0) return null;
  const none = labels.noDealInPeriod.replace('{period}', period);
  if (periods.latestDeal === null) return none;
  return `${none} ${labels.latestDeals.replace('{latest}', monthOfDay(periods.latestDeal, language))}`;
}
