/**
 * Sheets computes a custom function again only when its arguments change. KPI_TABLE also
 * reads the saved mapping, which is not an argument: after a save or a reset its cells
 * would keep showing figures from the old mapping. Entering each such formula again makes
 * Sheets compute it again.
 */

/** The custom functions whose result depends on the saved mapping. */
export const MAPPING_READERS: readonly string[] = ['KPI_TABLE'];

/**
 * Enters again every formula of the spreadsheet that calls a MAPPING_READERS function
 * (found in the formula text, so cells that merely show such text are left alone).
 * Returns how many cells were refreshed. A cell that cannot be written (a protected
 * range) keeps its formula and is skipped.
 */
export function reenterMappingFormulas(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
): number {
  let refreshed = 0;
  for (const name of MAPPING_READERS) {
    const cells = spreadsheet
      .createTextFinder(name + '(')
      .matchFormulaText(true)
      .matchCase(false)
      .findAll();
    for (const cell of cells) {
      const formula = cell.getFormula();
      if (!formula) continue;
      try {
        cell.setFormula(formula);
        refreshed++;
      } catch {
        // Protected or otherwise read-only: its old result stays until it is edited.
      }
    }
  }
  return refreshed;
}
