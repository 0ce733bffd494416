import { ratio } from '../core/status';
import type { DealSummary } from '../engine/dealStats';
import { cacOf } from '../functions/cac';
import { growthRateOf } from '../functions/growthRate';
import { marginOf } from '../functions/margin';
import { marginRateOf } from '../functions/marginRate';
import { markupRateOf } from '../functions/markupRate';
import { quotaAttainmentOf } from '../functions/quotaAttainment';
import { roiOf } from '../functions/roi';
import type { Bilingual, EntityId } from '../mapping/fields';
import type { BetterDirection, KpiId, KpiUnit } from './model';

/**
 * Every KPI of kpis.md, declared once: its names, a one-line plain definition, unit,
 * better direction and what it needs, next to the code that computes it from a period's
 * aggregates. The arithmetic is the custom functions' own cores (roiOf, marginRateOf…)
 * or DealStats', so that a figure on a summary tab equals the formula on the same rows.
 */

/** What the build gathers for one period (aggregates.ts), in one pass per table. */
export interface PeriodAggregates {
  /** DealStats of the period's deals. */
  readonly deals: DealSummary;
  /** Σ cost of the period's won deals (blank costs add nothing). */
  readonly wonCost: number;
  /** Distinct non-blank reps over the period's deals (REVENUE_PER_REP's denominator). */
  readonly reps: number;
  /** Σ amount of won deals with a non-blank source. */
  readonly knownSourceRevenue: number;
  /** Null when the deals have no customer column (or no dates, for the dated counts). */
  readonly customers: CustomerAggregates | null;
  /** Null when activities are not mapped. */
  readonly activities: { readonly count: number; readonly reps: number } | null;
  /** Team target of the period; null when there is none. */
  readonly target: number | null;
  /** Campaign costs falling in the period; null when campaigns are not mapped. */
  readonly campaignCost: number | null;
  /** Null when feedback is not mapped. */
  readonly feedback: FeedbackAggregates | null;
  /** The deals open now, whatever their dates (the same in every slot: a snapshot). */
  readonly openPipeline: { readonly weighted: number; readonly total: number };
}

export interface CustomerAggregates {
  /** Distinct customers with a deal in the period. */
  readonly withDeal: number;
  /** Distinct customers with a won deal in the period (active customers). */
  readonly withWon: number;
  /** Customers whose first won deal (over all rows) is in the period. */
  readonly newCustomers: number;
  /** Customers with a won deal before the period. */
  readonly earlier: number;
  /** Of those, the ones with a won deal in the period. */
  readonly retained: number;
  /** Customers with one won deal or more up to the end of the period. */
  readonly buyers: number;
  /** Customers with two won deals or more up to the end of the period. */
  readonly repeatBuyers: number;
}

export interface FeedbackAggregates {
  readonly sum: number;
  readonly count: number;
  /** Scores 9–10, 0–6 (NPS, 0–10 scale only). */
  readonly promoters: number;
  readonly detractors: number;
  readonly zeroToTen: boolean;
}

/** A field (or, with field null, the entity itself) a KPI reads. */
export interface Need {
  readonly entity: EntityId;
  readonly field: string | null;
}

interface KpiMeta {
  readonly id: KpiId;
  readonly name: Bilingual;
  readonly definition: Bilingual;
  readonly unit: KpiUnit;
  readonly better: BetterDirection;
  /** Every item must be mapped. */
  readonly needs: readonly Need[];
  /** Needs a date on the deals (close or created) to place them in periods. */
  readonly needsDealDates?: boolean;
  /** Needs feedback scores on a 0–10 scale. */
  readonly needsZeroToTen?: boolean;
  /** A figure of now, not of a period: never compared with the previous period (`—`). */
  readonly snapshot?: boolean;
}

/** A KPI of the overview: one value per period. */
export interface OverviewKpi extends KpiMeta {
  readonly section: 'overview';
  /**
   * The KPI for `periods[k]`; `periods[k + 1]` is the period before it when there is one
   * (growth). Null: no value (zero denominator or missing data).
   */
  readonly compute: (periods: readonly PeriodAggregates[], k: number) => number | null;
  /** The target the KPI is compared with, when one applies. */
  readonly target?: (period: PeriodAggregates) => number | null;
}

