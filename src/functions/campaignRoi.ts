import type { Column } from '../core/args';
import { AmountReader, checkPaired, Parsers, requiredColumn } from '../core/args';
import type { Language } from '../core/context';
import { languageOf } from '../core/context';
import { inputError } from '../core/errors';
import { normalizeLabel } from '../core/labels';
import { statusClasses } from '../core/money';
import { StatusClass } from '../core/status';
import { describeValue, isBlank } from '../core/values';
import { cell, defineFunction } from './define';
import { WON_LABELS_ARG } from './revenue';
import { roiOf } from './roi';

/** One line of the table: a campaign, or the won deals attributed to none. */
export interface Attribution {
  /** The campaign name as first spelled in campaign_names. */
  readonly name: string | number;
  cost: number;
  won: number;
  revenue: number;
}

export interface CampaignTotals {
  /** In order of first appearance in campaign_names. */
  readonly campaigns: Attribution[];
  /** Won deals whose source is blank or names no campaign (`name` unused). */
  readonly unattributed: Attribution;
}

function firstSpelling(raw: unknown): string | number {
  if (typeof raw === 'number') return raw;
  return typeof raw === 'string' ? raw.trim() : describeValue(raw);
}

/**
 * Pure core: cost of each campaign (repeated names summed, matched by rule 4), and count
 * and revenue of the won deals whose source names it. Only won deals' amounts are read;
 * a won deal with a blank amount counts as a deal and adds no revenue.
 */
export function campaignTotalsOf(
  sources: Column,
  amounts: Column,
  classes: ArrayLike<number>,
  names: Column,
  costs: Column,
  parsers: Parsers,
): CampaignTotals {
  const costOf = new AmountReader(parsers, costs);
  const amountOf = new AmountReader(parsers, amounts);
  const campaigns: Attribution[] = [];
  const byLabel = new Map<string, Attribution>();
  for (let row = 0; row < names.values.length; row++) {
    const raw = names.values[row];
    if (isBlank(raw)) {
      if (isBlank(costs.values[row])) continue;
      throw inputError('blankName', {
        arg: names.name,
        position: row + 1,
        other: costs.name,
        value: costs.values[row],
      });
    }
    const label = normalizeLabel(raw);
    let campaign = byLabel.get(label);
    if (campaign === undefined) {
      campaign = { name: firstSpelling(raw), cost: 0, won: 0, revenue: 0 };
      byLabel.set(label, campaign);
      campaigns.push(campaign);
    }
    campaign.cost += costOf.at(row) ?? 0;
  }

  const unattributed: Attribution = { name: '', cost: 0, won: 0, revenue: 0 };
  // Sources repeat down the column: resolve each distinct cell once.
  const bySource = new Map<unknown, Attribution>();
  for (let row = 0; row < sources.values.length; row++) {
    if (classes[row] !== StatusClass.Won) continue;
    const raw = sources.values[row];
    let target = bySource.get(raw);
    if (target === undefined) {
      target = byLabel.get(normalizeLabel(raw)) ?? unattributed;
      bySource.set(raw, target);
    }
    target.won++;
    target.revenue += amountOf.at(row) ?? 0;
  }
  return { campaigns, unattributed };
}

const HEADERS: Record<Language, readonly string[]> = {
  en: ['campaign', 'cost', 'won deals', 'revenue', 'ROI'],
  fr: ['campagne', 'coût', 'affaires gagnées', 'CA', 'ROI'],
};
const NONE: Record<Language, string> = { en: '(none)', fr: '(aucune)' };

/** The spilled table: header, one row per campaign, then the unattributed row if any. */
export function campaignTable(totals: CampaignTotals, language: Language): (string | number)[][] {
  const table: (string | number)[][] = [HEADERS[language].slice()];
  for (const c of totals.campaigns) {
    table.push([c.name, c.cost, c.won, c.revenue, cell(roiOf(c.revenue, c.cost))]);
  }
  const none = totals.unattributed;
  if (none.won > 0) table.push([NONE[language], '', none.won, none.revenue, '']);
  return table;
}

