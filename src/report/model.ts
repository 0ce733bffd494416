/**
 * The report model: everything the summary tabs show, computed by `buildReport`
 * (src/report/build.ts) from the mapped tables, and written to the sheets by the sheet
 * writer. Plain data only, so it can also cross google.script.run to the sidebar: no
 * Date (days are `YYYY-MM-DD` in the spreadsheet's time zone, instants ISO text), no
 * undefined, no class instances, no NaN or Infinity.
 *
 * Every figure whose denominator can be zero is `number | null`: null shows as "—",
 * never as 0 (summary.md, "decisions, not decoration").
 */
import type { Language } from '../core/context';
import type { ActivityTypeId, EntityId } from '../mapping/fields';
import type { FeedbackScale } from '../mapping/schema';

// ——— Periods ———

/** How the report cuts time. `custom` is the sidebar's custom range. */
export type Granularity = 'week' | 'month' | 'quarter' | 'year' | 'custom';

export interface PeriodInfo {
  /** First day, `YYYY-MM-DD`. */
  readonly start: string;
  /** Last day, included, `YYYY-MM-DD`. */
  readonly end: string;
  /** `2025-03`, `2025-Q1` (fiscal), `2025` (fiscal year, named by its first day), `2025-W12`, or `2025-03-01 – 2025-03-31`. */
  readonly label: string;
}

export interface ReportPeriods {
  readonly granularity: Granularity;
  /** 1 = January. Quarters and years start on this month. */
  readonly fiscalYearStartMonth: number;
  readonly current: PeriodInfo;
  /** The period before, of the same length (same granularity; for a custom range, as many days just before). */
  readonly previous: PeriodInfo;
  /** The trend periods, oldest first: the last 12 periods ending with the current one (months for a custom range). */
  readonly trend: readonly PeriodInfo[];
  /**
   * The deals table has no date column mapped: every deal figure then covers all rows
   * (shown in the current period; previous and trends are empty).
   */
  readonly dealsUndated: boolean;
  /**
   * How the current period was chosen: `default` (the last complete period before
   * today), `latestWithDeals` (that one had no deal: the latest complete period that
   * has), `chosen` (by the user: a named period or a custom range).
   */
  readonly selection: PeriodSelection;
  /** Deals of the current period, every status. */
  readonly currentDeals: number;
  /** The latest day a deal belongs to (close date, else created date), `YYYY-MM-DD`; null without dated deals. */
  readonly latestDeal: string | null;
}

export type PeriodSelection = 'default' | 'latestWithDeals' | 'chosen';

// ——— KPIs ———

export type KpiId =
  | 'revenue'
  | 'wonDeals'
  | 'winRate'
  | 'averageDealSize'
  | 'pipeline'
  | 'pipelineTotal'
  | 'salesCycle'
  | 'salesVelocity'
  | 'revenuePerRep'
  | 'quotaAttainment'
  | 'revenueGrowth'
  | 'margin'
  | 'marginRate'
  | 'markupRate'
  | 'prospectConversion'
  | 'newCustomers'
  | 'activeCustomers'
  | 'retentionRate'
  | 'churnRate'
  | 'repeatCustomerRate'
  | 'activities'
  | 'activitiesPerRep'
  | 'activitiesPerWonDeal'
  | 'attributedShare'
  | 'cac'
  | 'campaignRoi'
  | 'stageConversion'
  | 'nps'
  | 'feedbackScore';

/** How a value is formatted: percent is a fraction (0.25), money in the sheet's currency. */
export type KpiUnit = 'percent' | 'money' | 'count' | 'days' | 'score' | 'ratio';
export type BetterDirection = 'up' | 'down';

/** A change judged with the KPI's better direction (for colouring). */
export type Verdict = 'better' | 'worse' | 'same';

