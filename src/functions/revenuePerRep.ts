import type { Column } from '../core/args';
import { checkPaired, Parsers, requiredColumn, toOptionalColumn } from '../core/args';
import { normalizeLabel } from '../core/labels';
import { statusClasses } from '../core/money';
import { ratio } from '../core/status';
import { isBlank } from '../core/values';
import { cell, defineFunction } from './define';
import { AMOUNTS_ARG, revenueOf, STATUSES_ARG, WON_LABELS_ARG } from './revenue';

/** Distinct non-blank labels (rule 4) over every row. */
function distinctLabelCount(labels: Column): number {
  // Reps repeat down the column: normalise each distinct cell once, not each row.
  const cells = new Set<unknown>(labels.values);
  const seen = new Set<string>();
  for (const raw of cells) if (!isBlank(raw)) seen.add(normalizeLabel(raw));
  return seen.size;
}

/** Pure core: revenue ÷ distinct non-blank reps; a rep who won nothing still counts. */
export function revenuePerRepOf(
  amounts: Column,
  reps: Column,
  parsers: Parsers,
  classes?: ArrayLike<number>,
): number | null {
  return ratio(revenueOf(amounts, parsers, classes), distinctLabelCount(reps));
}

export const REVENUE_PER_REP = defineFunction({
  name: 'REVENUE_PER_REP',
  category: 'money',
  title: { en: 'Revenue per rep', fr: 'CA par commercial' },
  summary: {
    en: 'Revenue divided by the number of reps present in the data.',
    fr: 'Chiffre d’affaires divisé par le nombre de commerciaux présents dans les données.',
  },
  details: {
    en: 'Reps are counted once each (case, accents and spacing ignored) over every non-blank row, so a rep who won nothing still counts. With statuses, revenue is that of won rows; without them, of every row.',
    fr: 'Chaque commercial compte une fois (casse, accents et espaces ignorés) sur toutes les lignes non vides : un commercial qui n’a rien gagné compte aussi. Avec les statuts, le chiffre d’affaires est celui des lignes gagnées ; sans eux, de toutes les lignes.',
  },
  args: [
    AMOUNTS_ARG,
    {
      name: 'reps',
      frenchName: 'commerciaux',
      kind: 'column',
      description: {
        en: 'The rep of each deal, same rows as amounts, e.g. D2:D.',
        fr: 'Le commercial de chaque affaire, mêmes lignes que les montants, p. ex. D2:D.',
      },
    },
    { ...STATUSES_ARG, optional: true },
    WON_LABELS_ARG,
  ],
  result: {
    en: 'An amount per rep; empty when no rep is named.',
    fr: 'Un montant par commercial ; vide si aucun commercial n’est indiqué.',
  },
  examples: [
    {
      formula: '=REVENUE_PER_REP(F2:F, D2:D, E2:E)',
      explanation: {
        en: 'Won revenue per rep of the team.',
        fr: 'Chiffre d’affaires gagné par commercial de l’équipe.',
      },
    },
    {
      formula: '=REVENUE_PER_REP(F2:F, D2:D, E2:E, "Signed")',
      explanation: {
        en: 'With your own won status.',
        fr: 'Avec votre propre statut gagné.',
      },
    },
  ],
  implementation(context, [amountsArg, repsArg, statusesArg, wonArg]) {
    const amounts = requiredColumn('amounts', amountsArg);
    const reps = requiredColumn('reps', repsArg);
    const statuses = toOptionalColumn('statuses', statusesArg);
    checkPaired(amounts, reps, statuses);
    const classes = statusClasses(statuses, wonArg);
    return cell(revenuePerRepOf(amounts, reps, new Parsers(context), classes));
  },
});
