import type { SheetContext } from '../core/context';
import { decimalSeparatorOf } from '../core/context';
import { Parsers } from '../core/args';
import { NOT_A_DATE, parseDate } from '../core/dates';
import { normalizeLabel } from '../core/labels';
import { NOT_A_NUMBER, parseNumber } from '../core/numbers';
import { DEFAULT_LOST_LABELS, DEFAULT_WON_LABELS } from '../core/status';
import { describeValue, isBlank, isDate } from '../core/values';
import type { EntityId, EntitySpec, FieldSpec, FieldType } from './fields';
import { activityTypeOf, ENTITIES, headerKey, synonymKeys } from './fields';
import type { EntityMapping, FeedbackScale, Mapping, MappingSettings } from './schema';
import { DEFAULT_SETTINGS, MAPPING_VERSION } from './schema';

/**
 * Guesses which sheet holds which entity and which column holds which field, from the
 * header texts first and a sample of the values second. Pure: the sidebar passes the
 * sheets' values (typed as getValues gives them, or all text) and shows the result for
 * the user to correct.
 */

export interface SheetValues {
  readonly name: string;
  readonly values: readonly (readonly unknown[])[];
}

/** How a field was matched: exact synonym, synonym inside the header, or values only. */
export type MatchLevel = 'exact' | 'contains' | 'type';

export interface FieldMatch {
  /** 0-based column index. */
  readonly column: number;
  /** The header text as written in the sheet (trimmed). */
  readonly header: string;
  readonly level: MatchLevel;
  /** 0–1: the level's weight times how well sampled values fit the field's type. */
  readonly confidence: number;
}

export interface EntityGuess {
  readonly entity: EntityId;
  readonly sheet: string;
  /** 1-based sheet row of the header row. */
  readonly headerRow: number;
  readonly fields: Readonly<Record<string, FieldMatch>>;
  /** Required fields not found: the guess is incomplete unless this is empty. */
  readonly missing: readonly string[];
  /** The sheet name is one of the entity's sheet synonyms. */
  readonly sheetNameMatch: boolean;
  readonly score: number;
}

export interface StatusProposal {
  readonly won: string[];
  readonly lost: string[];
  readonly open: string[];
  /** Open stages in funnel order, then won, then lost. */
  readonly stageOrder: string[];
  /** Rows per status (display label). */
  readonly counts: Readonly<Record<string, number>>;
}

export type ProblemReason =
  'notANumber' | 'notADate' | 'notAProbability' | 'notAPeriod' | 'scoreOutOfRange';

export interface PreviewProblem {
  readonly entity: EntityId;
  readonly sheet: string;
  readonly field: string;
  readonly header: string;
  /** 1-based sheet row. */
  readonly sheetRow: number;
  /** The value as quoted in messages, e.g. `"n/c"`. */
  readonly value: string;
  readonly reason: ProblemReason;
}

export interface WorkbookDetection {
  readonly entities: Partial<Record<EntityId, EntityGuess>>;
  readonly status?: StatusProposal;
  readonly feedbackScale?: FeedbackScale;
  /** Unparseable values in the sampled rows of the mapped sheets. */
  readonly problems: readonly PreviewProblem[];
  readonly unusedSheets: readonly string[];
}

/** Rows read per sheet to find the header and type the columns. */
export const SAMPLE_ROWS = 200;
/** Rows scanned below a header to find the header row itself. */
const HEADER_SCAN_ROWS = 30;
/** Rows read in full for status values and the feedback scale. */
const FULL_SCAN_ROWS = 50000;

// ——— Synonym tables, built once ———

interface FieldKeys {
  readonly spec: FieldSpec;
  readonly keys: ReadonlySet<string>;
  readonly list: readonly string[];
}
let fieldKeysCache: Map<EntityId, FieldKeys[]> | undefined;
let anyHeaderKeys: Set<string> | undefined;

