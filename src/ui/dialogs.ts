import { menuLanguage } from './menu';
import { uiStrings } from './strings';

/** The About box: what the add-on does and what it touches. */
export function showAboutDialog(): void {
  const text = uiStrings(menuLanguage());
  SpreadsheetApp.getUi().alert(
    text.aboutTitle,
    text.aboutText,
    SpreadsheetApp.getUi().ButtonSet.OK,
  );
}
