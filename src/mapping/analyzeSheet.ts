import type { SheetContext } from '../core/context';
import { Parsers } from '../core/args';
import { isBlank, rowIsBlank } from '../core/values';
import type { ColumnProfile } from './columnProfile';
import { profileColumn } from './columnProfile';
import { findHeaderRow } from './headers';

/**
 * One sheet read for detection: its header row and header texts, and a profile of the
 * values of each column in a sample of the rows below.
 */

/** A sheet's values, typed as getValues gives them, or all text. */
export interface SheetValues {
  readonly name: string;
  readonly values: readonly (readonly unknown[])[];
}

/** Rows read per sheet to find the header and type the columns. */
const SAMPLE_ROWS = 200;

export interface SheetAnalysis {
  readonly name: string;
  /** 0-based, -1 when the sheet has no header row. */
  readonly headerIndex: number;
  readonly headers: readonly string[];
  readonly sampleRows: readonly number[];
  readonly profiles: readonly ColumnProfile[];
}

/**
 * Header row, header texts, sampled rows and per-column value profiles of one sheet.
 * `headerIndex` (0-based) skips the search when the caller knows the header row.
 */
export function analyzeSheet(
  sheet: SheetValues,
  context: SheetContext,
  headerIndex = findHeaderRow(sheet.values),
): SheetAnalysis {
  const readers = new Parsers(context);
  if (headerIndex < 0) {
    return { name: sheet.name, headerIndex, headers: [], sampleRows: [], profiles: [] };
  }
  const headerCells = sheet.values[headerIndex];
  const headers = headerCells.map((h) => (isBlank(h) ? '' : String(h).trim()));
  const rows = sampleRows(sheet.values, headerIndex, SAMPLE_ROWS);
  const profiles = headers.map((_, c) => profileColumn(sheet.values, rows, c, readers));
  return { name: sheet.name, headerIndex, headers, sampleRows: rows, profiles };
}

/** Indexes of the first `limit` non-blank rows below the header. */
function sampleRows(values: readonly (readonly unknown[])[], headerIndex: number, limit: number) {
  const rows: number[] = [];
  for (let r = headerIndex + 1; r < values.length && rows.length < limit; r++) {
    if (!rowIsBlank(values[r])) rows.push(r);
  }
  return rows;
}
