/** Period texts as targets sheets write them ("2024-03", "T1 2024", "mars 2024"…). */

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'janvier',
  'fevrier',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'aout',
  'septembre',
  'octobre',
  'novembre',
  'decembre',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'janv',
  'fev',
  'avr',
  'juil',
];
const PERIOD_PATTERNS = [
  /^\d{4}-\d{1,2}$/, // 2024-03
  /^\d{1,2}[/.-]\d{4}$/, // 03/2024
  /^\d{4} ?-? ?[qt][1-4]$/, // 2024-Q1, 2024 T1
  /^[qt][1-4] ?-? ?\d{4}$/, // Q1 2024, T1 2024
  /^(?:s|h)[12] ?-? ?\d{4}$/, // S1 2024, H1 2024
  new RegExp(`^(?:${MONTHS.join('|')})\\.? ?-? ?\\d{4}$`), // mars 2024, March 2024
];

/** True for the period texts of data-model.md ("2024-03", "T1 2024", "mars 2024"…). */
export function looksLikePeriod(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  // Not normalizeLabel: it would turn the "-" of "2024-03" into a space.
  const text = value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
  return PERIOD_PATTERNS.some((p) => p.test(text));
}
