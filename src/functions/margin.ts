import { Parsers } from '../core/args';
import { sumOf } from '../core/money';
import type { ArgumentSpec } from './define';
import { defineFunction } from './define';

// The summed, not-paired arguments shared by MARGIN, MARGIN_RATE, MARKUP_RATE and ROI.
export const REVENUE_SUM_ARG: ArgumentSpec = {
  name: 'revenue',
  frenchName: 'chiffre d’affaires',
  kind: 'number',
  description: {
    en: 'Revenue: a number or a column of amounts, summed, e.g. F2:F.',
    fr: 'Le chiffre d’affaires : un nombre ou une colonne de montants, additionnés, p. ex. F2:F.',
  },
};
export const COST_SUM_ARG: ArgumentSpec = {
  name: 'cost',
  frenchName: 'coûts',
  kind: 'number',
  description: {
    en: 'Cost: a number or a column of amounts, summed on its own, e.g. G2:G.',
    fr: 'Le coût : un nombre ou une colonne de montants, additionnés à part, p. ex. G2:G.',
  },
};

/** Pure core: Σrevenue − Σcost. */
export function marginOf(revenue: number, cost: number): number {
  return revenue - cost;
}

export const MARGIN = defineFunction({
  name: 'MARGIN',
  category: 'money',
  title: { en: 'Margin', fr: 'Marge' },
  summary: {
    en: 'Revenue minus cost: Σrevenue − Σcost.',
    fr: 'Chiffre d’affaires moins coût : Σchiffre d’affaires − Σcoût.',
  },
  details: {
    en: 'Each argument is summed on its own, so the two columns need not have the same rows. Blank cells add nothing.',
    fr: 'Chaque argument est additionné à part : les deux colonnes n’ont pas besoin d’avoir les mêmes lignes. Les cellules vides n’ajoutent rien.',
  },
  args: [REVENUE_SUM_ARG, COST_SUM_ARG],
  result: {
    en: 'An amount (negative when costs exceed revenue).',
    fr: 'Un montant (négatif si les coûts dépassent le chiffre d’affaires).',
  },
  examples: [
    {
      formula: '=MARGIN(F2:F, G2:G)',
      explanation: {
        en: 'Amounts minus costs of every deal.',
        fr: 'Montants moins coûts de toutes les affaires.',
      },
    },
    {
      formula: '=MARGIN(REVENUE(F2:F, E2:E), FILTER(G2:G, E2:E="Won"))',
      explanation: {
        en: 'Margin on won deals only.',
        fr: 'Marge des seules affaires gagnées.',
      },
    },
  ],
  implementation(context, [revenueArg, costArg]) {
    const parsers = new Parsers(context);
    return marginOf(sumOf('revenue', revenueArg, parsers), sumOf('cost', costArg, parsers));
  },
});
