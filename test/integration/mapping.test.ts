/**
 * Issue 3, server side: detection, save, reload, reset and the stored mapping's failure
 * modes, run from the built dist/Code.js against the emulator, for both sample
 * workbooks. Calls go through JSON, as google.script.run carries them.
 */
import type { Emulator } from '../../emulator/index';
import type { DraftMapping, MappingState } from '../../src/server/types';
import type { SampleName } from './harness';
import { errorOf, execution, mappingProperties, sampleEmulator, sampleSheets } from './harness';

const VALUE_LIMIT = 9 * 1024;

const EXPECTED = {
  fr: {
    language: 'fr',
    sheets: {
      deals: 'affaires',
      activities: 'activites',
      campaigns: 'campagnes',
      targets: 'objectifs',
      feedback: 'ressenti',
    },
    headers: { status: 'Étape', amount: 'Montant HT', closed: 'Date de signature' },
    won: 'Gagné',
    lost: 'Perdu',
    open: ['Prospection', 'Qualification', 'Proposition', 'Négociation'],
  },
  en: {
    language: 'en',
    sheets: {
      deals: 'deals',
      activities: 'activities',
      campaigns: 'campaigns',
      targets: 'targets',
      feedback: 'feedback',
    },
    headers: { status: 'Deal Stage', amount: 'Amount', closed: 'Close Date' },
    won: 'Closed Won',
    lost: 'Closed Lost',
    open: ['Appointment Scheduled', 'Qualified To Buy', 'Presentation Scheduled', 'Contract Sent'],
  },
} as const;

function stateOf(emulator: Emulator): MappingState {
  return execution(emulator).call<MappingState>('getMappingState');
}

function classOf(state: MappingState, label: string): string | undefined {
  return state.analysis.statuses.find((s) => s.label === label)?.class;
}

