/**
 * CRM exports as people paste them into Sheets (test/fixtures/crm/, one folder per CRM,
 * each with a README of its shape and of the figures counted by hand): detection maps
 * them with no correction, takes no unrelated table, and the summary of the month counted
 * gives the hand-counted won deals, revenue and win rate.
 */
import path from 'node:path';
import { createEmulator } from '../../emulator';
import { loadCsvFolder } from '../../emulator/importCsv';
import { defaultTimeZone } from '../../emulator/workbookLocale';
import type { Loaded } from './support';
import { cellOf, generate, rawWorkbook, shown, withBundle } from './support';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'crm');

interface Expected {
  readonly folder: string;
  readonly locale: 'en_US' | 'fr_FR';
  readonly today: string;
  /** The period the summary covers (the month counted by hand). */
  readonly period: string;
  readonly dealsSheet: string;
  /** Deal fields and the header each must be mapped to. */
  readonly fields: Readonly<Record<string, string>>;
  readonly won: number;
  readonly revenue: number;
  readonly winRate: number;
  /** Sales cycle of the month, and the sheet row closed before it was created. */
  readonly cycle?: { readonly days: number; readonly closedBeforeCreated: number };
}

const CASES: Expected[] = [
  {
    folder: 'crm-sales-opportunities',
    locale: 'en_US',
    today: '2017-04-10',
    period: '2017-03',
    dealsSheet: 'sales_pipeline',
    fields: {
      id: 'opportunity_id',
      rep: 'sales_agent',
      product: 'product',
      customer: 'account',
      status: 'deal_stage',
      created: 'engage_date',
      closed: 'close_date',
      amount: 'close_value',
    },
    won: 5,
    revenue: 6685,
    winRate: 5 / 8,
  },
  {
    folder: 'salesforce-report',
    locale: 'en_US',
    today: '2024-04-15',
    period: '2024-03',
    dealsSheet: 'Opportunities',
    fields: {
      rep: 'Opportunity Owner',
      customer: 'Account Name',
      name: 'Opportunity Name',
      status: 'Stage',
      amount: 'Amount',
      probability: 'Probability (%)',
      closed: 'Close Date',
      created: 'Created Date',
      source: 'Lead Source',
    },
    won: 5,
    revenue: 510000,
    winRate: 5 / 7,
  },
  {
    folder: 'salesforce-api',
    locale: 'en_US',
    today: '2024-04-15',
    period: '2024-03',
    dealsSheet: 'Opportunity',
    fields: {
      id: 'Id',
      name: 'Name',
      customer: 'AccountId',
      rep: 'OwnerId',
      status: 'StageName',
      amount: 'Amount',
      probability: 'Probability',
      closed: 'CloseDate',
      created: 'CreatedDate',
      source: 'LeadSource',
      isWon: 'IsWon',
      isClosed: 'IsClosed',
    },
    won: 4,
    revenue: 63000,
    winRate: 4 / 7,
    cycle: { days: 110 / 3, closedBeforeCreated: 13 },
  },
  {
    folder: 'hubspot',
    locale: 'en_US',
    today: '2024-06-10',
    period: '2024-05',
    dealsSheet: 'hubspot-crm-exports-all-deals-2024-06-10',
    fields: {
      id: 'Record ID',
      name: 'Deal Name',
      status: 'Deal Stage',
      amount: 'Amount',
      closed: 'Close Date',
      created: 'Create Date',
      rep: 'Deal owner',
      customer: 'Associated Company (Primary)',
      isWon: 'Is Closed Won',
      isClosed: 'Is Deal Closed?',
    },
    won: 3,
    revenue: 25000.5,
    winRate: 3 / 5,
  },
  {
    folder: 'hubspot-api',
    locale: 'en_US',
    today: '2024-06-10',
    period: '2024-05',
    dealsSheet: 'deals',
    fields: {
      id: 'hs_object_id',
      name: 'dealname',
      amount: 'amount',
      closed: 'closedate',
      created: 'createdate',
      rep: 'hubspot_owner_id',
      isWon: 'hs_is_closed_won',
      isClosed: 'hs_is_closed',
    },
    won: 3,
    revenue: 25000.5,
    winRate: 3 / 5,
  },
  {
    folder: 'pipedrive',
    locale: 'en_US',
    today: '2024-04-20',
    period: '2024-03',
    dealsSheet: 'deals-export',
    fields: {
      id: 'Deal - ID',
      name: 'Deal - Title',
      rep: 'Deal - Owner',
      amount: 'Deal - Value',
      probability: 'Deal - Probability',
      customer: 'Deal - Organization',
      status: 'Deal - Status',
      created: 'Deal - Deal created',
      closed: 'Deal - Deal closed on',
      isWon: 'Deal - Won time',
      isLost: 'Deal - Lost time',
    },
    won: 4,
    revenue: 29100,
    winRate: 4 / 7,
  },
  {
    folder: 'odoo-en',
    locale: 'en_US',
    today: '2024-05-06',
    period: '2024-04',
    dealsSheet: 'crm.lead',
    fields: {
      created: 'Created on',
      name: 'Opportunity',
      customer: 'Customer',
      rep: 'Salesperson',
      region: 'Sales Team',
      status: 'Stage',
      amount: 'Expected Revenue',
      probability: 'Probability',
      closed: 'Closed Date',
      active: 'Active',
    },
    won: 3,
    revenue: 32300,
    winRate: 3 / 5,
  },
  {
    folder: 'odoo-fr',
    locale: 'fr_FR',
    today: '2024-05-06',
    period: '2024-04',
    dealsSheet: 'crm.lead',
    fields: {
      created: 'Créé le',
      name: 'Opportunité',
      customer: 'Client',
      rep: 'Vendeur',
      region: 'Équipe commerciale',
      status: 'Étape',
      amount: 'Revenu espéré',
      probability: 'Probabilité',
      closed: 'Date de clôture',
      active: 'Actif',
    },
    won: 3,
    revenue: 32300,
    winRate: 3 / 5,
  },
  {
    folder: 'zoho',
    locale: 'en_US',
    today: '2024-04-08',
    period: '2024-03',
    dealsSheet: 'Deals_2024_04_08',
    fields: {
      id: 'Record Id',
      rep: 'Deal Owner',
      name: 'Deal Name',
      amount: 'Amount',
      closed: 'Closing Date',
      customer: 'Account Name',
      status: 'Stage',
      probability: 'Probability (%)',
      source: 'Lead Source',
      created: 'Created Time',
    },
    won: 4,
    revenue: 55600,
    winRate: 4 / 7,
  },
  {
    folder: 'axonaut',
    locale: 'fr_FR',
    today: '2024-04-10',
    period: '2024-03',
    dealsSheet: 'export_opportunites',
    fields: {
      name: 'Affaire',
      customer: 'Nom du compte',
      status: 'Phase de vente',
      amount: 'Montant',
      probability: 'Probabilité',
      closed: 'Clos le',
      rep: 'Propriétaire',
      created: 'Date de création',
    },
    won: 4,
    revenue: 34550.5,
    winRate: 4 / 7,
    cycle: { days: 130 / 3, closedBeforeCreated: 10 },
  },
];

