import type { Language } from '../../core/context';
import { ratio } from '../../core/status';
import { growthRateOf } from '../../functions/growthRate';
import type { DealFieldId } from '../../mapping/fields';
import { entitySpec, fieldSpec, flagsGiveStatus } from '../../mapping/fields';
import type { FeedbackScale } from '../../mapping/schema';
import type { KpiEntry, Need, PeriodAggregates } from '../catalog';
import { KPIS } from '../catalog';
import type { LockedKpi, OverviewRow, Requirement, Verdict } from '../model';
import type { MappedTables } from '../tables';
import { howToUnlock, text } from '../texts';

/**
 * The overview tab: each overview KPI of the catalog in the current period against the
 * previous one and the target; and every KPI of the catalog whose needs are not mapped,
 * with what to map to see it.
 */

export interface OverviewInput {
  readonly aggregates: PeriodAggregates[];
  readonly language: Language;
  /** The deal fields the reader found. */
  readonly dealFields: ReadonlySet<DealFieldId>;
  readonly tables: MappedTables;
  /** No deal date: KPIs over time are locked, and nothing is compared. */
  readonly dealsUndated: boolean;
  /** The feedback's scale; null when feedback is not mapped. */
  readonly feedbackScale: FeedbackScale | null;
  /**
   * The current period has deals. Without any, a deal KPI is not compared with the
   * previous period: "−100 %" would read as a collapse, when there is only no data.
   */
  readonly currentHasDeals: boolean;
}

/** KPIs that read no deal: compared with the previous period even when it has none. */
const WITHOUT_DEALS: ReadonlySet<string> = new Set([
  'activities',
  'activitiesPerRep',
  'nps',
  'feedbackScore',
]);

export function buildOverview(input: OverviewInput): {
  overview: OverviewRow[];
  lockedKpis: LockedKpi[];
} {
  const { aggregates, language, dealsUndated } = input;
  const overview: OverviewRow[] = [];
  const lockedKpis: LockedKpi[] = [];
  for (const entry of KPIS) {
    const needs = unmetNeeds(entry, input);
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
    const previous = dealsUndated || entry.snapshot ? null : entry.compute(aggregates, 1);
    const compared = input.currentHasDeals || WITHOUT_DEALS.has(entry.id);
    const delta = compared && current !== null && previous !== null ? current - previous : null;
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
      change: delta !== null ? growthRateOf(current!, previous!) : null,
      delta,
      verdict: verdictOf(delta, entry.better),
      target,
      vsTarget,
      targetVerdict:
        current !== null && target !== null ? verdictOf(current - target, entry.better) : null,
      implausible: false,
    });
  }
  return { overview, lockedKpis };
}

/** What a KPI needs that is not mapped: fields, deal dates, a 0–10 feedback scale. */
function unmetNeeds(entry: KpiEntry, input: OverviewInput): Requirement[] {
  const { language } = input;
  const needs = entry.needs
    .filter((need) => !isMapped(need, input))
    .map((need) => requirementOf(need, language));
  if (entry.needsDealDates && input.dealsUndated)
    needs.push(requirementOf({ entity: 'deals', field: 'closed' }, language));
  if (entry.needsZeroToTen && input.feedbackScale !== null && input.feedbackScale !== '0-10') {
    const r = requirementOf({ entity: 'feedback', field: 'score' }, language);
    needs.push({ ...r, label: `${r.label} (${text('zeroToTen', language)})` });
  }
  return needs;
}

function isMapped(need: Need, { dealFields, tables }: OverviewInput): boolean {
  if (need.entity === 'deals') {
    if (need.field === null || dealFields.has(need.field as DealFieldId)) return true;
    // Won / closed flags give the status when there is no status column.
    return need.field === 'status' && flagsGiveStatus((f) => dealFields.has(f as DealFieldId));
  }
  const table = tables.of(need.entity);
  if (!table) return false;
  return need.field === null || (table.columns[need.field] ?? -1) >= 0;
}

function requirementOf(need: Need, language: Language): Requirement {
  const spec = entitySpec(need.entity);
  const field = need.field === null ? undefined : fieldSpec(need.entity, need.field);
  return {
    entity: need.entity,
    field: need.field,
    label: spec.label[language] + (field ? ' › ' + field.label[language] : ''),
  };
}

function verdictOf(delta: number | null, better: 'up' | 'down'): Verdict | null {
  if (delta === null) return null;
  if (delta === 0) return 'same';
  return delta > 0 === (better === 'up') ? 'better' : 'worse';
}
