/**
 * The built dist/Sidebar.html in a real headless Chromium, its google.script.run served
 * by the built dist/Code.js on the emulator (bridge.ts). Screenshots are kept in
 * test-artifacts/; `npm run screenshots` copies the English one to docs/sidebar.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describeInChromium, launchChromium } from '../../scripts/lib/chromium';
import type { Emulator } from '../../emulator/index';
import type { SampleName, SheetData } from '../integration/harness';
import { ROOT, sampleEmulator, sampleSheets } from '../integration/harness';
import { bridgeToEmulator, serveSidebar } from './bridge';

const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const XSS = '<img src=x onerror=alert(1)>';
const WIDTH = 300;

const TEXT = {
  fr: {
    saved: 'Association enregistrée.',
    cueHigh: 'détectée, confiance élevée',
    classOf: (s: string) => `Classe du statut ${s}`,
    moveUp: (s: string) => `Monter ${s}`,
    amount: 'F · Montant HT',
    deals: 'affaires',
    stage: 'Proposition',
    before: 'Qualification',
    problem: 'Ligne 19, Montant : "n/c" n’est pas un nombre',
  },
  en: {
    saved: 'Mapping saved.',
    cueHigh: 'detected, high confidence',
    classOf: (s: string) => `Class of the status ${s}`,
    moveUp: (s: string) => `Move ${s} up`,
    amount: 'F · Amount',
    deals: 'deals',
    stage: 'Presentation Scheduled',
    before: 'Qualified To Buy',
    problem: '',
  },
} as const;

describeInChromium('the mapping sidebar in Chromium', () => {
  let browser: Browser;
  let sidebar: Awaited<ReturnType<typeof serveSidebar>>;
  let url: string;

  beforeAll(async () => {
    sidebar = await serveSidebar();
    url = sidebar.url;
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await sidebar?.close();
  });

  interface Opened {
    page: Page;
    dialogs: string[];
    errors: string[];
    calls: string[];
  }

  /** A new sidebar page on the emulator's spreadsheet, loaded. */
  async function open(emulator: Emulator, sample: SampleName): Promise<Opened> {
    const page = await browser.newPage({
      viewport: { width: WIDTH, height: 900 },
      locale: sample === 'fr' ? 'fr-FR' : 'en-US',
    });
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => errors.push(error.message));
    const { calls } = await bridgeToEmulator(page, emulator);
    await page.goto(url);
    await page.locator('#content').waitFor({ state: 'visible' });
    return { page, dialogs, errors, calls };
  }

  async function selectedText(page: Page, selector: string): Promise<string> {
    return page
      .locator(selector)
      .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text ?? '');
  }

  async function saveAndWait(page: Page, sample: SampleName): Promise<void> {
    await page.locator('#save').click();
    await page.locator('#status').filter({ hasText: TEXT[sample].saved }).waitFor();
  }

  describe.each(['fr', 'en'] as const)('%s workbook', (sample) => {
    const text = TEXT[sample];

    it('shows the detected mapping, with confidence cues, statuses and preview', async () => {
      const emulator = sampleEmulator(sample);
      const { page, dialogs, errors, calls } = await open(emulator, sample);
      try {
        expect(calls).toEqual(['getMappingState']);
        expect(await page.locator('html').getAttribute('lang')).toBe(sample);
        expect(await page.locator('#sheet-deals').inputValue()).toBe(text.deals);
        expect(await selectedText(page, '#field-deals-amount')).toBe(text.amount);
        await expect(page.locator('#cue-deals-amount').textContent()).resolves.toContain(
          text.cueHigh,
        );
        expect(await page.locator('#field-deals-amount').getAttribute('aria-describedby')).toBe(
          'cue-deals-amount',
        );
        await page.getByLabel(text.classOf(text.stage)).waitFor();
        expect(await page.getByLabel(text.classOf(text.stage)).inputValue()).toBe('open');
        expect(await page.locator('.preview table').count()).toBe(5);
        if (text.problem)
          await expect(page.getByText(text.problem).isVisible()).resolves.toBe(true);
        // 300 px: nothing sticks out sideways.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(overflow).toBeLessThanOrEqual(WIDTH);

        // The sticky action bar would float mid-page in a full-page picture.
        await page.addStyleTag({ content: '.actions { position: static; }' });
        const shot = path.join(ARTIFACTS, `sidebar-${sample}.png`);
        await page.screenshot({ path: shot, fullPage: true });
        expect(dialogs).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    });

    it('saves a change that survives a reload', async () => {
      const emulator = sampleEmulator(sample);
      const first = await open(emulator, sample);
      try {
        const { page } = first;
        await page.getByLabel(text.classOf(text.stage)).selectOption('lost');
        await page.getByRole('button', { name: text.moveUp(text.before) }).click();
        await page.locator('#field-deals-cost').selectOption('');
        await page.locator('#setting-period').selectOption('quarter');
        await saveAndWait(page, sample);
        expect(first.calls).toContain('saveMapping');
        expect(first.errors).toEqual([]);
      } finally {
        await first.page.close();
      }

      const second = await open(emulator, sample);
      try {
        const { page } = second;
        expect(await page.getByLabel(text.classOf(text.stage)).inputValue()).toBe('lost');
        const stages = await page.locator('ol.stages .stage-label').allTextContents();
        expect(stages[0]).toBe(text.before);
        expect(stages).not.toContain(text.stage);
        expect(await page.locator('#field-deals-cost').inputValue()).toBe('');
        expect(await page.locator('#setting-period').inputValue()).toBe('quarter');
        await expect(page.locator('#cue-deals-cost').textContent()).resolves.toMatch(
          /not found|non trouvée/,
        );
      } finally {
        await second.page.close();
      }
    });
  });

  it('shows a hostile header, status and sheet name as text and runs nothing', async () => {
    const sheets: SheetData[] = sampleSheets('en');
    const deals = sheets.find((s) => s.name === 'deals')!;
    deals.values.forEach((row, i) => row.push(i === 0 ? XSS : `Region ${i % 3}`));
    deals.values[3][4] = XSS; // a status
    sheets.push({
      name: '<script>alert(2)</script>',
      values: [
        ['a', 'b'],
        [1, 2],
      ],
    });
    const emulator = sampleEmulator('en', { sheets });
    const { page, dialogs, errors } = await open(emulator, 'en');
    try {
      // The status list shows it literally.
      const status = page.locator('.status-label', { hasText: XSS });
      expect(await status.count()).toBe(1);
      expect(await status.isVisible()).toBe(true);
      expect(await status.textContent()).toBe(XSS);
      // As a column choice, then chosen: the dropdown shows it literally.
      const column = 11;
      await page.locator('#field-deals-region').selectOption(String(column));
      expect(await selectedText(page, '#field-deals-region')).toBe(`L · ${XSS}`);
      // As a sheet name.
      const sheetOptions = await page.locator('#sheet-campaigns option').allTextContents();
      expect(sheetOptions).toContain('<script>alert(2)</script>');
      await page.locator('.preview td', { hasText: 'Region 1' }).first().waitFor();
      await page.waitForTimeout(200);
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.locator('script').count()).toBe(1);
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('is usable from the keyboard: Tab reaches Save, Enter saves, focus is visible', async () => {
    const emulator = sampleEmulator('en');
    const { page, errors } = await open(emulator, 'en');
    try {
      let reached = false;
      for (let i = 0; i < 400 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => document.activeElement?.id === 'save');
      }
      expect(reached).toBe(true);
      const outline = await page
        .locator('#save')
        .evaluate((el) => getComputedStyle(el).outlineStyle);
      expect(outline).toBe('solid');
      await page.keyboard.press('Enter');
      await page.locator('#status').filter({ hasText: TEXT.en.saved }).waitFor();
      expect(await page.locator('#status').getAttribute('aria-live')).toBe('polite');
      expect(emulator.properties.document.has('kpiMapping')).toBe(true);

      // Stage order with the keyboard: the focus stays on the moved stage's button.
      const up = page.getByRole('button', { name: 'Move Contract Sent up' });
      await up.focus();
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
        'Move Contract Sent up',
      );
      const stages = await page.locator('ol.stages .stage-label').allTextContents();
      expect(stages.indexOf('Contract Sent')).toBe(2);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('matches the columns of another sheet picked for an entity', async () => {
    const emulator = sampleEmulator('en');
    const { page, calls, errors } = await open(emulator, 'en');
    try {
      await page.locator('#sheet-targets').selectOption('');
      expect(await page.locator('#field-targets-rep').count()).toBe(0);
      await page.locator('#sheet-targets').selectOption('feedback');
      await page.locator('#field-targets-rep').waitFor();
      expect(calls).toContain('matchSheet');
      expect(await selectedText(page, '#field-targets-rep')).toBe('B · Rep');
      expect(await page.locator('#entity-targets .warn').textContent()).toBe(
        'Choose a column for: Target.',
      );
      // Back to its own sheet: detection's match again, cues and all.
      await page.locator('#sheet-targets').selectOption('targets');
      await page.locator('#field-targets-target').waitFor();
      expect(await selectedText(page, '#field-targets-target')).toBe('C · Quota');
      await expect(page.locator('#cue-targets-target').textContent()).resolves.toContain(
        'detected',
      );
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('shows the server’s refusal in words, in an alert', async () => {
    const emulator = sampleEmulator('en');
    const { page } = await open(emulator, 'en');
    try {
      await page.locator('#field-deals-amount').selectOption('');
      await page.locator('#save').click();
      const alert = page.getByRole('alert').filter({ hasText: 'The mapping was not saved' });
      await alert.waitFor();
      expect(await alert.textContent()).toBe(
        'The mapping was not saved: Deals: choose a column for Amount.',
      );
      expect(emulator.properties.document.has('kpiMapping')).toBe(false);
    } finally {
      await page.close();
    }
  });

  it('tells the user when the stored mapping was unusable', async () => {
    const emulator = sampleEmulator('fr');
    emulator.properties.document.set('kpiMapping', JSON.stringify({ n: 1, len: 5 }));
    emulator.properties.document.set('kpiMapping.0', '{oops');
    const { page } = await open(emulator, 'fr');
    try {
      const notice = page.locator('.notice-invalidJson');
      expect(await notice.isVisible()).toBe(true);
      expect(await notice.textContent()).toMatch(/illisible/);
      expect(await page.locator('#sheet-deals').inputValue()).toBe('affaires');
    } finally {
      await page.close();
    }
  });

  it('resets to detection after a confirmation', async () => {
    const emulator = sampleEmulator('en');
    const { page } = await open(emulator, 'en');
    try {
      await page.locator('#field-deals-cost').selectOption('');
      await saveAndWait(page, 'en');
      await page.locator('#reset').click();
      expect(await page.locator('#reset-confirm').isVisible()).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('reset-cancel');
      await page.locator('#reset-yes').click();
      await page.locator('#status').filter({ hasText: 'Saved mapping deleted' }).waitFor();
      expect(await selectedText(page, '#field-deals-cost')).toBe('G · Cost');
      expect(emulator.properties.document.has('kpiMapping')).toBe(false);
    } finally {
      await page.close();
    }
  });

  it('lists the statuses of the sheet chosen for the deals, also after a reset', async () => {
    const day = (d: number) => new Date(2026, 9, d);
    const emulator = sampleEmulator('en', {
      sheets: [
        {
          name: 'Deals',
          values: [
            ['Deal', 'Stage', 'Amount', 'Close Date'],
            ['A', 'Prospecting', 100, day(1)],
            ['B', 'Closed Won', 200, day(2)],
            ['C', 'Closed Lost', 300, day(3)],
          ],
        },
        {
          name: 'Archive 2019',
          values: [
            ['Deal', 'Status', 'Amount', 'Close Date'],
            ['D', 'Lead', 100, day(4)],
            ['E', 'Signed', 200, day(5)],
            ['F', 'Lost', 300, day(6)],
            ['G', 'Demo', 400, day(7)],
          ],
        },
      ],
    });
    const { page, errors } = await open(emulator, 'en');
    const labels = () => page.locator('#statuses .status-label').allTextContents();
    const waitForLabels = (wanted: string[]) =>
      page.waitForFunction(
        (w) =>
          JSON.stringify(
            [...document.querySelectorAll('#statuses .status-label')].map((e) => e.textContent),
          ) === JSON.stringify(w),
        wanted,
      );
    try {
      expect(await labels()).toEqual(['Prospecting', 'Closed Won', 'Closed Lost']);
      await page.locator('#sheet-deals').selectOption('Archive 2019');
      // Open stages first, in the column's order, then won, then lost: none of the old sheet's.
      await waitForLabels(['Lead', 'Demo', 'Signed', 'Lost']);
      await page.locator('#reset').click();
      await page.locator('#reset-yes').click();
      await page.locator('#status').filter({ hasText: 'Saved mapping deleted' }).waitFor();
      await waitForLabels(['Prospecting', 'Closed Won', 'Closed Lost']);
      await page.locator('#sheet-deals').selectOption('Archive 2019');
      await waitForLabels(['Lead', 'Demo', 'Signed', 'Lost']);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
