import type { Column } from '../core/args';
import { checkPaired, Parsers, requiredColumn, toOptionalColumn } from '../core/args';
import { cycleDayTotals, statusClasses } from '../core/money';
import { ratio } from '../core/status';
import type { ArgumentSpec } from './define';
import { cell, defineFunction } from './define';
import { STATUSES_ARG, WON_LABELS_ARG } from './revenue';

export const CREATED_ARG: ArgumentSpec = {
  name: 'created',
  frenchName: 'dates de création',
  kind: 'column',
  description: {
    en: 'The date each deal was created, e.g. H2:H.',
    fr: 'La date de création de chaque affaire, p. ex. H2:H.',
  },
};
export const CLOSED_ARG: ArgumentSpec = {
  name: 'closed',
  frenchName: 'dates de signature',
  kind: 'column',
  description: {
    en: 'The date each deal was closed, same rows as created, e.g. I2:I.',
    fr: 'La date de clôture de chaque affaire, mêmes lignes que la création, p. ex. I2:I.',
  },
};

/** Pure core: mean of round((closed − created) ÷ 1 day) over won rows having both dates. */
export function salesCycleDaysOf(
  created: Column,
  closed: Column,
  parsers: Parsers,
  classes?: ArrayLike<number>,
): number | null {
  const { sum, count } = cycleDayTotals(created, closed, parsers, classes);
  return ratio(sum, count);
}

export const SALES_CYCLE_DAYS = defineFunction({
  name: 'SALES_CYCLE_DAYS',
  category: 'money',
  title: { en: 'Sales cycle', fr: 'Durée du cycle de vente' },
  summary: {
    en: 'Average number of days from creation to close of won deals.',
    fr: 'Nombre moyen de jours entre la création et la clôture des affaires gagnées.',
  },
  details: {
    en: 'Each deal’s duration is rounded to whole days, then averaged. With statuses, only won deals having both dates count; without them, every row having both dates. A close date before the creation date is an error.',
    fr: 'La durée de chaque affaire est arrondie au jour, puis moyennée. Avec les statuts, seules les affaires gagnées ayant les deux dates comptent ; sans eux, toutes les lignes ayant les deux dates. Une date de clôture antérieure à la création est une erreur.',
  },
  args: [
    CREATED_ARG,
    CLOSED_ARG,
    {
      ...STATUSES_ARG,
      optional: true,
      description: {
        en: 'The status of each deal, same rows as the dates, e.g. E2:E.',
        fr: 'Le statut de chaque affaire, mêmes lignes que les dates, p. ex. E2:E.',
      },
    },
    WON_LABELS_ARG,
  ],
  result: {
    en: 'A number of days; empty when no deal has both dates.',
    fr: 'Un nombre de jours ; vide si aucune affaire n’a les deux dates.',
  },
  examples: [
    {
      formula: '=SALES_CYCLE_DAYS(H2:H, I2:I, E2:E)',
      explanation: {
        en: 'Average length of the sales cycle of won deals.',
        fr: 'Durée moyenne du cycle de vente des affaires gagnées.',
      },
    },
    {
      formula: '=SALES_CYCLE_DAYS(H2:H, I2:I)',
      explanation: {
        en: 'Average time to close any deal that has both dates.',
        fr: 'Délai moyen de clôture de toutes les affaires ayant les deux dates.',
      },
    },
  ],
  implementation(context, [createdArg, closedArg, statusesArg, wonArg]) {
    const created = requiredColumn('created', createdArg);
    const closed = requiredColumn('closed', closedArg);
    const statuses = toOptionalColumn('statuses', statusesArg);
    checkPaired(created, closed, statuses);
    const classes = statusClasses(statuses, wonArg);
    return cell(salesCycleDaysOf(created, closed, new Parsers(context), classes));
  },
});
