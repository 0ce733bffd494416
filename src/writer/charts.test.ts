import { buildReport } from '../report/build';
import type { Report } from '../report/model';
import { loadSample } from '../report/testing/samples';
import {
  SMALL_CONTEXT,
  SMALL_TODAY,
  smallMapping,
  smallTables,
} from '../report/testing/smallWorkbook';
import { chartMoneyFormat } from './formats';
import type { ChartPlan, TabPlan } from './plan';
import { CHART_COLORS, CHART_WIDTH, columnLeft, SCREEN_WIDTH } from './plan';
import { planTabs } from './render';
import { CHART_REPS } from './render/feedback';

/** The chart specs every tab plans: placement, axis formats, titles and colours. */

const TODAY = Date.UTC(2026, 10, 15, 12);
const SAMPLES = [
  ['fr', { locale: 'fr_FR', timeZone: 'Europe/Paris' }],
  ['en', { locale: 'en_US', timeZone: 'America/New_York' }],
] as const;

function sampleReport(folder: 'fr' | 'en'): Report {
  const context = SAMPLES.find(([f]) => f === folder)![1];
  const { tables, mapping } = loadSample(folder, context);
  return buildReport({ tables, mapping, context, today: TODAY });
}

function tab(plans: TabPlan[], id: string): TabPlan {
  const plan = plans.find((p) => p.id === id);
  if (!plan) throw new Error(`no tab ${id}`);
  return plan;
}

