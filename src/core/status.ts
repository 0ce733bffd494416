import { normalizeLabel } from './labels';

/** Contract rule 5, already normalised (rule 4). */
export const DEFAULT_WON_LABELS: readonly string[] = [
  'won',
  'closed won',
  'win',
  'signed',
  'gagne',
  'gagnee',
  'signe',
  'signee',
  'conclu',
  'remporte',
];
export const DEFAULT_LOST_LABELS: readonly string[] = [
  'lost',
  'closed lost',
  'perdu',
  'perdue',
  'abandonne',
  'abandonnee',
  'annule',
  'annulee',
  'refuse',
  'refusee',
];

const DEFAULT_WON = new Set(DEFAULT_WON_LABELS);
const DEFAULT_LOST = new Set(DEFAULT_LOST_LABELS);

export const enum StatusClass {
  Blank = 0,
  Won = 1,
  Lost = 2,
  Open = 3,
}

/** Classifies raw status cells; a label in both sets counts as won. */
export class StatusClassifier {
  private readonly won: ReadonlySet<string>;
  private readonly lost: ReadonlySet<string>;
  private readonly memo = new Map<unknown, StatusClass>();

  constructor(won?: ReadonlySet<string>, lost?: ReadonlySet<string>) {
    this.won = won ?? DEFAULT_WON;
    this.lost = lost ?? DEFAULT_LOST;
  }

  classify(raw: unknown): StatusClass {
    const hit = this.memo.get(raw);
    if (hit !== undefined) return hit;
    const label = normalizeLabel(raw);
    const result =
      label === ''
        ? StatusClass.Blank
        : this.won.has(label)
          ? StatusClass.Won
          : this.lost.has(label)
            ? StatusClass.Lost
            : StatusClass.Open;
    if (this.memo.size < 10000) this.memo.set(raw, result);
    return result;
  }
}

/** A ratio whose zero denominator means "no value" (rule 9), never 0. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}
