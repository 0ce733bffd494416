/**
 * A problem with what the user passed. The message names the argument, row and value
 * but not the function: the adapter that knows the function prefixes its name.
 */
export class KpiInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KpiInputError';
  }
}

/** The wording of every formula error, in one place. */
export const messages = {
  notAColumn: (arg: string, rows: number, cols: number) =>
    `${arg} must be a single column or row (got ${rows}×${cols})`,
  pairedLength: (a: string, aRows: number, b: string, bRows: number) =>
    `${a} has ${aRows} rows but ${b} has ${bRows}`,
  notANumber: (arg: string, row: number, shown: string) =>
    `${arg} row ${row}: ${shown} is not a number`,
  notADate: (arg: string, row: number, shown: string) =>
    `${arg} row ${row}: ${shown} is not a date`,
  notADateScalar: (arg: string, shown: string) => `${arg}: ${shown} is not a date`,
  notANumberScalar: (arg: string, shown: string) => `${arg}: ${shown} is not a number`,
  required: (arg: string) => `${arg} is required`,
  notAProbability: (arg: string, row: number, shown: string) =>
    `${arg} row ${row}: ${shown} is not a probability (use 0–1, 0–100 or a percentage)`,
  scoreOutOfRange: (arg: string, row: number, shown: string) =>
    `${arg} row ${row}: ${shown} is outside the 0–10 scale`,
  closedBeforeCreated: (row: number, closed: string, created: string) =>
    `closed row ${row}: ${closed} is before created ${created}`,
  endBeforeStart: (start: string, end: string) => `end ${end} is before start ${start}`,
  blankName: (arg: string, row: number, other: string, shown: string) =>
    `${arg} row ${row} is blank but ${other} has ${shown}`,
} as const;