export interface OverviewRow {
  readonly kpi: KpiId;
  /** In the report's language (catalog.ts). */
  readonly name: string;
  /** One plain line, in the report's language. */
  readonly definition: string;
  readonly unit: KpiUnit;
  readonly better: BetterDirection;
  readonly current: number | null;
  readonly previous: number | null;
  /** Relative change: (current − previous) ÷ |previous|; null when either is missing or previous is 0. */
  readonly change: number | null;
  /** current − previous (percentage points for a percent KPI); null when either is missing. */
  readonly delta: number | null;
  /** current vs previous, judged with `better`; null when `delta` is null. */
  readonly verdict: Verdict | null;
  /** The target for the current period, where one applies (revenue, attainment). */
  readonly target: number | null;
  /** current ÷ target; null without a target or when it is 0. */
  readonly vsTarget: number | null;
  /** current vs target judged with `better`; null without a target. */
  readonly targetVerdict: Verdict | null;
  /** The current figure is one no business produces: marked, its likely cause on the data-quality tab. */
  readonly implausible: boolean;
}

/** What a left-out KPI needs: an entity, or a field of one. */
export interface Requirement {
  readonly entity: EntityId;
  /** Null: the entity itself is not mapped. */
  readonly field: string | null;
  /** Entity (and field) names in the report's language, e.g. "Feedback › Score". */
  readonly label: string;
}

export interface LockedKpi {
  readonly kpi: KpiId;
  readonly name: string;
  /** What to map to unlock it (every item is missing). */
  readonly needs: readonly Requirement[];
  /** One sentence in the report's language: "Map Campaigns (name, cost) to see this." */
  readonly howToUnlock: string;
}

// ——— Per rep ———

export interface RepRow {
  /** The rep as first spelled in the data; "(none)"/"(aucun)" for the row of blank reps. */
  readonly rep: string;
  /** True for the row of deals with a blank rep. */
  readonly isNone: boolean;
  readonly deals: number;
  readonly won: number;
  readonly lost: number;
  readonly open: number;
  readonly winRate: number | null;
  readonly revenue: number;
  readonly averageDealSize: number | null;
  /** Weighted pipeline of the rep's deals open now, whatever their dates (as the overview's). */
  readonly pipeline: number;
  readonly salesCycleDays: number | null;
  /** Null when activities are not mapped. */
  readonly activities: number | null;
  /** Null when there is no target for the rep (or targets are not mapped). */
  readonly target: number | null;
  /** revenue ÷ target. */
  readonly attainment: number | null;
  /** Mean feedback score in the period; null without scores. */
  readonly feedbackScore: number | null;
  /** The attainment is not plausible (above 1,000 %). */
  readonly implausible: boolean;
}

export interface RepSection {
  /** Sorted by revenue, highest first (ties: first appearance); the blank-rep row last. */
  readonly rows: readonly RepRow[];
  /** Sums of the table, rates recomputed (equal to the overview's current figures). */
  readonly total: RepRow;
}

// ——— Trends ———

export interface TrendRow {
  readonly period: PeriodInfo;
  readonly revenue: number;
  readonly wonDeals: number;
  readonly winRate: number | null;
  readonly averageDealSize: number | null;
  /** Null when the deals have no customer column. */
  readonly newCustomers: number | null;
  /** Null when activities are not mapped. */
  readonly activities: number | null;
  /** Team target of the period; null without targets. */
  readonly target: number | null;
}

// ——— Funnel ———

export interface FunnelStage {
  /** The stage as the mapping (or the data) spells it; won stages are merged into one step. */
  readonly label: string;
  readonly kind: 'open' | 'won';
  /** Deals whose status is this stage now. */
  readonly atStage: number;
  /**
   * Deals whose stage is known that reached this stage or a later one: open deals up to
   * their stage, won deals all of them, lost deals up to the stage the data says they
   * reached (not counted when it says nothing).
   */
  readonly reached: number;
  /** reached ÷ reached of the previous stage; null for the first stage or a 0 denominator. */
  readonly conversion: number | null;
  /** Lost deals whose last stage was this one (they dropped here); null when the data does not record stages. */
  readonly lostHere: number | null;
}