describe.each(['fr', 'en'] as const)('%s sample workbook', (sample: SampleName) => {
  const expected = EXPECTED[sample];

  it('detects sheets, header rows, columns, statuses and problems, reading each sheet once', () => {
    const emulator = sampleEmulator(sample);
    const run = execution(emulator);
    emulator.calls.reset();
    const state = run.call<MappingState>('getMappingState');

    const sheetCount = emulator.workbook.sheets.length;
    expect(emulator.calls.get('Range.getValues')).toBe(sheetCount);
    expect(emulator.calls.get('Sheet.getDataRange')).toBe(sheetCount);

    expect(state.language).toBe(expected.language);
    expect(state.source).toBe('detected');
    expect(state.notices).toEqual([]);
    expect(state.sheets.map((s) => s.name).sort()).toEqual(Object.values(expected.sheets).sort());
    for (const sheet of state.sheets) expect(sheet.headerRow).toBe(1);

    for (const [entity, sheet] of Object.entries(expected.sheets)) {
      expect(state.draft.entities[entity as keyof typeof expected.sheets]?.sheet).toBe(sheet);
      expect(state.detected[entity as keyof typeof expected.sheets]?.missing).toEqual([]);
    }
    const deals = state.detected.deals!;
    for (const [field, header] of Object.entries(expected.headers)) {
      expect(deals.fields[field]).toMatchObject({ header, level: 'exact' });
      expect(deals.fields[field].confidence).toBeGreaterThanOrEqual(0.8);
    }

    expect(classOf(state, expected.won)).toBe('won');
    expect(classOf(state, expected.lost)).toBe('lost');
    expect(state.analysis.statuses.filter((s) => s.class === 'open').map((s) => s.label)).toEqual(
      expected.open,
    );
    expect(state.draft.status.stageOrder).toEqual([...expected.open, expected.won, expected.lost]);
    expect(state.draft.feedbackScale).toBe('1-5');
    expect(state.draft.settings).toEqual({ period: 'month', fiscalYearStartMonth: 1 });

    const preview = state.analysis.preview.find((p) => p.entity === 'deals')!;
    expect(preview.rows).toHaveLength(5);
    expect(preview.rows[0].sheetRow).toBe(2);
    expect(preview.rows[0].cells[preview.fields.indexOf('closed')].kind).toBe('date');
    expect(preview.rows[0].cells[preview.fields.indexOf('amount')].kind).toBe('number');
  });

  it('saves a corrected mapping that a new execution reads back, and resets to detection', () => {
    const emulator = sampleEmulator(sample);
    const detected = stateOf(emulator);
    const draft: DraftMapping = JSON.parse(JSON.stringify(detected.draft));
    const [first, second, third, fourth] = expected.open;
    // The user: third stage means lost, the first two come the other way round, there is
    // no probability column, and the summary is quarterly from April.
    draft.status = {
      won: [expected.won],
      lost: [expected.lost, third],
      open: [second, first, fourth],
      stageOrder: [second, first, fourth, expected.won, expected.lost, third],
    };
    delete draft.entities.deals!.fields.probability;
    draft.settings = { period: 'quarter', fiscalYearStartMonth: 4 };

    const run = execution(emulator);
    emulator.calls.reset();
    const saved = run.call<MappingState>('saveMapping', draft);
    expect(emulator.calls.get('Range.getValues')).toBe(emulator.workbook.sheets.length);
    expect(saved.source).toBe('saved');
    expect(saved.notices).toEqual([]);
    expect(Date.parse(saved.savedAt!)).not.toBeNaN();
    expect(classOf(saved, third)).toBe('lost');

    const stored = mappingProperties(emulator);
    expect(stored.has('kpiMapping')).toBe(true);
    for (const value of stored.values()) {
      expect(Buffer.byteLength(value)).toBeLessThanOrEqual(VALUE_LIMIT);
    }

    // A later execution (the sidebar opened again, or the summary) reads the same mapping.
    const reloaded = stateOf(emulator);
    expect(reloaded.source).toBe('saved');
    expect(reloaded.draft).toEqual(saved.draft);
    expect(reloaded.draft.entities.deals!.fields.probability).toBeUndefined();
    expect(reloaded.draft.entities.deals!.fields.amount).toEqual({
      header: expected.headers.amount,
      index: 5,
    });
    expect(reloaded.draft.settings).toEqual({ period: 'quarter', fiscalYearStartMonth: 4 });
    expect(reloaded.draft.status.stageOrder).toEqual([
      second,
      first,
      fourth,
      expected.won,
      expected.lost,
      third,
    ]);
    expect(reloaded.analysis.statuses.map((s) => [s.label, s.class])).toEqual([
      [second, 'open'],
      [first, 'open'],
      [fourth, 'open'],
      [expected.won, 'won'],
      [expected.lost, 'lost'],
      [third, 'lost'],
    ]);

    const reset = execution(emulator).call<MappingState>('resetMapping');
    expect(reset.source).toBe('detected');
    expect(reset.draft).toEqual(detected.draft);
    expect(mappingProperties(emulator).size).toBe(0);
    expect(stateOf(emulator).source).toBe('detected');
  });
});

describe('problems in the preview', () => {
  it('names the unparseable amount of the French sample with its sheet row', () => {
    const sheets = sampleSheets('fr');
    const deals = sheets.find((s) => s.name === 'affaires')!;
    const state = stateOf(sampleEmulator('fr', { sheets }));
    const preview = state.analysis.preview.find((p) => p.entity === 'deals')!;
    expect(preview.problems).toContainEqual({
      field: 'amount',
      header: 'Montant HT',
      sheetRow: 19,
      value: '"n/c"',
      reason: 'notANumber',
    });
    expect(deals.values[19 - 1][5]).toBe('n/c');
  });

  it('names unparseable dates too', () => {
    const sheets = sampleSheets('en');
    const deals = sheets.find((s) => s.name === 'deals')!;
    deals.values[4][8] = 'next week';
    const state = stateOf(sampleEmulator('en', { sheets }));
    const preview = state.analysis.preview.find((p) => p.entity === 'deals')!;
    expect(preview.problems).toContainEqual(
      expect.objectContaining({
        field: 'closed',
        sheetRow: 5,
        value: '"next week"',
        reason: 'notADate',
      }),
    );
  });
});

