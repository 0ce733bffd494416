import { Parsers } from '../core/args';
import { sumOf } from '../core/money';
import { ratio } from '../core/status';
import { cell, defineFunction } from './define';

/** Pure core: Σcosts ÷ Σnew customers; null when there is no new customer. */
export function cacOf(costs: number, newCustomers: number): number | null {
  return ratio(costs, newCustomers);
}

export const CAC = defineFunction({
  name: 'CAC',
  category: 'roi',
  title: { en: 'Customer acquisition cost', fr: 'Coût d’acquisition client' },
  summary: {
    en: 'What winning one new customer costs: Σcosts ÷ Σnew customers.',
    fr: 'Ce que coûte la conquête d’un nouveau client : Σcoûts ÷ Σnouveaux clients.',
  },
  details: {
    en: 'Each argument is summed on its own: pass the campaign costs of a period and the number of new customers of the same period (for instance NEW_CUSTOMERS). Empty when there is no new customer.',
    fr: 'Chaque argument est additionné à part : indiquez les coûts des campagnes d’une période et le nombre de nouveaux clients de la même période (par exemple NEW_CUSTOMERS). Vide s’il n’y a aucun nouveau client.',
  },
  args: [
    {
      name: 'costs',
      frenchName: 'coûts',
      kind: 'number',
      description: {
        en: 'Acquisition costs: a number or a column, summed, e.g. Campaigns!C2:C.',
        fr: 'Les coûts d’acquisition : un nombre ou une colonne, additionnés, p. ex. Campagnes!C2:C.',
      },
    },
    {
      name: 'new_customers',
      frenchName: 'nouveaux clients',
      kind: 'number',
      description: {
        en: 'The number of new customers: a number or a column of counts, summed.',
        fr: 'Le nombre de nouveaux clients : un nombre ou une colonne d’effectifs, additionnés.',
      },
    },
  ],
  result: {
    en: 'An amount per customer; empty when there is no new customer.',
    fr: 'Un montant par client ; vide s’il n’y a aucun nouveau client.',
  },
  examples: [
    {
      formula: '=CAC(Campaigns!C2:C, 25)',
      explanation: {
        en: 'All campaign costs over 25 new customers.',
        fr: 'Tous les coûts de campagne pour 25 nouveaux clients.',
      },
    },
    {
      formula:
        '=CAC(SUM(Campaigns!C2:C), NEW_CUSTOMERS(C2:C, I2:I, DATE(2025,1,1), DATE(2025,12,31), E2:E))',
      explanation: {
        en: 'Acquisition cost of the customers won in 2025.',
        fr: 'Coût d’acquisition des clients gagnés en 2025.',
      },
    },
  ],
  implementation(context, [costsArg, newCustomersArg]) {
    const parsers = new Parsers(context);
    return cell(
      cacOf(sumOf('costs', costsArg, parsers), sumOf('new_customers', newCustomersArg, parsers)),
    );
  },
});
