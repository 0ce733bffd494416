import type { SheetContext } from '../core/context';

export type Bilingual = { readonly en: string; readonly fr: string };

/** How an argument is read; drives docs and the JSDoc `@param` type. */
export type ArgumentKind =
  | 'column' // rule 1: scalar, one column or one row, read as a list
  | 'labels' // rule 4: one text or a range of texts
  | 'date' // a single date (start, end)
  | 'number' // a single number or a range summed
  | 'table'; // a whole table with its header row

export interface ArgumentSpec {
  readonly name: string;
  /** How French error messages name the argument ("montants"). */
  readonly frenchName: string;
  readonly kind: ArgumentKind;
  readonly optional?: boolean;
  readonly description: Bilingual;
}

export type FunctionCategory = 'rates' | 'quantities' | 'money' | 'roi' | 'table';

/** The value(s) a custom function returns to its cell: a scalar or a spilled table. */
export type FormulaResult = number | string | (number | string)[][];

export interface FunctionServices {
  /** Reads the document's saved mapping, if any (KPI_TABLE only; read-only). */
  readonly savedMapping?: () => unknown;
}

/**
 * One custom function, declared once: what the docs, JSDoc stub and sidebar help say,
 * next to the pure implementation. `implementation` receives the raw arguments as
 * Sheets passed them; it throws KpiInputError for bad input and never touches services.
 */
export interface FunctionDefinition {
  readonly name: string;
  readonly category: FunctionCategory;
  /** The KPI's name in each language (kpis.md), shown in docs and help. */
  readonly title: Bilingual;
  /** One line: used as the JSDoc description and in the reference. */
  readonly summary: Bilingual;
  /** A few sentences: definition, what is counted, edge cases. */
  readonly details: Bilingual;
  readonly args: readonly ArgumentSpec[];
  /** French names of values errors may name that are not arguments (another form's names). */
  readonly frenchNames?: ReadonlyMap<string, string>;
  readonly result: Bilingual;
  /** Example formulas written with "," separators; docs also show the ";" form. */
  readonly examples: readonly { readonly formula: string; readonly explanation: Bilingual }[];
  readonly implementation: (
    context: SheetContext,
    args: readonly unknown[],
    services: FunctionServices,
  ) => FormulaResult;
}

export function defineFunction(definition: FunctionDefinition): FunctionDefinition {
  return definition;
}

/** Rule 9: a missing ratio shows as an empty cell. */
export function cell(value: number | null): number | string {
  return value === null ? '' : value;
}
