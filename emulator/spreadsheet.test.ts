import { join } from 'path';
import { createEmulator, loadWorkbook } from './index';

const SAMPLES = join(__dirname, '..', 'samples');
const PARIS = 'Europe/Paris';
const NY = 'America/New_York';

function english() {
  return createEmulator({
    locale: 'en_US',
    timeZone: NY,
    sheets: [
      {
        name: 'deals',
        values: [
          ['Deal', 'Amount', 'Close'],
          ['D-1', 100, new Date('2025-01-15T05:00:00Z')],
          ['D-2', 250.5, ''],
        ],
      },
    ],
  });
}

describe('reading values', () => {
  it('reads blanks as "", numbers, dates and text as typed', () => {
    const { spreadsheet } = english();
    const sheet = spreadsheet.getSheetByName('deals')!;
    expect(sheet.getLastRow()).toBe(3);
    expect(sheet.getLastColumn()).toBe(3);
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getMaxColumns()).toBe(26);
    const values = sheet.getDataRange().getValues();
    expect(values).toEqual([
      ['Deal', 'Amount', 'Close'],
      ['D-1', 100, new Date('2025-01-15T05:00:00Z')],
      ['D-2', 250.5, ''],
    ]);
    expect(sheet.getRange('D1').getValue()).toBe('');
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C3');
  });
  it('returns fresh copies of dates', () => {
    const { spreadsheet } = english();
    const cell = spreadsheet.getRange('deals!C2');
    (cell.getValue() as Date).setTime(0);
    expect(cell.getValue()).toEqual(new Date('2025-01-15T05:00:00Z'));
  });
  it('gives display values in the locale', () => {
    const { spreadsheet } = english();
    expect(spreadsheet.getRange('deals!A2:C3').getDisplayValues()).toEqual([
      ['D-1', '100', '1/15/2025'],
      ['D-2', '250.5', ''],
    ]);
  });
  it('resolves range forms: row/column, A1, sheet-qualified and open-ended', () => {
    const { spreadsheet } = english();
    const sheet = spreadsheet.getSheets()[0];
    const r = sheet.getRange(2, 1, 2, 3);
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()]).toEqual([2, 1, 2, 3]);
    expect(r.getA1Notation()).toBe('A2:C3');
    expect(sheet.getRange(3, 2).getValue()).toBe(250.5);
    expect(sheet.getRange(1, 1, 2).getA1Notation()).toBe('A1:A2');
    const column = sheet.getRange('B2:B');
    expect(column.getA1Notation()).toBe('B2:B');
    expect(column.getNumRows()).toBe(999);
    expect(column.getValues().slice(0, 3)).toEqual([[100], [250.5], ['']]);
    expect(spreadsheet.getRange("'deals'!A1").getValue()).toBe('Deal');
    expect(() => spreadsheet.getRange('nope!A1')).toThrow('Range not found');
    expect(r.getCell(2, 3).getA1Notation()).toBe('C3');
    expect(r.offset(1, 1, 1, 1).getA1Notation()).toBe('B3');
  });
  it('refuses ranges outside the grid, as Sheets does', () => {
    const { spreadsheet } = english();
    const sheet = spreadsheet.getSheets()[0];
    expect(() => sheet.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow(
      'The number of rows in the range must be at least 1.',
    );
    sheet.insertRowsAfter(sheet.getMaxRows(), 500);
    expect(sheet.getMaxRows()).toBe(1500);
    expect(sheet.getRange(1500, 1).getValue()).toBe('');
  });
});

