import type { Language, SheetContext } from '../core/context';
import { languageOf } from '../core/context';
import { normalizeLabel } from '../core/labels';
import { ratio, StatusClass, StatusClassifier } from '../core/status';
import type { ActivityColumns, ActivityType } from '../engine/activities';
import { ACTIVITY_BLOCK_ROWS, ActivityReader } from '../engine/activities';
import type { CampaignColumns } from '../engine/campaigns';
import { costIn, readCampaigns } from '../engine/campaigns';
import type { DealSummary } from '../engine/dealStats';
import { DealStats } from '../engine/dealStats';
import type { DealLabelField, DealProblem, DealTable } from '../engine/deals';
import { DEAL_BLOCK_ROWS, DealReader, LabelCoder } from '../engine/deals';
import type { FeedbackColumns } from '../engine/feedback';
import { readFeedback } from '../engine/feedback';
import type { PeriodPlan, Span } from '../engine/periods';
import { bucketOf, boundsOf, dayOfInstant, isoOfDay, planPeriods } from '../engine/periods';
import type { EntityProblem, EntityTable, ReadLog, RowSkipReason } from '../engine/table';
import type { TargetColumns } from '../engine/targets';
import { readTargets, targetsIn } from '../engine/targets';
import { growthRateOf } from '../functions/growthRate';
import { quotaAttainmentOf } from '../functions/quotaAttainment';
import { detectScoreScale } from '../mapping/scoreScale';
import { proposeStatuses } from '../mapping/statusProposal';
import type { DealFieldId, EntityId } from '../mapping/fields';
import { ACTIVITY_TYPES, ENTITIES, entitySpec, fieldSpec, headerKey } from '../mapping/fields';
import type { EntityMapping, FeedbackScale, Mapping } from '../mapping/schema';
import type { FeedbackAggregates, Need, PeriodAggregates } from './catalog';
import { campaignRoi, KPIS, stageConversion } from './catalog';
import type {
  ActivityRepRow,
  ActivitySection,
  CampaignRow,
  CampaignSection,
  FeedbackComment,
  FeedbackRepRow,
  FeedbackSection,
  FunnelSection,
  FunnelStage,
  LockedKpi,
  OverviewRow,
  PeriodInfo,
  QualitySection,
  Report,
  RepRow,
  RepSection,
  Requirement,
  TableQuality,
  TrendRow,
  ValueProblem,
  Verdict,
} from './model';
import type { LazyLabels } from './dealPass';
import { DealPass, SLOTS } from './dealPass';
import { howToUnlock, text } from './texts';

/**
 * The pure summary engine: mapped tables in, the typed report model out. Each table is
 * read once (deals by the shared reader of engine/deals.ts, the other entities by theirs);
 * deal KPIs come from DealStats accumulators grouped by period and by rep, so every figure
 * has the definition of its custom function (functions.md) and equals it on the same rows.
 *
 * Periods: a deal belongs to a period by its close date, or its created date when it has
 * none; an activity and a feedback row by their date; a target by the days of its period
 * (prorated when it sticks out of the report's period); a campaign's cost by the days
 * from its start to its end (prorated; one date alone is one day).
 */

export interface BuildInput {
  /** Each mapped sheet's values as getValues gives them, from row 1. */
  readonly tables: Readonly<Partial<Record<EntityId, readonly (readonly unknown[])[]>>>;
  readonly mapping: Mapping;
  readonly context: SheetContext;
  /** The instant the report is made for (ms since epoch, or a Date). */
  readonly today: number | Date;
}

const MAX_PROBLEMS = 200;
const MAX_COMMENTS = 10;

// ——— Tables through the mapping ———

function entityTable(
  values: readonly (readonly unknown[])[],
  entity: EntityMapping,
): EntityTable & DealTable {
  const headerIndex = Math.max(0, entity.headerRow - 1);
  const headerRow = values[headerIndex] ?? [];
  const keys = headerRow.map(headerKey);
  const columns: Record<string, number> = {};
  for (const [field, ref] of Object.entries(entity.fields)) {
    // The saved index, unless its header moved to another column since the mapping was saved.
    const key = headerKey(ref.header);
    let column = ref.index;
    if (key !== '' && keys[ref.index] !== key) {
      const moved = keys.indexOf(key);
      if (moved >= 0) column = moved;
    }
    columns[field] = column;
  }
  return { values, headerIndex, columns, firstSheetRow: 1 };
}

function labelSet(labels: readonly string[]): ReadonlySet<string> | undefined {
  const set = new Set(labels.map(normalizeLabel).filter((l) => l !== ''));
  return set.size > 0 ? set : undefined;
}

// ——— Reps across entities ———

/** One id per rep (rule 4) across deals, activities, targets and feedback; first spelling shown. */
class RepRegistry {
  readonly labels: string[] = [];
  private readonly byKey = new Map<string, number>();

