/**
 * Batched: a whole generation makes the same number of spreadsheet service calls for
 * 1,000 and for 100,000 deal rows (one read per table, a bounded number of writes per
 * tab), counted by the emulator at the boundary of the bundle.
 */
import type { Loaded } from './support';
import { generate, rawWorkbook } from './support';

const REPS = ['Alice Carter', 'Ben Novak', 'Chen Wei', 'Dana Ortiz', 'Farah Khan'];
const STAGES = [
  'Closed Won',
  'Closed Lost',
  'Proposal',
  'Prospecting',
  'Closed Won',
  'Negotiation',
];
const SOURCES = ['Spring Fair', 'Search ads', 'Website', ''];
const DAY = 86400000;
const START = Date.UTC(2025, 0, 1, 12);

function deals(count: number): unknown[][] {
  const rows: unknown[][] = [
    [
      'Deal ID',
      'Company',
      'Deal Owner',
      'Deal Stage',
      'Amount',
      'Cost',
      'Create Date',
      'Close Date',
      'Lead Source',
    ],
  ];
  for (let i = 0; i < count; i++) {
    const stage = STAGES[i % STAGES.length];
    const created = START + (i % 660) * DAY;
    const open = stage !== 'Closed Won' && stage !== 'Closed Lost';
    rows.push([
      `D-${i}`,
      `Customer ${i % 400}`,
      REPS[i % REPS.length],
      stage,
      1000 + (i % 97) * 10,
      600 + (i % 53) * 5,
      new Date(created),
      open ? '' : new Date(created + (10 + (i % 40)) * DAY),
      SOURCES[i % SOURCES.length],
    ]);
  }
  return rows;
}

function workbookOf(count: number): Loaded {
  const activities: unknown[][] = [['Activity Date', 'Owner', 'Activity Type']];
  for (let i = 0; i < 500; i++) {
    activities.push([
      new Date(START + (i % 660) * DAY),
      REPS[i % REPS.length],
      ['Call', 'Meeting', 'Quote'][i % 3],
    ]);
  }
  return rawWorkbook({
    Deals: deals(count),
    Activities: activities,
    Campaigns: [
      ['Campaign', 'Cost', 'Start Date', 'End Date'],
      ['Spring Fair', 5000, new Date(START), new Date(START + 3 * DAY)],
      ['Search ads', 9000, new Date(START + 90 * DAY), new Date(START + 180 * DAY)],
    ],
    Targets: [['Rep', 'Month', 'Quota'], ...REPS.map((rep) => [rep, '2026-10', 40000])],
  });
}

function measure(count: number): { total: number; byMethod: Record<string, number>; ms: number } {
  const loaded = workbookOf(count);
  loaded.emulator.calls.reset();
  const started = Date.now();
  const result = generate(loaded);
  const ms = Date.now() - started;
  expect(result.ok).toBe(true);
  expect(result.rowsRead).toBeGreaterThanOrEqual(count);
  return {
    total: loaded.emulator.calls.spreadsheetTotal,
    byMethod: loaded.emulator.calls.byMethod,
    ms,
  };
}

test('the same number of service calls for 1,000 and 100,000 deal rows', () => {
  const small = measure(1000);
  const large = measure(100000);
  console.log(
    `Spreadsheet service calls for a whole generation: ${small.total} with 1,000 deal rows ` +
      `(${small.ms} ms), ${large.total} with 100,000 deal rows (${large.ms} ms)`,
  );
  expect(large.byMethod).toEqual(small.byMethod);
  expect(large.total).toBe(small.total);
  // One read per table, one write of each kind per tab.
  expect(large.byMethod['Range.getValues']).toBe(4);
  expect(large.byMethod['Range.setValues']).toBe(large.byMethod['Spreadsheet.insertSheet']);
  expect(large.byMethod['Range.setNumberFormats']).toBe(large.byMethod['Range.setValues']);
  expect(large.byMethod['Range.setBackgrounds']).toBe(large.byMethod['Range.setValues']);
  expect(large.byMethod['Range.setFontWeights']).toBe(large.byMethod['Range.setValues']);
}, 120000);
