import type { Language, SheetContext } from '../core/context';
import { languageOf } from '../core/context';
import type { SheetValues } from '../mapping/analyzeSheet';
import type { EntityGuess } from '../mapping/assignSheets';
import type { WorkbookDetection } from '../mapping/detect';
import { detectWorkbook } from '../mapping/detect';
import type { EntityId } from '../mapping/fields';
import { ENTITIES, STATUS_FLAG_FIELDS } from '../mapping/fields';
import { findHeaderRow } from '../mapping/headers';
import type { Mapping } from '../mapping/schema';
import { DEFAULT_SETTINGS } from '../mapping/schema';
import type { StoredMapping } from './mappingStore';
import { idColumnExample } from '../mapping/idColumns';
import { missingColumns, resolveEntityColumns } from '../mapping/savedColumns';
import { entityName, fieldName, message, missingColumnMessage, unfitMessage } from './messages';
import { cellText } from '../mapping/problems';
import { analyzeDraft } from './preview';
import type {
  DraftEntity,
  DraftMapping,
  EntityDetection,
  MappingState,
  Notice,
  SheetInfo,
} from './types';

/** Rows of each sheet sent to the sidebar for choosing the header row. */
export const TOP_ROWS = 12;
/** Cells longer than this are cut in those rows (they are only shown in a dropdown). */
const MAX_CELL_CHARS = 120;
const MAX_COLUMNS = 200;

export function toEntityDetection(guess: EntityGuess): EntityDetection {
  const fields: EntityDetection['fields'] = {};
  for (const [id, match] of Object.entries(guess.fields)) {
    fields[id] = {
      column: match.column,
      header: match.header,
      level: match.level,
      confidence: match.confidence,
    };
  }
  return { sheet: guess.sheet, headerRow: guess.headerRow, fields, missing: [...guess.missing] };
}

function draftEntityOf(guess: EntityGuess): DraftEntity {
  const fields: DraftEntity['fields'] = {};
  for (const [id, match] of Object.entries(guess.fields)) {
    fields[id] = { header: match.header, index: match.column };
  }
  return { sheet: guess.sheet, headerRow: guess.headerRow, fields };
}

/**
 * What detection proposes: deals even when incomplete (the user fixes the missing
 * fields), other entities only when complete (an incomplete optional table would block
 * the save).
 */
export function draftFromDetection(detection: WorkbookDetection): DraftMapping {
  const entities: DraftMapping['entities'] = {};
  for (const spec of ENTITIES) {
    const guess = detection.entities[spec.id];
    if (!guess) continue;
    if (spec.id === 'deals' || guess.missing.length === 0) entities[spec.id] = draftEntityOf(guess);
  }
  const status = detection.status;
  const draft: DraftMapping = {
    entities,
    status: {
      won: status ? [...status.won] : [],
      lost: status ? [...status.lost] : [],
      open: status ? [...status.open] : [],
      stageOrder: status ? [...status.stageOrder] : [],
    },
    settings: { ...DEFAULT_SETTINGS },
  };
  if (entities.feedback) draft.feedbackScale = detection.feedbackScale ?? '1-5';
  return draft;
}

/**
 * The saved mapping as a draft. With the sheets' values, each column is found by its
 * saved header (it may have moved); a header no longer found leaves its field unmapped,
 * for the user to choose again, rather than pointing at whatever column took its place.
 */
export function draftFromMapping(
  mapping: Mapping,
  sheets: readonly SheetValues[] = [],
): DraftMapping {
  const entities: DraftMapping['entities'] = {};
  for (const spec of ENTITIES) {
    const saved = mapping.entities[spec.id];
    if (!saved) continue;
    const values = sheets.find((s) => s.name === saved.sheet)?.values;
    const columns = values ? resolveEntityColumns(values, saved).columns : undefined;
    const fields: DraftEntity['fields'] = {};
    for (const [id, ref] of Object.entries(saved.fields)) {
      const column = columns ? columns[id] : ref.index;
      if (column >= 0) fields[id] = { header: ref.header, index: column };
    }
    entities[spec.id] = { sheet: saved.sheet, headerRow: saved.headerRow, fields };
  }
  const draft: DraftMapping = {
    entities,
    status: {
      won: [...mapping.status.won],
      lost: [...mapping.status.lost],
      open: [...mapping.status.open],
      stageOrder: [...mapping.status.stageOrder],
    },
    settings: { ...mapping.settings },
  };
  if (mapping.feedbackScale) draft.feedbackScale = mapping.feedbackScale;
  if (mapping.settings.customRange)
    draft.settings.customRange = { ...mapping.settings.customRange };
  return draft;
}

export function sheetInfo(sheet: SheetValues, timeZone: string, minRows: number): SheetInfo {
  const values = sheet.values;
  const columnCount = values.reduce((max, row) => Math.max(max, row.length), 0);
  const limit = Math.min(values.length, Math.max(TOP_ROWS, minRows));
  const topRows: string[][] = [];
  for (let r = 0; r < limit; r++) {
    const row = values[r].slice(0, MAX_COLUMNS).map((cell) => {
      const text = cellText(cell, timeZone);
      return text.length > MAX_CELL_CHARS ? text.slice(0, MAX_CELL_CHARS - 1) + '…' : text;
    });
    topRows.push(row);
  }
  return {
    name: sheet.name,
    rowCount: values.length,
    columnCount,
    headerRow: findHeaderRow(values) + 1,
    topRows,
  };
}

const STORED_NOTICES: Record<string, keyof typeof NOTICE_KEYS> = {
  invalidJson: 'invalidJson',
  unknownVersion: 'unknownVersion',
  invalid: 'invalid',
  incomplete: 'incomplete',
  unreadable: 'unreadable',
};

