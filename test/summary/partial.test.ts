/**
 * Writing the summary tabs fails part-way (a service error on one tab): the tabs this
 * run added are removed, and the message says which tabs were rewritten before the
 * failure, never "not written" while one is.
 */
import { EmulatedSheet, EmulatedSpreadsheet } from '../../emulator';
import { SMALL } from './fixture';
import { generate, workbook } from './support';

const FAILURE = 'Service Spreadsheets failed while accessing document';

/** insertChart fails on the tab named `tab`; restored after each test. */
function failChartsOn(tab: string) {
  const insertChart = EmulatedSheet.prototype.insertChart;
  return jest.spyOn(EmulatedSheet.prototype, 'insertChart').mockImplementation(function (
    this: EmulatedSheet,
    ...args: Parameters<typeof insertChart>
  ) {
    if (this.getName() === tab) throw new Error(FAILURE);
    return insertChart.apply(this, args);
  });
}

afterEach(() => jest.restoreAllMocks());

test('on a first run, the tabs added before the failure are removed', () => {
  const loaded = workbook(SMALL);
  const before = loaded.emulator.workbook.sheets.map((s) => s.name);
  failChartsOn('KPI Trends');
  const result = generate(loaded);
  expect(result.ok).toBe(false);
  expect(result.error).toEqual({ kind: 'partial', detail: FAILURE });
  expect(result.message).toBe(
    `The KPI summary was not written: writing “KPI Trends” failed (${FAILURE}). ` +
      'The tabs this run had added were removed: “KPI Overview”, “KPI by Rep”, “KPI Trends”. No other tab was changed. Try again.',
  );
  expect(result.tabs).toEqual([]);
  expect(loaded.emulator.workbook.sheets.map((s) => s.name)).toEqual(before);
});

test('on a later run, the message lists the tabs rewritten and the one left incomplete', () => {
  const loaded = workbook(SMALL);
  expect(generate(loaded).ok).toBe(true);
  const tabs = loaded.emulator.workbook.sheets.map((s) => s.name);
  failChartsOn('KPI Trends');
  const result = generate(loaded);
  expect(result.ok).toBe(false);
  expect(result.message).toBe(
    `The KPI summary was written only in part: writing “KPI Trends” failed (${FAILURE}). ` +
      'Rewritten before the failure: “KPI Overview”, “KPI by Rep”. “KPI Trends” may be incomplete. Try again.',
  );
  expect(result.tabs.map((t) => [t.id, t.name, t.created])).toEqual([
    ['overview', 'KPI Overview', false],
    ['reps', 'KPI by Rep', false],
    ['trends', 'KPI Trends', false],
  ]);
  expect(loaded.emulator.workbook.sheets.map((s) => s.name)).toEqual(tabs);
  jest.restoreAllMocks();
  expect(generate(loaded).ok).toBe(true);
});

test('when the first tab fails, nothing else was changed', () => {
  const loaded = workbook(SMALL, { locale: 'fr_FR', timeZone: 'Europe/Paris' });
  const before = loaded.emulator.workbook.sheets.map((s) => s.name);
  failChartsOn('KPI Synthèse');
  const result = generate(loaded);
  expect(result.message).toBe(
    `La synthèse KPI n’a pas été écrite : l’écriture de « KPI Synthèse » a échoué (${FAILURE}). ` +
      'Les onglets ajoutés par cette exécution ont été supprimés : « KPI Synthèse ». Aucun autre onglet n’a été modifié. Réessayez.',
  );
  expect(loaded.emulator.workbook.sheets.map((s) => s.name)).toEqual(before);
});

test('a tab that cannot be removed is named as still there', () => {
  const loaded = workbook(SMALL);
  failChartsOn('KPI by Rep');
  jest.spyOn(EmulatedSpreadsheet.prototype, 'deleteSheet').mockImplementation(() => {
    throw new Error('quota');
  });
  const result = generate(loaded);
  expect(result.message).toBe(
    `The KPI summary was written only in part: writing “KPI by Rep” failed (${FAILURE}). ` +
      'Added by this run and still there: “KPI Overview”, “KPI by Rep”. Try again.',
  );
  expect(result.tabs.map((t) => t.name)).toEqual(['KPI Overview', 'KPI by Rep']);
  expect(loaded.emulator.workbook.sheets.map((s) => s.name)).toContain('KPI Overview');
});
