import type { Language } from '../core/context';
import type { EntityId } from '../mapping/fields';
import { entitySpec, fieldSpec } from '../mapping/fields';
export { columnLetter } from './columns';
import type { UnfitTable } from '../mapping/detect';
import type { MisfitReason } from '../mapping/plausibility';
import type { MissingColumn } from '../mapping/savedColumns';
import type { UiStrings } from '../ui/strings';
import { uiStrings } from '../ui/strings';

/** Message keys of src/ui/strings.ts that take {placeholders}. */
export type MessageKey = keyof UiStrings;

/** A text of src/ui/strings.ts in `language` with its {name} placeholders filled. */
export function message(
  language: Language,
  key: MessageKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return uiStrings(language)[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function entityName(language: Language, entity: EntityId): string {
  return entitySpec(entity).label[language];
}

export function fieldName(language: Language, entity: EntityId, field: string): string {
  return fieldSpec(entity, field)?.label[language] ?? field;
}

const UNFIT_KEYS: Record<MisfitReason, MessageKey> = {
  noTargetColumns: 'unfitNoTargetColumns',
  noScores: 'unfitNoScores',
  noActivityTypes: 'unfitNoActivityTypes',
  noCampaignNames: 'unfitNoCampaignNames',
};

/** A table detection left unmapped because it only looks like an entity. */
export function unfitMessage(language: Language, unfit: UnfitTable): string {
  return message(language, 'unfitTable', {
    sheet: unfit.sheet,
    entity: entityName(language, unfit.entity).toLowerCase(),
    reason: message(language, UNFIT_KEYS[unfit.reason]),
  });
}

/** A saved column whose header is no longer in its sheet. */
export function missingColumnMessage(language: Language, missing: MissingColumn): string {
  return message(language, 'missingColumn', {
    entity: entityName(language, missing.entity),
    header: missing.header,
    field: fieldName(language, missing.entity, missing.field),
    sheet: missing.sheet,
  });
}