function fieldKeys(entity: EntityId): FieldKeys[] {
  if (!fieldKeysCache) {
    fieldKeysCache = new Map();
    anyHeaderKeys = new Set();
    for (const spec of ENTITIES) {
      fieldKeysCache.set(
        spec.id,
        spec.fields.map((f) => {
          const list = synonymKeys(f.synonyms);
          list.forEach((k) => anyHeaderKeys!.add(k));
          return { spec: f, keys: new Set(list), list };
        }),
      );
    }
  }
  return fieldKeysCache.get(entity)!;
}

function allHeaderKeys(): Set<string> {
  if (!anyHeaderKeys) fieldKeys('deals');
  return anyHeaderKeys!;
}

/** Short synonyms ("ca", "n", "id") only match a whole header, never inside one. */
const MIN_CONTAINED = 3;

function containsWords(haystack: string, needle: string): boolean {
  return (' ' + haystack + ' ').includes(' ' + needle + ' ');
}

/** The longest synonym found inside a header key, or 0. */
function containedLength(key: string, synonyms: readonly string[]): number {
  let best = 0;
  for (const s of synonyms) {
    if (s.length >= MIN_CONTAINED && s.length > best && containsWords(key, s)) best = s.length;
  }
  return best;
}

// ——— Value profiles ———

type ValueKind = 'text' | 'number' | 'date' | 'period' | 'other';

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
  const text = value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
  return PERIOD_PATTERNS.some((p) => p.test(text));
}

function kindOf(value: unknown, readers: Parsers): ValueKind {
  if (isDate(value)) return 'date';
  if (typeof value === 'number') return Number.isFinite(value) ? 'number' : 'other';
  if (typeof value !== 'string') return 'other';
  const parsedDate = parseDate(value, readers.monthFirst, readers.timeZone);
  if (parsedDate !== NOT_A_DATE && parsedDate !== null) return 'date';
  if (parseNumber(value, readers.decimal) !== NOT_A_NUMBER) return 'number';
  if (looksLikePeriod(value)) return 'period';
  return 'text';
}

interface ColumnProfile {
  total: number;
  text: number;
  number: number;
  date: number;
  period: number;
  /** Numbers within 0–100 (a probability, as a fraction or a percentage). */
  percentish: number;
  /** Numbers that look like a year (period columns typed as 2024). */
  yearish: number;
  /** Text values that are default won/lost statuses. */
  statusHits: number;
  /** Text values that are known activity types. */
  activityHits: number;
}

const DEFAULT_STATUS = new Set([...DEFAULT_WON_LABELS, ...DEFAULT_LOST_LABELS]);

function profileColumn(
  values: readonly (readonly unknown[])[],
  rows: readonly number[],
  column: number,
  readers: Parsers,
): ColumnProfile {
  const p: ColumnProfile = {
    total: 0,
    text: 0,
    number: 0,
    date: 0,
    period: 0,
    percentish: 0,
    yearish: 0,
    statusHits: 0,
    activityHits: 0,
  };
  for (const row of rows) {
    const value = values[row][column];
    if (isBlank(value)) continue;
    p.total++;
    const kind = kindOf(value, readers);
    if (kind === 'other') continue;
    p[kind]++;
    if (kind === 'number') {
      const n = parseNumber(value, readers.decimal) as number;
      if (n >= 0 && n <= 100) p.percentish++;
      if (Number.isInteger(n) && n >= 1900 && n <= 2100) p.yearish++;
    } else if (kind === 'text') {
      if (DEFAULT_STATUS.has(normalizeLabel(value))) p.statusHits++;
      if (activityTypeOf(value) !== undefined) p.activityHits++;
    }
  }
  return p;
}

