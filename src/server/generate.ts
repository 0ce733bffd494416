/**
 * "Generate KPI summary": the sidebar's button and the menu item. Reads the saved mapping
 * (or detects one), reads each mapped table once, builds the report (pure) and writes
 * the summary tabs, all under the document lock. The number of service calls depends on
 * the number of tabs and mapped tables, never on the number of data rows.
 */
import * as z from 'zod/mini';
import { isIsoDay } from '../core/dates';
import type { Language, SheetContext } from '../core/context';
import { languageOf } from '../core/context';
import { midnightOf } from '../core/dates';
import type { SheetValues } from '../mapping/analyzeSheet';
import { detectWorkbook } from '../mapping/detect';
import { mappingFromDetection } from '../mapping/mappingFromDetection';
import type { EntityId } from '../mapping/fields';
import { ENTITY_IDS } from '../mapping/fields';
import type { Mapping, MappingSettings } from '../mapping/schema';
import { customRangeSchema, DEFAULT_SETTINGS } from '../mapping/schema';
import { parsePeriodChoice } from '../engine/periods';
import { buildReport } from '../report/build';
import type { Report } from '../report/model';
import { uiStrings } from '../ui/strings';
import { planTabs } from '../writer/render';
import { TAB_NAMES } from '../writer/tabs';
import type { TabId } from '../writer/tabs';
import { findOwnedTabs, PartialWriteError, writeTabs } from '../writer/write';
import { readStoredMapping } from './mappingStore';
import { missingColumns } from '../mapping/savedColumns';
import { entityName, message, missingColumnMessage, unfitMessage } from './messages';
import { contextOf } from './workbook';
import { documentLock, flushAndRelease, MissingDocumentService } from './documentServices';

type Values = readonly (readonly unknown[])[];

/** How long a click waits for a generation already running before it is refused. */
export const LOCK_WAIT_MS = 2000;

export type SummaryErrorKind =
  'busy' | 'noDeals' | 'dealsSheetMissing' | 'options' | 'noDocument' | 'partial' | 'unexpected';

/** What the sidebar (and the menu) get back: JSON-safe, in the spreadsheet's language. */
export interface SummaryResult {
  readonly ok: boolean;
  /** One sentence for the user: the result, or why nothing was written. */
  readonly message: string;
  readonly language: Language;
  readonly tabs: { readonly id: TabId; readonly name: string; readonly created: boolean }[];
  /** Rows below the header rows of the mapped tables, blank ones included. */
  readonly rowsRead: number;
  /** Rows that count in nothing (blank, no usable date, a required value missing): the data-quality tab's count. */
  readonly rowsSkipped: number;
  /** Things worth checking, each one sentence. */
  readonly warnings: string[];
  /** The period the summary covers, e.g. "2026-10"; null on failure. */
  readonly period: string | null;
  readonly error: { readonly kind: SummaryErrorKind; readonly detail: string } | null;
}

/** What the sidebar may choose; anything else in `options` is refused. */
export interface SummaryOptions {
  /** The day the summary is made on (default: today in the spreadsheet's time zone). */
  today?: string;
  period?: MappingSettings['period'];
  fiscalYearStartMonth?: number;
  customRange?: { start: string; end: string };
  /** One period by name: `2017-06`, `2017-Q2`, `2017` (fiscal), `2017-W12`. */
  periodLabel?: string;
}

// Built on first use: the bundle loads on every custom-function call, which never needs it.
let optionsSchema: z.ZodMiniType<SummaryOptions> | undefined;
function schema(): z.ZodMiniType<SummaryOptions> {
  if (optionsSchema) return optionsSchema;
  optionsSchema = z.strictObject({
    today: z.optional(z.string().check(z.refine(isIsoDay, 'expected a YYYY-MM-DD date'))),
    period: z.optional(z.enum(['week', 'month', 'quarter', 'year'])),
    fiscalYearStartMonth: z.optional(z.int().check(z.minimum(1), z.maximum(12))),
    customRange: z.optional(customRangeSchema()),
    periodLabel: z.optional(
      z
        .string()
        .check(
          z.refine(
            (text) => parsePeriodChoice(text, 1) !== null,
            'expected a month (2017-06), a quarter (2017-Q2) or a year (2017)',
          ),
        ),
    ),
  }) as unknown as z.ZodMiniType<SummaryOptions>;
  return optionsSchema;
}

