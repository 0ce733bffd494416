import type { SheetContext } from '../core/context';
import { dateOrderOf, decimalSeparatorOf } from '../core/context';
import type { DateOrder, DecimalSeparator } from '../core/context';
import { isInDateRange, isoDay, NOT_A_DATE, parseDate } from '../core/dates';
import { inputError } from '../core/errors';
import { normalizeLabel } from '../core/labels';
import { amountProblem, isTooLarge, MAX_AMOUNT, NOT_A_NUMBER, parseNumber } from '../core/numbers';
import { toProbability } from '../core/probability';
import { StatusClass, StatusClassifier } from '../core/status';
import { describeValue, isBlank, isDate } from '../core/values';
import type { DealFieldId } from '../mapping/fields';
import { readFlag } from '../mapping/flags';
import { headerOf, SkipLog } from './table';

/**
 * The shared reader of a deals table: one pass over the rows turns the mapped columns
 * into typed columns (status classes, numbers, instants, coded labels) that KPI_TABLE
 * and the summary engine aggregate. Two modes:
 * - strict: the first unparseable value that a requested result uses throws a
 *   KpiInputError naming the header, the 1-based sheet row and the value (formulas);
 * - lenient: every mapped value is read, problems are collected and the value is left
 *   empty (the summary's data-quality tab).
 */

export type DealLabelField = 'customer' | 'rep' | 'source' | 'region' | 'product';
export const DEAL_LABEL_FIELDS: readonly DealLabelField[] = [
  'customer',
  'rep',
  'source',
  'region',
  'product',
];

/** Bit of a status class in a DealUses mask. */
export function classBit(status: StatusClass): number {
  return 1 << status;
}
export const USE_BLANK = 1 << StatusClass.Blank;
export const USE_WON = 1 << StatusClass.Won;
export const USE_LOST = 1 << StatusClass.Lost;
export const USE_OPEN = 1 << StatusClass.Open;
export const USE_ALL = USE_BLANK | USE_WON | USE_LOST | USE_OPEN;

/**
 * Strict mode: for each value, the status classes of the rows whose value a requested
 * result uses (a mask of USE_* bits). Values of other rows are not parsed at all.
 */
export interface DealUses {
  readonly amount?: number;
  readonly cost?: number;
  /** Read only where the amount is not blank, as PIPELINE_VALUE does. */
  readonly probability?: number;
  readonly created?: number;
  readonly closed?: number;
  /** Sales cycle: both dates read (and closed ≥ created checked) where both are given. */
  readonly cycle?: number;
  /** Period of the row: the close date, or the created date when it has none. */
  readonly period?: number;
}

/** What WIN_RATE, REVENUE, AVERAGE_DEAL_SIZE, PIPELINE_VALUE and SALES_CYCLE_DAYS read. */
export const KPI_USES: DealUses = {
  amount: USE_WON | USE_OPEN,
  probability: USE_OPEN,
  cycle: USE_WON,
};

export interface DealTable {
  /** The table as getValues gives it, header row included. */
  readonly values: readonly (readonly unknown[])[];
  /** 0-based index of the header row in `values`. */
  readonly headerIndex: number;
  /** Field → 0-based column index. */
  readonly columns: Readonly<Partial<Record<DealFieldId, number>>>;
  /** Sheet row number of `values[0]` (default 1). */
  readonly firstSheetRow?: number;
}

export interface DealReadOptions {
  readonly context: SheetContext;
  readonly mode: 'strict' | 'lenient';
  /** Normalised won / lost labels; the defaults of functions.md when omitted. */
  readonly won?: ReadonlySet<string>;
  readonly lost?: ReadonlySet<string>;
  /** Strict mode only (lenient reads everything). Default: KPI_USES. */
  readonly uses?: DealUses;
  /** Label fields to code; default every mapped one. */
  readonly labels?: readonly DealLabelField[];
  /** Code the statuses themselves (`stage`, for the funnel); default true. */
  readonly stages?: boolean;
  /** Strict mode: the formula argument that holds the table, named in errors. */
  readonly argument?: string;
}