describe('a stored mapping that cannot be used', () => {
  const valid = () => {
    const emulator = sampleEmulator('fr');
    execution(emulator).call('saveMapping', stateOf(emulator).draft);
    return JSON.parse(mappingProperties(emulator).get('kpiMapping.0')!) as Record<string, unknown>;
  };

  function store(emulator: Emulator, json: string): void {
    emulator.properties.document.set('kpiMapping', JSON.stringify({ n: 1, len: json.length }));
    emulator.properties.document.set('kpiMapping.0', json);
  }

  it.each([
    ['bad JSON', () => '{"version":1,"entities":', 'invalidJson', /illisible/],
    [
      'an unknown version',
      () => JSON.stringify({ ...valid(), version: 7 }),
      'unknownVersion',
      /autre version/,
    ],
    [
      'a failed validation',
      () =>
        JSON.stringify({ ...valid(), settings: { period: 'fortnight', fiscalYearStartMonth: 13 } }),
      'invalid',
      /n’est pas valide/,
    ],
  ])('with %s: says what is wrong and falls back to detection', (_, json, kind, message) => {
    const emulator = sampleEmulator('fr');
    const detected = stateOf(emulator);
    store(emulator, json());
    const state = stateOf(emulator);
    expect(state.source).toBe('detected');
    expect(state.notices).toHaveLength(1);
    expect(state.notices[0].kind).toBe(kind);
    expect(state.notices[0].message).toMatch(message);
    expect(state.draft).toEqual(detected.draft);
    if (kind === 'unknownVersion') expect(state.notices[0].detail).toMatch(/version 7/);
    if (kind === 'invalid')
      expect(state.notices[0].detail).toMatch(/settings\.(period|fiscalYearStartMonth)/);
  });

  it('with a missing chunk (an interrupted save): says so and falls back to detection', () => {
    const emulator = sampleEmulator('en');
    emulator.properties.document.set('kpiMapping', JSON.stringify({ n: 3, len: 20000 }));
    emulator.properties.document.set('kpiMapping.0', '{"version":1');
    const state = stateOf(emulator);
    expect(state.notices.map((n) => n.kind)).toEqual(['incomplete']);
    expect(state.notices[0].message).toMatch(/interrupted/);
    expect(state.source).toBe('detected');
  });

  it('is replaced by the next save', () => {
    const emulator = sampleEmulator('en');
    store(emulator, 'not json at all');
    const broken = stateOf(emulator);
    expect(broken.notices[0].kind).toBe('invalidJson');
    const saved = execution(emulator).call<MappingState>('saveMapping', broken.draft);
    expect(saved.notices).toEqual([]);
    expect(stateOf(emulator).source).toBe('saved');
  });

  it('names a mapped sheet that no longer exists', () => {
    const emulator = sampleEmulator('en');
    execution(emulator).call('saveMapping', stateOf(emulator).draft);
    const raw = emulator.workbook.sheet('campaigns');
    emulator.workbook.deleteSheet(raw as never);
    const state = stateOf(emulator);
    expect(state.source).toBe('saved');
    expect(state.notices.map((n) => n.kind)).toEqual(['missingSheet']);
    expect(state.notices[0].message).toContain('“campaigns”');
    const preview = state.analysis.preview.find((p) => p.entity === 'campaigns')!;
    expect(preview.error).toBe('sheetMissing');
  });
});

