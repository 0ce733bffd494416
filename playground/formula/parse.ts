/**
 * A small parser for the formulas the playground evaluates: function calls (nested),
 * range references to any tab (`affaires!E2:E`, `'KPI par commercial'!A1:B`, `A:C`),
 * numbers, strings, booleans, `{…}` array literals, parentheses and + - * / & %.
 *
 * Separators follow the way Sheets writes formulas in each locale, but both are
 * accepted: a formula with a `;` outside strings and braces separates its arguments
 * with `;` and, in a decimal-comma locale, reads `1,5` as 1.5 (as does a formula of
 * that locale whose every comma sits between two digits); any other formula separates
 * arguments with `,` and reads decimals with `.`. In array literals `;` separates rows
 * everywhere, and `\` (or `,` in a `,`-separated formula) columns.
 */
import { parseA1, type A1Range } from '../../emulator/a1';

export type FormulaNode =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'ref'; readonly text: string; readonly range: A1Range }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly (FormulaNode | null)[] }
  | { readonly kind: 'array'; readonly rows: readonly (readonly FormulaNode[])[] }
  | { readonly kind: 'unary'; readonly op: '-' | '+'; readonly operand: FormulaNode }
  | { readonly kind: 'percent'; readonly operand: FormulaNode }
  | {
      readonly kind: 'binary';
      readonly op: '+' | '-' | '*' | '/' | '&';
      readonly left: FormulaNode;
      readonly right: FormulaNode;
    };

/** A formula Sheets would refuse: the cell shows #ERROR! with this message. */
export class FormulaSyntaxError extends Error {}

type Token =
  | { type: 'number'; value: number }
  | { type: 'string'; value: string }
  | { type: 'ref'; text: string }
  | { type: 'name'; text: string }
  | { type: 'punct'; text: string }
  | { type: 'end' };

export interface ParseOptions {
  /** The spreadsheet's decimal separator (`,` in fr_FR). */
  readonly decimalSeparator: '.' | ',';
}

// A sheet prefix (quoted, or a plain name of letters, digits, _ and .), then a cell,
// a cell range (open-ended allowed: E2:E), a column range (A:C) or a row range (2:5).
const SHEET = "(?:'(?:[^']|'')+'|[\\p{L}_][\\p{L}\\p{N}_.]*)!";
const CELL = '\\$?[A-Za-z]{1,3}\\$?\\d+';
const REF = new RegExp(
  `^(?:${SHEET})?(?:${CELL}(?::\\$?[A-Za-z]{1,3}\\$?\\d*)?|\\$?[A-Za-z]{1,3}:\\$?[A-Za-z]{1,3}|\\$?\\d+:\\$?\\d+)(?![\\p{L}\\p{N}_(!])`,
  'u',
);
const NAME = /^[A-Za-z_][A-Za-z0-9_.]*/;
const PUNCT = '(){};,\\+-*/&%';

/** A comma between the digits of a number (not after a reference such as A1). */
function isDecimalComma(formula: string, at: number): boolean {
  const before = /[\w$.]*$/.exec(formula.slice(0, at))![0];
  return /^\d+$/.test(before) && /\d/.test(formula[at + 1] ?? '');
}

/** The argument separator a formula uses (see the file comment). */
export function argumentSeparator(formula: string, decimal: '.' | ',' = '.'): ';' | ',' {
  let quoted = false;
  let braces = 0;
  let decimalCommasOnly = true;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === '{') braces++;
    else if (ch === '}') braces = Math.max(0, braces - 1);
    else if (ch === ';' && braces === 0) return ';';
    else if (ch === ',' && !isDecimalComma(formula, i)) decimalCommasOnly = false;
  }
  return decimal === ',' && decimalCommasOnly ? ';' : ',';
}