/** Validates what the sidebar sent (untrusted). */
export function parseSummaryOptions(
  input: unknown,
): { ok: true; options: SummaryOptions } | { ok: false; detail: string } {
  if (input === undefined || input === null) return { ok: true, options: {} };
  const result = z.safeParse(schema(), input);
  if (result.success) return { ok: true, options: result.data };
  const issue = result.error.issues[0];
  return { ok: false, detail: `${issue.path.join('.') || 'options'}: ${issue.message}` };
}

class SummaryError extends Error {
  constructor(
    readonly kind: SummaryErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'SummaryError';
  }
}

interface Inputs {
  readonly mapping: Mapping;
  readonly tables: Partial<Record<EntityId, Values>>;
  readonly warnings: string[];
}

/**
 * The mapping to use and the values of each of its tables, each sheet read once. A valid
 * saved mapping is used as saved (a table whose sheet was deleted is left out, except the
 * deals); otherwise every sheet but the add-on's own tabs is read and detected, as the
 * sidebar does.
 */
function readInputs(
  sheets: readonly { readonly name: string; readonly sheet: GoogleAppsScript.Spreadsheet.Sheet }[],
  context: SheetContext,
  language: Language,
): Inputs {
  const warnings: string[] = [];
  const read = (sheet: GoogleAppsScript.Spreadsheet.Sheet): Values =>
    sheet.getDataRange().getValues();
  const stored = readStoredMapping();

  if (stored.kind === 'ok') {
    const mapping = stored.mapping;
    const byName = new Map(sheets.map((s) => [s.name, s.sheet]));
    const tables: Partial<Record<EntityId, Values>> = {};
    const entities: Mapping['entities'] = { ...mapping.entities };
    const cache = new Map<string, Values>();
    for (const id of ENTITY_IDS) {
      const entity = mapping.entities[id];
      if (!entity) continue;
      const sheet = byName.get(entity.sheet);
      if (!sheet) {
        if (id === 'deals') {
          throw new SummaryError(
            'dealsSheetMissing',
            message(language, 'summaryDealsSheetMissing', { sheet: entity.sheet }),
          );
        }
        delete entities[id as Exclude<EntityId, 'deals'>];
        warnings.push(
          message(language, 'summarySheetMissing', {
            entity: entityName(language, id),
            sheet: entity.sheet,
          }),
        );
        continue;
      }
      let values = cache.get(entity.sheet);
      if (!values) {
        values = read(sheet);
        cache.set(entity.sheet, values);
      }
      tables[id] = values;
    }
    const kept: Mapping = { ...mapping, entities };
    for (const m of missingColumns(kept, (sheet) => cache.get(sheet))) {
      warnings.push(missingColumnMessage(language, m));
    }
    return { mapping: kept, tables, warnings };
  }

  if (stored.kind === 'none') warnings.push(message(language, 'summaryDetected'));
  else warnings.push(message(language, 'summaryMappingIgnored', { reason: stored.reason }));
  const all: SheetValues[] = sheets.map((s) => ({ name: s.name, values: read(s.sheet) }));
  const detection = detectWorkbook(all, context);
  const mapping = mappingFromDetection(detection, DEFAULT_SETTINGS);
  if (!mapping) throw new SummaryError('noDeals', message(language, 'summaryNoDeals'));
  for (const unfit of detection.unfit) warnings.push(unfitMessage(language, unfit));
  const tables: Partial<Record<EntityId, Values>> = {};
  for (const id of ENTITY_IDS) {
    const entity = mapping.entities[id];
    if (entity) tables[id] = all.find((s) => s.name === entity.sheet)!.values;
  }
  return { mapping, tables, warnings };
}

