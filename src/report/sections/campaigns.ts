import type { Language } from '../../core/context';
import { ratio } from '../../core/status';
import type { CampaignColumns } from '../../engine/campaigns';
import type { Span } from '../../engine/periods';
import { dayOfInstant, isoOfDay } from '../../engine/periods';
import type { PeriodAggregates } from '../catalog';
import { acquisitionCost, campaignRoi } from '../catalog';
import type { DealPass } from '../dealPass';
import type { CampaignRow, CampaignSection } from '../model';
import { text } from '../texts';

/** The campaigns tab: each campaign's cost, attributed won deals and ROI, up to the period's end. */

export function buildCampaigns(
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
        : acquisitionCost(current.campaignCost, newCustomers),
    costInPeriod: current.campaignCost ?? 0,
    newCustomers,
  };
}
