import type { CustomerPeriodInput } from '../core/customers';
import { CustomerIndex, forEachCustomerRow, readCustomerPeriodArgs } from '../core/customers';
import { defineFunction } from './define';
import { CUSTOMER_PERIOD_ARGS, CUSTOMER_ROW_RULES } from './retentionRate';

/** Pure core: distinct customers whose earliest dated (won) row, over all rows, is in the period. */
export function newCustomersOf(input: CustomerPeriodInput): number {
  const index = new CustomerIndex();
  const earliest: number[] = [];
  forEachCustomerRow(input, index, (id, date) => {
    if (id === earliest.length) earliest.push(Infinity);
    if (date !== null && date < earliest[id]) earliest[id] = date;
  });
  let count = 0;
  for (let id = 0; id < earliest.length; id++) {
    if (earliest[id] >= input.from && earliest[id] < input.until) count++;
  }
  return count;
}

export const NEW_CUSTOMERS = defineFunction({
  name: 'NEW_CUSTOMERS',
  category: 'quantities',
  title: { en: 'New customers', fr: 'Nouveaux clients' },
  summary: {
    en: 'Number of distinct customers whose first row falls in the period.',
    fr: 'Nombre de clients distincts dont la première ligne tombe dans la période.',
  },
  details: {
    en: `A customer is new when its earliest dated row, over all the rows given (not only the period), is from start to end (both days included). With statuses, only won rows count, so the first won deal decides. ${CUSTOMER_ROW_RULES.en} A customer whose rows all lack a date is never new.`,
    fr: `Un client est nouveau quand sa ligne datée la plus ancienne, sur toutes les lignes données (pas seulement la période), est entre start et end (deux jours inclus). Avec statuses, seules les lignes gagnées comptent : c’est la première affaire gagnée qui décide. ${CUSTOMER_ROW_RULES.fr} Un client dont aucune ligne n’a de date n’est jamais nouveau.`,
  },
  args: CUSTOMER_PERIOD_ARGS,
  result: {
    en: 'A whole number (0 when there is none).',
    fr: 'Un nombre entier (0 s’il n’y en a aucun).',
  },
  examples: [
    {
      formula: '=NEW_CUSTOMERS(C2:C, I2:I, DATE(2025,1,1), DATE(2025,3,31), E2:E)',
      explanation: {
        en: 'Customers whose first won deal closed in Q1 2025.',
        fr: 'Clients dont la première affaire gagnée a été signée au 1er trimestre 2025.',
      },
    },
    {
      formula: '=NEW_CUSTOMERS(Orders!B2:B, Orders!A2:A, "2025-03-01", "2025-03-31")',
      explanation: {
        en: 'Customers who ordered for the first time in March 2025.',
        fr: 'Clients qui ont commandé pour la première fois en mars 2025.',
      },
    },
  ],
  implementation(context, args) {
    return newCustomersOf(readCustomerPeriodArgs(context, args));
  },
});