/** Share of sampled values that fit a field type (1 when there is nothing to judge). */
function typeFit(p: ColumnProfile, type: FieldType): number {
  if (p.total === 0) return 1;
  switch (type) {
    case 'money':
    case 'number':
      return p.number / p.total;
    case 'fraction':
      return p.percentish / p.total;
    case 'date':
      return p.date / p.total;
    case 'period':
      return (p.date + p.period + p.yearish) / p.total;
    default:
      return (p.text + p.period) / p.total;
  }
}

/** Sampled values that contradict the type: a column of dates is not an amount. */
function contradicts(p: ColumnProfile, type: FieldType): boolean {
  if (p.total < 3) return false;
  if (type === 'text' || type === 'label') return p.date / p.total >= 0.8;
  return typeFit(p, type) < 0.5;
}

// ——— Header row ———

function rowIsBlank(row: readonly unknown[] | undefined): boolean {
  if (!row) return true;
  for (const cell of row) if (!isBlank(cell)) return false;
  return true;
}

/**
 * The 0-based index of the header row: among the first rows, the one whose cells match
 * the most known header synonyms (first such row on a tie); without any match, the first
 * row with two text cells or more; -1 for a sheet with no text row at all.
 */
export function findHeaderRow(values: readonly (readonly unknown[])[]): number {
  const known = allHeaderKeys();
  let best = -1;
  let bestScore = 0;
  let fallback = -1;
  const limit = Math.min(values.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const row = values[r];
    let texts = 0;
    let score = 0;
    for (const cell of row) {
      if (typeof cell !== 'string' || cell.trim() === '') continue;
      texts++;
      const key = headerKey(cell);
      if (known.has(key)) score += 2;
      else if (key.length >= MIN_CONTAINED && containsKnown(key, known)) score += 1;
    }
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
    if (fallback < 0 && texts >= 2) fallback = r;
  }
  return best >= 0 ? best : fallback;
}

function containsKnown(key: string, known: Set<string>): boolean {
  const words = key.split(' ');
  // Every contiguous run of words of the header, tried as a synonym.
  for (let i = 0; i < words.length; i++) {
    let run = '';
    for (let j = i; j < words.length; j++) {
      run = j === i ? words[i] : run + ' ' + words[j];
      if (run.length >= MIN_CONTAINED && run !== key && known.has(run)) return true;
    }
  }
  return false;
}

/** Indexes of the first `limit` non-blank rows below the header. */
function sampleRows(values: readonly (readonly unknown[])[], headerIndex: number, limit: number) {
  const rows: number[] = [];
  for (let r = headerIndex + 1; r < values.length && rows.length < limit; r++) {
    if (!rowIsBlank(values[r])) rows.push(r);
  }
  return rows;
}

// ——— Field matching ———

const LEVEL_WEIGHT: Record<MatchLevel, number> = { exact: 1, contains: 0.75, type: 0.5 };

function confidenceOf(level: MatchLevel, fit: number, type: FieldType): number {
  const typed = type === 'text' || type === 'label' ? 1 : 0.5 + 0.5 * fit;
  return Math.round(LEVEL_WEIGHT[level] * typed * 100) / 100;
}

export interface SheetAnalysis {
  readonly name: string;
  /** 0-based, -1 when the sheet has no header row. */
  readonly headerIndex: number;
  readonly headers: readonly string[];
  readonly sampleRows: readonly number[];
  readonly profiles: readonly ColumnProfile[];
}

/**
 * Header row, header texts, sampled rows and per-column value profiles of one sheet.
 * `headerIndex` (0-based) skips the search when the caller knows the header row.
 */
export function analyzeSheet(
  sheet: SheetValues,
  context: SheetContext,
  headerIndex = findHeaderRow(sheet.values),
): SheetAnalysis {
  const readers = new Parsers(context);
  if (headerIndex < 0) {
    return { name: sheet.name, headerIndex, headers: [], sampleRows: [], profiles: [] };
  }
  const headerCells = sheet.values[headerIndex];
  const headers = headerCells.map((h) => (isBlank(h) ? '' : String(h).trim()));
  const rows = sampleRows(sheet.values, headerIndex, SAMPLE_ROWS);
  const profiles = headers.map((_, c) => profileColumn(sheet.values, rows, c, readers));
  return { name: sheet.name, headerIndex, headers, sampleRows: rows, profiles };
}