  /** Local codes of a label column → registry ids. */
  map(
    column: { readonly keys: string[]; readonly labels: string[] } | null | undefined,
  ): Int32Array {
    if (!column) return new Int32Array(0);
    const ids = new Int32Array(column.keys.length);
    column.keys.forEach((key, code) => {
      let id = this.byKey.get(key);
      if (id === undefined) {
        id = this.labels.length;
        this.labels.push(column.labels[code]);
        this.byKey.set(key, id);
      }
      ids[code] = id;
    });
    return ids;
  }

  get size(): number {
    return this.labels.length;
  }
}

// ——— Small helpers ———

function periodInfo(span: Span): PeriodInfo {
  return { start: isoOfDay(span.startDay), end: isoOfDay(span.endDay - 1), label: span.label };
}

function verdictOf(delta: number | null, better: 'up' | 'down'): Verdict | null {
  if (delta === null) return null;
  if (delta === 0) return 'same';
  return delta > 0 === (better === 'up') ? 'better' : 'worse';
}

/** Slot (0 current, 1 previous, 2 before) of an instant, −1 outside. */
function slotBounds(plan: PeriodPlan): Float64Array {
  return Float64Array.of(
    plan.beforePrevious.start,
    plan.previous.start,
    plan.current.start,
    plan.current.until,
  );
}
function slotOf(ms: number, bounds: Float64Array): number {
  const b = bucketOf(ms, bounds);
  return b < 0 ? -1 : 2 - b;
}

// ——— The build ———

