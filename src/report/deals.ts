import type { SheetContext } from '../core/context';
import type { CampaignColumns } from '../engine/campaigns';
import type { DealSummary } from '../engine/dealStats';
import { DealStats } from '../engine/dealStats';
import type { DealLabelField, DealTable } from '../engine/deals';
import { DEAL_BLOCK_ROWS, DealReader, LabelCoder } from '../engine/deals';
import type { Mapping } from '../mapping/schema';
import type { LazyLabels } from './dealPass';
import { DealPass } from './dealPass';
import type { ReportPeriods } from './periods';
import { labelSet } from './tables';

/**
 * The deals step: the table read once, block by block, by the shared lenient reader into
 * a DealPass, and what the sections ask of the result.
 */
export interface DealsRead {
  readonly table: DealTable;
  readonly reader: DealReader;
  readonly pass: DealPass;
  readonly won: ReadonlySet<string> | undefined;
  readonly lost: ReadonlySet<string> | undefined;
  /** Neither close nor created date mapped: every deal is in the current period. */
  readonly undated: boolean;
  /** The reader's rep codes, when the rep column is mapped. */
  readonly repCoder: LabelCoder | undefined;
  readonly customersMapped: boolean;
}

export function readDeals(
  table: DealTable,
  mapping: Mapping,
  context: SheetContext,
  periods: ReportPeriods,
  campaigns: CampaignColumns | null,
): DealsRead {
  const won = labelSet(mapping.status.won);
  const lost = labelSet(mapping.status.lost);
  const reader = new DealReader(table, {
    context,
    mode: 'lenient',
    won,
    lost,
    labels: ['rep'],
  });
  const repField = reader.labelFields.indexOf('rep');
  const repCoder = repField < 0 ? undefined : reader.labelCoders[repField];
  const undated = !reader.mapped.has('closed') && !reader.mapped.has('created');
  // The pass codes these itself, only for the rows that need them (see LazyLabels).
  const lazyLabels = (field: DealLabelField): LazyLabels | undefined =>
    reader.mapped.has(field)
      ? {
          values: table.values,
          column: table.columns[field]!,
          coder: new LabelCoder(context.timeZone),
        }
      : undefined;
  const pass = new DealPass({
    plan: periods.plan,
    slotBounds: periods.slotBounds,
    trendBounds: periods.trendBounds,
    windowStarts: periods.windowStarts,
    undated,
    campaigns,
    rep: repCoder,
    source: lazyLabels('source'),
    customer: lazyLabels('customer'),
    skipped: reader.skipped,
  });
  while (!reader.done) {
    const block = reader.read(DEAL_BLOCK_ROWS, true);
    if (block.length > 0) pass.add(block);
  }
  return {
    table,
    reader,
    pass,
    won,
    lost,
    undated,
    repCoder,
    customersMapped: reader.mapped.has('customer'),
  };
}

/**
 * Current-period deal figures by registry rep id (`repIds`: the reader's rep code → id),
 * blank reps last (id `none`); null when the rep column is not mapped.
 */
export function repStatsOf(
  deals: DealsRead,
  repIds: Int32Array,
  none: number,
): DealSummary[] | null {
  if (!deals.repCoder) return null;
  const { pass } = deals;
  const byId: DealStats[] = [];
  for (let id = 0; id < none; id++) byId.push(new DealStats());
  repIds.forEach((id, code) => (byId[id] = pass.reps[code] ?? byId[id]));
  byId.push(pass.noneRep);
  return byId.map((x) => x.finish());
}

/** The open pipeline now by registry rep id, blank reps last (id `none`). */
export function repPipelineOf(deals: DealsRead, repIds: Int32Array, none: number): Float64Array {
  const byId = new Float64Array(none + 1);
  repIds.forEach((id, code) => (byId[id] += deals.pass.repPipeline[code] ?? 0));
  byId[none] = deals.pass.nonePipeline;
  return byId;
}

/** New customers per trend period; null without customers or deal dates. */
export function trendNewCustomersOf(deals: DealsRead): Int32Array | null {
  return deals.customersMapped && !deals.undated ? deals.pass.trendNewCustomers() : null;
}
