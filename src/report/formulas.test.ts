import type { SheetContext } from '../core/context';
import { dateOrderOf } from '../core/context';
import { addCalendarDay, NOT_A_DATE, parseDate } from '../core/dates';
import { normalizeLabel } from '../core/labels';
import { StatusClass, StatusClassifier } from '../core/status';
import { isBlank } from '../core/values';
import { runFormula } from '../functions/adapter';
import type { FormulaResult } from '../functions/define';
import { FUNCTIONS } from '../functions/registry';
import type { Mapping } from '../mapping/schema';
import { buildReport } from './build';
import type { PeriodInfo, Report } from './model';
import { loadSample } from './testing/samples';
import { SMALL_CONTEXT, SMALL_TODAY, smallMapping, smallTables } from './testing/smallWorkbook';

/**
 * A figure on a summary tab equals the custom function computing it on the same rows:
 * each overview figure is recomputed here by calling the formulas (through runFormula,
 * as a cell does) on the deals of the period, filtered the way a user would with FILTER.
 */

type Tables = Record<string, unknown[][]>;

function call(context: SheetContext, name: string, ...args: unknown[]): number | null {
  const definition = FUNCTIONS.find((f) => f.name === name)!;
  const result = runFormula(definition, args, {}, context);
  return result === '' ? null : (result as number);
}

function callTable(
  context: SheetContext,
  name: string,
  args: unknown[],
  mapping?: Mapping,
): FormulaResult {
  const definition = FUNCTIONS.find((f) => f.name === name)!;
  return runFormula(definition, args, { savedMapping: () => mapping }, context);
}

const col = (values: readonly unknown[]) => values.map((v) => [v]);

interface DealRows {
  header: unknown[];
  rows: unknown[][];
  get: (row: unknown[], field: string) => unknown;
  date: (row: unknown[]) => number | null;
}

/** The mapped deals rows, blank rows dropped and unreadable cells blanked (as the report reads them). */
function dealRows(
  tables: Tables,
  mapping: Mapping,
  report: Report,
  context: SheetContext,
): DealRows {
  const values = tables.deals.map((r) => [...r]);
  const fields = mapping.entities.deals.fields;
  const index = (field: string) => fields[field]?.index ?? -1;
  for (const p of report.quality.tables[0].problems) {
    if (p.reason === 'notANumber' || p.reason === 'notADate')
      values[p.sheetRow - 1][index(p.field)] = '';
  }
  const header = values[mapping.entities.deals.headerRow - 1];
  const mappedCols = Object.values(fields).map((f) => f.index);
  const rows = values
    .slice(mapping.entities.deals.headerRow)
    .filter((r) => mappedCols.some((c) => !isBlank(r[c])));
  const get = (row: unknown[], field: string) => (index(field) < 0 ? '' : row[index(field)]);
  const dateOrder = dateOrderOf(context.locale);
  const date = (row: unknown[]) => {
    const raw = isBlank(get(row, 'closed')) ? get(row, 'created') : get(row, 'closed');
    const ms = parseDate(raw, dateOrder, context.timeZone);
    return ms === null || ms === NOT_A_DATE ? null : ms;
  };
  return { header, rows, get, date };
}

/** The day after `end`, a year before: the first day of the 12 months ending with `end`. */
function yearBeforeDayAfter(end: string): string {
  const [y, m, d] = end.split('-').map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return new Date(Date.UTC(next.getUTCFullYear() - 1, next.getUTCMonth(), next.getUTCDate()))
    .toISOString()
    .slice(0, 10);
}

function span(period: PeriodInfo, context: SheetContext): { from: number; until: number } {
  const from = parseDate(period.start, false, context.timeZone) as number;
  const end = parseDate(period.end, false, context.timeZone) as number;
  return { from, until: addCalendarDay(end, context.timeZone) };
}

function expectClose(
  actual: number | null | undefined,
  expected: number | null,
  label: string,
): void {
  if (expected === null || actual === null || actual === undefined) {
    expect([label, actual ?? null]).toEqual([label, expected]);
  } else {
    expect([label, Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected))]).toEqual([
      label,
      true,
    ]);
  }
}

