import { Parsers } from '../core/args';
import { analyzeSheet } from './analyzeSheet';
import { fieldSpec } from './fields';
import { matchFields } from './matchFields';
import { previewProblems, readCell } from './problems';

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

describe('CRM values pasted as text', () => {
  const us = { locale: 'en_US', timeZone: 'America/New_York' };

  it('maps CRM timestamps and US dates as dates, and reads them', () => {
    const values = [
      ['Name', 'StageName', 'Amount', 'CloseDate', 'CreatedDate'],
      ['A', 'Closed Won', '1200.0', '3/1/2017', '2017-01-22T16:14:25.000+0000'],
      ['B', 'Closed Lost', '800.0', '3/15/2017', '2017-02-02T09:03:11.000+0000'],
      ['C', 'Prospecting', '500.0', '4/2/2017', '2025-01-07 10:00:00'],
    ];
    const analysis = analyzeSheet({ name: 'Opportunity', values }, us);
    const { fields, missing } = matchFields(analysis, 'deals');
    expect(missing).toEqual([]);
    expect(fields.closed).toMatchObject({ header: 'CloseDate', level: 'exact' });
    expect(fields.created).toMatchObject({ header: 'CreatedDate', level: 'exact' });
    const problems = previewProblems(
      {
        entity: 'deals',
        sheet: 'Opportunity',
        headerRow: 1,
        fields,
        missing,
        sheetNameMatch: true,
        score: 0,
      },
      { name: 'Opportunity', values },
      [1, 2, 3],
      new Parsers(us),
    );
    expect(problems).toEqual([]);
  });

  it('maps dollar amounts pasted into a French workbook as the amount', () => {
    const values = [
      ['Affaire', 'Étape', 'Amount', 'Clos le'],
      ['A', 'Gagnée', '$24,000.00', '01/03/2024'],
      ['B', 'Perdue', '$1,250.50', '02/03/2024'],
      ['C', 'Gagnée', '$980.00', '03/03/2024'],
    ];
    const analysis = analyzeSheet({ name: 'Affaires', values }, fr);
    const { fields } = matchFields(analysis, 'deals');
    expect(fields.amount).toMatchObject({ header: 'Amount', level: 'exact' });
    expect(readCell(fieldSpec('deals', 'amount')!, values[1][2], new Parsers(fr))).toEqual({
      kind: 'number',
      value: 24000,
    });
  });
});
