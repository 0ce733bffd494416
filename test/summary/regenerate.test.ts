/**
 * Owned tabs only: regeneration rewrites the add-on's tabs in place (found by metadata,
 * whatever their name and position) and never touches a user's tab.
 */
import type { SheetSnapshot } from '../../emulator';
import { SMALL } from './fixture';
import type { Loaded } from './support';
import { generate, sample, workbook } from './support';

/** A tab as a test compares it: everything but chart ids (new charts get new ids). */
function comparable(snapshot: SheetSnapshot) {
  return { ...snapshot, charts: snapshot.charts.map((c) => ({ ...c, chartId: null })) };
}

function summaryTabs(loaded: Loaded) {
  return loaded.emulator.workbook.sheets
    .filter((s) => s.snapshot().metadata.some((m) => m.key === 'sales-kpi-sheets/summary-tab'))
    .map((s) => comparable(s.snapshot()));
}

test('regenerating twice gives identical tabs, charts and positions', () => {
  const loaded = workbook(SMALL);
  expect(generate(loaded).ok).toBe(true);
  const first = summaryTabs(loaded);
  const ids = loaded.emulator.workbook.sheets.map((s) => s.sheetId);
  const second = generate(loaded);
  expect(second.ok).toBe(true);
  expect(second.tabs.every((t) => !t.created)).toBe(true);
  expect(summaryTabs(loaded)).toEqual(first);
  // Same sheets (rewritten in place, not recreated), same order, no chart left behind.
  expect(loaded.emulator.workbook.sheets.map((s) => s.sheetId)).toEqual(ids);
  expect(first.reduce((n, s) => n + s.charts.length, 0)).toBe(7);
});

test('a moved and renamed summary tab is rewritten where the user put it', () => {
  const loaded = workbook(SMALL);
  generate(loaded);
  const spreadsheet = loaded.emulator.workbook;
  const funnel = spreadsheet.sheet('KPI Funnel');
  funnel.setName('My funnel');
  spreadsheet.setActiveSheet(funnel as never);
  spreadsheet.moveActiveSheet(1);
  const result = generate(loaded);
  expect(result.tabs.find((t) => t.id === 'funnel')).toEqual({
    id: 'funnel',
    name: 'My funnel',
    created: false,
  });
  expect(spreadsheet.sheets[0].name).toBe('My funnel');
  expect(spreadsheet.sheets.filter((s) => /funnel/i.test(s.name)).map((s) => s.name)).toEqual([
    'My funnel',
  ]);
  expect(funnel.snapshot().charts).toHaveLength(1);
});

test('a user tab named like a summary tab is never touched; the summary takes another name', () => {
  const loaded = workbook({ ...SMALL, 'KPI Overview': 'My own notes\n=do not touch\n' });
  const mine = loaded.emulator.workbook.sheet('KPI Overview');
  mine.getRange(1, 2).setBackground('#ff0000');
  const before = mine.snapshot();

  const result = generate(loaded);
  expect(result.ok).toBe(true);
  expect(result.tabs[0]).toEqual({ id: 'overview', name: 'KPI Overview (2)', created: true });
  expect(mine.snapshot()).toEqual(before);

  // And again: the owned "(2)" tab is reused, the user's tab still untouched.
  const again = generate(loaded);
  expect(again.tabs[0]).toEqual({ id: 'overview', name: 'KPI Overview (2)', created: false });
  expect(mine.snapshot()).toEqual(before);
  expect(
    loaded.emulator.workbook.sheets.filter((s) => s.name.startsWith('KPI Overview')),
  ).toHaveLength(2);
});

test('a user tab that took the name after a first generation is not touched either', () => {
  const loaded = workbook(SMALL);
  generate(loaded);
  const spreadsheet = loaded.emulator.workbook;
  spreadsheet.sheet('KPI Trends').setName('Old trends');
  const mine = spreadsheet.addSheetWithValues('KPI Trends', [['mine']]);
  const result = generate(loaded);
  expect(result.tabs.find((t) => t.id === 'trends')!.name).toBe('Old trends');
  expect(mine.snapshot().values).toEqual([['mine']]);
});

test('a summary tab whose table is no longer mapped is removed, other tabs stay', () => {
  const loaded = workbook(SMALL);
  generate(loaded);
  const spreadsheet = loaded.emulator.workbook;
  // The campaigns sheet is renamed to something detection does not know.
  spreadsheet.sheet('Campaigns').setName('Zz');
  spreadsheet.sheet('Zz').getRange(1, 1).setValue('xyz');
  const result = generate(loaded);
  expect(result.ok).toBe(true);
  expect(result.tabs.map((t) => t.id)).not.toContain('campaigns');
  expect(spreadsheet.sheets.map((s) => s.name)).not.toContain('KPI Campaigns');
  expect(spreadsheet.sheets.map((s) => s.name)).toContain('Zz');
});

