/**
 * The saved mapping as KPI_TABLE reads it: from the document cache, the document
 * properties only on a miss. Every recalculation of every KPI_TABLE cell would otherwise
 * read the properties, which count against the daily quota of property reads. The cache
 * holds the mapping's JSON (or NO_MAPPING) for CACHE_SECONDS; saving or resetting the
 * mapping rewrites it, so a formula never reads a mapping older than the last save.
 */
import type { Mapping } from '../mapping/schema';
import { serializeMapping, utf8ByteLength } from '../mapping/schema';
import { readStoredMapping } from './mappingStore';

export const MAPPING_CACHE_KEY = 'sales-kpi-sheets/mapping';
/** What the cache holds when no mapping is saved. */
export const NO_MAPPING = 'none';
/** The longest CacheService keeps a value: six hours. */
export const CACHE_SECONDS = 21600;
/** CacheService refuses values over 100 KB; a larger mapping is read from the properties. */
const CACHE_VALUE_BYTES = 100 * 1024;

type Cache = GoogleAppsScript.Cache.Cache;

/** The document cache, or null when there is none (outside a document) or it fails. */
function documentCache(): Cache | null {
  try {
    return CacheService.getDocumentCache();
  } catch {
    return null;
  }
}

/** Stores what the cache should say about the saved mapping (null: none saved). */
function remember(cache: Cache | null, mapping: Mapping | null): void {
  if (!cache) return;
  try {
    const text = mapping ? serializeMapping(mapping) : NO_MAPPING;
    if (utf8ByteLength(text) > CACHE_VALUE_BYTES) cache.remove(MAPPING_CACHE_KEY);
    else cache.put(MAPPING_CACHE_KEY, text, CACHE_SECONDS);
  } catch {
    // A cache that cannot be written only costs a property read next time.
  }
}

/**
 * The saved mapping for KPI_TABLE: its JSON text (KPI_TABLE validates it), or null when
 * none is saved or it cannot be used. Never throws.
 */
export function savedMappingForFormulas(): string | null {
  const cache = documentCache();
  if (cache) {
    try {
      const hit = cache.get(MAPPING_CACHE_KEY);
      if (hit === NO_MAPPING) return null;
      if (hit) return hit;
    } catch {
      // Read the properties instead.
    }
  }
  const stored = readStoredMapping();
  if (stored.kind === 'ok') {
    remember(cache, stored.mapping);
    return serializeMapping(stored.mapping);
  }
  if (stored.kind === 'none') remember(cache, null);
  return null;
}

/** After a save (the mapping) or a reset (null): the cache says the same as the properties. */
export function refreshMappingCache(mapping: Mapping | null): void {
  remember(documentCache(), mapping);
}
