/**
 * The playground's formula engine (HyperFormula with the add-on's functions registered
 * in it) on a small emulated workbook, with plain JavaScript functions standing in for
 * the bundle's (the session and browser tests use the bundle).
 */
import { createEmulator } from '../../emulator/index';
import type { EmulatedSheet } from '../../emulator/spreadsheet';
import { FormulaEngine } from '../../playground/formula/engine';
import { toEngineFormula } from '../../playground/formula/translate';

describe('toEngineFormula', () => {
  const rowsOf = (name: string | undefined) =>
    name === undefined ? 1000 : name.toLowerCase() === 'mes ventes' ? 50 : undefined;

  it('closes open-ended ranges at the last row of their tab', () => {
    expect(toEngineFormula('=WIN_RATE(E2:E)', { semicolons: true, rowsOf })).toBe(
      '=WIN_RATE(E2:E1000)',
    );
    expect(
      toEngineFormula("=F('Mes ventes'!$B3:C; ailleurs!A2:A; A:A; A1:B2)", {
        semicolons: true,
        rowsOf,
      }),
    ).toBe("=F('Mes ventes'!$B3:C50; ailleurs!A2:A1000; A:A; A1:B2)");
  });

  it('leaves text alone and rewrites array literals of ; locales', () => {
    expect(
      toEngineFormula('=F("E2:E; a\\b"; {"x"\\ "y"; 1,5\\ 2})', { semicolons: true, rowsOf }),
    ).toBe('=F("E2:E; a\\b"; {"x"; "y"| 1,5; 2})');
    expect(toEngineFormula('=F({1, 2; 3, 4})', { semicolons: false, rowsOf })).toBe(
      '=F({1, 2; 3, 4})',
    );
    // The engine reads no doubled quote in text: CHAR(34) stands for it.
    expect(toEngineFormula('=LEN("dit ""oui""")', { semicolons: true, rowsOf })).toBe(
      '=LEN(("dit "&CHAR(34)&"oui"&CHAR(34)&""))',
    );
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
      // What each argument is, as the bundle receives it.
      KINDS: (...args) => args.map(kindOf).join(' '),
    };
    const emulator = createEmulator({
      locale,
      timeZone: 'Europe/Paris',
      sheets: [
        { name: 'data', values: [['amount'], [10], [20], [''], [5]] },
        { name: 'Mes calculs', values: [['']] },
        {
          name: 'deals',
          values: [
            ['closed', 'rep', 'status', 'amount'],
            [new Date('2025-01-14T23:00:00Z'), 'Alice', 'Won', 1200],
            [new Date('2025-02-02T23:00:00Z'), 'Bob', 'Lost', 800],
            [new Date('2025-02-20T23:00:00Z'), 'Alice', 'Won', 300.5],
            [new Date('2025-03-09T23:00:00Z'), 'Alice', 'Open', 50],
          ],
        },
      ],
      // Called only when a formula cell is read, after `engine` exists.
      recalculation: 'always',
      formulaEvaluator: (sheet, row, column, formula) =>
        engine.evaluator(sheet, row, column, formula),
    });
    const workbook = emulator.workbook;
    const engine = new FormulaEngine({
      workbook,
      realm: { array: (n) => new Array(n), date: (ms) => new Date(ms) },
      customFunctions: new Set(Object.keys(functions)),
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

  function kindOf(value: unknown): string {
    if (value === undefined) return 'omitted';
    if (value instanceof Date) return `date:${value.toISOString().slice(0, 10)}`;
    if (Array.isArray(value)) {
      const cells = (value as unknown[][]).flat();
      return `rows:${value.length}x${(value[0] as unknown[]).length}[${cells.map(kindOf).join(',')}]`;
    }
    return `${typeof value}:${String(value)}`;
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

  it('computes the spreadsheet functions the documentation combines with the add-on', () => {
    const { calc, set, show } = setup();
    const cases: [string, string][] = [
      ['=SUM(1; 2)', '3'],
      ['=SUM(deals!D2:D)', '2350,5'],
      ['=COUNTIFS(deals!B2:B; "Alice"; deals!C2:C; "Won")', '2'],
      ['=SUMIFS(deals!D2:D; deals!B2:B; "Alice"; deals!C2:C; "<>Lost")', '1550,5'],
      ['=IF(1>0; "a"; "b")', 'a'],
      ['="dit ""oui"" " & 2', 'dit "oui" 2'],
      ['=IF(deals!D2>=1000; "big"; "small") & "!"', 'big!'],
      ['=COUNTIFS(deals!A2:A; ">="&DATE(2025; 2; 1))', '3'],
      ['=EDATE(DATE(2025; 1; 31); 1)', '28/02/2025'],
      ['=EOMONTH(DATE(2025; 2; 10); 0)', '28/02/2025'],
      ['=TODAY()', '15/03/2026'],
      ['=1,5 + 2 * 3 - 50%', '7'],
      // In a French locale "," is the decimal separator, never between arguments.
      ['=SUM(1,2)', '1,2'],
      ['=IF(1>0, "a", "b")', '#ERROR!'],
    ];
    cases.forEach(([formula], i) => set(calc, `A${i + 1}`, formula));
    expect(cases.map((_, i) => show(`A${i + 1}`))).toEqual(cases.map(([, shown]) => shown));
  });

  it('separates arguments with "," in English locales', () => {
    const { calc, set, show } = setup('en_US');
    set(calc, 'A1', '=SUM(1, 2.5)');
    set(calc, 'A2', '=IF(COUNTIFS(deals!C2:C, "Won")>1, "yes", "no")');
    set(calc, 'A3', '=SUM(1; 2)');
    expect([show('A1'), show('A2'), show('A3')]).toEqual(['3.5', 'yes', '#ERROR!']);
  });

  it('hands date cells as Dates and FILTER results as rows, as Sheets does', () => {
    const { calc, set } = setup();
    set(
      calc,
      'A1',
      '=KINDS(deals!A2; FILTER(deals!D2:D5; deals!B2:B5="Alice"); EOMONTH(DATE(2025; 3; 10); -1)+1; deals!B2:C3; ; 2,5)',
    );
    expect(calc.rangeFromA1('A1').getValue()).toBe(
      [
        'date:2025-01-14',
        'rows:3x1[number:1200,number:300.5,number:50]',
        'date:2025-02-28',
        'rows:2x2[string:Alice,string:Won,string:Bob,string:Lost]',
        'omitted',
        'number:2.5',
      ].join(' '),
    );
  });
});