describe('writing values', () => {
  it('stores a string starting with "=" as a formula that reads "" without an evaluator', () => {
    const { spreadsheet } = english();
    const sheet = spreadsheet.getSheets()[0];
    sheet.getRange('E1:F1').setValues([['=SUM(B2:B3)', 'plain']]);
    expect(sheet.getRange('E1:F1').getFormulas()).toEqual([['=SUM(B2:B3)', '']]);
    expect(sheet.getRange('E1:F1').getValues()).toEqual([['', 'plain']]);
    expect(sheet.getRange('E1').isBlank()).toBe(false);
    expect(sheet.getLastColumn()).toBe(6);
  });
  it('evaluates formulas with a plugged evaluator', () => {
    const emulator = createEmulator({
      formulaEvaluator: (sheet, row, column, formula) =>
        formula === '=1+1' ? 2 : `${sheet.getName()}!${row},${column}`,
    });
    const range = emulator.spreadsheet.getActiveSheet().getRange('A1:B1');
    range.setFormulas([['=1+1', '=X()']]);
    expect(range.getValues()).toEqual([[2, 'Sheet1!1,2']]);
  });
  it('stores a string starting with an apostrophe as text, without the apostrophe', () => {
    const { spreadsheet } = english();
    const cell = spreadsheet.getRange('deals!A5');
    cell.setValue('\'=HYPERLINK("x")');
    expect(cell.getValue()).toBe('=HYPERLINK("x")');
    expect(cell.getFormula()).toBe('');
    cell.setValue("'00123");
    expect(cell.getValue()).toBe('00123');
  });
  it('types written strings the way Sheets does in the locale', () => {
    const fr = createEmulator({ locale: 'fr_FR', timeZone: PARIS });
    const cells = fr.spreadsheet.getActiveSheet().getRange('A1:F1');
    cells.setValues([['12,5', '1 234,50 €', '40 %', '31/03/2025', 'VRAI', '01/2025']]);
    expect(cells.getValues()).toEqual([
      [12.5, 1234.5, 0.4, new Date('2025-03-30T22:00:00Z'), true, '01/2025'],
    ]);
    expect(cells.getNumberFormats()[0].slice(1, 4)).toEqual(['#,##0.00 [$€]', '0%', 'dd/MM/yyyy']);
    expect(cells.getDisplayValues()).toEqual([
      ['12,5', '1\u202f234,50 €', '40%', '31/03/2025', 'VRAI', '01/2025'],
    ]);
  });
  it('reads month names of the spreadsheet language, fractions, 1e3, TRUE and 12%', () => {
    const now = new Date().getFullYear();
    const en = english();
    const cells = en.spreadsheet.getActiveSheet().getRange('A10:J10');
    cells.setValues([
      [
        'May 2026',
        'Sept 2026',
        'mars 2025',
        '1/2',
        '3-4',
        'TRUE',
        '12%',
        '1e3',
        'Q1 2026',
        '13/13',
      ],
    ]);
    expect(cells.getValues()).toEqual([
      [
        new Date('2026-05-01T04:00:00Z'),
        new Date('2026-09-01T04:00:00Z'),
        'mars 2025', // not a month in English
        new Date(`${now}-01-02T05:00:00Z`),
        new Date(`${now}-03-04T05:00:00Z`),
        true,
        0.12,
        1000,
        'Q1 2026',
        '13/13',
      ],
    ]);
    // Setting the text format afterwards does not bring the text back.
    cells.setNumberFormat('@');
    expect(cells.getValues()[0][0]).toEqual(new Date('2026-05-01T04:00:00Z'));
    const fr = createEmulator({ locale: 'fr_FR', timeZone: PARIS });
    const frCells = fr.spreadsheet.getActiveSheet().getRange('A1:E1');
    frCells.setValues([['mars 2025', 'Sept 2026', '1/2', '5 mai 2025', '1,5e3']]);
    expect(frCells.getValues()).toEqual([
      [
        new Date('2025-02-28T23:00:00Z'),
        new Date('2026-08-31T22:00:00Z'),
        new Date(`${now}-01-31T23:00:00Z`), // 1 February: day first in French
        new Date('2025-05-04T22:00:00Z'),
        1500,
      ],
    ]);
  });
  it('keeps those strings as text with an apostrophe, or with the text format set first', () => {
    const { spreadsheet } = english();
    const quoted = spreadsheet.getActiveSheet().getRange('A10:C10');
    quoted.setValues([["'May 2026", "'1/2", "'TRUE"]]);
    expect(quoted.getValues()).toEqual([['May 2026', '1/2', 'TRUE']]);
    const formatted = spreadsheet.getActiveSheet().getRange('A11:C11');
    formatted.setNumberFormat('@').setValues([['May 2026', '1e3', '12%']]);
    expect(formatted.getValues()).toEqual([['May 2026', '1e3', '12%']]);
  });
  it('keeps strings as text in a plain-text (@) cell, or when parsing is off', () => {
    const { spreadsheet } = english();
    const cell = spreadsheet.getRange('deals!A6');
    cell.setNumberFormat('@').setValue('2025-01-15');
    expect(cell.getValue()).toBe('2025-01-15');
    const raw = createEmulator({ parseWrittenStrings: false });
    const other = raw.spreadsheet.getActiveSheet().getRange('A1');
    other.setValue('42');
    expect(other.getValue()).toBe('42');
  });
  it('writes numbers, booleans, dates and null as given', () => {
    const { spreadsheet } = english();
    const range = spreadsheet.getRange('deals!A7:D7');
    const date = new Date('2025-02-01T05:00:00Z');
    range.setValues([[1.5, false, date, null]]);
    date.setTime(0);
    expect(range.getValues()).toEqual([[1.5, false, new Date('2025-02-01T05:00:00Z'), '']]);
  });
  it('treats +, - and @ as formula prefixes only when asked (injection tests)', () => {
    const strict = createEmulator({ formulaPrefixes: ['=', '+', '-', '@'] });
    const range = strict.spreadsheet.getActiveSheet().getRange('A1:D1');
    range.setValues([['-cmd', '+1', '@SUM(1)', '-5']]);
    expect(range.getFormulas()).toEqual([['=-cmd', '', '=@SUM(1)', '']]);
    expect(range.getValues()).toEqual([['', 1, '', -5]]);
    const lenient = createEmulator();
    const cell = lenient.spreadsheet.getActiveSheet().getRange('A1');
    cell.setValue('-cmd');
    expect(cell.getValue()).toBe('-cmd');
  });
  it('refuses data whose shape does not match the range', () => {
    const { spreadsheet } = english();
    const range = spreadsheet.getRange('deals!A1:B2');
    expect(() => range.setValues([['a', 'b']])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => range.setValues([['a'], ['b']])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });
  it('refuses a cell over 50,000 characters', () => {
    const { spreadsheet } = english();
    expect(() => spreadsheet.getRange('deals!A1').setValue('x'.repeat(50001))).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
  });
  it('clears content, formats or both', () => {
    const { spreadsheet } = english();
    const range = spreadsheet.getRange('deals!A2:B2');
    range.setBackground('RED').setFontWeight('bold').setNumberFormat('0.00');
    expect(range.getBackgrounds()).toEqual([['#ff0000', '#ff0000']]);
    range.clearContent();
    expect(range.getValues()).toEqual([['', '']]);
    expect(range.getBackground()).toBe('#ff0000');
    range.clearFormat();
    expect(range.getBackground()).toBe('#ffffff');
    expect(range.getNumberFormat()).toBe('0.###############');
    expect(range.getFontWeight()).toBe('normal');
    const c3 = spreadsheet.getRange('deals!C2');
    c3.setBackground('#abc');
    c3.clear();
    expect([c3.getValue(), c3.getBackground()]).toEqual(['', '#ffffff']);
  });
  it('keeps per-cell formats and styles', () => {
    const { spreadsheet } = english();
    const range = spreadsheet.getRange('deals!B2:B3');
    range.setNumberFormats([['[$$]#,##0.00'], ['0.0%']]);
    range.setFontColors([['#00AA00'], [null]]);
    range.setHorizontalAlignment('right').setWrap(true).setFontStyle('italic');
    expect(range.getDisplayValues()).toEqual([['$100.00'], ['25050.0%']]);
    expect(range.getFontColors()).toEqual([['#00aa00'], ['#000000']]);
    expect(range.getHorizontalAlignments()).toEqual([['right'], ['right']]);
    expect(range.getWraps()).toEqual([[true], [true]]);
    expect(range.getFontStyles()).toEqual([['italic'], ['italic']]);
  });
  it('appends rows after the last one', () => {
    const { spreadsheet } = english();
    const sheet = spreadsheet.getSheetByName('deals')!;
    sheet.appendRow(['D-3', '300', '']);
    expect(sheet.getLastRow()).toBe(4);
    expect(sheet.getRange('A4:B4').getValues()).toEqual([['D-3', 300]]);
  });
});

describe('sheets', () => {
  it('inserts a tab after the active one, makes it active, and refuses a duplicate name', () => {
    const emulator = english();
    const ss = emulator.spreadsheet;
    const overview = ss.insertSheet('KPI Overview');
    expect(ss.getActiveSheet().getName()).toBe('KPI Overview');
    expect(overview.getIndex()).toBe(2);
    expect(() => ss.insertSheet('KPI Overview')).toThrow(
      'A sheet with the name "KPI Overview" already exists. Please enter another name.',
    );
    expect(() => ss.insertSheet('kpi overview')).toThrow('already exists');
    ss.insertSheet('First', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['First', 'deals', 'KPI Overview']);
    expect(ss.insertSheet().getName()).toBe('Sheet4');
  });
  it('moves, finds and deletes tabs', () => {
    const ss = english().spreadsheet;
    const a = ss.insertSheet('A');
    ss.insertSheet('B');
    ss.setActiveSheet(a);
    ss.moveActiveSheet(3);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['deals', 'B', 'A']);
    expect(ss.getSheetByName('a')!.getName()).toBe('A');
    expect(ss.getSheetById(a.getSheetId())!.getName()).toBe('A');
    expect(ss.getSheetByName('missing')).toBeNull();
    ss.deleteSheet(a);
    expect(ss.getNumSheets()).toBe(2);
    expect(ss.getSheetByName('A')).toBeNull();
    ss.deleteSheet(ss.getSheetByName('B')!);
    expect(() => ss.deleteSheet(ss.getSheets()[0])).toThrow(
      "You can't remove all the sheets in a document.",
    );
  });
  it('renames, freezes, sizes columns and knows its parent', () => {
    const ss = english().spreadsheet;
    const sheet = ss.getSheets()[0];
    ss.insertSheet('Taken');
    expect(() => sheet.setName('Taken')).toThrow('already exists');
    sheet.setName('Deals 2025');
    expect(sheet.getParent().getId()).toBe(ss.getId());
    sheet.setFrozenRows(1);
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.getColumnWidth(2)).toBe(100);
    sheet.setColumnWidth(2, 180);
    expect(sheet.getColumnWidth(2)).toBe(180);
    sheet.autoResizeColumns(1, 1);
    // Longest display text in column A is "Deal" (4 characters): 4 × 7 + 10.
    expect(sheet.getColumnWidth(1)).toBe(38);
  });
  it('reports locale and time zone, and shows toasts', () => {
    const emulator = createEmulator({ locale: 'fr_FR', timeZone: PARIS });
    const ss = emulator.spreadsheet;
    expect(ss.getSpreadsheetLocale()).toBe('fr_FR');
    expect(ss.getSpreadsheetTimeZone()).toBe(PARIS);
    expect(ss.getSheets()[0].getName()).toBe('Feuille 1');
    ss.toast('Synthèse générée', 'KPI', 5);
    expect(emulator.ui.toasts).toEqual([
      { message: 'Synthèse générée', title: 'KPI', timeoutSeconds: 5 },
    ]);
    ss.setSpreadsheetLocale('en_US');
    expect(ss.getSpreadsheetLocale()).toBe('en_US');
  });
});

