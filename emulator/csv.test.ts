import { join } from 'path';
import fc from 'fast-check';
import { CsvError, decodeCsv, detectDelimiter, escapeFormulaText, parseCsv, toCsv } from './csv';
import { loadCsvFolder, parseLocaleNumber, typeCsvTable, typeCsvValue } from './importCsv';

const SAMPLES = join(__dirname, '..', 'samples');

describe('parseCsv', () => {
  it('splits on commas and handles RFC-4180 quotes', () => {
    expect(parseCsv('a,b,c\n1,"x, y","say ""hi"""\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"'],
    ]);
  });
  it('detects a semicolon delimiter from the header, ignoring quoted separators', () => {
    expect(detectDelimiter('"a,b,c";d;e\n1,2,3,4')).toBe(';');
    expect(parseCsv('Réf.;Montant\nAFF-1;"1,5"\n')).toEqual([
      ['Réf.', 'Montant'],
      ['AFF-1', '1,5'],
    ]);
  });
  it('accepts CRLF, strips the BOM and drops the trailing empty line', () => {
    expect(parseCsv('\ufeffa;b\r\n1;2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
  it('keeps the last record without a final line break', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
  it('keeps line breaks inside quotes (as LF, as a cell holds them) and empty fields', () => {
    expect(parseCsv('a,b\n"line1\r\nline2",\n,\n')).toEqual([
      ['a', 'b'],
      ['line1\nline2', ''],
      ['', ''],
    ]);
  });
  it('reads a file whose lines end in CRLF, LF and CR alike', () => {
    expect(parseCsv('a,b\r\n1,2\n3,4\r5,6')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
  });
  it('keeps a quote inside an unquoted field as text', () => {
    expect(parseCsv('a,b\n12" screen,2\n')).toEqual([
      ['a', 'b'],
      ['12" screen', '2'],
    ]);
  });
  it('keeps a blank line in the middle as a one-field row', () => {
    expect(parseCsv('a\n\nb\n')).toEqual([['a'], [''], ['b']]);
  });
  it('round-trips through toCsv', () => {
    const rows = [
      ['x', 'a,b', 'q"q'],
      ['', 'multi\nline', '3'],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
  it('returns no rows for empty text', () => {
    expect(parseCsv('')).toEqual([]);
  });
});

const PARIS = 'Europe/Paris';
const NY = 'America/New_York';

describe('typeCsvValue in fr_FR', () => {
  const fr = (text: string) => typeCsvValue(text, 'fr_FR', PARIS);
  it('keeps blanks as ""', () => expect(fr('')).toBe(''));
  it('reads French numbers', () => {
    expect(fr('1050')).toBe(1050);
    expect(fr('12,5')).toBe(12.5);
    expect(fr('1 234,50')).toBe(1234.5);
    expect(fr('1\u00a0234,50')).toBe(1234.5);
    expect(fr('1\u202f234,50')).toBe(1234.5);
    expect(fr('-3,25')).toBe(-3.25);
  });
  it('reads euro amounts and percentages', () => {
    expect(fr('17\u00a0800,00 €')).toBe(17800);
    expect(fr('17 800,00\u00a0€')).toBe(17800);
    expect(fr('100 %')).toBe(1);
    expect(fr('40%')).toBe(0.4);
    expect(fr('0 %')).toBe(0);
  });
  it('reads day-first dates at midnight Paris time', () => {
    // 2025-01-01 00:00 in Paris (UTC+1) is 2024-12-31T23:00Z.
    expect(fr('01/01/2025')).toEqual(new Date('2024-12-31T23:00:00Z'));
    // 31 March 2025 is after the switch to summer time (UTC+2).
    expect(fr('31/03/2025')).toEqual(new Date('2025-03-30T22:00:00Z'));
    expect(fr('2025-03-31')).toEqual(new Date('2025-03-30T22:00:00Z'));
  });
  it('reads VRAI/FAUX and TRUE/FALSE', () => {
    expect(fr('VRAI')).toBe(true);
    expect(fr('faux')).toBe(false);
    expect(fr('TRUE')).toBe(true);
  });
  it('keeps everything else as text', () => {
    for (const text of [
      'n/c',
      'Gagné ',
      '01/2025',
      '2025-01',
      'AFF-1394',
      '1,234.50',
      '13/13/2025',
      '1 2',
    ]) {
      expect(fr(text)).toBe(text);
    }
    expect(fr('31/02/2025')).toBe('31/02/2025');
  });
});

describe('typeCsvValue in en_US', () => {
  const en = (text: string) => typeCsvValue(text, 'en_US', NY);
  it('reads US numbers, dollars and percentages', () => {
    expect(en('1,234.50')).toBe(1234.5);
    expect(en('23520.00')).toBe(23520);
    expect(en('$1,234.50')).toBe(1234.5);
    expect(en('-$5')).toBe(-5);
    expect(en('40%')).toBe(0.4);
    expect(en('.5')).toBe(0.5);
  });
  it('refuses French-looking numbers', () => {
    expect(en('12,5')).toBe('12,5');
    expect(en('1 234,50')).toBe('1 234,50');
  });
  it('reads month-first and ISO dates at midnight New York time', () => {
    expect(en('03/31/2025')).toEqual(new Date('2025-03-31T04:00:00Z'));
    expect(en('2025-01-15')).toEqual(new Date('2025-01-15T05:00:00Z'));
    expect(en('31/03/2025')).toBe('31/03/2025');
  });
  it('reads TRUE/FALSE but not VRAI', () => {
    expect(en('false')).toBe(false);
    expect(en('VRAI')).toBe('VRAI');
  });
  it('keeps month-years and ids as text', () => {
    expect(en('2025-01')).toBe('2025-01');
    expect(en('D-1414')).toBe('D-1414');
  });
  it('parseLocaleNumber says undefined for text', () => {
    expect(parseLocaleNumber('abc', 'en_US')).toBeUndefined();
    expect(parseLocaleNumber('$5%', 'en_US')).toBeUndefined();
  });
});

describe('loadCsvFolder on the samples', () => {
  it('loads the French workbook typed as Sheets would', () => {
    const tabs = loadCsvFolder(join(SAMPLES, 'fr'), { locale: 'fr_FR', timeZone: PARIS });
    expect(tabs.map((t) => t.name)).toEqual([
      'activites',
      'affaires',
      'campagnes',
      'objectifs',
      'ressenti',
    ]);
    const deals = tabs[1].values;
    expect(deals[0][0]).toBe('Réf.');
    expect(deals[0]).toHaveLength(11);
    expect(deals.every((row) => row.length === 11)).toBe(true);
    // AFF-1394;...;gagné;"17 800,00 €";"9 885,00 €";01/01/2025;02/04/2025;Site web;100 %
    expect(deals[1]).toEqual([
      'AFF-1394',
      'Projet Durand 394',
      'Groupe Durand 107',
      'Lucas Bernard',
      'gagné',
      17800,
      9885,
      new Date('2024-12-31T23:00:00Z'),
      new Date('2025-04-01T22:00:00Z'),
      'Site web',
      1,
    ]);
    expect(deals[4][5]).toBe(1050);
    const formats = tabs[1].numberFormats[1];
    expect(formats).toEqual([
      null,
      null,
      null,
      null,
      null,
      '#,##0.00 [$€]',
      '#,##0.00 [$€]',
      'dd/MM/yyyy',
      'dd/MM/yyyy',
      null,
      '0%',
    ]);
    const nc = deals.find((row) => row[0] === 'AFF-1458');
    expect(nc?.[5]).toBe('n/c');
    // The last line is ";;;;;;;;;;": a blank row, kept.
    expect(deals[deals.length - 1]).toEqual(Array(11).fill(''));
    const targets = tabs[3].values;
    expect(targets[1]).toEqual(['Camille Martin', '01/2025', 35000]);
  });
  it('loads the English workbook with ISO dates', () => {
    const tabs = loadCsvFolder(join(SAMPLES, 'en'), { locale: 'en_US', timeZone: NY });
    const deals = tabs.find((t) => t.name === 'deals')!.values;
    expect(deals[1]).toEqual([
      'D-1414',
      'Wayne Logistics 37 renewal 414',
      'Wayne Logistics 37',
      'Dana Ortiz',
      'Closed Lost',
      23520,
      16329,
      new Date('2025-01-01T05:00:00Z'),
      new Date('2025-04-10T04:00:00Z'),
      '',
      0,
    ]);
    const targets = tabs.find((t) => t.name === 'targets')!.values;
    expect(targets[1]).toEqual(['Alice Carter', '2025-01', 40000]);
    const formats = tabs.find((t) => t.name === 'deals')!.numberFormats[1];
    expect(formats.slice(5, 9)).toEqual([null, null, 'yyyy-MM-dd', 'yyyy-MM-dd']);
  });
});

describe('a quote that never closes', () => {
  const deals = [
    'Deal ID,Company,Amount',
    'D1,Acme,100',
    'D2,"Beta, Inc,200',
    'D3,Gamma,300',
    'D4,Delta,400',
    '',
  ].join('\n');

  it('is an error naming the file and the line where the quote opens', () => {
    expect(() => parseCsv(deals, ',', 'crm/deals.csv')).toThrow(
      new CsvError(
        'crm/deals.csv, line 3: a quoted field opens on this line and is never closed (a " is missing)',
      ),
    );
    try {
      parseCsv(deals, ',', 'deals.csv');
    } catch (error) {
      expect(error).toBeInstanceOf(CsvError);
      expect((error as CsvError).line).toBe(3);
      expect((error as CsvError).file).toBe('deals.csv');
    }
  });

  it('counts lines of CRLF files, quoted line breaks and a BOM as the file shows them', () => {
    const text = '\ufeffa;b\r\n"two\r\nlines";x\r\n1;2\r\n3;"4\r\n5;6\r\n';
    expect(() => parseCsv(text)).toThrow(/^line 5: a quoted field opens/);
    expect(() => parseCsv('"a')).toThrow(/^line 1:/);
    expect(() => parseCsv('a\r\r\r"')).toThrow(/^line 4:/);
  });

  it('text after a closing quote is said so', () => {
    expect(() => parseCsv('a,b\n"Acme" Inc,2\n', ',', 'deals.csv')).toThrow(
      'deals.csv, line 2: a quoted field opens on this line and text follows its closing " (quote the whole field, doubling the " inside)',
    );
  });

  it('a stray quote closed by a later quote is an error, not rows run together', () => {
    // The quote before "deal 4" is closed by the quote that ends "deal 5,": two deals
    // would become one short row and one shifted row.
    const swallowed = [
      'Deal ID,Deal Name,Company,Amount',
      'D3,deal 3,Acme,300',
      'D4,"deal 4,Beta,400',
      'D5,deal 5,"',
      'Gamma",500',
      'D6,deal 6,Delta,600',
      '',
    ].join('\n');
    expect(() => parseCsv(swallowed, ',', 'deals.csv')).toThrow(
      new CsvError(
        'deals.csv, line 3: a quoted field opens on this line and runs to line 4, taking in what look like whole rows (a " is probably missing)',
      ),
    );
    // Closed by the opening quote of a later field: text follows that closing quote.
    const far = ['a,b,c', '1,"deal 2,3', '4,5,6', '7,"x",9', ''].join('\n');
    expect(() => parseCsv(far, ',', 'deals.csv')).toThrow(
      'deals.csv, line 2: a quoted field opens on this line and text follows its closing " (quote the whole field, doubling the " inside)',
    );
    const early = ['a,b,c', '1,"deal" 2,3', '4,5,6', '7,"x ""y""",9', ''].join('\n');
    expect(() => parseCsv(early, ',', 'deals.csv')).toThrow(
      /^deals\.csv, line 2: a quoted field opens on this line and text follows its closing "/,
    );
  });

  it('a quoted field holding line breaks and delimiters in a full-width or short row is read', () => {
    expect(parseCsv('a,b,c\n1,"x,\ny,z",3\n4,"p\nq"\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x,\ny,z', '3'],
      ['4', 'p\nq'],
    ]);
    expect(parseCsv('a\tb\n"x\ty\nz"\t1\n', '\t')).toEqual([
      ['a', 'b'],
      ['x\ty\nz', '1'],
    ]);
  });

  it('a quote closed further down is not an error: the field holds the line breaks', () => {
    expect(parseCsv('a,b\n"x\ny",2\n')).toEqual([
      ['a', 'b'],
      ['x\ny', '2'],
    ]);
  });
});

describe('decodeCsv', () => {
  const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

  it('reads UTF-8 and drops its byte order mark', () => {
    expect(decodeCsv(utf8('\ufeffMontant HT;Réf.\n'), 'deals.csv')).toBe('Montant HT;Réf.\n');
    expect(decodeCsv(utf8('Montant\n'), 'deals.csv')).toBe('Montant\n');
    expect(decodeCsv(new Uint8Array(), 'empty.csv')).toBe('');
  });

  it('refuses UTF-16 with either byte order mark', () => {
    const le = new Uint8Array(
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n', 'utf16le')]),
    );
    expect(() => decodeCsv(le, 'deals.csv')).toThrow(
      'deals.csv: this file is not UTF-8 (it starts with the UTF-16 little-endian mark); save it as “CSV UTF-8” and try again',
    );
    const be = new Uint8Array([0xfe, 0xff, 0x00, 0x61, 0x00, 0x0a]);
    expect(() => decodeCsv(be, 'deals.csv')).toThrow(
      /^deals\.csv: this file is not UTF-8 \(it starts with the UTF-16 big-endian mark\)/,
    );
  });

  it('refuses UTF-16 without a mark (NUL bytes) and Latin-1, naming the line', () => {
    const noMark = new Uint8Array(Buffer.from('a,b\n1,2\n', 'utf16le'));
    expect(() => decodeCsv(noMark, 'x.csv')).toThrow(
      /^x\.csv: this file is not UTF-8 \(line 1 holds NUL bytes/,
    );
    const latin1 = new Uint8Array(Buffer.from('Réf.;Montant\r\nAFF-1;12\r\nCafé;3\n', 'latin1'));
    expect(() => decodeCsv(latin1, 'x.csv')).toThrow(
      /^x\.csv: this file is not UTF-8 \(line 1 has bytes that are not UTF-8/,
    );
    const late = new Uint8Array(Buffer.concat([Buffer.from('a\r\nb\r\n'), Buffer.from([0xe9])]));
    expect(() => decodeCsv(late, 'x.csv')).toThrow(/line 3 has bytes/);
  });
});

describe('the CSV reader on any input', () => {
  // Text made of the characters that matter to a CSV reader, and any others.
  const csvText = fc.oneof(
    fc.string({
      unit: fc.constantFrom('a', '1', ',', ';', '"', '\n', '\r', ' ', '\t', '\ufeff', 'é'),
    }),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary' }),
  );

  it('gives rows of strings, or a CsvError naming a line of the text', () => {
    fc.assert(
      fc.property(csvText, fc.constantFrom(undefined, ',', ';', '\t'), (text, delimiter) => {
        let rows: string[][];
        try {
          rows = parseCsv(text, delimiter, 'f.csv');
        } catch (error) {
          expect(error).toBeInstanceOf(CsvError);
          const line = (error as CsvError).line!;
          expect(line).toBeGreaterThanOrEqual(1);
          expect(line).toBeLessThanOrEqual(text.split(/\r\n|\r|\n/).length);
          expect((error as CsvError).message).toMatch(/^f\.csv, line \d+: /);
          return;
        }
        expect(Array.isArray(rows)).toBe(true);
        for (const row of rows) {
          expect(row.length).toBeGreaterThan(0);
          for (const field of row) expect(typeof field).toBe('string');
        }
        // No text is lost: the same characters but quotes, separators, line breaks, the
        // BOM and the spaces or tabs between a closing quote and the next separator.
        const sep = delimiter ?? detectDelimiter(text.replace(/^\ufeff/, ''));
        const bare = (t: string) =>
          t
            .replace(/["\n\r\ufeff \t]/g, '')
            .split(sep)
            .join('');
        expect(bare(rows.flat().join(''))).toBe(bare(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back what toCsv wrote (a tab: every row as wide as the first)', () => {
    const field = fc.string({ unit: fc.constantFrom('a', ',', ';', '"', '\n', ' ', 'é', '=') });
    const rows = fc.integer({ min: 2, max: 4 }).chain((width) =>
      fc.array(fc.array(field, { minLength: width, maxLength: width }), {
        minLength: 1,
        maxLength: 5,
      }),
    );
    fc.assert(
      fc.property(rows, fc.constantFrom(',' as const, ';' as const), (table, delimiter) => {
        expect(parseCsv(toCsv(table, delimiter), delimiter)).toEqual(table);
      }),
    );
  });

  it('decodes any bytes to text, or says the file is not UTF-8', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        try {
          expect(typeof decodeCsv(bytes, 'f.csv')).toBe('string');
        } catch (error) {
          expect(error).toBeInstanceOf(CsvError);
          expect((error as Error).message).toMatch(/^f\.csv: this file is not UTF-8 \(/);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('escapeFormulaText', () => {
  it('prefixes a text that would start a formula with an apostrophe', () => {
    for (const text of [
      '=HYPERLINK("http://x","y")',
      "+cmd|' /C calc'!A0",
      '@SUM(1)',
      '-2+3',
      '\tx',
      '\rx',
    ]) {
      expect(escapeFormulaText(text)).toBe(`'${text}`);
    }
  });
  it('leaves other text as it is', () => {
    for (const text of ['', 'Acme', ' =1', "'quoted", '1=1', 'a-b', '€5']) {
      expect(escapeFormulaText(text)).toBe(text);
    }
  });
});

describe('a cell no Sheets cell could hold', () => {
  it('over 50,000 characters is an error naming the file, row and column', () => {
    const text = `Rep,Comment\nAnn,ok\nBob,"${'y'.repeat(50_001)}"\n`;
    expect(() => typeCsvTable(text, 'en_US', 'UTC', undefined, 'feedback.csv')).toThrow(
      new CsvError(
        'feedback.csv, row 3, column 2: a cell of 50,001 characters; a Sheets cell holds at most 50,000',
      ),
    );
  });

  it('of exactly 50,000 characters is read', () => {
    const long = 'y'.repeat(50_000);
    expect(typeCsvTable(`a\n${long}\n`, 'en_US', 'UTC').values).toEqual([['a'], [long]]);
  });
});
