/**
 * Debian's Chromium, driven by playwright-core, for the browser tests and
 * `npm run summary -- --png`. Never a downloaded browser: the machines reach no site
 * but the package registries.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps trying to reach Google's
// services, which this machine's network refuses.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * `describe` for tests that need Chromium. Without it they fail in CI (CI is set) and
 * are skipped elsewhere, with a notice no one can miss.
 */
export function describeInChromium(name: string, body: () => void): void {
  if (hasChromium()) {
    describe(name, body);
    return;
  }
  if (process.env.CI) {
    it(`${name}: needs Chromium in CI`, () => {
      throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
    });
    return;
  }
  console.warn(
    `\n${'!'.repeat(78)}\n!! BROWSER TESTS NOT RUN (${name}): ${CHROMIUM} is missing.` +
      `\n!! Install Chromium (apt-get install chromium) to run them.\n${'!'.repeat(78)}\n`,
  );
  describe.skip(name, body);
}
