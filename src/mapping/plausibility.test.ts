import { detectWorkbook } from './detect';
import { analyzeSheet } from './analyzeSheet';
import { matchFields } from './matchFields';

const en = { locale: 'en_US', timeZone: 'America/New_York' };

const DEALS = {
  name: 'Opportunities',
  values: [
    ['Opportunity Name', 'Stage', 'Amount', 'Close Date', 'Opportunity Owner'],
    ['A', 'Closed Won', 100, new Date(2024, 2, 1), 'Ann'],
    ['B', 'Closed Lost', 200, new Date(2024, 2, 2), 'Bob'],
    ['C', 'Prospecting', 300, new Date(2024, 2, 3), 'Ann'],
  ],
};

describe('optional tables are taken only when they look like one', () => {
  test('an accounts table (company, sector, revenue, employees) is no targets table', () => {
    const accounts = {
      name: 'accounts',
      values: [
        ['account', 'sector', 'year_established', 'revenue', 'employees'],
        ['Cancity', 'retail', 2001, 718.62, 2448],
        ['Codehow', 'software', 1998, 2714.9, 2641],
        ['Hatfan', 'services', 1982, 792.46, 1299],
      ],
    };
    const detection = detectWorkbook([DEALS, accounts], en);
    expect(detection.entities.targets).toBeUndefined();
    expect(detection.unfit).toEqual([
      { entity: 'targets', sheet: 'accounts', reason: 'noTargetColumns' },
    ]);
  });

  test('a leads table (a 0–100 lead score) is no feedback table', () => {
    const leads = {
      name: 'Leads',
      values: [
        ['Name', 'Company', 'Lead Status', 'Created Date', 'Score'],
        ['Sarah Loehr', 'MedLife', 'Open', new Date(2024, 1, 1), 64],
        ['Kathy Snyder', 'TNR Corp.', 'Working', new Date(2024, 1, 3), 88],
        ['Bertha Boxer', 'Farmers Coop', 'Qualified', new Date(2024, 1, 9), 35],
      ],
    };
    const detection = detectWorkbook([DEALS, leads], en);
    expect(detection.entities.feedback).toBeUndefined();
    expect(detection.unfit.map((u) => [u.entity, u.reason])).toEqual([['feedback', 'noScores']]);
  });

  test('scores on 1–5 make a feedback table', () => {
    const mood = {
      name: 'Weekly check-in',
      values: [
        ['Date', 'Rep', 'Score'],
        [new Date(2024, 1, 1), 'Ann', 4],
        [new Date(2024, 1, 8), 'Bob', 2],
        [new Date(2024, 1, 15), 'Ann', 5],
      ],
    };
    const detection = detectWorkbook([DEALS, mood], en);
    expect(detection.entities.feedback?.sheet).toBe('Weekly check-in');
    expect(detection.unfit).toEqual([]);
  });

  test('campaign members are no activities, activities of known types are', () => {
    const members = {
      name: 'CampaignMember',
      values: [
        ['CampaignId', 'LeadId', 'Type', 'Status', 'CreatedDate'],
        ['701Ec00000F3kLmIAJ', '00QEc00000A1b2cMAB', 'Lead', 'Sent', new Date(2024, 1, 1)],
        ['701Ec00000F3kLmIAJ', '00QEc00000A1b2dMAB', 'Contact', 'Responded', new Date(2024, 1, 2)],
        ['701Ec00000F3kLmIAJ', '00QEc00000A1b2eMAB', 'Lead', 'Sent', new Date(2024, 1, 3)],
      ],
    };
    let detection = detectWorkbook([DEALS, members], en);
    expect(detection.entities.activities).toBeUndefined();
    expect(detection.unfit.map((u) => [u.entity, u.sheet])).toEqual([
      ['activities', 'CampaignMember'],
    ]);
    const calls = {
      name: 'Log',
      values: [
        ['Date', 'Owner', 'Type'],
        [new Date(2024, 1, 1), 'Ann', 'Call'],
        [new Date(2024, 1, 2), 'Bob', 'Meeting'],
        [new Date(2024, 1, 3), 'Ann', 'Email'],
      ],
    };
    detection = detectWorkbook([DEALS, calls], en);
    expect(detection.entities.activities?.sheet).toBe('Log');
  });

  test('a table of repeated names is no campaigns table', () => {
    const orders = {
      name: 'Lines',
      values: [
        ['Name', 'Cost'],
        ['Widget', 10],
        ['Widget', 12],
        ['Widget', 9],
        ['Gadget', 20],
      ],
    };
    const detection = detectWorkbook([DEALS, orders], en);
    expect(detection.entities.campaigns).toBeUndefined();
  });
});

describe('where a deal began', () => {
  test('an engage date is preferred over the created date, and the choice is kept', () => {
    const values = [
      ['Deal', 'Stage', 'Amount', 'Created Date', 'Engage Date', 'Close Date'],
      ['A', 'Won', 100, new Date(2024, 0, 2), new Date(2024, 0, 20), new Date(2024, 2, 1)],
      ['B', 'Lost', 200, new Date(2024, 0, 2), new Date(2024, 1, 5), new Date(2024, 2, 2)],
    ];
    const { fields } = matchFields(analyzeSheet({ name: 'Deals', values }, en), 'deals');
    expect(fields.created).toMatchObject({ header: 'Engage Date', over: ['Created Date'] });
  });

  test('a created date alone is the created date', () => {
    const values = [
      ['Deal', 'Stage', 'Amount', 'CreatedDate', 'CloseDate'],
      ['A', 'Won', 100, new Date(2024, 0, 2), new Date(2024, 2, 1)],
    ];
    const { fields } = matchFields(analyzeSheet({ name: 'Deals', values }, en), 'deals');
    expect(fields.created.header).toBe('CreatedDate');
    expect(fields.created.over).toBeUndefined();
  });
});
