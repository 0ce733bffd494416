/**
 * `npm run build`: src/index.ts → dist/Code.js (one IIFE plus generated top-level
 * stubs) and dist/appsscript.json, ready for `clasp push`.
 *
 * Apps Script only sees top-level `function` declarations, and reads a custom
 * function's autocomplete help from the JSDoc right above it. esbuild drops comments
 * and wraps everything in a closure, so the stubs are generated here: one JSDoc'd
 * function per registry entry, one plain function per other export of src/index.ts.
 */
import * as esbuild from 'esbuild';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import type { ArgumentKind, FunctionDefinition } from '../src/functions/define';
import { FUNCTIONS } from '../src/functions/registry';
import { GLOBAL_NAME, throwingServices } from './lib/sandbox';
import { stripHelpTextPlugin } from './lib/stripHelpText';

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const ENTRY = path.join(ROOT, 'src', 'index.ts');
const MANIFEST = 'appsscript.json';
const CODE = 'Code.js';
/**
 * The size we aim for (the warning) and the size a change may not cross (the test). The
 * ceiling was 200 KB before selfTest() (about 10 KB), which must be a top-level function
 * of Code.js for the maintainer to run it from the editor, the bilingual formula
 * errors (every message in English and French, about 5 KB), and the header vocabularies
 * of the CRMs whose exports people paste, with the notes that say how such an export was
 * read (about 12 KB).
 */
export const BUNDLE_AIM_BYTES = 150 * 1024;
export const BUNDLE_LIMIT_BYTES = 240 * 1024;

/** What an extra build step receives. */
export interface BuildStepContext {
  readonly rootDir: string;
  readonly distDir: string;
  /** The final dist/Code.js text. */
  readonly code: string;
}

/**
 * HOOK: further build steps, run in order after Code.js is written. Each is a module
 * (path relative to the repository root) exporting
 *
 *     export async function build(context: BuildStepContext): Promise<string[]>
 *
 * that returns the files it produced (absolute paths, `.html` only: HtmlService
 * templates such as the sidebar); they are copied into dist/ under their base name,
 * where clasp pushes them. The sidebar will be added here as 'scripts/buildSidebar.ts'.
 */
const EXTRA_BUILD_STEPS: readonly string[] = [
  'scripts/buildSidebar.ts',
  'scripts/buildReference.ts',
];

interface BuildStepModule {
  build(context: BuildStepContext): Promise<readonly string[]> | readonly string[];
}

/** Trigger functions receive one event object, conventionally `e`. */
const TRIGGERS = new Set(['onOpen', 'onInstall', 'onEdit', 'onSelectionChange', 'doGet', 'doPost']);

const JSDOC_TYPES: Record<ArgumentKind, string> = {
  column: 'Array<Array<*>>',
  labels: 'string|Array<Array<string>>',
  date: 'Date|number|string',
  number: 'number|Array<Array<number>>',
  table: 'Array<Array<*>>',
};

/** One line of JSDoc text: no line breaks, and nothing that would close the comment. */
function jsdocText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\*\//g, '*\\/').trim();
}

/**
 * The JSDoc block Sheets reads for autocomplete (contract rule 12): the description and
 * the @param lines. Sheets shows no @return text, so none is written (the result is
 * described in the function reference instead).
 */
export function jsdocFor(definition: FunctionDefinition): string {
  const lines = ['/**', ` * ${jsdocText(definition.summary.en)}`, ' *'];
  for (const arg of definition.args) {
    const optional = arg.optional ? '(optional) ' : '';
    lines.push(
      ` * @param {${JSDOC_TYPES[arg.kind]}} ${arg.name} ${optional}${jsdocText(arg.description.en)}`,
    );
  }
  lines.push(' * @customfunction', ' */');
  return lines.join('\n');
}

