import type { SheetContext } from '../core/context';
import type { DateOrder } from '../core/context';
import { dateOrderOf } from '../core/context';
import { isInDateRange, NOT_A_DATE, parseDate } from '../core/dates';
import { normalizeLabel } from '../core/labels';
import { isBlank, isDate } from '../core/values';
import type { ActivityTypeId } from '../mapping/fields';
import { ACTIVITY_TYPES, activityTypeOf } from '../mapping/fields';
import type { LabelColumn } from './deals';
import { displayOf, LabelCoder } from './deals';
import type { EntityTable, ReadLog } from './table';
import { columnOf, LenientRows } from './table';

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
  readonly repCoder: LabelCoder | null;
  readonly customerCoder: LabelCoder | null;
  private readonly typeByKey = new Map<string, number>();
  private readonly typeByRaw = new Map<unknown, number>();
  private readonly dateMemo = new Map<unknown, number>();
  private readonly dateOrder: DateOrder;
  private readonly timeZone: string;
  private readonly rows: LenientRows;
  private readonly dateCol: number;
  private readonly typeCol: number;
  private readonly repCol: number;
  private readonly customerCol: number;
  private buffers: Buffers | undefined;

  constructor(table: EntityTable, context: SheetContext, options: ActivityReadOptions = {}) {
    this.timeZone = context.timeZone;
    this.dateOrder = dateOrderOf(context.locale);
    this.rows = new LenientRows(table);
    this.types.forEach((t, k) => this.typeByKey.set(t.key, k));
    this.dateCol = columnOf(table, 'date');
    this.typeCol = columnOf(table, 'type');
    this.repCol = columnOf(table, 'rep');
    this.customerCol = options.customers === false ? -1 : columnOf(table, 'customer');
    this.repCoder = this.repCol >= 0 ? new LabelCoder(this.timeZone) : null;
    this.customerCoder = this.customerCol >= 0 ? new LabelCoder(this.timeZone) : null;
  }

  get done(): boolean {
    return this.rows.done;
  }

  /** Rows below the header row, and the rows skipped and problems met so far. */
  log(): ReadLog {
    return this.rows.log();
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
    if (raw instanceof Date || isDate(raw)) {
      const ms = raw.getTime();
      return isInDateRange(ms) ? ms : NaN;
    }
    const hit = this.dateMemo.get(raw);
    if (hit !== undefined) return hit;
    const parsed = parseDate(raw, this.dateOrder, this.timeZone);
    const ms = parsed === null || parsed === NOT_A_DATE ? NaN : parsed;
    if (this.dateMemo.size < 100000) this.dateMemo.set(raw, ms);
    return ms;
  }

  /**
   * The next rows that count, up to `maxRows` of them (all when omitted). With `reuse`,
   * the previous block's buffers are overwritten: that block is then gone.
   */
  read(maxRows = Infinity, reuse = false): ActivityColumns {
    const { rows, dateCol, typeCol, repCol, customerCol, repCoder, customerCoder } = this;
    const capacity = Math.min(rows.remaining, maxRows);
    const b =
      reuse && this.buffers && this.buffers.sheetRows.length >= capacity
        ? this.buffers
        : {
            sheetRows: new Int32Array(capacity),
            date: new Float64Array(capacity),
            type: new Int32Array(capacity),
            rep: new Int32Array(repCol >= 0 ? capacity : 0),
            customer: new Int32Array(customerCol >= 0 ? capacity : 0),
          };
    this.buffers = b;
    let n = 0;
    if (capacity > 0) {
      rows.forEach((row, sheetRow) => {
        const rawDate = dateCol >= 0 ? row[dateCol] : undefined;
        const ms = this.dateOf(rawDate);
        if (ms !== ms) {
          if (!isBlank(rawDate)) rows.problem('date', dateCol, sheetRow, rawDate, 'notADate');
          rows.skipped.add('noDate', sheetRow);
          return false;
        }
        const code = typeCol >= 0 ? this.typeCode(row[typeCol]) : -1;
        if (code < 0) {
          rows.skipped.add('noValue', sheetRow);
          return false;
        }
        b.sheetRows[n] = sheetRow;
        b.date[n] = ms;
        b.type[n] = code;
        if (repCoder) b.rep[n] = repCoder.code(row[repCol]);
        if (customerCoder) b.customer[n] = customerCoder.code(row[customerCol]);
        return ++n === capacity;
      });
    }
    return {
      length: n,
      sheetRows: b.sheetRows.subarray(0, n),
      date: b.date.subarray(0, n),
      type: b.type.subarray(0, n),
      types: this.types,
      rep: repCoder ? repCoder.column(b.rep, n) : null,
      customer: customerCoder ? customerCoder.column(b.customer, n) : null,
      ...rows.log(),
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
