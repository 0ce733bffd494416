/**
 * What the sidebar holds between renders: the server's state, the user's draft and the
 * statuses being edited. One object every section reads and writes, so that a section
 * module can change what another one draws next.
 */
import type { Language } from '../core/context';
import type { EntityId } from '../mapping/fields';
import type {
  DraftAnalysis,
  DraftMapping,
  EntityDetection,
  MappingState,
  StatusValue,
} from '../server/types';
import type { StringKey } from './strings';
import { guessLanguage, text } from './strings';

export interface Session {
  language: Language;
  /** The server's answer to getMappingState, null until it comes. */
  state: MappingState | null;
  draft: DraftMapping;
  statuses: StatusValue[];
  analysis: DraftAnalysis;
  /** Detection per entity for the sheet the user chose (for the confidence cues). */
  matches: Partial<Record<EntityId, EntityDetection | null>>;
  /**
   * Bumped by every change to the statuses (see refreshPreview): a preview answer sent
   * before one does not overwrite it.
   */
  statusEdits: number;
}

const beforeLoad: Omit<Session, 'draft' | 'analysis'> = {
  language: guessLanguage(),
  state: null,
  statuses: [],
  matches: {},
  statusEdits: 0,
};
// draft and analysis are set by load() (main.ts) before any section is drawn.
export const session = beforeLoad as Session;

export const t = (key: StringKey, params?: Record<string, string | number>) =>
  text(session.language, key, params);

/** The BCP 47 tag numbers and dates are shown in: the spreadsheet's locale. */
export function localeTag(): string {
  return (session.state?.locale ?? session.language).replace('_', '-');
}
