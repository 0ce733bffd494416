/**
 * `npm start`: the playground. A local page that looks like Sheets with the add-on
 * installed, where dist/Code.js (the very file `clasp push` sends) runs against the
 * emulator: the add-on menu, the sidebar with its google.script.run calls, the summary
 * tabs with their charts, and the custom functions in cells.
 *
 *     npm start                          # playground/sample (samples/fr), fr_FR, Europe/Paris
 *     npm start -- path/to/folder --locale en_US --port 8080 --today 2026-03-15
 *
 * Tests start it with `startPlayground({ port: 0 })` and close it when done.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { CsvError } from '../emulator/encoding';
import { defaultTimeZone, localeOfCsv } from '../emulator/workbookLocale';
import { wallToInstant } from '../src/core/dates';
import { PlaygroundSession } from './session';
import { isTableFile } from './tables';

const ROOT = path.resolve(__dirname, '..');
const HOST = '127.0.0.1';
export const DEFAULT_PORT = 8787;
/**
 * The playground's own copy of samples/fr, without its deliberate `n/c` amount: the
 * first screen is healthy, and the Examples tab shows that case in a labelled row.
 */
export const DEFAULT_FOLDER = path.join(ROOT, 'playground', 'sample');
const MAX_BODY_BYTES = 30 * 1024 * 1024;

export interface PlaygroundOptions {
  /** Folder of .csv/.tsv/.txt files (default playground/sample). */
  readonly folder?: string;
  /** Spreadsheet locale (default fr_FR for `;`-separated files, en_US otherwise). */
  readonly locale?: string;
  /** Spreadsheet time zone (default from the locale: Europe/Paris for fr, …). */
  readonly timeZone?: string;
  /** 0 for any free port (default 8787). */
  readonly port?: number;
  /** The date the add-on believes it is, `YYYY-MM-DD` or a Date (default today). */
  readonly today?: string | Date;
  /** Try to open a browser on the page (default false). */
  readonly open?: boolean;
  /** The built add-on (default dist/). */
  readonly distDir?: string;
  /** The largest request body accepted (default 30 MB); larger ones get 413. */
  readonly maxBodyBytes?: number;
}

export interface Playground {
  readonly url: string;
  readonly session: PlaygroundSession;
  close(): Promise<void>;
}

/** The locale a folder's files suggest (the first table file's separator). */
function guessLocale(folder: string): string {
  const file = readdirSync(folder).filter(isTableFile).sort()[0] as string | undefined;
  return file ? localeOfCsv(readFileSync(path.join(folder, file), 'utf8')) : 'en_US';
}

/** `2026-03-15` as 9 a.m. that day in the workbook's zone: a working morning. */
function parseToday(today: string | Date | undefined, timeZone: string): Date | undefined {
  if (today === undefined) return undefined;
  if (today instanceof Date) return today;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today.trim());
  if (!match) throw new Error(`--today expects YYYY-MM-DD, got "${today}"`);
  const [, y, m, d] = match.map(Number);
  return new Date(wallToInstant(Date.UTC(y, m - 1, d, 9), timeZone));
}

interface Assets {
  app: string;
  shim: string;
  css: string;
  page: string;
  chartJs: string;
}

async function bundle(entry: string): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [path.join(__dirname, 'client', entry)],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

async function loadAssets(): Promise<Assets> {
  const chartFile = ['chart.umd.js', 'chart.umd.min.js']
    .map((name) => path.join(ROOT, 'node_modules', 'chart.js', 'dist', name))
    .find((file) => existsSync(file));
  if (!chartFile)
    throw new Error('node_modules/chart.js/dist/chart.umd.js is missing: npm install');
  const [app, shim] = await Promise.all([bundle('app.ts'), bundle('shim.ts')]);
  return {
    app,
    shim,
    css: readFileSync(path.join(__dirname, 'client', 'style.css'), 'utf8'),
    page: readFileSync(path.join(__dirname, 'client', 'index.html'), 'utf8'),
    chartJs: readFileSync(chartFile, 'utf8'),
  };
}

/**
 * The HTML the add-on built, as its iframe receives it, with google.script (the shim)
 * defined before any of the add-on's own scripts run.
 */
