import { Parsers } from '../core/args';
import type { SheetContext } from '../core/context';
import { NOT_A_DATE, parseDate } from '../core/dates';
import { normalizeLabel } from '../core/labels';
import { amountProblem, parseNumber } from '../core/numbers';
import { isBlank } from '../core/values';
import { displayOf } from './deals';
import { dayOfInstant, overlapDays } from './periods';
import type { EntityTable, ReadLog } from './table';
import { columnOf, LenientRows } from './table';

/**
 * Lenient reader of a campaigns table. Rows with the same name (rule 4) form one
 * campaign, in order of first appearance, their costs summed, as CAMPAIGN_ROI does.
 * Each row's cost is also kept with its days, so that costs can be put in periods.
 */

export interface Campaign {
  /** Normalised name (rule 4): what a deal's source is compared with. */
  readonly key: string;
  /** First spelling. */
  readonly name: string;
  /** First non-blank type. */
  type: string;
  /** Σ cost of its rows (unreadable costs add nothing). */
  cost: number;
  /** Earliest start and latest end day number, NaN when unknown. */
  startDay: number;
  endDay: number;
}

/** One row's cost and days `[startDay, endDay)`; NaN days when the row has no date. */
export interface CampaignCost {
  readonly campaign: number;
  readonly cost: number;
  readonly startDay: number;
  readonly endDay: number;
}

export interface CampaignColumns extends ReadLog {
  readonly campaigns: readonly Campaign[];
  readonly byKey: ReadonlyMap<string, number>;
  readonly costs: readonly CampaignCost[];
}

export function readCampaigns(table: EntityTable, context: SheetContext): CampaignColumns {
  const { decimal, dateOrder, timeZone } = new Parsers(context);
  const nameCol = columnOf(table, 'name');
  const typeCol = columnOf(table, 'type');
  const costCol = columnOf(table, 'cost');
  const startCol = columnOf(table, 'start');
  const endCol = columnOf(table, 'end');
  const campaigns: Campaign[] = [];
  const byKey = new Map<string, number>();
  const costs: CampaignCost[] = [];
  const rows = new LenientRows(table);

  const day = (field: string, column: number, sheetRow: number, raw: unknown): number => {
    if (column < 0 || isBlank(raw)) return NaN;
    const parsed = parseDate(raw, dateOrder, timeZone);
    if (parsed === NOT_A_DATE || parsed === null) {
      return rows.problem(field, column, sheetRow, raw, 'notADate');
    }
    return dayOfInstant(parsed, timeZone);
  };

  rows.forEach((row, sheetRow) => {
    const rawName = nameCol >= 0 ? row[nameCol] : undefined;
    if (isBlank(rawName)) {
      rows.skipped.add('noValue', sheetRow);
      return;
    }
    const name = displayOf(rawName, timeZone);
    const key = normalizeLabel(name);
    let index = byKey.get(key);
    if (index === undefined) {
      index = campaigns.length;
      campaigns.push({ key, name, type: '', cost: 0, startDay: NaN, endDay: NaN });
      byKey.set(key, index);
    }
    const campaign = campaigns[index];
    if (typeCol >= 0 && campaign.type === '' && !isBlank(row[typeCol])) {
      campaign.type = displayOf(row[typeCol], timeZone);
    }
    let cost = 0;
    if (costCol >= 0) {
      const parsed = parseNumber(row[costCol], decimal);
      const problem = amountProblem(row[costCol], parsed, decimal);
      if (problem !== null) rows.problem('cost', costCol, sheetRow, row[costCol], problem);
      else if (parsed !== null) cost = parsed as number;
    }
    campaign.cost += cost;
    let startDay = day('start', startCol, sheetRow, startCol >= 0 ? row[startCol] : undefined);
    let endDay = day('end', endCol, sheetRow, endCol >= 0 ? row[endCol] : undefined);
    // One date alone is a one-day campaign; an end before the start is read as reversed.
    if (startDay !== startDay) startDay = endDay;
    if (endDay !== endDay) endDay = startDay;
    if (endDay < startDay) [startDay, endDay] = [endDay, startDay];
    if (startDay === startDay) {
      if (!(campaign.startDay <= startDay)) campaign.startDay = startDay;
      if (!(campaign.endDay >= endDay + 1)) campaign.endDay = endDay + 1;
    }
    costs.push({ campaign: index, cost, startDay, endDay: endDay + 1 });
  });
  return { campaigns, byKey, costs, ...rows.log() };
}

/**
 * The part of a cost falling in `[startDay, endDay)`: prorated by day over the row's days;
 * a row without dates falls in no period.
 */
export function costIn(cost: CampaignCost, startDay: number, endDay: number): number {
  if (cost.startDay !== cost.startDay) return 0;
  const span = cost.endDay - cost.startDay;
  return (cost.cost * overlapDays(cost.startDay, cost.endDay, startDay, endDay)) / span;
}
