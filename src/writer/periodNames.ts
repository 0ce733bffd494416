import type { Language } from '../core/context';
import type { PeriodInfo } from '../report/model';

/**
 * A period as a sentence names it, the way the tabs' month cells show it
 * (`mmmm yyyy`): "June 2017" / "juin 2017", "Q2 2017" / "T2 2017", "2017",
 * "week 12 of 2017" / "semaine 12 de 2017", or the first and last days of a custom range.
 */
export function periodName(period: PeriodInfo, language: Language): string {
  const { label } = period;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})$/.exec(label))) return monthName(+m[1], +m[2], language);
  if ((m = /^(\d{4})-Q([1-4])$/.exec(label)))
    return `${language === 'fr' ? 'T' : 'Q'}${m[2]} ${m[1]}`;
  if ((m = /^(\d{4})-W(\d{2})$/.exec(label)))
    return language === 'fr' ? `semaine ${+m[2]} de ${m[1]}` : `week ${+m[2]} of ${m[1]}`;
  if (/^\d{4}$/.test(label)) return label;
  return `${dayName(period.start, language)} – ${dayName(period.end, language)}`;
}

/** The month of a `YYYY-MM-DD` day: "June 2017" / "juin 2017". */
export function monthOfDay(iso: string, language: Language): string {
  const [year, month] = iso.split('-').map(Number);
  return monthName(year, month, language);
}

function monthName(year: number, month: number, language: Language): string {
  const name = new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  );
  return `${name} ${year}`;
}

/** A `YYYY-MM-DD` day in words: "1 June 2017" / "1 juin 2017". */
export function dayName(iso: string, language: Language): string {
  const [year, month, day] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, day)));
}
