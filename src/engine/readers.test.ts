import { parseDate } from '../core/dates';
import { readActivities } from './activities';
import { costIn, readCampaigns } from './campaigns';
import { readFeedback } from './feedback';
import { dayNumber } from './periods';
import type { EntityTable } from './table';
import { readTargets, targetsIn } from './targets';

const fr = { locale: 'fr_FR', timeZone: 'Europe/Paris' };
const en = { locale: 'en_US', timeZone: 'America/New_York' };

function table(values: unknown[][], fields: string[]): EntityTable {
  const columns: Record<string, number> = {};
  fields.forEach((f, i) => (columns[f] = i));
  return { values, headerIndex: 0, columns };
}

describe('readActivities', () => {
  const activities = readActivities(
    table(
      [
        ['Date', 'Commercial', 'Type'],
        ['04/01/2025', 'Hugo', 'RDV'],
        ['05/01/2025', 'hugo ', 'Téléphone'],
        ['', '', ''],
        ['06/01/2025', 'Léa', 'Salon'],
        ['07/01/2025', 'Léa', 'salon '],
        ['32/01/2025', 'Léa', 'Appel'],
        ['08/01/2025', 'Léa', ''],
        ['09/01/2025', '', 'Démonstration'],
      ],
      ['date', 'rep', 'type'],
    ),
    fr,
  );

  it('canonicalises the types of data-model.md and keeps other labels', () => {
    const types = Array.from(activities.type, (t) => activities.types[t]);
    expect(types.map((t) => t.id)).toEqual(['meeting', 'call', null, null, 'demo']);
    expect(types[2].label).toBe('Salon');
    expect(activities.type[2]).toBe(activities.type[3]);
  });

  it('codes reps by rule 4 and keeps blank reps as −1', () => {
    expect(Array.from(activities.rep!.codes)).toEqual([0, 0, 1, 1, -1]);
    expect(activities.rep!.labels).toEqual(['Hugo', 'Léa']);
  });

  it('skips blank, undated and untyped rows, with problems for unreadable values', () => {
    expect(activities.length).toBe(5);
    expect(activities.rowsRead).toBe(8);
    expect(activities.skipped.counts).toEqual({ blank: 1, noDate: 1, noValue: 1 });
    expect(activities.skipped.rows).toEqual({ blank: [4], noDate: [7], noValue: [8] });
    expect(activities.problems).toEqual([
      { field: 'date', header: 'Date', sheetRow: 7, value: '"32/01/2025"', reason: 'notADate' },
    ]);
    expect(activities.date[0]).toBe(parseDate('2025-01-04', false, fr.timeZone));
  });
});

describe('readCampaigns', () => {
  const campaigns = readCampaigns(
    table(
      [
        ['Campagne', 'Type', 'Coût', 'Début', 'Fin'],
        ['Salon Batimat', 'Salon', '24 000,00 €', '29/09/2025', '02/10/2025'],
        ['Emailing', '', '1 200', '01/03/2025', ''],
        ['salon batimat ', '', 'beaucoup', '', ''],
        ['', 'Salon', '500', '', ''],
      ],
      ['name', 'type', 'cost', 'start', 'end'],
    ),
    fr,
  );

  it('merges rows of the same campaign (rule 4) and sums their costs', () => {
    expect(campaigns.campaigns.map((c) => [c.name, c.type, c.cost])).toEqual([
      ['Salon Batimat', 'Salon', 24000],
      ['Emailing', '', 1200],
    ]);
    expect(campaigns.byKey.get('salon batimat')).toBe(0);
    expect(campaigns.problems).toEqual([
      { field: 'cost', header: 'Coût', sheetRow: 4, value: '"beaucoup"', reason: 'notANumber' },
    ]);
    expect(campaigns.skipped.counts.noValue).toBe(1);
  });

  it('prorates a cost over its days; one date alone is one day; no date, no period', () => {
    const [batimat, emailing, undated] = campaigns.costs;
    const september = [dayNumber(2025, 9, 1), dayNumber(2025, 10, 1)] as const;
    expect(costIn(batimat, ...september)).toBe(24000 * (2 / 4));
    expect(costIn(emailing, dayNumber(2025, 3, 1), dayNumber(2025, 4, 1))).toBe(1200);
    expect(costIn(undated, ...september)).toBe(0);
  });
});

describe('readTargets', () => {
  const targets = readTargets(
    table(
      [
        ['Commercial', 'Mois', 'Objectif'],
        ['Hugo', '01/2025', '10 000 €'],
        ['Léa', 'janvier 2025', 8000],
        ['', 'T1 2025', 90000],
        ['Hugo', 'bientôt', 100],
        ['Léa', '02/2025', ''],
        ['Léa', '02/2025', 'n/c'],
      ],
      ['rep', 'period', 'target'],
    ),
    fr,
    1,
  );

  it('reads every period form, and reports the rest', () => {
    expect(targets.length).toBe(3);
    expect(Array.from(targets.target)).toEqual([10000, 8000, 90000]);
    expect(targets.problems.map((p) => [p.sheetRow, p.reason])).toEqual([
      [5, 'notAPeriod'],
      [7, 'notANumber'],
    ]);
    expect(targets.skipped.counts).toEqual({ blank: 0, noDate: 1, noValue: 2 });
  });

  it('prefers team targets, prorated by day, and keeps the reps’ own', () => {
    const january = targetsIn(targets, dayNumber(2025, 1, 1), dayNumber(2025, 2, 1));
    expect(january.team).toBeCloseTo((90000 * 31) / 90, 9);
    expect(Array.from(january.byRep)).toEqual([10000, 8000]);
    const withoutTeam = readTargets(
      table(
        [
          ['Rep', 'Month', 'Quota'],
          ['A', '2025-01', 1],
          ['B', '2025-01', 2],
        ],
        ['rep', 'period', 'target'],
      ),
      en,
      1,
    );
    expect(targetsIn(withoutTeam, dayNumber(2025, 1, 1), dayNumber(2025, 2, 1)).team).toBe(3);
    expect(targetsIn(withoutTeam, dayNumber(2025, 2, 1), dayNumber(2025, 3, 1)).team).toBeNull();
  });
});

describe('readFeedback', () => {
  const values = [
    ['Date', 'Rep', 'Score', 'Comment'],
    ['2025-01-04', 'Alice', 4, 'Fine'],
    ['2025-01-05', 'Bob', 8, 'Great'],
    ['2025-01-06', 'Bob', '', 'No score'],
    ['2025-01-07', 'Bob', '', ''],
    ['not a date', 'Bob', 3, ''],
    ['2025-01-08', 'Alice', '4,5', ''],
  ];
  const fields = ['date', 'rep', 'score', 'comment'];

  it('reads scores on the scale and reports those off it', () => {
    const feedback = readFeedback(table(values, fields), en, '1-5');
    expect(Array.from(feedback.score)).toEqual([4, NaN, NaN]);
    expect(feedback.comment).toEqual(['Fine', 'Great', 'No score']);
    expect(feedback.problems.map((p) => [p.sheetRow, p.reason])).toEqual([
      [3, 'scoreOutOfRange'],
      [6, 'notADate'],
      [7, 'notANumber'],
    ]);
    expect(feedback.skipped.counts).toEqual({ blank: 0, noDate: 1, noValue: 2 });
  });

  it('reads a 0–10 scale with the locale’s decimal comma', () => {
    const feedback = readFeedback(table(values, fields), fr, '0-10');
    expect(Array.from(feedback.score)).toEqual([4, 8, NaN, 4.5]);
  });
});
