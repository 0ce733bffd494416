import type { Language } from './context';
import { isDate, shorten } from './values';

/**
 * Every formula error, in English and French, in one place. A core function throws a
 * KpiInputError holding what went wrong (a code and its facts); `formulaErrorText` turns
 * it into what the cell shows, in the spreadsheet's language, prefixed with the
 * function's name (contract rule 10). A message counts the values of an argument
 * ("amounts, value 7"): a function cannot know where its range starts in the sheet.
 */

/** The facts of each error. `arg`/`other` are argument names as the function declares them. */
export interface MessageParams {
  notAColumn: { arg: string; rows: number; cols: number };
  pairedLength: { arg: string; count: number; other: string; otherCount: number };
  notANumber: Located;
  tooLarge: Located;
  columnTooLarge: { arg: string; column: string };
  resultTooLarge: Record<string, never>;
  notADate: Located;
  notAProbability: Located;
  scoreOutOfRange: Located;
  notOneDate: { arg: string; value: unknown };
  rangeForDate: { arg: string; count: number };
  required: { arg: string };
  closedBeforeCreated: Located & { closed: string; created: string; createdArg: string };
  endBeforeStart: { start: string; end: string };
  blankName: { arg: string; position: number; other: string; value: unknown };
  notATable: { given: 'nothing' | 'value' };
  missingColumns: { fields: readonly string[]; headers: readonly string[] };
  groupByRange: Record<string, never>;
  unknownGroupBy: { value: string; headers: readonly string[] };
  groupByMissing: { value: string; field: string; headers: readonly string[] };
  periodWithoutDates: { value: string; headers: readonly string[] };
}

/** A value at a 1-based position of an argument; `column` when the argument is a table. */
interface Located {
  arg: string;
  position: number;
  value: unknown;
  column?: string;
}

export type MessageCode = keyof MessageParams;

/** A problem with what the user passed: its code and facts, with the English text as message. */
export class KpiInputError<C extends MessageCode = MessageCode> extends Error {
  constructor(
    readonly code: C,
    readonly params: MessageParams[C],
  ) {
    super(renderMessage('en', code, params));
    this.name = 'KpiInputError';
  }
}

/** Shorthand: `inputError('required', { arg: 'end' })`. */
export function inputError<C extends MessageCode>(
  code: C,
  params: MessageParams[C],
): KpiInputError<C> {
  return new KpiInputError(code, params);
}

/** Names an argument in a language (French names come from the function registry). */
export type ArgumentNamer = (name: string) => string;

interface Words {
  readonly quote: (text: string) => string;
  readonly value: (value: unknown) => string;
  readonly none: string;
}

const ENGLISH: Words = {
  quote: (text) => JSON.stringify(shorten(text)),
  value: (value) => describeIn('en', value),
  none: 'none',
};
const FRENCH: Words = {
  quote: (text) => `« ${shorten(text)} »`,
  value: (value) => describeIn('fr', value),
  none: 'aucun',
};

/** How a cell value is quoted: text in quotes (cut to about 40 characters), booleans as Sheets shows them. */
export function describeIn(language: Language, value: unknown): string {
  const fr = language === 'fr';
  if (typeof value === 'string')
    return fr ? `« ${shorten(value)} »` : JSON.stringify(shorten(value));
  if (typeof value === 'boolean') return fr ? (value ? 'VRAI' : 'FAUX') : value ? 'TRUE' : 'FALSE';
  if (isDate(value)) {
    const ms = value.getTime();
    if (isNaN(ms)) return fr ? 'une date non valide' : 'an invalid date';
    return new Date(ms).toISOString();
  }
  if (value === null || value === undefined) return fr ? 'une cellule vide' : 'a blank cell';
  return shorten(String(value));
}

type Templates = {
  readonly [C in MessageCode]: (p: MessageParams[C], name: ArgumentNamer, w: Words) => string;
};

const headerList = (headers: readonly string[], w: Words) =>
  headers.length > 0 ? headers.map(w.quote).join(', ') : w.none;

