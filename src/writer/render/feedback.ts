import type { FeedbackSection } from '../../report/model';
import { COUNT_FORMAT, SCORE_FORMAT } from '../formats';
import { bold, COLORS, day, Grid, header, num, text } from '../grid';
import type { ChartPlan, RenderContext, TabPlan } from '../plan';
import { block, currentPeriod, heading, periodCell } from '../plan';

/**
 * KPI Feedback: the reps' mean score per period (the numbers read in the light of what
 * the reps live with customers), the team's, and the latest comments. Chart: one line
 * per rep over the periods.
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
  for (const row of section.rows) {
    grid.row(
      text(row.rep),
      ...row.scores.map((score) => num(score, SCORE_FORMAT)),
      num(row.current, SCORE_FORMAT),
      num(row.count, COUNT_FORMAT),
    );
  }
  const teamCount = section.rows.reduce((sum, row) => sum + row.count, 0);
  const teamCurrent = section.team.length > 0 ? section.team[section.team.length - 1] : null;
  grid.row(
    text(labels.team, 'bold'),
    ...section.team.map((score) => num(score, SCORE_FORMAT, null, 'bold')),
    num(teamCurrent, SCORE_FORMAT, null, 'bold'),
    num(teamCount, COUNT_FORMAT, null, 'bold'),
  );

  const chartRows = section.rows.length + 2;

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
  const charts: ChartPlan[] = [];
  if (section.periods.length > 0 && section.rows.length > 0) {
    charts.push({
      kind: 'LINE',
      ranges: [block(top, 1, chartRows, section.periods.length + 1)],
      row: grid.nextRow + 1,
      column: 1,
      title: labels.chartFeedback,
      transpose: true,
    });
  }

  return {
    id: 'feedback',
    grid,
    charts,
    frozenRows: 0,
    widths: [
      { column: 1, count: 1, pixels: 180 },
      { column: 2, count: section.periods.length + 2, pixels: 90 },
    ],
  };
}
