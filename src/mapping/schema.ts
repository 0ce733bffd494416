import * as z from 'zod/mini';
import { isIsoDay } from '../core/dates';
import type { EntityId } from './fields';
import { ENTITIES, missingRequired } from './fields';

/**
 * The saved mapping: what the sidebar stores in the document properties and what
 * KPI_TABLE and the summary engine read back. Validated on every read and versioned so
 * that a later release can migrate it; a mapping that fails validation is never a crash.
 */

export const MAPPING_VERSION = 1;

/** One mapped column: its header text (how KPI_TABLE finds it) and 0-based index. */
export interface ColumnRef {
  header: string;
  index: number;
}

export interface EntityMapping {
  sheet: string;
  /** 1-based sheet row of the header row. */
  headerRow: number;
  /** Field id (fields.ts) → column. */
  fields: Record<string, ColumnRef>;
}

/** Status labels as the user sees them (compared after rule 4 normalisation). */
export interface StatusMapping {
  won: string[];
  lost: string[];
  open: string[];
  /** Every status in funnel order: open stages first, then won, then lost. */
  stageOrder: string[];
}

export type FeedbackScale = '1-5' | '0-10';
export type PeriodGranularity = 'week' | 'month' | 'quarter' | 'year';

export interface MappingSettings {
  period: PeriodGranularity;
  /** 1 = January. */
  fiscalYearStartMonth: number;
  /** Both days included, YYYY-MM-DD. */
  customRange?: { start: string; end: string };
}

export interface Mapping {
  version: 1;
  entities: { deals: EntityMapping } & Partial<Record<Exclude<EntityId, 'deals'>, EntityMapping>>;
  status: StatusMapping;
  feedbackScale?: FeedbackScale;
  settings: MappingSettings;
  /** ISO instant of the last save, informative only. */
  savedAt?: string;
}

export const DEFAULT_SETTINGS: MappingSettings = { period: 'month', fiscalYearStartMonth: 1 };

// Built on first use: custom functions load the whole bundle on every call, and most
// never read a mapping.
let schema: z.ZodMiniType<Mapping> | undefined;

function entitySchema(id: EntityId) {
  const spec = ENTITIES.find((e) => e.id === id)!;
  const known = new Set(spec.fields.map((f) => f.id));

  return z
    .object({
      sheet: z.string().check(z.minLength(1)),
      headerRow: z.int().check(z.minimum(1)),
      fields: z.record(
        z.string(),
        z.object({ header: z.string(), index: z.int().check(z.minimum(0)) }),
      ),
    })
    .check(
      z.superRefine((value, ctx) => {
        for (const key of Object.keys(value.fields)) {
          if (!known.has(key)) {
            ctx.addIssue({ code: 'custom', path: ['fields', key], message: `unknown ${id} field` });
          }
        }
        for (const key of missingRequired(id, (f) => value.fields[f] !== undefined)) {
          {
            ctx.addIssue({
              code: 'custom',
              path: ['fields', key],
              message: 'required field missing',
            });
          }
        }
      }),
    );
}

/** A custom period, both days included: shared by the mapping and the summary options. */
export function customRangeSchema() {
  const day = z.string().check(z.refine(isIsoDay, 'expected a YYYY-MM-DD date'));
  return z
    .strictObject({ start: day, end: day })
    .check(z.refine((r) => r.start <= r.end, { message: 'end is before start', path: ['end'] }));
}

// zod/mini rather than the full zod: the same checks for a fraction of the bundle size.
function mappingSchema(): z.ZodMiniType<Mapping> {
  if (schema) return schema;
  const labels = z.array(z.string());
  schema = z.object({
    version: z.literal(MAPPING_VERSION),
    entities: z.object({
      deals: entitySchema('deals'),
      activities: z.optional(entitySchema('activities')),
      campaigns: z.optional(entitySchema('campaigns')),
      targets: z.optional(entitySchema('targets')),
      feedback: z.optional(entitySchema('feedback')),
    }),
    status: z.object({ won: labels, lost: labels, open: labels, stageOrder: labels }),
    feedbackScale: z.optional(z.enum(['1-5', '0-10'])),
    settings: z.object({
      period: z.enum(['week', 'month', 'quarter', 'year']),
      fiscalYearStartMonth: z.int().check(z.minimum(1), z.maximum(12)),
      customRange: z.optional(customRangeSchema()),
    }),
    savedAt: z.optional(z.string()),
  }) as unknown as z.ZodMiniType<Mapping>;
  return schema;
}