/** Distinct normalised labels of a column: codes per row (-1 blank), first spelling shown. */
export interface LabelColumn {
  readonly codes: Int32Array;
  /** Normalised label (rule 4) of each code. */
  readonly keys: string[];
  /** Display label of each code: its first spelling, trimmed. */
  readonly labels: string[];
}

export type DealProblemReason =
  'notANumber' | 'tooLarge' | 'notADate' | 'notAProbability' | 'closedBeforeCreated';

export interface DealProblem {
  readonly field: DealFieldId;
  readonly header: string;
  /** 1-based sheet row. */
  readonly sheetRow: number;
  /** The value as quoted in messages, e.g. `"n/c"`. */
  readonly value: string;
  readonly reason: DealProblemReason;
}

/**
 * Typed columns, one entry per non-blank data row. Numbers and instants are NaN where
 * there is no value (blank, unparseable in lenient mode, or not needed in strict mode).
 */
export interface DealColumns {
  readonly length: number;
  /** Index of each row in the table's `values`. */
  readonly rows: Int32Array;
  readonly sheetRows: Int32Array;
  readonly status: Uint8Array;
  /** Normalised statuses, for the funnel. */
  readonly stage: LabelColumn;
  readonly amount: Float64Array;
  readonly cost: Float64Array;
  /** As a fraction 0–1; NaN when blank (counts as 1 in the pipeline). */
  readonly probability: Float64Array;
  readonly created: Float64Array;
  readonly closed: Float64Array;
  /** Close date, or created date when the row has none. */
  readonly period: Float64Array;
  readonly labels: Readonly<Partial<Record<DealLabelField, LabelColumn>>>;
  /** Fields that have a column. */
  readonly mapped: ReadonlySet<DealFieldId>;
  readonly problems: DealProblem[];
}

/** Codes raw cells as normalised labels, memoised by raw value. */
export class LabelCoder {
  readonly keys: string[] = [];
  readonly labels: string[] = [];
  private readonly byRaw = new Map<unknown, number>();
  private readonly byKey = new Map<string, number>();

  constructor(private readonly timeZone: string) {}

  code(raw: unknown): number {
    const hit = this.byRaw.get(raw);
    if (hit !== undefined) return hit;
    let code = -1;
    if (!isBlank(raw)) {
      const shown = displayOf(raw, this.timeZone);
      const key = normalizeLabel(shown);
      const known = this.byKey.get(key);
      if (known !== undefined) code = known;
      else {
        code = this.keys.length;
        this.keys.push(key);
        this.labels.push(shown);
        this.byKey.set(key, code);
      }
    }
    // Date objects are new keys every time: remember primitives only.
    if ((typeof raw !== 'object' || raw === null) && this.byRaw.size < 200000) {
      this.byRaw.set(raw, code);
    }
    return code;
  }

  /** The first `n` codes of `codes` as a label column of this coder's labels. */
  column(codes: Int32Array, n: number): LabelColumn {
    return { codes: codes.subarray(0, n), keys: this.keys, labels: this.labels };
  }
}

/** How a cell reads as a label: Dates as their day in the zone, text trimmed. */
export function displayOf(raw: unknown, timeZone: string): string {
  if (typeof raw === 'string') return raw.trim();
  if (isDate(raw)) return isNaN(raw.getTime()) ? '' : isoDay(raw.getTime(), timeZone);
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  return raw === null || raw === undefined ? '' : String(raw);
}

// Hot loops read these through a local binding: a global lookup per row is slow in
// sandboxed realms (Jest's vm context), and costs nothing to avoid.
const DateClass = Date;
const NO_VALUE = NaN;

/** Typed buffers of one block, reused from block to block. */
interface Buffers {
  rows: Int32Array;
  sheetRows: Int32Array;
  status: Uint8Array;
  stage: Int32Array;
  amount: Float64Array;
  cost: Float64Array;
  probability: Float64Array;
  created: Float64Array;
  closed: Float64Array;
  period: Float64Array;
  labels: Int32Array[];
}