/** A KPI shown on its own tab, computed there with this function. */
export interface CampaignKpi extends KpiMeta {
  readonly section: 'campaigns';
  readonly compute: (revenue: number, cost: number) => number | null;
}
export interface FunnelKpi extends KpiMeta {
  readonly section: 'funnel';
  readonly compute: (reached: number, reachedBefore: number) => number | null;
}

export type KpiEntry = OverviewKpi | CampaignKpi | FunnelKpi;

const D = (field: string): Need => ({ entity: 'deals', field });
const A: Need = { entity: 'activities', field: null };
const C: Need = { entity: 'campaigns', field: null };
const T: Need = { entity: 'targets', field: null };
const F: Need = { entity: 'feedback', field: null };

function customers<T>(p: PeriodAggregates, f: (c: CustomerAggregates) => T): T | null {
  return p.customers ? f(p.customers) : null;
}

/** The KPIs, in the order of the overview. */
export const KPIS: readonly KpiEntry[] = [
  {
    id: 'revenue',
    section: 'overview',
    name: { en: 'Revenue', fr: "Chiffre d'affaires (HT)" },
    definition: {
      en: 'Total amount of the deals won in the period.',
      fr: 'Montant total des affaires gagnées sur la période.',
    },
    unit: 'money',
    better: 'up',
    needs: [D('amount'), D('status')],
    compute: (p, k) => p[k].deals.revenue,
    target: (p) => p.target,
  },
  {
    id: 'wonDeals',
    section: 'overview',
    name: { en: 'Orders / won deals', fr: 'Commandes / affaires gagnées' },
    definition: {
      en: 'Number of deals won in the period.',
      fr: 'Nombre d’affaires gagnées sur la période.',
    },
    unit: 'count',
    better: 'up',
    needs: [D('status')],
    compute: (p, k) => p[k].deals.won,
  },
  {
    id: 'winRate',
    section: 'overview',
    name: { en: 'Win rate', fr: 'Taux de transformation des opportunités' },
    definition: {
      en: 'Won deals ÷ (won + lost); open deals are left out.',
      fr: 'Affaires gagnées ÷ (gagnées + perdues) ; les affaires en cours sont exclues.',
    },
    unit: 'percent',
    better: 'up',
    needs: [D('status')],
    compute: (p, k) => p[k].deals.winRate,
  },
  {
    id: 'averageDealSize',
    section: 'overview',
    name: { en: 'Average deal size', fr: 'Panier moyen' },
    definition: {
      en: 'Revenue ÷ won deals with an amount.',
      fr: 'Chiffre d’affaires ÷ affaires gagnées ayant un montant.',
    },
    unit: 'money',
    better: 'up',
    needs: [D('amount'), D('status')],
    compute: (p, k) => p[k].deals.averageDealSize,
  },
  {
    id: 'pipeline',
    section: 'overview',
    name: { en: 'Open pipeline (weighted)', fr: 'Pipeline (pondéré)' },
    definition: {
      en: 'Σ amount × probability of every deal open now, whatever its dates (probability 1 when blank).',
      fr: 'Σ montant × probabilité de toutes les affaires en cours aujourd’hui, quelles que soient leurs dates (probabilité 1 si vide).',
    },
    unit: 'money',
    better: 'up',
    needs: [D('amount'), D('status')],
    snapshot: true,
    compute: (p, k) => p[k].openPipeline.weighted,
  },
  {
    id: 'pipelineTotal',
    section: 'overview',
    name: { en: 'Open pipeline (unweighted)', fr: 'Pipeline (non pondéré)' },
    definition: {
      en: 'Σ amount of every deal open now, whatever its dates and probability.',
      fr: 'Σ montant de toutes les affaires en cours aujourd’hui, quelles que soient leurs dates et probabilités.',
    },
    unit: 'money',
    better: 'up',
    needs: [D('amount'), D('status')],
    snapshot: true,
    compute: (p, k) => p[k].openPipeline.total,
  },
  {
    id: 'salesCycle',
    section: 'overview',
    name: { en: 'Sales cycle', fr: 'Durée du cycle de vente' },
    definition: {
      en: 'Mean days from creation to close of the won deals.',
      fr: 'Nombre moyen de jours entre création et signature des affaires gagnées.',
    },
    unit: 'days',
    better: 'down',
    needs: [D('created'), D('closed')],
    compute: (p, k) => p[k].deals.salesCycleDays,
  },
  {
    id: 'salesVelocity',
    section: 'overview',
    name: { en: 'Sales velocity', fr: 'Vélocité commerciale' },
    definition: {
      en: 'Open deals × average deal size × win rate ÷ sales cycle: money per day.',
      fr: 'Affaires en cours × panier moyen × taux de transformation ÷ cycle de vente : montant par jour.',
    },
    unit: 'money',
    better: 'up',
    needs: [D('amount'), D('created'), D('closed')],
    compute: (p, k) => salesVelocity(p[k].deals),
  },
  {
    id: 'revenuePerRep',
    section: 'overview',
    name: { en: 'Revenue per rep', fr: 'CA par commercial' },
    definition: {
      en: 'Revenue ÷ reps with a deal in the period (a rep who won nothing counts).',
      fr: 'Chiffre d’affaires ÷ commerciaux ayant une affaire sur la période (même sans gain).',
    },
    unit: 'money',
    better: 'up',
    needs: [D('amount'), D('rep')],
    compute: (p, k) => ratio(p[k].deals.revenue, p[k].reps),
  },
  {
    id: 'quotaAttainment',
    section: 'overview',
    name: { en: 'Quota attainment', fr: "Taux d'atteinte de l'objectif" },
    definition: {
      en: 'Revenue ÷ the team target of the period.',
      fr: 'Chiffre d’affaires ÷ objectif de l’équipe sur la période.',
    },
    unit: 'percent',
    better: 'up',
    needs: [T],
    compute: (p, k) =>
      p[k].target === null ? null : quotaAttainmentOf(p[k].deals.revenue, p[k].target!),
  },
  {
    id: 'revenueGrowth',
    section: 'overview',
    name: { en: 'Growth (revenue)', fr: 'Croissance (CA)' },
    definition: {
      en: '(Revenue − revenue of the period before) ÷ |revenue of the period before|.',
      fr: '(CA − CA de la période précédente) ÷ |CA de la période précédente|.',
    },
    unit: 'percent',
    better: 'up',
    needs: [D('amount')],
    needsDealDates: true,
    compute: (p, k) =>
      k + 1 < p.length ? growthRateOf(p[k].deals.revenue, p[k + 1].deals.revenue) : null,
  },
  {
    id: 'margin',
    section: 'overview',
    name: { en: 'Margin', fr: 'Marge' },
    definition: {
      en: 'Revenue − cost of the won deals.',
      fr: 'Chiffre d’affaires − coût des affaires gagnées.',
    },
    unit: 'money',
    better: 'up',
    needs: [D('amount'), D('cost')],
    compute: (p, k) => marginOf(p[k].deals.revenue, p[k].wonCost),
  },
  {
    id: 'marginRate',
    section: 'overview',
    name: { en: 'Margin rate', fr: 'Taux de marque' },
    definition: {
      en: 'Margin ÷ revenue (gross margin on sales).',
      fr: 'Marge ÷ chiffre d’affaires (marge sur le prix de vente).',
    },
    unit: 'percent',
    better: 'up',
    needs: [D('amount'), D('cost')],
    compute: (p, k) => marginRateOf(p[k].deals.revenue, p[k].wonCost),
  },
  {
    id: 'markupRate',
    section: 'overview',
    name: { en: 'Markup rate', fr: 'Taux de marge' },
    definition: {
      en: 'Margin ÷ cost of the won deals.',
      fr: 'Marge ÷ coût des affaires gagnées.',
    },
    unit: 'percent',
    better: 'up',
    needs: [D('amount'), D('cost')],
    compute: (p, k) => markupRateOf(p[k].deals.revenue, p[k].wonCost),
  },
  {
    id: 'prospectConversion',
    section: 'overview',
    name: { en: 'Prospect→customer conversion', fr: 'Taux de conversion prospect/client' },
    definition: {
      en: 'Customers with a won deal ÷ customers with any deal in the period.',
      fr: 'Clients ayant une affaire gagnée ÷ clients ayant une affaire sur la période.',
    },
    unit: 'percent',
    better: 'up',
    needs: [D('customer')],
    compute: (p, k) => customers(p[k], (c) => ratio(c.withWon, c.withDeal)),
  },
  {
    id: 'newCustomers',
    section: 'overview',
    name: { en: 'New customers', fr: 'Nouveaux clients' },
    definition: {
      en: 'Customers whose first won deal is in the period.',
      fr: 'Clients dont la première affaire gagnée tombe dans la période.',
    },
    unit: 'count',
    better: 'up',
    needs: [D('customer')],
    needsDealDates: true,
    compute: (p, k) => customers(p[k], (c) => c.newCustomers),
  },
  {
    id: 'activeCustomers',
    section: 'overview',
    name: { en: 'Active customers', fr: 'Clients actifs' },
    definition: {
      en: 'Customers with a won deal in the period.',
      fr: 'Clients ayant une affaire gagnée sur la période.',
    },
    unit: 'count',
    better: 'up',
    needs: [D('customer')],
    compute: (p, k) => customers(p[k], (c) => c.withWon),
  },
  {
    id: 'retentionRate',
    section: 'overview',
    name: {
      en: 'Retention rate (12 months)',
      fr: 'Taux de rétention / fidélisation (12 mois)',
    },
    definition: {
      en: 'Customers who bought before the 12 months ending with the period and bought again in them ÷ customers who bought before them.',
      fr: 'Clients ayant acheté avant les 12 mois qui finissent avec la période et qui ont racheté pendant ces 12 mois ÷ clients ayant acheté avant.',
    },
    unit: 'percent',
    better: 'up',
    needs: [D('customer')],
    needsDealDates: true,
    compute: (p, k) => customers(p[k], (c) => ratio(c.retained, c.earlier)),
  },
  {
    id: 'churnRate',
    section: 'overview',
    name: { en: 'Churn rate (12 months)', fr: "Taux d'attrition (12 mois)" },
    definition: {
      en: '1 − retention rate: customers who bought before the 12 months ending with the period and did not buy in them.',
      fr: '1 − taux de rétention : clients ayant acheté avant les 12 mois qui finissent avec la période et qui n’ont pas racheté pendant ces 12 mois.',
    },
    unit: 'percent',
    better: 'down',
    needs: [D('customer')],
    needsDealDates: true,
    compute: (p, k) =>
      customers(p[k], (c) => {
        const retention = ratio(c.retained, c.earlier);
        return retention === null ? null : 1 - retention;
      }),
  },
  {
    id: 'repeatCustomerRate',
    section: 'overview',
    name: { en: 'Repeat customer rate', fr: 'Taux de réachat' },
    definition: {
      en: 'Customers with two won deals or more ÷ customers with one, up to the end of the period.',
      fr: 'Clients ayant au moins deux affaires gagnées ÷ clients en ayant une, jusqu’à la fin de la période.',
    },
    unit: 'percent',
    better: 'up',
    needs: [D('customer')],
    needsDealDates: true,
    compute: (p, k) => customers(p[k], (c) => ratio(c.repeatBuyers, c.buyers)),
  },
  {
    id: 'activities',
    section: 'overview',
    name: {
      en: 'Contacts, calls, meetings, quotes',
      fr: 'Contacts, appels, rendez-vous, devis',
    },
    definition: {
      en: 'Activities logged in the period, every type together (by type and rep on the Activities tab).',
      fr: 'Activités enregistrées sur la période, tous types confondus (par type et commercial dans l’onglet Activités).',
    },
    unit: 'count',
    better: 'up',
    needs: [A],
    compute: (p, k) => p[k].activities?.count ?? null,
  },
  {
    id: 'activitiesPerRep',
    section: 'overview',
    name: { en: 'Activities per rep', fr: 'Activités par commercial' },
    definition: {
      en: 'Activities ÷ reps who logged one in the period.',
      fr: 'Activités ÷ commerciaux en ayant enregistré une sur la période.',
    },
    unit: 'ratio',
    better: 'up',
    needs: [A, { entity: 'activities', field: 'rep' }],
    compute: (p, k) =>
      p[k].activities ? ratio(p[k].activities!.count, p[k].activities!.reps) : null,
  },
  {
    id: 'activitiesPerWonDeal',
    section: 'overview',
    name: { en: 'Activities per won deal', fr: 'Activités par affaire gagnée' },
    definition: {
      en: 'Activities ÷ deals won in the period: the effort one order takes.',
      fr: 'Activités ÷ affaires gagnées sur la période : l’effort que demande une commande.',
    },
    unit: 'ratio',
    better: 'down',
    needs: [A],
    compute: (p, k) => (p[k].activities ? ratio(p[k].activities!.count, p[k].deals.won) : null),
  },
  {
    id: 'attributedShare',
    section: 'overview',
    name: { en: 'Attributed revenue share', fr: 'Part du CA attribuée' },
    definition: {
      en: 'Revenue of won deals with a known source ÷ revenue.',
      fr: 'CA des affaires gagnées dont l’origine est connue ÷ chiffre d’affaires.',
    },
    unit: 'percent',
    better: 'up',
    needs: [D('source')],
    compute: (p, k) => ratio(p[k].knownSourceRevenue, p[k].deals.revenue),
  },
  {
    id: 'cac',
    section: 'overview',
    name: { en: 'Customer acquisition cost', fr: "Coût d'acquisition client" },
    definition: {
      en: 'Campaign costs of the period ÷ new customers; empty without costs or new customers.',
      fr: 'Coûts des campagnes de la période ÷ nouveaux clients ; vide sans coût ou sans nouveau client.',
    },
    unit: 'money',
    better: 'down',
    needs: [C, D('customer')],
    needsDealDates: true,
    compute: (p, k) =>
      p[k].campaignCost === null || !p[k].customers
        ? null
        : acquisitionCost(p[k].campaignCost!, p[k].customers!.newCustomers),
  },
  {
    id: 'nps',
    section: 'overview',
    name: { en: 'Recommendation (NPS)', fr: 'Taux de recommandation' },
    definition: {
      en: '% of scores 9–10 − % of scores 0–6, from −100 to 100.',
      fr: '% de notes 9–10 − % de notes 0–6, de −100 à 100.',
    },
    unit: 'score',
    better: 'up',
    needs: [F],
    needsZeroToTen: true,
    compute: (p, k) => {
      const f = p[k].feedback;
      if (!f || !f.zeroToTen) return null;
      const share = ratio(f.promoters - f.detractors, f.count);
      return share === null ? null : share * 100;
    },
  },
  {
    id: 'feedbackScore',
    section: 'overview',
    name: { en: 'Rep feedback', fr: 'Ressenti des commerciaux' },
    definition: {
      en: 'Mean score the reps gave in the period (comments on the Feedback tab).',
      fr: 'Note moyenne donnée par les commerciaux sur la période (commentaires dans l’onglet Ressenti).',
    },
    unit: 'score',
    better: 'up',
    needs: [F],
    compute: (p, k) => (p[k].feedback ? ratio(p[k].feedback!.sum, p[k].feedback!.count) : null),
  },
  {
    id: 'campaignRoi',
    section: 'campaigns',
    name: { en: 'Campaign ROI', fr: "ROI d'une campagne / d'un salon" },
    definition: {
      en: '(Revenue of the won deals whose source is the campaign − its cost) ÷ its cost.',
      fr: '(CA des affaires gagnées issues de la campagne − son coût) ÷ son coût.',
    },
    unit: 'percent',
    better: 'up',
    needs: [C, D('source')],
    compute: roiOf,
  },
  {
    id: 'stageConversion',
    section: 'funnel',
    name: { en: 'Stage conversion (funnel)', fr: "Taux de passage d'étape" },
    definition: {
      en: 'Deals at or past a stage ÷ deals at or past the stage before.',
      fr: 'Affaires ayant atteint une étape ÷ affaires ayant atteint l’étape précédente.',
    },
    unit: 'percent',
    better: 'up',
    needs: [D('status')],
    compute: ratio,
  },
];

