/**
 * The playground's formula parser and engine on a small emulated workbook, with plain
 * JavaScript functions standing in for the bundle's (the browser tests use the bundle).
 */
import { createEmulator } from '../../emulator/index';
import type { EmulatedSheet } from '../../emulator/spreadsheet';
import { FormulaEngine } from '../../playground/formula/engine';
import { argumentSeparator, parseFormula, referencesOf } from '../../playground/formula/parse';

const fr = { decimalSeparator: ',' as const };
const en = { decimalSeparator: '.' as const };

describe('parseFormula', () => {
  it('reads a call on an open-ended range of another tab', () => {
    expect(parseFormula('=WIN_RATE(affaires!E2:E)', fr)).toEqual({
      kind: 'call',
      name: 'WIN_RATE',
      args: [
        {
          kind: 'ref',
          text: 'affaires!E2:E',
          range: { sheetName: 'affaires', row: 2, column: 5, lastRow: undefined, lastColumn: 5 },
        },
      ],
    });
  });

  it('accepts ; and , as argument separators, and a decimal comma after ;', () => {
    expect(argumentSeparator('=REVENUE(F2:F; E2:E)')).toBe(';');
    expect(argumentSeparator('=REVENUE(F2:F, E2:E)')).toBe(',');
    expect(argumentSeparator('=NPS({1;2})')).toBe(',');
    expect(argumentSeparator('=NPS(1,5)', ',')).toBe(';');
    expect(argumentSeparator('=NPS(1,5)', '.')).toBe(',');
    expect(argumentSeparator('=F(A1,5)', ',')).toBe(',');
    expect(parseFormula('=MARKUP_RATE(150,5; 100)', fr)).toMatchObject({
      args: [
        { kind: 'number', value: 150.5 },
        { kind: 'number', value: 100 },
      ],
    });
    expect(parseFormula('=MARKUP_RATE(150.5, 100)', en)).toMatchObject({
      args: [
        { kind: 'number', value: 150.5 },
        { kind: 'number', value: 100 },
      ],
    });
    // Without a ";" the formula is read the English way, whatever the locale.
    expect(parseFormula('=MARKUP_RATE(150, 100)', fr)).toMatchObject({
      args: [
        { kind: 'number', value: 150 },
        { kind: 'number', value: 100 },
      ],
    });
  });

  it('reads quoted sheet names, strings with doubled quotes, booleans and nesting', () => {
    const tree = parseFormula(`=F('KPI par commercial'!A1:K; "dit ""oui"""; VRAI; G(1))`, fr);
    expect(tree).toMatchObject({
      kind: 'call',
      args: [
        { kind: 'ref', range: { sheetName: 'KPI par commercial', row: 1, lastColumn: 11 } },
        { kind: 'string', value: 'dit "oui"' },
        { kind: 'boolean', value: true },
        { kind: 'call', name: 'G', args: [{ kind: 'number', value: 1 }] },
      ],
    });
  });

  it('reads array literals in both notations', () => {
    const rows = [
      [
        { kind: 'string', value: 'a' },
        { kind: 'string', value: 'b' },
      ],
      [
        { kind: 'number', value: 1.5 },
        { kind: 'number', value: 2 },
      ],
    ];
    expect(parseFormula('=F({"a"\\ "b"; 1,5\\ 2}; 1)', fr)).toMatchObject({
      args: [{ kind: 'array', rows }, { kind: 'number' }],
    });
    expect(parseFormula('=F({"a", "b"; 1.5, 2})', en)).toMatchObject({
      args: [{ kind: 'array', rows }],
    });
  });

  it('keeps omitted arguments as holes and lists the ranges read', () => {
    const tree = parseFormula('=F(A1;;B2:C)', fr);
    expect(tree).toMatchObject({ args: [{ kind: 'ref' }, null, { kind: 'ref' }] });
    expect(referencesOf(tree).map((r) => [r.row, r.column, r.lastRow, r.lastColumn])).toEqual([
      [1, 1, 1, 1],
      [2, 2, undefined, 3],
    ]);
  });

  it('refuses what Sheets refuses', () => {
    expect(() => parseFormula('=F(A1', fr)).toThrow(/expected "\)"/);
    expect(() => parseFormula('=F("x)', fr)).toThrow(/unclosed string/);
    expect(() => parseFormula('=', fr)).toThrow(/empty/);
    expect(() => parseFormula('=F({1\\2; 3})', fr)).toThrow(/missing values/);
  });
});

