/**
 * The add-on where Apps Script is stricter than a plain run: onOpen in AuthMode.NONE,
 * document services that are null outside a document, flush before unlock, and which
 * tab the user lands on. Run from the built dist/Code.js against the emulator.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Emulator, MenuEntry } from '../../emulator/index';
import { RECIPES } from '../../scripts/reference';
import { FUNCTIONS } from '../../src/functions/registry';
import type { MappingState } from '../../src/server/types';
import { errorOf, execution, ROOT, sampleEmulator, SIDEBAR_HTML } from './harness';

function captions(emulator: Emulator): string[] {
  return (emulator.ui.addonMenu?.items ?? [])
    .filter((item): item is Extract<MenuEntry, { type: 'item' }> => item.type === 'item')
    .map((item) => item.caption);
}

describe('onOpen and onInstall', () => {
  it.each(['fr', 'en'] as const)(
    'in AuthMode.NONE (%s) call nothing but the menu and the user locale',
    (sample) => {
      const emulator = sampleEmulator(sample);
      const run = execution(emulator);
      emulator.calls.reset();
      run.runAs('NONE', 'onOpen', emulator.openEvent('NONE'));
      expect(emulator.refused).toEqual([]);
      expect(Object.keys(emulator.calls.byMethod)).toEqual([
        'Menu.addItem',
        'Menu.addSeparator',
        'Menu.addToUi',
        'Session.getActiveUserLocale',
        'SpreadsheetApp.getUi',
        'Ui.createAddonMenu',
      ]);
      expect(captions(emulator)).toHaveLength(4);
    },
  );

  it('names the menu in the user’s language in NONE, the spreadsheet’s otherwise', () => {
    const emulator = sampleEmulator('fr', { userLocale: 'en_GB' });
    const run = execution(emulator);
    run.runAs('NONE', 'onOpen', emulator.openEvent('NONE'));
    expect(captions(emulator)[0]).toBe('Map my columns');
    run.runAs('LIMITED', 'onOpen', emulator.openEvent('LIMITED'));
    expect(captions(emulator)[0]).toBe('Associer mes colonnes');
  });

  it('onInstall builds the same menu through onOpen, in any mode', () => {
    const emulator = sampleEmulator('en');
    execution(emulator).runAs('NONE', 'onInstall', emulator.openEvent('NONE'));
    expect(emulator.refused).toEqual([]);
    expect(captions(emulator)).toEqual([
      'Map my columns',
      'Generate KPI summary',
      'Function reference',
      'About',
    ]);
  });

  it('run from the editor (no event) reads the spreadsheet locale', () => {
    const emulator = sampleEmulator('fr', { userLocale: 'en' });
    execution(emulator).run('onOpen');
    expect(captions(emulator)[0]).toBe('Associer mes colonnes');
  });
});

describe('outside a containing document', () => {
  it('generateSummary says the document lock is missing and writes nothing', () => {
    const emulator = sampleEmulator('en', { documentServices: { lock: false } });
    const before = emulator.workbook.sheets.map((s) => s.name);
    const result = execution(emulator).call<{ ok: boolean; message: string; error: unknown }>(
      'generateSummary',
      { today: '2026-11-15' },
    );
    expect(result.ok).toBe(false);
    expect(result.message).toBe(
      'The KPI summary was not written: the document lock is not available here (open the spreadsheet and use Extensions → Sales KPI, not the script editor).',
    );
    expect(result.error).toMatchObject({ kind: 'noDocument' });
    expect(emulator.workbook.sheets.map((s) => s.name)).toEqual(before);
  });

  it('saveMapping says the document properties are missing (French), not a TypeError', () => {
    const emulator = sampleEmulator('fr');
    const run = execution(emulator);
    const state = run.call<MappingState>('getMappingState');
    emulator.documentServices.properties = false;
    const message = errorOf(() => run.call('saveMapping', state.draft));
    expect(message).toMatch(/^L’association n’a pas été enregistrée/);
    expect(message).toContain('les propriétés du document ne sont pas disponibles ici');
    expect(message).not.toMatch(/TypeError|null/);
  });

  it('saveMapping and resetMapping say the document lock is missing', () => {
    const emulator = sampleEmulator('en');
    const run = execution(emulator);
    const state = run.call<MappingState>('getMappingState');
    emulator.documentServices.lock = false;
    for (const call of [
      () => run.call('saveMapping', state.draft),
      () => run.call('resetMapping'),
    ]) {
      const message = errorOf(call);
      expect(message).toContain('the document lock is not available here');
      expect(message).not.toMatch(/TypeError|null/);
    }
    expect(emulator.properties.document.size).toBe(0);
  });
});

describe('under the document lock', () => {
  it('generateSummary and saveMapping flush before releasing the lock', () => {
    const emulator = sampleEmulator('en');
    const run = execution(emulator);
    emulator.calls.reset();
    run.call('generateSummary', { today: '2026-11-15' });
    const state = run.call<MappingState>('getMappingState');
    run.call('saveMapping', state.draft);
    run.call('resetMapping');
    const log = emulator.calls.log.filter(
      (m) => m === 'SpreadsheetApp.flush' || m === 'Lock.releaseLock' || m === 'Lock.tryLock',
    );
    expect(log).toEqual([
      'Lock.tryLock',
      'SpreadsheetApp.flush',
      'Lock.releaseLock',
      'Lock.tryLock',
      'SpreadsheetApp.flush',
      'Lock.releaseLock',
      'Lock.tryLock',
      'SpreadsheetApp.flush',
      'Lock.releaseLock',
    ]);
  });
});

describe('after Generate', () => {
  it.each([
    ['en', 'KPI Overview'],
    ['fr', 'KPI Synthèse'],
  ] as const)('the sidebar’s Generate leaves the overview active (%s)', (sample, overview) => {
    const emulator = sampleEmulator(sample);
    execution(emulator).call('generateSummary', { today: '2026-11-15' });
    expect(emulator.workbook.active.name).toBe(overview);
    // Generating again (tabs rewritten in place) keeps the user on the overview.
    emulator.workbook.active = emulator.workbook.sheets[0];
    execution(emulator).call('generateSummary', { today: '2026-11-15' });
    expect(emulator.workbook.active.name).toBe(overview);
  });
});

describe('KPI_TABLE after the mapping is saved or reset', () => {
  /**
   * The English sample with `=KPI_TABLE(deals!A1:K)` in Report!A1, computed by the
   * bundle in AuthMode.CUSTOM_FUNCTION; the emulator computes it again only when the
   * formula is entered again or the deals change, as Sheets does.
   */
  function withKpiTable() {
    const bundle: { formulas?: ReturnType<typeof execution> } = {};
    let computed = 0;
    const emulator = sampleEmulator('en', {
      formulaEvaluator: (_sheet, _row, _column, formula) => {
        const match = /^=KPI_TABLE\((.+)\)$/.exec(formula);
        const formulas = bundle.formulas;
        if (!match || !formulas) return '#NAME?';
        const values = emulator.workbook.getRange(match[1]).getValues();
        const previous = emulator.authMode;
        emulator.setAuthMode('CUSTOM_FUNCTION');
        try {
          computed++;
          return JSON.stringify((formulas.context.KPI_TABLE as (v: unknown) => unknown)(values));
        } finally {
          emulator.setAuthMode(previous);
        }
      },
    });
    bundle.formulas = execution(emulator);
    const report = emulator.spreadsheet.insertSheet('Report');
    report.getRange('A1').setFormula('=KPI_TABLE(deals!A1:K)');
    const shown = () => emulator.workbook.sheet('Report').valueAt(1, 1) as string;
    return { emulator, shown, computations: () => computed };
  }

  it('shows the new mapping after a save, and the detected one after a reset', () => {
    const { emulator, shown, computations } = withKpiTable();
    const detected = shown();
    expect(detected).toMatch(/^\[\[/);
    expect(shown()).toBe(detected);
    expect(computations()).toBe(1); // kept while nothing changes

    const run = execution(emulator);
    const state = run.call<MappingState>('getMappingState');
    const draft = state.draft;
    // Count the first open stage as won: KPI_TABLE's figures change.
    const stage = draft.status.open[0];
    draft.status.open = draft.status.open.slice(1);
    draft.status.won = [...draft.status.won, stage];
    run.call('saveMapping', draft);
    const saved = shown();
    expect(saved).not.toBe(detected);
    expect(computations()).toBe(2);

    run.call('resetMapping');
    expect(shown()).toBe(detected);
  });

  it('would keep the old figures if the formulas were not entered again', () => {
    const { emulator, shown } = withKpiTable();
    const detected = shown();
    const run = execution(emulator);
    const state = run.call<MappingState>('getMappingState');
    const draft = state.draft;
    draft.status.won = [...draft.status.won, draft.status.open[0]];
    draft.status.open = draft.status.open.slice(1);
    run.call('saveMapping', draft);
    const saved = shown();
    // The same change made behind the add-on's back (properties and cache cleared):
    // the cell keeps its result, since no argument changed.
    emulator.properties.document.clear();
    emulator.execute(() =>
      emulator.globals.CacheService.getDocumentCache()!.removeAll(['sales-kpi-sheets/mapping']),
    );
    expect(shown()).toBe(saved);
    expect(saved).not.toBe(detected);
    // Editing the deals (an argument) recomputes it.
    emulator.workbook.sheet('deals').write(2, 1, 'D-9999');
    expect(shown()).toBe(detected);
  });

  it('reads the mapping from the document cache, not the properties, on recalculation', () => {
    const { emulator, shown } = withKpiTable();
    const run = execution(emulator);
    const state = run.call<MappingState>('getMappingState');
    run.call('saveMapping', state.draft);
    emulator.calls.reset();
    emulator.workbook.sheet('Report').writeFormula(1, 1, '=KPI_TABLE(deals!A1:K)');
    shown();
    expect(emulator.calls.get('Cache.get')).toBe(1);
    expect(emulator.calls.get('Properties.getProperties')).toBe(0);
    expect(emulator.calls.get('PropertiesService.getDocumentProperties')).toBe(0);
  });
});

