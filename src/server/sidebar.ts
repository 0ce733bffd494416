import { menuLanguage } from '../ui/menu';
import { uiStrings } from '../ui/strings';

/** The HTML file the build writes to dist/ (scripts/buildSidebar.ts), without ".html". */
export const SIDEBAR_FILE = 'Sidebar';

/** Menu "Map my columns": opens the mapping sidebar, titled in the user's language. */
export function showMappingSidebar(): void {
  const output = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE).setTitle(
    uiStrings(menuLanguage()).sidebarTitle,
  );
  SpreadsheetApp.getUi().showSidebar(output);
}
