import { columnLetters, columnNumber, formatA1, parseA1, quoteSheetName } from './a1';
import {
  formatDatePattern,
  formatJavaDate,
  formatNumberPattern,
  formatValue,
  fromSerial,
  toSerial,
} from './format';

const PARIS = 'Europe/Paris';
const NY = 'America/New_York';
const NNBSP = '\u202f';

describe('A1 notation', () => {
  it('converts column numbers and letters both ways', () => {
    expect(columnLetters(1)).toBe('A');
    expect(columnLetters(26)).toBe('Z');
    expect(columnLetters(27)).toBe('AA');
    expect(columnLetters(702)).toBe('ZZ');
    expect(columnLetters(703)).toBe('AAA');
    expect(columnNumber('AA')).toBe(27);
    expect(columnNumber('zz')).toBe(702);
  });
  it('parses cells, ranges, open-ended ranges and sheet names', () => {
    expect(parseA1('B3')).toEqual({
      sheetName: undefined,
      row: 3,
      column: 2,
      lastRow: 3,
      lastColumn: 2,
    });
    expect(parseA1('A1:C10')).toMatchObject({ row: 1, column: 1, lastRow: 10, lastColumn: 3 });
    expect(parseA1('A2:A')).toMatchObject({ row: 2, column: 1, lastRow: undefined, lastColumn: 1 });
    expect(parseA1('B:D')).toMatchObject({ row: 1, column: 2, lastRow: undefined, lastColumn: 4 });
    expect(parseA1('2:5')).toMatchObject({ row: 2, column: 1, lastRow: 5, lastColumn: undefined });
    expect(parseA1("'KPI par commercial'!$A$1:B2")).toMatchObject({
      sheetName: 'KPI par commercial',
      row: 1,
      lastColumn: 2,
    });
    expect(parseA1("'It''s'!A1").sheetName).toBe("It's");
    expect(parseA1('C3:A1')).toMatchObject({ row: 1, column: 1, lastRow: 3, lastColumn: 3 });
  });
  it('refuses what is not a range', () => {
    for (const bad of ['', 'A', '12', 'A0', 'A1:B2:C3', 'hello world']) {
      expect(() => parseA1(bad)).toThrow('Range not found');
    }
  });
  it('formats bounded and open-ended ranges', () => {
    expect(formatA1(1, 1, 1, 1)).toBe('A1');
    expect(formatA1(2, 2, 3, 2)).toBe('B2:C4');
    expect(formatA1(2, 1, 999, 1, { rows: false, columns: true })).toBe('A2:A');
    expect(formatA1(1, 1, 1000, 2, { rows: false, columns: true })).toBe('A:B');
    expect(quoteSheetName('deals')).toBe('deals');
    expect(quoteSheetName('KPI Overview')).toBe("'KPI Overview'");
    expect(quoteSheetName('AB12')).toBe("'AB12'");
  });
});

describe('number formats', () => {
  it('formats grouping and decimals in each locale', () => {
    expect(formatNumberPattern(1234.5, '#,##0.00', 'en_US')).toBe('1,234.50');
    expect(formatNumberPattern(1234.5, '#,##0.00', 'fr_FR')).toBe(`1${NNBSP}234,50`);
    expect(formatNumberPattern(1234567, '#,##0', 'en_US')).toBe('1,234,567');
    expect(formatNumberPattern(0.5, '0.0', 'en_US')).toBe('0.5');
    expect(formatNumberPattern(2.456, '0.##', 'en_US')).toBe('2.46');
    expect(formatNumberPattern(2, '0.##', 'en_US')).toBe('2');
  });
  it('formats percentages', () => {
    expect(formatNumberPattern(0.4, '0%', 'en_US')).toBe('40%');
    expect(formatNumberPattern(0.1234, '0.0%', 'fr_FR')).toBe('12,3%');
    expect(formatNumberPattern(-0.05, '0.0%', 'en_US')).toBe('-5.0%');
  });
  it('formats currencies, with [$…] and quoted literals', () => {
    expect(formatNumberPattern(17800, '#,##0.00 [$€]', 'fr_FR')).toBe(`17${NNBSP}800,00 €`);
    expect(formatNumberPattern(1234.5, '[$$]#,##0.00', 'en_US')).toBe('$1,234.50');
    expect(formatNumberPattern(-1234.5, '[$$]#,##0.00', 'en_US')).toBe('-$1,234.50');
    expect(formatNumberPattern(12, '0" days"', 'en_US')).toBe('12 days');
    expect(formatNumberPattern(3, '"j+"0', 'fr_FR')).toBe('j+3');
  });
  it('uses the negative and zero sections', () => {
    const pattern = '"+"0.0%;"-"0.0%;0.0%';
    expect(formatNumberPattern(0.125, pattern, 'en_US')).toBe('+12.5%');
    expect(formatNumberPattern(-0.125, pattern, 'en_US')).toBe('-12.5%');
    expect(formatNumberPattern(0, pattern, 'en_US')).toBe('0.0%');
    expect(formatNumberPattern(-5, '#,##0;(#,##0)', 'en_US')).toBe('(5)');
  });
});