export type ParsedMapping = { ok: true; mapping: Mapping } | { ok: false; reason: string };

/**
 * Validates a saved mapping (an object, or its JSON text). Never throws: a corrupted or
 * foreign value gives a reason the sidebar can show before falling back to detection.
 */
export function parseMapping(input: unknown): ParsedMapping {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      return { ok: false, reason: 'the saved mapping is not valid JSON' };
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, reason: 'the saved mapping is not an object' };
  }
  const version = (value as { version?: unknown }).version;
  if (version !== MAPPING_VERSION) {
    return {
      ok: false,
      reason:
        version === undefined
          ? 'the saved mapping has no version'
          : `the saved mapping has version ${JSON.stringify(version)}, this release reads version ${MAPPING_VERSION}`,
    };
  }
  try {
    const result = z.safeParse(mappingSchema(), value);
    if (result.success) return { ok: true, mapping: result.data };
    const issues = result.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    const more = result.error.issues.length > 5 ? ` (+${result.error.issues.length - 5} more)` : '';
    return { ok: false, reason: `the saved mapping is invalid: ${issues.join('; ')}${more}` };
  } catch (error) {
    return { ok: false, reason: `the saved mapping could not be read: ${String(error)}` };
  }
}

/** The JSON text stored for a mapping. */
export function serializeMapping(mapping: Mapping): string {
  return JSON.stringify(mapping);
}

// ——— Storage in document properties (9 KB per value) ———

export const STORAGE_PREFIX = 'kpiMapping';

/** UTF-8 length of one code point. */
function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** UTF-8 byte length of a string, without TextEncoder (absent in Apps Script). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
        continue;
      }
    }
    bytes += utf8Length(code);
  }
  return bytes;
}

/**
 * Splits a JSON text into property values of at most `maxBytes` UTF-8 bytes each, never
 * inside a surrogate pair. The record holds `<prefix>` = `{"n":chunks,"len":chars}` and
 * `<prefix>.0` … `<prefix>.<n-1>`; key and value both count towards the quota, so keys
 * stay short.
 */
export function splitForStorage(
  json: string,
  maxBytes = 9000,
  prefix = STORAGE_PREFIX,
): Record<string, string> {
  if (maxBytes < 4) throw new Error('maxBytes must be at least 4');
  const chunks: string[] = [];
  let start = 0;
  let bytes = 0;
  let i = 0;
  while (i < json.length) {
    const code = json.charCodeAt(i);
    const pair =
      code >= 0xd800 && code <= 0xdbff && i + 1 < json.length
        ? json.charCodeAt(i + 1) >= 0xdc00 && json.charCodeAt(i + 1) <= 0xdfff
        : false;
    const size = pair ? 4 : utf8Length(code);
    const width = pair ? 2 : 1;
    if (bytes + size > maxBytes) {
      chunks.push(json.slice(start, i));
      start = i;
      bytes = 0;
    }
    bytes += size;
    i += width;
  }
  if (start < json.length || chunks.length === 0) chunks.push(json.slice(start));
  const record: Record<string, string> = {
    [prefix]: JSON.stringify({ n: chunks.length, len: json.length }),
  };
  chunks.forEach((chunk, index) => (record[`${prefix}.${index}`] = chunk));
  return record;
}

/**
 * Joins what splitForStorage wrote, or returns null when nothing is stored or a chunk is
 * missing or of the wrong size (an interrupted save): the caller then falls back to
 * detection, exactly as for an invalid mapping.
 */
export function joinFromStorage(
  record: Readonly<Record<string, string | undefined>>,
  prefix = STORAGE_PREFIX,
): string | null {
  const meta = record[prefix];
  if (typeof meta !== 'string') return null;
  let n: unknown;
  let len: unknown;
  try {
    ({ n, len } = JSON.parse(meta) as { n?: unknown; len?: unknown });
  } catch {
    return null;
  }
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 1000) return null;
  let json = '';
  for (let index = 0; index < n; index++) {
    const chunk = record[`${prefix}.${index}`];
    if (typeof chunk !== 'string') return null;
    json += chunk;
  }
  if (typeof len === 'number' && json.length !== len) return null;
  return json;
}

/** Keys written by splitForStorage that a new, shorter save leaves behind (to delete). */
export function staleStorageKeys(
  existingKeys: readonly string[],
  written: Readonly<Record<string, string>>,
  prefix = STORAGE_PREFIX,
): string[] {
  const pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.\\d+$`);
  return existingKeys.filter((key) => pattern.test(key) && !(key in written));
}
