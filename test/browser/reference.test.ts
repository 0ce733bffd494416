/**
 * The built function reference (dist/Reference_*.html) in real headless Chromium, framed
 * the way Apps Script frames a dialog: a sandboxed iframe without allow-top-navigation.
 * Its index links must scroll the dialog and never navigate any window.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { describeInChromium, launchChromium } from '../../scripts/lib/chromium';
import { ROOT } from '../integration/harness';

/** The keywords Apps Script's IFRAME sandbox sets (no allow-top-navigation). */
const SANDBOX = [
  'allow-same-origin',
  'allow-forms',
  'allow-scripts',
  'allow-popups',
  'allow-downloads',
  'allow-modals',
  'allow-popups-to-escape-sandbox',
].join(' ');

describeInChromium('the function reference dialog in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 30000);
  afterAll(async () => {
    await browser?.close();
  });

  it.each(['en', 'fr'])(
    'scrolls to a function inside the dialog, navigating nothing (%s)',
    async (language) => {
      const html = readFileSync(path.join(ROOT, 'dist', `Reference_${language}.html`), 'utf8');
      const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
      try {
        const navigations: string[] = [];
        page.on('framenavigated', (frame) => navigations.push(frame.url()));
        await page.setContent(
          `<!doctype html><html><body><h1>Sheets</h1>` +
            `<iframe id="dialog" sandbox="${SANDBOX}" style="width:720px;height:560px"></iframe>` +
            `</body></html>`,
        );
        await page.$eval(
          '#dialog',
          (frame, srcdoc) => ((frame as HTMLIFrameElement).srcdoc = srcdoc as string),
          html,
        );
        const frameHandle = await page.waitForSelector('#dialog');
        const dialog = (await frameHandle.contentFrame())!;
        await dialog.waitForSelector('nav a[href="#KPI_TABLE"]');
        const topUrl = page.url();
        const dialogUrl = dialog.url();
        navigations.length = 0;

        expect(await dialog.evaluate(() => window.scrollY)).toBe(0);
        await dialog.click('nav a[href="#KPI_TABLE"]');
        await dialog.waitForFunction(() => window.scrollY > 0);
        const top = await dialog.evaluate(
          () => document.getElementById('KPI_TABLE')!.getBoundingClientRect().top,
        );
        expect(Math.abs(top)).toBeLessThan(5);
        // Nothing navigated: not the page around, not the dialog itself.
        expect(page.url()).toBe(topUrl);
        expect(dialog.url()).toBe(dialogUrl);
        expect(navigations).toEqual([]);
        expect(await page.evaluate(() => document.querySelector('h1')!.textContent)).toBe('Sheets');
      } finally {
        await page.close();
      }
    },
    30000,
  );
});
