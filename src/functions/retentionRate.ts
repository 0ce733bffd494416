import type { CustomerPeriodInput } from '../core/customers';
import { CustomerIndex, forEachCustomerRow, readCustomerPeriodArgs } from '../core/customers';
import { ratio } from '../core/status';
import type { ArgumentSpec } from './define';
import { cell, defineFunction } from './define';

/** `[statuses]` and `[won_labels]` of the customer functions: only won rows count. */
export const CUSTOMER_STATUSES_ARG: ArgumentSpec = {
  name: 'statuses',
  frenchName: 'statuts',
  kind: 'column',
  optional: true,
  description: {
    en: 'The status of each row, same length as customers; when given, only won rows count.',
    fr: 'Le statut de chaque ligne, même longueur que customers ; s’il est donné, seules les lignes gagnées comptent.',
  },
};
export const CUSTOMER_WON_LABELS_ARG: ArgumentSpec = {
  name: 'won_labels',
  frenchName: 'statuts gagnés',
  kind: 'labels',
  optional: true,
  description: {
    en: 'Statuses that mean won (default: won, closed won, signed, gagné…). Used only with statuses.',
    fr: 'Statuts qui signifient gagné (par défaut : gagné, signé, won, closed won…). Utilisé seulement avec statuses.',
  },
};

/** `(customers, dates, start, end, [statuses], [won_labels])`, shared by four functions. */
export const CUSTOMER_PERIOD_ARGS: readonly ArgumentSpec[] = [
  {
    name: 'customers',
    frenchName: 'clients',
    kind: 'column',
    description: {
      en: 'The customer of each row (deal or order), e.g. C2:C. Compared ignoring case, accents and extra spaces.',
      fr: 'Le client de chaque ligne (affaire ou commande), p. ex. C2:C. Comparé sans tenir compte de la casse, des accents ni des espaces en trop.',
    },
  },
  {
    name: 'dates',
    frenchName: 'dates',
    kind: 'column',
    description: {
      en: 'The date of each row (close date), e.g. I2:I; same length as customers.',
      fr: 'La date de chaque ligne (date de signature), p. ex. I2:I ; même longueur que customers.',
    },
  },
  {
    name: 'start',
    frenchName: 'début',
    kind: 'date',
    description: { en: 'First day of the period.', fr: 'Premier jour de la période.' },
  },
  {
    name: 'end',
    frenchName: 'fin',
    kind: 'date',
    description: {
      en: 'Last day of the period (included).',
      fr: 'Dernier jour de la période (inclus).',
    },
  },
  CUSTOMER_STATUSES_ARG,
  CUSTOMER_WON_LABELS_ARG,
];

/** What the customer functions do with blank cells, said once for every one of them. */
export const CUSTOMER_ROW_RULES = {
  en: 'An end before start is an error. A row with a blank customer belongs to no one and is ignored (its date is not read). A row with a customer but a blank date has no date: it is in no period and not before start. With statuses, rows that are not won are ignored entirely, dates included. won_labels without statuses has nothing to apply to and is ignored.',
  fr: 'Une date end antérieure à start est une erreur. Une ligne sans client n’appartient à personne et est ignorée (sa date n’est pas lue). Une ligne avec un client mais sans date n’a pas de date : elle n’est dans aucune période, ni avant start. Avec statuses, les lignes non gagnées sont entièrement ignorées, dates comprises. won_labels sans statuses ne s’applique à rien et est ignoré.',
} as const;

const BEFORE = 1;
const DURING = 2;

/** Pure core: customers with a counted row before `from` that also have one in the period. */
export function retentionRateOf(input: CustomerPeriodInput): number | null {
  const { from, until } = input;
  const index = new CustomerIndex();
  const flags: number[] = [];
  forEachCustomerRow(input, index, (id, date) => {
    if (id === flags.length) flags.push(0);
    if (date === null) return;
    if (date < from) flags[id] |= BEFORE;
    else if (date < until) flags[id] |= DURING;
  });
  let earlier = 0;
  let retained = 0;
  for (let id = 0; id < flags.length; id++) {
    if (flags[id] & BEFORE) {
      earlier++;
      if (flags[id] & DURING) retained++;
    }
  }
  return ratio(retained, earlier);
}

export const RETENTION_RATE = defineFunction({
  name: 'RETENTION_RATE',
  category: 'rates',
  title: { en: 'Retention rate', fr: 'Taux de rétention / fidélisation' },
  summary: {
    en: 'Share of earlier customers who buy again in the period.',
    fr: 'Part des clients des périodes précédentes qui achètent de nouveau dans la période.',
  },
  details: {
    en: `Of the distinct customers with a row dated strictly before start, the share that also have a row from start to end (both days included). Rows after end are ignored. ${CUSTOMER_ROW_RULES.en}`,
    fr: `Parmi les clients distincts ayant une ligne datée strictement avant start, la part qui en a aussi une entre start et end (deux jours inclus). Les lignes après end sont ignorées. ${CUSTOMER_ROW_RULES.fr}`,
  },
  args: CUSTOMER_PERIOD_ARGS,
  result: {
    en: 'A fraction between 0 and 1 (format as %); empty when no customer has a row before start.',
    fr: 'Une fraction entre 0 et 1 (format %) ; vide si aucun client n’a de ligne avant start.',
  },
  examples: [
    {
      formula: '=RETENTION_RATE(C2:C, I2:I, DATE(2025,1,1), DATE(2025,3,31))',
      explanation: {
        en: 'Share of customers from before 2025 who bought again in Q1 2025.',
        fr: 'Part des clients d’avant 2025 qui ont de nouveau acheté au 1er trimestre 2025.',
      },
    },
    {
      formula: '=RETENTION_RATE(C2:C, I2:I, "2025-01-01", "2025-12-31", E2:E)',
      explanation: {
        en: 'Counting won deals only.',
        fr: 'En ne comptant que les affaires gagnées.',
      },
    },
  ],
  implementation(context, args) {
    return cell(retentionRateOf(readCustomerPeriodArgs(context, args)));
  },
});