export function customFunctionStub(definition: FunctionDefinition): string {
  const params = definition.args.map((arg) => arg.name).join(', ');
  return (
    `${jsdocFor(definition)}\n` +
    `function ${definition.name}(${params}) {\n` +
    `  return ${GLOBAL_NAME}.formulas.${definition.name}.apply(this, arguments);\n` +
    `}\n`
  );
}

export function entryPointStub(name: string, arity: number): string {
  const params =
    TRIGGERS.has(name) && arity <= 1
      ? 'e'
      : Array.from({ length: arity }, (_, i) => String.fromCharCode(97 + i)).join(', ');
  return (
    `function ${name}(${params}) {\n` +
    `  return ${GLOBAL_NAME}.${name}.apply(this, arguments);\n` +
    `}\n`
  );
}

/** The bundle's exports, found by running it in a sandbox whose every service throws. */
function listExports(bundle: string): { formulas: string[]; entryPoints: [string, number][] } {
  const context = vm.createContext({
    ...throwingServices(),
    console: { log() {}, info() {}, warn() {}, error() {} },
  });
  try {
    vm.runInContext(bundle, context, { filename: 'dist/Code.js (bundle only)' });
  } catch (error) {
    throw new Error(`the bundle failed to load in a bare V8 context: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const namespace = (context as Record<string, unknown>)[GLOBAL_NAME] as
    Record<string, unknown> | undefined;
  if (!namespace) throw new Error(`the bundle defines no ${GLOBAL_NAME} global`);
  const formulas = namespace.formulas as Record<string, unknown> | undefined;
  if (!formulas || typeof formulas !== 'object') {
    throw new Error('src/index.ts must export `formulas` (the custom functions by name)');
  }
  const entryPoints: [string, number][] = [];
  for (const name of Object.keys(namespace)) {
    if (name === 'formulas') continue;
    const value = namespace[name];
    if (typeof value !== 'function') {
      throw new Error(
        `src/index.ts exports ${name}, which is not a function: the entry file exposes only functions Apps Script calls`,
      );
    }
    entryPoints.push([name, (value as (...args: unknown[]) => unknown).length]);
  }
  return { formulas: Object.keys(formulas), entryPoints };
}

/** Apps Script V8 has no module system: refuse anything that needs one. */
export function checkScriptSyntax(code: string): void {
  const moduleLine = /^[ \t]*(?:import|export)\b[\s{*]/m.exec(code);
  if (moduleLine) {
    const line = code.slice(0, moduleLine.index).split('\n').length;
    throw new Error(`module syntax at line ${line} of Code.js: ${moduleLine[0].trim()}…`);
  }
  const requireCall = /\brequire\s*\(/.exec(code);
  if (requireCall) {
    const line = code.slice(0, requireCall.index).split('\n').length;
    throw new Error(`require( at line ${line} of Code.js: Apps Script has no require`);
  }
  // Parses as a classic script, which is how Apps Script loads a .js file.
  new vm.Script(code, { filename: 'dist/Code.js' });
}

function budgetWarning(bytes: number, metafile: esbuild.Metafile): string {
  const byPackage = new Map<string, number>();
  for (const [file, input] of Object.entries(Object.values(metafile.outputs)[0].inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    const key = match ? match[1] : file;
    byPackage.set(key, (byPackage.get(key) ?? 0) + input.bytesInOutput);
  }
  const top = [...byPackage.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);
  return [
    `WARNING: Code.js is ${(bytes / 1024).toFixed(1)} KB, over the ${BUNDLE_AIM_BYTES / 1024} KB aim (the test fails past ${BUNDLE_LIMIT_BYTES / 1024} KB).`,
    'Apps Script parses the whole file on every custom-function call. Heaviest inputs:',
    ...top.map(([name, size]) => `  ${(size / 1024).toFixed(1).padStart(7)} KB  ${name}`),
  ].join('\n');
}

/** Writes atomically, so a test run reading dist/ at the same time never sees half a file. */
async function writeAtomic(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, text);
  await fs.rename(temporary, file);
}

/**
 * `quiet`: no size warning (the playground's `npm start` builds this way: the warning is
 * for developers, and `npm test` and `npm run build` still print it).
 */
export async function build(
  options: { quiet?: boolean } = {},
): Promise<{ bytes: number; files: string[] }> {
  const result = await esbuild.build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL_NAME,
    target: 'es2020',
    platform: 'neutral',
    charset: 'utf8',
    legalComments: 'none',
    sourcemap: false,
    // Every custom-function call parses the whole file, so it is minified, local names
    // included (a quarter of its size). The stubs below keep the names Sheets and the
    // sidebar call, and user-facing errors carry their own messages.
    minify: true,
    plugins: [stripHelpTextPlugin],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const bundle = result.outputFiles[0].text;

  const { formulas, entryPoints } = listExports(bundle);
  const registryNames = FUNCTIONS.map((definition) => definition.name);
  const missing = registryNames.filter((name) => !formulas.includes(name));
  const extra = formulas.filter((name) => !registryNames.includes(name));
  if (missing.length || extra.length) {
    throw new Error(
      `formulas in the bundle do not match the registry (missing: ${missing.join(', ') || 'none'}; not in registry: ${extra.join(', ') || 'none'})`,
    );
  }
  const clash = entryPoints.find(([name]) => registryNames.includes(name));
  if (clash) throw new Error(`src/index.ts exports ${clash[0]}, which is also a custom function`);

  const footer = [
    '// ---- GENERATED by scripts/build.ts: top-level functions Apps Script can see ----',
    '',
    ...FUNCTIONS.map(customFunctionStub),
    ...entryPoints.map(([name, arity]) => entryPointStub(name, arity)),
  ].join('\n');
  const header =
    '// GENERATED by `npm run build` from src/ (scripts/build.ts). Do not edit: changes are lost.\n';
  const code = `${header}${bundle}\n${footer}`;

  checkScriptSyntax(code);
  const bytes = Buffer.byteLength(code);
  // Over budget is a warning here and a failing test (test/bundle/size.test.ts): a hard
  // stop would leave dist/ stale and fail every other bundle test with it.
  if (bytes >= BUNDLE_AIM_BYTES && !options.quiet) {
    console.warn(budgetWarning(bytes, result.metafile));
  }

  await fs.mkdir(DIST, { recursive: true });
  await writeAtomic(path.join(DIST, CODE), code);
  await writeAtomic(
    path.join(DIST, MANIFEST),
    await fs.readFile(path.join(ROOT, MANIFEST), 'utf8'),
  );
  const files = [CODE, MANIFEST];

  for (const step of EXTRA_BUILD_STEPS) {
    const stepModule = (await import(path.join(ROOT, step))) as BuildStepModule;
    const produced = await stepModule.build({ rootDir: ROOT, distDir: DIST, code });
    for (const file of produced) {
      const name = path.basename(file);
      if (!name.endsWith('.html'))
        throw new Error(`${step} produced ${name}: only .html is copied`);
      if (files.includes(name))
        throw new Error(`${step} produced ${name} twice or over a build file`);
      const target = path.join(DIST, name);
      if (path.resolve(file) !== target) await writeAtomic(target, await fs.readFile(file, 'utf8'));
      files.push(name);
    }
  }

  // Anything else in dist/ is stale (a renamed sidebar page would otherwise be pushed).
  for (const entry of await fs.readdir(DIST)) {
    if (!files.includes(entry) && !entry.endsWith('.tmp')) {
      await fs.rm(path.join(DIST, entry), { recursive: true, force: true });
    }
  }
  return { bytes, files };
}

if (require.main === module) {
  build({ quiet: process.argv.includes('--quiet') }).then(
    ({ bytes, files }) => {
      console.log(`dist/: ${files.join(', ')} (Code.js ${(bytes / 1024).toFixed(1)} KB)`);
    },
    (error: Error) => {
      console.error(`build failed: ${error.message}`);
      process.exitCode = 1;
    },
  );
}
