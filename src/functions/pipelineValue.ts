import type { Column } from '../core/args';
import { AmountReader, checkPaired, Parsers, requiredColumn, toOptionalColumn } from '../core/args';
import type { DecimalSeparator } from '../core/context';
import { inputError } from '../core/errors';
import { statusClasses } from '../core/money';
import { toProbability } from '../core/probability';
import { StatusClass } from '../core/status';
import { isBlank } from '../core/values';
import { defineFunction } from './define';
import { AMOUNTS_ARG, LOST_LABELS_ARG, STATUSES_ARG, WON_LABELS_ARG } from './revenue';

/**
 * A probability cell as a fraction: blank is 1; a number in 0–1 is a fraction and one in
 * (1, 100] a percentage; text is read as a number in the sheet's locale, and text ending
 * in "%" must come to 0–100 %. Anything else is an error naming its position in the argument and the value.
 */
export function probabilityAt(column: Column, row: number, decimal: DecimalSeparator): number {
  const raw = column.values[row];
  if (isBlank(raw)) return 1;
  const probability = toProbability(raw, decimal);
  if (probability === probability) return probability;
  throw inputError('notAProbability', { arg: column.name, position: row + 1, value: raw });
}

/**
 * Pure core: Σ amount × probability over open rows. A blank amount adds nothing (its
 * probability is then not read); without probabilities every open amount counts fully.
 */
export function pipelineValueOf(
  amounts: Column,
  classes: ArrayLike<number>,
  probabilities: Column | undefined,
  parsers: Parsers,
): number {
  const reader = new AmountReader(parsers, amounts);
  let total = 0;
  for (let row = 0; row < amounts.values.length; row++) {
    if (classes[row] !== StatusClass.Open) continue;
    const amount = reader.at(row);
    if (amount === null) continue;
    total +=
      probabilities === undefined
        ? amount
        : amount * probabilityAt(probabilities, row, parsers.decimal);
  }
  return total;
}

export const PIPELINE_VALUE = defineFunction({
  name: 'PIPELINE_VALUE',
  category: 'money',
  title: { en: 'Open pipeline (weighted)', fr: 'Pipeline (pondéré)' },
  summary: {
    en: 'Total amount of open deals, each weighted by its probability of closing.',
    fr: 'Montant total des affaires en cours, chacune pondérée par sa probabilité de signature.',
  },
  details: {
    en: 'Open deals are those whose status is neither won nor lost (blank statuses are skipped). A blank or omitted probability counts as 100 %. A probability is a fraction (0.4), a number up to 100 read as a percentage (40) or a text such as "40%".',
    fr: 'Les affaires en cours sont celles dont le statut n’est ni gagné ni perdu (les statuts vides sont ignorés). Une probabilité vide ou absente vaut 100 %. Une probabilité est une fraction (0,4), un nombre jusqu’à 100 lu comme un pourcentage (40) ou un texte comme « 40 % ».',
  },
  args: [
    AMOUNTS_ARG,
    STATUSES_ARG,
    {
      name: 'probabilities',
      frenchName: 'probabilités',
      kind: 'column',
      optional: true,
      description: {
        en: 'The probability of each deal, same rows as amounts, e.g. K2:K (blank: 100 %).',
        fr: 'La probabilité de chaque affaire, mêmes lignes que les montants, p. ex. K2:K (vide : 100 %).',
      },
    },
    WON_LABELS_ARG,
    LOST_LABELS_ARG,
  ],
  result: {
    en: 'An amount (0 when no deal is open).',
    fr: 'Un montant (0 si aucune affaire n’est en cours).',
  },
  examples: [
    {
      formula: '=PIPELINE_VALUE(F2:F, E2:E, K2:K)',
      explanation: {
        en: 'Weighted value of the open deals.',
        fr: 'Valeur pondérée des affaires en cours.',
      },
    },
    {
      formula: '=PIPELINE_VALUE(F2:F, E2:E)',
      explanation: {
        en: 'Unweighted value of the open deals.',
        fr: 'Valeur non pondérée des affaires en cours.',
      },
    },
  ],
  implementation(context, [amountsArg, statusesArg, probabilitiesArg, wonArg, lostArg]) {
    const amounts = requiredColumn('amounts', amountsArg);
    const statuses = requiredColumn('statuses', statusesArg);
    const probabilities = toOptionalColumn('probabilities', probabilitiesArg);
    checkPaired(amounts, statuses, probabilities);
    const classes = statusClasses(statuses, wonArg, lostArg);
    return pipelineValueOf(amounts, classes, probabilities, new Parsers(context));
  },
});
