import type { Language } from '../core/context';
import { languageOf } from '../core/context';
import { uiStrings } from './strings';

/**
 * Names of the top-level functions the menu items call. They are exports of
 * src/index.ts, which the build turns into top-level declarations.
 */
export const MENU_HANDLERS = {
  mapColumns: 'showMappingSidebar',
  generateSummary: 'generateSummaryFromMenu',
  functionReference: 'showFunctionReference',
  about: 'showAbout',
} as const;

/**
 * The language of the menu. In AuthMode.NONE (before the add-on is authorised for
 * this file) the spreadsheet cannot be read, so each source is tried in turn and
 * English is the last resort: a failing call must never cost the user the menu.
 */
export function menuLanguage(): Language {
  try {
    return languageOf(SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale());
  } catch {
    try {
      return languageOf(Session.getActiveUserLocale());
    } catch {
      return 'en';
    }
  }
}

/** onOpen / onInstall: the add-on menu, safe in every authorisation mode. */
export function installMenu(): void {
  const text = uiStrings(menuLanguage());
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(text.menuMapColumns, MENU_HANDLERS.mapColumns)
    .addItem(text.menuGenerateSummary, MENU_HANDLERS.generateSummary)
    .addSeparator()
    .addItem(text.menuFunctionReference, MENU_HANDLERS.functionReference)
    .addItem(text.menuAbout, MENU_HANDLERS.about)
    .addToUi();
}