export interface MatchOptions {
  /**
   * Headers decide alone (KPI_TABLE): values only rank candidates, never veto a header
   * nor stand in for a missing one, so a bad value is reported by its row, not as a
   * missing column.
   */
  readonly byHeaderOnly?: boolean;
}

/**
 * Matches a sheet's columns to an entity's fields. Each column serves one field and
 * each field one column, best candidates first: exact synonym over containment, then
 * the better fit of the sampled values, then the longer synonym, then the leftmost
 * column. Required fields still missing are then guessed from values alone when exactly
 * one free column fits (a status column holding won/lost labels, the only date column…).
 */
export function matchFields(
  analysis: SheetAnalysis,
  entity: EntityId,
  options: MatchOptions = {},
): { fields: Record<string, FieldMatch>; missing: string[] } {
  const byHeaderOnly = options.byHeaderOnly ?? false;
  const keys = fieldKeys(entity);
  const headerKeys = analysis.headers.map(headerKey);
  interface Candidate {
    field: FieldKeys;
    fieldOrder: number;
    column: number;
    level: MatchLevel;
    fit: number;
    length: number;
  }
  const candidates: Candidate[] = [];
  keys.forEach((field, fieldOrder) => {
    headerKeys.forEach((key, column) => {
      if (key === '') return;
      const exact = field.keys.has(key);
      const length = exact ? key.length : containedLength(key, field.list);
      if (length === 0) return;
      const level: MatchLevel = exact ? 'exact' : 'contains';
      const profile = analysis.profiles[column];
      if (!byHeaderOnly && contradicts(profile, field.spec.type)) return;
      candidates.push({
        field,
        fieldOrder,
        column,
        level,
        fit: typeFit(profile, field.spec.type),
        length,
      });
    });
  });
  const levelRank = (l: MatchLevel) => (l === 'exact' ? 2 : 1);
  candidates.sort(
    (a, b) =>
      levelRank(b.level) + b.fit - (levelRank(a.level) + a.fit) ||
      b.length - a.length ||
      a.column - b.column ||
      a.fieldOrder - b.fieldOrder,
  );
  const fields: Record<string, FieldMatch> = {};
  const used = new Set<number>();
  for (const c of candidates) {
    if (fields[c.field.spec.id] || used.has(c.column)) continue;
    fields[c.field.spec.id] = {
      column: c.column,
      header: analysis.headers[c.column],
      level: c.level,
      confidence: confidenceOf(c.level, c.fit, c.field.spec.type),
    };
    used.add(c.column);
  }
  const missing: string[] = [];
  for (const { spec } of keys) {
    if (!spec.required || fields[spec.id]) continue;
    const column = byHeaderOnly ? -1 : guessByValues(analysis, spec, used);
    if (column < 0) {
      missing.push(spec.id);
      continue;
    }
    used.add(column);
    fields[spec.id] = {
      column,
      header: analysis.headers[column],
      level: 'type',
      confidence: confidenceOf('type', typeFit(analysis.profiles[column], spec.type), spec.type),
    };
  }
  // Field order of data-model.md, whatever order the matches were made in.
  const ordered: Record<string, FieldMatch> = {};
  for (const { spec } of keys) if (fields[spec.id]) ordered[spec.id] = fields[spec.id];
  return { fields: ordered, missing };
}

