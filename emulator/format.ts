import { decimalSeparatorOf, languageOf } from '../src/core/context';
import { DAY_MS, instantToWall, wallToInstant } from '../src/core/dates';
import { isDate } from '../src/core/values';
import { defaultDateFormat, defaultDateTimeFormat } from './importCsv';

/**
 * Display values: what a cell shows for its value and number format, close enough to
 * Sheets for tests to read (percent, currency, grouping, dates in the locale).
 */

/** What getNumberFormat() returns for a cell whose format was never set. */
export const DEFAULT_NUMBER_FORMAT = '0.###############';

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

export function isGeneralFormat(format: string): boolean {
  return format === '' || format === DEFAULT_NUMBER_FORMAT || /^general$/i.test(format);
}

/** Grouping separator Sheets shows: "," in English, a narrow no-break space in French. */
export function groupSeparatorOf(locale: string): string {
  if (decimalSeparatorOf(locale) === '.') return ',';
  return languageOf(locale) === 'fr' ? '\u202f' : '.';
}

/** Spreadsheet serial number (days since 1899-12-30, wall clock) of an instant. */
export function toSerial(date: Date, timeZone: string): number {
  return (instantToWall(date.getTime(), timeZone) - SERIAL_EPOCH) / DAY_MS;
}

export function fromSerial(serial: number, timeZone: string): Date {
  return new Date(wallToInstant(SERIAL_EPOCH + Math.round(serial * DAY_MS), timeZone));
}

export function formatBoolean(value: boolean, locale: string): string {
  if (languageOf(locale) === 'fr') return value ? 'VRAI' : 'FAUX';
  return value ? 'TRUE' : 'FALSE';
}

/** The text a cell shows. */
export function formatValue(
  value: unknown,
  format: string,
  locale: string,
  timeZone: string,
): string {
  if (value === '' || value === null || value === undefined) return '';
  if (typeof value === 'boolean') return formatBoolean(value, locale);
  if (typeof value === 'string') return value;
  const general = isGeneralFormat(format);
  if (isDate(value)) {
    if (isNaN(value.getTime())) return '#VALUE!';
    if (general) {
      const wall = instantToWall(value.getTime(), timeZone);
      const pattern =
        wall % DAY_MS === 0 ? defaultDateFormat(locale) : defaultDateTimeFormat(locale);
      return formatDatePattern(value, pattern, locale, timeZone);
    }
    if (isDatePattern(format)) return formatDatePattern(value, format, locale, timeZone);
    return formatNumberPattern(toSerial(value, timeZone), format, locale);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '#NUM!';
    if (general) return formatGeneralNumber(value, locale);
    if (isDatePattern(format)) {
      return formatDatePattern(fromSerial(value, timeZone), format, locale, timeZone);
    }
    return formatNumberPattern(value, format, locale);
  }
  return String(value);
}

export function formatGeneralNumber(value: number, locale: string): string {
  let text: string;
  if (Number.isInteger(value) && Math.abs(value) < 1e15) text = String(value);
  else text = String(Number(value.toPrecision(10)));
  return decimalSeparatorOf(locale) === ',' ? text.replace('.', ',') : text;
}

interface Token {
  kind: 'literal' | 'code';
  text: string;
}

/** Splits a format section into quoted/escaped literals and format code. */
function tokenize(section: string): Token[] {
  const tokens: Token[] = [];
  const push = (kind: Token['kind'], text: string) => {
    const last = tokens[tokens.length - 1];
    if (last && last.kind === kind) last.text += text;
    else tokens.push({ kind, text });
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      push('literal', section.slice(i + 1, stop));
      i = stop;
    } else if (ch === '\\') {
      push('literal', section[i + 1] ?? '');
      i++;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      const stop = end < 0 ? section.length : end;
      const inner = section.slice(i + 1, stop);
      // [$€-40C] is a currency symbol; [Red], [Color10], [>100] are dropped.
      if (inner.startsWith('$')) push('literal', inner.slice(1).split('-')[0]);
      i = stop;
    } else if (ch === '_') {
      push('literal', ' ');
      i++;
    } else if (ch === '*') {
      i++;
    } else {
      push('code', ch);
    }
  }
  return tokens;
}

