import type { Column } from '../core/args';
import { checkPaired, requiredColumn, toLabelSet, toOptionalColumn } from '../core/args';
import { CustomerIndex, forEachCountedRow } from '../core/customers';
import { ratio, StatusClassifier } from '../core/status';
import { cell, defineFunction } from './define';
import { CUSTOMER_STATUSES_ARG, CUSTOMER_WON_LABELS_ARG } from './retentionRate';

/**
 * Pure core: distinct customers with two counted rows or more ÷ distinct customers with
 * one. Without statuses every row with a customer counts; with them, won rows only.
 */
export function repeatCustomerRateOf(
  customers: Column,
  statuses: Column | undefined,
  classifier: StatusClassifier,
): number | null {
  const rows: number[] = [];
  let repeat = 0;
  forEachCountedRow(customers, statuses, classifier, new CustomerIndex(), (id) => {
    if (id === rows.length) rows.push(1);
    else if (++rows[id] === 2) repeat++;
  });
  return ratio(repeat, rows.length);
}

export const REPEAT_CUSTOMER_RATE = defineFunction({
  name: 'REPEAT_CUSTOMER_RATE',
  category: 'rates',
  title: { en: 'Repeat customer rate', fr: 'Taux de réachat' },
  summary: {
    en: 'Share of customers who came back: customers with two rows or more ÷ all customers.',
    fr: 'Part des clients qui sont revenus : clients ayant au moins deux lignes ÷ tous les clients.',
  },
  details: {
    en: 'Customers are counted once each, compared ignoring case, accents and extra spaces. With statuses, only won rows count on both sides: customers with two won deals or more ÷ customers with a won deal. Rows with a blank customer are ignored.',
    fr: 'Chaque client compte une fois, comparé sans tenir compte de la casse, des accents ni des espaces en trop. Avec statuses, seules les lignes gagnées comptent, des deux côtés : clients ayant au moins deux affaires gagnées ÷ clients ayant une affaire gagnée. Les lignes sans client sont ignorées.',
  },
  args: [
    {
      name: 'customers',
      frenchName: 'clients',
      kind: 'column',
      description: {
        en: 'The customer of each row (deal or order), e.g. C2:C.',
        fr: 'Le client de chaque ligne (affaire ou commande), p. ex. C2:C.',
      },
    },
    CUSTOMER_STATUSES_ARG,
    CUSTOMER_WON_LABELS_ARG,
  ],
  result: {
    en: 'A fraction between 0 and 1 (format as %); empty when there is no customer.',
    fr: 'Une fraction entre 0 et 1 (format %) ; vide s’il n’y a aucun client.',
  },
  examples: [
    {
      formula: '=REPEAT_CUSTOMER_RATE(C2:C, E2:E)',
      explanation: {
        en: 'Share of customers with a won deal who won again.',
        fr: 'Part des clients ayant une affaire gagnée qui en ont gagné une autre.',
      },
    },
    {
      formula: '=REPEAT_CUSTOMER_RATE(Orders!C2:C)',
      explanation: {
        en: 'Share of customers with two orders or more.',
        fr: 'Part des clients ayant passé au moins deux commandes.',
      },
    },
  ],
  implementation(_context, [customersArg, statusesArg, wonArg]) {
    const customers = requiredColumn('customers', customersArg);
    const statuses = toOptionalColumn('statuses', statusesArg);
    checkPaired(customers, statuses);
    const classifier = new StatusClassifier(toLabelSet(wonArg));
    return cell(repeatCustomerRateOf(customers, statuses, classifier));
  },
});
