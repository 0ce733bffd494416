import type { Language } from '../../core/context';
import { normalizeLabel } from '../../core/labels';
import type { CampaignColumns } from '../../engine/campaigns';
import type { DealProblem } from '../../engine/deals';
import type { FeedbackColumns } from '../../engine/feedback';
import type { EntityProblem, ReadLog, RowSkipReason } from '../../engine/table';
import { rowsBelowHeader } from '../../engine/table';
import type { TargetColumns } from '../../engine/targets';
import type { EntityId } from '../../mapping/fields';
import { ENTITIES } from '../../mapping/fields';
import type { Mapping } from '../../mapping/schema';
import { KPIS } from '../catalog';
import type { DealsRead } from '../deals';
import type { QualitySection, TableQuality, ValueProblem } from '../model';
import type { MappedTables } from '../tables';

/**
 * The data-quality tab: per table, the rows read, skipped and used and the values that
 * could not be read; statuses the mapping does not name; fields and tables not mapped.
 */

const MAX_PROBLEMS = 200;

function qualityOf(
  entity: EntityId,
  sheet: string,
  log: {
    readonly rowsRead: number;
    readonly skipped: ReadLog['skipped'];
    readonly problems: readonly (EntityProblem | DealProblem)[];
  },
  used: number,
): TableQuality {
  const skipped = (['blank', 'noDate', 'noValue'] as RowSkipReason[])
    .filter((reason) => log.skipped.counts[reason] > 0)
    .map((reason) => ({
      reason,
      count: log.skipped.counts[reason],
      sheetRows: log.skipped.rows[reason],
    }));
  const problems = [...log.problems].sort((a, b) => a.sheetRow - b.sheetRow);
  return {
    entity,
    sheet,
    rowsRead: log.rowsRead,
    rowsUsed: used,
    skipped,
    problems: problems.slice(0, MAX_PROBLEMS).map(toValueProblem),
    problemCount: problems.length,
  };
}

function toValueProblem(p: EntityProblem | DealProblem): ValueProblem {
  return {
    field: p.field,
    header: p.header,
    sheetRow: p.sheetRow,
    value: p.value,
    reason: p.reason,
  };
}

/** The other tables' read logs, each null when not mapped. */
export interface OtherLogs {
  readonly activities: (ReadLog & { length: number }) | null;
  readonly campaigns: CampaignColumns | null;
  readonly targets: TargetColumns | null;
  readonly feedback: FeedbackColumns | null;
}

export function buildQuality(
  deals: DealsRead,
  others: OtherLogs,
  mapping: Mapping,
  language: Language,
  tables: MappedTables,
): QualitySection {
  return {
    tables: tableQualities(deals, others, mapping),
    implausible: [],
    unclassedStatuses: unclassedStatuses(deals, mapping),
    ...unmapped(deals, tables, language),
  };
}

function tableQualities(deals: DealsRead, others: OtherLogs, mapping: Mapping): TableQuality[] {
  const { table: dealTable, reader } = deals;
  const tables: TableQuality[] = [];
  const { skipped, problems } = reader;
  const rowsRead = rowsBelowHeader(dealTable);
  tables.push(
    qualityOf(
      'deals',
      mapping.entities.deals.sheet,
      { rowsRead, skipped, problems },
      rowsRead - skipped.counts.blank - skipped.counts.noDate,
    ),
  );
  const add = (id: EntityId, log: (ReadLog & { length?: number }) | null, used: number) => {
    if (log) tables.push(qualityOf(id, mapping.entities[id]!.sheet, log, used));
  };
  add('activities', others.activities, others.activities?.length ?? 0);
  add('campaigns', others.campaigns, others.campaigns?.costs.length ?? 0);
  add('targets', others.targets, others.targets?.length ?? 0);
  add('feedback', others.feedback, others.feedback?.length ?? 0);
  return tables;
}

/** Statuses the mapping does not name (only when it names some). */
function unclassedStatuses(
  { reader, pass }: DealsRead,
  mapping: Mapping,
): QualitySection['unclassedStatuses'] {
  const known = new Set(
    [
      ...mapping.status.won,
      ...mapping.status.lost,
      ...mapping.status.open,
      ...mapping.status.stageOrder,
    ].map(normalizeLabel),
  );
  const unclassed: { label: string; count: number }[] = [];
  if (known.size > 0) {
    const stage = reader.stageCoder;
    stage.keys.forEach((key, code) => {
      if (!known.has(key)) {
        unclassed.push({ label: stage.labels[code], count: pass.stageAll[code] });
      }
    });
  }
  return unclassed;
}

/** Tables not given or not mapped, and the optional fields of the others not mapped. */
function unmapped(
  deals: DealsRead,
  tables: MappedTables,
  language: Language,
): Pick<QualitySection, 'unmappedFields' | 'unmappedEntities'> {
  const unmappedFields: QualitySection['unmappedFields'][number][] = [];
  const unmappedEntities: EntityId[] = [];
  for (const spec of ENTITIES) {
    const table = spec.id === 'deals' ? deals.table : tables.of(spec.id);
    if (!table) {
      unmappedEntities.push(spec.id);
      continue;
    }
    for (const field of spec.fields) {
      // Status flags stand in for a status column; they unlock nothing of their own.
      if (field.required || field.type === 'flag') continue;
      const column = table.columns[field.id as never] as number | undefined;
      if (column !== undefined && column >= 0) continue;
      unmappedFields.push({
        entity: spec.id,
        field: field.id,
        label: `${spec.label[language]} › ${field.label[language]}`,
        unlocks: KPIS.filter((k) =>
          k.needs.some((need) => need.entity === spec.id && need.field === field.id),
        ).map((k) => k.id),
      });
    }
  }
  return { unmappedFields, unmappedEntities };
}
