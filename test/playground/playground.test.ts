/**
 * The playground end to end in headless Chromium: the page, the add-on menu, the real
 * sidebar saving through google.script.run, the generated summary tabs with their
 * charts drawn, the example formulas (checked against the bundle called directly),
 * editing cells and dropping a CSV. Screenshots go to test-artifacts/, and the summary
 * one to docs/playground.png by `npm run screenshots`.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describeInChromium, launchChromium } from '../../scripts/lib/chromium';
import { parseA1 } from '../../emulator/a1';
import { formatValue } from '../../emulator/format';
import { loadCsvFolder, typeUserEntered } from '../../emulator/importCsv';
import { DEFAULT_FOLDER, startPlayground, type Playground } from '../../playground/server';
import { FUNCTIONS } from '../../src/functions/registry';
import {
  fakeAppsScript,
  formula,
  inContext,
  loadBundle,
  makeDate,
  type BundleContext,
} from '../support/loadBundle';

const ROOT = path.resolve(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const LOCALE = 'fr_FR';
const TIME_ZONE = 'Europe/Paris';

/** What a cell of the page shows. */
interface PageCell {
  text: string;
  value?: string;
  error?: string;
  title: string;
}

/** Typed cell contents replacing the sample's: tab → A1 → text as typed. */
type Edits = Record<string, Record<string, string>>;

/**
 * The sample, typed as Sheets imports it, and the bundle loaded on its own (no
 * emulator, no playground): what each example formula must show.
 */
class Direct {
  readonly context: BundleContext;
  private readonly tabs = new Map<string, unknown[][]>();

  constructor(edits: Edits, documentProperties: Record<string, string>) {
    this.context = loadBundle({
      globals: fakeAppsScript({ locale: LOCALE, timeZone: TIME_ZONE, documentProperties }).globals,
    });
    for (const tab of loadCsvFolder(DEFAULT_FOLDER, {
      locale: LOCALE,
      timeZone: TIME_ZONE,
    })) {
      // A tab has at least 1 000 rows; open-ended ranges run to its last row.
      const rows = tab.values.map((row) => [...row]);
      while (rows.length < 1000) rows.push(rows[0].map(() => ''));
      for (const [a1, typed] of Object.entries(edits[tab.name] ?? {})) {
        const { row, column } = parseA1(a1);
        rows[row - 1][column - 1] = typeUserEntered(typed, LOCALE, TIME_ZONE).value;
      }
      this.tabs.set(tab.name, rows);
    }
  }

  /** `affaires!E2:E`. */
  column(tab: string, letter: string): unknown[][] {
    const index = letter.charCodeAt(0) - 65;
    return inContext(
      this.context,
      this.tabs
        .get(tab)!
        .slice(1)
        .map((row) => [row[index]]),
    );
  }

  /** `objectifs!C2:C7`. */
  rows(tab: string, letter: string, first: number, last: number): unknown[][] {
    return this.column(tab, letter).slice(first - 2, last - 1);
  }

  /** `affaires!A1:K`. */
  table(tab: string, lastLetter: string): unknown[][] {
    const width = lastLetter.charCodeAt(0) - 64;
    return inContext(
      this.context,
      this.tabs.get(tab)!.map((row) => row.slice(0, width)),
    );
  }

  date(year: number, month: number, day: number): Date {
    return makeDate(this.context, year, month, day, TIME_ZONE);
  }

  call(name: string, ...args: unknown[]): unknown {
    return formula(this.context, name)(...args);
  }
}

