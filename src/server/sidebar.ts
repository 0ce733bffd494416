import { menuLanguage } from '../ui/menu';
import { uiStrings } from '../ui/strings';

/**
 * The viewport of the add-on's pages. "Meta tags included directly in an Apps Script
 * HTML file are ignored" (developers.google.com/apps-script/reference/html/
 * html-output#getMetaTags()): it is added with HtmlOutput.addMetaTag.
 */
export const VIEWPORT = { name: 'viewport', content: 'width=device-width, initial-scale=1' };

/** The HTML file the build writes to dist/ (scripts/buildSidebar.ts), without ".html". */
export const SIDEBAR_FILE = 'Sidebar';

/** Menu "Map my columns": opens the mapping sidebar, titled in the user's language. */
export function showMappingSidebar(): void {
  const output = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE)
    .setTitle(uiStrings(menuLanguage()).sidebarTitle)
    .addMetaTag(VIEWPORT.name, VIEWPORT.content);
  SpreadsheetApp.getUi().showSidebar(output);
}
