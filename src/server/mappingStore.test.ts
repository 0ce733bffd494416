import { splitForStorage } from '../mapping/schema';
import type { PropertyStore } from './mappingStore';
import {
  deleteStoredMapping,
  interpretStored,
  MappingTooLargeError,
  readStoredMapping,
  writeStoredMapping,
} from './mappingStore';
import type { Mapping } from '../mapping/schema';

const MAPPING: Mapping = {
  version: 1,
  entities: {
    deals: {
      sheet: 'Deals',
      headerRow: 1,
      fields: { status: { header: 'Stage', index: 0 }, amount: { header: 'Amount', index: 1 } },
    },
  },
  status: { won: ['Won'], lost: ['Lost'], open: ['Lead'], stageOrder: ['Lead', 'Won', 'Lost'] },
  settings: { period: 'month', fiscalYearStartMonth: 1 },
};

function memoryStore(
  initial: Record<string, string> = {},
): PropertyStore & { map: Map<string, string> } {
  const map = new Map(Object.entries(initial));
  return {
    map,
    getProperties: () => Object.fromEntries(map),
    setProperties(properties) {
      for (const [k, v] of Object.entries(properties)) {
        if (Buffer.byteLength(v) > 9 * 1024) throw new Error('Argument too large: value');
        map.set(k, v);
      }
    },
    deleteProperty: (key) => map.delete(key),
  };
}

describe('interpretStored', () => {
  it('reads nothing as none', () => {
    expect(interpretStored({ other: 'x' })).toEqual({ kind: 'none' });
  });

  it('reads a valid mapping', () => {
    expect(interpretStored(splitForStorage(JSON.stringify(MAPPING)))).toEqual({
      kind: 'ok',
      mapping: MAPPING,
    });
  });

  it.each([
    ['invalidJson', '{"version":'],
    ['unknownVersion', JSON.stringify({ ...MAPPING, version: 2 })],
    ['unknownVersion', JSON.stringify({ entities: {} })],
    ['invalid', JSON.stringify({ ...MAPPING, status: null })],
    ['invalid', '42'],
    ['invalid', '[1, 2]'],
  ])('reads a %s value with a reason', (kind, json) => {
    const result = interpretStored(splitForStorage(json));
    expect(result.kind).toBe(kind);
    expect((result as { reason: string }).reason).toMatch(/saved mapping/);
  });

  it('reads a missing chunk or damaged metadata as incomplete', () => {
    const record = splitForStorage(JSON.stringify(MAPPING), 100);
    delete record['kpiMapping.1'];
    expect(interpretStored(record).kind).toBe('incomplete');
    expect(interpretStored({ kpiMapping: 'garbage' }).kind).toBe('incomplete');
  });
});

describe('readStoredMapping', () => {
  it('never throws, even when the properties cannot be read', () => {
    const store = memoryStore();
    store.getProperties = () => {
      throw new Error('Service unavailable');
    };
    expect(readStoredMapping(store)).toEqual({ kind: 'unreadable', reason: 'Service unavailable' });
  });
});

describe('writeStoredMapping / deleteStoredMapping', () => {
  it('writes chunks of at most 9000 bytes, removes stale ones, and reads back', () => {
    const store = memoryStore({ unrelated: 'keep me' });
    const big: Mapping = {
      ...MAPPING,
      status: { ...MAPPING.status, open: Array.from({ length: 2000 }, (_, i) => `Étape ${i} ✓`) },
    };
    writeStoredMapping(big, store);
    const chunkCount = [...store.map.keys()].filter((k) => k.startsWith('kpiMapping.')).length;
    expect(chunkCount).toBeGreaterThan(2);
    for (const value of store.map.values())
      expect(Buffer.byteLength(value)).toBeLessThanOrEqual(9000);
    expect(readStoredMapping(store)).toEqual({ kind: 'ok', mapping: big });

    writeStoredMapping(MAPPING, store);
    expect([...store.map.keys()].sort()).toEqual(['kpiMapping', 'kpiMapping.0', 'unrelated']);
    expect(readStoredMapping(store)).toEqual({ kind: 'ok', mapping: MAPPING });

    deleteStoredMapping(store);
    expect([...store.map.keys()]).toEqual(['unrelated']);
    expect(readStoredMapping(store)).toEqual({ kind: 'none' });
  });

  it('refuses a mapping over the size limit before writing anything', () => {
    const store = memoryStore();
    const huge: Mapping = {
      ...MAPPING,
      status: {
        ...MAPPING.status,
        open: Array.from({ length: 30000 }, (_, i) => `Stage number ${i}`),
      },
    };
    expect(() => writeStoredMapping(huge, store)).toThrow(MappingTooLargeError);
    expect(store.map.size).toBe(0);
  });
});
