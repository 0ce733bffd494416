/**
 * google.script.run for a page opened by Playwright, served by the built dist/Code.js
 * running on the emulator. The page gets a `google.script.run` with Apps Script's chain
 * semantics (withSuccessHandler / withFailureHandler return a new runner, any other
 * property is a server function; handlers run asynchronously; arguments and results
 * travel as JSON, so a Date argument fails as it does in Apps Script). Each call is a
 * new execution of the bundle, as each google.script.run call is in Apps Script.
 */
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import type { Emulator } from '../../emulator/index';
import { execution, SIDEBAR_HTML } from '../integration/harness';

/** Runs in the page before its own script. */
const SHIM = `(() => {
  const hasDate = (value) => {
    if (value instanceof Date) return true;
    if (value && typeof value === 'object') return Object.values(value).some(hasDate);
    return false;
  };
  const later = (fn) => setTimeout(fn, 0);
  function runner(success, failure) {
    const own = {
      withSuccessHandler: (fn) => runner(fn, failure),
      withFailureHandler: (fn) => runner(success, fn),
      withUserObject: () => runner(success, failure),
    };
    return new Proxy(own, {
      get(target, name) {
        if (name in target) return target[name];
        if (typeof name !== 'string' || name === 'then') return undefined;
        return (...args) => {
          if (hasDate(args)) {
            later(() => failure && failure(new Error('Date arguments cannot be sent to the server')));
            return;
          }
          window.__appsScriptCall(name, JSON.stringify(args)).then(
            (json) => later(() => success && success(JSON.parse(json))),
            (error) => later(() => failure && failure(new Error(String((error && error.message) || error)))),
          );
        };
      },
    });
  }
  window.google = { script: { run: runner(null, null), host: { close() {} } } };
})();`;

export interface BridgeLog {
  /** Server functions called, in order. */
  readonly calls: string[];
}

export async function bridgeToEmulator(page: Page, emulator: Emulator): Promise<BridgeLog> {
  const log: BridgeLog = { calls: [] };
  await page.exposeFunction('__appsScriptCall', (name: string, argsJson: string) => {
    log.calls.push(name);
    const args = JSON.parse(argsJson) as unknown[];
    try {
      return JSON.stringify(execution(emulator).call(name, ...args));
    } catch (error) {
      // Only the message reaches the page, as with Apps Script's failure handler.
      throw new Error(String((error as Error)?.message ?? error), { cause: error });
    }
  });
  await page.addInitScript(SHIM);
  return log;
}

/** dist/Sidebar.html served on 127.0.0.1 (a random port), as HtmlService would serve it. */
export async function serveSidebar(): Promise<{ url: string; close(): Promise<void> }> {
  if (!existsSync(SIDEBAR_HTML)) throw new Error('dist/Sidebar.html is missing: run npm run build');
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(readFileSync(SIDEBAR_HTML));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
