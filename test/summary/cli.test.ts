/**
 * `npm run summary`: the headless command writes every tab as CSV plus charts.json, and
 * on unusable input says why on stderr, exits non-zero and writes nothing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsv } from '../../emulator/csv';
import { ROOT, summary, temporaryFolder } from '../support/summaryCommand';

const work = temporaryFolder('summary-cli-', 'all');

const EXPECTED = {
  fr: [
    'KPI Synthèse',
    'KPI par commercial',
    'KPI Tendances',
    'KPI Entonnoir',
    'KPI Campagnes & ROI',
    'KPI Activités',
    'KPI Ressenti',
    'KPI Qualité des données',
  ],
  en: [
    'KPI Overview',
    'KPI by Rep',
    'KPI Trends',
    'KPI Funnel',
    'KPI Campaigns',
    'KPI Activities',
    'KPI Feedback',
    'KPI Data quality',
  ],
};

describe.each(['fr', 'en'] as const)('samples/%s', (language) => {
  test('every tab as CSV, charts.json and summary.json', () => {
    const out = path.join(work(), language);
    const run = summary(
      '--data',
      path.join(ROOT, 'samples', language),
      '--out',
      out,
      '--today',
      '2026-11-15',
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      language === 'fr' ? /^Synthèse KPI écrite : 8 onglets/ : /^KPI summary written: 8 tabs/,
    );
    const files = readdirSync(out).sort();
    expect(files).toEqual(
      [
        '.sales-kpi-summary',
        ...EXPECTED[language].map((name) => `${name}.csv`),
        'charts.json',
        'summary.json',
      ].sort(),
    );

    const delimiter = language === 'fr' ? ';' : ',';
    const overview = parseCsv(
      readFileSync(path.join(out, `${EXPECTED[language][0]}.csv`), 'utf8'),
      delimiter,
    );
    const revenue = overview.find(
      (row) => row[0] === (language === 'fr' ? "Chiffre d'affaires (HT)" : 'Revenue'),
    )!;
    expect(revenue[1]).toMatch(language === 'fr' ? /^[\d\u202f]+,\d\d €$/ : /^\$[\d,]+\.\d\d$/);
    expect(overview[1].slice(0, 2)).toEqual(
      language === 'fr' ? ['Période', 'octobre 2026'] : ['Period', 'October 2026'],
    );

    const charts = JSON.parse(readFileSync(path.join(out, 'charts.json'), 'utf8')) as {
      name: string;
      charts: { type: string; ranges: string[] }[];
    }[];
    expect(charts.map((c) => c.name)).toEqual(EXPECTED[language]);
    expect(charts.flatMap((c) => c.charts.map((chart) => chart.type))).toEqual([
      'COLUMN',
      'COLUMN',
      'LINE',
      'BAR',
      'COLUMN',
      'COLUMN',
      'LINE',
    ]);
    const summaryJson = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
    expect(summaryJson.locale).toBe(language === 'fr' ? 'fr_FR' : 'en_US');
    expect(summaryJson.timeZone).toBe(language === 'fr' ? 'Europe/Paris' : 'America/New_York');
    expect(summaryJson.result.ok).toBe(true);
  });
});

test('a second run replaces an earlier summary, and a folder of other files is refused', () => {
  const out = path.join(work(), 'again');
  const args = ['--data', path.join(ROOT, 'samples', 'en'), '--out', out, '--today', '2026-11-15'];
  expect(summary(...args).status).toBe(0);
  expect(summary(...args).status).toBe(0);
  expect(readdirSync(out)).toContain('KPI Overview.csv');
  writeFileSync(path.join(out, 'stale.csv'), 'mine');
  const refused = summary(...args);
  expect(refused.status).toBe(1);
  expect(refused.stderr).toMatch(/^summary: --out .*: this folder is not empty/);
  expect(readFileSync(path.join(out, 'stale.csv'), 'utf8')).toBe('mine');
  expect(readdirSync(work()).filter((f) => f.includes('.tmp-'))).toEqual([]);
});

describe.each(['fr', 'en'] as const)('samples/%s without --today', (language) => {
  test('opens on a period that has deals, and --period chooses one', () => {
    const delimiter = language === 'fr' ? ';' : ',';
    const won = language === 'fr' ? 'Commandes / affaires gagnées' : 'Orders / won deals';
    const overviewOf = (out: string) => {
      const name = EXPECTED[language][0];
      return parseCsv(readFileSync(path.join(out, `${name}.csv`), 'utf8'), delimiter);
    };
    const data = path.join(ROOT, 'samples', language);
    const out = path.join(work(), `default-${language}`);
    const run = summary('--data', data, '--out', out);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const overview = overviewOf(out);
    expect(Number(overview.find((row) => row[0] === won)![1])).toBeGreaterThan(0);

    const chosen = path.join(work(), `chosen-${language}`);
    expect(summary('--data', data, '--out', chosen, '--period', '2026-Q2').status).toBe(0);
    const result = JSON.parse(readFileSync(path.join(chosen, 'summary.json'), 'utf8'));
    expect(result.result.period).toBe('2026-Q2');

    const empty = path.join(work(), `empty-${language}`);
    expect(summary('--data', data, '--out', empty, '--period', '2019-06').status).toBe(0);
    const note = overviewOf(empty).find((row) =>
      row[0].startsWith(
        language === 'fr' ? 'Aucune affaire en juin 2019' : 'No deal falls in June 2019',
      ),
    );
    expect(note).toBeDefined();
  });
});

describe('unusable input', () => {
  test('a --period that names no period', () => {
    const out = path.join(work(), 'out-bad-period');
    const run = summary(
      '--data',
      path.join(ROOT, 'samples', 'en'),
      '--out',
      out,
      '--period',
      'June',
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'summary: --period June: expected a month (2017-06), a quarter (2017-Q2) or a year (2017)\n',
    );
    expect(existsSync(out)).toBe(false);
  });

  test('a folder without deals: non-zero exit, a clear message, nothing written', () => {
    const data = path.join(work(), 'no-deals');
    mkdirSync(data);
    writeFileSync(path.join(data, 'notes.csv'), 'Topic,Owner\nOffice move,Ann\n');
    const out = path.join(work(), 'out-no-deals');
    const run = summary('--data', data, '--out', out);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/no sheet of deals was found/);
    expect(run.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(work()).filter((f) => f.startsWith('out-no-deals'))).toEqual([]);
  });

  test('a missing folder', () => {
    const out = path.join(work(), 'out-missing');
    const run = summary('--data', path.join(work(), 'nowhere'), '--out', out);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/no such folder/);
    expect(existsSync(out)).toBe(false);
  });

  test('a folder without CSV files, and missing arguments', () => {
    const empty = path.join(work(), 'empty');
    mkdirSync(empty);
    const run = summary('--data', empty, '--out', path.join(work(), 'out-empty'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/no \.csv file/);
    const usage = summary('--data', empty);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/usage: npm run summary/);
  });
});
