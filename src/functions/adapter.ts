import type { SheetContext } from '../core/context';
import { KpiInputError } from '../core/errors';
import type { FormulaResult, FunctionDefinition, FunctionServices } from './define';

/** Reads the spreadsheet locale and time zone: the only services a formula may touch. */
function readSheetContext(): SheetContext {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return {
    locale: spreadsheet.getSpreadsheetLocale(),
    timeZone: spreadsheet.getSpreadsheetTimeZone(),
  };
}

/** Turns any failure into the Error the cell shows, prefixed with the function name. */
export function runFormula(
  definition: FunctionDefinition,
  args: readonly unknown[],
  services: FunctionServices = {},
  context?: SheetContext,
): FormulaResult {
  try {
    // Read inside the try: a failing service call must still name the function (rule 10).
    return definition.implementation(context ?? readSheetContext(), args, services);
  } catch (error) {
    if (error instanceof KpiInputError)
      throw new Error(`${definition.name}: ${error.message}`, { cause: error });
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${definition.name}: ${reason}`, { cause: error });
  }
}

/** The function Apps Script calls for a custom function: `(...args) => result`. */
export function asCustomFunction(
  definition: FunctionDefinition,
  services: FunctionServices = {},
): (...args: unknown[]) => FormulaResult {
  return (...args: unknown[]) => runFormula(definition, args, services);
}