describe('developer metadata', () => {
  it('marks tabs and finds them again', () => {
    const emulator = english();
    const ss = emulator.spreadsheet;
    const owned = ss.insertSheet('KPI Overview');
    owned.addDeveloperMetadata('salesKpi.tab', 'overview');
    ss.insertSheet('Mine').addDeveloperMetadata('other');
    const found = ss.createDeveloperMetadataFinder().withKey('salesKpi.tab').find();
    expect(found).toHaveLength(1);
    expect(found[0].getValue()).toBe('overview');
    const location = found[0].getLocation();
    expect(String(location.getLocationType())).toBe('SHEET');
    expect(location.getSheet()!.getName()).toBe('KPI Overview');
    expect(owned.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue()])).toEqual([
      ['salesKpi.tab', 'overview'],
    ]);
    expect(ss.getSheetByName('Mine')!.getDeveloperMetadata()[0].getValue()).toBeNull();
    found[0].remove();
    expect(owned.getDeveloperMetadata()).toEqual([]);
  });
  it('takes a visibility enum in place of the value, and forgets a deleted tab', () => {
    const emulator = english();
    const ss = emulator.spreadsheet;
    const tab = ss.insertSheet('T');
    tab.addDeveloperMetadata('k', SpreadsheetAppVisibility(emulator).PROJECT);
    const [m] = tab.getDeveloperMetadata();
    expect(m.getValue()).toBeNull();
    expect(String(m.getVisibility())).toBe('PROJECT');
    ss.addDeveloperMetadata('doc', 'level');
    ss.deleteSheet(tab);
    expect(
      ss
        .createDeveloperMetadataFinder()
        .find()
        .map((x) => x.getKey()),
    ).toEqual(['doc']);
  });
});