/**
 * Where lost deals' stages come from: `status` (nowhere: lost deals are shown apart),
 * `stageDates` (per-stage "date entered" columns), `lostStage` (a "lost at stage" column).
 */
export type FunnelStageSource = 'status' | 'stageDates' | 'lostStage';

export interface FunnelSection {
  /** The period the funnel counts (the current one). */
  readonly period: PeriodInfo;
  /** Open stages in the mapping's order, then one won step. */
  readonly stages: readonly FunnelStage[];
  readonly stageSource: FunnelStageSource;
  /** The headers of the columns that record stages (empty for `status`). */
  readonly stageColumns: readonly string[];
  /** Lost deals by lost status. */
  readonly lost: readonly { readonly label: string; readonly deals: number }[];
  /** Lost deals whose stage is not known (all of them for `status`): in no stage's `reached`. */
  readonly lostUnknown: number;
  /** Deals with a non-blank status. */
  readonly deals: number;
  /** won ÷ deals: the funnel's overall conversion. */
  readonly overallConversion: number | null;
}

// ——— Campaigns ———

export interface CampaignRow {
  /** As first spelled in the campaigns table. */
  readonly name: string;
  readonly type: string;
  /** Σ cost of the campaign's rows (all of them, whatever their dates). */
  readonly cost: number;
  /** First start and last end day, `YYYY-MM-DD`, or null. */
  readonly start: string | null;
  readonly end: string | null;
  /** Won deals whose source names the campaign (rule 4). */
  readonly wonDeals: number;
  readonly revenue: number;
  /** (revenue − cost) ÷ cost. */
  readonly roi: number | null;
}

export interface CampaignSection {
  /** Deals counted: every dated deal up to the end of the current period (`start` is the first such day). */
  readonly range: PeriodInfo;
  /** In order of first appearance in the campaigns table (as CAMPAIGN_ROI). */
  readonly rows: readonly CampaignRow[];
  /** Σ of the rows, ROI recomputed. */
  readonly total: CampaignRow;
  /** Won deals whose source is blank or names no campaign. */
  readonly unattributed: { readonly wonDeals: number; readonly revenue: number };
  /** Revenue attributed to a campaign of the table ÷ revenue, over `range`. */
  readonly attributedShare: number | null;
  /** Campaign costs in the current period ÷ new customers of the period. */
  readonly cac: number | null;
  /** Campaign costs falling in the current period (prorated by day over start–end). */
  readonly costInPeriod: number;
  /** Null when the deals have no customer column. */
  readonly newCustomers: number | null;
}

// ——— Activities ———

export interface ActivityTypeColumn {
  /** Canonical type, or null for a type that keeps its own label. */
  readonly id: ActivityTypeId | null;
  /** "Calls"/"Appels" for canonical types; the first spelling otherwise. */
  readonly label: string;
}

export interface ActivityRepRow {
  readonly rep: string;
  readonly isNone: boolean;
  /** One count per column of `types`. */
  readonly counts: readonly number[];
  readonly total: number;
  /** Won deals of the rep in the period. */
  readonly wonDeals: number;
  /** total ÷ wonDeals. */
  readonly perWonDeal: number | null;
}

export interface ActivitySection {
  readonly period: PeriodInfo;
  /** Canonical types first (call, meeting, visit, email, quote, demo), then others by first appearance; only types seen in the period. */
  readonly types: readonly ActivityTypeColumn[];
  /** Sorted by total, highest first; the blank-rep row last. */
  readonly rows: readonly ActivityRepRow[];
  readonly total: ActivityRepRow;
}

// ——— Feedback ———

export interface FeedbackRepRow {
  readonly rep: string;
  readonly isNone: boolean;
  /** Mean score per trend period (`ReportPeriods.trend`), null where there is none. */
  readonly scores: readonly (number | null)[];
  /** Mean in the current period. */
  readonly current: number | null;
  /** Scores in the current period. */
  readonly count: number;
}

export interface FeedbackComment {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  readonly rep: string;
  readonly score: number | null;
  readonly comment: string;
}

