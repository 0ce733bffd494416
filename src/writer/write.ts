import type { Language } from '../core/context';
import type { ChartPlan, TabPlan } from './plan';
import type { TabId } from './tabs';
import {
  freeName,
  isEarlierName,
  isTabId,
  LEGACY_OWNED_TAB_KEY,
  OWNED_TAB_KEY,
  TAB_NAMES,
} from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type DeveloperMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;

/**
 * The only module that changes the spreadsheet. It finds the add-on's own tabs by their
 * developer metadata (never by name, so a user's tab called "KPI Overview" is never
 * touched), rewrites each in place, and makes a bounded number of service calls per tab
 * whatever the size of the data: one write per kind of cell property.
 */

export interface WrittenTab {
  readonly id: TabId;
  readonly name: string;
  /** A new tab (false: an owned tab rewritten in place). */
  readonly created: boolean;
  readonly rows: number;
  readonly charts: number;
}

/**
 * The add-on's tabs, by id: each sheet whose metadata says it is one. A tab copied by the
 * user carries the same metadata; the first in the tab bar is used and the copy is left
 * alone. Tabs marked the earlier way (LEGACY_OWNED_TAB_KEY, PROJECT visibility) are found
 * too, and their marker is moved to OWNED_TAB_KEY with DOCUMENT visibility.
 */
export function findOwnedTabs(spreadsheet: Spreadsheet): Map<TabId, Sheet> {
  const owned = new Map<TabId, Sheet>();
  type Candidate = { id: TabId; sheet: Sheet; index: number; legacy: DeveloperMetadata | null };
  const candidates: Candidate[] = [];
  for (const key of [OWNED_TAB_KEY, LEGACY_OWNED_TAB_KEY]) {
    for (const metadata of spreadsheet.createDeveloperMetadataFinder().withKey(key).find()) {
      const id = metadata.getValue();
      if (!isTabId(id)) continue;
      const sheet = metadata.getLocation().getSheet();
      if (!sheet) continue;
      const legacy = key === LEGACY_OWNED_TAB_KEY ? metadata : null;
      candidates.push({ id, sheet, index: sheet.getIndex(), legacy });
    }
  }
  // Tab positions identify sheets (Apps Script hands out a new object on every call).
  const marked = new Set(candidates.filter((c) => !c.legacy).map((c) => `${c.id}@${c.index}`));
  candidates.sort((a, b) => a.index - b.index);
  for (const { id, sheet } of candidates) if (!owned.has(id)) owned.set(id, sheet);
  for (const { id, sheet, index, legacy } of candidates) {
    if (!legacy) continue;
    if (!marked.has(`${id}@${index}`)) markOwned(sheet, id);
    marked.add(`${id}@${index}`);
    legacy.remove();
  }
  return owned;
}

/** Marks a tab as the add-on's, visible to every deployment of the add-on. */
function markOwned(sheet: Sheet, id: TabId): void {
  sheet.addDeveloperMetadata(
    OWNED_TAB_KEY,
    id,
    SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT,
  );
}

/**
 * Writing stopped part-way (a service error or a quota): the tabs written completely
 * before, the one that failed, and the tabs this run inserted (the failing one among
 * them when it was new), which the caller removes.
 */
export class PartialWriteError extends Error {
  constructor(
    readonly written: readonly WrittenTab[],
    readonly failed: { readonly id: TabId; readonly name: string; readonly created: boolean },
    readonly added: readonly Sheet[],
    readonly cause: unknown,
  ) {
    super(`writing ${failed.name} failed: ${String((cause as Error)?.message ?? cause)}`);
    this.name = 'PartialWriteError';
  }
}

export interface WriteOptions {
  readonly language: Language;
  /** Names of every tab of the spreadsheet now (read once by the caller). */
  readonly sheetNames: readonly string[];
  /** Owned tabs found before writing (findOwnedTabs). */
  readonly owned: Map<TabId, Sheet>;
}