const LABELS = {
  en_US: {
    revenue: 'Revenue',
    won: 'Orders / won deals',
    winRate: 'Win rate',
    cycle: 'Sales cycle',
    closedBeforeCreated: 'closed before it was created',
  },
  fr_FR: {
    revenue: "Chiffre d'affaires (HT)",
    won: 'Commandes / affaires gagnées',
    winRate: 'Taux de transformation des opportunités',
    cycle: 'Durée du cycle de vente',
    closedBeforeCreated: 'signée avant d’être créée',
  },
} as const;

interface MappingStateSeen {
  draft: {
    entities: Record<string, { sheet: string; fields: Record<string, { header: string }> }>;
  };
  notices: { kind: string; message: string }[];
}

/** A fixture folder as the tabs of an emulated spreadsheet, with the built add-on. */
export function loadFixture(folder: string, locale: string): Loaded {
  const timeZone = defaultTimeZone(locale);
  const sheets = loadCsvFolder(path.join(FIXTURES, folder), { locale, timeZone });
  return withBundle(createEmulator({ locale, timeZone, sheets }));
}

describe.each(CASES.map((c) => [c.folder, c] as const))('%s', (_, expected) => {
  let loaded: Loaded;
  beforeAll(() => {
    loaded = loadFixture(expected.folder, expected.locale);
  });

  test('maps with no correction, and no unrelated table', () => {
    const state = loaded.emulator.run('getMappingState') as MappingStateSeen;
    expect(Object.keys(state.draft.entities)).toEqual(['deals']);
    const deals = state.draft.entities.deals;
    expect(deals.sheet).toBe(expected.dealsSheet);
    const mapped = Object.fromEntries(
      Object.entries(deals.fields).map(([field, ref]) => [field, ref.header]),
    );
    expect(mapped).toEqual(expect.objectContaining(expected.fields));
  });

  test('the summary of the month gives the figures counted by hand', () => {
    const result = generate(loaded, { today: expected.today });
    expect(result.error).toBeNull();
    expect(result.period).toBe(expected.period);
    const overview = result.tabs.find((t) => t.id === 'overview')!.name;
    const labels = LABELS[expected.locale];
    expect(cellOf(loaded, overview, labels.won, 2).value).toBe(expected.won);
    expect(cellOf(loaded, overview, labels.revenue, 2).value).toBeCloseTo(expected.revenue, 6);
    expect(cellOf(loaded, overview, labels.winRate, 2).value).toBeCloseTo(expected.winRate, 9);
    if (expected.cycle) {
      // The deal closed before it was created is on the data-quality tab, not in the cycle.
      expect(cellOf(loaded, overview, labels.cycle, 2).value).toBeCloseTo(expected.cycle.days, 9);
      const quality = result.tabs.find((t) => t.id === 'quality')!.name;
      const listed = shown(loaded, quality).filter((row) =>
        row.includes(labels.closedBeforeCreated),
      );
      expect(listed.map((row) => row[2])).toEqual([String(expected.cycle.closedBeforeCreated)]);
    }
  });
});

