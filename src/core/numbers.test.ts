import { NOT_A_NUMBER, parseNumber } from './numbers';

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