export function injectShim(html: string, shim: string, functions: readonly string[]): string {
  const config = JSON.stringify({ functions }).replace(/</g, '\\u003c');
  const tag = `<script>window.__PLAYGROUND__=${config};</script><script>${shim.replace(/<\/script/gi, '<\\/script')}</script>`;
  const head = /<head\b[^>]*>/i.exec(html);
  if (head)
    return (
      html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length)
    );
  const start = /^\s*(?:<!doctype[^>]*>\s*)?(?:<html\b[^>]*>)?/i.exec(html);
  const at = start ? start[0].length : 0;
  return html.slice(0, at) + tag + html.slice(at);
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The JSON object a POST carries. A body over `limit` bytes is read to its end and
 * dropped, then answered with 413: a reply sent while the client is still uploading
 * would reach it as a connection reset.
 */
function readBody(
  request: http.IncomingMessage,
  limit = MAX_BODY_BYTES,
): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else chunks.length = 0;
    });
    request.on('end', () => {
      if (size > limit) {
        const mb = 1024 * 1024;
        const shown =
          limit >= mb
            ? `${Math.round((limit / mb) * 10) / 10} MB`
            : `${Math.ceil(limit / 1024)} KB`;
        reject(new HttpError(413, `the request is larger than ${shown}, the playground's limit`));
        return;
      }
      try {
        const text = Buffer.concat(chunks).toString('utf8');
        const body: unknown = text === '' ? {} : JSON.parse(text);
        if (typeof body !== 'object' || body === null || Array.isArray(body)) {
          throw new Error('expected a JSON object');
        }
        resolve(body as Record<string, unknown>);
      } catch (error) {
        reject(new HttpError(400, `bad JSON: ${(error as Error).message}`));
      }
    });
    request.on('error', reject);
  });
}

function text(value: unknown, name: string): string {
  if (typeof value !== 'string') throw new HttpError(400, `${name} must be a string`);
  return value;
}

export async function startPlayground(options: PlaygroundOptions = {}): Promise<Playground> {
  const folder = path.resolve(options.folder ?? DEFAULT_FOLDER);
  if (!existsSync(folder)) throw new Error(`No folder ${folder}`);
  const locale = options.locale ?? (options.folder ? guessLocale(folder) : 'fr_FR');
  const timeZone = options.timeZone ?? defaultTimeZone(locale);
  const session = new PlaygroundSession({
    folder,
    locale,
    timeZone,
    today: parseToday(options.today, timeZone),
    distDir: options.distDir,
  });
  const assets = await loadAssets();

  const send = (
    response: http.ServerResponse,
    status: number,
    type: string,
    body: string,
  ): void => {
    response.writeHead(status, {
      'Content-Type': `${type}; charset=utf-8`,
      'Cache-Control': 'no-store',
    });
    response.end(body);
  };
  const json = (response: http.ServerResponse, value: unknown, status = 200) =>
    send(response, status, 'application/json', JSON.stringify(value));

  let port = 0;
  const routes = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    // Only this machine's pages may drive the playground: no other Host (DNS rebinding),
    // and POSTs in JSON only, which a page of another origin cannot send without asking.
    if (![`${HOST}:${port}`, `localhost:${port}`].includes(request.headers.host ?? '')) {
      throw new HttpError(403, 'unexpected Host header');
    }
    if (
      request.method === 'POST' &&
      !/^application\/json\b/.test(request.headers['content-type'] ?? '')
    ) {
      throw new HttpError(415, 'POST bodies must be application/json');
    }
    const url = new URL(request.url ?? '/', `http://${HOST}`);
    const route = `${request.method} ${url.pathname}`;
    switch (route) {
      case 'GET /':
        return send(response, 200, 'text/html', assets.page);
      case 'GET /app.js':
        return send(response, 200, 'text/javascript', assets.app);
      case 'GET /style.css':
        return send(response, 200, 'text/css', assets.css);
      case 'GET /vendor/chart.umd.js':
        return send(response, 200, 'text/javascript', assets.chartJs);
      case 'GET /favicon.ico':
        response.writeHead(204);
        return response.end();
      case 'GET /api/state':
        return json(response, session.state());
      case 'GET /api/sheet':
        return json(response, session.sheetView(text(url.searchParams.get('name'), 'name')));
      case 'POST /api/run': {
        const body = await readBody(request, options.maxBodyBytes);
        const args = body.args === undefined ? [] : body.args;
        if (!Array.isArray(args)) throw new HttpError(400, 'args must be an array');
        return json(response, session.run(text(body.name, 'name'), JSON.stringify(args)));
      }
      case 'POST /api/edit': {
        const body = await readBody(request, options.maxBodyBytes);
        return json(
          response,
          session.edit(text(body.sheet, 'sheet'), text(body.cell, 'cell'), text(body.text, 'text')),
        );
      }
      case 'POST /api/undo':
        await readBody(request);
        return json(response, session.undo());
      case 'POST /api/import': {
        const body = await readBody(request, options.maxBodyBytes);
        const fileName = text(body.fileName, 'fileName');
        if (!isTableFile(fileName)) {
          throw new HttpError(415, `${fileName}: only .csv, .tsv and .txt files can be imported`);
        }
        try {
          return json(response, session.importFile(fileName, text(body.text, 'text')));
        } catch (error) {
          // Not UTF-8, or a quote that never closes: the file's fault, said as such.
          if (error instanceof CsvError) throw new HttpError(422, error.message);
          throw error;
        }
      }
      case 'POST /api/activate': {
        const body = await readBody(request, options.maxBodyBytes);
        session.activate(text(body.sheet, 'sheet'));
        return json(response, { ok: true });
      }
    }
    const page = /^GET \/html\/([sd]\d+)$/.exec(route);
    if (page) {
      const spec = session.html(page[1]);
      if (!spec) throw new HttpError(404, 'no such sidebar or dialog');
      return send(
        response,
        200,
        'text/html',
        injectShim(spec.content, assets.shim, session.serverFunctions),
      );
    }
    throw new HttpError(404, `not found: ${url.pathname}`);
  };

  const server = http.createServer((request, response) => {
    routes(request, response).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (!response.headersSent) json(response, { error: (error as Error).message }, status);
      else response.end();
    });
  });
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://${HOST}:${port}/`;
  if (options.open) openBrowser(url);

  return {
    url,
    session,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

function openBrowser(url: string): void {
  const command =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(command, [url], { detached: true, stdio: 'ignore' });
    child.on('error', () => console.log(`Could not open a browser: open ${url} yourself.`));
    child.unref();
  } catch {
    console.log(`Could not open a browser: open ${url} yourself.`);
  }
}

