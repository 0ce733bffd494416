/**
 * The built dist/Code.js run the way Apps Script runs it, against the emulator: a fresh
 * vm context per "execution" (as a new page load or a new trigger gets), whose globals
 * are the emulator's services. Arguments and results cross as JSON, as they do through
 * google.script.run, and results are checked to be JSON-safe first.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import type { AuthModeName, Emulator, EmulatorOptions } from '../../emulator/index';
import { createEmulator } from '../../emulator/index';
import { loadCsvFolder } from '../../emulator/importCsv';
import { loadBundle } from '../support/loadBundle';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SIDEBAR_HTML = path.join(ROOT, 'dist', 'Sidebar.html');

export type SampleName = 'fr' | 'en';

export const SAMPLES: Record<SampleName, { locale: string; timeZone: string }> = {
  fr: { locale: 'fr_FR', timeZone: 'Europe/Paris' },
  en: { locale: 'en_US', timeZone: 'America/New_York' },
};

export type SheetData = { name: string; values: unknown[][] };

/** The sample workbook's tabs, typed as Sheets imports the CSV files. */
export function sampleSheets(sample: SampleName): SheetData[] {
  return loadCsvFolder(path.join(ROOT, 'samples', sample), SAMPLES[sample]);
}

/** An emulator holding a sample workbook and the built sidebar page. */
export function sampleEmulator(
  sample: SampleName,
  options: { sheets?: SheetData[] } & Omit<EmulatorOptions, 'sheets'> = {},
): Emulator {
  return createEmulator({
    ...SAMPLES[sample],
    files: { Sidebar: readFileSync(SIDEBAR_HTML, 'utf8') },
    ...options,
    sheets: options.sheets ?? sampleSheets(sample),
  });
}

/** Throws when a value could not cross google.script.run unchanged. */
export function assertJsonSafe(value: unknown, at = 'result'): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${at} is ${value}, which JSON cannot carry`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      if (item === undefined) throw new Error(`${at}[${i}] is undefined`);
      assertJsonSafe(item, `${at}[${i}]`);
    });
    return;
  }
  if (typeof value === 'object') {
    const tag = Object.prototype.toString.call(value);
    if (tag !== '[object Object]')
      throw new Error(`${at} is a ${tag}, which google.script.run cannot carry`);
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (item === undefined) continue; // dropped, as JSON drops it
      assertJsonSafe(item, `${at}.${key}`);
    }
    return;
  }
  throw new Error(`${at} is a ${typeof value}`);
}

/** One loaded copy of the bundle on an emulator: a page load, or a trigger run. */
export interface Execution {
  readonly context: vm.Context;
  /** Calls a top-level function like google.script.run: JSON in, JSON-safe out. */
  call<T = unknown>(name: string, ...args: unknown[]): T;
  /** Calls a top-level function directly (a trigger or a menu item). */
  run(name: string, ...args: unknown[]): unknown;
  /** Same, in another authorization mode (restored afterwards). */
  runAs(mode: AuthModeName, name: string, ...args: unknown[]): unknown;
}

export function execution(emulator: Emulator, globals?: Record<string, unknown>): Execution {
  const context = loadBundle({ globals: globals ?? { ...emulator.globals } });
  emulator.useRealm(context);
  const parseInRealm = vm.runInContext('JSON.parse', context) as (text: string) => unknown;
  const run = (name: string, ...args: unknown[]) => {
    const fn: unknown = context[name];
    if (typeof fn !== 'function') throw new Error(`dist/Code.js has no top-level ${name}`);
    return emulator.execute(() => (fn as (...a: unknown[]) => unknown)(...args));
  };
  return {
    context,
    run,
    runAs(mode, name, ...args) {
      const previous = emulator.authMode;
      emulator.setAuthMode(mode);
      try {
        return run(name, ...args);
      } finally {
        emulator.setAuthMode(previous);
      }
    },
    call<T>(name: string, ...args: unknown[]): T {
      const inRealm = args.map((arg) =>
        arg === undefined ? undefined : parseInRealm(JSON.stringify(arg)),
      );
      const result = run(name, ...inRealm);
      assertJsonSafe(result, name);
      return JSON.parse(JSON.stringify(result ?? null)) as T;
    },
  };
}

/** The message of the error `fn` throws; fails when it throws none. */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return String((error as Error).message);
  }
  throw new Error('expected an error');
}

/** The document properties the mapping uses. */
export function mappingProperties(emulator: Emulator): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of emulator.properties.document) {
    if (key === 'kpiMapping' || key.startsWith('kpiMapping.')) out.set(key, value);
  }
  return out;
}
