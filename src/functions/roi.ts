import { Parsers } from '../core/args';
import { sumOf } from '../core/money';
import { ratio } from '../core/status';
import { cell, defineFunction } from './define';
import { COST_SUM_ARG, REVENUE_SUM_ARG } from './margin';

/** Pure core: (revenue − cost) ÷ cost; null when the cost is 0. */
export function roiOf(revenue: number, cost: number): number | null {
  return ratio(revenue - cost, cost);
}

export const ROI = defineFunction({
  name: 'ROI',
  category: 'roi',
  title: { en: 'Return on investment (ROI)', fr: 'Retour sur investissement (ROI)' },
  summary: {
    en: 'Return on investment: (Σrevenue − Σcost) ÷ Σcost.',
    fr: 'Retour sur investissement : (Σchiffre d’affaires − Σcoût) ÷ Σcoût.',
  },
  details: {
    en: 'Each argument is summed on its own. 0 means the revenue only paid the cost back; −1 means nothing came back. Empty when the cost is 0.',
    fr: 'Chaque argument est additionné à part. 0 signifie que le chiffre d’affaires a seulement remboursé le coût ; −1 que rien n’est revenu. Vide si le coût est nul.',
  },
  args: [
    {
      ...REVENUE_SUM_ARG,
      description: {
        en: 'What the investment brought in: a number or a column, summed.',
        fr: 'Ce que l’investissement a rapporté : un nombre ou une colonne, additionnés.',
      },
    },
    {
      ...COST_SUM_ARG,
      description: {
        en: 'What it cost: a number or a column, summed on its own.',
        fr: 'Ce qu’il a coûté : un nombre ou une colonne, additionnés à part.',
      },
    },
  ],
  result: {
    en: 'A fraction (format as %): 0.5 is a 50 % return; empty when the cost is 0.',
    fr: 'Une fraction (format %) : 0,5 est un retour de 50 % ; vide si le coût est nul.',
  },
  examples: [
    {
      formula: '=ROI(15000, 10000)',
      explanation: {
        en: '15,000 brought in for 10,000 spent: 0.5, a 50 % return.',
        fr: '15 000 rapportés pour 10 000 dépensés : 0,5, soit 50 % de retour.',
      },
    },
    {
      formula:
        '=ROI(REVENUE(FILTER(F2:F, J2:J="Trade show"), FILTER(E2:E, J2:J="Trade show")), 8000)',
      explanation: {
        en: 'Return on a trade show that cost 8,000.',
        fr: 'Retour d’un salon qui a coûté 8 000.',
      },
    },
  ],
  implementation(context, [revenueArg, costArg]) {
    const parsers = new Parsers(context);
    return cell(roiOf(sumOf('revenue', revenueArg, parsers), sumOf('cost', costArg, parsers)));
  },
});