/**
 * CAC of a period: empty (`—`) when the period has no campaign cost or no new customer,
 * never 0 (kpis.md).
 */
export function acquisitionCost(cost: number, newCustomers: number): number | null {
  if (!(cost > 0) || newCustomers <= 0) return null;
  return cacOf(cost, newCustomers);
}

/** SALES_VELOCITY's core on DealStats: 0 without open deals, null when a ratio has no denominator. */
export function salesVelocity(s: DealSummary): number | null {
  if (s.open === 0) return 0;
  const { averageDealSize, winRate, salesCycleDays } = s;
  if (averageDealSize === null || winRate === null || salesCycleDays === null) return null;
  if (salesCycleDays === 0) return null;
  return (s.open * averageDealSize * winRate) / salesCycleDays;
}

export function kpi(id: KpiId): KpiEntry {
  const entry = KPIS.find((k) => k.id === id);
  if (!entry) throw new Error(`unknown KPI ${id}`);
  return entry;
}

export function campaignRoi(revenue: number, cost: number): number | null {
  return (kpi('campaignRoi') as CampaignKpi).compute(revenue, cost);
}

export function stageConversion(reached: number, reachedBefore: number): number | null {
  return (kpi('stageConversion') as FunnelKpi).compute(reached, reachedBefore);
}