/**
 * Writes the planned tabs: owned ones cleared (charts first) and rewritten where they
 * are, new ones added at the end and marked as owned; owned tabs the report no longer
 * fills (their entity was unmapped) are deleted. A failure part-way throws a
 * PartialWriteError saying what was written and what this run added.
 */
export function writeTabs(
  spreadsheet: Spreadsheet,
  plans: readonly TabPlan[],
  options: WriteOptions,
): WrittenTab[] {
  const names = [...options.sheetNames];
  let count = names.length;
  const written: WrittenTab[] = [];
  const added: Sheet[] = [];
  for (const plan of plans) {
    let sheet = options.owned.get(plan.id);
    const created = !sheet;
    let name = created ? freeName(TAB_NAMES[plan.id][options.language], names) : '';
    try {
      if (sheet) {
        name = sheet.getName();
        // A tab written under an earlier name takes today's (a user's name is kept).
        if (isEarlierName(plan.id, name)) {
          const others = names.filter((n) => n !== name);
          const renamed = freeName(TAB_NAMES[plan.id][options.language], others);
          if (renamed !== name) {
            sheet.setName(renamed);
            names[names.indexOf(name)] = renamed;
            name = renamed;
          }
        }
        for (const chart of sheet.getCharts()) sheet.removeChart(chart);
        sheet.clear();
        sheet.setFrozenRows(0);
      } else {
        sheet = spreadsheet.insertSheet(name, count);
        added.push(sheet);
        names.push(name);
        count++;
        markOwned(sheet, plan.id);
      }
      writeGrid(sheet, plan);
      for (const chart of plan.charts) insertChart(sheet, chart);
    } catch (error) {
      throw new PartialWriteError(written, { id: plan.id, name, created }, added, error);
    }
    written.push({
      id: plan.id,
      name,
      created,
      rows: plan.grid.height,
      charts: plan.charts.length,
    });
  }
  const planned = new Set(plans.map((p) => p.id));
  for (const [id, sheet] of options.owned) {
    if (!planned.has(id)) spreadsheet.deleteSheet(sheet);
  }
  return written;
}

function writeGrid(sheet: Sheet, plan: TabPlan): void {
  const { grid } = plan;
  const rows = Math.max(grid.height, ...plan.charts.map((c) => c.row + 20));
  const columns = grid.width;
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  const needColumns = Math.max(columns, ...plan.charts.map((c) => c.column));
  if (maxColumns < needColumns) sheet.insertColumnsAfter(maxColumns, needColumns - maxColumns);
  if (grid.height === 0) return;
  const range = sheet.getRange(1, 1, grid.height, columns);
  // Values first, on cleared cells: a leading apostrophe then keeps a text as text.
  range.setValues(grid.values());
  range.setNumberFormats(grid.formats());
  range.setBackgrounds(grid.backgrounds() as string[][]);
  range.setFontWeights(grid.weights());
  if (plan.frozenRows > 0) sheet.setFrozenRows(plan.frozenRows);
  for (const width of plan.widths) {
    if (width.count > 0) sheet.setColumnWidths(width.column, width.count, width.pixels);
  }
  for (const block of plan.wrap ?? []) {
    sheet.getRange(block.row, block.column, block.rows, block.columns).setWrap(true);
  }
}

export function insertChart(sheet: Sheet, plan: ChartPlan): void {
  let builder = sheet.newChart().setChartType(Charts.ChartType[plan.kind]);
  for (const block of plan.ranges) {
    builder = builder.addRange(sheet.getRange(block.row, block.column, block.rows, block.columns));
  }
  builder = builder
    .setNumHeaders(1)
    .setPosition(plan.row, plan.column, 0, 0)
    .setOption('title', plan.title);
  if (plan.transpose) builder = builder.setTransposeRowsAndColumns(true);
  for (const [key, value] of Object.entries(plan.options ?? {}))
    builder = builder.setOption(key, value);
  sheet.insertChart(builder.build());
}
