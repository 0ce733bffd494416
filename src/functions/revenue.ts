import type { Column } from '../core/args';
import { checkPaired, Parsers, requiredColumn, toOptionalColumn } from '../core/args';
import { statusClasses, wonAmountTotals } from '../core/money';
import type { ArgumentSpec } from './define';
import { defineFunction } from './define';

// Arguments shared by the money functions, described once.
export const AMOUNTS_ARG: ArgumentSpec = {
  name: 'amounts',
  frenchName: 'montants',
  kind: 'column',
  description: {
    en: 'The amount of each deal, e.g. F2:F.',
    fr: 'Le montant de chaque affaire, p. ex. F2:F.',
  },
};
export const STATUSES_ARG: ArgumentSpec = {
  name: 'statuses',
  frenchName: 'statuts',
  kind: 'column',
  description: {
    en: 'The status of each deal, same rows as amounts, e.g. E2:E.',
    fr: 'Le statut de chaque affaire, mêmes lignes que les montants, p. ex. E2:E.',
  },
};
export const WON_LABELS_ARG: ArgumentSpec = {
  name: 'won_labels',
  frenchName: 'statuts gagnés',
  kind: 'labels',
  optional: true,
  description: {
    en: 'Statuses that mean won (default: won, closed won, signed, gagné…).',
    fr: 'Statuts qui signifient gagné (par défaut : gagné, signé, won, closed won…).',
  },
};
export const LOST_LABELS_ARG: ArgumentSpec = {
  name: 'lost_labels',
  frenchName: 'statuts perdus',
  kind: 'labels',
  optional: true,
  description: {
    en: 'Statuses that mean lost (default: lost, closed lost, perdu, abandonné…).',
    fr: 'Statuts qui signifient perdu (par défaut : perdu, abandonné, lost…).',
  },
};

/** Pure core: Σ of the non-blank amounts of won rows (of every row without `classes`). */
export function revenueOf(amounts: Column, parsers: Parsers, classes?: ArrayLike<number>): number {
  return wonAmountTotals(amounts, parsers, classes).sum;
}

export const REVENUE = defineFunction({
  name: 'REVENUE',
  category: 'money',
  title: { en: 'Revenue', fr: 'Chiffre d’affaires (HT)' },
  summary: {
    en: 'Total amount of won deals (of every row when no statuses are given).',
    fr: 'Montant total des affaires gagnées (de toutes les lignes sans statuts).',
  },
  details: {
    en: 'With statuses, only won rows count; without them, every amount is summed. Negative amounts (credit notes) count. Blank amounts add nothing, and only the amounts that are summed must be numbers.',
    fr: 'Avec les statuts, seules les lignes gagnées comptent ; sans eux, tous les montants sont additionnés. Les montants négatifs (avoirs) comptent. Les montants vides n’ajoutent rien, et seuls les montants additionnés doivent être des nombres.',
  },
  args: [AMOUNTS_ARG, { ...STATUSES_ARG, optional: true }, WON_LABELS_ARG],
  result: {
    en: 'An amount (0 when nothing is won).',
    fr: 'Un montant (0 si rien n’est gagné).',
  },
  examples: [
    {
      formula: '=REVENUE(F2:F, E2:E)',
      explanation: {
        en: 'Revenue of the won deals.',
        fr: 'Chiffre d’affaires des affaires gagnées.',
      },
    },
    {
      formula: '=REVENUE(FILTER(F2:F, D2:D="Alice"), FILTER(E2:E, D2:D="Alice"))',
      explanation: {
        en: 'Revenue won by one rep.',
        fr: 'Chiffre d’affaires gagné par un commercial.',
      },
    },
  ],
  implementation(context, [amountsArg, statusesArg, wonArg]) {
    const amounts = requiredColumn('amounts', amountsArg);
    const statuses = toOptionalColumn('statuses', statusesArg);
    checkPaired(amounts, statuses);
    return revenueOf(amounts, new Parsers(context), statusClasses(statuses, wonArg));
  },
});