export function buildReport(input: BuildInput): Report {
  const { mapping, context } = input;
  const today = typeof input.today === 'number' ? input.today : input.today.getTime();
  const language = languageOf(context.locale);
  const timeZone = context.timeZone;
  const settings = mapping.settings;
  const plan = planPeriods(
    {
      period: settings.period,
      fiscalYearStartMonth: settings.fiscalYearStartMonth,
      customRange: settings.customRange,
    },
    today,
    timeZone,
  );
  const spans: Span[] = [plan.current, plan.previous, plan.beforePrevious];
  const sBounds = slotBounds(plan);
  const trendBounds = boundsOf(plan.trend);

  const mappedEntity = (id: EntityId): EntityMapping | undefined =>
    input.tables[id] ? mapping.entities[id] : undefined;
  const tableOf = (id: EntityId): (EntityTable & DealTable) | undefined => {
    const em = mappedEntity(id);
    return em ? entityTable(input.tables[id]!, em) : undefined;
  };

  // ——— Read every table once (campaigns first: deals are attributed as they are read) ———
  const campaignsTable = tableOf('campaigns');
  const campaigns = campaignsTable ? readCampaigns(campaignsTable, context) : null;
  const dealsMapping = mapping.entities.deals;
  const dealTable = entityTable(input.tables.deals ?? [], dealsMapping);
  const won = labelSet(mapping.status.won);
  const lost = labelSet(mapping.status.lost);
  const reader = new DealReader(dealTable, {
    context,
    mode: 'lenient',
    won,
    lost,
    labels: ['rep'],
  });
  const coder = (field: DealLabelField) => {
    const k = reader.labelFields.indexOf(field);
    return k < 0 ? undefined : reader.labelCoders[k];
  };
  const dealsUndated = !reader.mapped.has('closed') && !reader.mapped.has('created');
  const lazyLabels = (field: DealLabelField): LazyLabels | undefined =>
    reader.mapped.has(field)
      ? {
          values: dealTable.values,
          column: dealTable.columns[field]!,
          coder: new LabelCoder(timeZone),
        }
      : undefined;
  const pass = new DealPass({
    plan,
    undated: dealsUndated,
    campaigns,
    rep: coder('rep'),
    source: lazyLabels('source'),
    customer: lazyLabels('customer'),
    headerIndex: dealTable.headerIndex,
    firstSheetRow: 1,
  });
  while (!reader.done) {
    const block = reader.read(DEAL_BLOCK_ROWS, true);
    if (block.length > 0) pass.add(block);
  }
  pass.finish(dealTable.values.length);

  const activitiesTable = tableOf('activities');
  let activityReader: ActivityReader | null = null;
  let activityTally: ActivityTally | null = null;
  if (activitiesTable) {
    activityReader = new ActivityReader(activitiesTable, context, { customers: false });
    activityTally = new ActivityTally(sBounds, trendBounds);
    while (!activityReader.done) {
      const block = activityReader.read(ACTIVITY_BLOCK_ROWS, true);
      if (block.length > 0) activityTally.add(block);
    }
  }
  const targetsTable = tableOf('targets');
  const targets = targetsTable
    ? readTargets(targetsTable, context, settings.fiscalYearStartMonth)
    : null;
  const feedbackTable = tableOf('feedback');
  let scale: FeedbackScale = mapping.feedbackScale ?? '1-5';
  if (feedbackTable && !mapping.feedbackScale) {
    const col = feedbackTable.columns.score;
    const scores =
      col === undefined
        ? []
        : feedbackTable.values.slice(feedbackTable.headerIndex + 1).map((r) => r[col]);
    scale = detectScoreScale(scores, context) ?? '1-5';
  }
  const feedback = feedbackTable ? readFeedback(feedbackTable, context, scale) : null;

  const reps = new RepRegistry();
  const repCoder = coder('rep');
  const dealRep = reps.map(repCoder);
  const activityRep = reps.map(activityReader?.repCoder);
  const targetRep = reps.map(targets?.rep);
  const feedbackRep = reps.map(feedback?.rep);

  const slotStats = pass.slots.map((x) => x.finish());
  const trendStats = pass.trend.map((x) => x.finish());
  const noneRep = reps.size;
  let repStats: DealSummary[] | null = null;
  if (repCoder) {
    const byId: DealStats[] = [];
    for (let id = 0; id < noneRep; id++) byId.push(new DealStats());
    dealRep.forEach((id, code) => (byId[id] = pass.reps[code] ?? byId[id]));
    byId.push(pass.noneRep);
    repStats = byId.map((x) => x.finish());
  }
  const customersMapped = reader.mapped.has('customer');
  const trendNewCustomers = customersMapped && !dealsUndated ? pass.trendNewCustomers() : null;

  // ——— Other entities by slot and trend period ———
  const activityAgg = activityTally
    ? activityTally.finish(activityRep, noneRep, activityReader!.types.length)
    : null;
  const targetAgg = targets
    ? aggregateTargets(targets, targetRep, spans, plan.trend, noneRep)
    : null;
  const feedbackAgg = feedback
    ? aggregateFeedback(feedback, feedbackRep, sBounds, trendBounds, noneRep, scale)
    : null;
  const campaignCost = campaigns
    ? spans.map((x) => campaigns.costs.reduce((sum, c) => sum + costIn(c, x.startDay, x.endDay), 0))
    : null;

  const aggregates: PeriodAggregates[] = spans.map((span, s) => ({
    deals: slotStats[s],
    wonCost: pass.wonCost[s],
    reps: pass.repCount[s],
    knownSourceRevenue: pass.knownSourceRevenue[s],
    customers: customersMapped ? pass.customersOf(s, span.start, span.until) : null,
    activities: activityAgg ? { count: activityAgg.count[s], reps: activityAgg.reps[s] } : null,
    target: targetAgg ? targetAgg.slots[s] : null,
    campaignCost: campaignCost ? campaignCost[s] : null,
    feedback: feedbackAgg ? feedbackAgg.slots[s] : null,
  }));

  // ——— Overview and locked KPIs ———
  const isMapped = (need: Need): boolean => {
    if (need.entity === 'deals') {
      return need.field === null || reader.mapped.has(need.field as DealFieldId);
    }
    const table = tableOf(need.entity);
    if (!table) return false;
    return need.field === null || (table.columns[need.field] ?? -1) >= 0;
  };
  const requirementOf = (need: Need): Requirement => {
    const spec = entitySpec(need.entity);
    const field = need.field === null ? undefined : fieldSpec(need.entity, need.field);
    return {
      entity: need.entity,
      field: need.field,
      label: spec.label[language] + (field ? ' › ' + field.label[language] : ''),
    };
  };
  const overview: OverviewRow[] = [];
  const lockedKpis: LockedKpi[] = [];
  for (const entry of KPIS) {
    const needs = entry.needs.filter((need) => !isMapped(need)).map(requirementOf);
    if (entry.needsDealDates && dealsUndated)
      needs.push(requirementOf({ entity: 'deals', field: 'closed' }));
    if (entry.needsZeroToTen && feedback && scale !== '0-10') {
      const r = requirementOf({ entity: 'feedback', field: 'score' });
      needs.push({ ...r, label: `${r.label} (${text('zeroToTen', language)})` });
    }
    if (needs.length > 0) {
      lockedKpis.push({
        kpi: entry.id,
        name: entry.name[language],
        needs,
        howToUnlock: howToUnlock(
          needs.map((r) => r.label),
          language,
        ),
      });
      continue;
    }
    if (entry.section !== 'overview') continue;
    const current = entry.compute(aggregates, 0);
    const previous = dealsUndated ? null : entry.compute(aggregates, 1);
    const delta = current !== null && previous !== null ? current - previous : null;
    const target = entry.target ? entry.target(aggregates[0]) : null;
    const vsTarget = current !== null && target !== null ? ratio(current, target) : null;
    overview.push({
      kpi: entry.id,
      name: entry.name[language],
      definition: entry.definition[language],
      unit: entry.unit,
      better: entry.better,
      current,
      previous,
      change: current !== null && previous !== null ? growthRateOf(current, previous) : null,
      delta,
      verdict: verdictOf(delta, entry.better),
      target,
      vsTarget,
      targetVerdict:
        current !== null && target !== null ? verdictOf(current - target, entry.better) : null,
    });
  }

  // ——— Sections ———
  const none = text('none', language);
  const repSection = repStats
    ? buildReps(repStats, aggregates[0], reps.labels, none, activityAgg, targetAgg, feedbackAgg)
    : null;

  const trends: TrendRow[] = plan.trend.map((span, k) => ({
    period: periodInfo(span),
    revenue: trendStats[k].revenue,
    wonDeals: trendStats[k].won,
    winRate: trendStats[k].winRate,
    averageDealSize: trendStats[k].averageDealSize,
    newCustomers: trendNewCustomers ? trendNewCustomers[k] : null,
    activities: activityAgg ? activityAgg.trend[k] : null,
    target: targetAgg ? targetAgg.trend[k] : null,
  }));

  const funnel = buildFunnel(
    reader.stageCoder,
    pass.stageCurrent,
    mapping,
    won,
    lost,
    plan.current,
    language,
  );

  const campaignSection =
    campaigns && reader.mapped.has('source')
      ? buildCampaigns(campaigns, pass, aggregates[0], plan.current, timeZone, language)
      : null;

  const activitySection = activityAgg
    ? buildActivities(
        activityAgg,
        activityReader!.types,
        repStats,
        slotStats[0],
        reps.labels,
        none,
        plan,
        language,
      )
    : null;

  const feedbackSection =
    feedbackAgg && feedback
      ? buildFeedback(feedbackAgg, feedback, feedbackRep, reps.labels, none, plan, scale, timeZone)
      : null;

  const quality = buildQuality(
    input,
    reader,
    pass,
    dealTable,
    {
      activities: activityReader && { ...logOf(activityReader), length: activityTally!.rows },
      campaigns,
      targets,
      feedback,
    },
    mapping,
    language,
    tableOf,
  );

  return {
    language,
    locale: context.locale,
    timeZone,
    generatedAt: new Date(today).toISOString(),
    periods: {
      granularity: plan.granularity,
      fiscalYearStartMonth: settings.fiscalYearStartMonth,
      current: periodInfo(plan.current),
      previous: periodInfo(plan.previous),
      trend: plan.trend.map(periodInfo),
      dealsUndated,
    },
    overview,
    lockedKpis,
    reps: repSection,
    trends,
    funnel,
    campaigns: campaignSection,
    activities: activitySection,
    feedback: feedbackSection,
    quality,
  };
}

