/**
 * Build step (scripts/build.ts EXTRA_BUILD_STEPS): src/sidebar → dist/Sidebar.html.
 *
 * HtmlService serves one HTML file and nothing else (no separate .js or .css), so the
 * sidebar's bundle (esbuild, IIFE, es2020, for the browser) and its stylesheet are
 * inlined into src/sidebar/page.html. The step also checks that every function of the
 * server module the sidebar is typed by (src/server/sidebarApi.ts) is a top-level function of
 * Code.js: a server function missing from src/index.ts would otherwise only fail in the
 * user's sidebar.
 */
import * as esbuild from 'esbuild';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { BuildStepContext } from './build';

export const SIDEBAR_HTML = 'Sidebar.html';
const STYLES_MARKER = '/*__STYLES__*/';
const SCRIPT_MARKER = '/*__SCRIPT__*/';

/** The sidebar's JavaScript, safe to put inside a <script> element. */
export async function bundleSidebarScript(rootDir: string): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [path.join(rootDir, 'src', 'sidebar', 'main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    charset: 'utf8',
    legalComments: 'none',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const js = result.outputFiles[0].text;
  // "<!--" would switch the HTML parser into its escaped-script state: refuse it.
  if (js.includes('<!--')) throw new Error('the sidebar bundle contains "<!--"');
  // "</script" (any case) inside a string would end the element early; "<\/" is the same string.
  return js.replace(/<\/(script)/gi, '<\\/$1');
}

/** Page + styles + script: the single file HtmlService serves. */
export async function renderSidebarHtml(rootDir: string): Promise<string> {
  const dir = path.join(rootDir, 'src', 'sidebar');
  const [page, css, js] = await Promise.all([
    fs.readFile(path.join(dir, 'page.html'), 'utf8'),
    fs.readFile(path.join(dir, 'styles.css'), 'utf8'),
    bundleSidebarScript(rootDir),
  ]);
  for (const marker of [STYLES_MARKER, SCRIPT_MARKER]) {
    if (page.split(marker).length !== 2) throw new Error(`page.html must hold ${marker} once`);
  }
  if (/<\/style/i.test(css)) throw new Error('styles.css must not contain </style');
  // What ships carries no development comments: none of the page's, and the stylesheet
  // minified (the script already is).
  const shipped = page.replace(/[ \t]*<!--[\s\S]*?-->[ \t]*\n?/g, '');
  const styles = (await esbuild.transform(css, { loader: 'css', minify: true, charset: 'utf8' }))
    .code;
  // Function replacements: a "$&" or "$'" in the bundle must stay as written.
  return shipped
    .replace(STYLES_MARKER, () => styles.trim())
    .replace(SCRIPT_MARKER, () => js.trim());
}

/** Names of the server functions the sidebar may call (exports of src/server/sidebarApi.ts). */
export async function serverFunctionNames(rootDir: string): Promise<string[]> {
  const api = (await import(path.join(rootDir, 'src', 'server', 'sidebarApi.ts'))) as Record<
    string,
    unknown
  >;
  return Object.keys(api).filter((name) => typeof api[name] === 'function');
}

/** Fails when a server function the sidebar is typed with is not a top-level function. */
export function checkServerFunctions(code: string, names: readonly string[]): void {
  const missing = names.filter((name) => !new RegExp(`^function ${name}\\(`, 'm').test(code));
  if (missing.length > 0) {
    throw new Error(
      `the sidebar calls ${missing.join(', ')}, which Code.js does not define at top level: export ${missing.length > 1 ? 'them' : 'it'} from src/index.ts`,
    );
  }
}

export async function build(context: BuildStepContext): Promise<string[]> {
  checkServerFunctions(context.code, await serverFunctionNames(context.rootDir));
  const html = await renderSidebarHtml(context.rootDir);
  const file = path.join(context.distDir, SIDEBAR_HTML);
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, html);
  await fs.rename(temporary, file);
  return [file];
}

if (require.main === module) {
  const rootDir = path.resolve(__dirname, '..');
  renderSidebarHtml(rootDir).then(
    async (html) => {
      await fs.mkdir(path.join(rootDir, 'dist'), { recursive: true });
      await fs.writeFile(path.join(rootDir, 'dist', SIDEBAR_HTML), html);
      console.log(`dist/${SIDEBAR_HTML} (${(Buffer.byteLength(html) / 1024).toFixed(1)} KB)`);
    },
    (error: Error) => {
      console.error(`sidebar build failed: ${error.message}`);
      process.exitCode = 1;
    },
  );
}
