import type { SheetAnalysis } from './analyzeSheet';
import type { ColumnProfile } from './columnProfile';
import { contradicts, typeFit } from './columnProfile';
import type { EntityId, FieldSpec, FieldType } from './fields';
import { headerForms, headerKey, missingRequired } from './fields';
import type { FieldKeys } from './synonyms';
import { allHeaderKeys, containedLength, containsWords, fieldKeys } from './synonyms';

/** Which column of a sheet holds which field of an entity, by header then by values. */

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
  /**
   * Other headers that matched the field as well, when this one was preferred by its
   * meaning (an engage date over a created date): the sidebar shows the choice.
   */
  readonly over?: readonly string[];
}

export interface MatchOptions {
  /**
   * Headers decide alone (KPI_TABLE): values only rank candidates, never veto a header
   * nor stand in for a missing one, so a bad value is reported by its row, not as a
   * missing column.
   */
  readonly byHeaderOnly?: boolean;
}

const LEVEL_WEIGHT: Record<MatchLevel, number> = { exact: 1, contains: 0.75, type: 0.5 };

function confidenceOf(level: MatchLevel, fit: number, type: FieldType): number {
  const typed = type === 'text' || type === 'label' ? 1 : 0.5 + 0.5 * fit;
  return Math.round(LEVEL_WEIGHT[level] * typed * 100) / 100;
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
  const forms = analysis.headers.map(headerForms);
  interface Candidate {
    field: FieldKeys;
    fieldOrder: number;
    column: number;
    level: MatchLevel;
    fit: number;
    length: number;
    /** Matched by the header without its export prefix or note. */
    stripped: boolean;
    preferred: boolean;
  }
  const candidates: Candidate[] = [];
  keys.forEach((field, fieldOrder) => {
    forms.forEach((headerForms, column) => {
      const key = headerForms[0];
      if (key === '' || neverAField(key)) return;
      if (field.excluded.some((word) => containsWords(key, word))) return;
      let formIndex = headerForms.findIndex((form) => field.keys.has(form));
      const exact = formIndex >= 0;
      let length = 0;
      if (exact) length = headerForms[formIndex].length;
      else if (field.spec.type !== 'flag') {
        // Flags are matched by their exact names only: "lost reason" is no lost flag.
        for (let i = 0; i < headerForms.length && length === 0; i++) {
          length = containedLength(headerForms[i], field.list);
          formIndex = i;
        }
      }
      if (length === 0) return;
      const level: MatchLevel = exact ? 'exact' : 'contains';
      const profile = analysis.profiles[column];
      if (!byHeaderOnly && contradicts(profile, field.spec.type)) return;
      candidates.push({
        field,
        fieldOrder,
        column,
        level,
        fit: fitOf(profile, field.spec),
        length,
        stripped: formIndex > 0,
        preferred: headerForms.some((form) => field.preferred.has(form)),
      });
    });
  });
  const rank = (c: Candidate) =>
    (c.level === 'exact' ? 2 : 1) + c.fit + (c.preferred ? 0.5 : 0) - (c.stripped ? 0.25 : 0);
  candidates.sort(
    (a, b) =>
      rank(b) - rank(a) ||
      b.length - a.length ||
      a.column - b.column ||
      a.fieldOrder - b.fieldOrder,
  );
  const fields: Record<string, FieldMatch> = {};
  const used = new Set<number>();
  for (const c of candidates) {
    if (fields[c.field.spec.id] || used.has(c.column)) continue;
    const over = c.preferred
      ? candidates
          .filter((o) => o.field === c.field && o.column !== c.column && !o.preferred)
          .map((o) => analysis.headers[o.column])
      : [];
    fields[c.field.spec.id] = {
      column: c.column,
      header: analysis.headers[c.column],
      level: c.level,
      confidence: confidenceOf(
        c.level,
        typeFit(analysis.profiles[c.column], c.field.spec.type),
        c.field.spec.type,
      ),
      ...(over.length > 0 ? { over } : {}),
    };
    used.add(c.column);
  }
  const has = (id: string) => fields[id] !== undefined;
  for (const { spec } of keys) {
    if (!spec.required || fields[spec.id]) continue;
    // A status from flags needs no status column (missingRequired).
    if (missingRequired(entity, has).indexOf(spec.id) < 0) continue;
    const column = byHeaderOnly ? -1 : guessByValues(analysis, spec, used);
    if (column < 0) continue;
    used.add(column);
    fields[spec.id] = {
      column,
      header: analysis.headers[column],
      level: 'type',
      confidence: confidenceOf('type', typeFit(analysis.profiles[column], spec.type), spec.type),
    };
  }
  const missing = missingRequired(entity, has);
  // Field order of data-model.md, whatever order the matches were made in.
  const ordered: Record<string, FieldMatch> = {};
  for (const { spec } of keys) if (fields[spec.id]) ordered[spec.id] = fields[spec.id];
  return { fields: ordered, missing };
}

/**
 * Columns CRMs add by the dozen that are never a field, though their names contain one:
 * HubSpot's 'Date entered "Closed Won (Sales Pipeline)"', 'Cumulative time in …'.
 */
const NEVER_A_FIELD = [
  'date entered',
  'date exited',
  'time in',
  'cumulative time in',
  'latest time in',
  'last modified',
  'last modified date',
  'system modstamp',
  'last activity',
];

function neverAField(key: string): boolean {
  return NEVER_A_FIELD.some((prefix) => key === prefix || key.startsWith(prefix + ' '));
}

/**
 * How well a column's values fit a field, to rank candidates: the type's fit, and for
 * the status, the share of won/lost labels (Pipedrive's "Status" of open/won/lost is a
 * better status than its "Stage" of pipeline stages).
 */
function fitOf(profile: ColumnProfile, spec: FieldSpec): number {
  const fit = typeFit(profile, spec.type);
  if (spec.id !== 'status' || profile.total === 0) return fit;
  return fit * (0.75 + 0.25 * Math.min(1, profile.statusHits / profile.total / 0.3));
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