// ——— Activities ———

interface ActivityAggregates {
  readonly count: Int32Array;
  readonly reps: Int32Array;
  readonly trend: Int32Array;
  /** Current period: counts[(rep id) * types + type], rep id `none` for blank reps. */
  readonly matrix: Int32Array;
  readonly typeCount: number;
  /** Current-period totals per rep id (none last). */
  readonly byRep: Int32Array;
}

/** Activity counts by slot, trend period and (current period) rep × type, block by block. */
class ActivityTally {
  readonly count = new Int32Array(SLOTS);
  readonly reps = new Int32Array(SLOTS);
  readonly trend: Int32Array;
  rows = 0;
  /** Current period, by the reader's rep code + 1 (0: blank rep): totals and counts per type. */
  private readonly byRep: number[] = [];
  private readonly matrix: number[][] = [];
  private seen = new Uint8Array(64);

  constructor(
    private readonly sBounds: Float64Array,
    private readonly trendBounds: Float64Array,
  ) {
    this.trend = new Int32Array(trendBounds.length - 1);
  }

  add(a: ActivityColumns): void {
    const { sBounds, trendBounds, trend, count } = this;
    const codes = a.rep ? a.rep.codes : null;
    this.rows += a.length;
    for (let i = 0; i < a.length; i++) {
      const ms = a.date[i];
      const k = bucketOf(ms, trendBounds);
      if (k >= 0) trend[k]++;
      const s = slotOf(ms, sBounds);
      if (s < 0) continue;
      count[s]++;
      const local = codes ? codes[i] : -1;
      if (local >= 0) {
        if (local >= this.seen.length) {
          const seen = new Uint8Array(Math.max(local + 1, this.seen.length * 2));
          seen.set(this.seen);
          this.seen = seen;
        }
        if (!(this.seen[local] & (1 << s))) {
          this.seen[local] |= 1 << s;
          this.reps[s]++;
        }
      }
      if (s === 0) {
        const slot = local + 1;
        while (this.byRep.length <= slot) {
          this.byRep.push(0);
          this.matrix.push([]);
        }
        this.byRep[slot]++;
        const line = this.matrix[slot];
        const type = a.type[i];
        while (line.length <= type) line.push(0);
        line[type]++;
      }
    }
  }