/** The only free column whose values fit a required field, or -1. */
function guessByValues(analysis: SheetAnalysis, spec: FieldSpec, used: Set<number>): number {
  const known = allHeaderKeys();
  const fits: number[] = [];
  analysis.profiles.forEach((p, column) => {
    if (used.has(column) || p.total < 3) return;
    let ok: boolean;
    // Won/lost labels and activity types speak for themselves, whatever the header.
    if (spec.type === 'label' && spec.id === 'status') ok = p.statusHits / p.total >= 0.3;
    else if (spec.type === 'label' && spec.id === 'type') ok = p.activityHits / p.total >= 0.5;
    else if (spec.type === 'text' || spec.type === 'label')
      ok = false; // names are anyone's
    // A number or a date is anyone's too, unless its header names no other field.
    else if (known.has(headerKey(analysis.headers[column]))) ok = false;
    else ok = typeFit(p, spec.type) >= 0.9;
    if (ok) fits.push(column);
  });
  return fits.length === 1 ? fits[0] : -1;
}

// ——— Sheets → entities ———

function sheetNameScore(name: string, spec: EntitySpec): number {
  const key = headerKey(name);
  const synonyms = synonymKeys(spec.sheetSynonyms);
  if (synonyms.includes(key)) return 2;
  return synonyms.some((s) => s.length >= 4 && containsWords(key, s)) ? 1 : 0;
}

const FIELD_POINTS: Record<MatchLevel, number> = { exact: 3, contains: 2, type: 1 };

function guessEntity(analysis: SheetAnalysis, spec: EntitySpec): EntityGuess {
  const { fields, missing } = matchFields(analysis, spec.id);
  const nameScore = sheetNameScore(analysis.name, spec);
  let points = 0;
  for (const id of Object.keys(fields)) points += FIELD_POINTS[fields[id].level];
  const coverage = Object.keys(fields).length / spec.fields.length;
  return {
    entity: spec.id,
    sheet: analysis.name,
    headerRow: analysis.headerIndex + 1,
    fields,
    missing,
    sheetNameMatch: nameScore === 2,
    score: nameScore * 100 + points + coverage * 10,
  };
}

/**
 * The whole detection: each sheet used for at most one entity, best scores first (a
 * sheet named like the entity scores far above one that merely has matching columns).
 * A complete guess needs every required field; a sheet named exactly like an entity is
 * still proposed when incomplete, so the sidebar can say what is missing.
 */
export function detectWorkbook(
  sheets: readonly SheetValues[],
  context: SheetContext,
): WorkbookDetection {
  const analyses = sheets.map((s) => analyzeSheet(s, context));
  const guesses: { guess: EntityGuess; sheetIndex: number }[] = [];
  analyses.forEach((analysis, sheetIndex) => {
    if (analysis.headerIndex < 0) return;
    for (const spec of ENTITIES) {
      const guess = guessEntity(analysis, spec);
      if (guess.missing.length === 0 || guess.sheetNameMatch) guesses.push({ guess, sheetIndex });
    }
  });
  const complete = (g: EntityGuess) => (g.missing.length === 0 ? 1 : 0);
  guesses.sort(
    (a, b) =>
      complete(b.guess) - complete(a.guess) ||
      b.guess.score - a.guess.score ||
      a.sheetIndex - b.sheetIndex,
  );
  const entities: Partial<Record<EntityId, EntityGuess>> = {};
  const usedSheets = new Set<number>();
  for (const { guess, sheetIndex } of guesses) {
    if (entities[guess.entity] || usedSheets.has(sheetIndex)) continue;
    entities[guess.entity] = guess;
    usedSheets.add(sheetIndex);
  }
  const bySheet = new Map(sheets.map((s, i) => [s.name, { sheet: s, analysis: analyses[i] }]));
  const readers = new Parsers(context);

  let status: StatusProposal | undefined;
  const deals = entities.deals;
  if (deals?.fields.status) {
    const { sheet } = bySheet.get(deals.sheet)!;
    const statusCol = deals.fields.status.column;
    const probCol = deals.fields.probability?.column;
    const statuses: unknown[] = [];
    const probabilities: (number | null)[] = [];
    const end = Math.min(sheet.values.length, deals.headerRow + FULL_SCAN_ROWS);
    for (let r = deals.headerRow; r < end; r++) {
      const row = sheet.values[r];
      statuses.push(row[statusCol]);
      probabilities.push(probCol === undefined ? null : readProbability(row[probCol], readers));
    }
    status = proposeStatuses(statuses, probCol === undefined ? undefined : probabilities);
  }

  let feedbackScale: FeedbackScale | undefined;
  const feedback = entities.feedback;
  if (feedback?.fields.score) {
    const { sheet } = bySheet.get(feedback.sheet)!;
    const col = feedback.fields.score.column;
    const end = Math.min(sheet.values.length, feedback.headerRow + FULL_SCAN_ROWS);
    const scores: unknown[] = [];
    for (let r = feedback.headerRow; r < end; r++) scores.push(sheet.values[r][col]);
    feedbackScale = detectScoreScale(scores, context) ?? '1-5';
  }

  const problems: PreviewProblem[] = [];
  for (const guess of Object.values(entities)) {
    if (!guess) continue;
    const { sheet, analysis } = bySheet.get(guess.sheet)!;
    problems.push(...previewProblems(guess, sheet, analysis.sampleRows, readers));
  }

  const unusedSheets = sheets.filter((_, i) => !usedSheets.has(i)).map((s) => s.name);
  return { entities, status, feedbackScale, problems, unusedSheets };
}

