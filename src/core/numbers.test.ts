import { isTooLarge, NOT_A_NUMBER, parseNumber } from './numbers';

describe('parseNumber', () => {
  it('uses numeric cells as they are', () => {
    expect(parseNumber(12.5, ',')).toBe(12.5);
    expect(parseNumber(-3, '.')).toBe(-3);
  });

  it('reads blanks as no value', () => {
    expect(parseNumber('', ',')).toBeNull();
    expect(parseNumber('   ', '.')).toBeNull();
    expect(parseNumber(null, '.')).toBeNull();
  });

  it('reads French amounts with decimal comma, spaces and euro sign', () => {
    expect(parseNumber('1 234,50 €', ',')).toBe(1234.5);
    expect(parseNumber('1\u00a0234,50\u00a0€', ',')).toBe(1234.5);
    expect(parseNumber('1\u202f234,5', ',')).toBe(1234.5);
    expect(parseNumber('1.234.567,89', ',')).toBeCloseTo(1234567.89);
    expect(parseNumber('17 800,00 €', ',')).toBe(17800);
    expect(parseNumber('1050', ',')).toBe(1050);
  });

  it('reads English amounts with thousands commas and currency codes', () => {
    expect(parseNumber('1,234.50', '.')).toBe(1234.5);
    expect(parseNumber('$1,234.50', '.')).toBe(1234.5);
    expect(parseNumber('USD 99', '.')).toBe(99);
    expect(parseNumber("1'000.5", '.')).toBe(1000.5);
  });

  it('divides a trailing percent by 100 and honours a leading minus', () => {
    expect(parseNumber('40%', '.')).toBeCloseTo(0.4);
    expect(parseNumber('100 %', ',')).toBe(1);
    expect(parseNumber('12,5 %', ',')).toBeCloseTo(0.125);
    expect(parseNumber('-1 200,00 €', ',')).toBe(-1200);
    expect(parseNumber('-£5', '.')).toBe(-5);
  });

  it('refuses text, booleans, dates and misplaced separators', () => {
    for (const bad of ['n/a', 'n/c', 'abc', '1,5', '12..3', '--3', '%', '€']) {
      expect(parseNumber(bad, '.')).toBe(NOT_A_NUMBER);
    }
    expect(parseNumber('1.5', ',')).toBe(NOT_A_NUMBER);
    expect(parseNumber(true, '.')).toBe(NOT_A_NUMBER);
    expect(parseNumber(new Date(0), '.')).toBe(NOT_A_NUMBER);
    expect(parseNumber(Number.NaN, '.')).toBe(NOT_A_NUMBER);
  });
});

describe('parseNumber: loose text is not a number (rule 6)', () => {
  it('groups digits by three only, with one separator throughout', () => {
    for (const bad of ['12 34', '1 2 3', '1,23,456', '1 2345', '12,3456.5', "1'23", '1,234 567']) {
      expect(parseNumber(bad, '.')).toBe(NOT_A_NUMBER);
    }
    for (const bad of ['12 34', '1 2 3', '1.23.456', '1 2345,5']) {
      expect(parseNumber(bad, ',')).toBe(NOT_A_NUMBER);
    }
    expect(parseNumber('1 234 567', '.')).toBe(1234567);
    expect(parseNumber('1\u202f234\u202f567,25', ',')).toBe(1234567.25);
    expect(parseNumber("1'234'567.25", '.')).toBe(1234567.25);
    expect(parseNumber('1’234.5', '.')).toBe(1234.5);
  });

  it('refuses a grouped number that starts with 0 ("0,5" in English is not 5)', () => {
    expect(parseNumber('0,5', '.')).toBe(NOT_A_NUMBER);
    expect(parseNumber('0,500', '.')).toBe(NOT_A_NUMBER);
    expect(parseNumber('0,5', ',')).toBe(0.5);
  });

  it('takes currency signs and codes only before or after the number', () => {
    expect(parseNumber('EUR 12', ',')).toBe(12);
    expect(parseNumber('12 eur', ',')).toBe(12);
    expect(parseNumber('$-5', '.')).toBe(-5);
    expect(parseNumber('-$5', '.')).toBe(-5);
    expect(parseNumber('CHF 1’250.50', '.')).toBe(1250.5);
    expect(parseNumber('¥1,200', '.')).toBe(1200);
    for (const bad of ['1EUR2', '1€2', '5 €%', '€5 EUR', '$5$', '-$-5', '5%%', '%5', '€', 'EUR']) {
      expect(parseNumber(bad, ',')).toBe(NOT_A_NUMBER);
      expect(parseNumber(bad, '.')).toBe(NOT_A_NUMBER);
    }
  });

  it('refuses words, exponents and other notations', () => {
    for (const bad of [
      '1e3',
      'Infinity',
      '-Infinity',
      'NaN',
      '0x10',
      '1_000',
      '(5)',
      '5-',
      '- 5',
    ]) {
      expect(parseNumber(bad, '.')).toBe(NOT_A_NUMBER);
    }
  });

  it('refuses a number too large to hold and says why', () => {
    const huge = '9'.repeat(400);
    expect(parseNumber(huge, '.')).toBe(NOT_A_NUMBER);
    expect(isTooLarge(huge, '.')).toBe(true);
    expect(isTooLarge(`-${huge} €`, ',')).toBe(true);
    expect(isTooLarge(Infinity, '.')).toBe(true);
    expect(isTooLarge('n/a', '.')).toBe(false);
    expect(isTooLarge('123', '.')).toBe(false);
  });
});

describe('parseNumber: amounts written in the other convention', () => {
  it('reads "$24,000.00" in a French sheet: both separators, each in its only role', () => {
    expect(parseNumber('$24,000.00', ',')).toBe(24000);
    expect(parseNumber('1,234,567.5', ',')).toBe(1234567.5);
    expect(parseNumber('-$1,234.56', ',')).toBe(-1234.56);
    expect(parseNumber('24.000,00 €', '.')).toBe(24000);
  });

  it('keeps the locale reading whenever it has one', () => {
    // One kind of separator: the locale decides, even where another locale would not.
    expect(parseNumber('1,234', ',')).toBe(1.234);
    expect(parseNumber('$24,000', ',')).toBe(24);
    expect(parseNumber('1.234', ',')).toBe(1234);
    expect(parseNumber('1.234', '.')).toBe(1.234);
  });

  it('refuses text no convention reads', () => {
    for (const bad of ['1.5', '1.234.567,8.9', '1,2.50', '24,000.00.00', '1.234,56,7']) {
      expect(parseNumber(bad, ',')).toBe(NOT_A_NUMBER);
    }
    for (const bad of ['1,234.567,8', '1.23,45']) expect(parseNumber(bad, '.')).toBe(NOT_A_NUMBER);
  });
});