/** Rows per block of forEachDealBlock: small enough to keep typed buffers off the GC's back. */
export const DEAL_BLOCK_ROWS = 65536;

/**
 * Reads a deals table block by block, with labels coded consistently across blocks (a
 * code means the same label in every block) and problems collected over all of them.
 */
export class DealReader {
  readonly mapped: ReadonlySet<DealFieldId>;
  readonly problems: DealProblem[] = [];
  /** Blank rows (every mapped cell blank), which no block holds. */
  readonly skipped = new SkipLog();
  readonly stageCoder: LabelCoder;
  readonly labelFields: readonly DealLabelField[];
  readonly labelCoders: readonly LabelCoder[];
  private readonly strict: boolean;
  private readonly argument: string;
  private readonly uses: DealUses;
  private readonly decimal: DecimalSeparator;
  private readonly dateOrder: DateOrder;
  private readonly timeZone: string;
  private readonly classifier: StatusClassifier;
  private readonly mappedCols: number[];
  private readonly labelCols: number[];
  private readonly stages: boolean;
  /** Columns of the status flags (−1: not mapped); `flags` when any is. */
  private readonly flagCols: { won: number; lost: number; closed: number; active: number };
  private readonly flags: boolean;
  /** Status class of each stage code seen with a text status (−1: not yet). */
  private readonly stageClasses: number[] = [];
  private next: number;
  private buffers: Buffers | undefined;

  constructor(
    private readonly table: DealTable,
    options: DealReadOptions,
  ) {
    this.strict = options.mode === 'strict';
    this.argument = options.argument ?? 'deals_table';
    this.uses = options.uses ?? KPI_USES;
    this.decimal = decimalSeparatorOf(options.context.locale);
    this.dateOrder = dateOrderOf(options.context.locale);
    this.timeZone = options.context.timeZone;
    this.classifier = new StatusClassifier(options.won, options.lost);
    const mapped = new Set<DealFieldId>();
    for (const field of Object.keys(table.columns) as DealFieldId[]) {
      if (this.col(field) >= 0) mapped.add(field);
    }
    this.mapped = mapped;
    this.mappedCols = [...new Set([...mapped].map((f) => this.col(f)))];
    this.labelFields = (options.labels ?? DEAL_LABEL_FIELDS).filter((f) => this.col(f) >= 0);
    this.labelCols = this.labelFields.map((f) => this.col(f));
    this.labelCoders = this.labelFields.map(() => new LabelCoder(this.timeZone));
    this.stageCoder = new LabelCoder(this.timeZone);
    this.stages = options.stages ?? true;
    this.flagCols = {
      won: this.col('isWon'),
      lost: this.col('isLost'),
      closed: this.col('isClosed'),
      active: this.col('active'),
    };
    const f = this.flagCols;
    this.flags = f.won >= 0 || f.lost >= 0 || f.closed >= 0 || f.active >= 0;
    this.next = table.headerIndex + 1;
  }

  /**
   * The status class of a row as its flags tell it, over the status column's: CRMs
   * compute their flags from the stage, so the flags are the truth when the stage names
   * say nothing of won or lost (a custom pipeline). A won flag (IsWon, a won time) makes
   * the deal won; a lost flag (a lost time) lost; a closed flag (IsClosed) lost unless
   * won; a deal archived with a probability of 0 (Odoo) is lost. Blank flags leave the
   * status column's class.
   */
  private flagClass(row: readonly unknown[], cls: StatusClass, hasStatus: boolean): StatusClass {
    const f = this.flagCols;
    const won = f.won >= 0 ? readFlag(row[f.won]) : undefined;
    if (won === true) return StatusClass.Won;
    const lost = f.lost >= 0 ? readFlag(row[f.lost]) : undefined;
    if (lost === true) return StatusClass.Lost;
    const closed = f.closed >= 0 ? readFlag(row[f.closed]) : undefined;
    if (closed === true) return won !== false && cls === StatusClass.Won ? cls : StatusClass.Lost;
    if (f.active >= 0 && readFlag(row[f.active]) === false) {
      const probCol = this.col('probability');
      if (probCol >= 0 && toProbability(row[probCol], this.decimal) === 0) return StatusClass.Lost;
    }
    if (closed === false) return StatusClass.Open;
    if (won === false || lost === false) {
      // Not won (and not lost): open, unless the status column says lost.
      return cls === StatusClass.Lost ? cls : StatusClass.Open;
    }
    // Flags blank: the status column decides; without one, a row with flag columns is open.
    if (!hasStatus && (won === null || lost === null)) return StatusClass.Open;
    return cls;
  }

