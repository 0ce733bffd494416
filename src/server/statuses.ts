import { normalizeLabel } from '../core/labels';
import { proposeStatuses } from '../mapping/statusProposal';
import type { StatusMapping } from '../mapping/schema';
export { statusMappingOf } from './statusOrder';
import type { StatusClassName, StatusValue } from './types';

/**
 * The statuses the sidebar lists: every distinct value of the status column, with its
 * row count and class. A saved mapping decides the class and the order of the statuses
 * it knows (statuses are compared after rule 4 normalisation, so "Gagné " is "gagné");
 * new statuses get detection's proposal and come after the known ones of their class.
 * Statuses only the saved mapping knows are kept with a count of 0.
 */
export function reconcileStatuses(
  cells: readonly unknown[],
  saved?: StatusMapping,
  probabilities?: readonly (number | null)[],
): StatusValue[] {
  const proposal = proposeStatuses(cells, probabilities);
  const counts = new Map<string, { label: string; count: number }>();
  for (const label of proposal.stageOrder) {
    const count = Object.prototype.hasOwnProperty.call(proposal.counts, label)
      ? proposal.counts[label]
      : 0;
    counts.set(normalizeLabel(label), { label, count });
  }
  const proposedClass = new Map<string, StatusClassName>();
  for (const label of proposal.won) proposedClass.set(normalizeLabel(label), 'won');
  for (const label of proposal.lost) proposedClass.set(normalizeLabel(label), 'lost');

  const savedClass = new Map<string, StatusClassName>();
  const order: string[] = [];
  const seen = new Set<string>();
  const add = (key: string) => {
    if (key === '' || seen.has(key)) return;
    seen.add(key);
    order.push(key);
  };
  if (saved) {
    // A label in two lists counts as won, then lost (as StatusClassifier reads it).
    for (const label of saved.won) setOnce(savedClass, normalizeLabel(label), 'won');
    for (const label of saved.lost) setOnce(savedClass, normalizeLabel(label), 'lost');
    for (const label of saved.open) setOnce(savedClass, normalizeLabel(label), 'open');
    for (const label of [...saved.stageOrder, ...saved.open, ...saved.won, ...saved.lost]) {
      const key = normalizeLabel(label);
      if (!counts.has(key) && key !== '') counts.set(key, { label: label.trim(), count: 0 });
      add(key);
    }
  }
  for (const label of proposal.stageOrder) add(normalizeLabel(label));

  const classOf = (key: string): StatusClassName =>
    savedClass.get(key) ?? proposedClass.get(key) ?? 'open';
  const result: StatusValue[] = [];
  for (const wanted of ['open', 'won', 'lost'] as const) {
    for (const key of order) {
      if (classOf(key) !== wanted) continue;
      const { label, count } = counts.get(key)!;
      result.push({ label, count, class: wanted });
    }
  }
  return result;
}

function setOnce(map: Map<string, StatusClassName>, key: string, value: StatusClassName): void {
  if (key !== '' && !map.has(key)) map.set(key, value);
}
