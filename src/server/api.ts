/**
 * The functions the mapping sidebar calls through google.script.run. Each is exported
 * from src/index.ts (so the build makes it a top-level function), and the sidebar's
 * client is typed by this module: renaming one here breaks the sidebar's type check.
 * Inputs are checked as untrusted; results are JSON-safe (types.ts).
 */
import type { Language } from '../core/context';
import { analyzeSheet } from '../mapping/analyzeSheet';
import { matchFields } from '../mapping/matchFields';
import type { EntityId } from '../mapping/fields';
import { ENTITY_IDS } from '../mapping/fields';
import type { FeedbackScale, Mapping } from '../mapping/schema';
import type { PropertyStore } from './mappingStore';
import {
  deleteStoredMapping,
  documentStore,
  MappingTooLargeError,
  readStoredMapping,
  writeStoredMapping,
} from './mappingStore';
import type { MessageKey } from './messages';
import { message } from './messages';
import { documentLock, flushAndRelease, MissingDocumentService } from './documentServices';
import { analyzeDraft, detectedScaleOf } from './preview';
import { buildState, toEntityDetection } from './state';
import type { DraftAnalysis, DraftMapping, EntityDetection, MappingState } from './types';
import { checkDraft, parseDraft } from './validate';
import { refreshMappingCache } from './mappingCache';
import { reenterMappingFormulas } from './formulaRefresh';
import { readContext, readSheets, readWorkbook } from './workbook';

/** The whole sidebar state: sheets, detection, the saved mapping (or why not), preview. */
export function getMappingState(): MappingState {
  const workbook = readWorkbook();
  return buildState(workbook.sheets, workbook.context, readStoredMapping());
}

/** Statuses, preview and feedback scale of the mapping being edited (nothing is saved). */
export function previewMapping(draft: DraftMapping): DraftAnalysis {
  const { context, language } = readContext();
  const parsed = parseDraft(draft);
  if (!parsed.ok)
    throw new Error(message(language, 'mappingErrorInput', { detail: parsed.detail }));
  const names = Object.values(parsed.draft.entities).map((e) => e!.sheet);
  return analyzeDraft(parsed.draft, readSheets(names), context);
}

/** Detection's match of one entity's fields on one sheet (when the user picks a sheet). */
export function matchSheet(entity: EntityId, sheet: string): EntityDetection | null {
  const { context, language } = readContext();
  if (!ENTITY_IDS.includes(entity) || typeof sheet !== 'string') {
    throw new Error(
      message(language, 'mappingErrorInput', { detail: 'matchSheet(entity, sheet)' }),
    );
  }
  const values = readSheets([sheet])[0];
  if (!values) return null;
  const analysis = analyzeSheet(values, context);
  if (analysis.headerIndex < 0) return null;
  const { fields, missing } = matchFields(analysis, entity);
  return toEntityDetection({
    entity,
    sheet,
    headerRow: analysis.headerIndex + 1,
    fields,
    missing,
    sheetNameMatch: false,
    score: 0,
  });
}

/**
 * Validates and stores a mapping, and returns the new state. Anything wrong is thrown
 * as one sentence in the user's language (the sidebar's failure handler shows it).
 */
export function saveMapping(mapping: DraftMapping): MappingState {
  const workbook = readWorkbook();
  const { language, context } = workbook;
  const parsed = parseDraft(mapping);
  if (!parsed.ok) throw inputError(language, parsed.detail);
  let defaultScale: FeedbackScale | undefined;
  if (parsed.draft.entities.feedback && !parsed.draft.feedbackScale) {
    defaultScale = detectedScaleOf(parsed.draft, workbook.sheets, context) ?? undefined;
  }
  const checked = checkDraft(parsed.draft, workbook.sheets, language, {
    now: new Date().toISOString(),
    timeZone: context.timeZone,
    defaultScale,
  });
  if (!checked.ok) {
    throw new Error(message(language, 'mappingNotSaved', { reason: checked.errors.join('; ') }));
  }
  const store = withDocument(language, documentStore);
  withDocumentLock(language, () => {
    try {
      writeStoredMapping(checked.mapping, store);
    } catch (error) {
      // Too large, or the document's property quota is used up by other data.
      const reason =
        error instanceof MappingTooLargeError
          ? message(language, 'mappingErrorTooLarge', {
              size: Math.ceil(error.bytes / 1024),
              limit: Math.floor(error.limit / 1024),
            })
          : String((error as Error)?.message ?? error).replace(/\.$/, '');
      throw new Error(message(language, 'mappingNotSaved', { reason }), { cause: error });
    }
    afterMappingChange(checked.mapping);
  });
  return buildState(workbook.sheets, context, readStoredMapping(store));
}

/** Deletes the saved mapping and returns fresh detection. */
export function resetMapping(): MappingState {
  const workbook = readWorkbook();
  const store: PropertyStore = withDocument(workbook.language, documentStore, 'mappingNotReset');
  withDocumentLock(
    workbook.language,
    () => {
      deleteStoredMapping(store);
      afterMappingChange(null);
    },
    'mappingNotReset',
  );
  return buildState(workbook.sheets, workbook.context, { kind: 'none' });
}

/**
 * KPI_TABLE reads the mapping through the cache, and Sheets recomputes it only when its
 * arguments change: the cache is rewritten and its formulas entered again.
 */
function afterMappingChange(mapping: Mapping | null): void {
  refreshMappingCache(mapping);
  reenterMappingFormulas(SpreadsheetApp.getActiveSpreadsheet());
}

function inputError(language: Language, detail: string): Error {
  return new Error(
    message(language, 'mappingNotSaved', {
      reason: message(language, 'mappingErrorInput', { detail }),
    }),
  );
}

const MISSING_SERVICE_KEYS: Record<MissingDocumentService['service'], MessageKey> = {
  lock: 'errorNoDocumentLock',
  properties: 'errorNoDocumentProperties',
};

/** What was not done, said first in a refusal: the save or the reset. */
type NotDone = 'mappingNotSaved' | 'mappingNotReset';

/** Runs `get`; a document service missing here becomes one sentence for the user. */
function withDocument<T>(
  language: Language,
  get: () => T,
  notDone: NotDone = 'mappingNotSaved',
): T {
  try {
    return get();
  } catch (error) {
    if (!(error instanceof MissingDocumentService)) throw error;
    const reason = message(language, MISSING_SERVICE_KEYS[error.service]);
    throw new Error(message(language, notDone, { reason }), { cause: error });
  }
}

/**
 * Two saves at once would interleave their chunks: one at a time per document. While
 * another execution (a save, a reset, a summary) holds the lock, the message says so.
 */
function withDocumentLock(
  language: Language,
  work: () => void,
  notDone: NotDone = 'mappingNotSaved',
): void {
  const lock = withDocument(language, documentLock, notDone);
  if (!lock.tryLock(10000)) {
    throw new Error(message(language, notDone, { reason: message(language, 'mappingErrorBusy') }));
  }
  try {
    work();
  } finally {
    flushAndRelease(lock);
  }
}