describe('an oversized mapping', () => {
  it('is split into chunks of at most 9 KB, read back whole, and shrinks cleanly', () => {
    const emulator = sampleEmulator('fr');
    const draft = stateOf(emulator).draft;
    const stages = Array.from(
      { length: 2500 },
      (_, i) => `Étape n° ${i + 1} — relance après rendez-vous téléphonique`,
    );
    const big: DraftMapping = {
      ...draft,
      status: { ...draft.status, open: stages, stageOrder: [...stages, 'Gagné', 'Perdu'] },
    };
    execution(emulator).call('saveMapping', big);

    const stored = mappingProperties(emulator);
    expect(stored.size).toBeGreaterThan(10);
    for (const value of stored.values()) {
      expect(Buffer.byteLength(value)).toBeLessThanOrEqual(VALUE_LIMIT);
    }
    const reloaded = stateOf(emulator);
    expect(reloaded.source).toBe('saved');
    expect(reloaded.draft.status.stageOrder).toEqual([...stages, 'Gagné', 'Perdu']);

    execution(emulator).call('saveMapping', draft);
    const keys = [...mappingProperties(emulator).keys()].sort();
    const { n } = JSON.parse(mappingProperties(emulator).get('kpiMapping')!) as { n: number };
    expect(keys).toEqual(
      ['kpiMapping', ...Array.from({ length: n }, (_, i) => `kpiMapping.${i}`)].sort(),
    );
    expect(stateOf(emulator).draft.status.stageOrder).toEqual(draft.status.stageOrder);
  });

  it('that would not fit the document properties is refused with a clear error', () => {
    const emulator = sampleEmulator('en');
    const draft = stateOf(emulator).draft;
    const stages = Array.from({ length: 12000 }, (_, i) => `Stage ${i} with a rather long label`);
    const run = execution(emulator);
    const message = errorOf(() =>
      run.call('saveMapping', {
        ...draft,
        status: { ...draft.status, open: stages, stageOrder: stages },
      }),
    );
    expect(message).toMatch(
      /^The mapping was not saved: the mapping is too large to store \(\d+ KB, the limit is 400 KB\)\.$/,
    );
    expect(mappingProperties(emulator).size).toBe(0);
  });
});

describe('saveMapping with invalid input', () => {
  let emulator: Emulator;
  let draft: DraftMapping;
  beforeEach(() => {
    emulator = sampleEmulator('en');
    draft = stateOf(emulator).draft;
  });
  const save = (input: unknown) => errorOf(() => execution(emulator).call('saveMapping', input));

  it.each([
    ['not an object', 'hello'],
    ['an empty object', {}],
    ['a column index that is not a number', 'badIndex'],
    ['an unknown entity', 'badEntity'],
  ])('refuses %s, saying the sidebar sent an unexpected value', (_, input) => {
    let value: unknown = input;
    if (input === 'badIndex') {
      value = JSON.parse(JSON.stringify(draft));
      (value as DraftMapping).entities.deals!.fields.amount = {
        header: 'Amount',
        index: 'F' as never,
      };
    } else if (input === 'badEntity') {
      value = { ...draft, entities: { ...draft.entities, invoices: draft.entities.deals } };
    }
    expect(save(value)).toMatch(
      /^The mapping was not saved: the sidebar sent an unexpected value \(.+\)\.$/,
    );
    expect(mappingProperties(emulator).size).toBe(0);
  });

  it('names a missing required column in words', () => {
    delete draft.entities.deals!.fields.amount;
    delete draft.entities.targets!.fields.period;
    expect(save(draft)).toBe(
      'The mapping was not saved: Deals: choose a column for Amount; Targets: choose a column for Period.',
    );
  });

  it('names a sheet that does not exist, a column used twice and a status both won and lost', () => {
    draft.entities.campaigns!.sheet = 'Campaigns 2019';
    draft.entities.deals!.fields.cost = { header: 'Amount', index: 5 };
    draft.status.lost.push('closed won');
    expect(save(draft)).toBe(
      'The mapping was not saved: Deals: Amount and Cost use the same column (F); ' +
        'Campaigns: there is no sheet named “Campaigns 2019”; the status “closed won” cannot be both won and lost.',
    );
  });

  it('requires deals, in the language of the spreadsheet', () => {
    const fr = sampleEmulator('fr');
    const frDraft = stateOf(fr).draft;
    delete frDraft.entities.deals;
    expect(errorOf(() => execution(fr).call('saveMapping', frDraft))).toBe(
      'L’association n’a pas été enregistrée : choisissez la feuille qui contient vos affaires.',
    );
  });

  it('leaves the saved mapping untouched', () => {
    execution(emulator).call('saveMapping', draft);
    const before = new Map(mappingProperties(emulator));
    delete draft.entities.deals!.fields.status;
    expect(save(draft)).toMatch(/choose a column for Status/);
    expect(mappingProperties(emulator)).toEqual(before);
  });
});

