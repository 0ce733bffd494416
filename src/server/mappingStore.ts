import type { Mapping } from '../mapping/schema';
import { documentProperties } from './documentServices';
import {
  MAPPING_VERSION,
  joinFromStorage,
  parseMapping,
  serializeMapping,
  splitForStorage,
  staleStorageKeys,
  STORAGE_PREFIX,
  utf8ByteLength,
} from '../mapping/schema';

/**
 * The saved mapping in the document properties: one metadata key and ≤ 9 KB chunks
 * (splitForStorage). Reading never throws: whatever is stored, the caller gets either a
 * valid mapping or a reason it can show before falling back to detection.
 */

/** The slice of GoogleAppsScript.Properties.Properties this module uses. */
export interface PropertyStore {
  getProperties(): Record<string, string>;
  setProperties(properties: Record<string, string>): unknown;
  deleteProperty(key: string): unknown;
}

export type StoredMapping =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly mapping: Mapping }
  | {
      readonly kind: 'invalidJson' | 'unknownVersion' | 'invalid' | 'incomplete' | 'unreadable';
      readonly reason: string;
    };

/** Apps Script allows 9 KB per value; splitForStorage keeps a margin below it. */
export const CHUNK_BYTES = 9000;
/** The document's properties may hold 500 KB in all; leave room for other features. */
export const MAX_MAPPING_BYTES = 400 * 1024;

/** The document's properties; throws MissingDocumentService outside a document. */
export function documentStore(): PropertyStore {
  return documentProperties();
}

/** Pure: what a properties record holds under the mapping's keys. */
export function interpretStored(
  record: Readonly<Record<string, string | undefined>>,
): StoredMapping {
  if (typeof record[STORAGE_PREFIX] !== 'string') return { kind: 'none' };
  const json = joinFromStorage(record);
  if (json === null) {
    return { kind: 'incomplete', reason: 'the saved mapping has missing or damaged parts' };
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { kind: 'invalidJson', reason: 'the saved mapping is not valid JSON' };
  }
  const parsed = parseMapping(value);
  if (parsed.ok) return { kind: 'ok', mapping: parsed.mapping };
  const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
  const version = isObject ? (value as { version?: unknown }).version : MAPPING_VERSION;
  return {
    kind: version === MAPPING_VERSION ? 'invalid' : 'unknownVersion',
    reason: parsed.reason,
  };
}

/** The saved mapping, or why there is none usable. Never throws. */
export function readStoredMapping(store?: PropertyStore): StoredMapping {
  try {
    return interpretStored((store ?? documentStore()).getProperties());
  } catch (error) {
    return { kind: 'unreadable', reason: String((error as Error)?.message ?? error) };
  }
}

export class MappingTooLargeError extends Error {
  constructor(
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`the mapping is ${bytes} bytes, over the ${limit} bytes limit`);
    this.name = 'MappingTooLargeError';
  }
}

/**
 * Writes a (validated) mapping: all chunks and the metadata in one call, then deletes the
 * chunks a longer earlier save left behind. Every value stays within CHUNK_BYTES.
 */
export function writeStoredMapping(mapping: Mapping, store?: PropertyStore): void {
  const properties = store ?? documentStore();
  const json = serializeMapping(mapping);
  const bytes = utf8ByteLength(json);
  if (bytes > MAX_MAPPING_BYTES) throw new MappingTooLargeError(bytes, MAX_MAPPING_BYTES);
  const record = splitForStorage(json, CHUNK_BYTES);
  const existing = Object.keys(properties.getProperties());
  properties.setProperties(record);
  for (const key of staleStorageKeys(existing, record)) properties.deleteProperty(key);
}

/** Deletes the saved mapping (metadata first, so a half-done delete reads as nothing). */
export function deleteStoredMapping(store?: PropertyStore): void {
  const properties = store ?? documentStore();
  const keys = Object.keys(properties.getProperties());
  if (keys.includes(STORAGE_PREFIX)) properties.deleteProperty(STORAGE_PREFIX);
  for (const key of staleStorageKeys(keys, {})) properties.deleteProperty(key);
}
