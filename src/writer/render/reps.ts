import type { RepRow, RepSection } from '../../report/model';
import { COUNT_FORMAT, DAYS_FORMAT, PERCENT_FORMAT, SCORE_FORMAT } from '../formats';
import type { Cell, Weight } from '../grid';
import { COLORS, Grid, header, num, text } from '../grid';
import type { ChartPlan, RenderContext, TabPlan } from '../plan';
import {
  block,
  CHART_COLORS,
  chartFrame,
  chartPlace,
  currentPeriod,
  heading,
  thresholdColor,
} from '../plan';

/**
 * KPI by Rep: one row per rep (and the total), columns of the entities that are mapped
 * only; attainment green at 100% or more. Chart: revenue per rep, beside its target when
 * there is one.
 */
export function renderReps(ctx: RenderContext, section: RepSection): TabPlan {
  const { report, labels } = ctx;
  const unmapped = report.quality.unmappedEntities;
  const withActivities = !unmapped.includes('activities');
  const withTargets = !unmapped.includes('targets');
  const withFeedback = !unmapped.includes('feedback');

  const grid = new Grid();
  heading(grid, ctx, labels.repsTitle, [currentPeriod(ctx)]);
  grid.blank();

  const titles = [
    labels.rep,
    labels.deals,
    labels.won,
    labels.winRate,
    labels.revenue,
    labels.averageDealSize,
    labels.pipeline,
    labels.salesCycle,
  ];
  if (withActivities) titles.push(labels.activities);
  if (withTargets) titles.push(labels.target, labels.attainment);
  if (withFeedback) titles.push(labels.feedbackScore);
  const top = grid.row(...titles.map(header));

  const line = (rep: RepRow, weight: Weight): Cell[] => {
    const cells = [
      text(rep.rep, weight),
      num(rep.deals, COUNT_FORMAT, null, weight),
      num(rep.won, COUNT_FORMAT, null, weight),
      num(rep.winRate, PERCENT_FORMAT, null, weight),
      num(rep.revenue, ctx.money, null, weight),
      num(rep.averageDealSize, ctx.money, null, weight),
      num(rep.pipeline, ctx.money, null, weight),
      num(rep.salesCycleDays, DAYS_FORMAT, null, weight),
    ];
    if (withActivities) cells.push(num(rep.activities, COUNT_FORMAT, null, weight));
    if (withTargets) {
      cells.push(
        num(rep.target, ctx.money, null, weight),
        num(
          rep.attainment,
          PERCENT_FORMAT,
          rep.implausible ? COLORS.implausible : thresholdColor(rep.attainment, 1),
          weight,
        ),
      );
    }
    if (withFeedback) cells.push(num(rep.feedbackScore, SCORE_FORMAT, null, weight));
    return cells;
  };
  for (const rep of section.rows) grid.row(...line(rep, 'normal'));
  grid.row(...line({ ...section.total, rep: labels.total }, 'bold'));

  const widths = [
    { column: 1, count: 1, pixels: 180 },
    { column: 2, count: titles.length - 1, pixels: 110 },
  ];
  const charts: ChartPlan[] = [];
  const rows = section.rows.length + 1;
  if (section.rows.length > 0) {
    const ranges = [block(top, 1, rows, 1), block(top, 5, rows, 1)];
    const hasTargets = withTargets && section.rows.some((r) => r.target !== null);
    if (hasTargets) ranges.push(block(top, titles.indexOf(labels.target) + 1, rows, 1));
    charts.push({
      kind: 'COLUMN',
      ranges,
      // Below the table when it is wide.
      ...chartPlace(widths, { top, columns: titles.length }, grid.nextRow + 1),
      title: hasTargets ? labels.chartRevenueVsTarget : labels.chartRevenuePerRep,
      options: {
        ...chartFrame(),
        // Revenue in blue, the target in grey: a target is a reference, not an alarm.
        colors: hasTargets ? [CHART_COLORS.data, CHART_COLORS.reference] : [CHART_COLORS.data],
        legend: { position: hasTargets ? 'top' : 'none' },
        vAxis: { title: labels.revenue, format: ctx.chartMoney },
        hAxis: { title: labels.rep },
      },
    });
  }

  return {
    id: 'reps',
    grid,
    charts,
    frozenRows: top,
    widths,
    wrap: [block(top, 1, 1, titles.length)],
  };
}
