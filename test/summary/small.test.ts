/**
 * Every tab of a small workbook (fixture.ts) against figures computed by hand, through
 * the built bundle. Today is 2026-11-15: the summary covers October 2026 (D1–D5) and
 * compares it with September (D6, D7); D8 (June) only counts in trends and campaigns.
 */
import { SMALL } from './fixture';
import type { Loaded, Result } from './support';
import { cellOf, generate, rowOf, shown, workbook } from './support';

const GREEN = '#d9ead3';
const RED = '#f4cccc';
const USD = '[$$]#,##0.00';

let loaded: Loaded;
let result: Result;

beforeAll(() => {
  loaded = workbook(SMALL);
  result = generate(loaded);
});

test('the generation succeeds and names every tab in English', () => {
  expect(result.ok).toBe(true);
  expect(result.error).toBeNull();
  expect(result.tabs.map((t) => t.name)).toEqual([
    'KPI Overview',
    'KPI by Rep',
    'KPI Trends',
    'KPI Funnel',
    'KPI Campaigns',
    'KPI Activities',
    'KPI Feedback',
    'KPI Data quality',
  ]);
  expect(result.period).toBe('2026-10');
  // 8 deals + 6 activities + 2 campaigns + 4 targets + 3 feedback rows.
  expect(result.rowsRead).toBe(23);
  expect(result.rowsSkipped).toBe(0);
  expect(result.message).toBe('KPI summary written: 8 tabs · rows read: 23 · rows skipped: 0.');
});

