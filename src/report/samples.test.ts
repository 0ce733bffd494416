import { buildReport } from './build';
import type { Report } from './model';
import { loadSample } from './testing/samples';

/** Both sample workbooks, detected and summarised on 2026-11-15: October 2026 vs September. */
const TODAY = Date.UTC(2026, 10, 15, 12);

const samples = [
  ['fr', { locale: 'fr_FR', timeZone: 'Europe/Paris' }],
  ['en', { locale: 'en_US', timeZone: 'America/New_York' }],
] as const;

describe.each(samples)('the %s sample workbook', (folder, context) => {
  const { tables, mapping } = loadSample(folder, context);
  const report: Report = buildReport({ tables, mapping, context, today: TODAY });

  it('is mapped in full by detection', () => {
    expect(Object.keys(mapping.entities).sort()).toEqual([
      'activities',
      'campaigns',
      'deals',
      'feedback',
      'targets',
    ]);
    expect(report.quality.unmappedEntities).toEqual([]);
  });

  it('covers October 2026 against September, in the sheet’s language', () => {
    expect(report.language).toBe(folder);
    expect(report.periods.current).toEqual({
      start: '2026-10-01',
      end: '2026-10-31',
      label: '2026-10',
    });
    expect(report.periods.previous.label).toBe('2026-09');
  });

  it('fills the overview with every KPI but NPS (scores are on a 1–5 scale)', () => {
    expect(report.lockedKpis.map((k) => k.kpi)).toEqual(['nps']);
    expect(report.overview.length).toBeGreaterThanOrEqual(25);
    const value = (kpi: string) => report.overview.find((r) => r.kpi === kpi)!;
    expect(value('revenue').current).toBeGreaterThan(0);
    expect(value('revenue').previous).toBeGreaterThan(0);
    expect(value('revenue').target).toBeGreaterThan(0);
    expect(value('winRate').current).toBeGreaterThan(0);
    expect(value('winRate').current).toBeLessThan(1);
    expect(value('salesCycle').current).toBeGreaterThan(0);
    expect(value('activities').current).toBeGreaterThan(0);
    expect(value('feedbackScore').current).toBeGreaterThanOrEqual(1);
    expect(value('feedbackScore').current).toBeLessThanOrEqual(5);
    for (const row of report.overview) {
      expect([row.kpi, row.name.length > 0, row.definition.length > 0]).toEqual([
        row.kpi,
        true,
        true,
      ]);
    }
  });

  it('has a row per rep with targets, activities and feedback', () => {
    const reps = report.reps!;
    expect(reps.rows.length).toBeGreaterThanOrEqual(4);
    expect(reps.rows.every((r) => r.target !== null && r.activities !== null)).toBe(true);
    expect(reps.rows.some((r) => r.feedbackScore !== null)).toBe(true);
    expect(reps.rows.reduce((sum, r) => sum + r.revenue, 0)).toBeCloseTo(reps.total.revenue, 6);
    expect(reps.rows.reduce((sum, r) => sum + r.deals, 0)).toBe(reps.total.deals);
  });

  it('has twelve trend periods with revenue in most of them', () => {
    expect(report.trends).toHaveLength(12);
    expect(report.trends.filter((t) => t.revenue > 0).length).toBeGreaterThanOrEqual(10);
    expect(report.trends.every((t) => t.activities !== null && t.target !== null)).toBe(true);
  });

  it('has a funnel through the open stages to the won step', () => {
    const stages = report.funnel.stages;
    expect(stages.length).toBeGreaterThanOrEqual(3);
    expect(stages.at(-1)!.kind).toBe('won');
    // Every deal whose stage is known reached the first stage; lost ones are apart.
    expect(stages[0].reached + report.funnel.lostUnknown).toBe(report.funnel.deals);
    for (let k = 1; k < stages.length; k++) {
      expect(stages[k].reached).toBeLessThanOrEqual(stages[k - 1].reached);
    }
    expect(report.funnel.lost.length).toBeGreaterThan(0);
  });

  it('attributes revenue to the campaigns, whatever the case of the source', () => {
    const c = report.campaigns!;
    expect(c.rows.length).toBeGreaterThanOrEqual(4);
    expect(c.rows.every((r) => r.cost > 0)).toBe(true);
    expect(c.rows.filter((r) => r.wonDeals > 0).length).toBeGreaterThanOrEqual(4);
    expect(c.attributedShare).toBeGreaterThan(0);
    expect(c.attributedShare).toBeLessThan(1);
    expect(c.unattributed.revenue).toBeGreaterThan(0);
  });

  it('counts activities by type and rep', () => {
    const a = report.activities!;
    expect(a.types.length).toBeGreaterThanOrEqual(4);
    expect(a.rows.length).toBeGreaterThanOrEqual(4);
    expect(a.total.total).toBe(a.rows.reduce((sum, r) => sum + r.total, 0));
  });

  it('summarises feedback with recent comments', () => {
    const f = report.feedback!;
    expect(f.scale).toBe('1-5');
    expect(f.rows.length).toBeGreaterThanOrEqual(4);
    expect(f.comments.length).toBe(10);
    expect(f.comments[0].date <= '2026-10-31').toBe(true);
    expect(f.team.filter((s) => s !== null).length).toBe(12);
  });

  it('is JSON-safe', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});

describe('the French sample’s data quality', () => {
  const context = { locale: 'fr_FR', timeZone: 'Europe/Paris' };
  const { tables, mapping } = loadSample('fr', context);
  const report = buildReport({ tables, mapping, context, today: TODAY });
  const deals = report.quality.tables.find((t) => t.entity === 'deals')!;

  it('shows the "n/c" amount with its sheet row and header', () => {
    expect(deals.problems).toContainEqual({
      field: 'amount',
      header: 'Montant HT',
      sheetRow: 19,
      value: '"n/c"',
      reason: 'notANumber',
    });
  });

  it('shows the blank rows it skipped', () => {
    expect(deals.skipped).toContainEqual({ reason: 'blank', count: 3, sheetRows: [42, 43, 604] });
    expect(deals.rowsRead).toBe(603);
    expect(deals.rowsUsed).toBe(600);
  });

  it('reads every status spelling ("gagné", "Gagné ", "PERDU") into the mapping’s classes', () => {
    expect(report.quality.unclassedStatuses).toEqual([]);
  });
});