/** A text cell's value as it shows (without the apostrophe that keeps it text). */
function shownText(value: unknown): string {
  return String(value).replace(/^'/, '');
}

function option(chart: ChartPlan, path: string): unknown {
  let value: unknown = chart.options;
  for (const key of path.split('.')) value = (value as Record<string, unknown>)?.[key];
  return value;
}

/** True when no cell with content lies under the chart (its rows × its columns). */
function clearOfCells(plan: TabPlan, chart: ChartPlan): boolean {
  const values = plan.grid.values();
  const lastRow = Math.min(values.length, chart.row + 18);
  for (let r = chart.row; r <= lastRow; r++) {
    const line = values[r - 1] ?? [];
    for (let c = chart.column; c <= line.length; c++) if (line[c - 1] !== '') return false;
  }
  return true;
}

describe.each(SAMPLES)('the %s sample’s charts', (folder, context) => {
  const report = sampleReport(folder);
  const plans = planTabs(report);
  const charts = plans.flatMap((plan) => plan.charts.map((chart) => ({ plan, chart })));

  it('are all seen at 1,400 px without scrolling sideways, over no cell', () => {
    expect(charts).toHaveLength(7);
    for (const { plan, chart } of charts) {
      const right = columnLeft(plan.widths, chart.column) + CHART_WIDTH;
      expect([plan.id, right <= SCREEN_WIDTH]).toEqual([plan.id, true]);
      expect([plan.id, clearOfCells(plan, chart)]).toEqual([plan.id, true]);
      expect(chart.options?.width).toBe(CHART_WIDTH);
    }
  });

  it('sit beside a narrow table and below a wide one', () => {
    // The funnel's table is four or five columns: beside it, on its header row.
    const funnel = tab(plans, 'funnel');
    expect(funnel.charts[0].column).toBeGreaterThan(4);
    const header = funnel.grid
      .values()
      .findIndex((r) => shownText(r[0]) === (folder === 'fr' ? 'Étape' : 'Stage'));
    expect(funnel.charts[0].row).toBe(header + 1);
    // The reps' table is twelve columns: below it, from column A.
    const reps = tab(plans, 'reps');
    expect(reps.charts[0].column).toBe(1);
    expect(reps.charts[0].row).toBeGreaterThan(reps.grid.height);
    const activities = tab(plans, 'activities');
    expect(activities.charts[0].row).toBeGreaterThan(activities.grid.height);
  });

  it('put money axes in the currency format, and title both axes of the trends chart', () => {
    const money = chartMoneyFormat(context.locale);
    expect(money).toBe(folder === 'fr' ? '#,##0 €' : '$#,##0');
    expect(option(tab(plans, 'overview').charts[0], 'vAxis.format')).toBe(money);
    expect(option(tab(plans, 'reps').charts[0], 'vAxis.format')).toBe(money);
    expect(option(tab(plans, 'campaigns').charts[0], 'vAxis.format')).toBe(money);
    const trends = tab(plans, 'trends').charts[0];
    expect(option(trends, 'vAxes.0.format')).toBe(money);
    expect(option(trends, 'vAxes.1.format')).toBe('#,##0');
    expect(option(trends, 'vAxes.0.title')).toBe(
      folder === 'fr' ? 'Chiffre d’affaires' : 'Revenue',
    );
    expect(option(trends, 'vAxes.1.title')).toBe(
      folder === 'fr' ? 'Affaires gagnées' : 'Won deals',
    );
    expect(option(trends, 'series.1.targetAxisIndex')).toBe(1);
  });

  it('draw targets in grey, never in an alarm colour', () => {
    const reps = tab(plans, 'reps').charts[0];
    expect(reps.title).toBe(
      folder === 'fr'
        ? 'Chiffre d’affaires et objectif par commercial'
        : 'Revenue and target per rep',
    );
    expect(reps.ranges).toHaveLength(3);
    expect(option(reps, 'colors')).toEqual([CHART_COLORS.data, CHART_COLORS.reference]);
  });

  it('set the team line apart from the reps’ and draw at most five reps', () => {
    const feedback = tab(plans, 'feedback');
    const chart = feedback.charts[0];
    const colors = option(chart, 'colors') as string[];
    expect(colors[0]).toBe(CHART_COLORS.team);
    expect(option(chart, 'series.0.lineWidth')).toBe(4);
    expect(option(chart, 'lineWidth')).toBe(2);
    const reps = colors.length - 1;
    expect(reps).toBeLessThanOrEqual(CHART_REPS);
    expect(colors.slice(1)).not.toContain(CHART_COLORS.team);
    // Header, team and the reps drawn: the chart's range.
    expect(chart.ranges[0].rows).toBe(reps + 2);
    const values = feedback.grid.values();
    expect(shownText(values[chart.ranges[0].row][0])).toBe(folder === 'fr' ? 'Équipe' : 'Team');
  });
});

describe('chart titles say what is drawn', () => {
  it('"Revenue per rep" without targets, and no target series', () => {
    const mapping = smallMapping();
    delete mapping.entities.targets;
    const report = buildReport({
      tables: smallTables(),
      mapping,
      context: SMALL_CONTEXT,
      today: SMALL_TODAY,
    });
    const [chart] = tab(planTabs(report), 'reps').charts;
    expect(chart.title).toBe('Revenue per rep');
    expect(chart.ranges).toHaveLength(2);
    expect(option(chart, 'legend.position')).toBe('none');
  });

  it('seven reps: the feedback chart draws the team and the five with the most scores', () => {
    const tables = smallTables();
    const reps = ['Ann', 'Ben', 'Cid', 'Dee', 'Eve', 'Fay', 'Gus'];
    reps.forEach((rep, k) => {
      // Ann scores in one month, Ben in two, the others in three.
      for (let n = 0; n <= k; n++) tables.feedback.push([`2025-0${3 - (n % 3)}-1${n}`, rep, 3, '']);
    });
    const report = buildReport({
      tables,
      mapping: smallMapping(),
      context: SMALL_CONTEXT,
      today: SMALL_TODAY,
    });
    const feedback = tab(planTabs(report), 'feedback');
    const [chart] = feedback.charts;
    expect(chart.ranges[0].rows).toBe(CHART_REPS + 2);
    expect(chart.title).toBe(
      'Feedback score over time: the team and the 5 reps with the most scores',
    );
    const values = feedback.grid.values();
    const first = chart.ranges[0].row;
    const drawn = values.slice(first, first + CHART_REPS + 1).map((r) => shownText(r[0]));
    expect(drawn[0]).toBe('Team');
    // Ann and Ben scored in the fewest months: left out.
    expect(drawn).not.toContain('Ann');
    expect(drawn).not.toContain('Ben');
  });
});
