import { runFormula } from './adapter';
import { PIPELINE_VALUE } from './pipelineValue';

const fr = { locale: 'fr_FR', timeZone: 'Europe/Paris' };
const en = { locale: 'en_US', timeZone: 'America/New_York' };
const col = (...values: unknown[]) => values.map((v) => [v]);
const pipelineValue = (context: typeof fr, ...args: unknown[]) =>
  runFormula(PIPELINE_VALUE, args, {}, context);

describe('PIPELINE_VALUE', () => {
  const amounts = col(1000, 2000, 3000, 4000, 5000, 6000, 7000);
  const statuses = col('Open', 'Negotiation', 'Won', 'Lost', 'Proposal', 'Open', 'Open');

  it('weights open amounts by probability: fraction, percentage number, text, blank = 1', () => {
    const probabilities = col(0.5, 40, 'n/a', 'bad', '25%', '', 1);
    // 1000×0.5 + 2000×0.4 + 5000×0.25 + 6000×1 + 7000×1; won and lost rows are not read.
    expect(pipelineValue(en, amounts, statuses, probabilities)).toBe(15550);
  });

  it('sums open amounts unweighted without probabilities (omitted, null or one blank cell)', () => {
    expect(pipelineValue(en, amounts, statuses)).toBe(21000);
    expect(pipelineValue(en, amounts, statuses, null)).toBe(21000);
    expect(pipelineValue(en, col(100), col('open'), [['']])).toBe(100);
  });

  it('reads French amounts, labels and percentages (fr_FR)', () => {
    expect(
      pipelineValue(
        fr,
        col('1 234,50 €', '2 000 €', '500 €', '9 999 €', '1 000 €'),
        col('En cours', 'Négociation', 'Devis', 'Gagné', 'perdu'),
        col('100 %', '40 %', '0,5', 'x', 'x'),
      ),
    ).toBe(1234.5 + 800 + 250);
  });

  it('reads English amounts and percentages (en_US)', () => {
    expect(
      pipelineValue(en, col('$1,000.00', '2,000'), col('Proposal', 'Demo'), col('12.5%', '0.25')),
    ).toBe(125 + 500);
  });

  it('reads a number in (1, 100] as a percentage and 0–1 as a fraction', () => {
    expect(
      pipelineValue(en, col(1000, 1000, 1000, 1000), col('o', 'o', 'o', 'o'), col(0, 1, 1.5, 100)),
    ).toBe(0 + 1000 + 15 + 1000);
  });

  it('uses custom won and lost labels', () => {
    expect(
      pipelineValue(en, col(10, 20, 30), col('Paid', 'Dead', 'Won'), undefined, 'paid', 'dead'),
    ).toBe(30);
  });

  it('returns 0 when no deal is open, for an empty range and for blanks only', () => {
    expect(pipelineValue(en, col(10, 20), col('Won', 'Lost'))).toBe(0);
    expect(pipelineValue(en, [], [])).toBe(0);
    expect(pipelineValue(en, col('', ' '), col('', null), col('', ''))).toBe(0);
  });

  it('ignores amounts whose status is blank and open rows with a blank amount', () => {
    expect(pipelineValue(en, col(10, '', 30), col('', 'open', 'open'), col(1, 'junk', 0.5))).toBe(
      15,
    );
  });

  it('works on one row', () => {
    expect(pipelineValue(en, 1000, 'Open', 0.3)).toBe(300);
    expect(pipelineValue(en, 1000, 'Open')).toBe(1000);
  });

  it('refuses text in the amounts of open rows', () => {
    expect(() => pipelineValue(en, col(10, 'n/a'), col('open', 'open'))).toThrow(
      'PIPELINE_VALUE: amounts, value 2: "n/a" is not a number',
    );
    expect(pipelineValue(en, col(10, 'n/a'), col('open', 'won'))).toBe(10);
  });

  it('refuses a probability that is not one, naming row and value', () => {
    const run = (probability: unknown) => () =>
      pipelineValue(en, col(1, 2), col('open', 'open'), col(0.5, probability));
    const message = (shown: string) =>
      `PIPELINE_VALUE: probabilities, value 2: ${shown} is not a probability (use 0–1, 0–100 or a percentage)`;
    expect(run('high')).toThrow(message('"high"'));
    expect(run(150)).toThrow(message('150'));
    expect(run(-0.1)).toThrow(message('-0.1'));
    expect(run('150%')).toThrow(message('"150%"'));
    expect(run('-10%')).toThrow(message('"-10%"'));
    expect(run(true)).toThrow(message('TRUE'));
  });

  it('refuses a 2-D range and paired columns of different lengths', () => {
    expect(() =>
      pipelineValue(en, col(1, 2), [
        ['o', 'o'],
        ['o', 'o'],
      ]),
    ).toThrow('PIPELINE_VALUE: statuses must be a single column or row (got 2×2)');
    expect(() => pipelineValue(en, col(1, 2), col('open'))).toThrow(
      'PIPELINE_VALUE: amounts has 2 rows but statuses has 1',
    );
    expect(() => pipelineValue(en, col(1, 2), col('open', 'open'), 0.5)).toThrow(
      'PIPELINE_VALUE: amounts has 2 rows but probabilities has 1',
    );
  });

  it('requires amounts and statuses', () => {
    expect(() => pipelineValue(en)).toThrow('PIPELINE_VALUE: amounts is required');
    expect(() => pipelineValue(en, col(1))).toThrow('PIPELINE_VALUE: statuses is required');
  });
});