const NOTICE_KEYS = {
  invalidJson: 'mappingNoticeInvalidJson',
  unknownVersion: 'mappingNoticeUnknownVersion',
  invalid: 'mappingNoticeInvalid',
  incomplete: 'mappingNoticeIncomplete',
  unreadable: 'mappingNoticeUnreadable',
  missingSheet: 'mappingNoticeMissingSheet',
  noDeals: 'mappingNoticeNoDeals',
} as const;

/**
 * Pure: the sidebar's whole starting state from the sheets' values and what is stored.
 * A stored mapping that cannot be used is reported in `notices` and detection is shown
 * instead; it is never an error.
 */
export function buildState(
  sheets: readonly SheetValues[],
  context: SheetContext,
  stored: StoredMapping,
): MappingState {
  const language = languageOf(context.locale);
  const detection = detectWorkbook(sheets, context);
  const notices: Notice[] = [];
  let draft: DraftMapping;
  let savedAt: string | null = null;
  if (stored.kind === 'ok') {
    draft = draftFromMapping(stored.mapping, sheets);
    savedAt = stored.mapping.savedAt ?? null;
    const valuesOf = (name: string) => sheets.find((s) => s.name === name)?.values;
    for (const m of missingColumns(stored.mapping, valuesOf)) {
      notices.push({
        kind: 'missingColumn',
        message: missingColumnMessage(language, m),
        detail: `${m.entity}.${m.field} = ${JSON.stringify(m.header)}`,
      });
    }
  } else {
    draft = draftFromDetection(detection);
    if (stored.kind !== 'none') {
      const kind = STORED_NOTICES[stored.kind];
      notices.push({ kind, message: message(language, NOTICE_KEYS[kind]), detail: stored.reason });
    }
    for (const unfit of detection.unfit) {
      notices.push({
        kind: 'unfitTable',
        message: unfitMessage(language, unfit),
        detail: `${unfit.entity}: ${unfit.reason}`,
      });
    }
  }
  notices.push(...dealNotes(draft, sheets, detection, language));

  const names = new Set(sheets.map((s) => s.name));
  for (const spec of ENTITIES) {
    const entity = draft.entities[spec.id];
    if (entity && !names.has(entity.sheet)) {
      notices.push({
        kind: 'missingSheet',
        message: message(language, NOTICE_KEYS.missingSheet, {
          entity: entityName(language, spec.id),
          sheet: entity.sheet,
        }),
        detail: `${spec.id}.sheet = ${JSON.stringify(entity.sheet)}`,
      });
    }
  }
  if (!draft.entities.deals) {
    notices.push({ kind: 'noDeals', message: message(language, NOTICE_KEYS.noDeals), detail: '' });
  }

  // Send enough rows that the saved header rows can be shown.
  const headerRows = new Map<string, number>();
  for (const entity of Object.values(draft.entities)) {
    if (entity)
      headerRows.set(entity.sheet, Math.max(headerRows.get(entity.sheet) ?? 0, entity.headerRow));
  }
  const detected: Partial<Record<EntityId, EntityDetection>> = {};
  for (const spec of ENTITIES) {
    const guess = detection.entities[spec.id];
    if (guess) detected[spec.id] = toEntityDetection(guess);
  }
  return {
    language,
    locale: context.locale,
    timeZone: context.timeZone,
    sheets: sheets.map((s) => sheetInfo(s, context.timeZone, headerRows.get(s.name) ?? 0)),
    detected,
    source: stored.kind === 'ok' ? 'saved' : 'detected',
    savedAt,
    notices,
    draft,
    analysis: analyzeDraft(draft, sheets, context),
  };
}

/** Fields whose column may hold record IDs rather than names. */
const ID_FIELDS = ['rep', 'customer'] as const;

/**
 * What the sidebar says about the deals' columns as mapped: where the status comes from
 * when flags are mapped, columns of record IDs, and the created date chosen over another.
 */
export function dealNotes(
  draft: DraftMapping,
  sheets: readonly SheetValues[],
  detection: WorkbookDetection,
  language: Language,
): Notice[] {
  const deals = draft.entities.deals;
  const values = deals && sheets.find((s) => s.name === deals.sheet)?.values;
  if (!deals || !values) return [];
  const notes: Notice[] = [];
  const flags = STATUS_FLAG_FIELDS.filter((f) => deals.fields[f]);
  if (flags.length > 0) {
    const columns = flags.map((f) => `“${deals.fields[f].header}”`).join(', ');
    const status = deals.fields.status;
    notes.push({
      kind: 'statusSource',
      message: status
        ? message(language, 'statusWithFlags', { columns, status: status.header })
        : message(language, 'statusFromFlags', { columns }),
      detail: flags.join(', '),
    });
  }
  for (const field of ID_FIELDS) {
    const ref = deals.fields[field];
    if (!ref) continue;
    const example = idColumnExample(values, deals.headerRow - 1, ref.index);
    if (example === undefined) continue;
    notes.push({
      kind: 'idColumn',
      message: message(language, 'idColumn', {
        field: fieldName(language, 'deals', field),
        header: ref.header,
        example,
      }),
      detail: `deals.${field}`,
    });
  }
  const created = detection.entities.deals?.fields.created;
  if (
    created?.over &&
    detection.entities.deals?.sheet === deals.sheet &&
    deals.fields.created?.index === created.column
  ) {
    notes.push({
      kind: 'createdChoice',
      message: message(language, 'createdChoice', {
        chosen: created.header,
        other: created.over.join('”, “'),
      }),
      detail: 'deals.created',
    });
  }
  return notes;
}