/** "amounts, value 7" / "montants, valeur 7"; in a table: 'deals_table, column "Amount", value 7'. */
function whereEn(p: Located, name: ArgumentNamer, w: Words): string {
  const column = p.column === undefined ? '' : `, column ${w.quote(p.column)}`;
  return `${name(p.arg)}${column}, value ${p.position}`;
}
function whereFr(p: Located, name: ArgumentNamer, w: Words): string {
  const column = p.column === undefined ? '' : `, colonne ${w.quote(p.column)}`;
  return `${name(p.arg)}${column}, valeur ${p.position}`;
}

const EN: Templates = {
  notAColumn: (p, n) => `${n(p.arg)} must be a single column or row (got ${p.rows}×${p.cols})`,
  pairedLength: (p, n) => `${n(p.arg)} has ${p.count} rows but ${n(p.other)} has ${p.otherCount}`,
  notANumber: (p, n, w) => `${whereEn(p, n, w)}: ${w.value(p.value)} is not a number`,
  tooLarge: (p, n, w) => `${whereEn(p, n, w)}: ${w.value(p.value)} is too large to add up`,
  columnTooLarge: (p, n, w) =>
    `${n(p.arg)}, column ${w.quote(p.column)}: the values add up to more than a number can hold`,
  resultTooLarge: () =>
    'the result is more than a number can hold (a huge value, or a division by a tiny one)',
  notADate: (p, n, w) => `${whereEn(p, n, w)}: ${w.value(p.value)} is not a date`,
  notAProbability: (p, n, w) =>
    `${whereEn(p, n, w)}: ${w.value(p.value)} is not a probability (use 0–1, 0–100 or a percentage)`,
  scoreOutOfRange: (p, n, w) =>
    `${whereEn(p, n, w)}: ${w.value(p.value)} is outside the 0–10 scale`,
  notOneDate: (p, n, w) => `${n(p.arg)}: ${w.value(p.value)} is not a date`,
  rangeForDate: (p, n) => `${n(p.arg)}: a range of ${p.count} cells is not a date`,
  required: (p, n) => `${n(p.arg)} is required`,
  closedBeforeCreated: (p, n, w) =>
    `${whereEn(p, n, w)}: ${p.closed} is before ${p.column === undefined ? n(p.createdArg) : `created`} ${p.created}`,
  endBeforeStart: (p) => `end ${p.end} is before start ${p.start}`,
  blankName: (p, n, w) =>
    `${n(p.arg)}, value ${p.position} is blank but ${n(p.other)} has ${w.value(p.value)}`,
  notATable: (p) =>
    `deals_table must be a range with its header row, e.g. Deals!A1:K (got ${p.given === 'nothing' ? 'nothing' : 'a single value'})`,
  missingColumns: (p, _n, w) =>
    `no ${p.fields.join(' or ')} column found in deals_table (headers seen: ${headerList(p.headers, w)})`,
  groupByRange: () => 'group_by must be a single value',
  unknownGroupBy: (p, _n, w) =>
    `group_by ${w.quote(p.value)} is not a field (rep, source, customer, region, product), month, quarter, year, or a header of the table (headers seen: ${headerList(p.headers, w)})`,
  groupByMissing: (p, _n, w) =>
    `group_by ${w.quote(p.value)}: no ${p.field} column found in deals_table (headers seen: ${headerList(p.headers, w)})`,
  periodWithoutDates: (p, _n, w) =>
    `group_by ${w.quote(p.value)} needs a close date or created date column (headers seen: ${headerList(p.headers, w)})`,
};

