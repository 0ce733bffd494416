import { describeIn, formulaErrorText, inputError, KpiInputError, renderMessage } from './errors';

const french = (name: string) => ({ amounts: 'montants', statuses: 'statuts' })[name] ?? name;

describe('formula error messages', () => {
  it('keeps the English wording of the contract', () => {
    const error = inputError('notANumber', { arg: 'amounts', position: 7, value: 'n/a' });
    expect(error).toBeInstanceOf(KpiInputError);
    expect(error.message).toBe('amounts, value 7: "n/a" is not a number');
    expect(formulaErrorText('REVENUE', error, 'en')).toBe(
      'REVENUE: amounts, value 7: "n/a" is not a number',
    );
    expect(
      formulaErrorText(
        'WIN_RATE',
        inputError('notAColumn', { arg: 'statuses', rows: 12, cols: 3 }),
        'en',
      ),
    ).toBe('WIN_RATE: statuses must be a single column or row (got 12×3)');
    expect(
      formulaErrorText(
        'REVENUE',
        inputError('pairedLength', {
          arg: 'amounts',
          count: 120,
          other: 'statuses',
          otherCount: 118,
        }),
        'en',
      ),
    ).toBe('REVENUE: amounts has 120 rows but statuses has 118');
  });

  it('speaks French with the French argument names, counting values, not rows', () => {
    const error = inputError('notANumber', { arg: 'amounts', position: 18, value: 'n/a' });
    expect(formulaErrorText('REVENUE', error, 'fr', french)).toBe(
      'REVENUE: montants, valeur 18 : « n/a » n’est pas un nombre',
    );
    const paired = inputError('pairedLength', {
      arg: 'amounts',
      count: 3,
      other: 'statuses',
      otherCount: 2,
    });
    expect(formulaErrorText('REVENUE', paired, 'fr', french)).toBe(
      'REVENUE: montants a 3 lignes mais statuts en a 2',
    );
    const bool = inputError('notANumber', { arg: 'amounts', position: 2, value: true });
    expect(formulaErrorText('REVENUE', bool, 'fr', french)).toBe(
      'REVENUE: montants, valeur 2 : VRAI n’est pas un nombre',
    );
  });

  it('names the column of a table argument', () => {
    const error = inputError('notADate', {
      arg: 'deals_table',
      column: 'Close Date',
      position: 4,
      value: 'soon',
    });
    expect(renderMessage('en', error.code, error.params)).toBe(
      'deals_table, column "Close Date", value 4: "soon" is not a date',
    );
    expect(renderMessage('fr', error.code, error.params, () => 'table des affaires')).toBe(
      'table des affaires, colonne « Close Date », valeur 4 : « soon » n’est pas une date',
    );
  });

  it('cuts a quoted value to 40 characters, in both languages', () => {
    const huge = 'é'.repeat(1_000_000);
    const error = inputError('notANumber', { arg: 'amounts', position: 1, value: huge });
    const cut = 'é'.repeat(40) + '…';
    expect(error.message).toBe(`amounts, value 1: "${cut}" is not a number`);
    expect(formulaErrorText('REVENUE', error, 'fr').length).toBeLessThan(100);
    // Never half of a surrogate pair.
    expect(describeIn('en', 'a' + '😀'.repeat(30))).toBe(`"a${'😀'.repeat(19)}…"`);
    const headers = Array.from({ length: 5 }, (_, i) => `${i}`.repeat(100));
    const missing = inputError('missingColumns', { fields: ['amount'], headers });
    expect(missing.message.length).toBeLessThan(300);
  });

  it('describes values as the sheet shows them', () => {
    expect(describeIn('en', false)).toBe('FALSE');
    expect(describeIn('fr', false)).toBe('FAUX');
    expect(describeIn('en', null)).toBe('a blank cell');
    expect(describeIn('fr', undefined)).toBe('une cellule vide');
    expect(describeIn('fr', new Date(NaN))).toBe('une date non valide');
    expect(describeIn('en', new Date(Date.UTC(2025, 0, 2)))).toBe('2025-01-02T00:00:00.000Z');
    expect(describeIn('en', 1e308)).toBe('1e+308');
  });

  it('keeps the text of any other failure after the function name', () => {
    expect(formulaErrorText('ROI', new TypeError('boom'), 'fr')).toBe('ROI: boom');
    expect(formulaErrorText('ROI', 'x'.repeat(10000), 'en').length).toBeLessThan(520);
  });
});
