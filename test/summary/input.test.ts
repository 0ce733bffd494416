/**
 * `npm run summary` on careless and hostile input: files that are not UTF-8 or whose
 * quotes do not close, options that are not what they claim, and data text that would
 * run as a formula where the written CSV files are opened.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { parseCsv } from '../../emulator/csv';
import { runSummary, UsageError } from '../../scripts/summary';
import { ROOT, summary, temporaryFolder } from '../support/summaryCommand';
import { SMALL } from './fixture';

const TODAY = '2026-11-15';

const work = temporaryFolder('summary-input-');

/** A data folder with the small workbook, `deals.csv` replaced by `deals` when given. */
function folder(deals?: string | Buffer): string {
  const data = path.join(work(), 'data');
  mkdirSync(data);
  for (const [name, text] of Object.entries(SMALL)) {
    writeFileSync(path.join(data, `${name.toLowerCase()}.csv`), text);
  }
  if (deals !== undefined) writeFileSync(path.join(data, 'deals.csv'), deals);
  return data;
}

/** Refused before anything is written: the message, and --out never created. */
async function refused(options: Parameters<typeof runSummary>[0]): Promise<string> {
  const error = await runSummary(options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UsageError);
  expect(existsSync(options.out)).toBe(false);
  expect(readdirSync(path.dirname(options.out)).filter((f) => f.includes('.tmp-'))).toEqual([]);
  return (error as Error).message;
}

describe('files that cannot be read as they are', () => {
  test('a quote that never closes names the file and the line where it opens', async () => {
    const lines = SMALL.Deals.split('\n');
    lines[3] = lines[3].replace('Bob,', '"Bob,');
    const data = folder(lines.join('\n'));
    const message = await refused({ data, out: path.join(work(), 'out'), today: TODAY });
    expect(message).toBe(
      `${path.join(data, 'deals.csv')}, line 4: a quoted field opens on this line and is never closed (a " is missing)`,
    );
    const run = summary('--data', data, '--out', path.join(work(), 'out'), '--today', TODAY);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`summary: ${message}\n`);
  });

  test('a stray quote that a later quote closes is refused, not read as rows run together', async () => {
    const lines = SMALL.Deals.split('\n');
    // The stray quote before Bob, then an inch mark in the next row's company.
    lines[3] = lines[3].replace('Bob,', '"Bob,');
    lines[4] = lines[4].replace('Delta,', 'Delta 27",');
    const data = folder(lines.join('\n'));
    const message = await refused({ data, out: path.join(work(), 'out'), today: TODAY });
    expect(message).toBe(
      `${path.join(data, 'deals.csv')}, line 4: a quoted field opens on this line and runs to line 5, taking in what look like whole rows (a " is probably missing)`,
    );
    // Closed by the quote that opens a later quoted field instead.
    lines[4] = lines[4].replace('Delta 27",', '"Delta, Inc",');
    writeFileSync(path.join(data, 'deals.csv'), lines.join('\n'));
    expect(await refused({ data, out: path.join(work(), 'out'), today: TODAY })).toBe(
      `${path.join(data, 'deals.csv')}, line 4: a quoted field opens on this line and text follows its closing " (quote the whole field, doubling the " inside)`,
    );
  });

  test('a 1 MB cell is refused by file, row and column, not a failed write of a tab', async () => {
    const data = folder();
    const lines = SMALL.Feedback.trimEnd().split('\n');
    const row = lines[1].split(',');
    row[row.length - 1] = 'z'.repeat(1_000_000);
    lines[1] = row.join(',');
    writeFileSync(path.join(data, 'feedback.csv'), lines.join('\n') + '\n');
    const message = await refused({ data, out: path.join(work(), 'out'), today: TODAY });
    expect(message).toBe(
      `${path.join(data, 'feedback.csv')}, row 2, column ${row.length}: a cell of 1,000,000 characters; a Sheets cell holds at most 50,000`,
    );
  });

  test('UTF-16 (either byte order), UTF-16 without a mark and Latin-1: "not UTF-8"', async () => {
    const cases: [Buffer, RegExp][] = [
      [
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SMALL.Deals, 'utf16le')]),
        /it starts with the UTF-16 little-endian mark/,
      ],
      [
        Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(SMALL.Deals, 'utf16le').swap16()]),
        /it starts with the UTF-16 big-endian mark/,
      ],
      [Buffer.from(SMALL.Deals, 'utf16le'), /line 1 holds NUL bytes/],
      [
        Buffer.from(SMALL.Deals.replace('Acme', 'Société Générale'), 'latin1'),
        /line 2 has bytes that are not UTF-8/,
      ],
    ];
    for (const [bytes, why] of cases) {
      const data = folder(bytes);
      const message = await refused({ data, out: path.join(work(), 'out'), today: TODAY });
      expect(message).toMatch(
        new RegExp(`^${path.join(data, 'deals.csv')}: this file is not UTF-8 \\(`),
      );
      expect(message).toMatch(why);
      expect(message).not.toMatch(/no sheet of deals/);
      rmSync(data, { recursive: true });
    }
  });

  test('the first file, read for the locale, is checked the same way', async () => {
    const data = folder();
    writeFileSync(path.join(data, 'activities.csv'), Buffer.from('Date,Owner\n', 'utf16le'));
    expect(await refused({ data, out: path.join(work(), 'out'), today: TODAY })).toMatch(
      /activities\.csv: this file is not UTF-8/,
    );
  });

  test('a UTF-8 byte order mark never reaches a header', async () => {
    const data = folder('\ufeff' + SMALL.Deals.replace(/\n/g, '\r\n'));
    const result = await runSummary({ data, out: path.join(work(), 'out'), today: TODAY });
    expect(result.result.ok).toBe(true);
    expect(result.result.rowsRead).toBeGreaterThan(0);
    const byRep = parseCsv(readFileSync(path.join(work(), 'out', 'KPI by Rep.csv'), 'utf8'));
    expect(byRep.map((row) => row[0])).toEqual(expect.arrayContaining(['Alice', 'Bob']));
  });
});