describe('recalculation and text finder', () => {
  it('computes a formula again only when entered again or when a range it names changes', () => {
    let calls = 0;
    let external = 'v1';
    const emulator = createEmulator({
      formulaEvaluator: () => `${external}#${++calls}`,
    });
    const sheet = emulator.spreadsheet.getActiveSheet();
    sheet.getRange('A1:A2').setValues([[1], [2]]);
    sheet.getRange('B1').setFormula('=MYFN(A1:A2; "C9")');
    expect(sheet.getRange('B1').getValue()).toBe('v1#1');
    external = 'v2'; // something the function reads that is not an argument
    expect(sheet.getRange('B1').getValue()).toBe('v1#1');
    sheet.getRange('C9').setValue(5); // named only inside a string: not an argument
    expect(sheet.getRange('B1').getValue()).toBe('v1#1');
    sheet.getRange('A2').setValue(3); // an argument changed
    expect(sheet.getRange('B1').getValue()).toBe('v2#2');
    external = 'v3';
    sheet.getRange('B1').setFormula('=MYFN(A1:A2; "C9")'); // entered again
    expect(sheet.getRange('B1').getValue()).toBe('v3#3');
    const always = createEmulator({ formulaEvaluator: () => ++calls, recalculation: 'always' });
    always.spreadsheet.getActiveSheet().getRange('A1').setFormula('=MYFN()');
    const cell = always.spreadsheet.getActiveSheet().getRange('A1');
    expect(cell.getValue()).not.toBe(cell.getValue());
  });
  it('finds formulas by their text only with matchFormulaText(true)', () => {
    const emulator = createEmulator({ formulaEvaluator: () => 'result' });
    const ss = emulator.spreadsheet;
    ss.getActiveSheet().getRange('A1').setFormula('=KPI_TABLE(Deals!A1:K)');
    ss.getActiveSheet().getRange('A2').setValue("'see KPI_TABLE(…) in the docs");
    ss.insertSheet('Other').getRange('C3').setFormula('=kpi_table(Deals!A1:K; "rep")');
    const found = (finder: GoogleAppsScript.Spreadsheet.TextFinder) =>
      finder.findAll().map((r) => `${r.getSheet().getName()}!${r.getA1Notation()}`);
    expect(found(ss.createTextFinder('KPI_TABLE(').matchFormulaText(true))).toEqual([
      'Sheet1!A1',
      'Sheet1!A2',
      'Other!C3',
    ]);
    expect(found(ss.createTextFinder('KPI_TABLE(').matchFormulaText(true).matchCase(true))).toEqual(
      ['Sheet1!A1', 'Sheet1!A2'],
    );
    // Without it, formula cells are searched by what they show.
    expect(found(ss.createTextFinder('KPI_TABLE('))).toEqual(['Sheet1!A2']);
    expect(found(ss.getSheetByName('Other')!.createTextFinder('kpi_table('))).toEqual([]);
  });
});

