import { normalizeLabel } from '../core/labels';
import { isDate } from '../core/values';

/**
 * Yes/no cells of the status flags CRMs export (Salesforce IsWon / IsClosed, HubSpot
 * is_closed_won, Odoo Active, Pipedrive's won and lost times): TRUE/FALSE as Sheets types
 * them, 1/0, yes/no words in English and French, or a time that is set when the answer
 * is yes.
 */

const YES = new Set(['true', 'yes', 'y', 'oui', 'vrai', 'x', '1', 'won', 'closed']);
const NO = new Set(['false', 'no', 'n', 'non', 'faux', '0', '-']);

/** True, false, or null for a blank cell; undefined for a value that is no yes/no. */
export function readFlag(raw: unknown): boolean | null | undefined {
  if (raw === '' || raw === null || raw === undefined) return null;
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') return raw === 1 ? true : raw === 0 ? false : undefined;
  if (isDate(raw)) return isNaN(raw.getTime()) ? undefined : true;
  if (typeof raw !== 'string') return undefined;
  const key = normalizeLabel(raw);
  if (key === '') return null;
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  // A won or lost time written as text: set, so yes.
  return /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/.test(key) ? true : undefined;
}

/** The cell is a yes/no word or value (not a date: columns of dates are profiled as such). */
export function isFlagValue(raw: unknown): boolean {
  if (typeof raw === 'boolean') return true;
  if (typeof raw === 'number') return raw === 0 || raw === 1;
  if (typeof raw !== 'string') return false;
  const key = normalizeLabel(raw);
  return YES.has(key) || NO.has(key);
}
