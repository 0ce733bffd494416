/**
 * A formula as typed in Sheets, rewritten in the notation the formula engine reads.
 * The engine is configured with the locale's separators (`;` between arguments and a
 * decimal comma in French, `,` and a decimal point in English), so only two things of
 * Sheets' notation need rewriting:
 *
 * - open-ended ranges (`E2:E`, to the last row of the sheet), which the engine lacks:
 *   they become closed ranges down to the sheet's last row;
 * - array literals in `;` locales, where Sheets separates columns with `\` and rows
 *   with `;`: the engine is given `;` between columns and `|` between rows.
 *
 * - a doubled quote inside text, which the engine cannot read: the text becomes a
 *   concatenation with CHAR(34).
 *
 * Text in double quotes is otherwise never touched.
 */

export interface TranslateOptions {
  /** True where `;` separates arguments (French, German… locales). */
  readonly semicolons: boolean;
  /** The number of rows of a tab (undefined: the formula's own tab), if it exists. */
  rowsOf(sheetName: string | undefined): number | undefined;
}

/** Rows given to an open-ended range on a tab that does not exist (it gives #REF!). */
const MISSING_SHEET_ROWS = 1000;

const OPEN_RANGE =
  /(^|[^A-Za-z0-9_.$'!])((?:'(?:[^']|'')+'|[A-Za-z_\u00c0-\uffff][A-Za-z0-9_.\u00c0-\uffff]*)!)?(\$?[A-Za-z]{1,3}\$?[0-9]+):(\$?[A-Za-z]{1,3})(?![A-Za-z0-9_$(!.])/g;

export function toEngineFormula(formula: string, options: TranslateOptions): string {
  let out = '';
  let braces = 0;
  let code = '';
  const flush = () => {
    out += closeRanges(code, options);
    code = '';
  };
  for (let i = 0; i < formula.length; i++) {
    const char = formula[i];
    if (char === '"') {
      flush();
      let end = i + 1;
      while (end < formula.length) {
        if (formula[end] === '"' && formula[end + 1] === '"') end += 2;
        else if (formula[end] === '"') break;
        else end++;
      }
      out += stringLiteral(formula.slice(i, end + 1));
      i = end;
      continue;
    }
    if (char === "'") {
      // A quoted tab name: copied whole, so that nothing inside it is rewritten.
      let end = i + 1;
      while (end < formula.length) {
        if (formula[end] === "'" && formula[end + 1] === "'") end += 2;
        else if (formula[end] === "'") break;
        else end++;
      }
      code += formula.slice(i, end + 1);
      i = end;
      continue;
    }
    if (char === '{') braces++;
    if (char === '}') braces = Math.max(0, braces - 1);
    if (braces > 0 && options.semicolons) {
      if (char === ';') {
        code += '|';
        continue;
      }
      if (char === '\\') {
        code += ';';
        continue;
      }
    }
    code += char;
  }
  flush();
  return out;
}

/** A text literal, its doubled quotes as CHAR(34). */
function stringLiteral(literal: string): string {
  const body = literal.slice(1, literal.endsWith('"') && literal.length > 1 ? -1 : undefined);
  if (!body.includes('""')) return literal;
  return `(${body
    .split('""')
    .map((part) => `"${part}"`)
    .join('&CHAR(34)&')})`;
}

function closeRanges(code: string, options: TranslateOptions): string {
  return code.replace(
    OPEN_RANGE,
    (_match, before: string, prefix: string | undefined, start: string, column: string) => {
      const sheetName =
        prefix === undefined
          ? undefined
          : prefix.startsWith("'")
            ? prefix.slice(1, -2).replace(/''/g, "'")
            : prefix.slice(0, -1);
      const rows = options.rowsOf(sheetName) ?? MISSING_SHEET_ROWS;
      return `${before}${prefix ?? ''}${start}:${column}${rows}`;
    },
  );
}
