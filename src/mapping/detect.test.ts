import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { parseCsv } from '../../emulator/csv';
import { loadCsvFolder } from '../../emulator/importCsv';
import type { SheetValues } from './analyzeSheet';
import type { WorkbookDetection } from './detect';
import { detectWorkbook } from './detect';
import type { EntityId } from './fields';
import { findHeaderRow } from './headers';
import { mappingFromDetection } from './mappingFromDetection';
import { parseMapping } from './schema';

const SAMPLES = join(__dirname, '..', '..', 'samples');
const fr = { locale: 'fr_FR', timeZone: 'Europe/Paris' };
const en = { locale: 'en_US', timeZone: 'America/New_York' };

/** The sample workbook as Sheets types an imported CSV (numbers, Dates, text). */
const typed = (folder: string, context: typeof fr) => loadCsvFolder(join(SAMPLES, folder), context);

/** The same workbook with every cell left as text. */
function allText(folder: string): SheetValues[] {
  const dir = join(SAMPLES, folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .map((f) => ({
      name: f.replace(/\.csv$/, ''),
      values: parseCsv(readFileSync(join(dir, f), 'utf8')),
    }));
}

type Expected = Record<
  EntityId,
  { sheet: string; headerRow: number; fields: Record<string, [number, string]> }
>;

/** What the detection says, reduced to sheet, header row and column per field. */
function summary(detection: WorkbookDetection) {
  const out: Record<string, unknown> = {};
  for (const [entity, guess] of Object.entries(detection.entities)) {
    const fields: Record<string, [number, string]> = {};
    for (const [id, match] of Object.entries(guess!.fields))
      fields[id] = [match.column, match.header];
    out[entity] = { sheet: guess!.sheet, headerRow: guess!.headerRow, fields };
  }
  return out;
}

const EXPECTED_FR: Expected = {
  deals: {
    sheet: 'affaires',
    headerRow: 1,
    fields: {
      id: [0, 'Réf.'],
      name: [1, 'Affaire'],
      customer: [2, 'Client'],
      rep: [3, 'Commercial'],
      status: [4, 'Étape'],
      amount: [5, 'Montant HT'],
      cost: [6, 'Coût'],
      created: [7, 'Date de création'],
      closed: [8, 'Date de signature'],
      source: [9, 'Origine'],
      probability: [10, 'Probabilité'],
    },
  },
  activities: {
    sheet: 'activites',
    headerRow: 1,
    fields: {
      date: [0, 'Date'],
      rep: [1, 'Commercial'],
      type: [2, 'Type'],
      customer: [3, 'Client'],
      outcome: [4, 'Compte rendu'],
    },
  },
  campaigns: {
    sheet: 'campagnes',
    headerRow: 1,
    fields: {
      name: [0, 'Campagne'],
      type: [1, 'Type'],
      cost: [2, 'Coût'],
      start: [3, 'Début'],
      end: [4, 'Fin'],
    },
  },
  targets: {
    sheet: 'objectifs',
    headerRow: 1,
    fields: { rep: [0, 'Commercial'], period: [1, 'Mois'], target: [2, 'Objectif CA'] },
  },
  feedback: {
    sheet: 'ressenti',
    headerRow: 1,
    fields: {
      date: [0, 'Date'],
      rep: [1, 'Commercial'],
      score: [2, 'Note'],
      comment: [3, 'Commentaire'],
    },
  },
};

const EXPECTED_EN: Expected = {
  deals: {
    sheet: 'deals',
    headerRow: 1,
    fields: {
      id: [0, 'Deal ID'],
      name: [1, 'Deal Name'],
      customer: [2, 'Company'],
      rep: [3, 'Deal Owner'],
      status: [4, 'Deal Stage'],
      amount: [5, 'Amount'],
      cost: [6, 'Cost'],
      created: [7, 'Create Date'],
      closed: [8, 'Close Date'],
      source: [9, 'Lead Source'],
      probability: [10, 'Probability'],
    },
  },
  activities: {
    sheet: 'activities',
    headerRow: 1,
    fields: {
      date: [0, 'Activity Date'],
      rep: [1, 'Owner'],
      type: [2, 'Activity Type'],
      customer: [3, 'Company'],
      outcome: [4, 'Outcome'],
    },
  },
  campaigns: {
    sheet: 'campaigns',
    headerRow: 1,
    fields: {
      name: [0, 'Campaign'],
      type: [1, 'Channel'],
      cost: [2, 'Cost'],
      start: [3, 'Start Date'],
      end: [4, 'End Date'],
    },
  },
  targets: {
    sheet: 'targets',
    headerRow: 1,
    fields: { rep: [0, 'Rep'], period: [1, 'Month'], target: [2, 'Quota'] },
  },
  feedback: {
    sheet: 'feedback',
    headerRow: 1,
    fields: { date: [0, 'Date'], rep: [1, 'Rep'], score: [2, 'Score'], comment: [3, 'Comment'] },
  },
};

const STATUS_FR = {
  won: ['Gagné'],
  lost: ['Perdu'],
  open: ['Prospection', 'Qualification', 'Proposition', 'Négociation'],
  stageOrder: ['Prospection', 'Qualification', 'Proposition', 'Négociation', 'Gagné', 'Perdu'],
};
const STATUS_EN = {
  won: ['Closed Won'],
  lost: ['Closed Lost'],
  open: ['Appointment Scheduled', 'Qualified To Buy', 'Presentation Scheduled', 'Contract Sent'],
  stageOrder: [
    'Appointment Scheduled',
    'Qualified To Buy',
    'Presentation Scheduled',
    'Contract Sent',
    'Closed Won',
    'Closed Lost',
  ],
};

const workbooks = [
  ['fr typed', () => typed('fr', fr), fr, EXPECTED_FR, STATUS_FR],
  ['fr all-text', () => allText('fr'), fr, EXPECTED_FR, STATUS_FR],
  ['en typed', () => typed('en', en), en, EXPECTED_EN, STATUS_EN],
  ['en all-text', () => allText('en'), en, EXPECTED_EN, STATUS_EN],
] as const;

describe.each(workbooks)('the %s sample workbook', (_name, load, context, expected, status) => {
  const detection = detectWorkbook(load(), context);

  it('maps every entity, field by field, with no correction', () => {
    expect(summary(detection)).toEqual(expected);
    expect(detection.unusedSheets).toEqual([]);
  });

  it('matches every header by an exact synonym, with full confidence', () => {
    for (const guess of Object.values(detection.entities)) {
      expect(guess!.missing).toEqual([]);
      expect(guess!.sheetNameMatch).toBe(true);
      for (const match of Object.values(guess!.fields)) {
        expect(match.level).toBe('exact');
        expect(match.confidence).toBe(1);
      }
    }
  });

  it('proposes the won and lost sets and the stage order', () => {
    expect(detection.status).toMatchObject(status);
  });

  it('detects a 1–5 feedback scale', () => {
    expect(detection.feedbackScale).toBe('1-5');
  });

  it('gives a mapping that the saved-mapping schema accepts', () => {
    const mapping = mappingFromDetection(detection);
    expect(mapping).toBeDefined();
    const parsed = parseMapping(JSON.parse(JSON.stringify(mapping)));
    expect(parsed).toEqual({ ok: true, mapping });
    expect(Object.keys(mapping!.entities).sort()).toEqual(Object.keys(expected).sort());
    expect(mapping!.feedbackScale).toBe('1-5');
  });
});

describe('preview problems', () => {
  it('lists the unparseable amount of the French sample with its sheet row', () => {
    for (const sheets of [typed('fr', fr), allText('fr')]) {
      expect(detectWorkbook(sheets, fr).problems).toEqual([
        {
          entity: 'deals',
          sheet: 'affaires',
          field: 'amount',
          header: 'Montant HT',
          sheetRow: 19,
          value: '"n/c"',
          reason: 'notANumber',
        },
      ]);
    }
  });

  it('finds none in the English sample', () => {
    expect(detectWorkbook(typed('en', en), en).problems).toEqual([]);
    expect(detectWorkbook(allText('en'), en).problems).toEqual([]);
  });

  it('names bad dates and probabilities', () => {
    const sheet = {
      name: 'Deals',
      values: [
        ['Status', 'Amount', 'Close date', 'Probability'],
        ['Won', '100', '2024-02-30', '0.5'],
        ['Open', 'n/a', '2024-03-01', '150%'],
        ['Lost', '50', 'soon', 'high'],
        ['Won', '70', '2024-03-02', '1'],
        ['Won', '80', '2024-03-03', '1'],
        ['Won', '90', '2024-03-04', '1'],
        ['Won', '90', '2024-03-04', '1'],
      ],
    };
    const reasons = detectWorkbook([sheet], en).problems.map((p) => [
      p.sheetRow,
      p.field,
      p.reason,
    ]);
    expect(reasons).toEqual([
      [2, 'closed', 'notADate'],
      [3, 'amount', 'notANumber'],
      [3, 'probability', 'notAProbability'],
      [4, 'closed', 'notADate'],
      [4, 'probability', 'notAProbability'],
    ]);
  });
});

describe('detection beyond the samples', () => {
  it('ignores sheet order and finds renamed sheets by their columns', () => {
    const sheets = typed('en', en)
      .reverse()
      .map((s, i) => ({ ...s, name: `Sheet${i + 1}` }));
    const detection = detectWorkbook(sheets, en);
    const bySheet = Object.fromEntries(
      Object.entries(detection.entities).map(([entity, g]) => [entity, g!.sheet]),
    );
    // reversed: targets, feedback, deals, campaigns, activities
    expect(bySheet).toEqual({
      targets: 'Sheet1',
      feedback: 'Sheet2',
      deals: 'Sheet3',
      campaigns: 'Sheet4',
      activities: 'Sheet5',
    });
  });

  it('finds the header row below a title and blank rows', () => {
    const values = [
      ['Suivi des affaires 2025', '', ''],
      ['', '', ''],
      ['Client', 'Statut', 'Montant'],
      ['ACME', 'Gagné', '1 200,00 €'],
      ['Globex', 'Perdu', '300'],
    ];
    expect(findHeaderRow(values)).toBe(2);
    const detection = detectWorkbook([{ name: 'Feuille 1', values }], fr);
    expect(detection.entities.deals?.headerRow).toBe(3);
    expect(detection.entities.deals?.fields.amount.column).toBe(2);
  });

  it('reports an incomplete deals sheet rather than guessing wildly', () => {
    const values = [
      ['Client', 'Commentaire'],
      ['ACME', 'ok'],
    ];
    const detection = detectWorkbook([{ name: 'Affaires', values }], fr);
    expect(detection.entities.deals?.missing).toEqual(['status', 'amount']);
    expect(mappingFromDetection(detection)).toBeUndefined();
  });

  it('leaves an empty sheet unused', () => {
    const detection = detectWorkbook([{ name: 'Vide', values: [] }], fr);
    expect(detection.entities).toEqual({});
    expect(detection.unusedSheets).toEqual(['Vide']);
  });
});
