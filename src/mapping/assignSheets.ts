import type { SheetAnalysis } from './analyzeSheet';
import type { EntityId, EntitySpec } from './fields';
import { ENTITIES, headerKey, synonymKeys } from './fields';
import type { FieldMatch, MatchLevel } from './matchFields';
import { matchFields } from './matchFields';
import type { Misfit } from './plausibility';
import { misfitOf } from './plausibility';
import { containsWords } from './synonyms';

/** Which sheet holds which entity: every sheet scored for every entity, best first. */

export interface EntityGuess {
  readonly entity: EntityId;
  readonly sheet: string;
  /** 1-based sheet row of the header row. */
  readonly headerRow: number;
  readonly fields: Readonly<Record<string, FieldMatch>>;
  /** Required fields not found: the guess is incomplete unless this is empty. */
  readonly missing: readonly string[];
  /** The sheet name is one of the entity's sheet synonyms. */
  readonly sheetNameMatch: boolean;
  readonly score: number;
  /** The columns are there but do not look like the entity's (plausibility.ts). */
  readonly misfit?: Misfit;
}

export interface SheetAssignment {
  readonly entities: Partial<Record<EntityId, EntityGuess>>;
  /** Indexes of the sheets given to an entity. */
  readonly usedSheets: ReadonlySet<number>;
  /**
   * Tables left unmapped because they only look like an entity: the best one per entity
   * no sheet was given to, on a sheet no entity took.
   */
  readonly misfits: readonly EntityGuess[];
}

function sheetNameScore(name: string, spec: EntitySpec): number {
  const key = headerKey(name);
  const synonyms = synonymKeys(spec.sheetSynonyms);
  if (synonyms.includes(key)) return 2;
  return synonyms.some((s) => s.length >= 4 && containsWords(key, s)) ? 1 : 0;
}

const FIELD_POINTS: Record<MatchLevel, number> = { exact: 3, contains: 2, type: 1 };

function guessEntity(analysis: SheetAnalysis, spec: EntitySpec): EntityGuess {
  const nameScore = sheetNameScore(analysis.name, spec);
  const matched = matchFields(analysis, spec.id);
  let { fields, missing } = matched;
  const misfit =
    missing.length === 0 ? misfitOf(analysis, spec.id, fields, nameScore > 0) : undefined;
  if (misfit) {
    // The guess stays for the sidebar to show, incomplete: what does not fit is missing.
    fields = Object.fromEntries(
      Object.entries(fields).filter(
        ([id, f]) => !(misfit.fields.includes(id) && f.level === 'type'),
      ),
    );
    missing = [...misfit.fields];
  }
  let points = 0;
  for (const id of Object.keys(fields)) points += FIELD_POINTS[fields[id].level];
  const coverage = Object.keys(fields).length / spec.fields.length;
  return {
    entity: spec.id,
    sheet: analysis.name,
    headerRow: analysis.headerIndex + 1,
    fields,
    missing,
    sheetNameMatch: nameScore === 2,
    score: nameScore * 100 + points + coverage * 10,
    ...(misfit ? { misfit } : {}),
  };
}

/**
 * Each sheet used for at most one entity, best scores first (a sheet named like the
 * entity scores far above one that merely has matching columns). A complete guess needs
 * every required field; a sheet named exactly like an entity is still proposed when
 * incomplete, so the sidebar can say what is missing.
 */
export function assignSheets(analyses: readonly SheetAnalysis[]): SheetAssignment {
  const guesses: { guess: EntityGuess; sheetIndex: number }[] = [];
  const misfitGuesses: { guess: EntityGuess; sheetIndex: number }[] = [];
  analyses.forEach((analysis, sheetIndex) => {
    if (analysis.headerIndex < 0) return;
    for (const spec of ENTITIES) {
      const guess = guessEntity(analysis, spec);
      if (guess.misfit) misfitGuesses.push({ guess, sheetIndex });
      if (guess.missing.length === 0 || guess.sheetNameMatch) guesses.push({ guess, sheetIndex });
    }
  });
  const complete = (g: EntityGuess) => (g.missing.length === 0 ? 1 : 0);
  guesses.sort(
    (a, b) =>
      complete(b.guess) - complete(a.guess) ||
      b.guess.score - a.guess.score ||
      a.sheetIndex - b.sheetIndex,
  );
  const entities: Partial<Record<EntityId, EntityGuess>> = {};
  const usedSheets = new Set<number>();
  for (const { guess, sheetIndex } of guesses) {
    if (entities[guess.entity] || usedSheets.has(sheetIndex)) continue;
    entities[guess.entity] = guess;
    usedSheets.add(sheetIndex);
  }
  misfitGuesses.sort((a, b) => b.guess.score - a.guess.score || a.sheetIndex - b.sheetIndex);
  const misfits: EntityGuess[] = [];
  for (const { guess, sheetIndex } of misfitGuesses) {
    if (entities[guess.entity] || usedSheets.has(sheetIndex)) continue;
    if (misfits.some((m) => m.entity === guess.entity || m.sheet === guess.sheet)) continue;
    misfits.push(guess);
  }
  return { entities, usedSheets, misfits };
}
