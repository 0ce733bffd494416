import type { FeedbackRepRow, FeedbackSection } from '../../report/model';
import { COUNT_FORMAT, SCORE_FORMAT } from '../formats';
import { bold, COLORS, day, Grid, header, num, text } from '../grid';
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
 * KPI Feedback: the reps' mean score per period (the numbers read in the light of what
 * the reps live with customers), the team's, and the latest comments. Chart: the team's
 * line, thick and dark, and the reps' with the most scores, thin and soft.
 */
export function renderFeedback(ctx: RenderContext, section: FeedbackSection): TabPlan {
  const { labels } = ctx;
  const grid = new Grid();
  heading(grid, ctx, labels.feedbackTitle, [currentPeriod(ctx)]);
  grid.row(bold(labels.scale), text(section.scale === '0-10' ? '0–10' : '1–5'));
  grid.blank();

  const top = grid.row(
    header(labels.rep),
    ...section.periods.map((period) => ({
      ...periodCell(ctx, period, 'bold'),
      background: COLORS.header,
    })),
    header(labels.currentMean),
    header(labels.scores),
  );
  // The team first, then the reps with the most scores: the chart draws the team and
  // the first CHART_REPS of them, so seven reps or more stay legible.
  const teamCount = section.rows.reduce((sum, row) => sum + row.count, 0);
  const teamCurrent = section.team.length > 0 ? section.team[section.team.length - 1] : null;
  grid.row(
    text(labels.team, 'bold'),
    ...section.team.map((score) => num(score, SCORE_FORMAT, null, 'bold')),
    num(teamCurrent, SCORE_FORMAT, null, 'bold'),
    num(teamCount, COUNT_FORMAT, null, 'bold'),
  );
  const scored = (row: FeedbackRepRow) => row.scores.filter((x) => x !== null).length;
  const reps = section.rows
    .map((row, k) => ({ row, k }))
    .sort(
      (a, b) =>
        Number(a.row.isNone) - Number(b.row.isNone) ||
        scored(b.row) - scored(a.row) ||
        b.row.count - a.row.count ||
        a.k - b.k,
    )
    .map((x) => x.row);
  for (const row of reps) {
    grid.row(
      text(row.rep),
      ...row.scores.map((score) => num(score, SCORE_FORMAT)),
      num(row.current, SCORE_FORMAT),
      num(row.count, COUNT_FORMAT),
    );
  }
  const drawn = Math.min(reps.filter((r) => !r.isNone).length, CHART_REPS);
  const chartRows = drawn + 2;

  grid.blank();
  grid.row(header(labels.commentsTitle));
  grid.row(header(labels.date), header(labels.rep), header(labels.score), header(labels.comment));
  for (const comment of section.comments) {
    grid.row(
      day(comment.date, ctx.date, ctx.timeZone),
      text(comment.rep),
      num(comment.score, SCORE_FORMAT),
      text(comment.comment),
    );
  }

  // Below the comments: the score table is wide, and the comments are read first.
  const widths = [
    { column: 1, count: 1, pixels: 180 },
    { column: 2, count: section.periods.length + 2, pixels: 90 },
  ];
  const charts: ChartPlan[] = [];
  if (section.periods.length > 0 && section.rows.length > 0) {
    // The team's line (the first series) dark and thick; the reps' soft and thin.
    const colors = [CHART_COLORS.team, ...CHART_COLORS.reps.slice(0, drawn)];
    const [min, max] = section.scale === '0-10' ? [0, 10] : [1, 5];
    charts.push({
      kind: 'LINE',
      ranges: [block(top, 1, chartRows, section.periods.length + 1)],
      ...chartPlace(widths, { top, columns: section.periods.length + 3 }, grid.nextRow + 1),
      title:
        reps.filter((r) => !r.isNone).length > drawn
          ? labels.chartFeedbackTop.replace('{n}', String(drawn))
          : labels.chartFeedback,
      transpose: true,
      options: {
        ...chartFrame(),
        legend: { position: 'right' },
        colors,
        lineWidth: 2,
        series: { 0: { lineWidth: 4 } },
        vAxis: { title: labels.score, viewWindow: { min, max } },
        hAxis: { title: labels.period },
      },
    });
  }

  return {
    id: 'feedback',
    grid,
    charts,
    frozenRows: 0,
    widths,
    wrap: [block(top, 1, 1, section.periods.length + 3)],
  };
}

/** Reps drawn beside the team on the feedback chart. */
export const CHART_REPS = 5;