/** The instant the summary is made for: `today` at midnight, or now. */
function todayOf(options: SummaryOptions, timeZone: string): number {
  if (!options.today) return Date.now();
  const [year, month, day] = options.today.split('-').map(Number);
  return midnightOf(year, month, day, timeZone);
}

function withSettings(mapping: Mapping, options: SummaryOptions): Mapping {
  const settings: MappingSettings = { ...mapping.settings };
  if (options.period) settings.period = options.period;
  if (options.fiscalYearStartMonth) settings.fiscalYearStartMonth = options.fiscalYearStartMonth;
  if (options.customRange) settings.customRange = { ...options.customRange };
  return { ...mapping, settings };
}

function counts(report: Report): { rowsRead: number; rowsSkipped: number; problems: number } {
  let rowsRead = 0;
  let rowsSkipped = 0;
  let problems = 0;
  for (const table of report.quality.tables) {
    rowsRead += table.rowsRead;
    problems += table.problemCount;
    // Blank rows included: the same count as the data-quality tab's.
    for (const skipped of table.skipped) rowsSkipped += skipped.count;
  }
  return { rowsRead, rowsSkipped, problems };
}

/** 3290 → "3,290" / "3 290", as the user writes numbers. */
function formatCount(language: Language, n: number): string {
  return new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-US').format(n);
}

function failure(language: Language, kind: SummaryErrorKind, reason: string): SummaryResult {
  return {
    ok: false,
    message: kind === 'busy' ? reason : message(language, 'summaryFailed', { reason }),
    language,
    tabs: [],
    rowsRead: 0,
    rowsSkipped: 0,
    warnings: [],
    period: null,
    error: { kind, detail: reason },
  };
}

/**
 * Writes the summary tabs of the active spreadsheet. Never throws: a failure is a result
 * whose message says, in the spreadsheet's language, what happened and what to do.
 */
export function generateSummary(input?: unknown): SummaryResult {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const context = contextOf(spreadsheet);
  const language = languageOf(context.locale);
  const parsed = parseSummaryOptions(input);
  if (!parsed.ok) {
    return failure(
      language,
      'options',
      message(language, 'summaryOptions', { detail: parsed.detail }),
    );
  }
  const options = parsed.options;

  let lock: GoogleAppsScript.Lock.Lock;
  try {
    lock = documentLock();
  } catch (error) {
    if (!(error instanceof MissingDocumentService)) throw error;
    return failure(language, 'noDocument', message(language, 'errorNoDocumentLock') + '.');
  }
  if (!lock.tryLock(LOCK_WAIT_MS))
    return failure(language, 'busy', message(language, 'summaryBusy'));
  try {
    const owned = findOwnedTabs(spreadsheet);
    const ownedNames = new Set([...owned.values()].map((sheet) => sheet.getName()));
    const all = spreadsheet.getSheets().map((sheet) => ({ name: sheet.getName(), sheet }));
    const dataSheets = all.filter((s) => !ownedNames.has(s.name));
    const { mapping, tables, warnings } = readInputs(dataSheets, context, language);

    const report = buildReport({
      tables,
      mapping: withSettings(mapping, options),
      context,
      today: todayOf(options, context.timeZone),
      period: options.periodLabel,
    });
    const plans = planTabs(report);
    const written = writeTabs(spreadsheet, plans, {
      language,
      sheetNames: all.map((s) => s.name),
      owned,
    });
    showOverview(spreadsheet, written);

    const { rowsRead, rowsSkipped, problems } = counts(report);
    const qualityTab = written.find((t) => t.id === 'quality')?.name ?? TAB_NAMES.quality[language];
    if (problems > 0) {
      warnings.push(
        message(language, 'summaryProblems', {
          count: formatCount(language, problems),
          tab: qualityTab,
        }),
      );
    }
    const unclassed = report.quality.unclassedStatuses.length;
    if (unclassed > 0) {
      warnings.push(message(language, 'summaryUnclassed', { count: unclassed, tab: qualityTab }));
    }
    return {
      ok: true,
      message: message(language, 'summaryDone', {
        tabs: written.length,
        read: formatCount(language, rowsRead),
        skipped: formatCount(language, rowsSkipped),
      }),
      language,
      tabs: written.map((t) => ({ id: t.id, name: t.name, created: t.created })),
      rowsRead,
      rowsSkipped,
      warnings,
      period: report.periods.current.label,
      error: null,
    };
  } catch (error) {
    if (error instanceof SummaryError) return failure(language, error.kind, error.message);
    if (error instanceof PartialWriteError) return partialFailure(spreadsheet, language, error);
    const detail = String((error as Error)?.message ?? error);
    return failure(language, 'unexpected', message(language, 'summaryUnexpected', { detail }));
  } finally {
    flushAndRelease(lock);
  }
}

