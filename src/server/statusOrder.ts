import type { StatusMapping } from '../mapping/schema';
import type { StatusClassName, StatusValue } from './types';

/**
 * The saved form of a status list: funnel order is the open stages, then won, then lost.
 * No imports but types: the sidebar bundles this file too.
 */
export function statusMappingOf(statuses: readonly StatusValue[]): StatusMapping {
  const of = (c: StatusClassName) => statuses.filter((s) => s.class === c).map((s) => s.label);
  const open = of('open');
  const won = of('won');
  const lost = of('lost');
  return { won, lost, open, stageOrder: [...open, ...won, ...lost] };
}
