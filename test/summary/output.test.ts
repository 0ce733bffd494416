/**
 * `npm run summary --out`: never deletes or overwrites a file it did not write. Each case
 * on real temporary folders: a new, an empty and an earlier summary's folder are written;
 * a file, a folder with other files, the --data folder and any folder containing it are
 * refused with one line on stderr; a failing --png leaves nothing behind.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { runSummary, UsageError } from '../../scripts/summary';
import { hasChromium } from '../../scripts/lib/chromium';
import { isOwnPng, markPng, MARKER, readMarker } from '../../scripts/lib/output';
import { ROOT, summaryIn, temporaryFolder } from '../support/summaryCommand';

const TODAY = '2026-11-15';
const TABS = [
  'KPI Overview.csv',
  'KPI by Rep.csv',
  'KPI Trends.csv',
  'KPI Funnel.csv',
  'KPI Campaigns.csv',
  'KPI Activities.csv',
  'KPI Feedback.csv',
  'KPI Data quality.csv',
];
const WRITTEN = [...TABS, 'charts.json', 'summary.json'];
// A valid 1×1 PNG, as a renderer would return.
const ONE_PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

function summary(cwd: string, ...args: string[]) {
  return summaryIn(cwd, ...args, '--today', TODAY);
}

/** Every file under `folder` with its content, to compare before and after. */
function contents(folder: string): Record<string, string> {
  const all: Record<string, string> = {};
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    const key = path.relative(folder, full);
    all[key] = entry.isFile()
      ? readFileSync(full, 'latin1')
      : `<${entry.isDirectory() ? 'dir' : 'link'}>`;
  }
  return all;
}

const work = temporaryFolder('summary-out-');
let data: string;
beforeEach(() => {
  data = path.join(work(), 'crm');
  cpSync(path.join(ROOT, 'samples', 'en'), data, { recursive: true });
  writeFileSync(path.join(work(), 'notes.txt'), 'my notes\n');
});

/** Runs the command, expecting a refusal: exit 1, one line on stderr, nothing changed. */
function expectRefused(cwd: string, args: string[], message: RegExp) {
  const before = contents(work());
  const run = summary(cwd, ...args);
  expect(run.stdout).toBe('');
  expect(run.stderr.split('\n').filter(Boolean)).toEqual([expect.stringMatching(message)]);
  expect(run.stderr).toMatch(/^summary: /);
  expect(run.status).toBe(1);
  expect(contents(work())).toEqual(before);
}