/** Each example of the French sample: its formula text, and the same call made directly. */
const EXAMPLES: { name: string; formula: string; direct: (d: Direct) => unknown }[] = [
  {
    name: 'WIN_RATE',
    formula: '=WIN_RATE(affaires!E2:E)',
    direct: (d) => d.call('WIN_RATE', d.column('affaires', 'E')),
  },
  {
    name: 'CONVERSION_RATE',
    formula: '=CONVERSION_RATE(affaires!E2:E; "Gagné")',
    direct: (d) => d.call('CONVERSION_RATE', d.column('affaires', 'E'), 'Gagné'),
  },
  ...(['RETENTION_RATE', 'CHURN_RATE'] as const).map((name) => ({
    name,
    formula: `=${name}(affaires!C2:C; affaires!I2:I; DATE(2026; 1; 1); DATE(2026; 12; 31); affaires!E2:E)`,
    direct: (d: Direct) =>
      d.call(
        name,
        d.column('affaires', 'C'),
        d.column('affaires', 'I'),
        d.date(2026, 1, 1),
        d.date(2026, 12, 31),
        d.column('affaires', 'E'),
      ),
  })),
  {
    name: 'REPEAT_CUSTOMER_RATE',
    formula: '=REPEAT_CUSTOMER_RATE(affaires!C2:C; affaires!E2:E)',
    direct: (d) =>
      d.call('REPEAT_CUSTOMER_RATE', d.column('affaires', 'C'), d.column('affaires', 'E')),
  },
  ...(['MARGIN_RATE', 'MARKUP_RATE', 'MARGIN'] as const).map((name) => ({
    name,
    formula: `=${name}(affaires!F2:F; affaires!G2:G)`,
    direct: (d: Direct) => d.call(name, d.column('affaires', 'F'), d.column('affaires', 'G')),
  })),
  {
    name: 'QUOTA_ATTAINMENT',
    formula: '=QUOTA_ATTAINMENT(REVENUE(affaires!F2:F; affaires!E2:E); objectifs!C2:C)',
    direct: (d) =>
      d.call(
        'QUOTA_ATTAINMENT',
        d.call('REVENUE', d.column('affaires', 'F'), d.column('affaires', 'E')),
        d.column('objectifs', 'C'),
      ),
  },
  {
    name: 'GROWTH_RATE',
    formula: '=GROWTH_RATE(objectifs!C8:C13; objectifs!C2:C7)',
    direct: (d) =>
      d.call('GROWTH_RATE', d.rows('objectifs', 'C', 8, 13), d.rows('objectifs', 'C', 2, 7)),
  },
  {
    name: 'NPS',
    // The sample's scores are 1–5, so the example uses literal 0–10 scores:
    // 3 promoters (10, 9, 10) − 1 detractor (3), over 5 scores, × 100.
    formula: '=NPS({10;9;7;3;10})',
    direct: () => 40,
  },
  ...(
    [
      ['NEW_CUSTOMERS', 2025],
      ['ACTIVE_CUSTOMERS', 2026],
    ] as const
  ).map(([name, year]) => ({
    name,
    formula: `=${name}(affaires!C2:C; affaires!I2:I; DATE(${year}; 1; 1); DATE(${year}; 12; 31); affaires!E2:E)`,
    direct: (d: Direct) =>
      d.call(
        name,
        d.column('affaires', 'C'),
        d.column('affaires', 'I'),
        d.date(year, 1, 1),
        d.date(year, 12, 31),
        d.column('affaires', 'E'),
      ),
  })),
  ...(['REVENUE', 'AVERAGE_DEAL_SIZE'] as const).map((name) => ({
    name,
    formula: `=${name}(affaires!F2:F; affaires!E2:E)`,
    direct: (d: Direct) => d.call(name, d.column('affaires', 'F'), d.column('affaires', 'E')),
  })),
  {
    name: 'PIPELINE_VALUE',
    formula: '=PIPELINE_VALUE(affaires!F2:F; affaires!E2:E; affaires!K2:K)',
    direct: (d) =>
      d.call(
        'PIPELINE_VALUE',
        d.column('affaires', 'F'),
        d.column('affaires', 'E'),
        d.column('affaires', 'K'),
      ),
  },
  {
    name: 'SALES_CYCLE_DAYS',
    formula: '=SALES_CYCLE_DAYS(affaires!H2:H; affaires!I2:I; affaires!E2:E)',
    direct: (d) =>
      d.call(
        'SALES_CYCLE_DAYS',
        d.column('affaires', 'H'),
        d.column('affaires', 'I'),
        d.column('affaires', 'E'),
      ),
  },
  {
    name: 'SALES_VELOCITY',
    formula: '=SALES_VELOCITY(affaires!F2:F; affaires!E2:E; affaires!H2:H; affaires!I2:I)',
    direct: (d) =>
      d.call(
        'SALES_VELOCITY',
        d.column('affaires', 'F'),
        d.column('affaires', 'E'),
        d.column('affaires', 'H'),
        d.column('affaires', 'I'),
      ),
  },
  {
    name: 'REVENUE_PER_REP',
    formula: '=REVENUE_PER_REP(affaires!F2:F; affaires!D2:D; affaires!E2:E)',
    direct: (d) =>
      d.call(
        'REVENUE_PER_REP',
        d.column('affaires', 'F'),
        d.column('affaires', 'D'),
        d.column('affaires', 'E'),
      ),
  },
  {
    name: 'ROI',
    formula: '=ROI(REVENUE(affaires!F2:F; affaires!E2:E); campagnes!C2:C)',
    direct: (d) =>
      d.call(
        'ROI',
        d.call('REVENUE', d.column('affaires', 'F'), d.column('affaires', 'E')),
        d.column('campagnes', 'C'),
      ),
  },
  {
    name: 'CAC',
    formula:
      '=CAC(campagnes!C2:C; NEW_CUSTOMERS(affaires!C2:C; affaires!I2:I; DATE(2025; 1; 1); DATE(2026; 12; 31); affaires!E2:E))',
    direct: (d) =>
      d.call(
        'CAC',
        d.column('campagnes', 'C'),
        d.call(
          'NEW_CUSTOMERS',
          d.column('affaires', 'C'),
          d.column('affaires', 'I'),
          d.date(2025, 1, 1),
          d.date(2026, 12, 31),
          d.column('affaires', 'E'),
        ),
      ),
  },
  {
    name: 'CAMPAIGN_ROI',
    formula:
      '=CAMPAIGN_ROI(affaires!J2:J; affaires!F2:F; affaires!E2:E; campagnes!A2:A; campagnes!C2:C)',
    direct: (d) =>
      d.call(
        'CAMPAIGN_ROI',
        d.column('affaires', 'J'),
        d.column('affaires', 'F'),
        d.column('affaires', 'E'),
        d.column('campagnes', 'A'),
        d.column('campagnes', 'C'),
      ),
  },
  {
    name: 'KPI_TABLE',
    formula: '=KPI_TABLE(affaires!A1:K)',
    direct: (d) => d.call('KPI_TABLE', d.table('affaires', 'K')),
  },
];

