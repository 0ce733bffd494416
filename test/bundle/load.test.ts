/**
 * Apps Script runs the whole file before every custom-function call, in one global
 * scope with no module system: loading must call no service and need no Node global.
 */
import { FUNCTIONS } from '../../src/functions/registry';
import { evaluate, formula, loadBundle, servicesThatThrow, thrownBy } from '../support/loadBundle';

describe('loading dist/Code.js', () => {
  test('calls no service (every service throws on any use)', () => {
    const context = loadBundle({ globals: servicesThatThrow() });
    for (const definition of FUNCTIONS) {
      expect(typeof formula(context, definition.name)).toBe('function');
    }
  });

  test('the throwing services are live: a call reaches them', () => {
    const context = loadBundle({ globals: servicesThatThrow() });
    const error = thrownBy(() => formula(context, 'WIN_RATE')(evaluate(context, '[["Won"]]')));
    expect((error as Error).message).toMatch(/SpreadsheetApp\.getActiveSpreadsheet/);
  });

  test('needs no module system or Node global', () => {
    const context = loadBundle();
    for (const name of [
      'require',
      'module',
      'exports',
      'process',
      'Buffer',
      'setTimeout',
      'fetch',
      'URL',
    ]) {
      expect(`${name}: ${evaluate(context, `typeof ${name}`)}`).toBe(`${name}: undefined`);
    }
  });

  test('thrown errors are Errors of the script realm, prefixed with the function name', () => {
    const context = loadBundle({ locale: 'fr_FR', timeZone: 'Europe/Paris' });
    for (const definition of FUNCTIONS) {
      // A 3×2 range is a bad shape for a first argument of every kind (rule 1), or a
      // table without the columns KPI_TABLE needs.
      const error = thrownBy(() =>
        formula(
          context,
          definition.name,
        )(evaluate(context, '[["a", "b"], ["c", "d"], ["e", "f"]]')),
      );
      expect(error).toBeInstanceOf(evaluate<ErrorConstructor>(context, 'Error'));
      expect((error as Error).message.startsWith(`${definition.name}: `)).toBe(true);
    }
  });
});
