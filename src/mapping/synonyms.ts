import type { EntityId, FieldSpec } from './fields';
import { ENTITIES, headerKey, synonymKeys } from './fields';

/**
 * The header synonyms of every field as header keys, built once from fields.ts, and the
 * word-wise containment rule that header matching and sheet naming share.
 */

export interface FieldKeys {
  readonly spec: FieldSpec;
  readonly keys: ReadonlySet<string>;
  readonly list: readonly string[];
  /** spec.preferred and spec.excluded as header keys. */
  readonly preferred: ReadonlySet<string>;
  readonly excluded: readonly string[];
}
let fieldKeysCache: Map<EntityId, FieldKeys[]> | undefined;
let anyHeaderKeys: Set<string> | undefined;

/** An entity's fields, in data-model.md order, each with its synonyms as header keys. */
export function fieldKeys(entity: EntityId): FieldKeys[] {
  if (!fieldKeysCache) {
    fieldKeysCache = new Map();
    anyHeaderKeys = new Set();
    for (const spec of ENTITIES) {
      fieldKeysCache.set(
        spec.id,
        spec.fields.map((f) => {
          const list = synonymKeys(f.synonyms);
          list.forEach((k) => anyHeaderKeys!.add(k));
          return {
            spec: f,
            keys: new Set(list),
            list,
            preferred: new Set((f.preferred ?? []).map(headerKey)),
            excluded: (f.excluded ?? []).map(headerKey),
          };
        }),
      );
    }
  }
  return fieldKeysCache.get(entity)!;
}

/** Every synonym of every field of every entity, as header keys. */
export function allHeaderKeys(): Set<string> {
  if (!anyHeaderKeys) fieldKeys('deals');
  return anyHeaderKeys!;
}

/** Short synonyms ("ca", "n", "id") only match a whole header, never inside one. */
export const MIN_CONTAINED = 3;

/** `needle` stands in `haystack` as whole words (both header keys). */
export function containsWords(haystack: string, needle: string): boolean {
  return (' ' + haystack + ' ').includes(' ' + needle + ' ');
}

/** The longest synonym found inside a header key, or 0. */
export function containedLength(key: string, synonyms: readonly string[]): number {
  let best = 0;
  for (const s of synonyms) {
    if (s.length >= MIN_CONTAINED && s.length > best && containsWords(key, s)) best = s.length;
  }
  return best;
}
