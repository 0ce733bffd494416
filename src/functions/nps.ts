import type { Column } from '../core/args';
import { Parsers, requiredColumn } from '../core/args';
import { inputError } from '../core/errors';
import { ratio } from '../core/status';
import { cell, defineFunction } from './define';

/** Pure core: (% of scores 9–10 − % of scores 0–6) over non-blank scores, in −100…100. */
export function npsOf(scores: Column, parsers: Parsers): number | null {
  let promoters = 0;
  let detractors = 0;
  let counted = 0;
  for (let row = 0; row < scores.values.length; row++) {
    const score = parsers.number(scores, row);
    if (score === null) continue;
    if (!(score >= 0 && score <= 10)) {
      throw inputError('scoreOutOfRange', {
        arg: scores.name,
        position: row + 1,
        value: scores.values[row],
      });
    }
    counted++;
    if (score >= 9) promoters++;
    else if (score <= 6) detractors++;
  }
  const share = ratio(promoters - detractors, counted);
  return share === null ? null : share * 100;
}

export const NPS = defineFunction({
  name: 'NPS',
  category: 'rates',
  title: { en: 'Recommendation (NPS)', fr: 'Taux de recommandation' },
  summary: {
    en: 'Net Promoter Score: % of scores 9–10 minus % of scores 0–6.',
    fr: 'Net Promoter Score : % de notes 9–10 moins % de notes 0–6.',
  },
  details: {
    en: 'Scores are on the 0–10 scale; 7 and 8 (passives) count only in the total. Blank cells are skipped; a score outside 0–10 or text that is not a number is an error naming its position in scores and the value. Unlike the rates, the result is a score from −100 to 100, not a fraction.',
    fr: 'Les notes sont sur l’échelle de 0 à 10 ; 7 et 8 (passifs) ne comptent que dans le total. Les cellules vides sont ignorées ; une note hors de 0–10 ou un texte qui n’est pas un nombre est une erreur qui donne sa position dans les notes et la valeur. Contrairement aux taux, le résultat est un score de −100 à 100, pas une fraction.',
  },
  args: [
    {
      name: 'scores',
      frenchName: 'notes',
      kind: 'column',
      description: {
        en: 'The 0–10 answers to “How likely are you to recommend us?”, e.g. C2:C.',
        fr: 'Les réponses de 0 à 10 à « Quelle est la probabilité que vous nous recommandiez ? », p. ex. C2:C.',
      },
    },
  ],
  result: {
    en: 'A number from −100 to 100 (not a percentage); empty when there is no score.',
    fr: 'Un nombre de −100 à 100 (pas un pourcentage) ; vide s’il n’y a aucune note.',
  },
  examples: [
    {
      formula: '=NPS(C2:C)',
      explanation: {
        en: 'NPS of all the answers.',
        fr: 'NPS de toutes les réponses.',
      },
    },
    {
      formula: '=NPS(FILTER(C2:C, A2:A>=DATE(2025,1,1)))',
      explanation: {
        en: 'NPS of the answers since 1 January 2025.',
        fr: 'NPS des réponses depuis le 1er janvier 2025.',
      },
    },
  ],
  implementation(context, [scoresArg]) {
    return cell(npsOf(requiredColumn('scores', scoresArg), new Parsers(context)));
  },
});