  /**
   * The status class of a row whose status has stage code `stage`. A text's stage key is
   * its normalised label, the only thing the classifier looks at, so the class is the
   * same for every text of a stage: one lookup (the stage's) serves both.
   */
  private classOf(raw: unknown, stage: number): StatusClass {
    if (stage < 0 || typeof raw !== 'string') return this.classifier.classify(raw);
    const classes = this.stageClasses;
    const known = stage < classes.length ? classes[stage] : -1;
    if (known >= 0) return known;
    const cls = this.classifier.classify(raw);
    while (classes.length <= stage) classes.push(-1);
    classes[stage] = cls;
    return cls;
  }

  private col(field: DealFieldId): number {
    const c = this.table.columns[field];
    return c === undefined || c < 0 ? -1 : c;
  }

  /** True once every row has been read. */
  get done(): boolean {
    return this.next >= this.table.values.length;
  }

  /**
   * Reads the next non-blank rows, up to `maxRows` of them (all when omitted). With
   * `reuse`, the previous block's buffers are overwritten when large enough: that block
   * is then gone.
   */
  read(maxRows = Infinity, reuse = false): DealColumns {
    const remaining = Math.max(0, this.table.values.length - this.next);
    const capacity = Math.min(remaining, maxRows);
    const b =
      reuse && this.buffers && this.buffers.rows.length >= capacity
        ? this.buffers
        : allocate(capacity, this.labelFields.length);
    this.buffers = b;
    const n = this.fill(b, capacity);
    return this.columns(b, n);
  }

