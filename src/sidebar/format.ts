/**
 * Numbers, days and instants as the spreadsheet's locale writes them (`locale` is a
 * BCP 47 tag); the raw text when Intl refuses the locale or the value.
 */

export function formatNumber(value: number, percent: boolean, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, {
      style: percent ? 'percent' : 'decimal',
      maximumFractionDigits: 2,
    }).format(value);
  } catch {
    return String(value);
  }
}

/** A day given as yyyy-mm-dd. */
export function formatDay(iso: string, locale: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  try {
    return new Intl.DateTimeFormat(locale, { timeZone: 'UTC' }).format(
      new Date(Date.UTC(y, m - 1, d)),
    );
  } catch {
    return iso;
  }
}

/** An ISO instant, in the spreadsheet's time zone. */
export function formatInstant(iso: string, locale: string, timeZone: string | undefined): string {
  const date = new Date(iso);
  if (isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone,
    }).format(date);
  } catch {
    return date.toISOString();
  }
}

/** A month (1–12) by name: "January", "janvier". */
export function monthName(month: number, language: string): string {
  return new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, month - 1, 1)),
  );
}