  /** The counts by registry rep id (`none` for blank reps). */
  finish(repIds: Int32Array, none: number, typeCount: number): ActivityAggregates {
    const matrix = new Int32Array((none + 1) * typeCount);
    const byRep = new Int32Array(none + 1);
    this.byRep.forEach((total, slot) => {
      const rep = slot === 0 ? none : repIds[slot - 1];
      byRep[rep] += total;
      this.matrix[slot].forEach((n, type) => (matrix[rep * typeCount + type] += n));
    });
    return { count: this.count, reps: this.reps, trend: this.trend, matrix, typeCount, byRep };
  }
}

function logOf(log: ReadLog): ReadLog {
  return { rowsRead: log.rowsRead, skipped: log.skipped, problems: log.problems };
}

function buildActivities(
  agg: ActivityAggregates,
  activityTypes: readonly ActivityType[],
  repStats: DealSummary[] | null,
  total: DealSummary,
  repLabels: readonly string[],
  none: string,
  plan: PeriodPlan,
  language: Language,
): ActivitySection {
  const { typeCount, matrix } = agg;
  const used: number[] = [];
  for (let t = 0; t < typeCount; t++) {
    for (let r = 0; r < repLabels.length + 1; r++) {
      if (matrix[r * typeCount + t] > 0) {
        used.push(t);
        break;
      }
    }
  }
  const types = used.map((t) => {
    const type = activityTypes[t];
    const spec = type.id ? ACTIVITY_TYPES.find((s) => s.id === type.id) : undefined;
    return { id: type.id, label: spec ? spec.label[language] : type.label };
  });
  const row = (rep: number): ActivityRepRow => {
    const isNone = rep === repLabels.length;
    const counts = used.map((t) => matrix[rep * typeCount + t]);
    const wonDeals = repStats ? repStats[rep].won : 0;
    return {
      rep: isNone ? none : repLabels[rep],
      isNone,
      counts,
      total: agg.byRep[rep],
      wonDeals,
      perWonDeal: ratio(agg.byRep[rep], wonDeals),
    };
  };
  const rows: ActivityRepRow[] = [];
  for (let rep = 0; rep < repLabels.length; rep++) {
    if (agg.byRep[rep] > 0 || (repStats && repStats[rep].won > 0)) rows.push(row(rep));
  }
  rows.sort((x, y) => y.total - x.total);
  const noneRow = row(repLabels.length);
  if (noneRow.total > 0 || noneRow.wonDeals > 0) rows.push(noneRow);
  const totalCounts = used.map((t) => {
    let sum = 0;
    for (let r = 0; r <= repLabels.length; r++) sum += matrix[r * typeCount + t];
    return sum;
  });
  const totalActivities = agg.count[0];
  return {
    period: periodInfo(plan.current),
    types,
    rows,
    total: {
      rep: 'Total',
      isNone: false,
      counts: totalCounts,
      total: totalActivities,
      wonDeals: total.won,
      perWonDeal: ratio(totalActivities, total.won),
    },
  };
}

// ——— Targets ———

interface TargetAggregates {
  readonly slots: (number | null)[];
  readonly trend: (number | null)[];
  /** Current period per rep id (NaN: none). */
  readonly byRep: Float64Array;
}

function aggregateTargets(
  t: TargetColumns,
  repIds: Int32Array,
  spans: readonly Span[],
  trend: readonly Span[],
  none: number,
): TargetAggregates {
  const slots = spans.map((s) => targetsIn(t, s.startDay, s.endDay));
  const byRep = new Float64Array(none + 1).fill(NaN);
  slots[0].byRep.forEach((value, local) => (byRep[repIds[local]] = value));
  return {
    slots: slots.map((s) => s.team),
    trend: trend.map((s) => targetsIn(t, s.startDay, s.endDay).team),
    byRep,
  };
}

// ——— Feedback ———

interface FeedbackAggregatesAll {
  readonly slots: FeedbackAggregates[];
  /** Per (rep id) × trend period: Σ and count of scores. */
  readonly trendSum: Float64Array;
  readonly trendCount: Int32Array;
  /** Current period per rep id. */
  readonly currentSum: Float64Array;
  readonly currentCount: Int32Array;
  readonly teamTrendSum: Float64Array;
  readonly teamTrendCount: Int32Array;
  /** Rep ids with feedback (any row), in order of first appearance. */
  readonly repsSeen: number[];
  readonly periods: number;
}

