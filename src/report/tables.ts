import { normalizeLabel } from '../core/labels';
import type { DealTable } from '../engine/deals';
import type { EntityTable } from '../engine/table';
import type { EntityId } from '../mapping/fields';
import { resolveEntityColumns } from '../mapping/savedColumns';
import type { EntityMapping, Mapping } from '../mapping/schema';

/** Each mapped sheet's values as getValues gives them, from row 1. */
export type SheetTables = Readonly<Partial<Record<EntityId, readonly (readonly unknown[])[]>>>;

/** The given sheets seen through the mapping: an entity's table only when it is both. */
export class MappedTables {
  constructor(
    private readonly tables: SheetTables,
    private readonly mapping: Mapping,
  ) {}

  of(id: EntityId): (EntityTable & DealTable) | undefined {
    const values = this.tables[id];
    const entity = values ? this.mapping.entities[id] : undefined;
    return entity ? entityTable(values!, entity) : undefined;
  }

  /** The deals are always mapped; a missing sheet reads as an empty one. */
  deals(): EntityTable & DealTable {
    return entityTable(this.tables.deals ?? [], this.mapping.entities.deals);
  }
}

function entityTable(
  values: readonly (readonly unknown[])[],
  entity: EntityMapping,
): EntityTable & DealTable {
  const headerIndex = Math.max(0, entity.headerRow - 1);
  // By saved header text: a header no longer found leaves its field out (−1).
  const { columns } = resolveEntityColumns(values, entity);
  return { values, headerIndex, columns, firstSheetRow: 1 };
}

/** The normalized labels of a status list; undefined when it names none. */
export function labelSet(labels: readonly string[]): ReadonlySet<string> | undefined {
  const set = new Set(labels.map(normalizeLabel).filter((l) => l !== ''));
  return set.size > 0 ? set : undefined;
}
