/**
 * Names from the data are written as text, never as formulas; a second generation while
 * one runs is refused and writes nothing; the menu says what happened.
 */
import { SMALL } from './fixture';
import type { Loaded } from './support';
import { generate, rawWorkbook, rowOf, shown, workbook } from './support';

const EVIL_REP = '=HYPERLINK("http://evil.example","click")';
const EVIL_CAMPAIGN = '=IMPORTXML("http://evil.example","//a")';

function day(iso: string): Date {
  return new Date(`${iso}T12:00:00Z`);
}

/** Deals whose reps, customers and sources look like formulas or numbers. */
function injected(): Loaded {
  const header = [
    'Deal ID',
    'Company',
    'Deal Owner',
    'Deal Stage',
    'Amount',
    'Create Date',
    'Close Date',
    'Lead Source',
  ];
  const deals: unknown[][] = [header];
  const reps = [EVIL_REP, '+1', '@x', '-2', "'quoted"];
  reps.forEach((rep, i) => {
    deals.push([
      `D${i}`,
      `=1+${i}`,
      rep,
      'Closed Won',
      1000 + i,
      day('2026-09-01'),
      day('2026-10-10'),
      EVIL_CAMPAIGN,
    ]);
    deals.push([
      `E${i}`,
      '@corp',
      rep,
      'Closed Lost',
      500,
      day('2026-09-02'),
      day('2026-10-12'),
      '',
    ]);
  });
  return rawWorkbook(
    {
      Deals: deals,
      Campaigns: [
        ['Campaign', 'Cost', 'Start Date', 'End Date'],
        [EVIL_CAMPAIGN, 100, day('2026-10-01'), day('2026-10-02')],
      ],
      Feedback: [
        ['Date', 'Rep', 'Score', 'Comment'],
        [day('2026-10-05'), '+1', 4, '@SUM(A1:A9)'],
        [day('2026-10-06'), EVIL_REP, 2, '-sad'],
      ],
    },
    // The strictest reading: "+", "-" and "@" also start formulas.
    { formulaPrefixes: ['=', '+', '-', '@'] },
  );
}

test('rep, customer, campaign and comment texts stay literal text', () => {
  const loaded = injected();
  const result = generate(loaded);
  expect(result.ok).toBe(true);
  for (const tab of result.tabs) {
    expect([tab.name, loaded.emulator.workbook.sheet(tab.name).snapshot().formulas]).toEqual([
      tab.name,
      {},
    ]);
  }
  const reps = shown(loaded, 'KPI by Rep').map((r) => r[0]);
  expect(reps).toEqual(expect.arrayContaining([EVIL_REP, '+1', '@x', '-2', "'quoted"]));
  const sheet = loaded.emulator.workbook.sheet('KPI by Rep');
  const values = sheet.snapshot().values.map((r) => r[0]);
  expect(values).toContain('+1');
  expect(values).toContain('-2');
  expect(values).not.toContain(1);
  expect(values).not.toContain(-2);
  expect(rowOf(loaded, 'KPI Campaigns', EVIL_CAMPAIGN)[5]).toBe('5');
  const comments = shown(loaded, 'KPI Feedback').map((r) => r[3]);
  expect(comments).toEqual(expect.arrayContaining(['@SUM(A1:A9)', '-sad']));
});

describe('one generation at a time', () => {
  test('a run while another holds the document lock is refused and writes nothing', () => {
    const loaded = workbook(SMALL);
    const before = loaded.emulator.snapshot();
    loaded.emulator.locks.holdByOther('document');
    const result = generate(loaded);
    expect(result.ok).toBe(false);
    expect(result.error?.kind).toBe('busy');
    expect(result.message).toBe(
      'A summary is already being generated. Wait until it is finished, then try again. Nothing was changed.',
    );
    expect(result.tabs).toEqual([]);
    expect(loaded.emulator.snapshot()).toEqual(before);
    expect(loaded.emulator.calls.get('Spreadsheet.insertSheet')).toBe(0);
    expect(loaded.emulator.calls.get('Range.setValues')).toBe(0);

    loaded.emulator.locks.releaseOther('document');
    expect(generate(loaded).ok).toBe(true);
    expect(loaded.emulator.locks.holder('document')).toBeNull();
  });

  test('a lock released within the wait is taken, and the generation goes on', () => {
    const loaded = workbook(SMALL);
    loaded.emulator.locks.holdByOther('document', { releaseAfterMs: 500 });
    expect(generate(loaded).ok).toBe(true);
  });

  test('the refusal is in French in a French spreadsheet', () => {
    const loaded = workbook(SMALL, { locale: 'fr_FR', timeZone: 'Europe/Paris' });
    loaded.emulator.locks.holdByOther('document');
    expect(generate(loaded).message).toMatch(/^Une synthèse est déjà en cours de génération/);
  });
});