function checkAgainstFormulas(
  tables: Tables,
  mapping: Mapping,
  context: SheetContext,
  report: Report,
) {
  const d = dealRows(tables, mapping, report, context);
  const wonArg = mapping.status.won.length > 0 ? [mapping.status.won] : undefined;
  const lostArg = mapping.status.lost.length > 0 ? [mapping.status.lost] : undefined;
  const classifier = new StatusClassifier(
    wonArg && new Set(mapping.status.won.map(normalizeLabel)),
    lostArg && new Set(mapping.status.lost.map(normalizeLabel)),
  );
  const isWon = (r: unknown[]) => classifier.classify(d.get(r, 'status')) === StatusClass.Won;
  const pick = (rows: unknown[][], field: string) => col(rows.map((r) => d.get(r, field)));
  const fields = mapping.entities.deals.fields;
  const overview = (kpi: string) => report.overview.find((r) => r.kpi === kpi);
  const dated = d.rows.filter((r) => d.date(r) !== null);

  const revenues: number[] = [];
  (['current', 'previous'] as const).forEach((which, k) => {
    const { from, until } = span(report.periods[which], context);
    const rows = d.rows.filter((r) => {
      const ms = d.date(r);
      return ms !== null && ms >= from && ms < until;
    });
    const value = (kpi: string) => (k === 0 ? overview(kpi)?.current : overview(kpi)?.previous);
    const amounts = pick(rows, 'amount');
    const statuses = pick(rows, 'status');
    const revenue = call(context, 'REVENUE', amounts, statuses, wonArg)!;
    revenues.push(revenue);
    expectClose(value('revenue'), revenue, `${which} revenue`);
    expectClose(
      value('winRate'),
      call(context, 'WIN_RATE', statuses, wonArg, lostArg),
      `${which} win rate`,
    );
    expectClose(
      value('averageDealSize'),
      call(context, 'AVERAGE_DEAL_SIZE', amounts, statuses, wonArg),
      `${which} average deal size`,
    );
    // The open pipeline is now, on every row whatever its dates; never compared.
    const probabilities = fields.probability ? pick(d.rows, 'probability') : undefined;
    expectClose(
      value('pipeline'),
      k === 0
        ? call(
            context,
            'PIPELINE_VALUE',
            pick(d.rows, 'amount'),
            pick(d.rows, 'status'),
            probabilities,
            wonArg,
            lostArg,
          )
        : null,
      `${which} pipeline`,
    );
    expectClose(
      value('pipelineTotal'),
      k === 0
        ? call(
            context,
            'PIPELINE_VALUE',
            pick(d.rows, 'amount'),
            pick(d.rows, 'status'),
            undefined,
            wonArg,
            lostArg,
          )
        : null,
      `${which} unweighted pipeline`,
    );
    const created = pick(rows, 'created');
    const closed = pick(rows, 'closed');
    expectClose(
      value('salesCycle'),
      call(context, 'SALES_CYCLE_DAYS', created, closed, statuses, wonArg),
      `${which} sales cycle`,
    );
    expectClose(
      value('salesVelocity'),
      call(context, 'SALES_VELOCITY', amounts, statuses, created, closed, wonArg, lostArg),
      `${which} sales velocity`,
    );
    expectClose(
      value('revenuePerRep'),
      call(context, 'REVENUE_PER_REP', amounts, pick(rows, 'rep'), statuses, wonArg),
      `${which} revenue per rep`,
    );
    const won = rows.filter(isWon);
    const wonAmounts = pick(won, 'amount');
    const wonCosts = pick(won, 'cost');
    expectClose(value('margin'), call(context, 'MARGIN', wonAmounts, wonCosts), `${which} margin`);
    expectClose(
      value('marginRate'),
      call(context, 'MARGIN_RATE', wonAmounts, wonCosts),
      `${which} margin rate`,
    );
    expectClose(
      value('markupRate'),
      call(context, 'MARKUP_RATE', wonAmounts, wonCosts),
      `${which} markup rate`,
    );
    const sourced = rows.filter((r) => !isBlank(d.get(r, 'source')));
    const sourcedRevenue = call(
      context,
      'REVENUE',
      pick(sourced, 'amount'),
      pick(sourced, 'status'),
      wonArg,
    )!;
    expectClose(
      value('attributedShare'),
      revenue === 0 ? null : sourcedRevenue / revenue,
      `${which} attributed share`,
    );

    // Customer functions: every dated row, the period as start and end; retention and
    // churn over the 12 months ending with the period.
    const windowStart = yearBeforeDayAfter(report.periods[which].end);
    const retentionArgs = [
      pick(dated, 'customer'),
      col(dated.map((r) => new Date(d.date(r)!))),
      windowStart,
      report.periods[which].end,
      pick(dated, 'status'),
      wonArg,
    ];
    const customerArgs = [
      pick(dated, 'customer'),
      col(dated.map((r) => new Date(d.date(r)!))),
      report.periods[which].start,
      report.periods[which].end,
      pick(dated, 'status'),
      wonArg,
    ];
    expectClose(
      value('newCustomers'),
      call(context, 'NEW_CUSTOMERS', ...customerArgs),
      `${which} new customers`,
    );
    expectClose(
      value('activeCustomers'),
      call(context, 'ACTIVE_CUSTOMERS', ...customerArgs),
      `${which} active customers`,
    );
    expectClose(
      value('retentionRate'),
      call(context, 'RETENTION_RATE', ...retentionArgs),
      `${which} retention`,
    );
    expectClose(
      value('churnRate'),
      call(context, 'CHURN_RATE', ...retentionArgs),
      `${which} churn`,
    );
    const upTo = dated.filter((r) => d.date(r)! < until);
    expectClose(
      value('repeatCustomerRate'),
      call(context, 'REPEAT_CUSTOMER_RATE', pick(upTo, 'customer'), pick(upTo, 'status'), wonArg),
      `${which} repeat customers`,
    );
    const target = k === 0 ? overview('revenue')?.target : undefined;
    if (k === 0 && target !== null && target !== undefined) {
      expectClose(
        value('quotaAttainment'),
        call(context, 'QUOTA_ATTAINMENT', revenue, target),
        'attainment',
      );
    }

    if (k === 0 && report.reps) {
      // The rep section is KPI_TABLE on the period's rows (blank reps: "(none)").
      const table = callTable(context, 'KPI_TABLE', [[d.header, ...rows], 'rep'], mapping) as (
        string | number
      )[][];
      const withDeals = report.reps.rows.filter((r) => r.deals > 0);
      const byName = new Map(table.slice(1).map((line) => [String(line[0]), line]));
      // A rep's pipeline: KPI_TABLE on every row (the deals open now).
      const everyRow = callTable(context, 'KPI_TABLE', [[d.header, ...d.rows], 'rep'], mapping) as (
        string | number
      )[][];
      const pipelineOf = new Map(everyRow.slice(1).map((line) => [String(line[0]), line[8]]));
      for (const r of report.reps.rows)
        expect([r.rep, r.pipeline]).toEqual([r.rep, pipelineOf.get(r.rep) ?? 0]);
      expect(withDeals.length).toBe(table.length - 2);
      for (const r of withDeals) {
        const line = byName.get(r.rep)!;
        expect([r.rep, r.deals, r.won, r.lost, r.open, r.revenue]).toEqual([
          r.rep,
          ...line.slice(1, 5),
          line[6],
        ]);
        expectClose(r.winRate, line[5] === '' ? null : (line[5] as number), `${r.rep} win rate`);
        expectClose(r.averageDealSize, line[7] === '' ? null : (line[7] as number), `${r.rep} ADS`);
        expectClose(
          r.salesCycleDays,
          line[9] === '' ? null : (line[9] as number),
          `${r.rep} cycle`,
        );
      }
      const total = table.at(-1)!;
      expect([report.reps.total.deals, report.reps.total.revenue]).toEqual([total[1], total[6]]);
    }
  });
  expectClose(
    overview('revenueGrowth')?.current,
    call(context, 'GROWTH_RATE', revenues[0], revenues[1]),
    'growth',
  );

  // Trends: KPI_TABLE by month on every row.
  if (report.periods.granularity === 'month') {
    const byMonth = callTable(context, 'KPI_TABLE', [[d.header, ...d.rows], 'month'], mapping) as (
      string | number
    )[][];
    const lines = new Map(byMonth.slice(1).map((l) => [String(l[0]), l]));
    for (const t of report.trends) {
      const line = lines.get(t.period.label);
      if (!line) {
        expect([t.period.label, t.revenue, t.wonDeals]).toEqual([t.period.label, 0, 0]);
        continue;
      }
      expect([t.period.label, t.wonDeals, t.revenue]).toEqual([t.period.label, line[2], line[6]]);
      expectClose(
        t.winRate,
        line[5] === '' ? null : (line[5] as number),
        `${t.period.label} win rate`,
      );
    }
  }

  // Campaigns: CAMPAIGN_ROI on the deals up to the end of the period.
  if (report.campaigns) {
    const { until } = span(report.periods.current, context);
    const upTo = dated.filter((r) => d.date(r)! < until);
    const campaigns = tables.campaigns;
    const cf = mapping.entities.campaigns!.fields;
    const campaignRows = campaigns
      .slice(mapping.entities.campaigns!.headerRow)
      .filter((r) => !isBlank(r[cf.name.index]));
    const spilled = callTable(context, 'CAMPAIGN_ROI', [
      pick(upTo, 'source'),
      pick(upTo, 'amount'),
      pick(upTo, 'status'),
      col(campaignRows.map((r) => r[cf.name.index])),
      col(campaignRows.map((r) => r[cf.cost.index])),
      wonArg,
    ]) as (string | number)[][];
    const expected = report.campaigns.rows.map((r) => [
      r.name,
      r.cost,
      r.wonDeals,
      r.revenue,
      r.roi ?? '',
    ]);
    const lines = spilled.slice(1, 1 + expected.length);
    expect(lines.map((l) => l.slice(0, 3))).toEqual(expected.map((l) => l.slice(0, 3)));
    lines.forEach((l, i) => {
      expectClose(l[3] as number, expected[i][3] as number, `campaign ${l[0]} revenue`);
      expectClose(
        l[4] === '' ? null : (l[4] as number),
        report.campaigns!.rows[i].roi,
        `campaign ${l[0]} ROI`,
      );
    });
    const unattributed = spilled.slice(1 + expected.length)[0];
    if (report.campaigns.unattributed.wonDeals > 0) {
      expect(unattributed[2]).toBe(report.campaigns.unattributed.wonDeals);
      expectClose(unattributed[3] as number, report.campaigns.unattributed.revenue, 'unattributed');
    }
  }
}

