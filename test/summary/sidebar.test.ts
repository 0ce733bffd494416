/**
 * The sidebar's "Generate KPI summary" button in headless Chromium: the built
 * dist/Sidebar.html, its google.script.run served by the built dist/Code.js on the
 * emulator (test/browser/bridge.ts).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describeInChromium, launchChromium } from '../../scripts/lib/chromium';
import type { Emulator } from '../../emulator';
import { bridgeToEmulator, serveSidebar } from '../browser/bridge';
import { ROOT, sampleEmulator } from '../integration/harness';

describeInChromium('the Generate KPI summary button', () => {
  let browser: Browser;
  let sidebar: Awaited<ReturnType<typeof serveSidebar>>;
  let url: string;

  beforeAll(async () => {
    sidebar = await serveSidebar();
    url = sidebar.url;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await sidebar?.close();
  });

  async function open(
    emulator: Emulator,
    locale: string,
  ): Promise<{ page: Page; errors: string[]; calls: string[] }> {
    const page = await browser.newPage({ viewport: { width: 300, height: 900 }, locale });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const { calls } = await bridgeToEmulator(page, emulator);
    await page.goto(url);
    await page.locator('#content').waitFor({ state: 'visible' });
    return { page, errors, calls };
  }

  test('writes the tabs and says what was written', async () => {
    const emulator = sampleEmulator('en');
    const { page, errors, calls } = await open(emulator, 'en-US');
    try {
      const button = page.locator('#generate-summary');
      expect(await button.textContent()).toBe('Generate KPI summary');
      await button.click();
      await page.locator('#summary-result .ok').waitFor();
      expect(await page.locator('#summary-result .ok').textContent()).toMatch(
        /^KPI summary written: 8 tabs · rows read: [\d,]+ · rows skipped: \d+\.$/,
      );
      expect(await page.locator('#summary-result').textContent()).toContain(
        'Tabs written: KPI Overview, KPI by Rep',
      );
      expect(calls).toEqual(['getMappingState', 'generateSummary']);
      expect(emulator.workbook.sheets.map((s) => s.name)).toContain('KPI Overview');
      expect(await page.locator('#error').textContent()).toBe('');
      mkdirSync(path.join(ROOT, 'test-artifacts'), { recursive: true });
      await page.screenshot({
        path: path.join(ROOT, 'test-artifacts', 'sidebar-summary.png'),
        fullPage: true,
      });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('a refusal is shown in plain French words', async () => {
    const emulator = sampleEmulator('fr');
    emulator.locks.holdByOther('document');
    const { page, errors } = await open(emulator, 'fr-FR');
    try {
      const button = page.locator('#generate-summary');
      expect(await button.textContent()).toBe('Générer la synthèse KPI');
      await button.click();
      await page.locator('#error').filter({ hasText: 'Une synthèse est déjà en cours' }).waitFor();
      expect(await page.locator('#summary-result .ok').count()).toBe(0);
      expect(emulator.workbook.sheets.map((s) => s.name)).not.toContain('KPI Synthèse');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
