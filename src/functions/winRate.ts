import { checkPaired, isBlankRow, toColumn, toLabelSet } from '../core/args';
import { ratio, StatusClass, StatusClassifier } from '../core/status';
import { cell, defineFunction } from './define';

/** Pure core: won ÷ (won + lost) over already classified statuses. */
export function winRateOf(classes: Iterable<StatusClass>): number | null {
  let won = 0;
  let lost = 0;
  for (const c of classes) {
    if (c === StatusClass.Won) won++;
    else if (c === StatusClass.Lost) lost++;
  }
  return ratio(won, won + lost);
}

export const WIN_RATE = defineFunction({
  name: 'WIN_RATE',
  category: 'rates',
  title: { en: 'Win rate', fr: 'Taux de transformation des opportunités' },
  summary: {
    en: 'Share of closed deals that were won: won ÷ (won + lost).',
    fr: 'Part des affaires conclues qui ont été gagnées : gagnées ÷ (gagnées + perdues).',
  },
  details: {
    en: 'Open deals (any status that is neither won nor lost) are left out, as most CRMs do. Blank statuses are skipped.',
    fr: 'Les affaires en cours (ni gagnées ni perdues) sont exclues, comme dans la plupart des CRM. Les statuts vides sont ignorés.',
  },
  args: [
    {
      name: 'statuses',
      frenchName: 'statuts',
      kind: 'column',
      description: {
        en: 'The status of each deal, e.g. E2:E.',
        fr: 'Le statut de chaque affaire, p. ex. E2:E.',
      },
    },
    {
      name: 'won_labels',
      frenchName: 'statuts gagnés',
      kind: 'labels',
      optional: true,
      description: {
        en: 'Statuses that mean won (default: won, closed won, signed, gagné…).',
        fr: 'Statuts qui signifient gagné (par défaut : gagné, signé, won, closed won…).',
      },
    },
    {
      name: 'lost_labels',
      frenchName: 'statuts perdus',
      kind: 'labels',
      optional: true,
      description: {
        en: 'Statuses that mean lost (default: lost, closed lost, perdu, abandonné…).',
        fr: 'Statuts qui signifient perdu (par défaut : perdu, abandonné, lost…).',
      },
    },
  ],
  result: {
    en: 'A fraction between 0 and 1 (format as %); empty when no deal is won or lost.',
    fr: 'Une fraction entre 0 et 1 (format %) ; vide si aucune affaire n’est gagnée ni perdue.',
  },
  examples: [
    {
      formula: '=WIN_RATE(E2:E)',
      explanation: {
        en: 'Win rate of the whole deals table.',
        fr: 'Taux de transformation de toute la table des affaires.',
      },
    },
    {
      formula: '=WIN_RATE(E2:E, "Signed", {"Lost", "No decision"})',
      explanation: {
        en: 'With your own won and lost statuses.',
        fr: 'Avec vos propres statuts gagné et perdu.',
      },
    },
  ],
  implementation(_context, [statusesArg, wonArg, lostArg]) {
    const statuses = toColumn('statuses', statusesArg);
    checkPaired(statuses);
    const classifier = new StatusClassifier(toLabelSet(wonArg), toLabelSet(lostArg));
    const classes: StatusClass[] = [];
    for (let row = 0; row < statuses.values.length; row++) {
      if (isBlankRow([statuses], row)) continue;
      classes.push(classifier.classify(statuses.values[row]));
    }
    return cell(winRateOf(classes));
  },
});
