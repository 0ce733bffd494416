import type { Column } from './args';
import {
  checkPaired,
  DateReader,
  Parsers,
  requireArg,
  toColumn,
  toLabelSet,
  toOptionalColumn,
} from './args';
import type { SheetContext } from './context';
import { isoDay } from './dates';
import { inputError } from './errors';
import { normalizeLabel } from './labels';
import { StatusClass, StatusClassifier } from './status';

/**
 * Dense ids for customers, one per normalised label (rule 4), memoised by raw cell value
 * so a row costs one Map lookup. Blank customers get -1.
 */
export class CustomerIndex {
  private readonly byRaw = new Map<unknown, number>();
  private readonly byLabel = new Map<string, number>();
  size = 0;

  idOf(raw: unknown): number {
    const hit = this.byRaw.get(raw);
    if (hit !== undefined) return hit;
    const label = normalizeLabel(raw);
    let id = -1;
    if (label !== '') {
      const known = this.byLabel.get(label);
      if (known !== undefined) id = known;
      else {
        id = this.size++;
        this.byLabel.set(label, id);
      }
    }
    // Date objects are distinct keys each time; only primitives are worth remembering.
    if (typeof raw !== 'object' || raw === null) this.byRaw.set(raw, id);
    return id;
  }
}

/** The arguments shared by RETENTION_RATE, CHURN_RATE, NEW_CUSTOMERS and ACTIVE_CUSTOMERS. */
export interface CustomerPeriodInput {
  readonly customers: Column;
  readonly dates: Column;
  /** Undefined when not given: then every row counts. */
  readonly statuses: Column | undefined;
  readonly classifier: StatusClassifier;
  readonly parsers: Parsers;
  /** The period [from, until) as instants (rule 8). */
  readonly from: number;
  readonly until: number;
}

/**
 * Reads `(customers, dates, start, end, [statuses], [won_labels])`: shapes (rule 1),
 * pairing (rule 2), then the period. An empty period (end before start) is an error.
 */
export function readCustomerPeriodArgs(
  context: SheetContext,
  args: readonly unknown[],
): CustomerPeriodInput {
  const [customersArg, datesArg, startArg, endArg, statusesArg, wonArg] = args;
  requireArg('customers', customersArg);
  requireArg('dates', datesArg);
  const customers = toColumn('customers', customersArg);
  const dates = toColumn('dates', datesArg);
  const statuses = toOptionalColumn('statuses', statusesArg);
  checkPaired(customers, dates, statuses);
  const parsers = new Parsers(context);
  const { from, until } = parsers.period(startArg, endArg);
  if (until <= from) {
    const end = parsers.scalarDate('end', endArg);
    throw inputError('endBeforeStart', {
      start: isoDay(from, context.timeZone),
      end: isoDay(end, context.timeZone),
    });
  }
  const classifier = new StatusClassifier(toLabelSet(wonArg));
  return { customers, dates, statuses, classifier, parsers, from, until };
}

/**
 * Visits every row a customer function counts: a non-blank customer and, when statuses
 * are given, a won status. Rows that do not count (blank rows included) are skipped.
 */
export function forEachCountedRow(
  customers: Column,
  statuses: Column | undefined,
  classifier: StatusClassifier,
  index: CustomerIndex,
  visit: (id: number, row: number) => void,
): void {
  const names = customers.values;
  const states = statuses?.values;
  for (let row = 0; row < names.length; row++) {
    if (states !== undefined && classifier.classify(states[row]) !== StatusClass.Won) continue;
    const id = index.idOf(names[row]);
    if (id < 0) continue;
    visit(id, row);
  }
}

/**
 * forEachCountedRow with each row's date: null when the date cell is blank. The dates of
 * rows that do not count are never parsed.
 */
export function forEachCustomerRow(
  input: CustomerPeriodInput,
  index: CustomerIndex,
  visit: (id: number, date: number | null) => void,
): void {
  const reader = new DateReader(input.parsers, input.dates);
  const { customers, statuses, classifier } = input;
  forEachCountedRow(customers, statuses, classifier, index, (id, row) => visit(id, reader.at(row)));
}
