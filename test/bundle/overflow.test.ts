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

// Each value is within what the formulas add up (2^53); the ratio is not.
const CALLS: [string, (c: BundleContext) => unknown][] = [
  ['MARGIN_RATE', (c) => c.MARGIN_RATE(column(c, 1e-308), column(c, -1e15))],
  ['MARKUP_RATE', (c) => c.MARKUP_RATE(column(c, 1e15), column(c, 1e-308))],
  ['GROWTH_RATE', (c) => c.GROWTH_RATE(1e15, 1e-308)],
  ['ROI', (c) => c.ROI(column(c, 1e15), column(c, 1e-308))],
  ['QUOTA_ATTAINMENT', (c) => c.QUOTA_ATTAINMENT(column(c, 1e15), 1e-308)],
  ['CAC', (c) => c.CAC(column(c, 1e15), 1e-308)],
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

describe('a value beyond 2^53 is too large to add up, never a silently wrong sum', () => {
  test('1000 + 1e308 − 1e308 is not 0', () => {
    const c = sheet('en_US');
    expect((thrownBy(() => c.REVENUE(column(c, 1000, 1e308, -1e308))) as Error).message).toBe(
      'REVENUE: amounts, value 2: 1e+308 is too large to add up',
    );
  });

  test.each([
    ['en_US', 'MARGIN: revenue, value 1: 1e+308 is too large to add up'],
    ['fr_FR', 'MARGIN: '],
  ])('MARGIN(1e308, −1e308) in %s', (locale, start) => {
    const c = sheet(locale);
    const message = (thrownBy(() => c.MARGIN(column(c, 1e308), column(c, -1e308))) as Error)
      .message;
    expect(message.startsWith(start)).toBe(true);
    if (locale === 'fr_FR') expect(message).toContain('est trop grand pour être additionné');
  });

  test('text amounts and the numeric CONVERSION_RATE too', () => {
    const c = sheet('en_US');
    expect((thrownBy(() => c.REVENUE(column(c, '10000000000000000'))) as Error).message).toBe(
      'REVENUE: amounts, value 1: "10000000000000000" is too large to add up',
    );
    expect((thrownBy(() => c.CONVERSION_RATE(column(c, 1, 1e20), 4)) as Error).message).toBe(
      'CONVERSION_RATE: converted, value 2: 100000000000000000000 is too large to add up',
    );
  });
});

test('a large but exact result is still a number', () => {
  const c = sheet('en_US');
  expect(c.MARGIN(column(c, 9e15), column(c, -9e15))).toBe(1.8e16);
  expect(c.GROWTH_RATE(3, 2)).toBe(0.5);
});
