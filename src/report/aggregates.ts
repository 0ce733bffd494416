import type { CampaignColumns } from '../engine/campaigns';
import { costIn } from '../engine/campaigns';
import type { DealSummary } from '../engine/dealStats';
import type { Span } from '../engine/periods';
import type { PeriodAggregates } from './catalog';
import type { DealsRead } from './deals';
import type { ActivityAggregates } from './sections/activities';
import type { FeedbackAggregatesAll } from './sections/feedback';
import type { TargetAggregates } from './sections/targets';

/** What the catalog computes the KPIs from: every entity's figures per overview slot. */
export function periodAggregates(
  spans: readonly Span[],
  deals: DealsRead,
  slotStats: readonly DealSummary[],
  others: {
    readonly activities: ActivityAggregates | null;
    readonly targets: TargetAggregates | null;
    readonly feedback: FeedbackAggregatesAll | null;
    readonly campaigns: CampaignColumns | null;
  },
): PeriodAggregates[] {
  const { pass, customersMapped } = deals;
  const { activities, targets, feedback, campaigns } = others;
  // A campaign's cost is spread over its days (prorated; one date alone is one day).
  const campaignCost = campaigns
    ? spans.map((x) => campaigns.costs.reduce((sum, c) => sum + costIn(c, x.startDay, x.endDay), 0))
    : null;
  return spans.map((span, s) => ({
    deals: slotStats[s],
    wonCost: pass.wonCost[s],
    reps: pass.repCount[s],
    knownSourceRevenue: pass.knownSourceRevenue[s],
    customers: customersMapped ? pass.customersOf(s, span.start, span.until) : null,
    activities: activities ? { count: activities.count[s], reps: activities.reps[s] } : null,
    target: targets ? targets.slots[s] : null,
    campaignCost: campaignCost ? campaignCost[s] : null,
    feedback: feedback ? feedback.slots[s] : null,
    openPipeline: { weighted: pass.openPipeline, total: pass.openAmount },
  }));
}