// ——— Statuses ———

/** Word stems of open stages, in the order deals usually go through them. */
const STAGE_KEYWORDS: readonly (readonly string[])[] = [
  [
    'prospect',
    'lead',
    'new',
    'nouveau',
    'nouvelle',
    'suspect',
    'identif',
    'contact',
    'cold',
    'inbound',
    'a qualifier',
    'premier contact',
  ],
  ['appointment', 'rendez vous', 'rdv', 'meeting', 'call scheduled'],
  ['qualif', 'discovery', 'decouverte', 'needs', 'besoin', 'analys', 'interest', 'interess'],
  ['demo', 'presentation', 'solution', 'evaluation', 'trial', 'essai', 'poc', 'pilot', 'pilote'],
  [
    'proposal',
    'proposition',
    'quote',
    'quotation',
    'devis',
    'offre',
    'offer',
    'chiffrage',
    'estimate',
  ],
  ['decision', 'validation', 'review', 'approval', 'short list', 'shortlist'],
  [
    'negotiation',
    'negociation',
    'contract',
    'contrat',
    'commit',
    'closing',
    'verbal',
    'accord',
    'engagement',
    'signature',
  ],
];

/**
 * The typical position of a stage label, or -1: the rank of the longest stem it holds
 * (so "À qualifier" is a first step although it contains "qualif").
 */
export function stageRank(label: string): number {
  const key = headerKey(label);
  const words = key.split(' ');
  let rank = -1;
  let longest = 0;
  STAGE_KEYWORDS.forEach((stems, index) => {
    for (const stem of stems) {
      const hit = stem.includes(' ')
        ? containsWords(key, stem)
        : words.some((w) => w.startsWith(stem));
      if (hit && stem.length > longest) {
        rank = index;
        longest = stem.length;
      }
    }
  });
  return rank;
}

// Words that make a status won or lost wherever they stand in it ("Closed Won – paid").
const singleWords = (labels: readonly string[]) => labels.filter((label) => !label.includes(' '));
const WON_WORDS = singleWords(DEFAULT_WON_LABELS);
const LOST_WORDS = [...singleWords(DEFAULT_LOST_LABELS), 'cancelled', 'canceled', 'rejected'];
const DEFAULT_WON = new Set(DEFAULT_WON_LABELS);
const DEFAULT_LOST = new Set(DEFAULT_LOST_LABELS);

