import { VIEWPORT } from '../server/sidebar';
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

/**
 * The function reference, a dialog over the sheet. Its HTML is rendered at build time
 * from the function registry (scripts/buildReference.ts), one file per language.
 */
export function showFunctionReferenceDialog(): void {
  const language = menuLanguage();
  const html = HtmlService.createHtmlOutputFromFile(`Reference_${language}`)
    .setWidth(720)
    .setHeight(560)
    .addMetaTag(VIEWPORT.name, VIEWPORT.content);
  SpreadsheetApp.getUi().showModalDialog(html, uiStrings(language).referenceTitle);
}