describe('FormulaEngine', () => {
  function setup(locale = 'fr_FR') {
    const calls: string[] = [];
    const functions: Record<string, (...args: unknown[]) => unknown> = {
      TOTAL: (values) =>
        (values as unknown[][])
          .flat()
          .reduce<number>((sum, v) => sum + (typeof v === 'number' ? v : 0), 0),
      ECHO: (...args) => args,
      ROWS_OF: (values) => (Array.isArray(values) ? values.length : 1),
      BOOM: () => {
        throw new Error('BOOM: something is wrong');
      },
      TABLE: (n) => Array.from({ length: Number(n) }, (_, i) => [`row ${i + 1}`, i + 1]),
    };
    const emulator = createEmulator({
      locale,
      timeZone: 'Europe/Paris',
      sheets: [
        { name: 'data', values: [['amount'], [10], [20], [''], [5]] },
        { name: 'Mes calculs', values: [['']] },
      ],
      // Called only when a formula cell is read, after `engine` exists.
      formulaEvaluator: (sheet, row, column, formula) =>
        engine.evaluator(sheet, row, column, formula),
    });
    const workbook = emulator.workbook;
    const engine = new FormulaEngine({
      workbook,
      realm: { array: (n) => new Array(n), date: (ms) => new Date(ms) },
      isCustomFunction: (name) => name in functions,
      callCustomFunction: (name, args) => {
        calls.push(name);
        return functions[name](...args);
      },
      now: () => Date.UTC(2026, 2, 15, 12),
    });
    const calc = workbook.sheet('Mes calculs');
    const set = (sheet: EmulatedSheet, a1: string, text: string) => {
      const range = sheet.rangeFromA1(a1);
      if (text === '') sheet.erase(range.row, range.column);
      else sheet.write(range.row, range.column, text);
      engine.cellChanged(sheet, range.row, range.column);
    };
    const show = (a1: string) => calc.rangeFromA1(a1).getDisplayValue();
    return { engine, workbook, calc, data: workbook.sheet('data'), calls, set, show };
  }

  it('passes an open-ended range as rows down to the end of the sheet', () => {
    const { calc, set, show } = setup();
    set(calc, 'A1', '=ROWS_OF(data!A2:A)');
    expect(show('A1')).toBe(String(calc.parent.sheet('data').maxRows - 1));
    set(calc, 'A2', '=TOTAL(data!A2:A)');
    expect(show('A2')).toBe('35');
  });

  it('passes one cell as a value, blanks as "", omitted arguments as undefined', () => {
    const { engine, calc, set } = setup();
    set(calc, 'A1', '=ECHO(data!A2; data!A4; ; "x")');
    // ECHO returns its arguments: a list, spilled down as Sheets shows a 1-D array.
    expect(calc.rangeFromA1('A1:A4').getValues()).toEqual([[10], [''], [''], ['x']]);
    expect(engine.errorAt(calc, 1, 1)).toBeUndefined();
  });

  it('recomputes the formulas that read an edited cell, and only those', () => {
    const { calc, data, set, show, calls } = setup();
    set(calc, 'A1', '=TOTAL(data!A2:A)');
    set(calc, 'A2', '=TOTAL(data!B2:B)');
    set(calc, 'A3', '=TOTAL(A1:A2) * 2');
    calls.length = 0;
    set(data, 'A4', '7,5');
    expect(show('A1')).toBe('42,5');
    expect(show('A3')).toBe('85');
    expect(calls).toEqual(['TOTAL', 'TOTAL']);
  });

  it('shows a thrown error as #ERROR! with its message', () => {
    const { engine, calc, set, show } = setup();
    set(calc, 'A1', '=BOOM()');
    expect(show('A1')).toBe('#ERROR!');
    expect(engine.errorAt(calc, 1, 1)).toEqual({
      code: '#ERROR!',
      message: 'BOOM: something is wrong',
    });
  });

  it('names unknown functions, missing tabs and cycles as Sheets does', () => {
    const { engine, calc, set } = setup();
    set(calc, 'A1', '=NOPE(1)');
    set(calc, 'A2', '=TOTAL(ailleurs!A:A)');
    set(calc, 'A3', '=TOTAL(A4)');
    set(calc, 'A4', '=TOTAL(A3)');
    expect(engine.errorAt(calc, 1, 1)).toEqual({
      code: '#NAME?',
      message: "Unknown function: 'NOPE'.",
    });
    expect(engine.errorAt(calc, 2, 1)).toMatchObject({ code: '#REF!', message: /ailleurs/ });
    expect(engine.errorAt(calc, 4, 1)?.message ?? engine.errorAt(calc, 3, 1)?.message).toMatch(
      /Circular dependency/,
    );
  });

  it('spills a table, refuses to overwrite, and spills again once the way is clear', () => {
    const { engine, calc, set, show } = setup();
    set(calc, 'B2', '=TABLE(3)');
    expect(calc.rangeFromA1('B2:C4').getValues()).toEqual([
      ['row 1', 1],
      ['row 2', 2],
      ['row 3', 3],
    ]);
    // A formula reading the spilled cells sees them.
    set(calc, 'E1', '=TOTAL(C2:C4)');
    expect(show('E1')).toBe('6');
    set(calc, 'C3', 'mine');
    expect(show('B2')).toBe('#REF!');
    expect(engine.errorAt(calc, 2, 2)?.message).toMatch(/overwrite data in C3/);
    expect(show('E1')).toBe('0');
    set(calc, 'C3', '');
    expect(show('B2')).toBe('row 1');
    expect(show('E1')).toBe('6');
    // A smaller result leaves no stale cells behind.
    set(calc, 'B2', '=TABLE(1)');
    expect(calc.rangeFromA1('B3:C4').getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });

  it('recomputes what reads a spill when the spill appears, moves or is blocked', () => {
    const { calc, set, show } = setup();
    // E1 is computed first, over empty cells; the table then spills where it reads.
    set(calc, 'E1', '=TOTAL(C2:C4)');
    expect(show('E1')).toBe('0');
    set(calc, 'B2', '=TABLE(3)');
    expect(show('E1')).toBe('6');
    // Writing over a spilled cell blocks the spill, and E1 sees the cells emptied.
    set(calc, 'B4', 'x');
    expect(show('B2')).toBe('#REF!');
    expect(show('E1')).toBe('0');
  });

  it('computes DATE in the spreadsheet time zone and simple arithmetic', () => {
    const { calc, set, show } = setup();
    set(calc, 'A1', '=ECHO(DATE(2025; 3; 31))');
    expect((calc.rangeFromA1('A1').getValue() as Date).toISOString()).toBe(
      '2025-03-30T22:00:00.000Z',
    );
    set(calc, 'A2', '=1,5 + 2 * 3 - 50%');
    expect(show('A2')).toBe('7');
    set(calc, 'A3', '="a" & 1');
    expect(show('A3')).toBe('a1');
  });
});