function statusClassOf(key: string): 'won' | 'lost' | 'open' {
  if (DEFAULT_WON.has(key)) return 'won';
  if (DEFAULT_LOST.has(key)) return 'lost';
  const words = headerKey(key).split(' ');
  if (words.some((w) => WON_WORDS.includes(w))) return 'won';
  if (words.some((w) => LOST_WORDS.includes(w))) return 'lost';
  return 'open';
}

/**
 * Won/lost sets and a stage order from a status column's values (and probabilities,
 * same rows, when there is such a column). Each status shows as its most frequent
 * spelling. Won and lost come from the default sets of functions.md (plus labels
 * containing one of their words, "Closed Won - paid"). Open stages are ordered by the
 * typical stage keywords when every one has one; else by mean probability when every
 * one has one; else keyword stages first, then the rest in order of first appearance.
 */
export function proposeStatuses(
  statuses: readonly unknown[],
  probabilities?: readonly (number | null)[],
): StatusProposal {
  interface Entry {
    key: string;
    first: number;
    count: number;
    spellings: Map<string, number>;
    probSum: number;
    probCount: number;
  }
  const entries = new Map<string, Entry>();
  statuses.forEach((raw, row) => {
    if (isBlank(raw)) return;
    const key = normalizeLabel(raw);
    let entry = entries.get(key);
    if (!entry) {
      entry = { key, first: row, count: 0, spellings: new Map(), probSum: 0, probCount: 0 };
      entries.set(key, entry);
    }
    entry.count++;
    const spelling = String(raw).trim();
    entry.spellings.set(spelling, (entry.spellings.get(spelling) ?? 0) + 1);
    const p = probabilities?.[row];
    if (p !== null && p !== undefined && !Number.isNaN(p)) {
      entry.probSum += p;
      entry.probCount++;
    }
  });
  const display = (e: Entry) => {
    let best = '';
    let bestCount = 0;
    for (const [spelling, count] of e.spellings) {
      if (count > bestCount) {
        best = spelling;
        bestCount = count;
      }
    }
    return best;
  };
  const all = [...entries.values()];
  const won = all.filter((e) => statusClassOf(e.key) === 'won');
  const lost = all.filter((e) => statusClassOf(e.key) === 'lost');
  const open = all.filter((e) => statusClassOf(e.key) === 'open');
  const ranks = new Map(open.map((e) => [e, stageRank(e.key)]));
  const byFirst = (a: Entry, b: Entry) => a.first - b.first;
  if (open.every((e) => ranks.get(e)! >= 0)) {
    open.sort((a, b) => ranks.get(a)! - ranks.get(b)! || byFirst(a, b));
  } else if (probabilities && open.every((e) => e.probCount > 0)) {
    const mean = (e: Entry) => e.probSum / e.probCount;
    open.sort((a, b) => mean(a) - mean(b) || ranks.get(a)! - ranks.get(b)! || byFirst(a, b));
  } else {
    const rankKey = (e: Entry) => (ranks.get(e)! >= 0 ? ranks.get(e)! : Infinity);
    open.sort((a, b) => rankKey(a) - rankKey(b) || byFirst(a, b));
  }
  won.sort(byFirst);
  lost.sort(byFirst);
  const counts: Record<string, number> = {};
  for (const e of all) counts[display(e)] = e.count;
  return {
    won: won.map(display),
    lost: lost.map(display),
    open: open.map(display),
    stageOrder: [...open, ...won, ...lost].map(display),
    counts,
  };
}

// ——— Feedback scale ———

/**
 * '0-10' when a score above 5 appears, '1-5' when every score is within 1–5; undefined
 * when there is no numeric score or one is outside 0–10.
 */
export function detectScoreScale(
  values: readonly unknown[],
  context: SheetContext,
): FeedbackScale | undefined {
  const decimal = decimalSeparatorOf(context.locale);
  let max = -Infinity;
  let min = Infinity;
  for (const value of values) {
    const n = parseNumber(value, decimal);
    if (n === null || n === NOT_A_NUMBER) continue;
    if (n > max) max = n;
    if (n < min) min = n;
  }
  if (max === -Infinity || min < 0 || max > 10) return undefined;
  return max > 5 ? '0-10' : '1-5';
}

