import { CHART_OPTIONS, undocumentedOptions } from './chartOptions';
import { createEmulator } from './index';

function sheetWithData() {
  const emulator = createEmulator({ locale: 'en_US', timeZone: 'America/New_York' });
  const sheet = emulator.spreadsheet.getSheets()[0];
  sheet.getRange('A1:C3').setValues([
    ['Month', 'Revenue', 'Margin'],
    ["'2025-01", 10, 0.2],
    ["'2025-02", 20, 0.3],
  ]);
  return { emulator, sheet, Charts: emulator.globals.Charts };
}

/** What the summary writer sets on its charts: axis titles, money axes, colours, placement. */
const WRITER_OPTIONS: [string, unknown][] = [
  ['title', 'Revenue'],
  ['hAxis.title', 'Month'],
  ['vAxis.title', 'Amount'],
  ['vAxis.format', '#,##0 €'],
  ['vAxes.0.title', 'Revenue'],
  ['vAxes.0.format', '#,##0 €'],
  ['vAxes.1.title', 'Margin'],
  ['vAxes.1.format', '0%'],
  ['vAxes', { 0: { title: 'Revenue', format: '#,##0 €' }, 1: { format: '0%' } }],
  ['series', { 1: { targetAxisIndex: 1, color: '#34a853' } }],
  ['series.1.targetAxisIndex', 1],
  ['series.0.color', '#4285f4'],
  ['colors', ['#4285f4', '#34a853']],
  ['legend.position', 'none'],
  ['legend', { position: 'bottom' }],
  ['legend', 'none'],
  ['isStacked', true],
  ['width', 600],
  ['height', 300],
];

describe('chart options: only those the chart type documents', () => {
  for (const type of ['COLUMN', 'BAR', 'COMBO'] as const) {
    it(`accepts every option the writer uses on a ${type} chart`, () => {
      const { sheet, Charts } = sheetWithData();
      let builder = sheet
        .newChart()
        .setChartType(Charts.ChartType[type])
        .addRange(sheet.getRange('A1:C3'));
      for (const [key, value] of WRITER_OPTIONS) builder = builder.setOption(key, value);
      sheet.insertChart(builder.build());
      expect(sheet.getCharts()[0].getOptions().get('vAxes.1.format')).toBe('0%');
    });
  }

  it("accepts the line chart options the writer uses, not a combo chart's", () => {
    const { sheet, Charts } = sheetWithData();
    let builder = sheet.newChart().setChartType(Charts.ChartType.LINE);
    for (const [key, value] of WRITER_OPTIONS.filter(([key]) => key !== 'isStacked')) {
      builder = builder.setOption(key, value);
    }
    expect(() => builder.setOption('curveType', 'function').build()).not.toThrow();
    expect(() => builder.setOption('seriesType', 'bars')).toThrow(
      /seriesType is not a documented option of a LINE chart .*linechart#configuration-options/,
    );
  });

  it('refuses a misspelt key, naming it and the page that lists the valid ones', () => {
    const { sheet, Charts } = sheetWithData();
    const builder = sheet.newChart().setChartType(Charts.ChartType.COLUMN);
    expect(() => builder.setOption('vAxis.fromat', '0%')).toThrow(
      'Chart option vAxis.fromat is not a documented option of a COLUMN chart (https://developers.google.com/chart/interactive/docs/gallery/columnchart#configuration-options): Sheets would ignore it.',
    );
    expect(() => builder.setOption('pieHole', 0.4)).toThrow(/pieHole .* COLUMN chart/);
  });

  it('checks the keys inside an object value', () => {
    const { sheet, Charts } = sheetWithData();
    const builder = sheet.newChart().setChartType(Charts.ChartType.COLUMN);
    expect(() => builder.setOption('series', { 1: { targetAxis: 1 } })).toThrow(
      /Chart option series\.1\.targetAxis is not/,
    );
    expect(() => builder.setOption('vAxes', [{ title: 'A' }, { fromat: '0' }])).toThrow(
      /vAxes\.1\.fromat/,
    );
    expect(() => builder.setOption('legend', { position: 'top', size: 3 })).toThrow(/legend\.size/);
  });

  it('checks options set before the chart type when the chart is built', () => {
    const { sheet, Charts } = sheetWithData();
    const builder = sheet
      .newChart()
      .setOption('isStacked', true)
      .setChartType(Charts.ChartType.PIE)
      .addRange(sheet.getRange('A1:B3'));
    expect(() => builder.build()).toThrow(/isStacked is not a documented option of a PIE chart/);
    expect(() => builder.setChartType(Charts.ChartType.COLUMN).build()).not.toThrow();
  });

  it('accepts what the builder shortcuts set, for the types that have them', () => {
    const { sheet, Charts } = sheetWithData();
    const range = sheet.getRange('A1:C3');
    const column = sheet
      .newChart()
      .asColumnChart()
      .setStacked()
      .setTitle('t')
      .setXAxisTitle('x')
      .setYAxisTitle('y')
      .setColors(['red'])
      .setLegendPosition(Charts.Position.BOTTOM)
      .setRange(0, 10)
      .useLogScale()
      .reverseCategories()
      .setBackgroundColor('white')
      .addRange(range);
    expect(() => column.build()).not.toThrow();
    const pie = sheet.newChart().asPieChart().set3D().setTitle('p').addRange(range);
    expect(() => pie.build()).not.toThrow();
    const line = sheet
      .newChart()
      .asLineChart()
      .setCurveStyle(Charts.CurveStyle.SMOOTH)
      .setPointStyle(Charts.PointStyle.LARGE)
      .addRange(range);
    expect(() => line.build()).not.toThrow();
  });

  it('lists pie and table options apart from the axis charts', () => {
    expect(CHART_OPTIONS.PIE.has('pieHole')).toBe(true);
    expect(CHART_OPTIONS.PIE.has('vAxis.title')).toBe(false);
    expect(undocumentedOptions('TABLE', 'showRowNumber', true)).toEqual([]);
    expect(undocumentedOptions('TABLE', 'title', 'x')).toEqual(['title']);
    // A type without a documented list here (e.g. GEO) is not checked.
    expect(undocumentedOptions('GEO', 'anything', 1)).toEqual([]);
  });
});