describe('the menu item', () => {
  test('shows the result in a toast and opens the overview', () => {
    const loaded = workbook(SMALL);
    loaded.emulator.run('generateSummaryFromMenu');
    expect(loaded.emulator.ui.toasts).toHaveLength(1);
    expect(loaded.emulator.ui.toasts[0].title).toBe('KPI summary');
    expect(loaded.emulator.ui.toasts[0].message).toMatch(/^KPI summary written: 8 tabs/);
    expect(loaded.emulator.workbook.active.name).toBe('KPI Overview');
  });

  test('says why nothing was written in an alert', () => {
    const loaded = workbook({ Notes: 'Hello,World\n1,2\n' });
    loaded.emulator.run('generateSummaryFromMenu');
    expect(loaded.emulator.ui.toasts).toHaveLength(0);
    expect(loaded.emulator.ui.alerts).toHaveLength(1);
    expect(loaded.emulator.ui.alerts[0].prompt).toMatch(
      /^The KPI summary was not written: no sheet of deals was found/,
    );
    expect(loaded.emulator.workbook.sheets.map((s) => s.name)).toEqual(['Notes']);
  });
});

test('options from the sidebar are checked', () => {
  const loaded = workbook(SMALL);
  const result = loaded.emulator.run('generateSummary', { today: '2026-13-01' }) as {
    ok: boolean;
    error: { kind: string };
  };
  expect(result.ok).toBe(false);
  expect(result.error.kind).toBe('options');
  const quarter = loaded.emulator.run('generateSummary', {
    today: '2026-11-15',
    period: 'quarter',
  }) as {
    ok: boolean;
    period: string;
  };
  expect(quarter.ok).toBe(true);
  expect(quarter.period).toBe('2026-Q3');
});

describe('names Sheets would read as dates, numbers or booleans', () => {
  const NAMES = ['May 2026', 'Sept 2026', 'mars 2025', '1/2', '3-4', 'TRUE', '12%', '1e3'];

  function tabNamed(result: { tabs: { id: string; name: string }[] }, id: string): string {
    const tab = result.tabs.find((t) => t.id === id);
    if (!tab) throw new Error(`no ${id} tab`);
    return tab.name;
  }

  test.each([
    ['en_US', 'America/New_York'],
    ['fr_FR', 'Europe/Paris'],
  ])('stay text as reps and campaigns (%s)', (locale, timeZone) => {
    const header = ['Deal ID', 'Company', 'Deal Owner', 'Deal Stage', 'Amount'];
    const deals: unknown[][] = [[...header, 'Create Date', 'Close Date', 'Lead Source']];
    NAMES.forEach((name, i) => {
      deals.push([`D${i}`, `Co ${i}`, name, 'Closed Won', 1000 + i, day('2026-09-01')]);
      deals[deals.length - 1].push(day('2026-10-10'), name);
    });
    const loaded = rawWorkbook(
      {
        Deals: deals,
        Campaigns: [
          ['Campaign', 'Cost', 'Start Date', 'End Date'],
          ...NAMES.map((name) => [name, 100, day('2026-10-01'), day('2026-10-02')]),
        ],
      },
      { locale, timeZone },
    );
    const result = generate(loaded);
    expect(result.ok).toBe(true);
    for (const id of ['reps', 'campaigns']) {
      const sheet = loaded.emulator.workbook.sheet(tabNamed(result, id));
      const firstColumn = sheet.snapshot().values.map((row) => row[0]);
      expect([id, firstColumn.filter((v) => NAMES.includes(v as string)).sort()]).toEqual([
        id,
        [...NAMES].sort(),
      ]);
      for (const value of firstColumn) expect(typeof value === 'string' || value === '').toBe(true);
    }
  });

  test('the emulator would have turned them into something else without the apostrophe', () => {
    const loaded = rawWorkbook({ Notes: [['x']] });
    const range = loaded.emulator.spreadsheet.getSheets()[0].getRange(1, 1, 1, NAMES.length);
    range.setValues([NAMES]);
    range.setNumberFormat('@');
    const values = loaded.emulator.workbook.sheets[0].snapshot().values[0];
    // In English "mars" is no month; every other name became a date, number or boolean.
    expect(values.filter((v) => typeof v === 'string')).toEqual(['mars 2025']);
    expect(values.slice(5)).toEqual([true, 0.12, 1000]);
  });
});
