import type { SheetContext } from '../core/context';
import { isoDay } from '../core/dates';
import { languageOf } from '../core/context';
import type { CampaignColumns } from '../engine/campaigns';
import { readCampaigns } from '../engine/campaigns';
import type { DealSummary } from '../engine/dealStats';
import { parsePeriodChoice } from '../engine/periods';
import type { TargetColumns } from '../engine/targets';
import { readTargets } from '../engine/targets';
import type { Mapping } from '../mapping/schema';
import { periodAggregates } from './aggregates';
import type { DealsRead } from './deals';
import { readDeals, repPipelineOf, repStatsOf, trendNewCustomersOf } from './deals';
import type { PeriodSelection, Report } from './model';
import type { ReportPeriods } from './periods';
import { periodInfo, reportPeriods } from './periods';
import { checkPlausibility } from './plausibility';
import { RepRegistry } from './repRegistry';
import type { ActivitiesRead, ActivityAggregates } from './sections/activities';
import {
  activitiesLog,
  aggregateActivities,
  buildActivities,
  readActivities,
} from './sections/activities';
import { buildCampaigns } from './sections/campaigns';
import type { FeedbackAggregatesAll, FeedbackRead } from './sections/feedback';
import { aggregateFeedback, buildFeedback, readFeedbackScores } from './sections/feedback';
import { buildFunnel } from './sections/funnel';
import { buildOverview } from './sections/overview';
import { buildQuality } from './sections/quality';
import { buildReps } from './sections/reps';
import type { TargetAggregates } from './sections/targets';
import { aggregateTargets } from './sections/targets';
import { buildTrends } from './sections/trends';
import type { SheetTables } from './tables';
import { MappedTables } from './tables';
import { text } from './texts';

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
 *
 * This file is the order of the steps only; each section is built in sections/.
 */

export interface BuildInput {
  /** Each mapped sheet's values as getValues gives them, from row 1. */
  readonly tables: SheetTables;
  readonly mapping: Mapping;
  readonly context: SheetContext;
  /** The instant the report is made for (ms since epoch, or a Date). */
  readonly today: number | Date;
  /**
   * A period the user chose by name (`2017-06`, `2017-Q2`, `2017`: parsePeriodChoice);
   * without it (and without a custom range), the last complete period that has deals.
   */
  readonly period?: string;
}

export function buildReport(input: BuildInput): Report {
  const { mapping, context } = input;
  const { timeZone } = context;
  const today = typeof input.today === 'number' ? input.today : input.today.getTime();
  const language = languageOf(context.locale);
  const tables = new MappedTables(input.tables, mapping);
  const { periods, read, selection } = readInPeriods(input, tables, today);
  const { plan } = periods;
  const { deals, campaigns, feedback } = read;
  const tally = tallyByRep(read, periods);
  const aggregates = periodAggregates(periods.spans, deals, tally.slotStats, {
    activities: tally.activities,
    targets: tally.targets,
    feedback: tally.feedback,
    campaigns,
  });
  const { overview, lockedKpis } = buildOverview({
    aggregates,
    language,
    dealFields: deals.reader.mapped,
    tables,
    dealsUndated: deals.undated,
    feedbackScale: feedback ? feedback.scale : null,
    currentHasDeals: tally.slotStats[0].deals > 0,
  });
  const none = text('none', language);

  const report: Report = {
    language,
    locale: context.locale,
    timeZone,
    generatedAt: new Date(today).toISOString(),
    periods: {
      granularity: plan.granularity,
      fiscalYearStartMonth: mapping.settings.fiscalYearStartMonth,
      current: periodInfo(plan.current),
      previous: periodInfo(plan.previous),
      trend: plan.trend.map(periodInfo),
      dealsUndated: deals.undated,
      selection,
      currentDeals: tally.slotStats[0].deals,
      latestDeal: deals.pass.latest === -Infinity ? null : isoDay(deals.pass.latest, timeZone),
    },
    overview,
    lockedKpis,
    reps: tally.repStats
      ? buildReps(
          tally.repStats,
          tally.repPipeline!,
          aggregates[0],
          tally.repLabels,
          none,
          tally.activities,
          tally.targets,
          tally.feedback,
        )
      : null,
    trends: buildTrends(
      plan.trend,
      tally.trendStats,
      trendNewCustomersOf(deals),
      tally.activities,
      tally.targets,
    ),
    funnel: buildFunnel({
      stage: deals.reader.stageCoder,
      pass: deals.pass,
      table: deals.table,
      mapping,
      won: deals.won,
      lost: deals.lost,
      current: plan.current,
      language,
    }),
    campaigns:
      campaigns && deals.reader.mapped.has('source')
        ? buildCampaigns(campaigns, deals.pass, aggregates[0], plan.current, timeZone, language)
        : null,
    activities:
      tally.activities && read.activities
        ? buildActivities(
            tally.activities,
            read.activities.reader.types,
            tally.repStats,
            tally.slotStats[0],
            tally.repLabels,
            none,
            plan,
            language,
          )
        : null,
    feedback:
      tally.feedback && feedback
        ? buildFeedback(
            tally.feedback,
            feedback.columns,
            tally.feedbackRep,
            tally.repLabels,
            none,
            plan,
            feedback.scale,
            timeZone,
          )
        : null,
    quality: buildQuality(
      deals,
      {
        activities: read.activities && activitiesLog(read.activities),
        campaigns,
        targets: read.targets,
        feedback: feedback ? feedback.columns : null,
      },
      mapping,
      language,
      tables,
    ),
  };
  // Figures no business produces are marked, and named on the data-quality tab.
  const checked = checkPlausibility(report.overview, report.reps);
  return {
    ...report,
    overview: checked.overview,
    reps: checked.reps,
    quality: { ...report.quality, implausible: checked.implausible },
  };
}

