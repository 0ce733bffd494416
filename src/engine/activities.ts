import type { SheetContext } from '../core/context';
import { isMonthFirst } from '../core/context';
import { NOT_A_DATE, parseDate } from '../core/dates';
import { normalizeLabel } from '../core/labels';
import { isBlank, isDate } from '../core/values';
import type { ActivityTypeId } from '../mapping/fields';
import { ACTIVITY_TYPES, activityTypeOf } from '../mapping/fields';
import type { LabelColumn } from './deals';
import { displayOf, LabelCoder } from './deals';
import type { EntityTable, ReadLog } from './table';
import { columnOf, isBlankRow, mappedColumns, recordProblem, SkipLog } from './table';

/**
 * Lenient reader of an activities table: typed columns of the rows that count (a date
 * and a type), problems and skipped rows for the data-quality tab. Reads the whole table
 * at once (readActivities) or block by block with reused buffers (ActivityReader), so
 * that a million activities never make million-long arrays.
 */

export interface ActivityType {
  /** Canonical type (data-model.md), or null for a value that keeps its own label. */
  readonly id: ActivityTypeId | null;
  /** Normalised label (rule 4): the canonical id, or the value's own. */
  readonly key: string;
  /** First spelling seen (the canonical id for canonical types). */
  readonly label: string;
}

export interface ActivityColumns extends ReadLog {
  readonly length: number;
  readonly sheetRows: Int32Array;
  readonly date: Float64Array;
  /** Index into `types`: the six canonical types first (ACTIVITY_TYPES order), then others. */
  readonly type: Int32Array;
  readonly types: readonly ActivityType[];
  /** Null when the field has no column (or is not read). */
  readonly rep: LabelColumn | null;
  readonly customer: LabelColumn | null;
}

export interface ActivityReadOptions {
  /** Code the customer column (default true); the report does not need it. */
  readonly customers?: boolean;
}

interface Buffers {
  sheetRows: Int32Array;
  date: Float64Array;
  type: Int32Array;
  rep: Int32Array;
  customer: Int32Array;
}

/** Rows per block of ActivityReader.read in the report. */
export const ACTIVITY_BLOCK_ROWS = 65536;

export class ActivityReader {
  readonly types: ActivityType[] = ACTIVITY_TYPES.map((t) => ({
    id: t.id,
    key: t.id,
    label: t.id,
  }));
  readonly rowsRead: number;
  readonly skipped = new SkipLog();
  readonly problems: ReadLog['problems'] = [];
  readonly repCoder: LabelCoder | null;
  readonly customerCoder: LabelCoder | null;
  private readonly typeByKey = new Map<string, number>();
  private readonly typeByRaw = new Map<unknown, number>();
  private readonly dateMemo = new Map<unknown, number>();
  private readonly monthFirst: boolean;
  private readonly timeZone: string;
  private readonly cols: number[];
  private readonly dateCol: number;
  private readonly typeCol: number;
  private readonly repCol: number;
  private readonly customerCol: number;
  private next: number;
  private buffers: Buffers | undefined;

  constructor(
    private readonly table: EntityTable,
    context: SheetContext,
    options: ActivityReadOptions = {},
  ) {
    this.timeZone = context.timeZone;
    this.monthFirst = isMonthFirst(context.locale);
    this.types.forEach((t, k) => this.typeByKey.set(t.key, k));
    this.dateCol = columnOf(table, 'date');
    this.typeCol = columnOf(table, 'type');
    this.repCol = columnOf(table, 'rep');
    this.customerCol = options.customers === false ? -1 : columnOf(table, 'customer');
    this.cols = mappedColumns(table);
    this.repCoder = this.repCol >= 0 ? new LabelCoder(this.timeZone) : null;
    this.customerCoder = this.customerCol >= 0 ? new LabelCoder(this.timeZone) : null;
    this.rowsRead = Math.max(0, table.values.length - table.headerIndex - 1);
    this.next = table.headerIndex + 1;
  }

  get done(): boolean {
    return this.next >= this.table.values.length;
  }

