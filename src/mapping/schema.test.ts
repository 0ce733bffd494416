import type { Mapping } from './schema';
import {
  joinFromStorage,
  parseMapping,
  serializeMapping,
  splitForStorage,
  staleStorageKeys,
  utf8ByteLength,
} from './schema';

function sampleMapping(): Mapping {
  return {
    version: 1,
    entities: {
      deals: {
        sheet: 'Affaires',
        headerRow: 1,
        fields: {
          status: { header: 'Étape', index: 4 },
          amount: { header: 'Montant HT', index: 5 },
          rep: { header: 'Commercial', index: 3 },
        },
      },
      feedback: {
        sheet: 'Ressenti',
        headerRow: 2,
        fields: { date: { header: 'Date', index: 0 }, score: { header: 'Note', index: 2 } },
      },
    },
    status: {
      won: ['Gagné'],
      lost: ['Perdu'],
      open: ['Prospection', 'Négociation'],
      stageOrder: ['Prospection', 'Négociation', 'Gagné', 'Perdu'],
    },
    feedbackScale: '1-5',
    settings: {
      period: 'quarter',
      fiscalYearStartMonth: 4,
      customRange: { start: '2025-01-01', end: '2025-03-31' },
    },
  };
}

const reasonOf = (input: unknown) => {
  const parsed = parseMapping(input);
  if (parsed.ok) throw new Error('expected a failure');
  return parsed.reason;
};

describe('parseMapping', () => {
  it('round-trips a mapping through JSON, as an object or as text', () => {
    const mapping = sampleMapping();
    const json = serializeMapping(mapping);
    expect(parseMapping(JSON.parse(json))).toEqual({ ok: true, mapping });
    expect(parseMapping(json)).toEqual({ ok: true, mapping });
  });

  it('refuses corrupted JSON without throwing', () => {
    const json = serializeMapping(sampleMapping());
    expect(reasonOf(json.slice(0, json.length / 2))).toMatch(/not valid JSON/);
    expect(reasonOf('')).toMatch(/not valid JSON/);
    expect(reasonOf(null)).toMatch(/not an object/);
    expect(reasonOf([1, 2])).toMatch(/not an object/);
    expect(reasonOf(42)).toMatch(/not an object/);
  });

  it('says when the version is unknown or missing', () => {
    expect(reasonOf({ ...sampleMapping(), version: 2 })).toMatch(
      /version 2, this release reads version 1/,
    );
    expect(reasonOf({ ...sampleMapping(), version: '1' })).toMatch(/version "1"/);
    const { version: _version, ...rest } = sampleMapping();
    expect(reasonOf(rest)).toMatch(/no version/);
  });

  it('names the path of wrong types', () => {
    const mapping = sampleMapping() as unknown as {
      entities: { deals: { fields: Record<string, unknown>; headerRow: unknown } };
      settings: Record<string, unknown>;
    };
    mapping.entities.deals.fields.amount = { header: 'Montant', index: 'F' };
    expect(reasonOf(mapping)).toMatch(/entities\.deals\.fields\.amount\.index/);

    const badRow = sampleMapping() as unknown as { entities: { deals: { headerRow: unknown } } };
    badRow.entities.deals.headerRow = 0;
    expect(reasonOf(badRow)).toMatch(/entities\.deals\.headerRow/);

    const badPeriod = sampleMapping() as unknown as { settings: Record<string, unknown> };
    badPeriod.settings.period = 'fortnight';
    expect(reasonOf(badPeriod)).toMatch(/settings\.period/);

    const badMonth = sampleMapping() as unknown as { settings: Record<string, unknown> };
    badMonth.settings.fiscalYearStartMonth = 13;
    expect(reasonOf(badMonth)).toMatch(/settings\.fiscalYearStartMonth/);

    const badStatus = sampleMapping() as unknown as { status: Record<string, unknown> };
    badStatus.status.won = 'Gagné';
    expect(reasonOf(badStatus)).toMatch(/status\.won/);
  });

  it('refuses unknown fields, missing required fields and impossible ranges', () => {
    const unknownField = sampleMapping();
    unknownField.entities.deals.fields.colour = { header: 'Couleur', index: 9 };
    expect(reasonOf(unknownField)).toMatch(/entities\.deals\.fields\.colour: unknown deals field/);

    const noAmount = sampleMapping();
    delete noAmount.entities.deals.fields.amount;
    expect(reasonOf(noAmount)).toMatch(/entities\.deals\.fields\.amount: required field missing/);

    const noDeals = sampleMapping() as unknown as { entities: Record<string, unknown> };
    delete noDeals.entities.deals;
    expect(reasonOf(noDeals)).toMatch(/entities\.deals/);

    const badRange = sampleMapping();
    badRange.settings.customRange = { start: '2025-03-31', end: '2025-01-01' };
    expect(reasonOf(badRange)).toMatch(/end is before start/);
    badRange.settings.customRange = { start: '2025-02-30', end: '2025-03-01' };
    expect(reasonOf(badRange)).toMatch(/customRange\.start/);
  });

  it('accepts a minimal mapping', () => {
    const minimal = {
      version: 1,
      entities: {
        deals: {
          sheet: 'Deals',
          headerRow: 1,
          fields: { status: { header: 'Stage', index: 0 }, amount: { header: 'Amount', index: 1 } },
        },
      },
      status: { won: [], lost: [], open: [], stageOrder: [] },
      settings: { period: 'month', fiscalYearStartMonth: 1 },
    };
    expect(parseMapping(minimal).ok).toBe(true);
  });
});

