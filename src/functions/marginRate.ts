import { Parsers } from '../core/args';
import { sumOf } from '../core/money';
import { COST_SUM_ARG, REVENUE_SUM_ARG } from './margin';
import { ratio } from '../core/status';
import { cell, defineFunction } from './define';

/** Pure core: (revenue − cost) ÷ revenue. */
export function marginRateOf(revenue: number, cost: number): number | null {
  return ratio(revenue - cost, revenue);
}

export const MARGIN_RATE = defineFunction({
  name: 'MARGIN_RATE',
  category: 'rates',
  title: { en: 'Margin rate', fr: 'Taux de marque' },
  summary: {
    en: 'Gross margin on sales: (Σrevenue − Σcost) ÷ Σrevenue.',
    fr: 'Marge rapportée au chiffre d’affaires (taux de marque) : (Σrevenue − Σcost) ÷ Σrevenue.',
  },
  details: {
    en: 'Each argument is summed on its own, so the two ranges need not have the same length; blank cells add nothing. This is the margin on the selling price (French taux de marque); for the margin on cost (taux de marge), use MARKUP_RATE.',
    fr: 'Chaque argument est additionné séparément : les deux plages peuvent avoir des longueurs différentes ; les cellules vides n’ajoutent rien. C’est la marge sur le prix de vente (taux de marque) ; pour la marge sur le coût (taux de marge), utilisez MARKUP_RATE.',
  },
  args: [REVENUE_SUM_ARG, COST_SUM_ARG],
  result: {
    en: 'A fraction, at most 1 when revenue is positive (format as %); empty when revenue is 0.',
    fr: 'Une fraction, au plus 1 si le chiffre d’affaires est positif (format %) ; vide si le chiffre d’affaires est 0.',
  },
  examples: [
    {
      formula: '=MARGIN_RATE(F2:F, G2:G)',
      explanation: {
        en: 'Margin rate of the whole table.',
        fr: 'Taux de marque de toute la table.',
      },
    },
    {
      formula: '=MARGIN_RATE(FILTER(F2:F, E2:E="Won"), FILTER(G2:G, E2:E="Won"))',
      explanation: {
        en: 'Margin rate of won deals only.',
        fr: 'Taux de marque des seules affaires gagnées.',
      },
    },
  ],
  implementation(context, [revenueArg, costArg]) {
    const parsers = new Parsers(context);
    const revenue = sumOf('revenue', revenueArg, parsers);
    const cost = sumOf('cost', costArg, parsers);
    return cell(marginRateOf(revenue, cost));
  },
});