// ——— Preview problems ———

/** Contract reading of a probability (PIPELINE_VALUE): 0–1, (1, 100] as %, or "40%". */
function readProbability(value: unknown, readers: Parsers): number | null {
  const n = parseNumber(value, readers.decimal);
  if (n === null || n === NOT_A_NUMBER) return null;
  if (n >= 0 && n <= 1) return n;
  if (n > 1 && n <= 100 && !(typeof value === 'string' && value.trim().endsWith('%'))) {
    return n / 100;
  }
  return null;
}

function checkValue(
  type: FieldType,
  fieldId: string,
  value: unknown,
  readers: Parsers,
): ProblemReason | undefined {
  switch (type) {
    case 'money':
    case 'number': {
      const n = parseNumber(value, readers.decimal);
      if (n === NOT_A_NUMBER) return 'notANumber';
      if (fieldId === 'score' && n !== null && (n < 0 || n > 10)) return 'scoreOutOfRange';
      return undefined;
    }
    case 'fraction':
      return readProbability(value, readers) === null ? 'notAProbability' : undefined;
    case 'date':
      return parseDate(value, readers.monthFirst, readers.timeZone) === NOT_A_DATE
        ? 'notADate'
        : undefined;
    case 'period':
      return kindOf(value, readers) === 'date' || looksLikePeriod(value) ? undefined : 'notAPeriod';
    default:
      return undefined;
  }
}

function previewProblems(
  guess: EntityGuess,
  sheet: SheetValues,
  rows: readonly number[],
  readers: Parsers,
): PreviewProblem[] {
  const spec = ENTITIES.find((e) => e.id === guess.entity)!;
  const problems: PreviewProblem[] = [];
  for (const row of rows) {
    for (const field of spec.fields) {
      const match = guess.fields[field.id];
      if (!match) continue;
      const value = sheet.values[row][match.column];
      if (isBlank(value)) continue;
      const reason = checkValue(field.type, field.id, value, readers);
      if (reason) {
        problems.push({
          entity: guess.entity,
          sheet: sheet.name,
          field: field.id,
          header: match.header,
          sheetRow: row + 1,
          value: describeValue(value),
          reason,
        });
      }
    }
  }
  return problems;
}

// ——— Detection → saved mapping ———

function toEntityMapping(guess: EntityGuess): EntityMapping {
  const fields: EntityMapping['fields'] = {};
  for (const [id, match] of Object.entries(guess.fields)) {
    fields[id] = { header: match.header, index: match.column };
  }
  return { sheet: guess.sheet, headerRow: guess.headerRow, fields };
}

/**
 * The mapping the sidebar proposes: complete guesses only. Undefined when deals are not
 * fully detected (the user must map them by hand).
 */
export function mappingFromDetection(
  detection: WorkbookDetection,
  settings: MappingSettings = DEFAULT_SETTINGS,
): Mapping | undefined {
  const deals = detection.entities.deals;
  if (!deals || deals.missing.length > 0) return undefined;
  const entities: Mapping['entities'] = { deals: toEntityMapping(deals) };
  for (const id of ['activities', 'campaigns', 'targets', 'feedback'] as const) {
    const guess = detection.entities[id];
    if (guess && guess.missing.length === 0) entities[id] = toEntityMapping(guess);
  }
  const status = detection.status ?? { won: [], lost: [], open: [], stageOrder: [] };
  return {
    version: MAPPING_VERSION,
    entities,
    status: {
      won: [...status.won],
      lost: [...status.lost],
      open: [...status.open],
      stageOrder: [...status.stageOrder],
    },
    ...(entities.feedback ? { feedbackScale: detection.feedbackScale ?? '1-5' } : {}),
    settings: { ...settings },
  };
}
