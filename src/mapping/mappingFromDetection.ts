import type { EntityGuess } from './assignSheets';
import type { WorkbookDetection } from './detect';
import type { EntityMapping, Mapping, MappingSettings } from './schema';
import { DEFAULT_SETTINGS, MAPPING_VERSION } from './schema';

/** A detection turned into the mapping the sidebar proposes and the summary may use. */

function toEntityMapping(guess: EntityGuess): EntityMapping {
  const fields: EntityMapping['fields'] = {};
  for (const [id, match] of Object.entries(guess.fields)) {
    fields[id] = { header: match.header, index: match.column };
  }
  return { sheet: guess.sheet, headerRow: guess.headerRow, fields };
}

/**
 * The mapping the sidebar proposes: complete guesses only. Undefined when deals are not
 * fully detected (the user must map them by hand).
 */
export function mappingFromDetection(
  detection: WorkbookDetection,
  settings: MappingSettings = DEFAULT_SETTINGS,
): Mapping | undefined {
  const deals = detection.entities.deals;
  if (!deals || deals.missing.length > 0) return undefined;
  const entities: Mapping['entities'] = { deals: toEntityMapping(deals) };
  for (const id of ['activities', 'campaigns', 'targets', 'feedback'] as const) {
    const guess = detection.entities[id];
    if (guess && guess.missing.length === 0) entities[id] = toEntityMapping(guess);
  }
  const status = detection.status ?? { won: [], lost: [], open: [], stageOrder: [] };
  return {
    version: MAPPING_VERSION,
    entities,
    status: {
      won: [...status.won],
      lost: [...status.lost],
      open: [...status.open],
      stageOrder: [...status.stageOrder],
    },
    ...(entities.feedback ? { feedbackScale: detection.feedbackScale ?? '1-5' } : {}),
    settings: { ...settings },
  };
}