const columnLetter = (index: number) => String.fromCharCode(65 + index);

describeInChromium('the playground in Chromium', () => {
  let playground: Playground;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    for (const file of ['Code.js', 'Sidebar.html']) {
      if (!existsSync(path.join(ROOT, 'dist', file))) {
        throw new Error(`dist/${file} is missing: run npm run build`);
      }
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    playground = await startPlayground({ port: 0, today: '2026-11-02' });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR' });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // Nothing may leave 127.0.0.1 (chart.js is served locally, never from a CDN).
    await page.route('**/*', (route) =>
      new URL(route.request().url()).hostname === '127.0.0.1' ||
      route.request().url() === 'about:blank'
        ? route.continue()
        : route.abort(),
    );
    await page.goto(playground.url);
    await page.locator('body[data-version]').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.close();
  });

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  const version = () => page.evaluate(() => Number(document.body.dataset.version));

  /** Waits until the page has drawn a newer version of the workbook than `before`. */
  async function redrawnAfter(before: number): Promise<void> {
    await page.waitForFunction((v) => Number(document.body.dataset.version) > v, before);
  }

  async function openTab(name: string): Promise<void> {
    await page.locator(`.tab[data-sheet="${name}"]`).click();
    await page.waitForFunction((n) => document.body.dataset.sheet === n, name);
  }

  async function cells(): Promise<Record<string, PageCell>> {
    return page.evaluate(() => {
      const out: Record<string, { text: string; value?: string; error?: string; title: string }> =
        {};
      document.querySelectorAll<HTMLTableCellElement>('#grid td[data-a1]').forEach((td) => {
        if (td.textContent === '') return;
        out[td.dataset.a1!] = {
          text: td.textContent ?? '',
          value: td.dataset.value,
          error: td.dataset.error,
          title: td.title,
        };
      });
      return out;
    });
  }

  async function runMenu(caption: string): Promise<void> {
    await page.locator('#menu-extensions').click();
    await page.getByRole('menuitem', { name: /^Sales KPI/ }).hover();
    await page.getByRole('menuitem', { name: caption, exact: true }).click();
  }

  /** Compares every example row of the tab with the bundle called directly. */
  async function checkExamples(edits: Edits): Promise<void> {
    await openTab('Exemples');
    const shown = await cells();
    const session = playground.session;
    const view = session.sheetView('Exemples');
    const direct = new Direct(edits, Object.fromEntries(session.emulator.properties.document));
    const rowOf = new Map<string, number>();
    for (const [a1, cell] of Object.entries(shown)) {
      if (a1.startsWith('A') && /^[A-Z_]+$/.test(cell.text))
        rowOf.set(cell.text, Number(a1.slice(1)));
    }
    // One row per function of the contract, in the order of the registry.
    const listed = [...rowOf.keys()].sort((a, b) => rowOf.get(a)! - rowOf.get(b)!);
    const contract = EXAMPLES.map((example) => example.name);
    expect(listed.filter((name) => contract.includes(name))).toEqual(
      FUNCTIONS.map((definition) => definition.name).filter((name) => contract.includes(name)),
    );
    expect([...contract].sort()).toEqual(listed.filter((name) => contract.includes(name)).sort());
    for (const example of EXAMPLES) {
      const row = rowOf.get(example.name);
      if (row === undefined) throw new Error(`no example row for ${example.name}`);
      const where = `${example.name} (D${row})`;
      expect({ where, formula: shown[`C${row}`]?.text }).toEqual({
        where,
        formula: example.formula,
      });
      let expected: unknown;
      try {
        expected = example.direct(direct);
      } catch (error) {
        const cell = shown[`D${row}`];
        expect({ where, code: cell?.error, title: cell?.title }).toEqual({
          where,
          code: '#ERROR!',
          title: (error as Error).message,
        });
        continue;
      }
      const grid = Array.isArray(expected) ? (expected as unknown[][]) : [[expected]];
      grid.forEach((line, r) =>
        line.forEach((value, c) => {
          const a1 = `${columnLetter(3 + c)}${row + r}`;
          const cell = shown[a1];
          const at = `${where} ${a1}`;
          if (value === '') {
            expect({ at, text: cell?.text ?? '' }).toEqual({ at, text: '' });
          } else if (typeof value === 'number') {
            expect({ at, value: Number(cell?.value) }).toEqual({
              at,
              value: expect.closeTo(value, 9),
            });
            const format = view.styles.numberFormat?.[a1] as string | undefined;
            expect({ at, text: cell?.text }).toEqual({
              at,
              text: formatValue(value, format ?? '', LOCALE, TIME_ZONE),
            });
          } else {
            expect({ at, text: cell?.text }).toEqual({ at, text: String(value) });
          }
        }),
      );
    }
  }

  it('opens on the Exemples tab, each function computed by the bundle itself', async () => {
    expect(await page.locator('#doc-title').textContent()).toBe('playground/sample');
    const tabs = await page.locator('.tab').allTextContents();
    expect(tabs).toEqual([
      'Exemples',
      'activites',
      'affaires',
      'campagnes',
      'objectifs',
      'ressenti',
    ]);
    await checkExamples({});
    // A healthy first screen: the only error is the deliberate, labelled n/c example.
    const shown = await cells();
    const errors = Object.entries(shown).filter(([, cell]) => cell.error);
    expect(errors.map(([a1, cell]) => [a1, cell.error])).toHaveLength(1);
    const [lessonA1, lesson] = errors[0];
    const lessonRow = Number(lessonA1.slice(1));
    expect(shown[`A${lessonRow}`]?.text).toBe('REVENUE avec n/c');
    expect(lesson.title).toMatch(/^REVENUE: .*n\/c/);
    expect(
      Object.values(shown).some((cell) => /n\/c/.test(cell.text) && /délibéré/.test(cell.text)),
    ).toBe(true);
    // Typing an amount over n/c makes it compute: 1 200 won + 500 won.
    const amount = Object.entries(shown).find(
      ([a1, cell]) => a1.startsWith('A') && cell.text === 'n/c',
    )![0];
    await page.locator(`td[data-a1="${amount}"]`).click();
    let drawn = await version();
    await page.keyboard.type('500');
    await page.keyboard.press('Enter');
    await redrawnAfter(drawn);
    expect(await page.locator(`td[data-a1="${lessonA1}"]`).getAttribute('data-value')).toBe('1700');
    // Ctrl+Z puts n/c back.
    drawn = await version();
    await page.keyboard.press('Control+z');
    await redrawnAfter(drawn);
    expect(await page.locator(`td[data-a1="${amount}"]`).textContent()).toBe('n/c');
    expect(await page.locator(`td[data-a1="${lessonA1}"]`).getAttribute('data-error')).toBe(
      '#ERROR!',
    );
    // The formula bar shows a selected cell's formula.
    await page.locator('td[data-a1="D5"]').click();
    expect(await page.locator('#name-box').inputValue()).toBe('D5');
    expect(await page.locator('#formula-input').inputValue()).toBe('=WIN_RATE(affaires!E2:E)');
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground-examples.png') });
  });

  it('lists the items onOpen registered under Extensions → Sales KPI', async () => {
    await page.locator('#menu-extensions').click();
    await page.getByRole('menuitem', { name: /^Sales KPI/ }).hover();
    const items = await page
      .locator('[role="menu"][aria-label="Sales KPI"] [data-function]')
      .evaluateAll((nodes) =>
        nodes.map((n) => [n.textContent, (n as HTMLElement).dataset.function]),
      );
    const menu = playground.session.emulator.ui.addonMenu!;
    expect(items).toEqual(
      menu.items.flatMap((item) =>
        item.type === 'item' ? [[item.caption, item.functionName]] : [],
      ),
    );
    expect(items.length).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Escape');
    await page.locator('#doc-title').click();
  });

  it('works the menus from the keyboard, as the WAI-ARIA menu pattern says', async () => {
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const style = getComputedStyle(element);
        return {
          text: element.textContent ?? '',
          id: element.id,
          // A visible focus: an outline, or the item's highlight.
          visible:
            (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') ||
            style.backgroundColor !== 'rgba(0, 0, 0, 0)',
        };
      });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ id: 'menu-extensions', visible: true });
    await page.keyboard.press('Enter');
    expect(await focused()).toMatchObject({
      text: expect.stringMatching(/^Sales KPI/),
      visible: true,
    });
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toMatchObject({ text: 'Associer mes colonnes', visible: true });
    await page.keyboard.press('ArrowDown');
    expect((await focused()).text).toBe('Générer la synthèse KPI');
    await page.keyboard.press('End');
    expect((await focused()).text).toBe('À propos');
    await page.keyboard.press('ArrowDown');
    expect((await focused()).text).toBe('Associer mes colonnes');
    await page.keyboard.press('ArrowUp');
    expect((await focused()).text).toBe('À propos');
    // Escape closes the innermost menu and gives focus back to what opened it.
    await page.keyboard.press('Escape');
    expect((await focused()).text).toMatch(/^Sales KPI/);
    expect(await page.locator('[role="menu"][aria-label="Sales KPI"]').count()).toBe(0);
    await page.keyboard.press('Escape');
    expect((await focused()).id).toBe('menu-extensions');
    expect(await page.locator('#menubar .dropdown').count()).toBe(0);

    // Space opens, Enter activates: the About box, sized to its text, closed by Escape.
    await page.keyboard.press(' ');
    await page.keyboard.press(' ');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.locator('#modal:not([hidden])').waitFor();
    const box = await page.locator('#modal .modal').boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.width).toBeLessThan(520);
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground-about.png') });
    await page.keyboard.press('Escape');
    expect(await page.locator('#modal').isHidden()).toBe(true);
    expect(await page.locator('#menubar .dropdown').count()).toBe(0);
  });

  it('opens the real sidebar from the menu and saves the mapping through google.script.run', async () => {
    await runMenu('Associer mes colonnes');
    await page.locator('#sidebar:not([hidden])').waitFor();
    const sidebar = page.frameLocator('#sidebar-frame');
    await sidebar.locator('#save').waitFor();
    expect(
      await page.locator('#sidebar-frame').evaluate((f) => f.getBoundingClientRect().width),
    ).toBe(300);
    // The sidebar pushes the grid aside, as in Sheets: the Résultat column stays in sight.
    const result = await page.locator('#grid th[data-column="4"]').boundingBox();
    const side = await page.locator('#sidebar').boundingBox();
    const scroller = await page.locator('#grid-scroll').boundingBox();
    expect(scroller!.x + scroller!.width).toBeLessThanOrEqual(side!.x + 1);
    expect(result!.x + result!.width).toBeLessThanOrEqual(side!.x);
    expect(playground.session.emulator.properties.document.has('kpiMapping')).toBe(false);
    await sidebar.locator('#save').click();
    await sidebar.locator('#status').filter({ hasText: 'Association enregistrée.' }).waitFor();
    expect(playground.session.emulator.properties.document.has('kpiMapping')).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground-sidebar.png') });
  });

  it('gives the sidebar google.script.run with Apps Script semantics', async () => {
    const frame = page.frames().find((f) => /\/html\/s\d+$/.test(f.url()))!;
    const result = await frame.evaluate(async () => {
      type Run = Record<string, (...args: unknown[]) => unknown>;
      const run = () =>
        (window as unknown as { google: { script: { run: Run } } }).google.script.run;
      const call = (make: (resolve: (v: unknown) => void) => void) =>
        new Promise((resolve) => make(resolve));
      const success = await call((resolve) =>
        (
          (run().withSuccessHandler as (f: unknown) => Run)(
            (value: { language: string }, user: unknown) =>
              resolve({ language: value.language, user }),
          ).withUserObject as (u: unknown) => Run
        )({ id: 7 }).getMappingState(),
      );
      const failure = await call((resolve) =>
        (
          (run().withFailureHandler as (f: unknown) => Run)((error: Error, user: unknown) =>
            resolve({ message: error.message, user }),
          ).withUserObject as (u: unknown) => Run
        )('cell B2').WIN_RATE([
          ['a', 'b'],
          ['c', 'd'],
        ]),
      );
      let refused = '';
      try {
        run().getMappingState(new Date());
      } catch (error) {
        refused = (error as Error).message;
      }
      // A handler set on one chain never reaches a call made from google.script.run.
      let leaked = false;
      (run().withSuccessHandler as (f: unknown) => Run)(() => (leaked = true));
      await call((resolve) => {
        run().getMappingState();
        setTimeout(resolve, 300);
      });
      return { success, failure, refused, leaked, unknown: typeof run().noSuchFunction };
    });
    expect(result).toEqual({
      success: { language: 'fr', user: { id: 7 } },
      failure: {
        message: expect.stringMatching(
          /^WIN_RATE: statuts doit être une seule colonne ou une seule ligne/,
        ),
        user: 'cell B2',
      },
      refused: 'Failed due to illegal value in property: 0',
      leaked: false,
      unknown: 'undefined',
    });
  });

  it('generates the summary from the sidebar, then again from the menu, tabs and charts drawn', async () => {
    const session = playground.session;
    const before = new Set(session.emulator.workbook.sheets.map((s) => s.name));
    let drawn = await version();
    await page.frameLocator('#sidebar-frame').locator('#generate-summary').click();
    await redrawnAfter(drawn);
    const created = session.emulator.workbook.sheets
      .map((s) => s.name)
      .filter((n) => !before.has(n));
    for (const name of [
      'KPI Synthèse',
      'KPI par commercial',
      'KPI Tendances',
      'KPI Entonnoir',
      'KPI Campagnes & ROI',
      'KPI Activités',
      'KPI Qualité des données',
    ]) {
      expect(created).toContain(name);
    }
    // The user's own "ressenti" tab keeps its name: the add-on's is "KPI Ressenti".
    expect(created).toContain('KPI Ressenti');
    expect(session.emulator.workbook.sheets.map((s) => s.name)).toContain('ressenti');
    let tabs = await page.locator('.tab').allTextContents();
    for (const name of created) expect(tabs).toContain(name);

    // Regenerating from the menu rewrites the same tabs in place.
    drawn = await version();
    await runMenu('Générer la synthèse KPI');
    await redrawnAfter(drawn);
    // The result toast stays clear of the overview's charts, and its × closes it.
    await page.locator('.chart canvas').first().waitFor();
    const toast = page.locator('.toast', { hasText: 'Synthèse KPI' }).first();
    const toastBox = (await toast.boundingBox())!;
    for (const chart of await page.locator('.chart').all()) {
      const box = await chart.boundingBox();
      if (!box) continue;
      const apart =
        toastBox.x + toastBox.width <= box.x ||
        box.x + box.width <= toastBox.x ||
        toastBox.y + toastBox.height <= box.y ||
        box.y + box.height <= toastBox.y;
      expect(apart).toBe(true);
    }
    await toast.locator('.toast-close').click();
    expect(await page.locator('.toast', { hasText: 'Synthèse KPI' }).count()).toBe(0);
    tabs = await page.locator('.tab').allTextContents();
    expect(tabs).toEqual(session.emulator.workbook.sheets.map((s) => s.name));
    expect(tabs.filter((name) => !before.has(name))).toEqual(created);

    const withCharts = created.filter((name) => session.sheetView(name).charts.length > 0);
    expect(withCharts.length).toBeGreaterThanOrEqual(5);
    for (const name of withCharts) {
      await openTab(name);
      const colours = await page
        .locator('.chart canvas')
        .first()
        .evaluate((canvas: HTMLCanvasElement) => {
          const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
          const seen = new Set<number>();
          let painted = 0;
          for (let i = 0; i < data.length; i += 4) {
            if (data[i + 3] > 0 && (data[i] < 250 || data[i + 1] < 250 || data[i + 2] < 250))
              painted++;
            seen.add((data[i] << 24) | (data[i + 1] << 16) | (data[i + 2] << 8) | data[i + 3]);
          }
          return { distinct: seen.size, painted, total: data.length / 4 };
        });
      expect({ name, nonUniform: colours.distinct > 10 }).toEqual({ name, nonUniform: true });
      expect(colours.painted).toBeGreaterThan(colours.total / 200);
    }
    // The overview with its chart and the sidebar, for the README.
    await page.setViewportSize({ width: 1600, height: 960 });
    await openTab(created[0]);
    await page.evaluate(() => {
      document.querySelectorAll('.toast').forEach((toast) => toast.remove());
      const chart = document.querySelector<HTMLElement>('.chart')!;
      const scroller = document.getElementById('grid-scroll')!;
      scroller.scrollTo(0, chart.offsetTop - 330);
    });
    const shot = path.join(ARTIFACTS, 'playground-summary.png');
    await page.screenshot({ path: shot });
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('recomputes the formulas that read an edited cell', async () => {
    // Typing into a cell: the amount of affaires!F19 becomes 1 000.
    await openTab('affaires');
    await page.locator('td[data-a1="F19"]').click();
    let drawn = await version();
    await page.keyboard.type('1 000');
    await page.keyboard.press('Enter');
    await redrawnAfter(drawn);
    expect(await page.locator('td[data-a1="F19"]').getAttribute('data-value')).toBe('1000');
    // Through the formula bar: the first deal is now lost.
    await page.locator('td[data-a1="E2"]').click();
    drawn = await version();
    await page.locator('#formula-input').fill('Perdu');
    await page.locator('#formula-input').press('Enter');
    await redrawnAfter(drawn);
    await checkExamples({ affaires: { F19: '1 000', E2: 'Perdu' } });
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground-edited.png') });
  });

  it('turns a dropped CSV into a tab, where typed formulas compute', async () => {
    const csv = 'Client;Montant;Étape\nAtelier Roux;"1 234,50 €";Gagné\nBoulangerie Max;10;Perdu\n';
    const drawn = await version();
    const transfer = await page.evaluateHandle((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'ventes 2027.csv', { type: 'text/csv' }));
      return data;
    }, csv);
    // While a file is dragged over the page, the hint sits on an opaque card.
    await page.dispatchEvent('#grid-scroll', 'dragenter', { dataTransfer: transfer });
    expect(await page.locator('#drop-overlay').isVisible()).toBe(true);
    expect(
      await page.locator('#drop-text').evaluate((e) => getComputedStyle(e).backgroundColor),
    ).toBe('rgb(255, 255, 255)');
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground-drop-hint.png') });
    await page.dispatchEvent('#grid-scroll', 'drop', { dataTransfer: transfer });
    await redrawnAfter(drawn);
    await page.waitForFunction(() => document.body.dataset.sheet === 'ventes 2027');
    expect(await page.locator('td[data-a1="B2"]').getAttribute('data-value')).toBe('1234.5');

    // A formula typed in the new tab, with a quoted sheet name and the French ";".
    await page.locator('td[data-a1="E1"]').click();
    let before = await version();
    await page.keyboard.type(`=REVENUE('ventes 2027'!B2:B; C2:C)`);
    await page.keyboard.press('Enter');
    await redrawnAfter(before);
    expect(await page.locator('td[data-a1="E1"]').getAttribute('data-value')).toBe('1234.5');
    // Editing what it reads recomputes it.
    await page.locator('td[data-a1="C3"]').click();
    before = await version();
    await page.keyboard.type('Gagné');
    await page.keyboard.press('Enter');
    await redrawnAfter(before);
    expect(await page.locator('td[data-a1="E1"]').getAttribute('data-value')).toBe('1244.5');
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground-drop.png') });
  });

  it('keeps every tab within reach when there are many', async () => {
    await page.evaluate(async () => {
      for (let i = 1; i <= 10; i++) {
        await fetch('/api/import', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ fileName: `ventes régionales ${i}.csv`, text: 'a;b\n1;2\n' }),
        });
      }
    });
    await openTab('Exemples');
    const tabs = page.locator('#tabs');
    expect(await page.locator('.tab').count()).toBeGreaterThanOrEqual(15);
    expect(await tabs.evaluate((t) => t.scrollWidth > t.clientWidth)).toBe(true);
    const last = page.locator('.tab').last();
    const inside = async () => {
      const bar = (await tabs.boundingBox())!;
      const box = (await last.boundingBox())!;
      return box.x >= bar.x - 1 && box.x + box.width <= bar.x + bar.width + 1;
    };
    expect(await inside()).toBe(false);
    for (let i = 0; i < 10 && !(await inside()); i++) {
      await page.locator('#tabs-right').click();
      await page.waitForTimeout(100);
    }
    expect(await inside()).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground-tabs.png') });
  });
});
