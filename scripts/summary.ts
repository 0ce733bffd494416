/**
 * `npm run summary -- --data <folder of CSV tabs> --out <folder> [--locale fr_FR]
 * [--today YYYY-MM-DD] [--period 2017-06|2017-Q2|2017] [--timezone Europe/Paris]
 * [--png overview.png]`
 *
 * The summary without Google: the CSV files become the tabs of an emulated spreadsheet,
 * the BUILT add-on (dist/Code.js) runs in a V8 context whose globals are the emulated
 * services, and its generation detects the mapping (as the sidebar would, when none is
 * saved) and writes the summary tabs. Each tab is then saved as a CSV of what its cells
 * show (`;`-separated where the decimal separator is a comma), with charts.json (the
 * native charts as the add-on built them) and summary.json (the add-on's result).
 *
 * Unusable input exits non-zero with one line on stderr, and writes nothing. `--out`
 * must be a new or empty folder, or hold only an earlier summary's files; nothing the
 * command did not write is ever deleted or overwritten (scripts/lib/output.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from './lib/chromium';
import { markPng, OutputError, prepareOutput } from './lib/output';
import { cellA1, parseA1 } from '../emulator/a1';
import { defaultTimeZone, isLocaleName, localeOfCsv } from '../emulator/workbookLocale';
import { isKnownLocale } from '../src/core/locales';
import { CsvError, decodeCsv } from '../emulator/csv';
import { decimalSeparatorOf } from '../src/core/context';
import { isIsoDay, isoDay } from '../src/core/dates';
import { parsePeriodChoice } from '../src/engine/periods';
import type { Emulator, SheetSnapshot } from '../emulator';
import { loadCsvFolder, createEmulator, csvFileName } from '../emulator';

const ROOT = path.resolve(__dirname, '..');
const CODE_JS = path.join(ROOT, 'dist', 'Code.js');

/** A problem with the input: shown as is, exit code 1. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface SummaryCliOptions {
  readonly data: string;
  readonly out: string;
  readonly locale?: string;
  readonly today?: string;
  /** The period to show (`2017-06`, `2017-Q2`, `2017`); default: the last complete month that has deals. */
  readonly period?: string;
  readonly timeZone?: string;
  /** Also render the overview as a PNG there. */
  readonly png?: string;
  /** How the overview becomes a PNG: headless Chromium unless given. */
  readonly render?: (emulator: Emulator, tabName: string) => Promise<Buffer>;
}

/** The result the add-on's generateSummary returns (src/server/generate.ts). */
interface BundleResult {
  ok: boolean;
  message: string;
  tabs: { id: string; name: string; created: boolean }[];
  rowsRead: number;
  rowsSkipped: number;
  warnings: string[];
  period: string | null;
  error: { kind: string; detail: string } | null;
}

export interface SummaryCliResult {
  readonly out: string;
  readonly files: string[];
  readonly result: BundleResult;
  /** Spreadsheet service calls the generation made. */
  readonly calls: number;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function csvFiles(folder: string): string[] {
  let stat;
  try {
    stat = statSync(folder);
  } catch {
    throw new UsageError(`--data ${folder}: no such folder`);
  }
  if (!stat.isDirectory()) throw new UsageError(`--data ${folder}: not a folder`);
  // Files only: a folder named `x.csv` (an earlier --out, say) is not a table.
  const files = readdirSync(folder).filter(
    (f) => f.toLowerCase().endsWith('.csv') && isFile(path.join(folder, f)),
  );
  if (files.length === 0) throw new UsageError(`--data ${folder}: no .csv file in this folder`);
  return files.sort();
}

/** Loads the folder, runs the built add-on's generation, writes the tabs. */
export async function runSummary(options: SummaryCliOptions): Promise<SummaryCliResult> {
  const files = csvFiles(options.data);
  // Written as Sheets writes it, and a language whose number and date formats are known.
  if (
    options.locale !== undefined &&
    !(isLocaleName(options.locale) && isKnownLocale(options.locale))
  ) {
    throw new UsageError(
      `--locale ${options.locale}: not a locale (e.g. fr_FR, en_US, de_DE, or fr alone)`,
    );
  }
  if (options.today !== undefined && !isIsoDay(options.today)) {
    throw new UsageError(
      `--today ${options.today}: not a date, expected YYYY-MM-DD (e.g. 2026-11-15)`,
    );
  }
  let locale = options.locale;
  if (locale === undefined) {
    const first = path.join(options.data, files[0]);
    try {
      locale = localeOfCsv(decodeCsv(readFileSync(first), first));
    } catch (error) {
      if (error instanceof CsvError) throw new UsageError(error.message);
      throw error;
    }
  }
  const timeZone = options.timeZone ?? defaultTimeZone(locale);
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new UsageError(`--timezone ${timeZone}: not a time zone (e.g. Europe/Paris)`);
  }
  const today = options.today ?? isoDay(Date.now(), timeZone);
  if (options.period !== undefined && parsePeriodChoice(options.period, 1) === null) {
    throw new UsageError(
      `--period ${options.period}: expected a month (2017-06), a quarter (2017-Q2) or a year (2017)`,
    );
  }
  if (!existsSync(CODE_JS))
    throw new UsageError('dist/Code.js is missing: run npm run build first');
  let destination;
  try {
    destination = prepareOutput({ out: options.out, data: options.data, png: options.png });
  } catch (error) {
    if (error instanceof OutputError) throw new UsageError(error.message);
    throw error;
  }