describe('storage chunks', () => {
  it('counts UTF-8 bytes like Node does', () => {
    for (const text of ['', 'abc', 'Étape', '€ 1 234', '日本語', '😀 emoji', 'a\ud800b']) {
      expect(utf8ByteLength(text)).toBe(Buffer.byteLength(text, 'utf8'));
    }
  });

  it('keeps a small mapping in one chunk and joins it back', () => {
    const json = serializeMapping(sampleMapping());
    const record = splitForStorage(json);
    expect(Object.keys(record)).toEqual(['kpiMapping', 'kpiMapping.0']);
    expect(joinFromStorage(record)).toBe(json);
  });

  it('splits an oversize mapping into chunks of at most 9 KB each', () => {
    const mapping = sampleMapping();
    // Long French and emoji labels: multi-byte characters near chunk edges.
    mapping.status.open = Array.from({ length: 800 }, (_, i) => `Étape négociée n°${i} 😀`);
    mapping.status.stageOrder = [...mapping.status.open, 'Gagné', 'Perdu'];
    const json = serializeMapping(mapping);
    expect(utf8ByteLength(json)).toBeGreaterThan(3 * 9000);
    const record = splitForStorage(json);
    const chunks = Object.keys(record).filter((k) => k !== 'kpiMapping');
    expect(chunks.length).toBeGreaterThanOrEqual(4);
    for (const key of Object.keys(record)) {
      expect(Buffer.byteLength(record[key], 'utf8')).toBeLessThanOrEqual(9000);
    }
    const joined = joinFromStorage(record);
    expect(joined).toBe(json);
    expect(parseMapping(joined)).toEqual({ ok: true, mapping });
  });

  it('never cuts a surrogate pair', () => {
    const json = JSON.stringify('😀'.repeat(50));
    const record = splitForStorage(json, 10);
    for (const [key, value] of Object.entries(record)) {
      if (key === 'kpiMapping') continue;
      expect(value).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
      expect(Buffer.byteLength(value)).toBeLessThanOrEqual(10);
    }
    expect(joinFromStorage(record)).toBe(json);
  });

  it('returns null for nothing stored, a missing chunk or a truncated one', () => {
    expect(joinFromStorage({})).toBeNull();
    const record = splitForStorage('x'.repeat(100), 30);
    const missing = { ...record };
    delete missing['kpiMapping.2'];
    expect(joinFromStorage(missing)).toBeNull();
    expect(joinFromStorage({ ...record, 'kpiMapping.1': 'short' })).toBeNull();
    expect(joinFromStorage({ ...record, kpiMapping: '{oops' })).toBeNull();
    expect(joinFromStorage({ ...record, kpiMapping: '{"n":-1}' })).toBeNull();
  });

  it('lists the chunks a shorter save leaves behind', () => {
    const long = splitForStorage('y'.repeat(100), 30);
    const short = splitForStorage('y'.repeat(20), 30);
    expect(staleStorageKeys(Object.keys(long), short).sort()).toEqual([
      'kpiMapping.1',
      'kpiMapping.2',
      'kpiMapping.3',
    ]);
    expect(joinFromStorage({ ...long, ...short })).toBe('y'.repeat(20));
  });
});
