/**
 * The sidebar's editing rules, without the DOM: what a change to a sheet, a column or a
 * status does to the draft. Pure, so the browser test and the reader can trust them.
 */
import type { Language } from '../core/context';
import type { EntityId } from '../mapping/fields';
import { entitySpec, missingRequired as missingFields } from '../mapping/fields';
import { statusMappingOf } from '../server/statusOrder';
import type {
  DraftEntity,
  DraftMapping,
  EntityDetection,
  SheetInfo,
  StatusClassName,
  StatusValue,
} from '../server/types';

export type Cue = 'high' | 'medium' | 'none' | 'manual';

/** Detection's confidence at or above which a match needs no second look. */
export const HIGH_CONFIDENCE = 0.8;

export function sheetByName(sheets: readonly SheetInfo[], name: string): SheetInfo | undefined {
  return sheets.find((s) => s.name === name);
}

/** The header texts of an entity's header row. */
export function headersOf(sheets: readonly SheetInfo[], entity: DraftEntity): string[] {
  const sheet = sheetByName(sheets, entity.sheet);
  if (!sheet) return [];
  const row = sheet.topRows[entity.headerRow - 1] ?? [];
  const width = Math.max(sheet.columnCount, row.length);
  const headers: string[] = [];
  for (let c = 0; c < Math.min(width, 200); c++) headers.push(row[c] ?? '');
  return headers;
}

/** An entity on a sheet, with the fields detection matched there. */
export function entityFromMatch(
  sheet: SheetInfo,
  match: EntityDetection | null | undefined,
): DraftEntity {
  const fields: DraftEntity['fields'] = {};
  if (match) {
    for (const [id, guess] of Object.entries(match.fields)) {
      fields[id] = { header: guess.header, index: guess.column };
    }
  }
  return { sheet: sheet.name, headerRow: match?.headerRow || sheet.headerRow || 1, fields };
}

/** A new header row: same columns, their header texts read from that row. */
export function withHeaderRow(
  sheets: readonly SheetInfo[],
  entity: DraftEntity,
  headerRow: number,
): DraftEntity {
  const next: DraftEntity = { ...entity, headerRow, fields: {} };
  const headers = headersOf(sheets, next);
  for (const [id, ref] of Object.entries(entity.fields)) {
    next.fields[id] = { header: headers[ref.index] ?? '', index: ref.index };
  }
  return next;
}

/** How sure the sidebar is of a field's column: detection's confidence, or the user's. */
export function cueOf(
  entity: DraftEntity,
  field: string,
  match: EntityDetection | null | undefined,
): Cue {
  const ref = entity.fields[field];
  if (!ref) return 'none';
  const guess = match?.fields[field];
  if (
    !match ||
    !guess ||
    match.sheet !== entity.sheet ||
    match.headerRow !== entity.headerRow ||
    guess.column !== ref.index
  ) {
    return 'manual';
  }
  return guess.confidence >= HIGH_CONFIDENCE ? 'high' : 'medium';
}

/** Required fields of an entity without a column, as labels. */
export function missingRequired(
  entityId: EntityId,
  entity: DraftEntity,
  language: Language,
): string[] {
  const spec = entitySpec(entityId);
  return missingFields(entityId, (f) => entity.fields[f] !== undefined).map(
    (id) => spec.fields.find((f) => f.id === id)!.label[language],
  );
}

/** A status given another class: it moves to the end of that class's group. */
export function reclassify(
  statuses: readonly StatusValue[],
  label: string,
  to: StatusClassName,
): StatusValue[] {
  const moved = statuses.find((s) => s.label === label);
  if (!moved || moved.class === to) return [...statuses];
  const rest = statuses.filter((s) => s !== moved);
  const next = { ...moved, class: to };
  const order: StatusClassName[] = ['open', 'won', 'lost'];
  const out: StatusValue[] = [];
  for (const group of order) {
    out.push(...rest.filter((s) => s.class === group));
    if (group === to) out.push(next);
  }
  return out;
}

/** Moves an open stage one place up (-1) or down (+1) among the open stages. */
export function moveStage(
  statuses: readonly StatusValue[],
  label: string,
  delta: -1 | 1,
): StatusValue[] {
  const open = statuses.filter((s) => s.class === 'open');
  const closed = statuses.filter((s) => s.class !== 'open');
  const index = open.findIndex((s) => s.label === label);
  const target = index + delta;
  if (index < 0 || target < 0 || target >= open.length) return [...statuses];
  [open[index], open[target]] = [open[target], open[index]];
  return [...open, ...closed];
}

/** What the sidebar sends to previewMapping and saveMapping. */
export function draftToSend(draft: DraftMapping, statuses: readonly StatusValue[]): DraftMapping {
  const out: DraftMapping = {
    entities: {},
    status: statusMappingOf(statuses),
    settings: { ...draft.settings },
  };
  for (const [id, entity] of Object.entries(draft.entities)) {
    if (entity) out.entities[id as EntityId] = entity;
  }
  if (out.entities.feedback && draft.feedbackScale) out.feedbackScale = draft.feedbackScale;
  return out;
}
