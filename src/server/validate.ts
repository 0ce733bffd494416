import * as z from 'zod/mini';
import type { Language } from '../core/context';
import { normalizeLabel } from '../core/labels';
import type { SheetValues } from '../mapping/analyzeSheet';
import type { EntityId } from '../mapping/fields';
import { ENTITIES, missingRequired } from '../mapping/fields';
import type { EntityMapping, FeedbackScale, Mapping } from '../mapping/schema';
import { MAPPING_VERSION, parseMapping } from '../mapping/schema';
import { columnLetter, entityName, fieldName, message } from './messages';
import { cellText } from '../mapping/problems';
import type { DraftMapping } from './types';

/**
 * What saveMapping and previewMapping accept. The shape is checked with zod (the sidebar
 * is code we ship, but google.script.run is callable from any script in the page); the
 * meaning (sheets exist, required fields are mapped, one column per field) is checked
 * against the workbook, with messages in the user's language.
 */

// zod/mini: the same checks as the full build for a fraction of Code.js's size budget.
const columnRef = z.object({
  header: z.string(),
  index: z.int().check(z.minimum(0), z.maximum(18277)),
});
const entity = z.object({
  sheet: z.string().check(z.minLength(1)),
  headerRow: z.int().check(z.minimum(1)),
  fields: z.record(z.string(), columnRef),
});
const labels = z.array(z.string());
const draftSchema = z.object({
  version: z.optional(z.number()),
  entities: z.strictObject({
    deals: z.optional(entity),
    activities: z.optional(entity),
    campaigns: z.optional(entity),
    targets: z.optional(entity),
    feedback: z.optional(entity),
  }),
  status: z.object({
    won: labels,
    lost: labels,
    open: z.optional(labels),
    stageOrder: labels,
  }),
  feedbackScale: z.optional(z.nullable(z.enum(['1-5', '0-10']))),
  settings: z.object({
    period: z.enum(['week', 'month', 'quarter', 'year']),
    fiscalYearStartMonth: z.int().check(z.minimum(1), z.maximum(12)),
    customRange: z.optional(z.object({ start: z.string(), end: z.string() })),
  }),
  savedAt: z.optional(z.string()),
});

export type DraftInput = { ok: true; draft: DraftMapping } | { ok: false; detail: string };

/** Checks the shape of what the sidebar sent. Never throws. */
export function parseDraft(input: unknown): DraftInput {
  const result = z.safeParse(draftSchema, input);
  if (!result.success) {
    const issues = result.error.issues.slice(0, 3).map((issue) => {
      const path = issue.path.map(String).join('.') || 'mapping';
      return `${path}: ${issue.message}`;
    });
    return { ok: false, detail: issues.join('; ') };
  }
  const value = result.data;
  const draft: DraftMapping = {
    entities: value.entities,
    status: {
      won: value.status.won,
      lost: value.status.lost,
      open: value.status.open ?? [],
      stageOrder: value.status.stageOrder,
    },
    settings: value.settings,
  };
  if (value.feedbackScale) draft.feedbackScale = value.feedbackScale;
  return { ok: true, draft };
}

/** Labels without blanks or repeats (rule 4 normalisation decides what repeats). */
function distinct(list: readonly string[], exclude?: ReadonlySet<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const label of list) {
    const key = normalizeLabel(label);
    if (key === '' || seen.has(key) || exclude?.has(key)) continue;
    seen.add(key);
    out.push(label.trim());
  }
  return out;
}

export type CheckedMapping = { ok: true; mapping: Mapping } | { ok: false; errors: string[] };

/**
 * The mapping to store for a draft, or every reason it cannot be stored. Header texts
 * are taken from the sheet (the sidebar's copy may be stale), statuses are deduplicated,
 * and `now` becomes savedAt.
 */
export function checkDraft(
  draft: DraftMapping,
  sheets: readonly SheetValues[],
  language: Language,
  options: { now: string; timeZone: string; defaultScale?: FeedbackScale },
): CheckedMapping {
  const errors: string[] = [];
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const entities: Partial<Record<EntityId, EntityMapping>> = {};
  if (!draft.entities.deals) errors.push(message(language, 'mappingErrorNoDeals'));

  for (const spec of ENTITIES) {
    const wanted = draft.entities[spec.id];
    if (!wanted) continue;
    const name = entityName(language, spec.id);
    const sheet = byName.get(wanted.sheet);
    if (!sheet) {
      errors.push(message(language, 'mappingErrorNoSheet', { entity: name, sheet: wanted.sheet }));
      continue;
    }
    if (wanted.headerRow > sheet.values.length) {
      errors.push(
        message(language, 'mappingErrorHeaderRow', {
          entity: name,
          row: wanted.headerRow,
          sheet: sheet.name,
        }),
      );
      continue;
    }
    const headerCells = sheet.values[wanted.headerRow - 1];
    const fields: EntityMapping['fields'] = {};
    const usedBy = new Map<number, string>();
    for (const id of Object.keys(wanted.fields)) {
      if (!spec.fields.some((f) => f.id === id)) {
        errors.push(message(language, 'mappingErrorUnknownField', { entity: name, field: id }));
      }
    }
    for (const field of spec.fields) {
      const ref = wanted.fields[field.id];
      if (!ref) {
        if (missingRequired(spec.id, (f) => wanted.fields[f] !== undefined).includes(field.id)) {
          errors.push(
            message(language, 'mappingErrorRequired', {
              entity: name,
              field: fieldName(language, spec.id, field.id),
            }),
          );
        }
        continue;
      }
      if (ref.index >= headerCells.length) {
        errors.push(
          message(language, 'mappingErrorColumn', {
            entity: name,
            field: fieldName(language, spec.id, field.id),
            sheet: sheet.name,
          }),
        );
        continue;
      }
      const other = usedBy.get(ref.index);
      if (other !== undefined) {
        errors.push(
          message(language, 'mappingErrorSameColumn', {
            entity: name,
            field: fieldName(language, spec.id, other),
            other: fieldName(language, spec.id, field.id),
            column: columnLetter(ref.index),
          }),
        );
        continue;
      }
      usedBy.set(ref.index, field.id);
      fields[field.id] = {
        header: cellText(headerCells[ref.index], options.timeZone),
        index: ref.index,
      };
    }
    entities[spec.id] = { sheet: sheet.name, headerRow: wanted.headerRow, fields };
  }

  const won = distinct(draft.status.won);
  const wonKeys = new Set(won.map(normalizeLabel));
  for (const label of distinct(draft.status.lost)) {
    if (wonKeys.has(normalizeLabel(label))) {
      errors.push(message(language, 'mappingErrorWonAndLost', { status: label }));
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  const lost = distinct(draft.status.lost);
  const closed = new Set([...wonKeys, ...lost.map(normalizeLabel)]);
  const open = distinct([...draft.status.open, ...draft.status.stageOrder], closed);
  const mapping: Mapping = {
    version: MAPPING_VERSION,
    entities: entities as Mapping['entities'],
    status: {
      won,
      lost,
      open,
      stageOrder: distinct([...draft.status.stageOrder, ...open, ...won, ...lost]),
    },
    settings: { ...draft.settings },
    savedAt: options.now,
  };
  if (entities.feedback)
    mapping.feedbackScale = draft.feedbackScale ?? options.defaultScale ?? '1-5';
  // The stored form must read back: the schema is the last word.
  const parsed = parseMapping(JSON.parse(JSON.stringify(mapping)));
  if (!parsed.ok) return { ok: false, errors: [parsed.reason] };
  return { ok: true, mapping: parsed.mapping };
}