function aggregateFeedback(
  f: FeedbackColumns,
  repIds: Int32Array,
  sBounds: Float64Array,
  trendBounds: Float64Array,
  none: number,
  scale: FeedbackScale,
): FeedbackAggregatesAll {
  const periods = trendBounds.length - 1;
  const slotSum = new Float64Array(SLOTS);
  const slotCount = new Int32Array(SLOTS);
  const promoters = new Int32Array(SLOTS);
  const detractors = new Int32Array(SLOTS);
  const trendSum = new Float64Array((none + 1) * periods);
  const trendCount = new Int32Array((none + 1) * periods);
  const currentSum = new Float64Array(none + 1);
  const currentCount = new Int32Array(none + 1);
  const teamTrendSum = new Float64Array(periods);
  const teamTrendCount = new Int32Array(periods);
  const seen = new Uint8Array(none + 1);
  const repsSeen: number[] = [];
  for (let i = 0; i < f.length; i++) {
    const local = f.rep ? f.rep.codes[i] : -1;
    const rep = local < 0 ? none : repIds[local];
    if (!seen[rep]) {
      seen[rep] = 1;
      repsSeen.push(rep);
    }
    const score = f.score[i];
    if (score !== score) continue;
    const ms = f.date[i];
    const k = bucketOf(ms, trendBounds);
    if (k >= 0) {
      trendSum[rep * periods + k] += score;
      trendCount[rep * periods + k]++;
      teamTrendSum[k] += score;
      teamTrendCount[k]++;
    }
    const s = slotOf(ms, sBounds);
    if (s < 0) continue;
    slotSum[s] += score;
    slotCount[s]++;
    if (score >= 9) promoters[s]++;
    else if (score <= 6) detractors[s]++;
    if (s === 0) {
      currentSum[rep] += score;
      currentCount[rep]++;
    }
  }
  const slots: FeedbackAggregates[] = [];
  for (let s = 0; s < SLOTS; s++) {
    slots.push({
      sum: slotSum[s],
      count: slotCount[s],
      promoters: promoters[s],
      detractors: detractors[s],
      zeroToTen: scale === '0-10',
    });
  }
  return {
    slots,
    trendSum,
    trendCount,
    currentSum,
    currentCount,
    teamTrendSum,
    teamTrendCount,
    repsSeen,
    periods,
  };
}

function buildFeedback(
  agg: FeedbackAggregatesAll,
  f: FeedbackColumns,
  repIds: Int32Array,
  repLabels: readonly string[],
  none: string,
  plan: PeriodPlan,
  scale: FeedbackScale,
  timeZone: string,
): FeedbackSection {
  const { periods } = agg;
  const noneId = repLabels.length;
  const row = (rep: number): FeedbackRepRow => {
    const scores: (number | null)[] = [];
    for (let k = 0; k < periods; k++) {
      scores.push(ratio(agg.trendSum[rep * periods + k], agg.trendCount[rep * periods + k]));
    }
    return {
      rep: rep === noneId ? none : repLabels[rep],
      isNone: rep === noneId,
      scores,
      current: ratio(agg.currentSum[rep], agg.currentCount[rep]),
      count: agg.currentCount[rep],
    };
  };
  const ids = agg.repsSeen.filter((r) => r !== noneId).sort((a, b) => a - b);
  if (agg.repsSeen.includes(noneId)) ids.push(noneId);
  const team: (number | null)[] = [];
  for (let k = 0; k < periods; k++) team.push(ratio(agg.teamTrendSum[k], agg.teamTrendCount[k]));

  const comments: FeedbackComment[] = [];
  if (f.comment) {
    const until = plan.current.until;
    const candidates: number[] = [];
    for (let i = 0; i < f.length; i++) {
      if (f.comment[i] !== '' && f.date[i] < until) candidates.push(i);
    }
    candidates.sort((a, b) => f.date[b] - f.date[a] || f.sheetRows[b] - f.sheetRows[a]);
    for (const i of candidates.slice(0, MAX_COMMENTS)) {
      const local = f.rep ? f.rep.codes[i] : -1;
      const score = f.score[i];
      comments.push({
        date: isoOfDay(dayOfInstant(f.date[i], timeZone)),
        rep: local < 0 ? none : repLabels[repIds[local]],
        score: score === score ? score : null,
        comment: f.comment[i],
      });
    }
  }
  return { scale, periods: plan.trend.map(periodInfo), rows: ids.map(row), team, comments };
}

// ——— Per rep ———

