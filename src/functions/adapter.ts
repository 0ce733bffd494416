import type { SheetContext } from '../core/context';
import { languageOf } from '../core/context';
import type { ArgumentNamer } from '../core/errors';
import { formulaErrorText, inputError } from '../core/errors';
import type { FormulaResult, FunctionDefinition, FunctionServices } from './define';

/** Reads the spreadsheet locale and time zone: the only services a formula may touch. */
function readSheetContext(): SheetContext {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return {
    locale: spreadsheet.getSpreadsheetLocale(),
    timeZone: spreadsheet.getSpreadsheetTimeZone(),
  };
}

/** French names of a function's arguments, from its declaration; other names as they are. */
export function frenchNamer(definition: FunctionDefinition): ArgumentNamer {
  return (name) =>
    definition.args.find((arg) => arg.name === name)?.frenchName ??
    definition.frenchNames?.get(name) ??
    name;
}

/**
 * Turns any failure into the Error the cell shows: the function's name, then the reason
 * in the spreadsheet's language (rule 10; English when the locale could not be read).
 */
export function runFormula(
  definition: FunctionDefinition,
  args: readonly unknown[],
  services: FunctionServices = {},
  context?: SheetContext,
): FormulaResult {
  let sheet = context;
  try {
    // Read inside the try: a failing service call must still name the function (rule 10).
    sheet ??= readSheetContext();
    const result = definition.implementation(sheet, args, services);
    // Finite sums can still overflow once subtracted or divided (MARGIN(1e308, -1e308),
    // GROWTH_RATE(1e308, 1e-308)): never Infinity or NaN in a cell.
    if (!isFiniteResult(result)) throw inputError('resultTooLarge', {});
    return result;
  } catch (error) {
    const language = sheet ? languageOf(sheet.locale) : 'en';
    const namer = language === 'fr' ? frenchNamer(definition) : undefined;
    throw new Error(formulaErrorText(definition.name, error, language, namer), { cause: error });
  }
}

function isFiniteResult(result: FormulaResult): boolean {
  const finite = (cell: number | string) => typeof cell !== 'number' || Number.isFinite(cell);
  return Array.isArray(result) ? result.every((row) => row.every(finite)) : finite(result);
}

/** The function Apps Script calls for a custom function: `(...args) => result`. */
export function asCustomFunction(
  definition: FunctionDefinition,
  services: FunctionServices = {},
): (...args: unknown[]) => FormulaResult {
  return (...args: unknown[]) => runFormula(definition, args, services);
}
