/**
 * Both sample workbooks generate every tab, in their language, with native formats and
 * a chart wherever the table has one.
 */
import type { Loaded, Result } from './support';
import { cellOf, generate, sample, shown } from './support';

const TABS = {
  en: [
    ['overview', 'KPI Overview'],
    ['reps', 'KPI by Rep'],
    ['trends', 'KPI Trends'],
    ['funnel', 'KPI Funnel'],
    ['campaigns', 'KPI Campaigns'],
    ['activities', 'KPI Activities'],
    ['feedback', 'KPI Feedback'],
    ['quality', 'KPI Data quality'],
  ],
  fr: [
    ['overview', 'KPI Synthèse'],
    ['reps', 'KPI par commercial'],
    ['trends', 'KPI Tendances'],
    ['funnel', 'KPI Entonnoir'],
    ['campaigns', 'KPI Campagnes & ROI'],
    ['activities', 'KPI Activités'],
    // The sample has a data tab called "ressenti": the summary never takes its name.
    ['feedback', 'KPI Ressenti'],
    ['quality', 'KPI Qualité des données'],
  ],
} as const;

const CHARTS: Record<string, string> = {
  overview: 'COLUMN',
  reps: 'COLUMN',
  trends: 'LINE',
  funnel: 'BAR',
  campaigns: 'COLUMN',
  activities: 'COLUMN',
  feedback: 'LINE',
};

describe.each(['en', 'fr'] as const)('sample %s', (language) => {
  let loaded: Loaded;
  let result: Result;
  let dataTabs: string[];

  beforeAll(() => {
    loaded = sample(language);
    dataTabs = loaded.emulator.workbook.sheets.map((s) => s.name);
    result = generate(loaded);
  });

  test('every tab is written, after the data tabs, in the spreadsheet’s language', () => {
    expect(result.ok).toBe(true);
    expect(result.language).toBe(language);
    expect(result.tabs.map((t) => [t.id, t.name])).toEqual(TABS[language]);
    expect(loaded.emulator.workbook.sheets.map((s) => s.name)).toEqual([
      ...dataTabs,
      ...TABS[language].map(([, name]) => name),
    ]);
    expect(result.period).toBe('2026-10');
    expect(result.rowsRead).toBeGreaterThan(2000);
  });

  test('every tab has content and the charts of its table', () => {
    for (const [id, name] of TABS[language]) {
      const snapshot = loaded.emulator.workbook.sheet(name).snapshot();
      expect([name, snapshot.values.length > 3]).toEqual([name, true]);
      expect([name, snapshot.charts.map((c) => c.type)]).toEqual([
        name,
        CHARTS[id] ? [CHARTS[id]] : [],
      ]);
      expect(snapshot.formulas).toEqual({});
      for (const chart of snapshot.charts) {
        expect(typeof chart.options.title).toBe('string');
        for (const range of chart.ranges)
          expect(range.replace(/^'(.*)'!/, '$1!').startsWith(`${name}!`)).toBe(true);
      }
    }
  });

  test('money, percentages and days carry native number formats', () => {
    const overview = TABS[language][0][1];
    const [revenue, winRate, cycle] =
      language === 'fr'
        ? [
            "Chiffre d'affaires (HT)",
            'Taux de transformation des opportunités',
            'Durée du cycle de vente',
          ]
        : ['Revenue', 'Win rate', 'Sales cycle'];
    const money = cellOf(loaded, overview, revenue, 2);
    expect(typeof money.value).toBe('number');
    expect(money.format).toBe(language === 'fr' ? '#,##0.00 [$€]' : '[$$]#,##0.00');
    expect(money.shown).toMatch(
      language === 'fr' ? /^\d{1,3}(\u202f\d{3})*,\d\d €$/ : /^\$\d{1,3}(,\d{3})*\.\d\d$/,
    );
    const rate = cellOf(loaded, overview, winRate, 2);
    expect(rate.format).toBe('0.0%');
    expect(rate.shown).toMatch(language === 'fr' ? /^\d+,\d%$/ : /^\d+\.\d%$/);
    expect(cellOf(loaded, overview, cycle, 2).format).toBe('0.0');
  });

  test('the unreadable amount of the French sample is listed with its sheet row', () => {
    const quality = TABS[language][7][1];
    const rows = shown(loaded, quality);
    if (language === 'fr') {
      expect(rows.some((r) => r[2] === '19' && r[4] === '"n/c"' && r[5] === 'pas un nombre')).toBe(
        true,
      );
      expect(result.warnings.some((w) => w.includes('KPI Qualité des données'))).toBe(true);
    } else {
      expect(rows.some((r) => r[0] === 'Every value could be read.')).toBe(true);
    }
  });
});
