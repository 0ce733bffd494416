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

/** The `e` Apps Script passes to onOpen and onInstall (only `authMode` is read). */
export interface OpenEvent {
  readonly authMode?: unknown;
}

/** The user's language: Session.getActiveUserLocale() is allowed in every mode. */
function userLanguage(): Language {
  try {
    return languageOf(Session.getActiveUserLocale());
  } catch {
    return 'en';
  }
}

/**
 * The language of the add-on's UI outside onOpen: the spreadsheet's, else the user's,
 * else English.
 */
export function menuLanguage(): Language {
  try {
    return languageOf(SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale());
  } catch {
    return userLanguage();
  }
}

/**
 * Whether onOpen runs in AuthMode.NONE (the add-on is installed but not yet used in
 * this document). No `e` means a run from the script editor, which has full access.
 */
export function isAuthModeNone(e: OpenEvent | undefined): boolean {
  if (!e || e.authMode === undefined || e.authMode === null) return false;
  return e.authMode === ScriptApp.AuthMode.NONE || String(e.authMode) === 'NONE';
}

/**
 * onOpen / onInstall: the add-on menu. In AuthMode.NONE any call to another service
 * stops the menu even when the error is caught ("If your add-on tries to use these
 * services in onOpen, onInstall, or global scope, permissions fail and other calls,
 * such as filling in menus, stop." developers.google.com/workspace/add-ons/concepts/
 * editor-auth-lifecycle), so there only Session.getActiveUserLocale() is read.
 */
export function installMenu(e?: OpenEvent): void {
  const language = isAuthModeNone(e) ? userLanguage() : menuLanguage();
  const text = uiStrings(language);
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(text.menuMapColumns, MENU_HANDLERS.mapColumns)
    .addItem(text.menuGenerateSummary, MENU_HANDLERS.generateSummary)
    .addSeparator()
    .addItem(text.menuFunctionReference, MENU_HANDLERS.functionReference)
    .addItem(text.menuAbout, MENU_HANDLERS.about)
    .addToUi();
}