describe('date formats', () => {
  // 2025-03-31 00:00 in Paris.
  const march31 = new Date('2025-03-30T22:00:00Z');
  it('formats day-first, month-first and ISO patterns', () => {
    expect(formatDatePattern(march31, 'dd/MM/yyyy', 'fr_FR', PARIS)).toBe('31/03/2025');
    expect(formatDatePattern(march31, 'M/d/yyyy', 'en_US', PARIS)).toBe('3/31/2025');
    expect(formatDatePattern(march31, 'yyyy-mm-dd', 'en_US', PARIS)).toBe('2025-03-31');
  });
  it('names months and days in the locale', () => {
    expect(formatDatePattern(march31, 'mmm yyyy', 'en_US', PARIS)).toBe('Mar 2025');
    expect(formatDatePattern(march31, 'mmmm yyyy', 'fr_FR', PARIS)).toBe('mars 2025');
    expect(formatDatePattern(march31, 'dddd d mmmm', 'fr_FR', PARIS)).toBe('lundi 31 mars');
  });
  it('reads m after h as minutes', () => {
    const time = new Date('2025-03-31T13:05:09Z'); // 15:05:09 in Paris
    expect(formatDatePattern(time, 'hh:mm:ss', 'fr_FR', PARIS)).toBe('15:05:09');
    expect(formatDatePattern(time, 'h:mm am/pm', 'en_US', PARIS)).toBe('3:05 pm');
  });
  it('converts serial numbers in the time zone', () => {
    // Serial 45747 is 2025-03-31.
    expect(toSerial(march31, PARIS)).toBe(45747);
    expect(fromSerial(45747, PARIS)).toEqual(march31);
  });
});

describe('formatValue (display values)', () => {
  it('shows blanks, text, booleans and general numbers', () => {
    expect(formatValue('', '0.###############', 'en_US', NY)).toBe('');
    expect(formatValue('n/c', '0.00', 'fr_FR', PARIS)).toBe('n/c');
    expect(formatValue(true, '', 'en_US', NY)).toBe('TRUE');
    expect(formatValue(false, '', 'fr_FR', PARIS)).toBe('FAUX');
    expect(formatValue(12.5, '0.###############', 'fr_FR', PARIS)).toBe('12,5');
    expect(formatValue(1 / 3, '0.###############', 'en_US', NY)).toBe('0.3333333333');
  });
  it('shows dates at midnight as dates, others with the time', () => {
    const midnight = new Date('2025-01-15T05:00:00Z'); // midnight in New York
    expect(formatValue(midnight, '0.###############', 'en_US', NY)).toBe('1/15/2025');
    const noon = new Date('2025-01-15T17:00:00Z');
    expect(formatValue(noon, '0.###############', 'en_US', NY)).toBe('1/15/2025 12:00:00');
    const paris = new Date('2024-12-31T23:00:00Z');
    expect(formatValue(paris, '0.###############', 'fr_FR', PARIS)).toBe('01/01/2025');
  });
  it('shows a number in a date format as a serial date and a date in a number format as a serial', () => {
    expect(formatValue(45747, 'yyyy-mm-dd', 'en_US', NY)).toBe('2025-03-31');
    expect(formatValue(new Date('2025-03-31T04:00:00Z'), '0', 'en_US', NY)).toBe('45747');
  });
});

describe('Utilities.formatDate patterns (Java)', () => {
  const instant = new Date('2025-07-04T16:07:08.009Z');
  it('formats in the given zone with English names', () => {
    expect(formatJavaDate(instant, PARIS, 'yyyy-MM-dd HH:mm:ss')).toBe('2025-07-04 18:07:08');
    expect(formatJavaDate(instant, NY, 'EEE, MMM d yyyy h:mm a')).toBe('Fri, Jul 4 2025 12:07 PM');
    expect(formatJavaDate(instant, 'UTC', "yyyy-MM-dd'T'HH:mm:ss.SSSXXX")).toBe(
      '2025-07-04T16:07:08.009Z',
    );
    expect(formatJavaDate(instant, PARIS, 'Z')).toBe('+0200');
    expect(formatJavaDate(instant, NY, 'XXX')).toBe('-04:00');
    expect(formatJavaDate(instant, PARIS, "MMMM ''yy")).toBe("July '25");
  });
  it('refuses unknown letters', () => {
    expect(() => formatJavaDate(instant, PARIS, 'yyyy-qq')).toThrow(
      "Illegal pattern character 'q'",
    );
  });
});
