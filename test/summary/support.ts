/**
 * The built add-on (dist/Code.js) loaded in a V8 context whose globals are the emulated
 * Apps Script services: what `npm run build` produced is what the summary tests run.
 */
import { readFileSync } from 'node:fs';
import type vm from 'node:vm';
import type { Emulator, EmulatorOptions } from '../../emulator';
import { createEmulator } from '../../emulator';
import { typeCsvRows } from '../../emulator/importCsv';
import { SAMPLES, sampleSheets, type SampleName } from '../integration/harness';
import { CODE_JS } from '../support/loadBundle';

export const TODAY = '2026-11-15';

let code: string | undefined;
function bundle(): string {
  if (code === undefined) {
    try {
      code = readFileSync(CODE_JS, 'utf8');
    } catch {
      throw new Error('dist/Code.js is missing: run npm run build first');
    }
  }
  return code;
}

export interface Loaded {
  readonly emulator: Emulator;
  readonly context: vm.Context;
}

/** What generateSummary returns (src/server/generate.ts), as the tests read it. */
export interface Result {
  ok: boolean;
  message: string;
  language: 'en' | 'fr';
  tabs: { id: string; name: string; created: boolean }[];
  rowsRead: number;
  rowsSkipped: number;
  warnings: string[];
  period: string | null;
  error: { kind: string; detail: string } | null;
}

export function withBundle(emulator: Emulator): Loaded {
  const context = emulator.load(bundle(), 'dist/Code.js');
  return { emulator, context };
}

/** An emulated spreadsheet of tabs given as CSV-like text rows, typed as Sheets imports them. */
export function workbook(
  tabs: Record<string, string>,
  options: { locale?: string; timeZone?: string } & Omit<EmulatorOptions, 'sheets'> = {},
): Loaded {
  const locale = options.locale ?? 'en_US';
  const timeZone = options.timeZone ?? 'America/New_York';
  const sheets = Object.entries(tabs).map(([name, text]) => ({
    name,
    values: typeCsvRows(text, locale, timeZone),
  }));
  return withBundle(createEmulator({ ...options, locale, timeZone, sheets }));
}

/** An emulated spreadsheet of raw values (strings stay strings). */
export function rawWorkbook(
  tabs: Record<string, unknown[][]>,
  options: { locale?: string; timeZone?: string } & Omit<EmulatorOptions, 'sheets'> = {},
): Loaded {
  const sheets = Object.entries(tabs).map(([name, values]) => ({ name, values }));
  return withBundle(
    createEmulator({
      ...options,
      locale: options.locale ?? 'en_US',
      timeZone: options.timeZone ?? 'America/New_York',
      sheets,
    }),
  );
}

export function sample(language: SampleName): Loaded {
  return withBundle(createEmulator({ ...SAMPLES[language], sheets: sampleSheets(language) }));
}

/** Runs the bundle's generateSummary as one execution (locks released after). */
export function generate(
  loaded: Loaded,
  options: Record<string, unknown> = { today: TODAY },
): Result {
  return loaded.emulator.run('generateSummary', options) as Result;
}

/** A tab's cells as they show, by row. */
export function shown(loaded: Loaded, tab: string): string[][] {
  return loaded.emulator.workbook.sheet(tab).snapshot().displayValues;
}

/** The row whose first cell shows `label` (the first such row). */
export function rowOf(loaded: Loaded, tab: string, label: string): string[] {
  const row = shown(loaded, tab).find((r) => r[0] === label);
  if (!row) throw new Error(`${tab}: no row "${label}"`);
  return row;
}

/** The raw value and number format of the cell in row `label`, column `column` (1-based). */
export function cellOf(
  loaded: Loaded,
  tab: string,
  label: string,
  column: number,
): { value: unknown; format: string; background: string; shown: string } {
  const sheet = loaded.emulator.workbook.sheet(tab);
  const snapshot = sheet.snapshot();
  const r = snapshot.displayValues.findIndex((row) => row[0] === label);
  if (r < 0) throw new Error(`${tab}: no row "${label}"`);
  const range = sheet.getRange(r + 1, column);
  return {
    value: range.getValue(),
    format: range.getNumberFormat(),
    background: range.getBackground(),
    shown: range.getDisplayValue(),
  };
}
