/**
 * The "Exemples" / "Examples" tab: one row per custom function of the contract, with
 * its formula as text and the same formula live beside it, written against the
 * workbook's own columns (found with the add-on's detection, so any folder works; on
 * the French sample: affaires, campagnes, objectifs, ressenti).
 */
import { columnLetters, quoteSheetName } from '../emulator/a1';
import type { EmulatedSheet } from '../emulator/spreadsheet';
import type { Language } from '../src/core/context';
import { isDate } from '../src/core/values';
import { wallDateOf } from '../src/core/dates';
import { FUNCTIONS } from '../src/functions/registry';
import type { EntityGuess } from '../src/mapping/assignSheets';
import { detectWorkbook, type WorkbookDetection } from '../src/mapping/detect';
import type { EntityId } from '../src/mapping/fields';
import type { PlaygroundSession } from './session';

export const EXAMPLES_TAB: Record<Language, string> = { en: 'Examples', fr: 'Exemples' };

const TEXT = {
  en: {
    title: 'The add-on’s functions on this workbook',
    intro:
      'Each cell of column D is a live formula computed by dist/Code.js. Edit the data: the formulas that read it recompute.',
    problem: (where: string, value: string) =>
      `${where} holds ${value}: the functions that add it up show #ERROR! (hover for the reason). Type an amount there to see them recompute.`,
    headers: ['Function', 'KPI', 'Formula', 'Result'],
    missing: 'no matching column in this workbook',
    lessonTitle: 'Deliberate example: an amount cell holding “n/c”',
    lessonText: (cell: string) =>
      `The function says which argument, row and value it cannot read (hover #ERROR!). Type an amount in ${cell} instead of n/c: the result recomputes.`,
    lessonHeaders: ['Amount', 'Status'],
    lessonRows: [
      ['1200', 'Won'],
      ['n/c', 'Won'],
      ['800', 'Lost'],
    ],
    lessonName: 'REVENUE with n/c',
    lessonKpi: 'Revenue, one amount unreadable',
  },
  fr: {
    title: 'Les fonctions du module sur ce classeur',
    intro:
      'Chaque cellule de la colonne D est une vraie formule, calculée par dist/Code.js. Modifiez une donnée : les formules qui la lisent se recalculent.',
    problem: (where: string, value: string) =>
      `${where} contient ${value} : les fonctions qui l’additionnent affichent #ERROR! (survolez pour lire la raison). Saisissez un montant à la place pour les voir se recalculer.`,
    headers: ['Fonction', 'Indicateur', 'Formule', 'Résultat'],
    missing: 'aucune colonne correspondante dans ce classeur',
    lessonTitle: 'Exemple délibéré : une cellule de montant contient « n/c »',
    lessonText: (cell: string) =>
      `La fonction dit quel argument, quelle ligne et quelle valeur elle ne sait pas lire (survolez #ERROR!). Saisissez un montant en ${cell} à la place de n/c : le résultat se recalcule.`,
    lessonHeaders: ['Montant', 'Étape'],
    lessonRows: [
      ['1200', 'Gagné'],
      ['n/c', 'Gagné'],
      ['800', 'Perdu'],
    ],
    lessonName: 'REVENUE avec n/c',
    lessonKpi: 'Chiffre d’affaires, un montant illisible',
  },
};

type Format = 'percent' | 'money' | 'integer' | 'decimal' | 'score' | 'table';

/** Formats of the result cells, per function. */
const FORMATS: Record<string, Format> = {
  WIN_RATE: 'percent',
  CONVERSION_RATE: 'percent',
  RETENTION_RATE: 'percent',
  CHURN_RATE: 'percent',
  REPEAT_CUSTOMER_RATE: 'percent',
  MARGIN_RATE: 'percent',
  MARKUP_RATE: 'percent',
  QUOTA_ATTAINMENT: 'percent',
  GROWTH_RATE: 'percent',
  NPS: 'score',
  NEW_CUSTOMERS: 'integer',
  ACTIVE_CUSTOMERS: 'integer',
  REVENUE: 'money',
  AVERAGE_DEAL_SIZE: 'money',
  PIPELINE_VALUE: 'money',
  SALES_CYCLE_DAYS: 'decimal',
  SALES_VELOCITY: 'money',
  MARGIN: 'money',
  REVENUE_PER_REP: 'money',
  ROI: 'percent',
  CAC: 'money',
  CAMPAIGN_ROI: 'table',
  KPI_TABLE: 'table',
};

function numberFormat(format: Format, language: Language): string | undefined {
  switch (format) {
    case 'percent':
      return '0.0%';
    case 'money':
      return language === 'fr' ? '#,##0.00 [$€]' : '[$$]#,##0.00';
    case 'integer':
      return '0';
    case 'decimal':
      return '0.0';
    case 'score':
      return '0';
    default:
      return undefined;
  }
}