function buildReps(
  repStats: DealSummary[],
  total: PeriodAggregates,
  repLabels: readonly string[],
  none: string,
  activityAgg: ActivityAggregates | null,
  targetAgg: TargetAggregates | null,
  feedbackAgg: FeedbackAggregatesAll | null,
): RepSection {
  const noneId = repLabels.length;
  const row = (rep: number): RepRow => {
    const s = repStats[rep];
    const target =
      targetAgg && targetAgg.byRep[rep] === targetAgg.byRep[rep] ? targetAgg.byRep[rep] : null;
    return {
      rep: rep === noneId ? none : repLabels[rep],
      isNone: rep === noneId,
      deals: s.deals,
      won: s.won,
      lost: s.lost,
      open: s.open,
      winRate: s.winRate,
      revenue: s.revenue,
      averageDealSize: s.averageDealSize,
      pipeline: s.pipeline,
      salesCycleDays: s.salesCycleDays,
      activities: activityAgg ? activityAgg.byRep[rep] : null,
      target,
      attainment: target === null ? null : quotaAttainmentOf(s.revenue, target),
      feedbackScore: feedbackAgg
        ? ratio(feedbackAgg.currentSum[rep], feedbackAgg.currentCount[rep])
        : null,
    };
  };
  const ids: number[] = [];
  for (let rep = 0; rep < noneId; rep++) {
    const present =
      repStats[rep].deals > 0 ||
      (activityAgg !== null && activityAgg.byRep[rep] > 0) ||
      (targetAgg !== null && targetAgg.byRep[rep] === targetAgg.byRep[rep]);
    if (present) ids.push(rep);
  }
  // Highest revenue first; ties keep the order of first appearance (ids).
  ids.sort((a, b) => repStats[b].revenue - repStats[a].revenue || a - b);
  const rows = ids.map(row);
  if (repStats[noneId].deals > 0 || (activityAgg !== null && activityAgg.byRep[noneId] > 0)) {
    rows.push(row(noneId));
  }
  const d = total.deals;
  const team = total.target;
  return {
    rows,
    total: {
      rep: 'Total',
      isNone: false,
      deals: d.deals,
      won: d.won,
      lost: d.lost,
      open: d.open,
      winRate: d.winRate,
      revenue: d.revenue,
      averageDealSize: d.averageDealSize,
      pipeline: d.pipeline,
      salesCycleDays: d.salesCycleDays,
      activities: total.activities ? total.activities.count : null,
      target: team,
      attainment: team === null ? null : quotaAttainmentOf(d.revenue, team),
      feedbackScore: total.feedback ? ratio(total.feedback.sum, total.feedback.count) : null,
    },
  };
}

// ——— Funnel ———

function buildFunnel(
  stage: LabelCoder,
  atStage: Int32Array,
  mapping: Mapping,
  won: ReadonlySet<string> | undefined,
  lost: ReadonlySet<string> | undefined,
  current: Span,
  language: Language,
): FunnelSection {
  const order =
    mapping.status.stageOrder.length > 0
      ? mapping.status.stageOrder
      : proposeStatuses(stage.labels).stageOrder;
  const classifier = new StatusClassifier(won, lost);
  // Stages in order: the mapping's (or proposed) order, then statuses only the data has.
  const codeByKey = new Map(stage.keys.map((key, code) => [key, code]));
  const seen = new Set<string>();
  const ordered: { label: string; key: string }[] = [];
  for (const label of order) {
    const key = normalizeLabel(label);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    ordered.push({ label: label.trim(), key });
  }
  stage.keys.forEach((key, code) => {
    if (!seen.has(key)) {
      seen.add(key);
      ordered.push({ label: stage.labels[code], key });
    }
  });
  const count = (key: string) => {
    const code = codeByKey.get(key);
    return code === undefined ? 0 : atStage[code];
  };
  const opens = ordered.filter((s) => classifier.classify(s.key) === StatusClass.Open);
  const wons = ordered.filter((s) => classifier.classify(s.key) === StatusClass.Won);
  const losts = ordered.filter((s) => classifier.classify(s.key) === StatusClass.Lost);
  const wonCount = wons.reduce((sum, s) => sum + count(s.key), 0);
  const lostCount = losts.reduce((sum, s) => sum + count(s.key), 0);
  const wonLabels = wons.filter((s) => codeByKey.has(s.key)).map((s) => s.label);
  const steps: { label: string; kind: 'open' | 'won'; atStage: number }[] = [
    ...opens.map((s) => ({ label: s.label, kind: 'open' as const, atStage: count(s.key) })),
    {
      label:
        wonLabels.length > 0 ? wonLabels.join(' / ') : (wons[0]?.label ?? text('won', language)),
      kind: 'won',
      atStage: wonCount,
    },
  ];
  const stages: FunnelStage[] = [];
  let later = 0;
  const reached = new Array<number>(steps.length);
  for (let k = steps.length - 1; k >= 0; k--) {
    later += steps[k].atStage;
    reached[k] = later;
  }
  // Every deal entered the funnel: lost deals reached its first stage (where they were lost is unknown).
  if (steps.length > 1) reached[0] += lostCount;
  steps.forEach((s, k) => {
    stages.push({
      label: s.label,
      kind: s.kind,
      atStage: s.atStage,
      reached: reached[k],
      conversion: k === 0 ? null : stageConversion(reached[k], reached[k - 1]),
    });
  });
  const total = wonCount + lostCount + opens.reduce((sum, s) => sum + count(s.key), 0);
  return {
    period: periodInfo(current),
    stages,
    lost: losts.map((s) => ({ label: s.label, deals: count(s.key) })),
    deals: total,
    overallConversion: ratio(wonCount, total),
  };
}

