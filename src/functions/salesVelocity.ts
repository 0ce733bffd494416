import type { Column } from '../core/args';
import { checkPaired, Parsers, requiredColumn } from '../core/args';
import { statusClasses } from '../core/money';
import { StatusClass } from '../core/status';
import { averageDealSizeOf } from './averageDealSize';
import { cell, defineFunction } from './define';
import { AMOUNTS_ARG, LOST_LABELS_ARG, STATUSES_ARG, WON_LABELS_ARG } from './revenue';
import { CLOSED_ARG, CREATED_ARG, salesCycleDaysOf } from './salesCycleDays';
import { winRateOf } from './winRate';

/**
 * Pure core: open rows × average won deal size × win rate ÷ sales cycle of won deals.
 * 0 when no deal is open (a zero factor), null when a ratio in it has no denominator or
 * the cycle is 0 days. Every part is computed first, so bad input always shows.
 */
export function salesVelocityOf(
  amounts: Column,
  classes: Uint8Array,
  created: Column,
  closed: Column,
  parsers: Parsers,
): number | null {
  const averageDeal = averageDealSizeOf(amounts, parsers, classes);
  const cycle = salesCycleDaysOf(created, closed, parsers, classes);
  const winRate = winRateOf(classes);
  let open = 0;
  for (let row = 0; row < classes.length; row++) if (classes[row] === StatusClass.Open) open++;
  if (open === 0) return 0;
  if (averageDeal === null || winRate === null || cycle === null || cycle === 0) return null;
  return (open * averageDeal * winRate) / cycle;
}

export const SALES_VELOCITY = defineFunction({
  name: 'SALES_VELOCITY',
  category: 'money',
  title: { en: 'Sales velocity', fr: 'Vélocité commerciale' },
  summary: {
    en: 'Money the pipeline brings in per day: open deals × average deal size × win rate ÷ sales cycle.',
    fr: 'Chiffre d’affaires que le pipeline rapporte par jour : affaires en cours × panier moyen × taux de transformation ÷ cycle de vente.',
  },
  details: {
    en: 'Average deal size and sales cycle are those of won deals; the win rate is won ÷ (won + lost). 0 when no deal is open; empty when nothing is won or closed, or when the cycle is 0 days.',
    fr: 'Le panier moyen et le cycle de vente sont ceux des affaires gagnées ; le taux de transformation est gagnées ÷ (gagnées + perdues). 0 si aucune affaire n’est en cours ; vide si rien n’est gagné ni conclu, ou si le cycle est de 0 jour.',
  },
  args: [AMOUNTS_ARG, STATUSES_ARG, CREATED_ARG, CLOSED_ARG, WON_LABELS_ARG, LOST_LABELS_ARG],
  result: {
    en: 'An amount per day.',
    fr: 'Un montant par jour.',
  },
  examples: [
    {
      formula: '=SALES_VELOCITY(F2:F, E2:E, H2:H, I2:I)',
      explanation: {
        en: 'Expected revenue per day from the current pipeline.',
        fr: 'Chiffre d’affaires attendu par jour du pipeline actuel.',
      },
    },
    {
      formula: '=SALES_VELOCITY(F2:F, E2:E, H2:H, I2:I, "Signed", {"Lost", "No decision"})',
      explanation: {
        en: 'With your own won and lost statuses.',
        fr: 'Avec vos propres statuts gagné et perdu.',
      },
    },
  ],
  implementation(context, [amountsArg, statusesArg, createdArg, closedArg, wonArg, lostArg]) {
    const amounts = requiredColumn('amounts', amountsArg);
    const statuses = requiredColumn('statuses', statusesArg);
    const created = requiredColumn('created', createdArg);
    const closed = requiredColumn('closed', closedArg);
    checkPaired(amounts, statuses, created, closed);
    const classes = statusClasses(statuses, wonArg, lostArg);
    return cell(salesVelocityOf(amounts, classes, created, closed, new Parsers(context)));
  },
});