/** Column references and argument texts for the detected tables. */
class References {
  constructor(
    private readonly detection: WorkbookDetection,
    /** Between arguments, with a space after it: "; " or ", ". */
    readonly separator: string,
  ) {}

  entity(id: EntityId): EntityGuess | undefined {
    const guess = this.detection.entities[id];
    return guess && guess.missing.length === 0 ? guess : undefined;
  }

  /** `affaires!E2:E`: the field's column below the header row, open-ended. */
  column(id: EntityId, field: string): string | undefined {
    const guess = this.entity(id);
    const match = guess?.fields[field];
    if (!guess || !match) return undefined;
    const letters = columnLetters(match.column + 1);
    return `${quoteSheetName(guess.sheet)}!${letters}${guess.headerRow + 1}:${letters}`;
  }

  /** `objectifs!C8:C13`: rows of one field. */
  rows(id: EntityId, field: string, first: number, last: number): string | undefined {
    const guess = this.entity(id);
    const match = guess?.fields[field];
    if (!guess || !match) return undefined;
    const letters = columnLetters(match.column + 1);
    return `${quoteSheetName(guess.sheet)}!${letters}${first}:${letters}${last}`;
  }

  date(year: number, month: number, day: number): string {
    return `DATE(${[year, month, day].join(this.separator)})`;
  }

  /** `NAME(a; b)`, or undefined when an argument is missing (a trailing one may be). */
  call(name: string, ...args: (string | undefined)[]): string | undefined {
    const given = [...args];
    while (given.length > 0 && given[given.length - 1] === undefined) given.pop();
    if (given.some((arg) => arg === undefined)) return undefined;
    return `${name}(${given.join(this.separator)})`;
  }
}

/** The formulas, by function name, for this workbook (missing when a column is). */
function formulasFor(
  refs: References,
  detection: WorkbookDetection,
  sheets: readonly EmulatedSheet[],
  timeZone: string,
): Record<string, string | undefined> {
  const d = (field: string) => refs.column('deals', field);
  const status = d('status');
  const won = detection.status?.won[0];
  const wonLabel = won === undefined ? undefined : `"${won.replace(/"/g, '""')}"`;

  // Years of the close dates (created dates otherwise): first year and the next one.
  const years = closeYears(refs, sheets, timeZone);
  const first = years[0] ?? new Date().getFullYear();
  const next = years.includes(first + 1) ? first + 1 : first;
  const last = years[years.length - 1] ?? first;
  const period = (year: number) => [refs.date(year, 1, 1), refs.date(year, 12, 31)] as const;
  const dates = d('closed') ?? d('created');
  const customerArgs = (year: number) => [d('customer'), dates, ...period(year), status] as const;
  const revenue = refs.call('REVENUE', d('amount'), status);
  const growth = growthArgs(refs, sheets);
  const deals = refs.entity('deals');

  return {
    WIN_RATE: refs.call('WIN_RATE', status),
    CONVERSION_RATE: refs.call('CONVERSION_RATE', status, wonLabel),
    RETENTION_RATE: refs.call('RETENTION_RATE', ...customerArgs(next)),
    CHURN_RATE: refs.call('CHURN_RATE', ...customerArgs(next)),
    REPEAT_CUSTOMER_RATE: refs.call('REPEAT_CUSTOMER_RATE', d('customer'), status),
    MARGIN_RATE: refs.call('MARGIN_RATE', d('amount'), d('cost')),
    MARKUP_RATE: refs.call('MARKUP_RATE', d('amount'), d('cost')),
    QUOTA_ATTAINMENT: refs.call('QUOTA_ATTAINMENT', revenue, refs.column('targets', 'target')),
    GROWTH_RATE: growth ? refs.call('GROWTH_RATE', ...growth) : undefined,
    // NPS is defined on 0–10 scores: a 1–5 mood column (as in the samples) would read as
    // all detractors, so the example then shows the function on literal scores.
    NPS:
      detection.feedbackScale === '0-10'
        ? refs.call('NPS', refs.column('feedback', 'score'))
        : refs.call('NPS', '{10;9;7;3;10}'),
    NEW_CUSTOMERS: refs.call('NEW_CUSTOMERS', ...customerArgs(first)),
    ACTIVE_CUSTOMERS: refs.call('ACTIVE_CUSTOMERS', ...customerArgs(next)),
    REVENUE: revenue,
    AVERAGE_DEAL_SIZE: refs.call('AVERAGE_DEAL_SIZE', d('amount'), status),
    PIPELINE_VALUE: refs.call('PIPELINE_VALUE', d('amount'), status, d('probability')),
    SALES_CYCLE_DAYS: refs.call('SALES_CYCLE_DAYS', d('created'), d('closed'), status),
    SALES_VELOCITY: refs.call('SALES_VELOCITY', d('amount'), status, d('created'), d('closed')),
    MARGIN: refs.call('MARGIN', d('amount'), d('cost')),
    REVENUE_PER_REP: refs.call('REVENUE_PER_REP', d('amount'), d('rep'), status),
    ROI: refs.call('ROI', revenue, refs.column('campaigns', 'cost')),
    CAC: refs.call(
      'CAC',
      refs.column('campaigns', 'cost'),
      refs.call('NEW_CUSTOMERS', d('customer'), dates, period(first)[0], period(last)[1], status),
    ),
    CAMPAIGN_ROI: refs.call(
      'CAMPAIGN_ROI',
      d('source'),
      d('amount'),
      status,
      refs.column('campaigns', 'name'),
      refs.column('campaigns', 'cost'),
    ),
    KPI_TABLE: deals
      ? refs.call(
          'KPI_TABLE',
          `${quoteSheetName(deals.sheet)}!A${deals.headerRow}:${columnLetters(
            Math.max(...Object.values(deals.fields).map((f) => f.column + 1)),
          )}`,
        )
      : undefined,
  };
}

