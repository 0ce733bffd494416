import type { EntityId } from './fields';
import { headerKey } from './fields';
import type { ColumnRef, EntityMapping, Mapping } from './schema';

/**
 * Where the columns of a saved mapping are now. A column is found by its saved header
 * text: at its saved position while that header is still there, else wherever the header
 * moved. A header found nowhere (deleted or renamed) is missing: its field is left out,
 * never read from whatever column now stands at the saved position. Only a column saved
 * without a header text is found by its position alone.
 */

export interface MissingColumn {
  readonly entity: EntityId;
  readonly sheet: string;
  readonly field: string;
  /** The header the mapping was saved with. */
  readonly header: string;
}

/** The 0-based column of a saved field in a header row, or −1 when its header is gone. */
export function columnOf(headerKeys: readonly string[], ref: ColumnRef): number {
  const key = headerKey(ref.header);
  if (key === '') return ref.index;
  if (headerKeys[ref.index] === key) return ref.index;
  return headerKeys.indexOf(key);
}

/** Each saved field's column now (−1: missing), and the missing ones. */
export function resolveEntityColumns(
  values: readonly (readonly unknown[])[],
  entity: EntityMapping,
): { columns: Record<string, number>; missing: { field: string; header: string }[] } {
  const headerRow = values[Math.max(0, entity.headerRow - 1)] ?? [];
  const keys = headerRow.map(headerKey);
  const columns: Record<string, number> = {};
  const missing: { field: string; header: string }[] = [];
  for (const [field, ref] of Object.entries(entity.fields)) {
    const column = columnOf(keys, ref);
    columns[field] = column;
    if (column < 0) missing.push({ field, header: ref.header });
  }
  return { columns, missing };
}

/** The saved columns no longer found in the given sheets (sheets not given are skipped). */
export function missingColumns(
  mapping: Mapping,
  valuesOf: (sheet: string) => readonly (readonly unknown[])[] | undefined,
): MissingColumn[] {
  const out: MissingColumn[] = [];
  for (const [id, entity] of Object.entries(mapping.entities) as [EntityId, EntityMapping][]) {
    if (!entity) continue;
    const values = valuesOf(entity.sheet);
    if (!values) continue;
    for (const m of resolveEntityColumns(values, entity).missing) {
      out.push({ entity: id, sheet: entity.sheet, field: m.field, header: m.header });
    }
  }
  return out;
}
