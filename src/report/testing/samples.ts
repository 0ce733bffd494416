import { join } from 'path';
import { loadCsvFolder } from '../../../emulator/importCsv';
import type { SheetContext } from '../../core/context';
import { detectWorkbook } from '../../mapping/detect';
import { mappingFromDetection } from '../../mapping/mappingFromDetection';
import type { EntityId } from '../../mapping/fields';
import type { Mapping } from '../../mapping/schema';

/** Test-only (Node): a sample workbook of samples/ as typed tables and its detected mapping. */
export function loadSample(
  folder: string,
  context: SheetContext,
): { tables: Record<EntityId, unknown[][]>; mapping: Mapping } {
  const tabs = loadCsvFolder(join(__dirname, '../../../samples', folder), context);
  const mapping = mappingFromDetection(detectWorkbook(tabs, context))!;
  const tables = {} as Record<EntityId, unknown[][]>;
  for (const [id, entity] of Object.entries(mapping.entities)) {
    tables[id as EntityId] = tabs.find((t) => t.name === entity!.sheet)!.values;
  }
  return { tables, mapping };
}