describe('what the sidebar and the summary say about these tables', () => {
  test('an accounts table is not taken for targets, and both say so', () => {
    const loaded = loadFixture('crm-sales-opportunities', 'en_US');
    const state = loaded.emulator.run('getMappingState') as MappingStateSeen;
    const note =
      '“accounts” was not taken as targets: it has no period column and target column named as such. If it is one, choose it with “Map my columns”.';
    expect(state.notices.filter((n) => n.kind === 'unfitTable').map((n) => n.message)).toEqual([
      note,
    ]);
    const result = generate(loaded, { today: '2017-04-10' });
    expect(result.warnings).toContain(note);
    expect(result.tabs.map((t) => t.id)).not.toContain('targets');
  });

  test('status from flags and columns of record IDs are shown as such', () => {
    const loaded = loadFixture('salesforce-api', 'en_US');
    const state = loaded.emulator.run('getMappingState') as MappingStateSeen;
    const info = state.notices.filter((n) => n.kind !== 'unfitTable').map((n) => n.message);
    expect(info).toEqual([
      'Deal status: the columns “IsWon”, “IsClosed” decide won and lost; “StageName” gives the stages.',
      'Sales rep: the column “OwnerId” holds record IDs (like 005Ec000004oBPNIA2), not names; figures by Sales rep show these IDs.',
      'Customer: the column “AccountId” holds record IDs (like 001Ec00000Xk1aQIAR), not names; figures by Customer show these IDs.',
    ]);
  });
});

test('dollar amounts pasted into a French workbook count in the revenue', () => {
  const loaded = rawWorkbook(
    {
      Affaires: [
        ['Affaire', 'Étape', 'Amount', 'Clos le'],
        ['A', 'Gagnée', '$24,000.00', new Date(Date.UTC(2024, 2, 4, 12))],
        ['B', 'Gagnée', '$1,250.50', new Date(Date.UTC(2024, 2, 12, 12))],
        ['C', 'Perdue', '$980.00', new Date(Date.UTC(2024, 2, 20, 12))],
      ],
    },
    { locale: 'fr_FR', timeZone: 'Europe/Paris' },
  );
  const result = generate(loaded, { today: '2024-04-10' });
  expect(result.period).toBe('2024-03');
  const overview = result.tabs.find((t) => t.id === 'overview')!.name;
  expect(cellOf(loaded, overview, "Chiffre d'affaires (HT)", 2).value).toBeCloseTo(25250.5, 6);
  expect(cellOf(loaded, overview, 'Commandes / affaires gagnées', 2).value).toBe(2);
});
