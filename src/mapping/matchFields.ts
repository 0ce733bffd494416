import type { SheetAnalysis } from './analyzeSheet';
import { contradicts, typeFit } from './columnProfile';
import type { EntityId, FieldSpec, FieldType } from './fields';
import { headerKey } from './fields';
import type { FieldKeys } from './synonyms';
import { allHeaderKeys, containedLength, fieldKeys } from './synonyms';

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