describe('previewMapping and matchSheet (the sidebar’s edits before saving)', () => {
  it('previews another status column, keeping the classes of known statuses', () => {
    const emulator = sampleEmulator('en');
    const draft = stateOf(emulator).draft;
    draft.entities.deals!.fields.status = { header: 'Lead Source', index: 9 };
    emulator.calls.reset();
    const analysis = execution(emulator).call<MappingState['analysis']>('previewMapping', draft);
    // Only the mapped sheets are read.
    expect(emulator.calls.get('Range.getValues')).toBe(5);
    const labels = analysis.statuses.map((s) => s.label);
    expect(labels).toEqual(expect.arrayContaining(['Website', 'Cold call', 'Word of mouth']));
    expect(analysis.statuses.find((s) => s.label === 'Website')).toMatchObject({ class: 'open' });
    // Statuses the mapping knows but the column does not hold are kept, with no rows.
    expect(analysis.statuses.find((s) => s.label === 'Closed Won')).toEqual({
      label: 'Closed Won',
      count: 0,
      class: 'won',
    });
    expect(mappingProperties(emulator).size).toBe(0);
  });

  it('matches the fields of an entity on the sheet the user picks', () => {
    const emulator = sampleEmulator('fr');
    const run = execution(emulator);
    const match = run.call<{
      sheet: string;
      headerRow: number;
      fields: Record<string, { header: string }>;
    }>('matchSheet', 'targets', 'objectifs');
    expect(match.sheet).toBe('objectifs');
    expect(match.headerRow).toBe(1);
    expect(match.fields.period.header).toBe('Mois');
    expect(match.fields.target.header).toBe('Objectif CA');
    expect(execution(emulator).call('matchSheet', 'targets', 'no such sheet')).toBeNull();
    expect(errorOf(() => execution(emulator).call('matchSheet', 'invoices', 'objectifs'))).toMatch(
      /valeur inattendue/,
    );
  });
});

describe('the summary tabs', () => {
  it('are neither offered nor read as data', () => {
    const emulator = sampleEmulator('fr');
    for (const [name, id] of [
      ['Activités', 'activities'],
      ['Synthèse KPI', 'overview'],
    ]) {
      const tab = emulator.spreadsheet.insertSheet(name);
      tab.getRange(1, 1, 2, 3).setValues([
        ['Date', 'Commercial', 'Note'],
        ['01/01/2025', 'Total', '3'],
      ]);
      tab.addDeveloperMetadata(
        'sales-kpi:tab',
        id,
        emulator.globals.SpreadsheetApp.DeveloperMetadataVisibility.PROJECT,
      );
    }
    const run = execution(emulator);
    emulator.calls.reset();
    const state = run.call<MappingState>('getMappingState');
    expect(state.sheets.map((s) => s.name)).not.toContain('Activités');
    expect(state.sheets).toHaveLength(5);
    expect(emulator.calls.get('Range.getValues')).toBe(5);
    expect(state.draft.entities.activities?.sheet).toBe('activites');
    expect(state.draft.entities.feedback?.sheet).toBe('ressenti');
  });
});
