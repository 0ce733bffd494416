import { analyzeSheet } from './analyzeSheet';
import { matchFields } from './matchFields';

const fr = { locale: 'fr_FR', timeZone: 'Europe/Paris' };

describe('matchFields', () => {
  it('does not take a column of dates for an amount', () => {
    const values = [
      ['Étape', 'Valeur', 'Montant TTC'],
      ['Gagné', '01/02/2025', '1 000,00 €'],
      ['Perdu', '03/02/2025', '2 000,00 €'],
      ['Gagné', '04/02/2025', '500'],
    ];
    const { fields } = matchFields(analyzeSheet({ name: 'x', values }, fr), 'deals');
    expect(fields.amount).toMatchObject({ column: 2, level: 'contains' });
  });

  it('prefers the exact synonym, then the better-typed column', () => {
    const values = [
      ['Montant facturé', 'Montant', 'Statut'],
      ['1 000', '900', 'gagné'],
      ['2 000', '1 800', 'perdu'],
    ];
    let { fields } = matchFields(analyzeSheet({ name: 'x', values }, fr), 'deals');
    expect(fields.amount).toMatchObject({ column: 1, level: 'exact' });
    const mixed = [
      ['Montant HT', 'Montant HT', 'Statut'],
      ['à voir', '900', 'gagné'],
      ['n/c', '1 800', 'perdu'],
      ['1', '1 800', 'perdu'],
      ['?', '1 800', 'perdu'],
    ];
    ({ fields } = matchFields(analyzeSheet({ name: 'x', values: mixed }, fr), 'deals'));
    expect(fields.amount.column).toBe(1);
  });

  it('guesses a status column from won/lost values when its header is unknown', () => {
    const values = [
      ['Où en est-on', 'Montant'],
      ['Gagné', '10'],
      ['Perdu', '20'],
      ['En cours', '30'],
    ];
    const { fields, missing } = matchFields(analyzeSheet({ name: 'x', values }, fr), 'deals');
    expect(missing).toEqual([]);
    expect(fields.status).toMatchObject({ column: 0, level: 'type' });
    expect(fields.status.confidence).toBeLessThan(fields.amount.confidence);
  });
});
