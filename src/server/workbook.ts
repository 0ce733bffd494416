import type { Language, SheetContext } from '../core/context';
import { languageOf } from '../core/context';
import type { SheetValues } from '../mapping/analyzeSheet';
import { LEGACY_OWNED_TAB_KEY, OWNED_TAB_KEY } from '../writer/tabs';

/**
 * The adapter between SpreadsheetApp and the pure mapping code: one getValues per sheet
 * read, whatever the size of the sheet.
 */
export interface Workbook {
  readonly context: SheetContext;
  readonly language: Language;
  readonly sheets: readonly SheetValues[];
}

/**
 * The active spreadsheet's locale, time zone and values: of every sheet, or only of the
 * sheets named in `only` (those that do not exist are left out).
 */
export function readWorkbook(only?: readonly string[]): Workbook {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const context = contextOf(spreadsheet);
  return { context, language: languageOf(context.locale), sheets: readSheets(only, spreadsheet) };
}

/** The values of every sheet but the summary tabs, or only of the sheets named in `only`. */
export function readSheets(
  only?: readonly string[],
  spreadsheet = SpreadsheetApp.getActiveSpreadsheet(),
): SheetValues[] {
  const sheets: SheetValues[] = [];
  if (only) {
    for (const name of new Set(only)) {
      const sheet = spreadsheet.getSheetByName(name);
      if (sheet) sheets.push({ name, values: sheet.getDataRange().getValues() });
    }
  } else {
    const owned = ownedTabNames(spreadsheet);
    for (const sheet of spreadsheet.getSheets()) {
      const name = sheet.getName();
      // The summary tabs are the add-on's output, never its input ("Activités" and
      // "Ressenti" would otherwise look like the activities and feedback tables).
      if (owned.has(name)) continue;
      sheets.push({ name, values: sheet.getDataRange().getValues() });
    }
  }
  return sheets;
}

/** Names of the tabs the summary wrote (marked with developer metadata); none on failure. */
function ownedTabNames(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Set<string> {
  const names = new Set<string>();
  try {
    for (const key of [OWNED_TAB_KEY, LEGACY_OWNED_TAB_KEY]) {
      for (const metadata of spreadsheet.createDeveloperMetadataFinder().withKey(key).find()) {
        const sheet = metadata.getLocation().getSheet();
        if (sheet) names.add(sheet.getName());
      }
    }
  } catch {
    // Reading metadata is a nicety here: without it every tab is offered.
  }
  return names;
}

/** Only the locale-derived facts: what a call needs before it knows which sheets to read. */
export function readContext(): { context: SheetContext; language: Language } {
  const context = contextOf(SpreadsheetApp.getActiveSpreadsheet());
  return { context, language: languageOf(context.locale) };
}

/** A spreadsheet's locale and time zone. */
export function contextOf(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): SheetContext {
  return {
    locale: spreadsheet.getSpreadsheetLocale(),
    timeZone: spreadsheet.getSpreadsheetTimeZone(),
  };
}