  let sheets;
  try {
    sheets = loadCsvFolder(options.data, { locale, timeZone });
  } catch (error) {
    // Not UTF-8, or a quote that never closes: the message names the file and the line.
    if (error instanceof CsvError) throw new UsageError(error.message);
    throw new UsageError(
      `--data ${options.data}: a file could not be read (${(error as Error).message})`,
    );
  }
  const emulator: Emulator = createEmulator({ locale, timeZone, sheets });
  emulator.load(readFileSync(CODE_JS, 'utf8'), 'dist/Code.js');
  emulator.calls.reset();
  const result = emulator.run('generateSummary', {
    today,
    ...(options.period === undefined ? {} : { periodLabel: options.period.trim() }),
  }) as BundleResult;
  const calls = emulator.calls.spreadsheetTotal;
  if (!result || !result.ok) {
    throw new UsageError(result?.message ?? 'the add-on returned no result');
  }

  const delimiter = decimalSeparatorOf(locale) === ',' ? ';' : ',';
  const output: Record<string, string> = {};
  const charts: { id: string; name: string; file: string; charts: SheetSnapshot['charts'] }[] = [];
  for (const tab of result.tabs) {
    const file = csvFileName(tab.name);
    output[file] = emulator.toCsv(tab.name, { display: true, delimiter });
    charts.push({
      id: tab.id,
      name: tab.name,
      file,
      charts: emulator.workbook.sheet(tab.name).snapshot().charts,
    });
  }
  output['charts.json'] = JSON.stringify(charts, null, 2) + '\n';
  output['summary.json'] =
    JSON.stringify({ locale, timeZone, today, calls, result }, null, 2) + '\n';

  // The picture is rendered before anything is written: a failure there writes nothing.
  let picture: Buffer | undefined;
  if (options.png) {
    const overview = result.tabs.find((t) => t.id === 'overview');
    if (overview) {
      try {
        picture = markPng(await (options.render ?? renderOverviewPng)(emulator, overview.name));
      } catch (error) {
        throw new UsageError(
          `--png ${options.png}: the overview could not be rendered (${(error as Error).message}); nothing was written`,
        );
      }
    }
  }
  let written: string[];
  try {
    written = destination.write(output, picture);
  } catch (error) {
    // What this run created is removed (scripts/lib/output.ts).
    throw new UsageError(
      `the summary could not be written (${(error as Error).message}); what this run had created was removed`,
    );
  }
  return { out: destination.out, files: written, result, calls };
}

// ——— The README's picture ———

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!,
  );
}

/**
 * The overview tab as a picture (PNG bytes): its cells as they show (with their
 * backgrounds and weights) and its revenue chart drawn by chart.js from the chart's own
 * ranges, in headless Chromium.
 */
