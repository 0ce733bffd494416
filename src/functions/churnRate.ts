import type { CustomerPeriodInput } from '../core/customers';
import { readCustomerPeriodArgs } from '../core/customers';
import { cell, defineFunction } from './define';
import { CUSTOMER_PERIOD_ARGS, CUSTOMER_ROW_RULES, retentionRateOf } from './retentionRate';

/** Pure core: 1 − retention, no value where retention has none. */
export function churnRateOf(input: CustomerPeriodInput): number | null {
  const retention = retentionRateOf(input);
  return retention === null ? null : 1 - retention;
}

export const CHURN_RATE = defineFunction({
  name: 'CHURN_RATE',
  category: 'rates',
  title: { en: 'Churn rate', fr: "Taux d'attrition" },
  summary: {
    en: 'Share of earlier customers who did not buy again in the period: 1 − RETENTION_RATE.',
    fr: 'Part des clients des périodes précédentes qui n’ont pas racheté dans la période : 1 − RETENTION_RATE.',
  },
  details: {
    en: `Exactly 1 − RETENTION_RATE with the same arguments: of the distinct customers with a row dated strictly before start, the share with no row from start to end (both days included). ${CUSTOMER_ROW_RULES.en}`,
    fr: `Exactement 1 − RETENTION_RATE avec les mêmes arguments : parmi les clients distincts ayant une ligne datée strictement avant start, la part sans aucune ligne entre start et end (deux jours inclus). ${CUSTOMER_ROW_RULES.fr}`,
  },
  args: CUSTOMER_PERIOD_ARGS,
  result: {
    en: 'A fraction between 0 and 1 (format as %); empty when no customer has a row before start.',
    fr: 'Une fraction entre 0 et 1 (format %) ; vide si aucun client n’a de ligne avant start.',
  },
  examples: [
    {
      formula: '=CHURN_RATE(C2:C, I2:I, DATE(2025,1,1), DATE(2025,12,31))',
      explanation: {
        en: 'Share of customers from before 2025 who bought nothing in 2025.',
        fr: 'Part des clients d’avant 2025 qui n’ont rien acheté en 2025.',
      },
    },
    {
      formula: '=CHURN_RATE(C2:C, I2:I, "2025-01-01", "2025-12-31", E2:E, "Signed")',
      explanation: {
        en: 'Counting only deals whose status is Signed.',
        fr: 'En ne comptant que les affaires au statut Signed.',
      },
    },
  ],
  implementation(context, args) {
    return cell(churnRateOf(readCustomerPeriodArgs(context, args)));
  },
});
