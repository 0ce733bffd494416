import type { Language } from '../core/context';
import type { Bilingual } from '../mapping/fields';

/** The few words the report model itself carries, in both languages, in one place. */
export const REPORT_TEXTS = {
  /** The row of blank reps (as KPI_TABLE's group). */
  none: { en: '(none)', fr: '(aucun)' },
  /** The funnel's won step when no won status is in the data. */
  won: { en: 'Won', fr: 'Gagné' },
  /** Deals counted by the campaigns tab. */
  upTo: { en: 'up to', fr: "jusqu'au" },
  /** A KPI that needs the feedback scores on a 0–10 scale. */
  zeroToTen: { en: 'scores on a 0–10 scale', fr: 'des notes sur 10' },
} as const satisfies Record<string, Bilingual>;

export function text(key: keyof typeof REPORT_TEXTS, language: Language): string {
  return REPORT_TEXTS[key][language];
}

/** "Map Deals › Customer, Campaigns to see this." */
export function howToUnlock(labels: readonly string[], language: Language): string {
  const list = labels.join(language === 'fr' ? ' ; ' : ', ');
  return language === 'fr'
    ? `Associez ${list} pour obtenir cet indicateur.`
    : `Map ${list} to see this KPI.`;
}