/**
 * The report's periods and the tables read in them. By default the last complete period
 * before today; when it has no deal (a CRM export of last year), the latest complete
 * period that has deals, the deals then read a second time in it. A period the user
 * chose (by name, or a custom range) is kept even when it has no deal.
 */
function readInPeriods(
  input: BuildInput,
  tables: MappedTables,
  today: number,
): { periods: ReportPeriods; read: TablesRead; selection: PeriodSelection } {
  const { mapping, context } = input;
  const { settings } = mapping;
  const { timeZone } = context;
  if (input.period !== undefined) {
    const choice = parsePeriodChoice(input.period, settings.fiscalYearStartMonth);
    if (!choice) throw new RangeError(`period ${input.period}: expected 2017-06, 2017-Q2 or 2017`);
    const periods = reportPeriods(settings, today, timeZone, { choice });
    return { periods, read: readTables(tables, mapping, context, periods), selection: 'chosen' };
  }
  const periods = reportPeriods(settings, today, timeZone);
  const read = readTables(tables, mapping, context, periods);
  if (settings.customRange) return { periods, read, selection: 'chosen' };
  const { pass } = read.deals;
  if (pass.slots[0].deals > 0 || pass.latestBefore === -Infinity) {
    return { periods, read, selection: 'default' };
  }
  const latest = reportPeriods(settings, today, timeZone, { holding: pass.latestBefore });
  return {
    periods: latest,
    read: readTables(tables, mapping, context, latest),
    selection: 'latestWithDeals',
  };
}

/** Every mapped table, read once; null when not mapped. */
interface TablesRead {
  readonly campaigns: CampaignColumns | null;
  readonly deals: DealsRead;
  readonly activities: ActivitiesRead | null;
  readonly targets: TargetColumns | null;
  readonly feedback: FeedbackRead | null;
}

function readTables(
  tables: MappedTables,
  mapping: Mapping,
  context: SheetContext,
  periods: ReportPeriods,
): TablesRead {
  // Campaigns first: deals are attributed to them as they are read.
  const campaignsTable = tables.of('campaigns');
  const campaigns = campaignsTable ? readCampaigns(campaignsTable, context) : null;
  const deals = readDeals(tables.deals(), mapping, context, periods, campaigns);
  const activitiesTable = tables.of('activities');
  const activities = activitiesTable ? readActivities(activitiesTable, context, periods) : null;
  const targetsTable = tables.of('targets');
  const targets = targetsTable
    ? readTargets(targetsTable, context, mapping.settings.fiscalYearStartMonth)
    : null;
  const feedbackTable = tables.of('feedback');
  const feedback = feedbackTable
    ? readFeedbackScores(feedbackTable, context, mapping.feedbackScale)
    : null;
  return { campaigns, deals, activities, targets, feedback };
}

/**
 * Every entity's figures by slot, trend period and rep, reps numbered once across the
 * tables (blank reps: id `repLabels.length`).
 */
interface Tally {
  readonly repLabels: readonly string[];
  /** The feedback reader's rep code → rep id (its comments name their rep). */
  readonly feedbackRep: Int32Array;
  readonly slotStats: DealSummary[];
  readonly trendStats: DealSummary[];
  /** Null when deals have no rep column. */
  readonly repStats: DealSummary[] | null;
  /** The open pipeline now per rep id; null when deals have no rep column. */
  readonly repPipeline: Float64Array | null;
  readonly activities: ActivityAggregates | null;
  readonly targets: TargetAggregates | null;
  readonly feedback: FeedbackAggregatesAll | null;
}

function tallyByRep(read: TablesRead, periods: ReportPeriods): Tally {
  const { deals, activities, targets, feedback } = read;
  // Ids in order of first appearance, deals first: per-rep ties keep that order.
  const reps = new RepRegistry();
  const dealRep = reps.map(deals.repCoder);
  const activityRep = reps.map(activities?.reader.repCoder);
  const targetRep = reps.map(targets?.rep);
  const feedbackRep = reps.map(feedback?.columns.rep);
  const none = reps.size;
  return {
    repLabels: reps.labels,
    feedbackRep,
    slotStats: deals.pass.slots.map((x) => x.finish()),
    trendStats: deals.pass.trend.map((x) => x.finish()),
    repStats: repStatsOf(deals, dealRep, none),
    repPipeline: deals.repCoder ? repPipelineOf(deals, dealRep, none) : null,
    activities: activities ? aggregateActivities(activities, activityRep, none) : null,
    targets: targets
      ? aggregateTargets(targets, targetRep, periods.spans, periods.plan.trend, none)
      : null,
    feedback: feedback
      ? aggregateFeedback(
          feedback.columns,
          feedbackRep,
          periods.slotBounds,
          periods.trendBounds,
          none,
          feedback.scale,
        )
      : null,
  };
}