export interface FeedbackSection {
  readonly scale: FeedbackScale;
  /** Same columns as `ReportPeriods.trend`. */
  readonly periods: readonly PeriodInfo[];
  /** In order of first appearance; blank reps last. */
  readonly rows: readonly FeedbackRepRow[];
  /** Mean over every rep per trend period. */
  readonly team: readonly (number | null)[];
  /** Latest non-blank comments up to the end of the current period, newest first. */
  readonly comments: readonly FeedbackComment[];
}

// ——— Data quality ———

export type ProblemReason =
  | 'notANumber'
  | 'tooLarge'
  | 'notADate'
  | 'notAProbability'
  | 'notAPeriod'
  | 'scoreOutOfRange'
  | 'closedBeforeCreated';

export interface ValueProblem {
  readonly field: string;
  readonly header: string;
  /** 1-based sheet row. */
  readonly sheetRow: number;
  /** As quoted in messages, e.g. `"n/c"`. */
  readonly value: string;
  readonly reason: ProblemReason;
}

/**
 * Why a row counts in nothing: `blank` (every mapped cell blank), `noDate` (no usable
 * date, so in no period), `noValue` (a required value is blank or unreadable: target,
 * score, activity type, campaign name…).
 */
export type SkipReason = 'blank' | 'noDate' | 'noValue';

export interface SkippedRows {
  readonly reason: SkipReason;
  readonly count: number;
  /** The first sheet rows concerned (at most 20). */
  readonly sheetRows: readonly number[];
}

export interface TableQuality {
  readonly entity: EntityId;
  readonly sheet: string;
  /** Rows below the header row, blank ones included. */
  readonly rowsRead: number;
  /** Rows used by at least one figure. */
  readonly rowsUsed: number;
  readonly skipped: readonly SkippedRows[];
  /** The first problems in sheet-row order (at most 200); `problemCount` has them all. */
  readonly problems: readonly ValueProblem[];
  readonly problemCount: number;
}

export interface UnmappedField {
  readonly entity: EntityId;
  readonly field: string;
  /** The field's name in the report's language. */
  readonly label: string;
  /** KPIs that need it. */
  readonly unlocks: readonly KpiId[];
}

/** Why a figure is not plausible. */
export type ImplausibleCause = 'attainmentTooHigh' | 'marginAboveRevenue' | 'negativeCycle';

export interface ImplausibleFigure {
  readonly kpi: KpiId;
  /** The rep it is about, or null for the team. */
  readonly rep: string | null;
  readonly value: number;
  readonly cause: ImplausibleCause;
}

export interface QualitySection {
  readonly tables: readonly TableQuality[];
  /** Figures no business produces (summary.md, "Plausible or flagged"), with their likely cause. */
  readonly implausible: readonly ImplausibleFigure[];
  /** Statuses in the data that the mapping's won / lost / open lists do not name (counted as open). */
  readonly unclassedStatuses: readonly { readonly label: string; readonly count: number }[];
  /** Optional fields of mapped entities that have no column. */
  readonly unmappedFields: readonly UnmappedField[];
  /** Entities with no sheet mapped. */
  readonly unmappedEntities: readonly EntityId[];
}

// ——— The report ———

export interface Report {
  readonly language: Language;
  readonly locale: string;
  readonly timeZone: string;
  /** ISO instant of `today`. */
  readonly generatedAt: string;
  readonly periods: ReportPeriods;
  readonly overview: readonly OverviewRow[];
  /** KPIs that cannot be computed with this mapping, and how to unlock them. */
  readonly lockedKpis: readonly LockedKpi[];
  /** Null when the deals have no rep column. */
  readonly reps: RepSection | null;
  readonly trends: readonly TrendRow[];
  readonly funnel: FunnelSection;
  /** Null when campaigns are not mapped (or the deals have no source column). */
  readonly campaigns: CampaignSection | null;
  readonly activities: ActivitySection | null;
  readonly feedback: FeedbackSection | null;
  readonly quality: QualitySection;
}
