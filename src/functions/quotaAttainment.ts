import { Parsers } from '../core/args';
import { ratio } from '../core/status';
import { cell, defineFunction } from './define';
import { sumOf } from '../core/money';

/** Pure core: actual ÷ target. */
export function quotaAttainmentOf(actual: number, target: number): number | null {
  return ratio(actual, target);
}

export const QUOTA_ATTAINMENT = defineFunction({
  name: 'QUOTA_ATTAINMENT',
  category: 'rates',
  title: { en: 'Quota attainment', fr: "Taux d'atteinte de l'objectif" },
  summary: {
    en: 'How much of the target was reached: Σactual ÷ Σtarget.',
    fr: 'Part de l’objectif atteinte : Σactual ÷ Σtarget.',
  },
  details: {
    en: 'Each argument is summed on its own, so the two ranges need not have the same length; blank cells add nothing. Above 1 when the target is beaten.',
    fr: 'Chaque argument est additionné séparément : les deux plages peuvent avoir des longueurs différentes ; les cellules vides n’ajoutent rien. Au-delà de 1 quand l’objectif est dépassé.',
  },
  args: [
    {
      name: 'actual',
      frenchName: 'réalisé',
      kind: 'number',
      description: {
        en: 'What was achieved (e.g. revenue): a number or a range, summed.',
        fr: 'Le réalisé (p. ex. chiffre d’affaires) : un nombre ou une plage, additionnés.',
      },
    },
    {
      name: 'target',
      frenchName: 'objectif',
      kind: 'number',
      description: {
        en: 'The target (quota): a number or a range, summed.',
        fr: 'L’objectif (quota) : un nombre ou une plage, additionnés.',
      },
    },
  ],
  result: {
    en: 'A fraction (format as %); empty when the target is 0.',
    fr: 'Une fraction (format %) ; vide si l’objectif est 0.',
  },
  examples: [
    {
      formula: '=QUOTA_ATTAINMENT(REVENUE(F2:F, E2:E), Targets!C2:C)',
      explanation: {
        en: 'Won revenue against the sum of the targets.',
        fr: 'Chiffre d’affaires gagné rapporté à la somme des objectifs.',
      },
    },
    {
      formula: '=QUOTA_ATTAINMENT(45000, 60000)',
      explanation: {
        en: '0.75: three quarters of the quota.',
        fr: '0,75 : les trois quarts de l’objectif.',
      },
    },
  ],
  implementation(context, [actualArg, targetArg]) {
    const parsers = new Parsers(context);
    const actual = sumOf('actual', actualArg, parsers);
    const target = sumOf('target', targetArg, parsers);
    return cell(quotaAttainmentOf(actual, target));
  },
});
