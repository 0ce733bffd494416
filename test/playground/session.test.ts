/**
 * The playground session without a browser: the Examples tab on a folder whose data
 * holds a value the functions cannot read, and Ctrl+Z's undo of cell edits.
 */
import path from 'node:path';
import { existsSync } from 'node:fs';
import { PlaygroundSession } from '../../playground/session';

const ROOT = path.resolve(__dirname, '..', '..');
const built = existsSync(path.join(ROOT, 'dist', 'Code.js'));
const run = built ? it : it.skip;

function session(): PlaygroundSession {
  return new PlaygroundSession({
    folder: path.join(ROOT, 'samples', 'fr'),
    locale: 'fr_FR',
    timeZone: 'Europe/Paris',
    today: new Date('2026-11-02T09:00:00Z'),
  });
}

describe('the Examples tab on data holding "n/c"', () => {
  run('names the cell while it holds n/c, and says nothing once it is fixed', () => {
    const playground = session();
    const warning = () => playground.sheetView('Exemples').display[2][0];
    expect(warning()).toMatch(/^affaires!F19 contient "n\/c" : /);
    playground.edit('affaires', 'F19', '1 000');
    expect(warning()).toBe('');
    playground.edit('affaires', 'F19', 'n/c');
    expect(warning()).toMatch(/^affaires!F19 contient/);
  });
});

describe('undo', () => {
  run('puts back what each edit replaced, latest first, types and formats kept', () => {
    const playground = session();
    const cell = (a1: string) => {
      const view = playground.sheetView('affaires');
      const { row, column } = { row: Number(a1.slice(1)) - 1, column: a1.charCodeAt(0) - 65 };
      return {
        value: view.values[row]?.[column] ?? '',
        shown: view.display[row]?.[column] ?? '',
        formula: view.formulas[a1],
      };
    };
    const amount = cell('F2');
    const status = cell('E2');
    playground.edit('affaires', 'F2', '12 %');
    playground.edit('affaires', 'E2', '=SUM(1; 2)');
    playground.edit('affaires', 'N1', 'TRUE');
    expect(cell('F2').value).toBe(0.12);
    expect(cell('E2').value).toBe(3);

    expect(playground.undo().undone).toEqual({ sheet: 'affaires', cell: 'N1' });
    expect(cell('N1').value).toBe('');
    expect(playground.undo().undone).toEqual({ sheet: 'affaires', cell: 'E2' });
    expect(cell('E2')).toEqual(status);
    expect(playground.undo().undone).toEqual({ sheet: 'affaires', cell: 'F2' });
    expect(cell('F2')).toEqual(amount);
    expect(playground.undo().undone).toBeNull();
  });

  run('gives back a formula, and text that looks like a number stays text', () => {
    const playground = session();
    playground.edit('affaires', 'N1', '=SUM(1; 2)');
    playground.edit('affaires', 'N2', "'0042");
    playground.edit('affaires', 'N1', 'x');
    playground.edit('affaires', 'N2', '7');
    playground.undo();
    playground.undo();
    const view = playground.sheetView('affaires');
    expect(view.formulas.N1).toBe('=SUM(1; 2)');
    expect(view.values[0][13]).toBe(3);
    expect(view.values[1][13]).toBe('0042');
  });
});