describe('options named in their message', () => {
  const cases: [string, Partial<Parameters<typeof runSummary>[0]>, string][] = [
    [
      'an impossible --today',
      { today: '2026-13-01' },
      '--today 2026-13-01: not a date, expected YYYY-MM-DD (e.g. 2026-11-15)',
    ],
    [
      '30 February',
      { today: '2026-02-30' },
      '--today 2026-02-30: not a date, expected YYYY-MM-DD (e.g. 2026-11-15)',
    ],
    ['--locale __proto__', { locale: '__proto__' }, '--locale __proto__: not a locale'],
    ['--locale constructor', { locale: 'constructor' }, '--locale constructor: not a locale'],
    ['--locale xx', { locale: 'xx' }, '--locale xx: not a locale'],
    ['--locale fr_XX', { locale: 'fr_XX' }, '--locale fr_XX: not a locale'],
    ['--locale fr-FR', { locale: 'fr-FR' }, '--locale fr-FR: not a locale'],
    ['--period 0099 (not 1999)', { period: '0099' }, '--period 0099: expected a month'],
    ['--period 0001-Q1', { period: '0001-Q1' }, '--period 0001-Q1: expected a month'],
    ['--period constructor', { period: 'constructor' }, '--period constructor: expected a month'],
    [
      '--timezone __proto__',
      { timeZone: '__proto__' },
      '--timezone __proto__: not a time zone (e.g. Europe/Paris)',
    ],
  ];
  test.each(cases)('%s', async (_, options, message) => {
    const data = folder();
    const text = await refused({ data, out: path.join(work(), 'out'), today: TODAY, ...options });
    expect(text.startsWith(message)).toBe(true);
    expect(text).not.toMatch(/sidebar/);
  });

  test('real locales, bare or with a country, are taken', async () => {
    const data = folder();
    for (const locale of ['en_GB', 'fr', 'de_DE']) {
      const out = path.join(work(), `out-${locale}`);
      const run = await runSummary({ data, out, today: TODAY, locale });
      expect(run.result.ok).toBe(true);
    }
  });

  test('on the command line: one line on stderr, exit 1', () => {
    const data = folder();
    const run = summary('--data', data, '--out', path.join(work(), 'out'), '--today', '2026-13-01');
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'summary: --today 2026-13-01: not a date, expected YYYY-MM-DD (e.g. 2026-11-15)\n',
    );
  });
});

