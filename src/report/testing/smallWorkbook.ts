import type { SheetContext } from '../../core/context';
import type { EntityId } from '../../mapping/fields';
import type { EntityMapping, Mapping } from '../../mapping/schema';

/**
 * A small workbook for the report's tests, with every figure computed by hand in
 * build.test.ts: twelve deals over January–March 2025, two reps (Alice, Bob), two
 * campaigns (Fair, Mail), a few activities, monthly targets and feedback. Report made on
 * 2025-04-10 in New York: the current period is March 2025 (daylight saving starts on
 * the 9th), the previous one February.
 */

export const SMALL_CONTEXT: SheetContext = { locale: 'en_US', timeZone: 'America/New_York' };
/** 2025-04-10 12:00 in New York. */
export const SMALL_TODAY = Date.UTC(2025, 3, 10, 16);

export const DEAL_HEADER = [
  'ID',
  'Owner',
  'Company',
  'Stage',
  'Amount',
  'Cost',
  'Create Date',
  'Close Date',
  'Lead Source',
  'Probability',
];

/** Sheet rows 2–13. */
export const DEAL_ROWS: unknown[][] = [
  ['D1', 'Alice', 'Acme', 'Won', 1000, 600, '2025-01-05', '2025-01-20', 'Fair', ''],
  ['D2', 'Bob', 'Beta', 'Lost', 500, '', '2025-01-10', '2025-01-25', '', ''],
  ['D3', 'Alice', 'Beta', 'Won', 2000, 1200, '2025-01-15', '2025-02-10', 'Mail', ''],
  ['D4', 'Bob', 'Acme', 'Won', 1500, 900, '2025-02-01', '2025-02-21', 'fair', ''],
  ['D5', 'Bob', 'Gamma', 'Lost', 800, '', '2025-02-03', '2025-02-28', 'Fair', ''],
  ['D6', 'Alice', 'Acme', 'Won', 3000, 2000, '2025-02-10', '2025-03-05', 'Fair', ''],
  ['D7', 'alice ', 'Delta', 'won', '2,500.00', 1000, '2025-03-01', '2025-03-20', 'Mail', ''],
  ['D8', 'Bob', 'Gamma', 'Won', 1200, 700, '2025-03-02', '2025-03-30', '', ''],
  ['D9', 'Bob', 'Epsilon', 'Lost', 900, '', '2025-03-05', '2025-03-25', 'Web', ''],
  ['D10', 'Alice', 'Zeta', 'Proposal', 4000, '', '2025-03-10', '', 'Fair', 0.5],
  ['D11', 'Bob', 'Beta', 'Qualified', 1000, '', '2025-03-12', '', '', ''],
  ['D12', 'Bob', 'Eta', 'Qualified', 700, '', '2025-04-02', '', '', ''],
];

export const ACTIVITY_ROWS: unknown[][] = [
  ['Date', 'Owner', 'Activity Type', 'Company'],
  ['2025-03-03', 'Alice', 'Call', 'Acme'],
  ['2025-03-04', 'Alice', 'Meeting', 'Acme'],
  ['2025-03-10', 'Alice', 'phone call', 'Delta'],
  ['2025-03-11', 'Bob', 'Appel', 'Gamma'],
  ['2025-03-12', 'Bob', 'Lunch', 'Gamma'],
  ['2025-03-20', 'Bob', 'Quote', 'Gamma'],
  ['2025-02-14', 'Alice', 'Email', 'Beta'],
  ['2025-02-20', 'Bob', 'Call', 'Acme'],
  ['2025-03-25', '', 'Call', 'Zeta'],
];

export const CAMPAIGN_ROWS: unknown[][] = [
  ['Campaign', 'Channel', 'Cost', 'Start Date', 'End Date'],
  ['Fair', 'Trade show', 1000, '2025-03-03', '2025-03-04'],
  ['Mail', 'Email', 300, '2025-02-15', '2025-03-16'],
];

export const TARGET_ROWS: unknown[][] = [
  ['Rep', 'Month', 'Quota'],
  ['Alice', '2025-03', 5000],
  ['Bob', 'mars 2025', 4000],
  ['Alice', '02/2025', 3000],
  ['Bob', 'Feb 2025', 3000],
];

export const FEEDBACK_ROWS: unknown[][] = [
  ['Date', 'Rep', 'Score', 'Comment'],
  ['2025-03-07', 'Alice', 4, 'Good month'],
  ['2025-03-14', 'Bob', 2, 'Prices too high'],
  ['2025-03-21', 'Alice', 5, ''],
  ['2025-02-14', 'Bob', 3, 'Quiet'],
  ['2025-04-02', 'Alice', 1, 'After the period'],
];

function entity(
  sheet: string,
  header: readonly string[],
  fields: Record<string, string>,
): EntityMapping {
  const mapped: EntityMapping['fields'] = {};
  for (const [field, text] of Object.entries(fields)) {
    mapped[field] = { header: text, index: header.indexOf(text) };
  }
  return { sheet, headerRow: 1, fields: mapped };
}

export function smallTables(): Record<EntityId, unknown[][]> {
  return {
    deals: [[...DEAL_HEADER], ...DEAL_ROWS.map((r) => [...r])],
    activities: ACTIVITY_ROWS.map((r) => [...r]),
    campaigns: CAMPAIGN_ROWS.map((r) => [...r]),
    targets: TARGET_ROWS.map((r) => [...r]),
    feedback: FEEDBACK_ROWS.map((r) => [...r]),
  };
}

export function smallMapping(): Mapping {
  return {
    version: 1,
    entities: {
      deals: entity('Deals', DEAL_HEADER, {
        id: 'ID',
        rep: 'Owner',
        customer: 'Company',
        status: 'Stage',
        amount: 'Amount',
        cost: 'Cost',
        created: 'Create Date',
        closed: 'Close Date',
        source: 'Lead Source',
        probability: 'Probability',
      }),
      activities: entity('Activities', ACTIVITY_ROWS[0] as string[], {
        date: 'Date',
        rep: 'Owner',
        type: 'Activity Type',
        customer: 'Company',
      }),
      campaigns: entity('Campaigns', CAMPAIGN_ROWS[0] as string[], {
        name: 'Campaign',
        type: 'Channel',
        cost: 'Cost',
        start: 'Start Date',
        end: 'End Date',
      }),
      targets: entity('Targets', TARGET_ROWS[0] as string[], {
        rep: 'Rep',
        period: 'Month',
        target: 'Quota',
      }),
      feedback: entity('Feedback', FEEDBACK_ROWS[0] as string[], {
        date: 'Date',
        rep: 'Rep',
        score: 'Score',
        comment: 'Comment',
      }),
    },
    status: {
      won: ['Won'],
      lost: ['Lost'],
      open: ['Qualified', 'Proposal'],
      stageOrder: ['Qualified', 'Proposal', 'Won', 'Lost'],
    },
    feedbackScale: '1-5',
    settings: { period: 'month', fiscalYearStartMonth: 1 },
  };
}