function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted) {
      current += ch + (format[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === ';' && !quoted) {
      sections.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  sections.push(current);
  return sections;
}

export function isDatePattern(format: string): boolean {
  const code = tokenize(splitSections(format)[0])
    .filter((t) => t.kind === 'code')
    .map((t) => t.text)
    .join('');
  return /[dmyhs]/i.test(code) && !/[0#?]/.test(code.replace(/\.0+/, ''));
}

/** A number in a Sheets number format such as `#,##0.00 [$€]`, `0.0%` or `"+"0;"-"0`. */
export function formatNumberPattern(value: number, format: string, locale: string): string {
  const sections = splitSections(format);
  let section = sections[0];
  let number = value;
  let sign = '';
  if (value < 0 && sections.length > 1 && sections[1] !== '') {
    section = sections[1];
    number = -value;
  } else if (value === 0 && sections.length > 2 && sections[2] !== '') {
    section = sections[2];
  } else if (value < 0) {
    sign = '-';
    number = -value;
  }
  const tokens = tokenize(section);
  const code = tokens
    .filter((t) => t.kind === 'code')
    .map((t) => t.text)
    .join('');
  for (const ch of code) if (ch === '%') number *= 100;
  const first = code.search(/[0#?]/);
  if (first < 0) return sign + tokens.map((t) => t.text).join('');
  let last = first;
  for (let i = first; i < code.length; i++) if (/[0#?]/.test(code[i])) last = i;
  const pattern = code.slice(first, last + 1);
  const dot = pattern.indexOf('.');
  const intPattern = dot >= 0 ? pattern.slice(0, dot) : pattern;
  const fracPattern = dot >= 0 ? pattern.slice(dot + 1) : '';
  const minInt = (intPattern.match(/0/g) ?? []).length;
  const minFrac = (fracPattern.match(/0/g) ?? []).length;
  const maxFrac = (fracPattern.match(/[0#?]/g) ?? []).length;
  const grouped = intPattern.includes(',');
  let [intDigits, fracDigits = ''] = roundTo(number, maxFrac).split('.');
  while (fracDigits.length > minFrac && fracDigits.endsWith('0'))
    fracDigits = fracDigits.slice(0, -1);
  if (intDigits === '0' && minInt === 0) intDigits = '';
  intDigits = intDigits.padStart(minInt, '0');
  if (grouped) intDigits = intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, groupSeparatorOf(locale));
  const decimal = decimalSeparatorOf(locale);
  const body =
    intDigits + (fracDigits !== '' || (dot >= 0 && minFrac > 0) ? decimal + fracDigits : '');
  if (Number(roundTo(number, maxFrac)) === 0) sign = '';
  // Rebuild: literals and code before the digits, the digits, what follows them.
  let out = '';
  let codeIndex = 0;
  let placed = false;
  for (const token of tokens) {
    if (token.kind === 'literal') {
      out += token.text;
      continue;
    }
    for (const ch of token.text) {
      const position = codeIndex++;
      if (position >= first && position <= last) {
        if (!placed) {
          out += body;
          placed = true;
        }
      } else {
        out += ch === ',' ? '' : ch;
      }
    }
  }
  // Like Sheets, the minus sign of a one-section format leads ("-$1,234.50").
  return sign + out;
}

function roundTo(value: number, decimals: number): string {
  const rounded = Math.round(Number(value + 'e' + decimals));
  const text = Number(rounded + 'e-' + decimals).toFixed(decimals);
  return text;
}

const MONTHS = new Map<
  string,
  { long: string[]; short: string[]; days: string[]; shortDays: string[] }
>();
function names(locale: string) {
  const language = languageOf(locale) === 'fr' ? 'fr-FR' : 'en-US';
  let entry = MONTHS.get(language);
  if (!entry) {
    const month = (m: number, style: 'long' | 'short') =>
      new Intl.DateTimeFormat(language, { month: style, timeZone: 'UTC' }).format(
        new Date(Date.UTC(2021, m, 1)),
      );
    // 2021-01-03 was a Sunday.
    const day = (d: number, style: 'long' | 'short') =>
      new Intl.DateTimeFormat(language, { weekday: style, timeZone: 'UTC' }).format(
        new Date(Date.UTC(2021, 0, 3 + d)),
      );
    entry = {
      long: [...Array(12).keys()].map((m) => month(m, 'long')),
      short: [...Array(12).keys()].map((m) => month(m, 'short')),
      days: [...Array(7).keys()].map((d) => day(d, 'long')),
      shortDays: [...Array(7).keys()].map((d) => day(d, 'short')),
    };
    MONTHS.set(language, entry);
  }
  return entry;
}

/** A date in a Sheets date pattern (`dd/MM/yyyy`, `mmm yyyy`, `yyyy-mm-dd hh:mm`...). */
export function formatDatePattern(
  date: Date,
  format: string,
  locale: string,
  timeZone: string,
): string {
  const wall = new Date(instantToWall(date.getTime(), timeZone));
  const tokens = tokenize(splitSections(format)[0]);
  const parts: { kind: 'literal' | 'y' | 'm' | 'd' | 'h' | 's' | 'ampm'; text: string }[] = [];
  for (const token of tokens) {
    if (token.kind === 'literal') {
      parts.push({ kind: 'literal', text: token.text });
      continue;
    }
    const text = token.text;
    let i = 0;
    while (i < text.length) {
      const rest = text.slice(i);
      const ampm = /^(am\/pm|a\/p)/i.exec(rest);
      if (ampm) {
        parts.push({ kind: 'ampm', text: ampm[1] });
        i += ampm[1].length;
        continue;
      }
      const run = /^([yY]+|[mM]+|[dD]+|[hH]+|[sS]+)/.exec(rest);
      if (run) {
        parts.push({ kind: run[1][0].toLowerCase() as 'y', text: run[1] });
        i += run[1].length;
      } else {
        parts.push({ kind: 'literal', text: text[i] });
        i++;
      }
    }
  }
  const hasAmPm = parts.some((p) => p.kind === 'ampm');
  const codes = parts.filter((p) => p.kind !== 'literal');
  const { long, short, days, shortDays } = names(locale);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const hours = wall.getUTCHours();
  return parts
    .map((part) => {
      const n = part.text.length;
      switch (part.kind) {
        case 'literal':
          return part.text;
        case 'y':
          return n <= 2 ? pad(wall.getUTCFullYear() % 100, 2) : String(wall.getUTCFullYear());
        case 'm': {
          const index = codes.indexOf(part);
          const minutes =
            n <= 2 && (codes[index - 1]?.kind === 'h' || codes[index + 1]?.kind === 's');
          if (minutes) return pad(wall.getUTCMinutes(), n);
          const month = wall.getUTCMonth();
          if (n >= 5) return long[month][0];
          if (n === 4) return long[month];
          if (n === 3) return short[month];
          return pad(month + 1, n);
        }
        case 'd': {
          const weekday = wall.getUTCDay();
          if (n >= 4) return days[weekday];
          if (n === 3) return shortDays[weekday];
          return pad(wall.getUTCDate(), n);
        }
        case 'h': {
          const h = hasAmPm ? hours % 12 || 12 : hours;
          return pad(h, Math.min(n, 2));
        }
        case 's':
          return pad(wall.getUTCSeconds(), Math.min(n, 2));
        case 'ampm': {
          const pm = hours >= 12;
          const text = part.text.length > 3 ? (pm ? 'PM' : 'AM') : pm ? 'P' : 'A';
          return part.text[0] === part.text[0].toLowerCase() ? text.toLowerCase() : text;
        }
      }
      return '';
    })
    .join('');
}

const JAVA_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const JAVA_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * Utilities.formatDate: a Java SimpleDateFormat pattern (`yyyy-MM-dd HH:mm:ss`, `MMM`,
 * `EEE`, `'literal'`, `Z`, `XXX`) in an IANA time zone, English names.
 */
export function formatJavaDate(date: Date, timeZone: string, pattern: string): string {
  const ms = date.getTime();
  const offsetMinutes = Math.round((instantToWall(ms, timeZone) - ms) / 60000);
  const wall = new Date(ms + offsetMinutes * 60000);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const offset = (colon: boolean) => {
    const sign = offsetMinutes < 0 ? '-' : '+';
    const abs = Math.abs(offsetMinutes);
    return sign + pad(Math.floor(abs / 60), 2) + (colon ? ':' : '') + pad(abs % 60, 2);
  };
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      const stop = end < 0 ? pattern.length : end;
      out += pattern.slice(i + 1, stop);
      i = stop + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    const hours = wall.getUTCHours();
    switch (ch) {
      case 'y':
      case 'Y':
        out += n === 2 ? pad(wall.getUTCFullYear() % 100, 2) : pad(wall.getUTCFullYear(), n);
        break;
      case 'M':
      case 'L': {
        const m = wall.getUTCMonth();
        out += n >= 4 ? JAVA_MONTHS[m] : n === 3 ? JAVA_MONTHS[m].slice(0, 3) : pad(m + 1, n);
        break;
      }
      case 'd':
        out += pad(wall.getUTCDate(), n);
        break;
      case 'E':
        out += n >= 4 ? JAVA_DAYS[wall.getUTCDay()] : JAVA_DAYS[wall.getUTCDay()].slice(0, 3);
        break;
      case 'u':
        out += String(wall.getUTCDay() || 7);
        break;
      case 'H':
        out += pad(hours, n);
        break;
      case 'k':
        out += pad(hours || 24, n);
        break;
      case 'h':
        out += pad(hours % 12 || 12, n);
        break;
      case 'K':
        out += pad(hours % 12, n);
        break;
      case 'm':
        out += pad(wall.getUTCMinutes(), n);
        break;
      case 's':
        out += pad(wall.getUTCSeconds(), n);
        break;
      case 'S':
        out += pad(wall.getUTCMilliseconds(), 3).slice(0, Math.max(n, 3));
        break;
      case 'a':
        out += hours >= 12 ? 'PM' : 'AM';
        break;
      case 'Z':
        out += offset(false);
        break;
      case 'X':
        out += offsetMinutes === 0 ? 'Z' : n >= 3 ? offset(true) : offset(false);
        break;
      case 'z':
        out += timeZoneName(date, timeZone);
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}

function timeZoneName(date: Date, timeZone: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
    .formatToParts(date)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}