describe('text that would run as a formula where a written file is opened', () => {
  const EVIL = [
    '=HYPERLINK("http://evil.example","click")',
    "+cmd|' /C calc'!A0",
    '@SUM(1)',
    '-2+3',
  ];

  test('gets a leading apostrophe in every CSV file; numbers are untouched', async () => {
    const swap: Record<string, string> = {
      Alice: EVIL[0],
      Bob: EVIL[1],
      'Spring Fair': EVIL[2],
      'Autumn Ads': EVIL[3],
      'Busy month': '@SUM(A1:A9)',
      Quiet: '-sad',
    };
    // Every field quoted, each name replaced where it is a whole field.
    const csv = (text: string) =>
      parseCsv(text)
        .map((row) => row.map((v) => `"${(swap[v] ?? v).replace(/"/g, '""')}"`).join(','))
        .join('\n');
    const data = folder(csv(SMALL.Deals));
    for (const name of ['Feedback', 'Campaigns', 'Targets', 'Activities'] as const) {
      writeFileSync(path.join(data, `${name.toLowerCase()}.csv`), csv(SMALL[name]));
    }
    const out = path.join(work(), 'out');
    const result = await runSummary({ data, out, today: TODAY });
    expect(result.result.ok).toBe(true);

    const fields = readdirSync(out)
      .filter((f) => f.endsWith('.csv'))
      .flatMap((f) => parseCsv(readFileSync(path.join(out, f), 'utf8')).flat());
    for (const text of [...EVIL, '@SUM(A1:A9)', '-sad']) {
      expect(fields).toContain(`'${text}`);
      expect(fields).not.toContain(text);
    }
    // A field that starts a formula is a number as it shows: "+100.0%", "-97.6%"…
    const starting = fields.filter((f) => /^[=+\-@\t\r]/.test(f));
    expect(starting.length).toBeGreaterThan(0);
    for (const field of starting) expect(field).toMatch(/^[+-][\d$.,]+(%| pts)?$/);
  });
});

test('a folder named like a CSV file (an earlier --out) is not read as a table', async () => {
  const data = folder();
  mkdirSync(path.join(data, 'archive.csv'));
  writeFileSync(path.join(data, 'archive.csv', 'KPI Overview.csv'), 'x\n');
  const run = await runSummary({ data, out: path.join(work(), 'out'), today: TODAY });
  expect(run.result.ok).toBe(true);
  expect(run.result.tabs.length).toBe(8);
});

test('the samples read as before (copied folder)', async () => {
  const data = path.join(work(), 'fr');
  cpSync(path.join(ROOT, 'samples', 'fr'), data, { recursive: true });
  const run = await runSummary({ data, out: path.join(work(), 'out'), today: TODAY });
  expect(run.result.rowsRead).toBe(3290);
});

describe('values outside what a date can be', () => {
  test('a target period in year 0099 or 0001 is listed, not read as 1999 or 1901', async () => {
    const data = folder();
    writeFileSync(
      path.join(data, 'targets.csv'),
      `${SMALL.Targets.trimEnd()}\nAlice,0099-10,7000\nBob,0001-Q4,9000\n`,
    );
    const run = await runSummary({
      data,
      out: path.join(work(), 'out'),
      today: TODAY,
      period: '1999-10',
    });
    const file = (ending: string) => run.files.find((f) => f.endsWith(ending))!;
    const quality = parseCsv(readFileSync(file('Data quality.csv'), 'utf8'));
    const listed = quality.filter((row) => row[0] === 'Targets' && row[5] === 'not a period');
    expect(listed.map((row) => [row[2], row[4]])).toEqual([
      ['6', '"0099-10"'],
      ['7', '"0001-Q4"'],
    ]);
    const byRep = parseCsv(readFileSync(file('by Rep.csv'), 'utf8'));
    const target = byRep[4].indexOf('Target');
    expect(target).toBeGreaterThan(0);
    for (const row of byRep.slice(5)) expect(row[target]).not.toMatch(/7,000|9,000/);
  });
});
