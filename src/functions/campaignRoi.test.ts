import { runFormula } from './adapter';
import { CAMPAIGN_ROI } from './campaignRoi';

const fr = { locale: 'fr_FR', timeZone: 'Europe/Paris' };
const en = { locale: 'en_US', timeZone: 'America/New_York' };
const col = (...values: unknown[]) => values.map((v) => [v]);
const campaignRoi = (context: typeof fr, ...args: unknown[]) =>
  runFormula(CAMPAIGN_ROI, args, {}, context);

const HEADER_EN = ['campaign', 'cost', 'won deals', 'revenue', 'ROI'];
const HEADER_FR = ['campagne', 'coût', 'affaires gagnées', 'CA', 'ROI'];

describe('CAMPAIGN_ROI', () => {
  const sources = col('Trade show', 'trade-show', 'Webinar', '', 'Unknown', 'Webinar', 'Ads');
  const amounts = col(1000, 2000, 500, 700, 300, 'n/a', 800);
  const statuses = col('Won', 'Won', 'Won', 'Won', 'Won', 'Lost', 'Open');
  const names = col('Trade Show', 'Webinar', 'Ads', ' trade show ');
  const costs = col(2000, 0, 1000, 1000);

  it('spills a row per campaign in order of first appearance, then the unattributed won deals', () => {
    expect(campaignRoi(en, sources, amounts, statuses, names, costs)).toEqual([
      HEADER_EN,
      ['Trade Show', 3000, 2, 3000, 0],
      ['Webinar', 0, 1, 500, ''],
      ['Ads', 1000, 0, 0, -1],
      ['(none)', '', 2, 1000, ''],
    ]);
  });

  it('speaks French in fr* locales and reads French amounts and labels (fr_FR)', () => {
    expect(
      campaignRoi(
        fr,
        col('Salon Lyon', 'salon-lyon', 'Emailing', 'inconnue'),
        col('1 234,50 €', '765,50 €', '500 €', '100 €'),
        col('Gagné', 'SIGNÉ', 'gagnée', 'perdu'),
        col('Salon Lyon', 'Emailing'),
        col('1 000 €', '1 000,00 €'),
      ),
    ).toEqual([HEADER_FR, ['Salon Lyon', 1000, 2, 2000, 1], ['Emailing', 1000, 1, 500, -0.5]]);
    expect(campaignRoi(fr, col('?'), col('1 €'), col('gagné'), col('A'), col('1 €'))).toEqual([
      HEADER_FR,
      ['A', 1, 0, 0, -1],
      ['(aucune)', '', 1, 1, ''],
    ]);
  });

  it('reads English amounts (en_US) and leaves out the (none) row when every won deal is attributed', () => {
    expect(
      campaignRoi(
        en,
        col('Ads', 'ads'),
        col('$1,500.00', '500'),
        col('Closed Won', 'won'),
        col('ADS'),
        col('$1,000'),
      ),
    ).toEqual([HEADER_EN, ['ADS', 1000, 2, 2000, 1]]);
  });

  it('counts a won deal with a blank amount as a deal with no revenue', () => {
    expect(
      campaignRoi(en, col('Ads', 'Ads'), col(100, ''), col('won', 'won'), col('Ads'), col(50)),
    ).toEqual([HEADER_EN, ['Ads', 50, 2, 100, 1]]);
  });

  it('takes custom won labels', () => {
    expect(
      campaignRoi(
        en,
        col('Ads', 'Ads'),
        col(100, 200),
        col('Paid', 'Won'),
        col('Ads'),
        col(100),
        'paid',
      ),
    ).toEqual([HEADER_EN, ['Ads', 100, 1, 100, 0]]);
  });

  it('returns "" as ROI when a campaign costs nothing (zero denominator)', () => {
    expect(campaignRoi(en, col('Free'), col(100), col('won'), col('Free'), col(''))).toEqual([
      HEADER_EN,
      ['Free', 0, 1, 100, ''],
    ]);
  });

  it('returns the header alone for empty ranges and blanks only', () => {
    expect(campaignRoi(en, [], [], [], [], [])).toEqual([HEADER_EN]);
    expect(
      campaignRoi(en, col('', ''), col(' ', ''), col('', null), col('', ''), col(null, '')),
    ).toEqual([HEADER_EN]);
  });

  it('works on one row', () => {
    expect(campaignRoi(en, 'Fair', 3000, 'won', 'Fair', 2000)).toEqual([
      HEADER_EN,
      ['Fair', 2000, 1, 3000, 0.5],
    ]);
  });

  it('refuses text in a cost or in the amount of a won deal, naming argument, row and value', () => {
    expect(() =>
      campaignRoi(en, col('A'), col(1), col('won'), col('A', 'B'), col(1, 'free')),
    ).toThrow('CAMPAIGN_ROI: campaign_costs, value 2: "free" is not a number');
    expect(() =>
      campaignRoi(en, col('A', 'A'), col(1, 'n/a'), col('won', 'won'), col('A'), col(1)),
    ).toThrow('CAMPAIGN_ROI: deal_amounts, value 2: "n/a" is not a number');
  });

  it('refuses a cost without a campaign name', () => {
    expect(() => campaignRoi(en, col('A'), col(1), col('won'), col('A', ' '), col(1, 500))).toThrow(
      'CAMPAIGN_ROI: campaign_names, value 2 is blank but campaign_costs has 500',
    );
  });

  it('refuses a 2-D range', () => {
    expect(() =>
      campaignRoi(
        en,
        col('A'),
        col(1),
        col('won'),
        [
          ['A', 'B'],
          ['C', 'D'],
        ],
        col(1, 2),
      ),
    ).toThrow('CAMPAIGN_ROI: campaign_names must be a single column or row (got 2×2)');
  });

  it('pairs the deal columns and the campaign columns as two separate groups', () => {
    expect(() => campaignRoi(en, col('A', 'B'), col(1, 2), col('won'), col('A'), col(1))).toThrow(
      'CAMPAIGN_ROI: deal_sources has 2 rows but deal_statuses has 1',
    );
    expect(() => campaignRoi(en, col('A', 'B'), col(1, 2), 'won', col('A'), col(1))).toThrow(
      'CAMPAIGN_ROI: deal_sources has 2 rows but deal_statuses has 1',
    );
    expect(() => campaignRoi(en, col('A'), col(1), col('won'), col('A', 'B'), col(1))).toThrow(
      'CAMPAIGN_ROI: campaign_names has 2 rows but campaign_costs has 1',
    );
    // Deals and campaigns need not have the same number of rows.
    expect(
      campaignRoi(en, col('A', 'B', 'A'), col(1, 2, 3), col('won', 'won', 'won'), col('A'), col(2)),
    ).toEqual([HEADER_EN, ['A', 2, 2, 4, 1], ['(none)', '', 1, 2, '']]);
  });

  it('requires every column', () => {
    expect(() => campaignRoi(en, col('A'), col(1), col('won'), col('A'))).toThrow(
      'CAMPAIGN_ROI: campaign_costs is required',
    );
  });
});