const FR: Templates = {
  notAColumn: (p, n) =>
    `${n(p.arg)} doit être une seule colonne ou une seule ligne (reçu ${p.rows}×${p.cols})`,
  pairedLength: (p, n) => `${n(p.arg)} a ${p.count} lignes mais ${n(p.other)} en a ${p.otherCount}`,
  notANumber: (p, n, w) => `${whereFr(p, n, w)} : ${w.value(p.value)} n’est pas un nombre`,
  tooLarge: (p, n, w) =>
    `${whereFr(p, n, w)} : ${w.value(p.value)} est trop grand pour être additionné`,
  columnTooLarge: (p, n, w) =>
    `${n(p.arg)}, colonne ${w.quote(p.column)} : la somme des valeurs dépasse ce qu’un nombre peut contenir`,
  resultTooLarge: () =>
    'le résultat dépasse ce qu’un nombre peut contenir (une valeur énorme, ou une division par une valeur minuscule)',
  notADate: (p, n, w) => `${whereFr(p, n, w)} : ${w.value(p.value)} n’est pas une date`,
  notAProbability: (p, n, w) =>
    `${whereFr(p, n, w)} : ${w.value(p.value)} n’est pas une probabilité (utilisez 0–1, 0–100 ou un pourcentage)`,
  scoreOutOfRange: (p, n, w) =>
    `${whereFr(p, n, w)} : ${w.value(p.value)} est hors de l’échelle 0–10`,
  notOneDate: (p, n, w) => `${n(p.arg)} : ${w.value(p.value)} n’est pas une date`,
  rangeForDate: (p, n) => `${n(p.arg)} : une plage de ${p.count} cellules n’est pas une date`,
  required: (p, n) => `${n(p.arg)} est obligatoire`,
  closedBeforeCreated: (p, n, w) =>
    `${whereFr(p, n, w)} : ${p.closed} est avant ${p.column === undefined ? n(p.createdArg) : 'la création'} ${p.created}`,
  endBeforeStart: (p, n) => `${n('end')} ${p.end} est avant ${n('start')} ${p.start}`,
  blankName: (p, n, w) =>
    `${n(p.arg)}, valeur ${p.position} est vide mais ${n(p.other)} vaut ${w.value(p.value)}`,
  notATable: (p, n) =>
    `${n('deals_table')} doit être une plage avec sa ligne d’en-tête, p. ex. Affaires!A1:K (reçu ${p.given === 'nothing' ? 'rien' : 'une seule valeur'})`,
  missingColumns: (p, n, w) =>
    `aucune colonne ${p.fields.join(' ou ')} dans ${n('deals_table')} (en-têtes vus : ${headerList(p.headers, w)})`,
  groupByRange: (_p, n) => `${n('group_by')} doit être une seule valeur`,
  unknownGroupBy: (p, n, w) =>
    `${n('group_by')} ${w.quote(p.value)} n’est ni un champ (rep, source, customer, region, product), ni month, quarter, year, ni un en-tête de la table (en-têtes vus : ${headerList(p.headers, w)})`,
  groupByMissing: (p, n, w) =>
    `${n('group_by')} ${w.quote(p.value)} : aucune colonne ${p.field} dans ${n('deals_table')} (en-têtes vus : ${headerList(p.headers, w)})`,
  periodWithoutDates: (p, n, w) =>
    `${n('group_by')} ${w.quote(p.value)} demande une colonne de date de signature ou de création (en-têtes vus : ${headerList(p.headers, w)})`,
};

const TEMPLATES: Record<Language, Templates> = { en: EN, fr: FR };
const WORDS: Record<Language, Words> = { en: ENGLISH, fr: FRENCH };
const asDeclared: ArgumentNamer = (name) => name;

/** The text of an error in a language, without the function's name. */
export function renderMessage<C extends MessageCode>(
  language: Language,
  code: C,
  params: MessageParams[C],
  name: ArgumentNamer = asDeclared,
): string {
  const template = TEMPLATES[language][code] as (
    p: MessageParams[C],
    n: ArgumentNamer,
    w: Words,
  ) => string;
  return template(params, name, WORDS[language]);
}

/**
 * What the cell shows for an error thrown by a formula: "REVENUE: amounts, value 7: …",
 * in the spreadsheet's language. Any other failure keeps its own text after the name.
 */
export function formulaErrorText(
  functionName: string,
  error: unknown,
  language: Language,
  name: ArgumentNamer = asDeclared,
): string {
  if (error instanceof KpiInputError) {
    return `${functionName}: ${renderMessage(language, error.code, error.params, name)}`;
  }
  const reason = error instanceof Error ? error.message : String(error);
  return `${functionName}: ${shorten(reason, 500)}`;
}