  private fill(b: Buffers, capacity: number): number {
    const { strict, uses, decimal, dateOrder, timeZone, table } = this;
    const values = table.values;
    const firstSheetRow = table.firstSheetRow ?? 1;
    const col = (f: DealFieldId) => this.col(f);
    const statusCol = col('status');
    const amountCol = col('amount');
    const costCol = col('cost');
    const probCol = col('probability');
    const createdCol = col('created');
    const closedCol = col('closed');
    const mappedCols = this.mappedCols;
    const labelCols = this.labelCols;
    const coders = this.labelCoders;
    const { problems, skipped, stages } = this;
    const usesAmount = uses.amount ?? 0;
    const usesCost = uses.cost ?? 0;
    const usesProbability = uses.probability ?? 0;
    const usesCreated = uses.created ?? 0;
    const usesClosed = uses.closed ?? 0;
    const usesCycle = uses.cycle ?? 0;
    const usesPeriod = uses.period ?? 0;

    // A formula counts the values below the header row: it cannot know the sheet's rows.
    const located = (sheetRow: number) => ({
      arg: this.argument,
      position: sheetRow - firstSheetRow - table.headerIndex,
    });
    const fail = (
      field: DealFieldId,
      column: number,
      sheetRow: number,
      raw: unknown,
      reason: DealProblemReason,
    ): number => {
      const header = headerOf(table, column, field);
      if (strict) {
        const code = reason === 'closedBeforeCreated' ? 'notADate' : reason;
        throw inputError(code, { ...located(sheetRow), column: header, value: raw });
      }
      problems.push({ field, header, sheetRow, value: describeValue(raw), reason });
      return NO_VALUE;
    };
    const number = (field: DealFieldId, column: number, sheetRow: number, raw: unknown) => {
      if (typeof raw === 'number' && raw <= MAX_AMOUNT && raw >= -MAX_AMOUNT) return raw;
      const parsed = parseNumber(raw, decimal);
      if (parsed === null) return NO_VALUE;
      // A formula adds any number and fails only when its sum overflows (rule 6); the
      // summary, which cannot fail, lists an amount too large to add up (amountProblem).
      const problem = strict
        ? parsed === NOT_A_NUMBER
          ? isTooLarge(raw, decimal)
            ? 'tooLarge'
            : 'notANumber'
          : null
        : amountProblem(raw, parsed, decimal);
      if (problem !== null) return fail(field, column, sheetRow, raw, problem);
      return parsed as number;
    };
    const date = (field: DealFieldId, column: number, sheetRow: number, raw: unknown) => {
      if (raw instanceof DateClass) {
        const ms = raw.getTime();
        if (isInDateRange(ms)) return ms;
      }
      const parsed = parseDate(raw, dateOrder, timeZone);
      if (parsed === null) return NO_VALUE;
      if (parsed === NOT_A_DATE) return fail(field, column, sheetRow, raw, 'notADate');
      return parsed;
    };

    let n = 0;
    let r = this.next;
    for (; r < values.length && n < capacity; r++) {
      const row = values[r];
      let blank = true;
      for (let k = 0; k < mappedCols.length; k++) {
        if (!isBlank(row[mappedCols[k]])) {
          blank = false;
          break;
        }
      }
      if (blank) {
        skipped.add('blank', firstSheetRow + r);
        continue;
      }
      const sheetRow = firstSheetRow + r;
      const rawStatus = statusCol >= 0 ? row[statusCol] : undefined;
      const stage = stages ? this.stageCoder.code(rawStatus) : -1;
      let cls = this.classOf(rawStatus, stage);
      if (this.flags) cls = this.flagClass(row, cls, statusCol >= 0);
      const bit = 1 << cls;
      b.rows[n] = r;
      b.sheetRows[n] = sheetRow;
      b.status[n] = cls;
      b.stage[n] = stage;

      // Every slot is written once per row: the buffers are reused from block to block.
      let amount = NO_VALUE;
      let amountBlank = true;
      if (amountCol >= 0) {
        const raw = row[amountCol];
        amountBlank = isBlank(raw);
        if (!amountBlank && (!strict || usesAmount & bit)) {
          amount = number('amount', amountCol, sheetRow, raw);
        }
      }
      b.amount[n] = amount;
      b.cost[n] =
        costCol >= 0 && (!strict || usesCost & bit)
          ? number('cost', costCol, sheetRow, row[costCol])
          : NO_VALUE;
      let probability = NO_VALUE;
      if (probCol >= 0 && (!strict || (usesProbability & bit && !amountBlank))) {
        const raw = row[probCol];
        if (!isBlank(raw)) {
          probability = toProbability(raw, decimal);
          if (probability !== probability) {
            fail('probability', probCol, sheetRow, raw, 'notAProbability');
          }
        }
      }
      b.probability[n] = probability;
      let start = NO_VALUE;
      let end = NO_VALUE;
      let period = NO_VALUE;
      if (createdCol >= 0 || closedCol >= 0) {
        const rawCreated = createdCol >= 0 ? row[createdCol] : undefined;
        const rawClosed = closedCol >= 0 ? row[closedCol] : undefined;
        const hasCreated = !isBlank(rawCreated);
        const hasClosed = !isBlank(rawClosed);
        let needCreated = !strict || (usesCreated & bit) !== 0;
        let needClosed = !strict || (usesClosed & bit) !== 0;
        const cycle = hasCreated && hasClosed && (!strict || (usesCycle & bit) !== 0);
        if (cycle) needCreated = needClosed = true;
        const wantsPeriod = !strict || (usesPeriod & bit) !== 0;
        if (wantsPeriod) {
          if (hasClosed) needClosed = true;
          else needCreated = true;
        }
        if (needCreated && hasCreated) start = date('created', createdCol, sheetRow, rawCreated);
        if (needClosed && hasClosed) end = date('closed', closedCol, sheetRow, rawClosed);
        if (cycle && end < start) {
          if (strict) {
            throw inputError('closedBeforeCreated', {
              ...located(sheetRow),
              column: headerOf(table, closedCol, 'closed'),
              value: rawClosed,
              createdArg: headerOf(table, createdCol, 'created'),
              closed: isoDay(end, timeZone),
              created: isoDay(start, timeZone),
            });
          }
          problems.push({
            field: 'closed',
            header: headerOf(table, closedCol, 'closed'),
            sheetRow,
            // A date cell as its day in the sheet's zone (not as an instant in UTC).
            value: isDate(rawClosed) ? isoDay(end, timeZone) : describeValue(rawClosed),
            reason: 'closedBeforeCreated',
          });
        }
        if (wantsPeriod) period = end === end ? end : start;
      }
      b.created[n] = start;
      b.closed[n] = end;
      b.period[n] = period;
      for (let k = 0; k < labelCols.length; k++) {
        b.labels[k][n] = coders[k].code(row[labelCols[k]]);
      }
      n++;
    }
    this.next = r;
    return n;
  }