describe('refused, with one line on stderr and nothing changed', () => {
  test('--out . (the folder the command runs in)', () => {
    expectRefused(
      work(),
      ['--data', 'crm', '--out', '.'],
      /--out \.: this folder contains the --data folder/,
    );
    const elsewhere = path.join(work(), 'project');
    mkdirSync(elsewhere);
    writeFileSync(path.join(elsewhere, 'package.json'), '{}\n');
    expectRefused(elsewhere, ['--data', data, '--out', '.'], /--out \.: this folder is not empty/);
  });

  test('--out is the --data folder, by its name, a symbolic link or a relative path', () => {
    expectRefused(work(), ['--data', data, '--out', data], /this is the --data folder/);
    symlinkSync(data, path.join(work(), 'link'));
    expectRefused(work(), ['--data', 'crm', '--out', 'link'], /this is the --data folder/);
    expectRefused(
      work(),
      ['--data', 'link/', '--out', './crm/../crm'],
      /this is the --data folder/,
    );
  });

  test('--out contains the --data folder', () => {
    expectRefused(
      work(),
      ['--data', 'crm', '--out', work()],
      /this folder contains the --data folder/,
    );
    expectRefused(
      work(),
      ['--data', 'crm', '--out', '/'],
      /this folder contains the --data folder/,
    );
  });

  test('--out is a file, or a link to one, or lies under a file', () => {
    writeFileSync(path.join(work(), 'report.xlsx'), 'PK\x03\x04 a spreadsheet');
    expectRefused(
      work(),
      ['--data', 'crm', '--out', 'report.xlsx'],
      /this is a file, not a folder/,
    );
    symlinkSync(path.join(work(), 'notes.txt'), path.join(work(), 'notes-link'));
    expectRefused(work(), ['--data', 'crm', '--out', 'notes-link'], /this is a file, not a folder/);
    expectRefused(
      work(),
      ['--data', 'crm', '--out', 'report.xlsx/summary'],
      /report\.xlsx is a file, not a folder/,
    );
  });

  test('--out is a folder with files no summary wrote', () => {
    const out = path.join(work(), 'reports');
    mkdirSync(out);
    writeFileSync(path.join(out, 'q3.csv'), 'Quarter,Revenue\nQ3,100\n');
    expectRefused(work(), ['--data', 'crm', '--out', 'reports'], /this folder is not empty/);
    // Even when the files bear the names a summary would write.
    rmSync(path.join(out, 'q3.csv'));
    writeFileSync(path.join(out, 'KPI Overview.csv'), 'mine\n');
    expectRefused(work(), ['--data', 'crm', '--out', 'reports'], /this folder is not empty/);
    // Or when a sub-folder is all it holds.
    rmSync(path.join(out, 'KPI Overview.csv'));
    mkdirSync(path.join(out, 'archive'));
    expectRefused(work(), ['--data', 'crm', '--out', 'reports'], /this folder is not empty/);
  });

  test('--png names a file the command did not render', () => {
    writeFileSync(path.join(work(), 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
    expectRefused(
      work(),
      ['--data', 'crm', '--out', 'out', '--png', 'photo.png'],
      /--png photo\.png: this file exists and npm run summary did not render it/,
    );
    expectRefused(
      work(),
      ['--data', 'crm', '--out', 'out', '--png', 'notes.txt'],
      /--png notes\.txt: the file name must end with \.png/,
    );
    expectRefused(
      work(),
      ['--data', 'crm', '--out', 'out', '--png', 'out/pictures/overview.png'],
      /--png out\/pictures\/overview\.png: put the picture directly in --out, or outside it/,
    );
  });
});

describe('an earlier summary', () => {
  test('is recognised by its marker, and only the files it lists are replaced', async () => {
    const out = path.join(work(), 'out');
    const first = await runSummary({ data, out, today: TODAY });
    expect(readdirSync(out).sort()).toEqual([MARKER, ...WRITTEN].sort());
    expect(first.files.map((f) => path.basename(f)).sort()).toEqual([...WRITTEN].sort());
    expect(readMarker(readFileSync(path.join(out, MARKER), 'utf8'))?.sort()).toEqual(
      [...WRITTEN].sort(),
    );

    // A file the earlier summary wrote and this one does not is removed.
    writeFileSync(path.join(out, 'KPI Old.csv'), 'old tab\n');
    writeFileSync(
      path.join(out, MARKER),
      readFileSync(path.join(out, MARKER), 'utf8') + 'KPI Old.csv\n',
    );
    writeFileSync(path.join(out, 'KPI Overview.csv'), 'stale\n');
    await runSummary({ data, out, today: TODAY });
    expect(readdirSync(out).sort()).toEqual([MARKER, ...WRITTEN].sort());
    expect(readFileSync(path.join(out, 'KPI Overview.csv'), 'utf8')).toMatch(/^KPI overview,/);
    expect(readdirSync(work()).sort()).toEqual(['crm', 'notes.txt', 'out']);

    // A file added by hand makes the folder someone else's.
    writeFileSync(path.join(out, 'my comments.txt'), 'keep me\n');
    await expect(runSummary({ data, out, today: TODAY })).rejects.toThrow(
      /this folder is not empty and holds files no earlier summary wrote/,
    );
    expect(readFileSync(path.join(out, 'my comments.txt'), 'utf8')).toBe('keep me\n');
  });

  test('a marker naming files outside the folder is not one', async () => {
    const out = path.join(work(), 'out');
    mkdirSync(out);
    writeFileSync(
      path.join(out, MARKER),
      '# Written by npm run summary (sales-kpi-sheets).\n../notes.txt\n',
    );
    const before = contents(work());
    await expect(runSummary({ data, out, today: TODAY })).rejects.toThrow(UsageError);
    expect(contents(work())).toEqual(before);
    expect(readMarker('# Written by npm run summary\nKPI.csv\n/etc/passwd\n')).toBeNull();
    expect(readMarker('KPI.csv\n')).toBeNull();
    expect(readMarker('# Written by npm run summary\nKPI.csv\r\nb.json\n')).toEqual([
      'KPI.csv',
      'b.json',
    ]);
  });
});

describe('written', () => {
  test('into a new folder, its missing parents created', async () => {
    const out = path.join(work(), 'reports', '2026', 'november');
    const run = summary(work(), '--data', 'crm', '--out', out);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual([MARKER, ...WRITTEN].sort());
    expect(readdirSync(path.join(work(), 'reports', '2026'))).toEqual(['november']);
  });

  test('a new folder gets the mode any new folder gets there, not an owner-only one', async () => {
    const out = path.join(work(), 'out');
    await runSummary({ data, out, today: TODAY });
    const usual = path.join(work(), 'usual');
    mkdirSync(usual);
    expect((statSync(out).mode & 0o777).toString(8)).toBe(
      (statSync(usual).mode & 0o777).toString(8),
    );
  });

  test('into an empty folder, which stays the same folder', async () => {
    const out = path.join(work(), 'empty');
    mkdirSync(out);
    const link = path.join(work(), 'empty-link');
    symlinkSync(out, link);
    await runSummary({ data, out: link, today: TODAY });
    expect(readdirSync(out).sort()).toEqual([MARKER, ...WRITTEN].sort());
    expect(readdirSync(work()).sort()).toEqual(['crm', 'empty', 'empty-link', 'notes.txt']);
  });
});

describe('a failing --png leaves nothing behind', () => {
  const failing = async (): Promise<Buffer> => {
    throw new Error('Chromium could not start');
  };

  test('in a new folder under new parents', async () => {
    const before = contents(work());
    await expect(
      runSummary({
        data,
        out: path.join(work(), 'reports', 'out'),
        png: path.join(work(), 'pictures', 'overview.png'),
        today: TODAY,
        render: failing,
      }),
    ).rejects.toThrow('Chromium could not start');
    expect(contents(work())).toEqual(before);
  });

  test('over an earlier summary, which stays as it was', async () => {
    const out = path.join(work(), 'out');
    await runSummary({ data, out, today: TODAY });
    const before = contents(work());
    await expect(
      runSummary({ data, out, png: path.join(out, 'overview.png'), today: TODAY, render: failing }),
    ).rejects.toThrow('Chromium could not start');
    expect(contents(work())).toEqual(before);
  });

  test('the message names --png, and says that nothing was written', async () => {
    const png = path.join(work(), 'overview.png');
    await expect(
      runSummary({ data, out: path.join(work(), 'out'), png, today: TODAY, render: failing }),
    ).rejects.toThrow(
      new UsageError(
        `--png ${png}: the overview could not be rendered (Chromium could not start); nothing was written`,
      ),
    );
  });

  test('a picture that cannot be saved leaves nothing behind, and says so', async () => {
    const png = path.join(work(), 'overview.png');
    // Where the picture is first saved, beside --png, a folder is in the way.
    mkdirSync(`${png}.tmp-${process.pid}`);
    const before = contents(work());
    await expect(
      runSummary({
        data,
        out: path.join(work(), 'out'),
        png,
        today: TODAY,
        render: async () => ONE_PIXEL,
      }),
    ).rejects.toThrow(
      /^the summary could not be written \(.*overview\.png\.tmp-\d+.*\); what this run had created was removed$/,
    );
    expect(contents(work())).toEqual(before);
  });

  test('a renderer that returns no PNG writes nothing either', async () => {
    const before = contents(work());
    await expect(
      runSummary({
        data,
        out: path.join(work(), 'out'),
        png: path.join(work(), 'overview.png'),
        today: TODAY,
        render: async () => Buffer.from('not a picture'),
      }),
    ).rejects.toThrow(/did not return a PNG/);
    expect(contents(work())).toEqual(before);
  });
});

describe('--png', () => {
  test('a picture the command rendered is marked, and replaced by the next run', async () => {
    const png = path.join(work(), 'docs', 'overview.png');
    await runSummary({
      data,
      out: path.join(work(), 'a'),
      png,
      today: TODAY,
      render: async () => ONE_PIXEL,
    });
    expect(isOwnPng(png)).toBe(true);
    expect(readFileSync(png).length).toBe(markPng(ONE_PIXEL).length);
    await runSummary({
      data,
      out: path.join(work(), 'b'),
      png,
      today: TODAY,
      render: async () => ONE_PIXEL,
    });
    expect(readdirSync(path.join(work(), 'docs'))).toEqual(['overview.png']);
    // Unmarked, the same picture is someone else's.
    writeFileSync(png, ONE_PIXEL);
    expect(isOwnPng(png)).toBe(false);
    await expect(
      runSummary({
        data,
        out: path.join(work(), 'c'),
        png,
        today: TODAY,
        render: async () => ONE_PIXEL,
      }),
    ).rejects.toThrow(/did not render it/);
    expect(existsSync(path.join(work(), 'c'))).toBe(false);
  });

  test('inside --out it is one of the summary files', async () => {
    const out = path.join(work(), 'out');
    const png = path.join(out, 'overview.png');
    await runSummary({ data, out, png, today: TODAY, render: async () => ONE_PIXEL });
    expect(readMarker(readFileSync(path.join(out, MARKER), 'utf8'))).toContain('overview.png');
    // The next run without --png removes it, as it is not written again.
    await runSummary({ data, out, today: TODAY });
    expect(readdirSync(out).sort()).toEqual([MARKER, ...WRITTEN].sort());
  });

  (hasChromium() ? test : test.skip)(
    'rendered by Chromium',
    async () => {
      const png = path.join(work(), 'overview.png');
      const run = summary(work(), '--data', 'crm', '--out', 'out', '--png', 'overview.png');
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(isOwnPng(png)).toBe(true);
      expect(readFileSync(png).length).toBeGreaterThan(10000);
    },
    60000,
  );
});
