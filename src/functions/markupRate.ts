import { Parsers } from '../core/args';
import { ratio } from '../core/status';
import { cell, defineFunction } from './define';
import { sumOf } from '../core/money';
import { COST_SUM_ARG, REVENUE_SUM_ARG } from './margin';

/** Pure core: (revenue − cost) ÷ cost. */
export function markupRateOf(revenue: number, cost: number): number | null {
  return ratio(revenue - cost, cost);
}

export const MARKUP_RATE = defineFunction({
  name: 'MARKUP_RATE',
  category: 'rates',
  title: { en: 'Markup rate', fr: 'Taux de marge' },
  summary: {
    en: 'Margin on cost: (Σrevenue − Σcost) ÷ Σcost.',
    fr: 'Marge rapportée au coût (taux de marge) : (Σrevenue − Σcost) ÷ Σcost.',
  },
  details: {
    en: 'Each argument is summed on its own, so the two ranges need not have the same length; blank cells add nothing. This is what French users call taux de marge; the margin on the selling price (taux de marque) is MARGIN_RATE.',
    fr: 'Chaque argument est additionné séparément : les deux plages peuvent avoir des longueurs différentes ; les cellules vides n’ajoutent rien. C’est le taux de marge au sens français ; la marge sur le prix de vente (taux de marque) est MARGIN_RATE.',
  },
  args: [REVENUE_SUM_ARG, COST_SUM_ARG],
  result: {
    en: 'A fraction (format as %), above 1 when selling at more than twice the cost; empty when cost is 0.',
    fr: 'Une fraction (format %), au-delà de 1 quand on vend à plus du double du coût ; vide si le coût est 0.',
  },
  examples: [
    {
      formula: '=MARKUP_RATE(F2:F, G2:G)',
      explanation: {
        en: 'Markup rate of the whole table.',
        fr: 'Taux de marge de toute la table.',
      },
    },
    {
      formula: '=MARKUP_RATE(150, 100)',
      explanation: {
        en: 'Bought 100, sold 150: 0.5, a 50 % markup.',
        fr: 'Acheté 100, vendu 150 : 0,5, soit 50 % de marge.',
      },
    },
  ],
  implementation(context, [revenueArg, costArg]) {
    const parsers = new Parsers(context);
    const revenue = sumOf('revenue', revenueArg, parsers);
    const cost = sumOf('cost', costArg, parsers);
    return cell(markupRateOf(revenue, cost));
  },
});