  private columns(b: Buffers, n: number): DealColumns {
    const labels: Partial<Record<DealLabelField, LabelColumn>> = {};
    this.labelFields.forEach((field, k) => {
      labels[field] = this.labelCoders[k].column(b.labels[k], n);
    });
    return {
      length: n,
      rows: b.rows.subarray(0, n),
      sheetRows: b.sheetRows.subarray(0, n),
      status: b.status.subarray(0, n),
      stage: this.stageCoder.column(b.stage, n),
      amount: b.amount.subarray(0, n),
      cost: b.cost.subarray(0, n),
      probability: b.probability.subarray(0, n),
      created: b.created.subarray(0, n),
      closed: b.closed.subarray(0, n),
      period: b.period.subarray(0, n),
      labels,
      mapped: this.mapped,
      problems: this.problems,
    };
  }
}

function allocate(capacity: number, labelCount: number): Buffers {
  return {
    rows: new Int32Array(capacity),
    sheetRows: new Int32Array(capacity),
    status: new Uint8Array(capacity),
    stage: new Int32Array(capacity),
    amount: new Float64Array(capacity),
    cost: new Float64Array(capacity),
    probability: new Float64Array(capacity),
    created: new Float64Array(capacity),
    closed: new Float64Array(capacity),
    period: new Float64Array(capacity),
    labels: Array.from({ length: labelCount }, () => new Int32Array(capacity)),
  };
}

/** Reads a whole deals table in one pass. */
export function readDeals(table: DealTable, options: DealReadOptions): DealColumns {
  return new DealReader(table, options).read();
}

/**
 * Reads a deals table in blocks of `blockRows` non-blank rows, calling `onBlock` with
 * each; the block's arrays are reused for the next one, so `onBlock` must not keep them.
 * Returns the reader (its coders hold every label; its problems every problem).
 */
export function forEachDealBlock(
  table: DealTable,
  options: DealReadOptions,
  onBlock: (block: DealColumns) => void,
  blockRows = DEAL_BLOCK_ROWS,
): DealReader {
  const reader = new DealReader(table, options);
  while (!reader.done) {
    const block = reader.read(blockRows, true);
    if (block.length > 0) onBlock(block);
  }
  return reader;
}

/** Codes any column of a block's rows as labels (KPI_TABLE's group by header). */
export function codeColumn(
  table: DealTable,
  deals: DealColumns,
  column: number,
  coder: LabelCoder,
  into?: Int32Array,
): Int32Array {
  const codes = into && into.length >= deals.length ? into : new Int32Array(deals.length);
  for (let i = 0; i < deals.length; i++) codes[i] = coder.code(table.values[deals.rows[i]][column]);
  return codes;
}