  private typeCode(raw: unknown): number {
    const hit = this.typeByRaw.get(raw);
    if (hit !== undefined) return hit;
    let code = -1;
    if (!isBlank(raw)) {
      const canonical = activityTypeOf(raw);
      const shown = displayOf(raw, this.timeZone);
      const key = canonical ?? normalizeLabel(shown);
      const known = this.typeByKey.get(key);
      if (known !== undefined) code = known;
      else {
        code = this.types.length;
        this.types.push({ id: null, key, label: shown });
        this.typeByKey.set(key, code);
      }
    }
    if (typeof raw !== 'object' || raw === null) this.typeByRaw.set(raw, code);
    return code;
  }

  private dateOf(raw: unknown): number {
    if (raw instanceof Date || isDate(raw)) return raw.getTime();
    const hit = this.dateMemo.get(raw);
    if (hit !== undefined) return hit;
    const parsed = parseDate(raw, this.monthFirst, this.timeZone);
    const ms = parsed === null || parsed === NOT_A_DATE ? NaN : parsed;
    if (this.dateMemo.size < 100000) this.dateMemo.set(raw, ms);
    return ms;
  }

  /**
   * The next rows that count, up to `maxRows` of them (all when omitted). With `reuse`,
   * the previous block's buffers are overwritten: that block is then gone.
   */
  read(maxRows = Infinity, reuse = false): ActivityColumns {
    const { table, cols, dateCol, typeCol, repCol, customerCol, skipped, problems } = this;
    const values = table.values;
    const capacity = Math.min(Math.max(0, values.length - this.next), maxRows);
    let b = this.buffers;
    if (!reuse || !b || b.sheetRows.length < capacity) {
      b = {
        sheetRows: new Int32Array(capacity),
        date: new Float64Array(capacity),
        type: new Int32Array(capacity),
        rep: new Int32Array(repCol >= 0 ? capacity : 0),
        customer: new Int32Array(customerCol >= 0 ? capacity : 0),
      };
      this.buffers = b;
    }
    const firstSheetRow = table.firstSheetRow ?? 1;
    let n = 0;
    let r = this.next;
    for (; r < values.length && n < capacity; r++) {
      const row = values[r];
      const sheetRow = firstSheetRow + r;
      if (isBlankRow(row, cols)) {
        skipped.add('blank', sheetRow);
        continue;
      }
      const rawDate = dateCol >= 0 ? row[dateCol] : undefined;
      const ms = this.dateOf(rawDate);
      if (ms !== ms) {
        if (!isBlank(rawDate)) {
          recordProblem(problems, table, 'date', dateCol, sheetRow, rawDate, 'notADate');
        }
        skipped.add('noDate', sheetRow);
        continue;
      }
      const code = typeCol >= 0 ? this.typeCode(row[typeCol]) : -1;
      if (code < 0) {
        skipped.add('noValue', sheetRow);
        continue;
      }
      b.sheetRows[n] = sheetRow;
      b.date[n] = ms;
      b.type[n] = code;
      if (this.repCoder) b.rep[n] = this.repCoder.code(row[repCol]);
      if (this.customerCoder) b.customer[n] = this.customerCoder.code(row[customerCol]);
      n++;
    }
    this.next = r;
    const labelColumn = (codes: Int32Array, coder: LabelCoder | null): LabelColumn | null =>
      coder ? { codes: codes.subarray(0, n), keys: coder.keys, labels: coder.labels } : null;
    return {
      length: n,
      sheetRows: b.sheetRows.subarray(0, n),
      date: b.date.subarray(0, n),
      type: b.type.subarray(0, n),
      types: this.types,
      rep: labelColumn(b.rep, this.repCoder),
      customer: labelColumn(b.customer, this.customerCoder),
      rowsRead: this.rowsRead,
      skipped,
      problems,
    };
  }
}

/** Reads a whole activities table in one pass. */
export function readActivities(
  table: EntityTable,
  context: SheetContext,
  options: ActivityReadOptions = {},
): ActivityColumns {
  return new ActivityReader(table, context, options).read();
}