describe('KPI Overview', () => {
  test('periods and generation time are real dates', () => {
    expect(rowOf(loaded, 'KPI Overview', 'Period').slice(0, 6)).toEqual([
      'Period',
      // Named as the trends tab names it.
      'October 2026',
      'from',
      '10/1/2026',
      'to',
      '10/31/2026',
    ]);
    expect(rowOf(loaded, 'KPI Overview', 'Compared with').slice(1, 2)).toEqual(['September 2026']);
    const start = cellOf(loaded, 'KPI Overview', 'Period', 4);
    expect(Object.prototype.toString.call(start.value)).toBe('[object Date]');
    expect(start.format).toBe('m/d/yyyy');
    expect(rowOf(loaded, 'KPI Overview', 'Generated')[1]).toBe('11/15/2026 00:00');
  });

  test('revenue: $4,000 vs $2,000 (+100%, better), target $4,500 (88.9%, worse)', () => {
    const row = rowOf(loaded, 'KPI Overview', 'Revenue');
    expect(row.slice(0, 6)).toEqual([
      'Revenue',
      '$4,000.00',
      '$2,000.00',
      '+100.0%',
      '$4,500.00',
      '88.9%',
    ]);
    expect(row[6]).toBe('Total amount of the deals won in the period.');
    const current = cellOf(loaded, 'KPI Overview', 'Revenue', 2);
    expect(current.value).toBe(4000);
    expect(current.format).toBe(USD);
    const change = cellOf(loaded, 'KPI Overview', 'Revenue', 4);
    expect(change.value).toBeCloseTo(1, 12);
    expect(change.format).toBe('+0.0%;-0.0%;0.0%');
    expect(change.background).toBe(GREEN);
    const vsTarget = cellOf(loaded, 'KPI Overview', 'Revenue', 6);
    expect(vsTarget.value).toBeCloseTo(4000 / 4500, 12);
    expect(vsTarget.format).toBe('0.0%');
    expect(vsTarget.background).toBe(RED);
  });

  test('win rate 2/3 vs 1/2: +16.7 points, formatted as a percentage', () => {
    expect(rowOf(loaded, 'KPI Overview', 'Win rate').slice(1, 4)).toEqual([
      '66.7%',
      '50.0%',
      '+16.7 pts',
    ]);
    const rate = cellOf(loaded, 'KPI Overview', 'Win rate', 2);
    expect(rate.value).toBeCloseTo(2 / 3, 12);
    expect(rate.format).toBe('0.0%');
    const change = cellOf(loaded, 'KPI Overview', 'Win rate', 4);
    expect(change.value).toBeCloseTo(100 / 6, 9);
    expect(change.background).toBe(GREEN);
  });

  test('sales cycle: lower is better, so 27 days vs 45 is green', () => {
    expect(rowOf(loaded, 'KPI Overview', 'Sales cycle').slice(1, 4)).toEqual([
      '27.0',
      '45.0',
      '-40.0%',
    ]);
    expect(cellOf(loaded, 'KPI Overview', 'Sales cycle', 2).format).toBe('0.0');
    expect(cellOf(loaded, 'KPI Overview', 'Sales cycle', 4).background).toBe(GREEN);
  });

  test('other figures of October', () => {
    const figures: Record<string, string[]> = {
      'Orders / won deals': ['2', '1'],
      'Average deal size': ['$2,000.00', '$2,000.00'],
      // Open now: D4 2000 × 0.5 + D5 800 × 0.25; a snapshot, not compared.
      'Open pipeline (weighted)': ['$1,200.00', '—'],
      'Open pipeline (unweighted)': ['$2,800.00', '—'],
      // 2 open × 2000 × 2/3 ÷ 27 days.
      'Sales velocity': ['$98.77', '$0.00'],
      'Quota attainment': ['88.9%', '66.7%'],
      // (4000 − 2600) and (2000 − 1500).
      Margin: ['$1,400.00', '$500.00'],
      'Margin rate': ['35.0%', '25.0%'],
      'Prospect→customer conversion': ['50.0%', '50.0%'],
      'New customers': ['1', '1'],
      'Contacts, calls, meetings, quotes': ['5', '1'],
      'Activities per won deal': ['2.50', '1.00'],
      // September has no campaign cost: no CAC, not $0.00.
      'Customer acquisition cost': ['$310.00', '—'],
      'Rep feedback': ['3.0', '3.0'],
    };
    for (const [kpi, values] of Object.entries(figures)) {
      expect([kpi, ...rowOf(loaded, 'KPI Overview', kpi).slice(1, 3)]).toEqual([kpi, ...values]);
    }
  });

  test('a change without a previous value shows —, not 0', () => {
    const pipeline = cellOf(loaded, 'KPI Overview', 'Open pipeline (weighted)', 4);
    expect(pipeline.value).toBe('—');
    expect(pipeline.background).toBe('#ffffff');
  });

  test('the KPI this mapping cannot show says how to unlock it', () => {
    expect(rowOf(loaded, 'KPI Overview', 'Recommendation (NPS)')[1]).toMatch(
      /^Map Rep feedback › Score/,
    );
  });

  test('revenue by month, with its column chart', () => {
    const rows = shown(loaded, 'KPI Overview');
    const top = rows.findIndex((r) => r[0] === 'Period' && r[1] === 'Revenue');
    expect(rows.slice(top + 1, top + 13).map((r) => r.slice(0, 2))).toEqual([
      ['November 2025', '$0.00'],
      ['December 2025', '$0.00'],
      ['January 2026', '$0.00'],
      ['February 2026', '$0.00'],
      ['March 2026', '$0.00'],
      ['April 2026', '$0.00'],
      ['May 2026', '$0.00'],
      ['June 2026', '$1,500.00'],
      ['July 2026', '$0.00'],
      ['August 2026', '$0.00'],
      ['September 2026', '$2,000.00'],
      ['October 2026', '$4,000.00'],
    ]);
    const [chart] = loaded.emulator.workbook.sheet('KPI Overview').snapshot().charts;
    expect(chart.type).toBe('COLUMN');
    expect(chart.ranges).toEqual([
      `'KPI Overview'!A${top + 1}:A${top + 13}`,
      `'KPI Overview'!B${top + 1}:B${top + 13}`,
    ]);
    expect(chart.options.title).toBe('Revenue, last 12 periods');
    expect(chart.position).toEqual({ row: top + 1, column: 4, offsetX: 0, offsetY: 0 });
  });
});

