/**
 * Headless run of the built add-on on a folder of CSV tabs:
 *
 *     npx tsx emulator/cli.ts samples/fr --locale fr_FR --time-zone Europe/Paris \
 *       --run onOpen --run generateSummaryFromMenu --out out/fr
 *
 * Loads the CSV files as tabs, the bundle (default dist/Code.js) with the .html files
 * beside it, calls each --run function as one execution, prints the service calls and
 * what the UI showed, and with --out writes every tab as CSV plus workbook.json (into a
 * new or empty folder, or an earlier run's, as `npm run summary` does).
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { prepareOutput } from '../scripts/lib/output';
import { loadWorkbook, type AuthModeName } from './index';

interface CliOptions {
  folder: string;
  locale: string;
  timeZone: string;
  bundle: string;
  runs: string[];
  out?: string;
  authMode: AuthModeName;
  raw: boolean;
}

export function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = {
    folder: '',
    locale: 'en_US',
    timeZone: 'America/New_York',
    bundle: 'dist/Code.js',
    runs: [],
    authMode: 'FULL',
    raw: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      return value;
    };
    if (arg === '--locale') options.locale = next();
    else if (arg === '--time-zone' || arg === '--tz') options.timeZone = next();
    else if (arg === '--bundle') options.bundle = next();
    else if (arg === '--run') options.runs.push(next());
    else if (arg === '--out') options.out = next();
    else if (arg === '--auth-mode') options.authMode = next() as AuthModeName;
    else if (arg === '--raw') options.raw = true;
    else if (arg.startsWith('--')) throw new Error(`Unknown option ${arg}`);
    else options.folder = arg;
  }
  if (!options.folder) throw new Error('Usage: cli.ts <csv-folder> [--locale] [--time-zone] ...');
  return options;
}

export function main(argv: string[]): number {
  const options = parseArgs(argv);
  const destination = options.out
    ? prepareOutput({ out: options.out, data: options.folder })
    : undefined;
  const bundle = resolve(options.bundle);
  const files: Record<string, string> = {};
  if (existsSync(dirname(bundle))) {
    for (const file of readdirSync(dirname(bundle)).filter((f) => f.endsWith('.html'))) {
      files[file.replace(/\.html$/, '')] = readFileSync(join(dirname(bundle), file), 'utf8');
    }
  }
  const emulator = loadWorkbook(options.folder, {
    locale: options.locale,
    timeZone: options.timeZone,
    files,
  });
  if (options.runs.length > 0) emulator.load(readFileSync(bundle, 'utf8'), bundle);
  let failed = false;
  for (const name of options.runs) {
    emulator.calls.reset();
    const started = Date.now();
    try {
      const args = name === 'onOpen' ? [emulator.openEvent(options.authMode)] : [];
      const result = emulator.runAs(options.authMode, name, ...args);
      console.log(`${name}: ok in ${Date.now() - started} ms`);
      if (result !== undefined) console.log(JSON.stringify(result, null, 2).slice(0, 2000));
    } catch (error) {
      failed = true;
      console.log(`${name}: FAILED: ${(error as Error).message}`);
    }
    console.log(`  ${emulator.calls.total} service calls`, emulator.calls.byMethod);
  }
  const { ui } = emulator;
  if (ui.addonMenu) console.log('Add-on menu:', JSON.stringify(ui.addonMenu.items));
  for (const alert of ui.alerts) console.log('Alert:', alert.title ?? '', alert.prompt);
  for (const toast of ui.toasts) console.log('Toast:', toast.title, toast.message);
  for (const sidebar of ui.sidebars) console.log('Sidebar:', sidebar.title);
  for (const entry of emulator.logs) console.log(`[${entry.source}.${entry.level}]`, entry.message);
  if (options.out) {
    // A new or empty folder, or an earlier run's: nothing else is ever overwritten.
    const written = destination!.write(emulator.files({ display: !options.raw }));
    console.log(`Wrote ${written.length} files to ${options.out}`);
  }
  return failed ? 1 : 0;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 2;
  }
}