export async function renderOverviewPng(emulator: Emulator, tabName: string): Promise<Buffer> {
  const snapshot = emulator.workbook.sheet(tabName).snapshot();
  const styles = snapshot.styles as Record<string, Record<string, unknown>>;
  const rows = snapshot.displayValues;
  // Text runs over the empty cells to its right, as Sheets shows it.
  const body = rows
    .map((row, r) => {
      const cells: string[] = [];
      for (let c = 0; c < row.length;) {
        const value = row[c];
        const a1 = cellA1(r + 1, c + 1);
        const background = snapshot.backgrounds[a1];
        const weight = styles.fontWeight?.[a1] === 'bold' ? 'bold' : 'normal';
        const numeric =
          value !== '' &&
          /^[+\-−$]?[\d\s\u202f\u00a0.,$]+(\s?[%€$£]|\s?pts)?$|^—$/.test(value.trim());
        let span = 1;
        if (value !== '' && !numeric) {
          while (
            c + span < row.length &&
            row[c + span] === '' &&
            !snapshot.backgrounds[cellA1(r + 1, c + span + 1)]
          ) {
            span++;
          }
        }
        const style = [
          background ? `background:${background}` : '',
          `font-weight:${weight}`,
          numeric ? 'text-align:right' : '',
        ]
          .filter(Boolean)
          .join(';');
        cells.push(`<td colspan="${span}" style="${style}">${escapeHtml(value)}</td>`);
        c += span;
      }
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  const chart = snapshot.charts[0];
  let chartData = 'null';
  if (chart) {
    // Each range is one column whose first row is its header.
    const categories = parseA1(chart.ranges[0]);
    const labels = rows
      .slice(categories.row, categories.lastRow)
      .map((row) => row[categories.column - 1]);
    const series = parseA1(chart.ranges[1]);
    const data = snapshot.values
      .slice(series.row, series.lastRow)
      .map((row) => Number(row[series.column - 1]) || 0);
    const label = rows[series.row - 1][series.column - 1];
    chartData = JSON.stringify({ title: chart.options.title, labels, data, label });
  }
  const width = (c: number) => snapshot.columnWidths[c + 1] ?? 100;
  const columns = (rows[0] ?? []).map((_, c) => `<col style="width:${width(c)}px">`).join('');
  const chartJs = readFileSync(
    path.join(ROOT, 'node_modules', 'chart.js', 'dist', 'chart.umd.min.js'),
    'utf8',
  );
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>
body { font-family: Arial, sans-serif; font-size: 13px; margin: 16px; background: #fff; }
h1 { font-size: 15px; margin: 0 0 8px; color: #444; }
table { border-collapse: collapse; table-layout: fixed; }
td { border: 1px solid #e2e2e2; padding: 3px 6px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
#chart { width: 760px; height: 300px; margin-top: 16px; }
</style></head><body>
<h1>${escapeHtml(tabName)}</h1>
<table style="width:${(rows[0] ?? []).reduce((sum, _, c) => sum + width(c), 0)}px"><colgroup>${columns}</colgroup>${body}</table>
<div id="chart"><canvas id="canvas"></canvas></div>
<script>${chartJs}</script>
<script>
const spec = ${chartData};
if (spec) new Chart(document.getElementById('canvas'), {
  type: 'bar',
  data: { labels: spec.labels, datasets: [{ label: spec.label, data: spec.data, backgroundColor: '#4285f4' }] },
  options: { animation: false, responsive: true, maintainAspectRatio: false,
    plugins: { title: { display: true, text: spec.title }, legend: { display: false } } },
});
</script></body></html>`;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.setContent(html);
    return await page.screenshot({ fullPage: true });
  } finally {
    await browser.close();
  }
}

// ——— Command line ———

const USAGE =
  'usage: npm run summary -- --data <folder of CSV tabs> --out <folder> [--locale fr_FR] [--today YYYY-MM-DD] [--period 2017-06|2017-Q2|2017] [--timezone Europe/Paris] [--png file.png]';

export function parseCommandLine(argv: readonly string[]): SummaryCliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        data: { type: 'string' },
        out: { type: 'string' },
        locale: { type: 'string' },
        today: { type: 'string' },
        period: { type: 'string' },
        timezone: { type: 'string' },
        png: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`, 2);
  }
  const { data, out, locale, today, period, timezone, png } = parsed.values;
  if (!data || !out) throw new UsageError(USAGE, 2);
  return { data, out, locale, today, period, timeZone: timezone, png };
}

if (require.main === module) {
  (async () => {
    try {
      const options = parseCommandLine(process.argv.slice(2));
      const { out, files, result, calls } = await runSummary(options);
      console.log(result.message);
      for (const warning of result.warnings) console.log(`  ${warning}`);
      const inOut = files.filter((file) => path.dirname(file) === out);
      console.log(
        `${inOut.length} files in ${path.relative(process.cwd(), out) || '.'} (${calls} spreadsheet service calls)`,
      );
      for (const file of files) if (!inOut.includes(file)) console.log(`picture: ${file}`);
    } catch (error) {
      const code = error instanceof UsageError ? error.exitCode : 1;
      console.error(`summary: ${(error as Error).message}`);
      process.exitCode = code;
    }
  })();
}