describe('tab markers across deployments', () => {
  test('the published add-on finds tabs a test deployment wrote (DOCUMENT visibility)', () => {
    const loaded = workbook(SMALL);
    loaded.emulator.project = 'test-deployment';
    const first = generate(loaded);
    const names = loaded.emulator.workbook.sheets.map((s) => s.name);
    loaded.emulator.project = 'published-add-on';
    const second = generate(loaded);
    expect(second.ok).toBe(true);
    expect(second.tabs.map((t) => [t.name, t.created])).toEqual(
      first.tabs.map((t) => [t.name, false]),
    );
    expect(loaded.emulator.workbook.sheets.map((s) => s.name)).toEqual(names);
  });

  test('tabs marked the earlier way (PROJECT visibility) are found and re-marked', () => {
    const loaded = workbook(SMALL);
    generate(loaded);
    const sheets = loaded.emulator.workbook;
    // Turn every marker into the earlier one.
    for (const entry of sheets.metadata) {
      entry.key = 'sales-kpi:tab';
      entry.visibility = 'PROJECT';
    }
    const names = sheets.sheets.map((s) => s.name);
    const again = generate(loaded);
    expect(again.tabs.every((t) => !t.created)).toBe(true);
    expect(sheets.sheets.map((s) => s.name)).toEqual(names);
    expect(
      sheets.metadata.map((m) => [m.key, m.visibility]).filter(([key]) => key === 'sales-kpi:tab'),
    ).toEqual([]);
    expect(sheets.metadata).toHaveLength(again.tabs.length);
    expect(new Set(sheets.metadata.map((m) => m.visibility))).toEqual(new Set(['DOCUMENT']));
    // Re-marked for every deployment: another project finds them too.
    loaded.emulator.project = 'published-add-on';
    expect(generate(loaded).tabs.every((t) => !t.created)).toBe(true);
  });
});

describe('tab names', () => {
  test('every French tab starts with KPI, and the sample’s own "ressenti" tab causes no "(2)"', () => {
    const loaded = sample('fr');
    const result = generate(loaded);
    expect(result.tabs.map((t) => t.name)).toEqual([
      'KPI Synthèse',
      'KPI par commercial',
      'KPI Tendances',
      'KPI Entonnoir',
      'KPI Campagnes & ROI',
      'KPI Activités',
      'KPI Ressenti',
      'KPI Qualité des données',
    ]);
    expect(loaded.emulator.workbook.sheets.some((s) => / \(\d+\)$/.test(s.name))).toBe(false);
  });

  test('tabs written under earlier names are found by their marker and renamed', () => {
    const loaded = sample('fr');
    generate(loaded);
    const book = loaded.emulator.workbook;
    const earlier: Record<string, string> = {
      'KPI Synthèse': 'Synthèse KPI',
      'KPI Tendances': 'Tendances',
      'KPI Ressenti': 'Ressenti (2)',
      'KPI Qualité des données': 'Qualité des données',
    };
    for (const [now, before] of Object.entries(earlier)) book.sheet(now).setName(before);
    // A user's own tab under an earlier name, unmarked, is never renamed.
    const mine = book.insertSheet('Entonnoir', 0);
    book.sheet('KPI Entonnoir').setName('Entonnoir (2)');
    const ids = book.sheets.map((s) => s.sheetId);
    const again = generate(loaded);
    expect(again.tabs.every((t) => !t.created)).toBe(true);
    expect(again.tabs.map((t) => t.name)).toContain('KPI Entonnoir');
    expect(book.sheets.map((s) => s.sheetId)).toEqual(ids);
    for (const now of [...Object.keys(earlier), 'KPI Entonnoir'])
      expect(book.sheet(now)).toBeDefined();
    expect(mine.getName()).toBe('Entonnoir');
    // The sample's own tab keeps its name.
    expect(book.sheets.map((s) => s.name)).toContain('ressenti');
  });

  test('a user tab that holds the new name keeps it; the renamed tab takes a suffix', () => {
    const loaded = sample('fr');
    generate(loaded);
    const book = loaded.emulator.workbook;
    book.sheet('KPI Tendances').setName('Tendances');
    book.insertSheet('KPI Tendances');
    const again = generate(loaded);
    expect(again.tabs.find((t) => t.id === 'trends')!.name).toBe('KPI Tendances (2)');
    expect(book.sheet('KPI Tendances').snapshot().metadata).toEqual([]);
  });

  test('a name the user chose is kept', () => {
    const loaded = workbook(SMALL);
    generate(loaded);
    loaded.emulator.workbook.sheet('KPI Funnel').setName('Funnel for Monday');
    expect(generate(loaded).tabs.find((t) => t.id === 'funnel')!.name).toBe('Funnel for Monday');
  });
});
