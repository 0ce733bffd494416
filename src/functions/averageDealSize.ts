import type { Column } from '../core/args';
import { checkPaired, Parsers, requiredColumn, toOptionalColumn } from '../core/args';
import { statusClasses, wonAmountTotals } from '../core/money';
import { ratio } from '../core/status';
import { cell, defineFunction } from './define';
import { AMOUNTS_ARG, STATUSES_ARG, WON_LABELS_ARG } from './revenue';

/** Pure core: revenue ÷ number of counted rows with a non-blank amount. */
export function averageDealSizeOf(
  amounts: Column,
  parsers: Parsers,
  classes?: ArrayLike<number>,
): number | null {
  const { sum, count } = wonAmountTotals(amounts, parsers, classes);
  return ratio(sum, count);
}

export const AVERAGE_DEAL_SIZE = defineFunction({
  name: 'AVERAGE_DEAL_SIZE',
  category: 'money',
  title: { en: 'Average deal size', fr: 'Panier moyen' },
  summary: {
    en: 'Average amount of a won deal: revenue ÷ won deals.',
    fr: 'Montant moyen d’une affaire gagnée : chiffre d’affaires ÷ affaires gagnées.',
  },
  details: {
    en: 'With statuses, only won rows count; without them, every amount. A row with a blank amount is left out of both the revenue and the count. Per deal, not per customer.',
    fr: 'Avec les statuts, seules les lignes gagnées comptent ; sans eux, tous les montants. Une ligne au montant vide est exclue du chiffre d’affaires comme du nombre d’affaires. Par affaire, pas par client.',
  },
  args: [AMOUNTS_ARG, { ...STATUSES_ARG, optional: true }, WON_LABELS_ARG],
  result: {
    en: 'An amount; empty when no deal with an amount is counted.',
    fr: 'Un montant ; vide si aucune affaire avec un montant n’est comptée.',
  },
  examples: [
    {
      formula: '=AVERAGE_DEAL_SIZE(F2:F, E2:E)',
      explanation: {
        en: 'Average size of a won deal.',
        fr: 'Panier moyen des affaires gagnées.',
      },
    },
    {
      formula: '=AVERAGE_DEAL_SIZE(F2:F, E2:E, "Signed")',
      explanation: {
        en: 'With your own won status.',
        fr: 'Avec votre propre statut gagné.',
      },
    },
  ],
  implementation(context, [amountsArg, statusesArg, wonArg]) {
    const amounts = requiredColumn('amounts', amountsArg);
    const statuses = toOptionalColumn('statuses', statusesArg);
    checkPaired(amounts, statuses);
    return cell(averageDealSizeOf(amounts, new Parsers(context), statusClasses(statuses, wonArg)));
  },
});