const USAGE = `Usage: npm start -- [folder] [--locale fr_FR] [--time-zone Europe/Paris]
                     [--port 8787] [--today YYYY-MM-DD] [--open | --no-open]

Runs dist/Code.js against the emulator on a folder of .csv/.tsv/.txt files (default
playground/sample, the French sample) and serves a spreadsheet-like page on
http://127.0.0.1:PORT/ (--port 0: any free port), printing its address; --open also
opens it in a browser. --today sets the date the add-on sees.`;

/** Command-line arguments as options (throws on an unknown or incomplete one). */
export function parseArguments(argv: readonly string[]): PlaygroundOptions & { help?: boolean } {
  const options: {
    -readonly [K in keyof PlaygroundOptions]: PlaygroundOptions[K];
  } & { help?: boolean } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) {
        throw new Error(`${flag} needs a value`);
      }
      return v;
    };
    switch (flag) {
      case '--locale':
        options.locale = value();
        break;
      case '--time-zone':
      case '--timezone':
      case '--tz':
        options.timeZone = value();
        break;
      case '--port': {
        const port = Number(value());
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port: 0–65535');
        options.port = port;
        break;
      }
      case '--today':
        options.today = value();
        break;
      case '--open':
        options.open = true;
        break;
      case '--no-open':
        options.open = false;
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        if (flag.startsWith('-') || options.folder !== undefined) {
          throw new Error(`unknown argument ${arg}`);
        }
        options.folder = arg;
    }
  }
  return options;
}

async function main(): Promise<void> {
  let options;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const started = Date.now();
  const playground = await startPlayground(options);
  const { session } = playground;
  const state = session.state();
  console.log(
    `Sales KPI playground: ${state.sheets.length} tabs from ${path.relative(process.cwd(), session.options.folder) || '.'} ` +
      `(${state.locale}, ${state.timeZone}), ready in ${Date.now() - started} ms`,
  );
  console.log(`  ${playground.url}`);
  console.log('Ctrl+C to stop.');
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the playground.`);
    playground.close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(`playground: ${error.message}`);
    process.exitCode = 1;
  });
}