function sheetOf(sheets: readonly EmulatedSheet[], name: string): EmulatedSheet | undefined {
  return sheets.find((sheet) => sheet.name === name);
}

function closeYears(
  refs: References,
  sheets: readonly EmulatedSheet[],
  timeZone: string,
): number[] {
  const deals = refs.entity('deals');
  const field = deals?.fields.closed ?? deals?.fields.created;
  const sheet = deals && sheetOf(sheets, deals.sheet);
  if (!deals || !field || !sheet) return [];
  const years = new Set<number>();
  for (let row = deals.headerRow + 1; row <= sheet.lastRow(); row++) {
    const value = sheet.rawValueAt(row, field.column + 1);
    if (isDate(value)) years.add(wallDateOf(value.getTime(), timeZone).year);
  }
  return [...years].sort((a, b) => a - b);
}

/** This period's targets against the previous period's: the first two period blocks. */
function growthArgs(
  refs: References,
  sheets: readonly EmulatedSheet[],
): [string, string] | undefined {
  const targets = refs.entity('targets');
  const periodField = targets?.fields.period;
  const sheet = targets && sheetOf(sheets, targets.sheet);
  if (!targets || !periodField || !sheet) return undefined;
  const key = (row: number) => {
    const value = sheet.rawValueAt(row, periodField.column + 1);
    return isDate(value) ? value.toISOString() : String(value);
  };
  const start = targets.headerRow + 1;
  let end = start;
  while (end + 1 <= sheet.lastRow() && key(end + 1) === key(start)) end++;
  let secondEnd = end + 1;
  while (secondEnd + 1 <= sheet.lastRow() && key(secondEnd + 1) === key(end + 1)) secondEnd++;
  if (end + 1 > sheet.lastRow() || key(end + 1) === '') return undefined;
  const current = refs.rows('targets', 'target', end + 1, secondEnd);
  const previous = refs.rows('targets', 'target', start, end);
  return current && previous ? [current, previous] : undefined;
}

/** Rows a spilled table may need: header, one per campaign or rep, (none), Total. */
function tableRows(name: string, refs: References, sheets: readonly EmulatedSheet[]): number {
  const [entity, field, extra]: [EntityId, string, number] =
    name === 'CAMPAIGN_ROI' ? ['campaigns', 'name', 2] : ['deals', 'rep', 3];
  const guess = refs.entity(entity);
  const column = guess?.fields[field]?.column;
  const sheet = guess && sheetOf(sheets, guess.sheet);
  if (!guess || column === undefined || !sheet) return 1;
  const distinct = new Set<string>();
  for (let row = guess.headerRow + 1; row <= sheet.lastRow(); row++) {
    const value = sheet.rawValueAt(row, column + 1);
    if (value !== '') distinct.add(String(value).trim().toLowerCase());
  }
  return distinct.size + extra;
}