describe('the summary equals the custom functions on the same rows', () => {
  it('on the small workbook', () => {
    const tables = smallTables();
    const mapping = smallMapping();
    const report = buildReport({ tables, mapping, context: SMALL_CONTEXT, today: SMALL_TODAY });
    checkAgainstFormulas(tables, mapping, SMALL_CONTEXT, report);
  });

  it('on the small workbook by quarter, with a bad amount', () => {
    const tables = smallTables();
    tables.deals[4][4] = 'n/a';
    const mapping = smallMapping();
    mapping.settings = { period: 'quarter', fiscalYearStartMonth: 1 };
    const report = buildReport({ tables, mapping, context: SMALL_CONTEXT, today: SMALL_TODAY });
    expect(report.periods.current.label).toBe('2025-Q1');
    checkAgainstFormulas(tables, mapping, SMALL_CONTEXT, report);
  });

  it('NPS and CAC equal NPS and CAC', () => {
    const tables = smallTables();
    tables.feedback.push(['2025-03-08', 'Bob', 9, ''], ['2025-03-09', 'Bob', 10, '']);
    const mapping = { ...smallMapping(), feedbackScale: '0-10' as const };
    const report = buildReport({ tables, mapping, context: SMALL_CONTEXT, today: SMALL_TODAY });
    const march = tables.feedback.slice(1).filter((r) => String(r[0]).startsWith('2025-03'));
    const nps = report.overview.find((r) => r.kpi === 'nps')!;
    expect(nps.current).toBeCloseTo(call(SMALL_CONTEXT, 'NPS', col(march.map((r) => r[2])))!, 12);
    const cac = report.overview.find((r) => r.kpi === 'cac')!;
    // Fair 1000 in March; Mail 300 over 30 days, 16 of them in March; two new customers.
    expect(cac.current).toBeCloseTo(call(SMALL_CONTEXT, 'CAC', [[1000], [300 * (16 / 30)]], 2)!, 9);
  });

  const samples = [
    ['fr', { locale: 'fr_FR', timeZone: 'Europe/Paris' }],
    ['en', { locale: 'en_US', timeZone: 'America/New_York' }],
  ] as const;
  it.each(samples)('on the %s sample workbook', (folder, context) => {
    const { tables, mapping } = loadSample(folder, context);
    const report = buildReport({ tables, mapping, context, today: Date.UTC(2026, 10, 15, 12) });
    checkAgainstFormulas(tables, mapping, context, report);
  });
});