function tokenize(body: string, decimal: '.' | ','): Token[] {
  const numberPattern =
    decimal === ','
      ? /^(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:[eE][-+]?\d+)?/
      : /^(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?/;
  const tokens: Token[] = [];
  let i = 0;
  while (i < body.length) {
    const ch = body[i];
    const rest = body.slice(i);
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= body.length) throw new FormulaSyntaxError('Formula parse error: unclosed string.');
        if (body[j] === '"') {
          if (body[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          break;
        }
        value += body[j++];
      }
      tokens.push({ type: 'string', value });
      i = j + 1;
      continue;
    }
    const ref = REF.exec(rest);
    if (ref && !/^[A-Za-z_][A-Za-z0-9_.]*\s*\(/.test(rest)) {
      tokens.push({ type: 'ref', text: ref[0] });
      i += ref[0].length;
      continue;
    }
    const number = /[\d.,]/.test(ch) ? numberPattern.exec(rest) : null;
    if (number) {
      tokens.push({ type: 'number', value: Number(number[0].replace(',', '.')) });
      i += number[0].length;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      tokens.push({ type: 'name', text: name[0] });
      i += name[0].length;
      continue;
    }
    if (PUNCT.includes(ch)) {
      tokens.push({ type: 'punct', text: ch });
      i++;
      continue;
    }
    throw new FormulaSyntaxError(`Formula parse error: unexpected "${ch}".`);
  }
  tokens.push({ type: 'end' });
  return tokens;
}

const BOOLEANS: Record<string, boolean> = { TRUE: true, FALSE: false, VRAI: true, FAUX: false };

/** Parses `=…` (the leading `=` is optional). */
export function parseFormula(formula: string, options: ParseOptions): FormulaNode {
  const body = formula.startsWith('=') ? formula.slice(1) : formula;
  const separator = argumentSeparator(body, options.decimalSeparator);
  const decimal = separator === ';' ? options.decimalSeparator : '.';
  const columnSeparators = separator === ';' ? ['\\'] : ['\\', ','];
  const tokens = tokenize(body, decimal);
  let position = 0;

  const peek = () => tokens[position];
  const isPunct = (text: string) => {
    const token = peek();
    return token.type === 'punct' && token.text === text;
  };
  const expect = (text: string) => {
    if (!isPunct(text)) throw new FormulaSyntaxError(`Formula parse error: expected "${text}".`);
    position++;
  };

  const expression = (): FormulaNode => concatenation();
  const concatenation = (): FormulaNode => {
    let left = additive();
    while (isPunct('&')) {
      position++;
      left = { kind: 'binary', op: '&', left, right: additive() };
    }
    return left;
  };
  const additive = (): FormulaNode => {
    let left = multiplicative();
    while (isPunct('+') || isPunct('-')) {
      const op = (tokens[position++] as { text: '+' | '-' }).text;
      left = { kind: 'binary', op, left, right: multiplicative() };
    }
    return left;
  };
  const multiplicative = (): FormulaNode => {
    let left = unary();
    while (isPunct('*') || isPunct('/')) {
      const op = (tokens[position++] as { text: '*' | '/' }).text;
      left = { kind: 'binary', op, left, right: unary() };
    }
    return left;
  };
  const unary = (): FormulaNode => {
    if (isPunct('-') || isPunct('+')) {
      const op = (tokens[position++] as { text: '-' | '+' }).text;
      return { kind: 'unary', op, operand: unary() };
    }
    let node = primary();
    while (isPunct('%')) {
      position++;
      node = { kind: 'percent', operand: node };
    }
    return node;
  };
  const primary = (): FormulaNode => {
    const token = tokens[position++];
    switch (token.type) {
      case 'number':
        return { kind: 'number', value: token.value };
      case 'string':
        return { kind: 'string', value: token.value };
      case 'ref':
        try {
          return { kind: 'ref', text: token.text, range: parseA1(token.text) };
        } catch {
          throw new FormulaSyntaxError(`Formula parse error: bad reference ${token.text}.`);
        }
      case 'name': {
        if (isPunct('(')) {
          position++;
          return { kind: 'call', name: token.text.toUpperCase(), args: callArguments() };
        }
        const upper = token.text.toUpperCase();
        if (upper in BOOLEANS) return { kind: 'boolean', value: BOOLEANS[upper] };
        // Sheets reads an unknown bare name as a named range: #NAME? when evaluated.
        return { kind: 'call', name: `#NAME:${token.text}`, args: [] };
      }
      case 'punct':
        if (token.text === '(') {
          const inner = expression();
          expect(')');
          return inner;
        }
        if (token.text === '{') return arrayLiteral();
        throw new FormulaSyntaxError(`Formula parse error: unexpected "${token.text}".`);
      default:
        throw new FormulaSyntaxError('Formula parse error: the formula ends too soon.');
    }
  };
  const callArguments = (): (FormulaNode | null)[] => {
    const args: (FormulaNode | null)[] = [];
    if (isPunct(')')) {
      position++;
      return args;
    }
    for (;;) {
      args.push(isPunct(separator) || isPunct(')') ? null : expression());
      if (isPunct(separator)) {
        position++;
        continue;
      }
      expect(')');
      return args;
    }
  };
  const arrayLiteral = (): FormulaNode => {
    const rows: FormulaNode[][] = [[]];
    for (;;) {
      rows[rows.length - 1].push(expression());
      const token = peek();
      if (token.type === 'punct' && columnSeparators.includes(token.text)) {
        position++;
      } else if (isPunct(';')) {
        position++;
        rows.push([]);
      } else {
        expect('}');
        break;
      }
    }
    if (rows.some((row) => row.length !== rows[0].length)) {
      throw new FormulaSyntaxError(
        'In ARRAY_LITERAL, an Array Literal was missing values for one or more rows.',
      );
    }
    return { kind: 'array', rows };
  };

  if (peek().type === 'end') throw new FormulaSyntaxError('Formula parse error: empty formula.');
  const tree = expression();
  if (peek().type !== 'end') {
    const token = peek() as { text?: string };
    throw new FormulaSyntaxError(`Formula parse error near "${token.text ?? ''}".`);
  }
  return tree;
}

/** Every range a parsed formula reads, for the dependency graph. */
export function referencesOf(node: FormulaNode | null): A1Range[] {
  if (!node) return [];
  switch (node.kind) {
    case 'ref':
      return [node.range];
    case 'call':
      return node.args.flatMap(referencesOf);
    case 'array':
      return node.rows.flat().flatMap(referencesOf);
    case 'unary':
    case 'percent':
      return referencesOf(node.operand);
    case 'binary':
      return [...referencesOf(node.left), ...referencesOf(node.right)];
    default:
      return [];
  }
}
