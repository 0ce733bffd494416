import { isBlank } from '../core/values';

/**
 * Columns of record IDs where names are expected: Salesforce's OwnerId and AccountId
 * (`005Ec000004oBPNIA2`), HubSpot's owner IDs (`52483919`), Zoho's `zcrm_…`. They still
 * map to their field (a rep is a rep, even by ID), and the sidebar says they are IDs.
 */

/** 15 or 18 letters and digits with both in it (Salesforce), long digit runs, prefixed IDs. */
const ID_PATTERN =
  /^(?:(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?|\d{6,}|[a-z]+_\d{6,})$/;

/** Sampled rows. */
const SAMPLE = 50;

export function looksLikeId(value: unknown): boolean {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 100000;
  return typeof value === 'string' && ID_PATTERN.test(value.trim());
}

/**
 * The first value of a column when most of its values (four in five of the first ones)
 * are record IDs; undefined otherwise.
 */
export function idColumnExample(
  values: readonly (readonly unknown[])[],
  headerIndex: number,
  column: number,
): string | undefined {
  let seen = 0;
  let ids = 0;
  let example: string | undefined;
  for (let r = headerIndex + 1; r < values.length && seen < SAMPLE; r++) {
    const value = values[r][column];
    if (isBlank(value)) continue;
    seen++;
    if (looksLikeId(value)) {
      ids++;
      example ??= String(value).trim();
    }
  }
  return seen > 0 && ids / seen >= 0.8 ? example : undefined;
}
