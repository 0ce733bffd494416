/**
 * Results beyond what a number holds, through dist/Code.js: each sum is finite, but the
 * difference or the ratio is not. The cell gets an Error naming the function, in the
 * spreadsheet's language, never Infinity or NaN.
 */
import type { BundleContext } from '../support/loadBundle';
import { column, fakeAppsScript, loadBundle, thrownBy } from '../support/loadBundle';

const contexts = new Map<string, BundleContext>();
function sheet(locale: string): BundleContext {
  let context = contexts.get(locale);
  if (!context) {
    context = loadBundle({ globals: fakeAppsScript({ locale, timeZone: 'Europe/Paris' }).globals });
    contexts.set(locale, context);
  }
  return context;
}

const CALLS: [string, (c: BundleContext) => unknown][] = [
  ['MARGIN', (c) => c.MARGIN(column(c, 1e308), column(c, -1e308))],
  ['MARGIN_RATE', (c) => c.MARGIN_RATE(column(c, 1e308), column(c, -1e308))],
  ['MARKUP_RATE', (c) => c.MARKUP_RATE(column(c, 1e308), column(c, 1e-308))],
  ['GROWTH_RATE', (c) => c.GROWTH_RATE(1e308, -1e308)],
  ['ROI', (c) => c.ROI(column(c, 1e308), column(c, -1e308))],
  ['QUOTA_ATTAINMENT', (c) => c.QUOTA_ATTAINMENT(column(c, 1e308), 1e-308)],
  ['CAC', (c) => c.CAC(column(c, 1e308), 1e-308)],
];

describe.each([
  ['en_US', 'the result is more than a number can hold'],
  ['fr_FR', 'le résultat dépasse ce qu’un nombre peut contenir'],
])('in %s', (locale, reason) => {
  test.each(CALLS)('%s of finite sums whose result overflows is an Error', (name, call) => {
    const error = thrownBy(() => call(sheet(locale))) as Error;
    expect(error.constructor.name).toBe('Error');
    expect(error.message.startsWith(`${name}: ${reason} (`)).toBe(true);
  });
});

test('a large but finite result is still a number', () => {
  const c = sheet('en_US');
  expect(c.MARGIN(column(c, 1e307), column(c, -1e307))).toBe(2e307);
  expect(c.GROWTH_RATE(3, 2)).toBe(0.5);
});