/** Adds the tab in first position and writes its rows; formulas compute afterwards. */
export function addExamplesTab(session: PlaygroundSession): void {
  const workbook = session.emulator.workbook;
  const language = session.language;
  const text = TEXT[language];
  const sheets = [...workbook.sheets];
  const detection = detectWorkbook(
    sheets.map((sheet) => ({ name: sheet.name, values: sheet.getDataRange().getValues() })),
    { locale: workbook.locale, timeZone: workbook.timeZone },
  );
  const refs = new References(detection, language === 'fr' ? '; ' : ', ');
  const formulas = formulasFor(refs, detection, sheets, workbook.timeZone);

  let name = EXAMPLES_TAB[language];
  for (let n = 2; sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()); n++) {
    name = `${EXAMPLES_TAB[language]} ${n}`;
  }
  const sheet = workbook.createSheet(name, 0);
  workbook.active = sheet;
  const bold = (row: number, column: number) => sheet.setStyle('fontWeight', row, column, 'bold');

  sheet.write(1, 1, text.title);
  bold(1, 1);
  sheet.setStyle('fontSize', 1, 1, 14);
  sheet.write(2, 1, text.intro);
  sheet.setStyle('fontStyle', 2, 1, 'italic');
  let row = 3;
  const problem = detection.problems.find((p) => p.reason === 'notANumber');
  if (problem) {
    const where = `${quoteSheetName(problem.sheet)}!${columnLetters(
      (detection.entities[problem.entity]?.fields[problem.field]?.column ?? 0) + 1,
    )}${problem.sheetRow}`;
    // Shown only while the cell still holds what cannot be read.
    const warning = text.problem(where, problem.value).replace(/"/g, '""');
    sheet.writeFormula(
      row,
      1,
      `=IF(ISNUMBER(${where})${refs.separator}""${refs.separator}"${warning}")`,
    );
    sheet.setStyle('fontColor', row, 1, '#b3261e');
    row++;
  }
  row++;
  text.headers.forEach((header, i) => {
    sheet.write(row, i + 1, header);
    bold(row, i + 1);
    sheet.setStyle('background', row, i + 1, '#e8eaed');
  });
  sheet.setFrozenRows(row);
  row++;

  for (const definition of FUNCTIONS) {
    const formula = formulas[definition.name];
    sheet.write(row, 1, definition.name);
    bold(row, 1);
    sheet.write(row, 2, definition.title[language]);
    if (formula === undefined) {
      sheet.write(row, 3, `— ${text.missing}`);
      sheet.setStyle('fontColor', row, 3, '#80868b');
      row++;
      continue;
    }
    // A leading apostrophe keeps the text a text, as typed in Sheets.
    sheet.write(row, 3, `'=${formula}`);
    sheet.setStyle('fontFamily', row, 3, 'Roboto Mono');
    sheet.writeFormula(row, 4, `=${formula}`);
    const format = numberFormat(FORMATS[definition.name] ?? 'decimal', language);
    if (format) sheet.setStyle('numberFormat', row, 4, format);
    if (FORMATS[definition.name] === 'table') {
      // A table spills down from its cell: the next example goes below it, with room
      // for the table to grow once an error in the data is fixed.
      session.engine.evaluateAll();
      const reserved = tableRows(definition.name, refs, sheets);
      row += Math.max(session.engine.spillHeight(sheet, row, 4), reserved) + 1;
    } else {
      row++;
    }
  }
  addLesson(sheet, row + 1, refs.separator, language);
  // Narrow enough for the Result column to stay in sight beside the 300 px sidebar.
  sheet.setColumnWidth(1, 190);
  sheet.setColumnWidth(2, 210);
  sheet.setColumnWidth(3, 380);
  sheet.setColumnWidth(4, 130);
}

/**
 * What a value the functions cannot read does, on a small table of its own: the rows
 * above, on the workbook's data, stay healthy.
 */
function addLesson(
  sheet: EmulatedSheet,
  first: number,
  separator: string,
  language: Language,
): void {
  const text = TEXT[language];
  let row = first;
  sheet.write(row, 1, text.lessonTitle);
  sheet.setStyle('fontWeight', row, 1, 'bold');
  sheet.setStyle('fontColor', row, 1, '#b3261e');
  row++;
  const dataRow = row + 2;
  sheet.write(row, 1, text.lessonText(`A${dataRow + 1}`));
  sheet.setStyle('fontStyle', row, 1, 'italic');
  row++;
  text.lessonHeaders.forEach((header, i) => {
    sheet.write(row, i + 1, header);
    sheet.setStyle('fontWeight', row, i + 1, 'bold');
    sheet.setStyle('background', row, i + 1, '#e8eaed');
  });
  row++;
  for (const [amount, status] of text.lessonRows) {
    sheet.write(row, 1, amount);
    sheet.write(row, 2, status);
    row++;
  }
  const formula = `REVENUE(A${dataRow}:A${row - 1}${separator}B${dataRow}:B${row - 1})`;
  sheet.write(row, 1, text.lessonName);
  sheet.setStyle('fontWeight', row, 1, 'bold');
  sheet.write(row, 2, text.lessonKpi);
  sheet.write(row, 3, `'=${formula}`);
  sheet.setStyle('fontFamily', row, 3, 'Roboto Mono');
  sheet.writeFormula(row, 4, `=${formula}`);
  sheet.setStyle('numberFormat', row, 4, numberFormat('money', language)!);
}
