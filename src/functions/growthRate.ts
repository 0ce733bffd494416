import { Parsers } from '../core/args';
import { ratio } from '../core/status';
import { cell, defineFunction } from './define';
import { sumOf } from '../core/money';

/** Pure core: (current − previous) ÷ |previous|, so growth from a loss reads the right way. */
export function growthRateOf(current: number, previous: number): number | null {
  return ratio(current - previous, Math.abs(previous));
}

export const GROWTH_RATE = defineFunction({
  name: 'GROWTH_RATE',
  category: 'rates',
  title: { en: 'Growth', fr: 'Croissance' },
  summary: {
    en: 'Change from the previous period: (Σcurrent − Σprevious) ÷ |Σprevious|.',
    fr: 'Évolution depuis la période précédente : (Σcurrent − Σprevious) ÷ |Σprevious|.',
  },
  details: {
    en: 'Each argument is summed on its own, so the two ranges need not have the same length; blank cells add nothing. Dividing by the absolute value keeps the sign meaningful: going from −100 to −50 is +50 %.',
    fr: 'Chaque argument est additionné séparément : les deux plages peuvent avoir des longueurs différentes ; les cellules vides n’ajoutent rien. La division par la valeur absolue garde un signe parlant : passer de −100 à −50 fait +50 %.',
  },
  args: [
    {
      name: 'current',
      frenchName: 'période en cours',
      kind: 'number',
      description: {
        en: 'This period’s figures: a number or a range, summed.',
        fr: 'Les chiffres de la période : un nombre ou une plage, additionnés.',
      },
    },
    {
      name: 'previous',
      frenchName: 'période précédente',
      kind: 'number',
      description: {
        en: 'The previous period’s figures: a number or a range, summed.',
        fr: 'Les chiffres de la période précédente : un nombre ou une plage, additionnés.',
      },
    },
  ],
  result: {
    en: 'A fraction (format as %), negative for a decline; empty when the previous total is 0.',
    fr: 'Une fraction (format %), négative en cas de baisse ; vide si le total précédent est 0.',
  },
  examples: [
    {
      formula: '=GROWTH_RATE(C3, C2)',
      explanation: {
        en: 'This month against last month.',
        fr: 'Ce mois-ci par rapport au mois dernier.',
      },
    },
    {
      formula: '=GROWTH_RATE(Sales!F2:F13, Sales!E2:E13)',
      explanation: {
        en: 'This year’s monthly total against last year’s.',
        fr: 'Le total mensuel de cette année par rapport à celui de l’an dernier.',
      },
    },
  ],
  implementation(context, [currentArg, previousArg]) {
    const parsers = new Parsers(context);
    const current = sumOf('current', currentArg, parsers);
    const previous = sumOf('previous', previousArg, parsers);
    return cell(growthRateOf(current, previous));
  },
});
