import type { Language } from '../core/context';
import type { EntityId } from '../mapping/fields';
import { entitySpec, fieldSpec } from '../mapping/fields';
export { columnLetter } from './columns';
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