describe('dialogs and the sidebar', () => {
  const FILES = ['Sidebar.html', 'Reference_en.html', 'Reference_fr.html'];

  it.each(FILES)('%s targets no top window and writes no meta tag of its own', (file) => {
    const html = readFileSync(path.join(ROOT, 'dist', file), 'utf8');
    expect(html).not.toMatch(/<base\b/i);
    expect(html).not.toMatch(/target\s*=\s*["']?_(top|parent)/i);
    expect(html).not.toMatch(/<meta\s[^>]*\bname\s*=/i);
    expect(html).not.toMatch(/window\.top|top\.location|parent\.location/);
  });

  it.each(['Reference_en.html', 'Reference_fr.html'])(
    '%s: every index link points at a section of the page',
    (file) => {
      const html = readFileSync(path.join(ROOT, 'dist', file), 'utf8');
      const links = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
      expect(links.length).toBeGreaterThan(20);
      for (const id of links) expect([id, html.includes(`id="${id}"`)]).toEqual([id, true]);
    },
  );

  it('the sidebar and the reference dialog get the viewport through addMetaTag', () => {
    const reference = readFileSync(path.join(ROOT, 'dist', 'Reference_en.html'), 'utf8');
    const emulator = sampleEmulator('en', {
      files: { Sidebar: readFileSync(SIDEBAR_HTML, 'utf8'), Reference_en: reference },
    });
    const run = execution(emulator);
    run.run('showMappingSidebar');
    run.run('showFunctionReference');
    const viewport = [{ name: 'viewport', content: 'width=device-width, initial-scale=1' }];
    expect(emulator.ui.sidebar?.metaTags).toEqual(viewport);
    expect(emulator.ui.dialogs[0].html.metaTags).toEqual(viewport);
  });
});

describe('examples', () => {
  it('never pass a volatile function (TODAY, NOW, RAND) to a custom function', () => {
    const formulas = [
      ...FUNCTIONS.flatMap((definition) => definition.examples.map((e) => e.formula)),
      ...RECIPES.map((recipe) => recipe.formula),
    ];
    expect(formulas.length).toBeGreaterThan(40);
    const volatile = formulas.filter((f) => /\b(TODAY|NOW|RAND|RANDBETWEEN|RANDARRAY)\(/i.test(f));
    expect(volatile).toEqual([]);
  });
});
