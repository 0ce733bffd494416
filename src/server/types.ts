/**
 * What the sidebar and the server exchange. Everything here crosses google.script.run,
 * which carries plain objects, arrays, strings, numbers, booleans and null only: no
 * Date (dates travel as ISO text), no undefined inside arrays, no class instances.
 */
import type { Language } from '../core/context';
import type { MatchLevel } from '../mapping/matchFields';
import type { PreviewCell, ProblemReason } from '../mapping/problems';
import type { EntityId } from '../mapping/fields';
import type { ColumnRef, FeedbackScale, MappingSettings, StatusMapping } from '../mapping/schema';

export interface SheetInfo {
  readonly name: string;
  /** Size of the data range. */
  readonly rowCount: number;
  readonly columnCount: number;
  /** 1-based header row that detection found, 0 for a sheet without a text row. */
  readonly headerRow: number;
  /** The first rows as text, for choosing the header row: topRows[i] is sheet row i + 1. */
  readonly topRows: string[][];
}

/** Detection's match for one field. */
export interface FieldGuess {
  /** 0-based column. */
  readonly column: number;
  readonly header: string;
  readonly level: MatchLevel;
  /** 0–1. */
  readonly confidence: number;
}

export interface EntityDetection {
  readonly sheet: string;
  /** 1-based. */
  readonly headerRow: number;
  readonly fields: Record<string, FieldGuess>;
  /** Required fields detection could not find. */
  readonly missing: string[];
}

export interface DraftEntity {
  sheet: string;
  /** 1-based. */
  headerRow: number;
  fields: Record<string, ColumnRef>;
}

/** A mapping being edited: a saved Mapping without the version and the completeness rules. */
export interface DraftMapping {
  entities: Partial<Record<EntityId, DraftEntity>>;
  status: StatusMapping;
  feedbackScale?: FeedbackScale;
  settings: MappingSettings;
}

export type StatusClassName = 'won' | 'lost' | 'open';

/** One distinct status of the deals' status column (or of the saved mapping). */
export interface StatusValue {
  /** As the sheet spells it most often. */
  readonly label: string;
  /** Rows with this status (0 when it is only in the saved mapping). */
  readonly count: number;
  readonly class: StatusClassName;
}

export interface PreviewProblemInfo {
  readonly field: string;
  readonly header: string;
  /** 1-based sheet row. */
  readonly sheetRow: number;
  /** The value as quoted in messages, e.g. `"n/c"`. */
  readonly value: string;
  readonly reason: ProblemReason;
}

export interface EntityPreview {
  readonly entity: EntityId;
  readonly sheet: string;
  readonly headerRow: number;
  /** Mapped field ids, in the order of fields.ts: the preview's columns. */
  readonly fields: string[];
  readonly rows: { readonly sheetRow: number; readonly cells: PreviewCell[] }[];
  /** Non-blank rows below the header row. */
  readonly dataRows: number;
  /** The first problems, sheet row order. */
  readonly problems: PreviewProblemInfo[];
  readonly problemCount: number;
  /** Why there is no preview at all. */
  readonly error: 'sheetMissing' | 'headerRowOutside' | null;
}

export interface DraftAnalysis {
  /** Open stages in funnel order, then won, then lost. */
  readonly statuses: StatusValue[];
  readonly preview: EntityPreview[];
  /** The scale the feedback scores look like, or null. */
  readonly detectedScale: FeedbackScale | null;
}

export type NoticeKind =
  | 'invalidJson'
  | 'unknownVersion'
  | 'invalid'
  | 'incomplete'
  | 'unreadable'
  | 'missingSheet'
  | 'noDeals'
  /** A table with an entity's columns that does not look like it, left unmapped. */
  | 'unfitTable'
  /** A saved column whose header is no longer in its sheet. */
  | 'missingColumn'
  /** Information: where the deals' status comes from (flags). */
  | 'statusSource'
  /** Information: a column of record IDs mapped to a name field. */
  | 'idColumn'
  /** Information: the created date chosen over another date column. */
  | 'createdChoice';

export interface Notice {
  readonly kind: NoticeKind;
  /** In the user's language. */
  readonly message: string;
  /** Technical detail (English), e.g. the failed validation path. */
  readonly detail: string;
}

export interface MappingState {
  readonly language: Language;
  readonly locale: string;
  readonly timeZone: string;
  readonly sheets: SheetInfo[];
  readonly detected: Partial<Record<EntityId, EntityDetection>>;
  /** Where the draft comes from. */
  readonly source: 'saved' | 'detected';
  /** ISO instant of the last save, or null. */
  readonly savedAt: string | null;
  readonly notices: Notice[];
  readonly draft: DraftMapping;
  readonly analysis: DraftAnalysis;
}