/**
 * Writing stopped part-way: the tabs this run added are removed, and the message lists
 * the tabs that were rewritten (and the failing one, if it was rewritten in place), so
 * that no tab is left written while the message says nothing was.
 */
function partialFailure(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  language: Language,
  error: PartialWriteError,
): SummaryResult {
  const removed: string[] = [];
  const kept: { id: TabId; name: string }[] = [];
  for (const sheet of error.added) {
    let name = '';
    try {
      name = sheet.getName();
      spreadsheet.deleteSheet(sheet);
      removed.push(name);
    } catch {
      const tab = error.written.find((t) => t.name === name);
      kept.push({ id: tab?.id ?? error.failed.id, name: name || error.failed.name });
    }
  }
  const rewritten = error.written.filter((t) => !t.created);
  const quoted = (names: readonly string[]) =>
    names.map((n) => (language === 'fr' ? `« ${n} »` : `“${n}”`)).join(', ');
  const changes: string[] = [];
  if (rewritten.length > 0) {
    changes.push(
      message(language, 'summaryPartialRewritten', { tabs: quoted(rewritten.map((t) => t.name)) }),
    );
  }
  if (!error.failed.created) {
    changes.push(message(language, 'summaryPartialIncomplete', { tab: error.failed.name }));
  }
  if (removed.length > 0) {
    changes.push(message(language, 'summaryPartialRemoved', { tabs: quoted(removed) }));
  }
  if (kept.length > 0) {
    changes.push(
      message(language, 'summaryPartialKept', { tabs: quoted(kept.map((t) => t.name)) }),
    );
  }
  // Every tab of this run removed, none rewritten: the summary was not written at all.
  const undone = rewritten.length === 0 && error.failed.created && kept.length === 0;
  if (undone) changes.push(message(language, 'summaryPartialNothing'));
  const detail = String((error.cause as Error)?.message ?? error.cause);
  const tabs = [
    ...rewritten.map((t) => ({ id: t.id, name: t.name, created: false })),
    ...(error.failed.created ? [] : [{ ...error.failed, created: false }]),
    ...kept.map((t) => ({ ...t, created: true })),
  ];
  return {
    ...failure(language, 'partial', detail),
    message: message(language, undone ? 'summaryPartialUndone' : 'summaryPartial', {
      tab: error.failed.name,
      detail,
      changes: changes.join(' '),
    }),
    tabs,
  };
}

/**
 * Makes the overview the active tab: insertSheet leaves the last tab it created active,
 * which would otherwise greet the user with the data-quality tab.
 */
function showOverview(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  written: readonly { readonly id: TabId; readonly name: string }[],
): void {
  const overview = written.find((t) => t.id === 'overview');
  const sheet = overview ? spreadsheet.getSheetByName(overview.name) : null;
  if (sheet) spreadsheet.setActiveSheet(sheet);
}

/** Menu "Generate KPI summary": the same, with the result in a toast or an alert. */
export function generateSummaryFromMenu(): void {
  const result = generateSummary();
  const title = uiStrings(result.language).summaryTitle;
  if (result.ok) {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const text = [result.message, ...result.warnings].join(' ');
    spreadsheet.toast(text, title, 10);
  } else {
    const ui = SpreadsheetApp.getUi();
    ui.alert(title, result.message, ui.ButtonSet.OK);
  }
}