test('KPI by Rep: one row per rep, by revenue, and the total', () => {
  const rows = shown(loaded, 'KPI by Rep');
  const top = rows.findIndex((r) => r[0] === 'Rep');
  expect(rows.slice(top)).toEqual([
    [
      'Rep',
      'Deals',
      'Won',
      'Win rate',
      'Revenue',
      'Average deal size',
      'Open pipeline',
      'Sales cycle (days)',
      'Activities',
      'Target',
      'Attainment',
      'Feedback score',
    ],
    [
      'Bob',
      '3',
      '1',
      '100.0%',
      '$3,000.00',
      '$3,000.00',
      '$1,200.00',
      '20.0',
      '2',
      '$2,500.00',
      '120.0%',
      '2.0',
    ],
    [
      'Alice',
      '2',
      '1',
      '50.0%',
      '$1,000.00',
      '$1,000.00',
      '$0.00',
      '34.0',
      '3',
      '$2,000.00',
      '50.0%',
      '4.0',
    ],
    [
      'Total',
      '5',
      '2',
      '66.7%',
      '$4,000.00',
      '$2,000.00',
      '$1,200.00',
      '27.0',
      '5',
      '$4,500.00',
      '88.9%',
      '3.0',
    ],
  ]);
  expect(cellOf(loaded, 'KPI by Rep', 'Bob', 11).background).toBe(GREEN);
  expect(cellOf(loaded, 'KPI by Rep', 'Alice', 11).background).toBe(RED);
  expect(cellOf(loaded, 'KPI by Rep', 'Alice', 5).format).toBe(USD);
  expect(cellOf(loaded, 'KPI by Rep', 'Alice', 2).format).toBe('#,##0');
  const snapshot = loaded.emulator.workbook.sheet('KPI by Rep').snapshot();
  expect(snapshot.styles.fontWeight?.[`A${top + 4}`]).toBe('bold');
  expect(snapshot.charts.map((c) => [c.type, c.ranges])).toEqual([
    [
      'COLUMN',
      [
        `'KPI by Rep'!A${top + 1}:A${top + 3}`,
        `'KPI by Rep'!E${top + 1}:E${top + 3}`,
        `'KPI by Rep'!J${top + 1}:J${top + 3}`,
      ],
    ],
  ]);
});

test('KPI Trends: twelve months, oldest first', () => {
  const rows = shown(loaded, 'KPI Trends');
  const top = rows.findIndex((r) => r[0] === 'Period' && r[1] === 'Revenue');
  expect(rows[top]).toEqual([
    'Period',
    'Revenue',
    'Won deals',
    'Win rate',
    'Average deal size',
    'New customers',
    'Activities',
    'Target',
  ]);
  expect(rows.length - top - 1).toBe(12);
  expect(rows[top + 8]).toEqual([
    'June 2026',
    '$1,500.00',
    '1',
    '100.0%',
    '$1,500.00',
    '1',
    '0',
    '—',
  ]);
  expect(rows[top + 11]).toEqual([
    'September 2026',
    '$2,000.00',
    '1',
    '50.0%',
    '$2,000.00',
    '1',
    '1',
    '$3,000.00',
  ]);
  expect(rows[top + 12]).toEqual([
    'October 2026',
    '$4,000.00',
    '2',
    '66.7%',
    '$2,000.00',
    '1',
    '5',
    '$4,500.00',
  ]);
  const month = loaded.emulator.workbook.sheet('KPI Trends').getRange(top + 2, 1);
  expect(month.getNumberFormat()).toBe('mmmm yyyy');
  const [chart] = loaded.emulator.workbook.sheet('KPI Trends').snapshot().charts;
  expect(chart.type).toBe('LINE');
  expect(chart.ranges).toHaveLength(3);
});