// ——— Campaigns ———

function buildCampaigns(
  campaigns: CampaignColumns,
  pass: DealPass,
  current: PeriodAggregates,
  span: Span,
  timeZone: string,
  language: Language,
): CampaignSection {
  const rows: CampaignRow[] = campaigns.campaigns.map((c, k) => ({
    name: c.name,
    type: c.type,
    cost: c.cost,
    start: c.startDay === c.startDay ? isoOfDay(c.startDay) : null,
    end: c.endDay === c.endDay ? isoOfDay(c.endDay - 1) : null,
    wonDeals: pass.campaignWon[k],
    revenue: pass.campaignRevenue[k],
    roi: campaignRoi(pass.campaignRevenue[k], c.cost),
  }));
  const cost = rows.reduce((sum, r) => sum + r.cost, 0);
  const revenue = rows.reduce((sum, r) => sum + r.revenue, 0);
  const wonDeals = rows.reduce((sum, r) => sum + r.wonDeals, 0);
  const startDay =
    pass.rangeStart === Infinity ? span.startDay : dayOfInstant(pass.rangeStart, timeZone);
  const end = isoOfDay(span.endDay - 1);
  const newCustomers = current.customers ? current.customers.newCustomers : null;
  return {
    range: {
      start: isoOfDay(startDay),
      end,
      label: `${text('upTo', language)} ${end}`,
    },
    rows,
    total: {
      name: 'Total',
      type: '',
      cost,
      start: null,
      end: null,
      wonDeals,
      revenue,
      roi: campaignRoi(revenue, cost),
    },
    unattributed: { wonDeals: pass.unattributedWon, revenue: pass.unattributedRevenue },
    attributedShare: ratio(revenue, pass.rangeRevenue),
    cac:
      newCustomers === null || current.campaignCost === null
        ? null
        : ratio(current.campaignCost, newCustomers),
    costInPeriod: current.campaignCost ?? 0,
    newCustomers,
  };
}

// ——— Data quality ———

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

function buildQuality(
  input: BuildInput,
  reader: DealReader,
  pass: DealPass,
  dealTable: DealTable,
  others: {
    activities: (ReadLog & { length: number }) | null;
    campaigns: CampaignColumns | null;
    targets: TargetColumns | null;
    feedback: FeedbackColumns | null;
  },
  mapping: Mapping,
  language: Language,
  tableOf: (id: EntityId) => EntityTable | undefined,
): QualitySection {
  const tables: TableQuality[] = [];
  const rowsRead = Math.max(0, dealTable.values.length - dealTable.headerIndex - 1);
  tables.push(
    qualityOf(
      'deals',
      mapping.entities.deals.sheet,
      { rowsRead, skipped: pass.skipped, problems: reader.problems },
      rowsRead - pass.skipped.counts.blank - pass.undatedRows,
    ),
  );
  const add = (id: EntityId, log: (ReadLog & { length?: number }) | null, used: number) => {
    if (log) tables.push(qualityOf(id, mapping.entities[id]!.sheet, log, used));
  };
  add('activities', others.activities, others.activities?.length ?? 0);
  add('campaigns', others.campaigns, others.campaigns?.costs.length ?? 0);
  add('targets', others.targets, others.targets?.length ?? 0);
  add('feedback', others.feedback, others.feedback?.length ?? 0);

  // Statuses the mapping does not name (only when it names some).
  const known = new Set(
    [
      ...mapping.status.won,
      ...mapping.status.lost,
      ...mapping.status.open,
      ...mapping.status.stageOrder,
    ].map(normalizeLabel),
  );
  const unclassedStatuses: { label: string; count: number }[] = [];
  if (known.size > 0) {
    const stage = reader.stageCoder;
    stage.keys.forEach((key, code) => {
      if (!known.has(key)) {
        unclassedStatuses.push({ label: stage.labels[code], count: pass.stageAll[code] });
      }
    });
  }

  const unmappedFields: QualitySection['unmappedFields'][number][] = [];
  const unmappedEntities: EntityId[] = [];
  for (const spec of ENTITIES) {
    const table = spec.id === 'deals' ? dealTable : tableOf(spec.id);
    if (!table || (spec.id !== 'deals' && !input.tables[spec.id])) {
      unmappedEntities.push(spec.id);
      continue;
    }
    for (const field of spec.fields) {
      if (field.required) continue;
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
  return { tables, unclassedStatuses, unmappedFields, unmappedEntities };
}
