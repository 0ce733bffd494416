import type { CustomerPeriodInput } from '../core/customers';
import { CustomerIndex, forEachCustomerRow, readCustomerPeriodArgs } from '../core/customers';
import { defineFunction } from './define';
import { CUSTOMER_PERIOD_ARGS, CUSTOMER_ROW_RULES } from './retentionRate';

/** Pure core: distinct customers with at least one counted row in the period. */
export function activeCustomersOf(input: CustomerPeriodInput): number {
  const { from, until } = input;
  const index = new CustomerIndex();
  const active: boolean[] = [];
  let count = 0;
  forEachCustomerRow(input, index, (id, date) => {
    if (id === active.length) active.push(false);
    if (date !== null && date >= from && date < until && !active[id]) {
      active[id] = true;
      count++;
    }
  });
  return count;
}

export const ACTIVE_CUSTOMERS = defineFunction({
  name: 'ACTIVE_CUSTOMERS',
  category: 'quantities',
  title: { en: 'Active customers', fr: 'Clients actifs' },
  summary: {
    en: 'Number of distinct customers with at least one row in the period.',
    fr: 'Nombre de clients distincts ayant au moins une ligne dans la période.',
  },
  details: {
    en: `Counts each customer once, however many rows it has from start to end (both days included). ${CUSTOMER_ROW_RULES.en}`,
    fr: `Compte chaque client une fois, quel que soit son nombre de lignes entre start et end (deux jours inclus). ${CUSTOMER_ROW_RULES.fr}`,
  },
  args: CUSTOMER_PERIOD_ARGS,
  result: {
    en: 'A whole number (0 when there is none).',
    fr: 'Un nombre entier (0 s’il n’y en a aucun).',
  },
  examples: [
    {
      formula: '=ACTIVE_CUSTOMERS(C2:C, I2:I, DATE(2025,1,1), DATE(2025,12,31), E2:E)',
      explanation: {
        en: 'Customers with a won deal in 2025.',
        fr: 'Clients ayant une affaire gagnée en 2025.',
      },
    },
    {
      formula: '=ACTIVE_CUSTOMERS(C2:C, I2:I, N1, N2)',
      explanation: {
        en: 'Customers with a row between the dates typed in N1 and N2 (a custom function refuses TODAY() as an argument: type the dates, or use DATE()).',
        fr: 'Clients ayant une ligne entre les dates saisies en N1 et N2 (une fonction personnalisée refuse AUJOURDHUI() en argument : saisissez les dates, ou utilisez DATE()).',
      },
    },
  ],
  implementation(context, args) {
    return activeCustomersOf(readCustomerPeriodArgs(context, args));
  },
});
