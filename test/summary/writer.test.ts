/** The writer's pure parts: formats per locale, text quoting, tab names, options. */
import { parseSummaryOptions } from '../../src/server/generate';
import { dateFormat, moneyFormat, unitFormat } from '../../src/writer/formats';
import { Grid, num, safeText, text } from '../../src/writer/grid';
import { freeName } from '../../src/writer/tabs';

test.each([
  ['fr_FR', '#,##0.00 [$€]'],
  ['fr_BE', '#,##0.00 [$€]'],
  ['de_DE', '#,##0.00 [$€]'],
  ['es_ES', '#,##0.00 [$€]'],
  ['en_US', '[$$]#,##0.00'],
  ['en_GB', '[$£]#,##0.00'],
  ['en_IE', '[$€]#,##0.00'],
  ['fr_CH', '#,##0.00 [$CHF]'],
  ['ja_JP', '[$¥]#,##0'],
  ['xx_YY', '#,##0.00'],
])('money in %s is %s', (locale, format) => {
  expect(moneyFormat(locale)).toBe(format);
});

test('dates in the order of the locale', () => {
  expect(dateFormat('en_US')).toBe('m/d/yyyy');
  expect(dateFormat('fr_FR')).toBe('dd/mm/yyyy');
  expect(dateFormat('en_GB')).toBe('dd/mm/yyyy');
  expect(dateFormat('de_DE')).toBe('dd.mm.yyyy');
  expect(dateFormat('sv_SE')).toBe('yyyy-mm-dd');
});

test('units', () => {
  expect(unitFormat('percent', 'fr_FR')).toBe('0.0%');
  expect(unitFormat('days', 'fr_FR')).toBe('0.0');
  expect(unitFormat('count', 'en_US')).toBe('#,##0');
  expect(unitFormat('money', 'en_GB')).toBe('[$£]#,##0.00');
});

test.each([
  ['Alice', "'Alice"],
  ['Éloïse', "'Éloïse"],
  ['May 2026', "'May 2026"],
  ['mars 2025', "'mars 2025"],
  ['1/2', "'1/2"],
  ['1e3', "'1e3"],
  ['=HYPERLINK("x")', '\'=HYPERLINK("x")'],
  ['+1', "'+1"],
  ['-2', "'-2"],
  ['@x', "'@x"],
  ["'quoted", "''quoted"],
  ['2026-10', "'2026-10"],
  ['12,5', "'12,5"],
  ['TRUE', "'TRUE"],
  ['(none)', "'(none)"],
  ['', ''],
])('safeText(%j) is %j', (input, output) => {
  expect(safeText(input)).toBe(output);
});

test('a grid is a rectangle of values, formats, backgrounds and weights', () => {
  const grid = new Grid();
  grid.row(text('a', 'bold'));
  grid.row(text('b'), num(null, '0.0%'), num(0.5, '0.0%', '#d9ead3'));
  expect(grid.values()).toEqual([
    ["'a", '', ''],
    ["'b", '—', 0.5],
  ]);
  expect(grid.formats()).toEqual([
    ['@', '0.###############', '0.###############'],
    ['@', '@', '0.0%'],
  ]);
  expect(grid.backgrounds()).toEqual([
    [null, null, null],
    [null, null, '#d9ead3'],
  ]);
  expect(grid.weights()).toEqual([
    ['bold', 'normal', 'normal'],
    ['normal', 'normal', 'normal'],
  ]);
});

test('a new tab never takes a name in use, whatever its case', () => {
  expect(freeName('KPI Overview', ['Deals'])).toBe('KPI Overview');
  expect(freeName('KPI Overview', ['kpi overview'])).toBe('KPI Overview (2)');
  expect(freeName('Ressenti', ['ressenti', 'Ressenti (2)'])).toBe('Ressenti (3)');
});

test('options from the sidebar', () => {
  expect(parseSummaryOptions(undefined)).toEqual({ ok: true, options: {} });
  expect(parseSummaryOptions({ today: '2026-11-15', period: 'quarter' })).toEqual({
    ok: true,
    options: { today: '2026-11-15', period: 'quarter' },
  });
  expect(parseSummaryOptions({ today: '2026-02-30' })).toMatchObject({ ok: false });
  expect(parseSummaryOptions({ today: '2026-11-15', extra: 1 })).toMatchObject({ ok: false });
  expect(
    parseSummaryOptions({ customRange: { start: '2026-03-01', end: '2026-01-01' } }),
  ).toMatchObject({
    ok: false,
  });
  expect(parseSummaryOptions({ periodLabel: '2017-Q2' })).toEqual({
    ok: true,
    options: { periodLabel: '2017-Q2' },
  });
  expect(parseSummaryOptions({ periodLabel: '2017-13' })).toEqual({
    ok: false,
    detail: 'periodLabel: expected a month (2017-06), a quarter (2017-Q2) or a year (2017)',
  });
});