export const CAMPAIGN_ROI = defineFunction({
  name: 'CAMPAIGN_ROI',
  category: 'roi',
  title: { en: 'Campaign ROI', fr: 'ROI d’une campagne / d’un salon' },
  summary: {
    en: 'A table of each campaign’s cost, won deals, revenue and ROI.',
    fr: 'Un tableau du coût, des affaires gagnées, du chiffre d’affaires et du ROI de chaque campagne.',
  },
  details: {
    en: 'A won deal is attributed to the campaign whose name equals its source (case, accents and spacing ignored). ROI is (revenue − cost) ÷ cost, empty when the cost is 0. Costs of a campaign listed twice are summed. A last row, (none), gathers the won deals whose source is blank or names no campaign.',
    fr: 'Une affaire gagnée est attribuée à la campagne dont le nom est égal à son origine (casse, accents et espaces ignorés). Le ROI est (CA − coût) ÷ coût, vide si le coût est nul. Les coûts d’une campagne listée deux fois sont additionnés. Une dernière ligne, (aucune), regroupe les affaires gagnées sans origine ou dont l’origine ne nomme aucune campagne.',
  },
  args: [
    {
      name: 'deal_sources',
      frenchName: 'origines des affaires',
      kind: 'column',
      description: {
        en: 'The source (campaign) of each deal, e.g. J2:J.',
        fr: 'L’origine (campagne) de chaque affaire, p. ex. J2:J.',
      },
    },
    {
      name: 'deal_amounts',
      frenchName: 'montants des affaires',
      kind: 'column',
      description: {
        en: 'The amount of each deal, same rows as the sources, e.g. F2:F.',
        fr: 'Le montant de chaque affaire, mêmes lignes que les origines, p. ex. F2:F.',
      },
    },
    {
      name: 'deal_statuses',
      frenchName: 'statuts des affaires',
      kind: 'column',
      description: {
        en: 'The status of each deal, same rows as the sources, e.g. E2:E.',
        fr: 'Le statut de chaque affaire, mêmes lignes que les origines, p. ex. E2:E.',
      },
    },
    {
      name: 'campaign_names',
      frenchName: 'noms des campagnes',
      kind: 'column',
      description: {
        en: 'The name of each campaign, e.g. Campaigns!A2:A.',
        fr: 'Le nom de chaque campagne, p. ex. Campagnes!A2:A.',
      },
    },
    {
      name: 'campaign_costs',
      frenchName: 'coûts des campagnes',
      kind: 'column',
      description: {
        en: 'The cost of each campaign, same rows as the names, e.g. Campaigns!C2:C.',
        fr: 'Le coût de chaque campagne, mêmes lignes que les noms, p. ex. Campagnes!C2:C.',
      },
    },
    WON_LABELS_ARG,
  ],
  result: {
    en: 'A table spilling right and down: campaign, cost, won deals, revenue, ROI (a fraction; format as %).',
    fr: 'Un tableau qui s’étend à droite et vers le bas : campagne, coût, affaires gagnées, CA, ROI (une fraction ; format %).',
  },
  examples: [
    {
      formula: '=CAMPAIGN_ROI(J2:J, F2:F, E2:E, Campaigns!A2:A, Campaigns!C2:C)',
      explanation: {
        en: 'Return on every campaign, from the deals’ sources.',
        fr: 'Retour de chaque campagne, d’après l’origine des affaires.',
      },
    },
    {
      formula: '=CAMPAIGN_ROI(J2:J, F2:F, E2:E, Campaigns!A2:A, Campaigns!C2:C, "Signed")',
      explanation: {
        en: 'With your own won status.',
        fr: 'Avec votre propre statut gagné.',
      },
    },
  ],
  implementation(context, [sourcesArg, amountsArg, statusesArg, namesArg, costsArg, wonArg]) {
    const sources = requiredColumn('deal_sources', sourcesArg);
    const amounts = requiredColumn('deal_amounts', amountsArg);
    const statuses = requiredColumn('deal_statuses', statusesArg);
    const names = requiredColumn('campaign_names', namesArg);
    const costs = requiredColumn('campaign_costs', costsArg);
    checkPaired(sources, amounts, statuses);
    checkPaired(names, costs);
    const classes = statusClasses(statuses, wonArg);
    const totals = campaignTotalsOf(sources, amounts, classes, names, costs, new Parsers(context));
    return campaignTable(totals, languageOf(context.locale));
  },
});
