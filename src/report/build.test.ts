import { buildReport } from './build';
import { KPIS } from './catalog';
import type { OverviewRow, Report } from './model';
import { SMALL_CONTEXT, SMALL_TODAY, smallMapping, smallTables } from './testing/smallWorkbook';

function build(
  edit?: (tables: ReturnType<typeof smallTables>, mapping: ReturnType<typeof smallMapping>) => void,
): Report {
  const tables = smallTables();
  const mapping = smallMapping();
  edit?.(tables, mapping);
  return buildReport({ tables, mapping, context: SMALL_CONTEXT, today: SMALL_TODAY });
}

function row(report: Report, kpi: string): OverviewRow {
  const found = report.overview.find((r) => r.kpi === kpi);
  if (!found) throw new Error(`no overview row ${kpi}`);
  return found;
}

describe('buildReport on the small workbook (hand-computed)', () => {
  const report = build();

  it('covers March 2025 against February, with twelve monthly trend periods', () => {
    expect(report.language).toBe('en');
    expect(report.generatedAt).toBe('2025-04-10T16:00:00.000Z');
    expect(report.periods.granularity).toBe('month');
    expect(report.periods.current).toEqual({
      start: '2025-03-01',
      end: '2025-03-31',
      label: '2025-03',
    });
    expect(report.periods.previous).toEqual({
      start: '2025-02-01',
      end: '2025-02-28',
      label: '2025-02',
    });
    expect(report.periods.trend).toHaveLength(12);
    expect(report.periods.trend[0].label).toBe('2024-04');
    expect(report.periods.trend[11].label).toBe('2025-03');
    expect(report.periods.dealsUndated).toBe(false);
  });

  it('computes the deal KPIs of the period and the one before', () => {
    // March: D6, D7, D8 won (3000 + 2500 + 1200), D9 lost, D10 and D11 open.
    expect(row(report, 'revenue')).toMatchObject({ current: 6700, previous: 3500 });
    expect(row(report, 'revenue').change).toBeCloseTo(3200 / 3500, 12);
    expect(row(report, 'revenue').verdict).toBe('better');
    expect(row(report, 'wonDeals')).toMatchObject({ current: 3, previous: 2 });
    expect(row(report, 'winRate').current).toBe(0.75);
    expect(row(report, 'winRate').previous).toBeCloseTo(2 / 3, 12);
    expect(row(report, 'averageDealSize').current).toBeCloseTo(6700 / 3, 9);
    expect(row(report, 'averageDealSize').previous).toBe(1750);
    // Open now, whatever the dates: D10 4000 × 0.5, D11 1000 × 1 (blank probability) and
    // D12 700 (created in April); a snapshot, never compared.
    expect(row(report, 'pipeline')).toMatchObject({ current: 3700, previous: null, change: null });
    expect(row(report, 'pipelineTotal')).toMatchObject({ current: 5700, previous: null });
    // 23, 19 and 28 days (the last two across the daylight-saving change); Feb: 26 and 20.
    expect(row(report, 'salesCycle').current).toBeCloseTo(70 / 3, 12);
    expect(row(report, 'salesCycle').previous).toBe(23);
    expect(row(report, 'salesCycle').verdict).toBe('worse');
    expect(row(report, 'salesVelocity').current).toBeCloseTo((2 * (6700 / 3) * 0.75) / (70 / 3), 9);
    expect(row(report, 'salesVelocity').previous).toBe(0); // no open deal in February
    expect(row(report, 'revenuePerRep')).toMatchObject({ current: 3350, previous: 1750 });
    expect(row(report, 'revenueGrowth').current).toBeCloseTo(3200 / 3500, 12);
    expect(row(report, 'revenueGrowth').previous).toBe(2.5); // 3500 vs 1000 in January
  });

  it('computes margin, margin rate and markup rate on won deals', () => {
    expect(row(report, 'margin')).toMatchObject({ current: 3000, previous: 1400 });
    expect(row(report, 'marginRate').current).toBeCloseTo(3000 / 6700, 12);
    expect(row(report, 'markupRate').current).toBeCloseTo(3000 / 3700, 12);
  });

  it('computes the customer KPIs', () => {
    // March customers: Acme, Delta, Gamma won; Epsilon, Zeta, Beta not.
    expect(row(report, 'prospectConversion').current).toBe(0.5);
    expect(row(report, 'activeCustomers')).toMatchObject({ current: 3, previous: 2 });
    // First won deals: Acme January, Beta February, Delta and Gamma March.
    expect(row(report, 'newCustomers')).toMatchObject({ current: 2, previous: 1 });
    // Over the 12 months ending with March (April 2024 – March 2025): nobody bought before.
    expect(row(report, 'retentionRate').current).toBeNull();
    expect(row(report, 'churnRate').current).toBeNull();
    // Up to the end of March only Acme has two won deals, of four buyers.
    expect(row(report, 'repeatCustomerRate').current).toBe(0.25);
    expect(row(report, 'repeatCustomerRate').previous).toBe(0.5); // Acme of Acme, Beta
  });

  it('computes targets, activities, attribution, CAC and feedback', () => {
    expect(row(report, 'revenue').target).toBe(9000);
    expect(row(report, 'revenue').vsTarget).toBeCloseTo(6700 / 9000, 12);
    expect(row(report, 'revenue').targetVerdict).toBe('worse');
    expect(row(report, 'quotaAttainment').current).toBeCloseTo(6700 / 9000, 12);
    expect(row(report, 'quotaAttainment').previous).toBeCloseTo(3500 / 6000, 12);
    expect(row(report, 'activities')).toMatchObject({ current: 7, previous: 2 });
    expect(row(report, 'activitiesPerRep')).toMatchObject({ current: 3.5, previous: 1 });
    expect(row(report, 'activitiesPerWonDeal').current).toBeCloseTo(7 / 3, 12);
    expect(row(report, 'attributedShare').current).toBeCloseTo(5500 / 6700, 12);
    // Fair 1000 (3–4 March) + Mail 300 × 16/30 days; two new customers.
    expect(row(report, 'cac').current).toBeCloseTo((1000 + 160) / 2, 9);
    expect(row(report, 'cac').previous).toBeCloseTo(140, 9);
    expect(row(report, 'feedbackScore').current).toBeCloseTo(11 / 3, 12);
    expect(row(report, 'feedbackScore').previous).toBe(3);
  });

  it('leaves NPS out on a 1–5 scale and says how to unlock it', () => {
    expect(report.overview.map((r) => r.kpi)).not.toContain('nps');
    expect(report.lockedKpis).toEqual([
      expect.objectContaining({
        kpi: 'nps',
        needs: [expect.objectContaining({ entity: 'feedback', field: 'score' })],
      }),
    ]);
    expect(report.lockedKpis[0].howToUnlock).toMatch(/0–10/);
  });

  it('gives every overview row its catalogue name, definition, unit and direction', () => {
    for (const r of report.overview) {
      const entry = KPIS.find((k) => k.id === r.kpi)!;
      expect(r.name).toBe(entry.name.en);
      expect(r.definition).toBe(entry.definition.en);
      expect(r.unit).toBe(entry.unit);
      expect(r.better).toBe(entry.better);
    }
  });

  it('makes one row per rep, highest revenue first, blank reps last', () => {
    const reps = report.reps!;
    expect(reps.rows.map((r) => r.rep)).toEqual(['Alice', 'Bob', '(none)']);
    expect(reps.rows[0]).toEqual({
      rep: 'Alice',
      isNone: false,
      deals: 3,
      won: 2,
      lost: 0,
      open: 1,
      winRate: 1,
      revenue: 5500,
      averageDealSize: 2750,
      pipeline: 2000,
      salesCycleDays: 21,
      activities: 3,
      target: 5000,
      attainment: 1.1,
      feedbackScore: 4.5,
      implausible: false,
    });
    expect(reps.rows[1]).toMatchObject({
      deals: 3,
      won: 1,
      lost: 1,
      open: 1,
      winRate: 0.5,
      revenue: 1200,
      pipeline: 1700,
      salesCycleDays: 28,
      activities: 3,
      target: 4000,
      attainment: 0.3,
      feedbackScore: 2,
    });
    // The blank rep only has an activity.
    expect(reps.rows[2]).toMatchObject({ isNone: true, deals: 0, activities: 1, target: null });
    expect(reps.total).toMatchObject({
      deals: 6,
      won: 3,
      revenue: 6700,
      activities: 7,
      target: 9000,
      pipeline: 3700,
    });
    expect(reps.total.feedbackScore).toBeCloseTo(11 / 3, 12);
  });

  it('makes twelve trend rows, oldest first', () => {
    const [jan, feb, mar] = report.trends.slice(-3);
    expect(jan).toMatchObject({ revenue: 1000, wonDeals: 1, winRate: 0.5, averageDealSize: 1000 });
    expect(jan).toMatchObject({ newCustomers: 1, activities: 0, target: null });
    expect(feb).toMatchObject({
      revenue: 3500,
      wonDeals: 2,
      newCustomers: 1,
      activities: 2,
      target: 6000,
    });
    expect(mar).toMatchObject({
      revenue: 6700,
      wonDeals: 3,
      winRate: 0.75,
      newCustomers: 2,
      activities: 7,
    });
    expect(report.trends[0]).toMatchObject({
      revenue: 0,
      wonDeals: 0,
      winRate: null,
      averageDealSize: null,
    });
  });

  it('builds the funnel in stage order with conversion from each stage', () => {
    const f = report.funnel;
    // Where D9 was lost is not recorded: it is shown apart, not as lost at "Qualified".
    expect(f.stages).toEqual([
      {
        label: 'Qualified',
        kind: 'open',
        atStage: 1,
        reached: 5,
        conversion: null,
        lostHere: null,
      },
      {
        label: 'Proposal',
        kind: 'open',
        atStage: 1,
        reached: 4,
        conversion: 4 / 5,
        lostHere: null,
      },
      { label: 'Won', kind: 'won', atStage: 3, reached: 3, conversion: 0.75, lostHere: null },
    ]);
    expect(f.stageSource).toBe('status');
    expect(f.lost).toEqual([{ label: 'Lost', deals: 1 }]);
    expect(f.lostUnknown).toBe(1);
    expect(f.deals).toBe(6);
    expect(f.overallConversion).toBe(0.5);
  });

  it('attributes won deals to campaigns up to the end of the period', () => {
    const c = report.campaigns!;
    expect(c.range).toMatchObject({ start: '2025-01-20', end: '2025-03-31' });
    expect(c.rows).toEqual([
      {
        name: 'Fair',
        type: 'Trade show',
        cost: 1000,
        start: '2025-03-03',
        end: '2025-03-04',
        wonDeals: 3,
        revenue: 5500,
        roi: 4.5,
      },
      {
        name: 'Mail',
        type: 'Email',
        cost: 300,
        start: '2025-02-15',
        end: '2025-03-16',
        wonDeals: 2,
        revenue: 4500,
        roi: 14,
      },
    ]);
    expect(c.unattributed).toEqual({ wonDeals: 1, revenue: 1200 });
    expect(c.attributedShare).toBeCloseTo(10000 / 11200, 12);
    expect(c.total).toMatchObject({ cost: 1300, wonDeals: 5, revenue: 10000 });
    expect(c.total.roi).toBeCloseTo(8700 / 1300, 12);
    expect(c.costInPeriod).toBeCloseTo(1160, 9);
    expect(c.newCustomers).toBe(2);
    expect(c.cac).toBeCloseTo(580, 9);
  });

  it('counts activities by canonical type and rep, and per won deal', () => {
    const a = report.activities!;
    expect(a.types).toEqual([
      { id: 'call', label: 'Calls' },
      { id: 'meeting', label: 'Meetings' },
      { id: 'quote', label: 'Quotes' },
      { id: null, label: 'Lunch' },
    ]);
    expect(a.rows).toEqual([
      { rep: 'Alice', isNone: false, counts: [2, 1, 0, 0], total: 3, wonDeals: 2, perWonDeal: 1.5 },
      { rep: 'Bob', isNone: false, counts: [1, 0, 1, 1], total: 3, wonDeals: 1, perWonDeal: 3 },
      {
        rep: '(none)',
        isNone: true,
        counts: [1, 0, 0, 0],
        total: 1,
        wonDeals: 0,
        perWonDeal: null,
      },
    ]);
    expect(a.total).toMatchObject({ counts: [4, 1, 1, 1], total: 7, wonDeals: 3 });
  });

  it('summarises feedback per rep and month, with the latest comments', () => {
    const f = report.feedback!;
    expect(f.scale).toBe('1-5');
    expect(f.periods).toHaveLength(12);
    expect(f.rows.map((r) => r.rep)).toEqual(['Alice', 'Bob']);
    expect(f.rows[0]).toMatchObject({ current: 4.5, count: 2 });
    expect(f.rows[0].scores.slice(-2)).toEqual([null, 4.5]);
    expect(f.rows[1].scores.slice(-2)).toEqual([3, 2]);
    expect(f.team.slice(-2)).toEqual([3, 11 / 3]);
    expect(f.comments).toEqual([
      { date: '2025-03-14', rep: 'Bob', score: 2, comment: 'Prices too high' },
      { date: '2025-03-07', rep: 'Alice', score: 4, comment: 'Good month' },
      { date: '2025-02-14', rep: 'Bob', score: 3, comment: 'Quiet' },
    ]);
  });

  it('reports a clean data-quality section', () => {
    const q = report.quality;
    expect(q.tables.map((t) => [t.entity, t.rowsRead, t.rowsUsed, t.problemCount])).toEqual([
      ['deals', 12, 12, 0],
      ['activities', 9, 9, 0],
      ['campaigns', 2, 2, 0],
      ['targets', 4, 4, 0],
      ['feedback', 5, 5, 0],
    ]);
    expect(q.unclassedStatuses).toEqual([]);
    expect(q.unmappedEntities).toEqual([]);
    expect(q.unmappedFields.map((f) => `${f.entity}.${f.field}`)).toEqual([
      'deals.name',
      'deals.region',
      'deals.product',
      'activities.outcome',
    ]);
  });

  it('is JSON-safe', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});

describe('buildReport data quality', () => {
  const report = build((tables) => {
    const deals = tables.deals;
    deals[3][4] = 'n/c'; // D3's amount (sheet row 4)
    deals.splice(5, 0, ['', '', '', '', '', '', '', '', '', '']); // blank sheet row 6
    deals.push(['D13', 'Bob', 'Acme', 'On hold', 100, '', '', '', '', '']); // no date: row 15
    deals.push(['D14', 'Bob', 'Acme', 'Won', 100, '', '2025-03-10', '2025-03-01', '', '']); // row 16
    tables.activities.push(['someday', 'Bob', 'Call', 'Acme']); // row 11
    tables.targets.push(['Bob', 'next quarter', 1000]); // row 6
    tables.feedback.push(['2025-03-10', 'Bob', 9, 'off the scale']); // row 7
  });

  it('lists unreadable values with their sheet row, skipped rows and unclassed statuses', () => {
    const deals = report.quality.tables[0];
    expect(deals.rowsRead).toBe(15);
    expect(deals.skipped).toEqual([
      { reason: 'blank', count: 1, sheetRows: [6] },
      { reason: 'noDate', count: 1, sheetRows: [15] },
    ]);
    expect(deals.problems).toEqual([
      { field: 'amount', header: 'Amount', sheetRow: 4, value: '"n/c"', reason: 'notANumber' },
      {
        field: 'closed',
        header: 'Close Date',
        sheetRow: 16,
        value: '"2025-03-01"',
        reason: 'closedBeforeCreated',
      },
    ]);
    expect(report.quality.unclassedStatuses).toEqual([{ label: 'On hold', count: 1 }]);
    const byEntity = Object.fromEntries(report.quality.tables.map((t) => [t.entity, t]));
    expect(byEntity.activities.problems).toEqual([
      { field: 'date', header: 'Date', sheetRow: 11, value: '"someday"', reason: 'notADate' },
    ]);
    expect(byEntity.activities.skipped).toEqual([{ reason: 'noDate', count: 1, sheetRows: [11] }]);
    expect(byEntity.targets.problems[0]).toMatchObject({ sheetRow: 6, reason: 'notAPeriod' });
    expect(byEntity.feedback.problems[0]).toMatchObject({ sheetRow: 7, reason: 'scoreOutOfRange' });
  });

  it('keeps counting what the bad values do not touch', () => {
    // D3 is still a won deal of February, without revenue; D14 counts (without a cycle).
    expect(row(report, 'wonDeals').previous).toBe(2);
    expect(row(report, 'revenue').previous).toBe(1500);
    expect(row(report, 'salesCycle').current).toBeCloseTo(70 / 3, 12);
  });
});

describe('buildReport with numbers far outside the date range in date cells', () => {
  const report = build((tables) => {
    tables.deals.push(['D13', 'Bob', 'Acme', 'Won', 100, '', '2025-03-01', 612345678, '', '']); // row 14
    tables.deals.push(['D14', 'Bob', 'Acme', 'Lost', 100, '', 1e10, '2025-03-02', '', '']); // row 15
    tables.deals.push(['D15', 'Bob', 'Acme', 'Won', 100, '', '', '0050-03-03', '', '']); // row 16
    tables.activities.push([612345678, 'Bob', 'Call', 'Acme']); // row 11
    tables.campaigns.push(['Phone', 'Ads', 10, 1e10, '2025-03-04']); // row 4
    tables.feedback.push([612345678, 'Bob', 3, '']); // row 7
  });

  it('lists each such cell as not a date and goes on', () => {
    const byEntity = Object.fromEntries(report.quality.tables.map((t) => [t.entity, t]));
    expect(byEntity.deals.problems).toEqual([
      {
        field: 'closed',
        header: 'Close Date',
        sheetRow: 14,
        value: '612345678',
        reason: 'notADate',
      },
      {
        field: 'created',
        header: 'Create Date',
        sheetRow: 15,
        value: '10000000000',
        reason: 'notADate',
      },
      {
        field: 'closed',
        header: 'Close Date',
        sheetRow: 16,
        value: '"0050-03-03"',
        reason: 'notADate',
      },
    ]);
    expect(byEntity.activities.problems).toEqual([
      { field: 'date', header: 'Date', sheetRow: 11, value: '612345678', reason: 'notADate' },
    ]);
    expect(byEntity.campaigns.problems).toMatchObject([{ sheetRow: 4, reason: 'notADate' }]);
    expect(byEntity.feedback.problems).toMatchObject([{ sheetRow: 7, reason: 'notADate' }]);
    // March had 3 won deals; D13 joins them by its created date, its close date unread.
    expect(row(report, 'wonDeals').current).toBe(4);
  });
});

describe('buildReport with amounts too large to add up', () => {
  const report = build((tables) => {
    tables.deals[6][4] = 1e308; // D6, won in March (sheet row 7)
    tables.deals[8][4] = 1e308; // D8, won in March (sheet row 9)
    tables.deals[9][4] = '9'.repeat(400); // D9, lost (sheet row 10)
    tables.campaigns[1][2] = -1e308; // Fair (sheet row 2)
    tables.targets[1][2] = 1e16; // Alice, March (sheet row 2)
  });

  it('lists each one and adds up the others', () => {
    const byEntity = Object.fromEntries(report.quality.tables.map((t) => [t.entity, t]));
    expect(byEntity.deals.problems).toEqual([
      { field: 'amount', header: 'Amount', sheetRow: 7, value: '1e+308', reason: 'tooLarge' },
      { field: 'amount', header: 'Amount', sheetRow: 9, value: '1e+308', reason: 'tooLarge' },
      {
        field: 'amount',
        header: 'Amount',
        sheetRow: 10,
        value: `"${'9'.repeat(40)}…"`,
        reason: 'tooLarge',
      },
    ]);
    expect(byEntity.campaigns.problems).toMatchObject([{ sheetRow: 2, reason: 'tooLarge' }]);
    expect(byEntity.targets.problems).toMatchObject([{ sheetRow: 2, reason: 'tooLarge' }]);
    // March revenue without D6 and D8: D7's 2,500.
    expect(row(report, 'revenue').current).toBe(2500);
    expect(row(report, 'wonDeals').current).toBe(3);
  });
});

describe('buildReport with entities or fields left out', () => {
  it('drops the sections of unmapped entities and lists what they would unlock', () => {
    const report = build((_, mapping) => {
      delete mapping.entities.activities;
      delete mapping.entities.campaigns;
      delete mapping.entities.targets;
      delete mapping.entities.feedback;
      delete mapping.entities.deals.fields.customer;
    });
    expect(report.activities).toBeNull();
    expect(report.campaigns).toBeNull();
    expect(report.feedback).toBeNull();
    expect(report.reps!.rows.map((r) => r.activities)).toEqual([null, null]);
    expect(report.quality.unmappedEntities).toEqual([
      'activities',
      'campaigns',
      'targets',
      'feedback',
    ]);
    const locked = report.lockedKpis.map((k) => k.kpi);
    expect(locked).toEqual(
      expect.arrayContaining([
        'quotaAttainment',
        'newCustomers',
        'retentionRate',
        'activities',
        'cac',
        'campaignRoi',
        'feedbackScore',
      ]),
    );
    expect(report.overview.map((r) => r.kpi)).toContain('revenue');
    const cac = report.lockedKpis.find((k) => k.kpi === 'cac')!;
    expect(cac.needs.map((n) => n.label)).toEqual(['Campaigns', 'Deals › Customer']);
    expect(cac.howToUnlock).toBe('Map Campaigns, Deals › Customer to see this KPI.');
    expect(report.trends[11].newCustomers).toBeNull();
    expect(report.quality.unmappedFields.find((f) => f.field === 'customer')!.unlocks).toContain(
      'newCustomers',
    );
  });

  it('covers every row in the current period when the deals have no date', () => {
    const report = build((_, mapping) => {
      delete mapping.entities.deals.fields.created;
      delete mapping.entities.deals.fields.closed;
    });
    expect(report.periods.dealsUndated).toBe(true);
    expect(row(report, 'revenue')).toMatchObject({ current: 11200, previous: null, change: null });
    expect(report.lockedKpis.map((k) => k.kpi)).toEqual(
      expect.arrayContaining(['salesCycle', 'newCustomers', 'retentionRate', 'revenueGrowth']),
    );
  });

  it('speaks French in a French spreadsheet', () => {
    const tables = smallTables();
    const report = buildReport({
      tables,
      mapping: smallMapping(),
      context: { locale: 'fr_FR', timeZone: 'Europe/Paris' },
      today: SMALL_TODAY,
    });
    expect(report.language).toBe('fr');
    expect(row(report, 'winRate').name).toBe('Taux de transformation des opportunités');
    expect(report.activities!.types[0].label).toBe('Appels');
    expect(report.reps!.rows[2].rep).toBe('(aucun)');
  });

  it('computes NPS on a 0–10 scale', () => {
    const report = build((tables, mapping) => {
      mapping.feedbackScale = '0-10';
      tables.feedback.push(['2025-03-08', 'Bob', 9, ''], ['2025-03-09', 'Bob', 10, '']);
    });
    // March scores 4, 2, 5, 9, 10: two promoters, three detractors.
    expect(row(report, 'nps').current).toBeCloseTo(-20, 12);
    expect(report.lockedKpis).toEqual([]);
  });
});

describe('buildReport granularity', () => {
  it('takes a custom range, compared with as many days just before it', () => {
    const report = build((_, mapping) => {
      mapping.settings = {
        period: 'month',
        fiscalYearStartMonth: 1,
        customRange: { start: '2025-03-01', end: '2025-03-31' },
      };
    });
    expect(report.periods.granularity).toBe('custom');
    expect(report.periods.previous).toMatchObject({ start: '2025-01-29', end: '2025-02-28' });
    // The same deals as March; the previous 31 days hold February's and nothing of January's.
    expect(row(report, 'revenue')).toMatchObject({ current: 6700, previous: 3500 });
    expect(report.trends.at(-1)!.period.label).toBe('2025-03');
  });

  it('cuts weeks, with targets prorated by day', () => {
    const report = build((_, mapping) => {
      mapping.settings = { period: 'week', fiscalYearStartMonth: 1 };
    });
    // 2025-04-10 is a Thursday: the last complete week is 31 March – 6 April.
    expect(report.periods.current).toEqual({
      start: '2025-03-31',
      end: '2025-04-06',
      label: '2025-W14',
    });
    expect(report.trends.map((t) => t.period.label).slice(-3)).toEqual([
      '2025-W12',
      '2025-W13',
      '2025-W14',
    ]);
    // W14 has one day of March: 1/31 of the March targets (5000 + 4000).
    expect(row(report, 'revenue').target).toBeCloseTo(9000 / 31, 9);
    // W13 (24–30 March): D8 won on the 30th.
    expect(report.trends.at(-2)!.revenue).toBe(1200);
  });
});

describe('the period shown', () => {
  const at = (period?: string, today = SMALL_TODAY) =>
    buildReport({
      tables: smallTables(),
      mapping: smallMapping(),
      context: SMALL_CONTEXT,
      today,
      period,
    });

  it('is the last complete month when it has deals', () => {
    const report = at();
    expect(report.periods.selection).toBe('default');
    expect(report.periods.current.label).toBe('2025-03');
    // D6–D11 close (or, open, were created) in March.
    expect(report.periods.currentDeals).toBe(6);
    expect(report.periods.latestDeal).toBe('2025-04-02');
  });

  it('is the latest complete month with deals when the last complete one has none', () => {
    // June 10th: May has no deal; D12 (created April 2nd, no close date) is the latest.
    const report = at(undefined, Date.UTC(2025, 5, 10, 16));
    expect(report.periods.selection).toBe('latestWithDeals');
    expect(report.periods.current.label).toBe('2025-04');
    expect(report.periods.previous.label).toBe('2025-03');
    expect(report.periods.trend[11].label).toBe('2025-04');
    expect(report.periods.currentDeals).toBe(1);
    expect(row(report, 'revenue')).toMatchObject({ current: 0, previous: 6700 });
    // Pipeline: D12 only, 700 at probability 1.
    expect(report.periods.latestDeal).toBe('2025-04-02');
  });

  it('keeps the default when no deal is dated before it', () => {
    const report = at(undefined, Date.UTC(2024, 11, 10, 16));
    expect(report.periods.selection).toBe('default');
    expect(report.periods.current.label).toBe('2024-11');
    expect(report.periods.currentDeals).toBe(0);
  });

  it('is the period the user chose: a month, a quarter, a year', () => {
    const february = at('2025-02');
    expect(february.periods.selection).toBe('chosen');
    expect(february.periods.current).toEqual({
      start: '2025-02-01',
      end: '2025-02-28',
      label: '2025-02',
    });
    expect(row(february, 'revenue')).toMatchObject({ current: 3500, previous: 1000 });
    const quarter = at('2025-Q1');
    expect(quarter.periods.granularity).toBe('quarter');
    expect(quarter.periods.current.end).toBe('2025-03-31');
    // D1–D11: every deal of January to March.
    expect(quarter.periods.currentDeals).toBe(11);
    expect(row(quarter, 'revenue').current).toBe(11200);
    const year = at('2025');
    expect(year.periods.granularity).toBe('year');
    expect(year.periods.currentDeals).toBe(12);
  });

  it('is not compared when a chosen period has no deal', () => {
    const report = at('2024-06');
    expect(report.periods.selection).toBe('chosen');
    expect(report.periods.currentDeals).toBe(0);
    for (const r of report.overview.filter((r) => r.kpi !== 'activities')) {
      expect(r.change).toBeNull();
      expect(r.verdict).toBeNull();
    }
    expect(row(report, 'revenue').current).toBe(0);
  });

  it('keeps a custom range even without deals', () => {
    const mapping = smallMapping();
    mapping.settings.customRange = { start: '2024-05-01', end: '2024-05-31' };
    const report = buildReport({
      tables: smallTables(),
      mapping,
      context: SMALL_CONTEXT,
      today: Date.UTC(2025, 5, 10, 16),
    });
    expect(report.periods.selection).toBe('chosen');
    expect(report.periods.currentDeals).toBe(0);
  });

  it('refuses a period name it cannot read', () => {
    expect(() => at('2025-13')).toThrow(/period 2025-13/);
  });
});

describe('retention and churn over the 12 months ending with the period', () => {
  it('counts the customers who bought before them and bought again in them', () => {
    const report = build((tables) => {
      // Acme bought in 2023 and again in 2025 (retained); Omega in 2023 only (churned);
      // Kappa on March 31st, 2024 (the day before the window) and April 2nd (in it).
      tables.deals.push(
        ['D20', 'Alice', 'Acme', 'Won', 100, '', '2023-05-01', '2023-06-01', '', ''],
        ['D21', 'Bob', 'Omega', 'Won', 100, '', '2023-05-01', '2023-06-01', '', ''],
        ['D22', 'Bob', 'Kappa', 'Won', 100, '', '2024-03-01', '2024-03-31', '', ''],
        ['D23', 'Bob', 'Kappa', 'Won', 100, '', '2024-04-01', '2024-04-02', '', ''],
      );
    });
    // Before April 2024: Acme, Omega, Kappa. In April 2024 – March 2025: Acme, Kappa.
    expect(row(report, 'retentionRate').current).toBeCloseTo(2 / 3, 12);
    expect(row(report, 'churnRate').current).toBeCloseTo(1 / 3, 12);
    // February's window (March 2024 – February 2025): Acme, Omega before; Acme and Kappa
    // (new in March 2024) in it.
    expect(row(report, 'retentionRate').previous).toBe(0.5);
    expect(row(report, 'retentionRate').name).toBe('Retention rate (12 months)');
  });
});

describe('customer acquisition cost', () => {
  it('is empty without campaign costs, never 0', () => {
    const report = build((tables) => {
      for (const line of tables.campaigns.slice(1)) line[2] = 0;
    });
    expect(row(report, 'cac')).toMatchObject({ current: null, change: null });
    expect(report.campaigns!.cac).toBeNull();
  });
});

describe('the funnel when the data records stages', () => {
  /** The small workbook's deals with extra columns (header, then one value per deal row). */
  const withColumns = (columns: Record<string, unknown[]>) =>
    build((tables) => {
      const names = Object.keys(columns);
      tables.deals[0].push(...names);
      for (let r = 1; r < tables.deals.length; r++) {
        tables.deals[r].push(...names.map((name) => columns[name][r - 1] ?? ''));
      }
    });

  it('counts lost deals up to the last stage they entered (HubSpot "Date entered" columns)', () => {
    // March deals are rows D6–D11 (indexes 5–10). D9 (lost) entered Qualified and Proposal.
    const report = withColumns({
      'Date entered "Qualified (Sales Pipeline)"': [
        '',
        '',
        '',
        '',
        '',
        '2025-02-11',
        '2025-03-02',
        '2025-03-03',
        '2025-03-06',
        '2025-03-11',
        '2025-03-13',
        '',
      ],
      'Date entered "Proposal (Sales Pipeline)"': [
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '2025-03-10',
        '2025-03-12',
        '',
        '',
      ],
    });
    const f = report.funnel;
    expect(f.stageSource).toBe('stageDates');
    expect(f.stageColumns).toHaveLength(2);
    // Reached: Qualified D6–D11 (6), Proposal D6–D8 won, D9 lost, D10 (5), Won 3.
    expect(f.stages.map((s) => [s.label, s.reached, s.lostHere])).toEqual([
      ['Qualified', 6, 0],
      ['Proposal', 5, 1],
      ['Won', 3, 0],
    ]);
    expect(f.stages[1].conversion).toBeCloseTo(5 / 6, 12);
    expect(f.lostUnknown).toBe(0);
  });

  it('reads a "lost at stage" column', () => {
    const report = withColumns({
      'Lost at stage': ['', '', '', '', '', '', '', '', 'Qualified', '', '', ''],
    });
    const f = report.funnel;
    expect(f.stageSource).toBe('lostStage');
    expect(f.stageColumns).toEqual(['Lost at stage']);
    expect(f.stages.map((s) => [s.label, s.reached, s.lostHere])).toEqual([
      ['Qualified', 6, 1],
      ['Proposal', 4, 0],
      ['Won', 3, 0],
    ]);
  });
});

describe('figures no business produces', () => {
  it('marks an attainment above 1,000 % and names the likely cause', () => {
    const report = build((tables) => {
      tables.targets[1][2] = 5; // Alice: 5500 of 5
      tables.targets[2][2] = 4; // Bob: 1200 of 4
    });
    expect(row(report, 'quotaAttainment')).toMatchObject({ current: 6700 / 9, implausible: true });
    expect(row(report, 'revenue').implausible).toBe(false);
    expect(report.reps!.rows.filter((r) => r.implausible).map((r) => r.rep)).toEqual([
      'Alice',
      'Bob',
    ]);
    expect(report.quality.implausible).toEqual([
      { kpi: 'quotaAttainment', rep: null, value: 6700 / 9, cause: 'attainmentTooHigh' },
      { kpi: 'quotaAttainment', rep: 'Alice', value: 1100, cause: 'attainmentTooHigh' },
      { kpi: 'quotaAttainment', rep: 'Bob', value: 300, cause: 'attainmentTooHigh' },
    ]);
  });

  it('marks a margin above revenue (negative costs)', () => {
    const report = build((tables) => {
      tables.deals[6][5] = -2000; // D6: cost −2000
    });
    // March: 6700 − (−2000 + 1000 + 700).
    expect(row(report, 'margin')).toMatchObject({ current: 7000, implausible: true });
    expect(row(report, 'marginRate').implausible).toBe(true);
    expect(report.quality.implausible.map((f) => [f.kpi, f.cause])).toEqual([
      ['margin', 'marginAboveRevenue'],
      ['marginRate', 'marginAboveRevenue'],
    ]);
  });

  it('marks nothing on plausible data', () => {
    expect(build().quality.implausible).toEqual([]);
  });
});