test('KPI Funnel: stages in order, reached, conversion; lost apart', () => {
  const rows = shown(loaded, 'KPI Funnel').map((r) => r.slice(0, 4));
  const top = rows.findIndex((r) => r[0] === 'Stage');
  expect(rows.slice(top, top + 4)).toEqual([
    ['Stage', 'Deals at this stage', 'Reached this stage', 'Conversion from previous stage'],
    // D2 (lost) is apart: where it was lost is not recorded.
    ['Prospecting', '1', '4', '—'],
    ['Proposal', '1', '3', '75.0%'],
    ['Closed Won', '2', '2', '66.7%'],
  ]);
  expect(rows[top - 2][0]).toMatch(/^Where lost deals were lost is not recorded/);
  expect(rowOf(loaded, 'KPI Funnel', 'Deals with a status')[1]).toBe('5');
  expect(rowOf(loaded, 'KPI Funnel', 'Overall conversion (won ÷ deals)')[1]).toBe('40.0%');
  expect(rowOf(loaded, 'KPI Funnel', 'Closed Lost')[1]).toBe('1');
  const [chart] = loaded.emulator.workbook.sheet('KPI Funnel').snapshot().charts;
  expect(chart.type).toBe('BAR');
});

test('KPI Campaigns: ROI per campaign, unattributed revenue, attributed share, CAC', () => {
  const rows = shown(loaded, 'KPI Campaigns');
  const top = rows.findIndex((r) => r[0] === 'Campaign');
  expect(rows.slice(top, top + 5)).toEqual([
    ['Campaign', 'Type', 'Cost', 'Start', 'End', 'Won deals', 'Revenue', 'ROI'],
    // D1 + D3 + D8 = 5,500; (5,500 − 500) ÷ 500.
    ['Spring Fair', 'Trade show', '$500.00', '5/1/2026', '5/3/2026', '3', '$5,500.00', '1000.0%'],
    ['Autumn Ads', 'Ads', '$310.00', '10/1/2026', '10/31/2026', '0', '$0.00', '-100.0%'],
    ['Total', '', '$810.00', '', '', '3', '$5,500.00', '579.0%'],
    ['Not attributed to a campaign', '', '', '', '', '1', '$2,000.00', ''],
  ]);
  expect(cellOf(loaded, 'KPI Campaigns', 'Spring Fair', 8).background).toBe(GREEN);
  expect(cellOf(loaded, 'KPI Campaigns', 'Autumn Ads', 8).background).toBe(RED);
  expect(cellOf(loaded, 'KPI Campaigns', 'Spring Fair', 4).format).toBe('m/d/yyyy');
  expect(rowOf(loaded, 'KPI Campaigns', 'Share of revenue attributed to a campaign')[1]).toBe(
    '73.3%',
  );
  expect(rowOf(loaded, 'KPI Campaigns', 'Customer acquisition cost (2026-10)')[1]).toBe('$310.00');
});

test('KPI Activities: counts by type × rep and per won deal, stacked chart', () => {
  const rows = shown(loaded, 'KPI Activities');
  const top = rows.findIndex((r) => r[0] === 'Rep');
  expect(rows.slice(top)).toEqual([
    ['Rep', 'Calls', 'Meetings', 'Quotes', 'Total', 'Won deals', 'Per won deal'],
    ['Alice', '2', '1', '0', '3', '1', '3.00'],
    ['Bob', '1', '0', '1', '2', '1', '2.00'],
    ['Total', '3', '1', '1', '5', '2', '2.50'],
  ]);
  const [chart] = loaded.emulator.workbook.sheet('KPI Activities').snapshot().charts;
  expect(chart.type).toBe('COLUMN');
  expect(chart.options.isStacked).toBe(true);
  expect(chart.ranges).toEqual([`'KPI Activities'!A${top + 1}:D${top + 3}`]);
});