describe('developer metadata visibility', () => {
  it('shows PROJECT metadata only to the project that wrote it, DOCUMENT metadata to all', () => {
    const emulator = english();
    const ss = emulator.spreadsheet;
    const visibility = SpreadsheetAppVisibility(emulator);
    const tab = ss.insertSheet('KPI Overview');
    tab.addDeveloperMetadata('private', 'p', visibility.PROJECT);
    tab.addDeveloperMetadata('shared', 's', visibility.DOCUMENT);
    const keys = () =>
      ss
        .createDeveloperMetadataFinder()
        .find()
        .map((m) => m.getKey());
    expect(keys()).toEqual(['private', 'shared']);
    emulator.project = 'published-add-on';
    expect(keys()).toEqual(['shared']);
    expect(tab.getDeveloperMetadata().map((m) => m.getKey())).toEqual(['shared']);
    expect(ss.createDeveloperMetadataFinder().withKey('private').find()).toEqual([]);
    emulator.project = 'emulated-project';
    expect(keys()).toEqual(['private', 'shared']);
  });
});

function SpreadsheetAppVisibility(emulator: ReturnType<typeof english>) {
  return emulator.globals.SpreadsheetApp.DeveloperMetadataVisibility;
}

describe('embedded charts', () => {
  it('builds, inserts and describes a chart as a plain spec', () => {
    const emulator = english();
    const { spreadsheet, globals } = emulator;
    const sheet = spreadsheet.insertSheet('KPI Overview');
    sheet.getRange('A1:B3').setValues([
      ['Month', 'Revenue'],
      ['2025-01', 10],
      ['2025-02', 20],
    ]);
    const chart = sheet
      .newChart()
      .setChartType(globals.Charts.ChartType.COLUMN)
      .addRange(sheet.getRange('A1:B3'))
      .setPosition(2, 4, 10, 5)
      .setOption('title', 'Revenue by month')
      .setOption('legend', { position: 'none' })
      .setNumHeaders(1)
      .build();
    expect(chart.getChartId()).toBeNull();
    sheet.insertChart(chart);
    const [inserted] = sheet.getCharts();
    expect(inserted.getChartId()).toBe(1);
    expect(inserted.getOptions().get('title')).toBe('Revenue by month');
    expect(inserted.getOptions().get('missing')).toBeNull();
    expect(inserted.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B3']);
    expect(inserted.getContainerInfo().getAnchorColumn()).toBe(4);
    expect(emulator.workbook.sheet('KPI Overview').snapshot().charts).toEqual([
      {
        chartId: 1,
        type: 'COLUMN',
        ranges: ["'KPI Overview'!A1:B3"],
        position: { row: 2, column: 4, offsetX: 10, offsetY: 5 },
        options: { title: 'Revenue by month', legend: { position: 'none' } },
        numHeaders: 1,
        transposeRowsAndColumns: false,
        hiddenDimensionStrategy: 'IGNORE_ROWS',
        mergeStrategy: 'MERGE_COLUMNS',
      },
    ]);
  });
  it('modifies and updates a chart in place, and removes it', () => {
    const emulator = english();
    const sheet = emulator.spreadsheet.getSheets()[0];
    const charts = emulator.globals.Charts;
    sheet.insertChart(
      sheet.newChart().asLineChart().setTitle('Before').addRange(sheet.getRange('A1:B3')).build(),
    );
    const [chart] = sheet.getCharts();
    const updated = chart
      .modify()
      .asColumnChart()
      .setStacked()
      .setXAxisTitle('Month')
      .setLegendPosition(charts.Position.BOTTOM)
      .setOption('title', 'After')
      .build();
    sheet.updateChart(updated);
    const [spec] = emulator.workbook.sheets[0].snapshot().charts;
    expect(spec.chartId).toBe(chart.getChartId());
    expect(spec.type).toBe('COLUMN');
    expect(spec.options).toEqual({
      title: 'After',
      isStacked: true,
      'hAxis.title': 'Month',
      'legend.position': 'bottom',
    });
    sheet.removeChart(sheet.getCharts()[0]);
    expect(sheet.getCharts()).toEqual([]);
  });
  it('exposes the ChartType enum as Apps Script does', () => {
    const { Charts } = english().globals;
    expect(String(Charts.ChartType.PIE)).toBe('PIE');
    expect(Charts.ChartType.COLUMN).toBe(Charts.ChartType.COLUMN);
    expect(Charts.ChartType.COLUMN).not.toBe(Charts.ChartType.BAR);
    for (const name of ['AREA', 'BAR', 'COMBO', 'LINE', 'SCATTER', 'TABLE']) {
      expect(String((Charts.ChartType as unknown as Record<string, unknown>)[name])).toBe(name);
    }
  });
});

describe('loadWorkbook and snapshots', () => {
  it('loads the French samples typed, with a tab per file', () => {
    const emulator = loadWorkbook(join(SAMPLES, 'fr'), { locale: 'fr_FR', timeZone: PARIS });
    const names = emulator.spreadsheet.getSheets().map((s) => s.getName());
    expect(names).toEqual(['activites', 'affaires', 'campagnes', 'objectifs', 'ressenti']);
    const deals = emulator.spreadsheet.getSheetByName('affaires')!;
    expect(deals.getRange('F2:H2').getValues()).toEqual([
      [17800, 9885, new Date('2024-12-31T23:00:00Z')],
    ]);
    // Imported cells keep the format Sheets infers: currency, the typed date pattern.
    expect(deals.getRange('F2:H2').getDisplayValues()).toEqual([
      ['17\u202f800,00 €', '9\u202f885,00 €', '01/01/2025'],
    ]);
    expect(deals.getRange('K2').getDisplayValue()).toBe('100%');
    const en = loadWorkbook(join(SAMPLES, 'en'), { locale: 'en_US', timeZone: NY });
    expect(en.spreadsheet.getRange('deals!F2:H2').getDisplayValues()).toEqual([
      ['23520', '16329', '2025-01-01'],
    ]);
  });
  it('snapshots values, formulas, formats, backgrounds and metadata; exports CSV', () => {
    const emulator = english();
    const sheet = emulator.spreadsheet.getSheets()[0];
    sheet.getRange('D1').setFormula('=B2*2');
    sheet.getRange('B2').setNumberFormat('[$$]#,##0.00').setBackground('#FFEEDD');
    sheet.addDeveloperMetadata('owner', 'me');
    const snap = emulator.snapshot().sheets[0];
    expect(snap.formulas).toEqual({ D1: '=B2*2' });
    expect(snap.numberFormats).toEqual({ B2: '[$$]#,##0.00' });
    expect(snap.backgrounds).toEqual({ B2: '#ffeedd' });
    expect(snap.metadata).toEqual([{ key: 'owner', value: 'me', visibility: 'DOCUMENT' }]);
    expect(snap.displayValues[1]).toEqual(['D-1', '$100.00', '1/15/2025', '']);
    expect(emulator.toCsv('deals')).toBe(
      'Deal,Amount,Close,\nD-1,$100.00,1/15/2025,\nD-2,250.5,,\n',
    );
    expect(emulator.toCsv('deals', { display: false }).split('\n')[1]).toBe(
      'D-1,100,2025-01-15T05:00:00.000Z,',
    );
  });
});