test('KPI Feedback: mean score per rep and month, latest comments first', () => {
  const rows = shown(loaded, 'KPI Feedback');
  const top = rows.findIndex((r) => r[0] === 'Rep');
  expect(rows[top].slice(11)).toEqual(['September 2026', 'October 2026', 'This period', 'Scores']);
  // The team first, then the reps with the most scores (Alice scored in two months).
  expect(rows[top + 1].slice(0, 1)).toEqual(['Team']);
  expect(rows[top + 1].slice(11)).toEqual(['3.0', '3.0', '3.0', '2']);
  expect(rows[top + 2].slice(0, 1)).toEqual(['Alice']);
  expect(rows[top + 2].slice(11)).toEqual(['3.0', '4.0', '4.0', '1']);
  expect(rows[top + 3].slice(0, 1)).toEqual(['Bob']);
  expect(rows[top + 3].slice(11)).toEqual(['—', '2.0', '2.0', '1']);
  const comments = rows.findIndex((r) => r[0] === 'Date');
  expect(rows.slice(comments + 1, comments + 4).map((r) => r.slice(0, 4))).toEqual([
    ['10/14/2026', 'Bob', '2.0', 'Prices too high'],
    ['10/7/2026', 'Alice', '4.0', 'Busy month'],
    ['9/10/2026', 'Alice', '3.0', 'Quiet'],
  ]);
  const [chart] = loaded.emulator.workbook.sheet('KPI Feedback').snapshot().charts;
  expect(chart.type).toBe('LINE');
  expect(chart.transposeRowsAndColumns).toBe(true);
});

test('Data quality: rows read and used per table, fields not mapped', () => {
  const rows = shown(loaded, 'KPI Data quality');
  const top = rows.findIndex((r) => r[0] === 'Table');
  expect(rows.slice(top, top + 6).map((r) => r.slice(0, 5))).toEqual([
    ['Table', 'Sheet', 'Rows read', 'Rows used', 'Rows skipped'],
    ['Deals', 'Deals', '8', '8', '0'],
    ['Activities', 'Activities', '6', '6', '0'],
    ['Campaigns', 'Campaigns', '2', '2', '0'],
    ['Targets', 'Targets', '4', '4', '0'],
    ['Rep feedback', 'Feedback', '3', '3', '0'],
  ]);
  expect(rowOf(loaded, 'KPI Data quality', 'Every value could be read.')).toBeDefined();
  expect(rows.some((r) => r[0] === 'Deals' && r[1] === 'Region')).toBe(true);
  expect(loaded.emulator.workbook.sheet('KPI Data quality').snapshot().charts).toEqual([]);
});

test('each summary tab is marked as the add-on’s own', () => {
  for (const tab of result.tabs) {
    const { metadata } = loaded.emulator.workbook.sheet(tab.name).snapshot();
    expect(metadata).toEqual([
      { key: 'sales-kpi-sheets/summary-tab', value: tab.id, visibility: 'DOCUMENT' },
    ]);
  }
});

test('without campaigns, activities, targets and feedback: five tabs, and no column for them', () => {
  const only = workbook({ Deals: SMALL.Deals });
  const res = generate(only);
  expect(res.tabs.map((t) => t.id)).toEqual(['overview', 'reps', 'trends', 'funnel', 'quality']);
  const header = shown(only, 'KPI by Rep').find((r) => r[0] === 'Rep')!;
  expect(header.filter((h) => h !== '')).toEqual([
    'Rep',
    'Deals',
    'Won',
    'Win rate',
    'Revenue',
    'Average deal size',
    'Open pipeline',
    'Sales cycle (days)',
  ]);
  expect(rowOf(only, 'KPI Overview', 'Campaign ROI')[1]).toMatch(/^Map Campaigns/);
});

test('one count of skipped rows: the result message and the data-quality tab agree', () => {
  const deals = SMALL.Deals.split('\n');
  // Two blank rows among the deals, and one without any date.
  deals.splice(3, 0, ',,,,,,,,,', ',,,,,,,,,');
  deals.splice(6, 0, 'D9,Omega,Bob,Proposal,100,,,,,');
  const withBlanks = workbook({ ...SMALL, Deals: deals.join('\n') });
  const run = generate(withBlanks);
  expect(run.rowsSkipped).toBe(3);
  expect(run.message).toBe('KPI summary written: 8 tabs · rows read: 26 · rows skipped: 3.');
  const tables = shown(withBlanks, 'KPI Data quality');
  const header = tables.findIndex((r) => r[0] === 'Table');
  const perTable = tables.slice(header + 1).filter((r) => r[0] !== '' && r[4] !== '');
  const total = perTable.slice(0, 5).reduce((sum, r) => sum + Number(r[4].replace(/,/g, '')), 0);
  expect(total).toBe(run.rowsSkipped);
});
