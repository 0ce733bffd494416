import { midnightOf } from '../core/dates';
import { PLAIN_FORMAT, TEXT_FORMAT } from './formats';

/**
 * A tab computed in memory before anything is written: values, number formats,
 * backgrounds and font weights as four rectangles of the same size, so that writing a
 * tab is one setValues, one setNumberFormats, one setBackgrounds and one setFontWeights
 * whatever its length.
 */

/** What a cell shows when its figure has no value (a zero denominator). */
export const NO_VALUE = '—';

export const COLORS = {
  better: '#d9ead3',
  worse: '#f4cccc',
  header: '#efefef',
  /** A figure that is not plausible: amber, neither better nor worse. */
  implausible: '#fce8b2',
  title: null,
} as const;

export type Weight = 'bold' | 'normal';

export interface Cell {
  readonly value: string | number | Date;
  readonly format: string;
  readonly background: string | null;
  readonly weight: Weight;
}

/**
 * Text as it must be written to stay text. Sheets reads a written string the way it
 * reads typing: `=…` (and `+…`, `-…`, `@…`) becomes a formula, `12,5` or `1e3` a number,
 * `12%` a percentage, `May 2026`, `mars 2025`, `1/2` or `3-4` a date, `TRUE` a boolean,
 * and setting the `@` (plain text) format afterwards does not bring the text back. A
 * leading apostrophe makes Sheets keep the text exactly and is not part of the value, so
 * every non-empty text is quoted: a rep called `May 2026` stays `May 2026`, and a name
 * such as `=HYPERLINK(…)` never runs.
 */
export function safeText(text: string): string {
  return text === '' ? '' : "'" + text;
}

export function text(
  value: string,
  weight: Weight = 'normal',
  background: string | null = null,
): Cell {
  return { value: safeText(value), format: TEXT_FORMAT, background, weight };
}

export function bold(value: string, background: string | null = null): Cell {
  return text(value, 'bold', background);
}

export function header(value: string): Cell {
  return text(value, 'bold', COLORS.header);
}

/** A number in `format`, or "—" when it has no value. */
export function num(
  value: number | null,
  format: string,
  background: string | null = null,
  weight: Weight = 'normal',
): Cell {
  if (value === null || !Number.isFinite(value)) {
    return { value: NO_VALUE, format: TEXT_FORMAT, background, weight };
  }
  return { value, format, background, weight };
}

/** A calendar day (`YYYY-MM-DD` in the spreadsheet's zone) as a real date cell. */
export function day(
  iso: string | null,
  format: string,
  timeZone: string,
  weight: Weight = 'normal',
): Cell {
  const match = iso === null ? null : /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return { value: '', format: PLAIN_FORMAT, background: null, weight };
  const ms = midnightOf(+match[1], +match[2], +match[3], timeZone);
  return { value: new Date(ms), format, background: null, weight };
}

/** An instant (ISO text) as a date-time cell. */
export function instant(iso: string, format: string): Cell {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return text(iso);
  return { value: new Date(ms), format, background: null, weight: 'normal' };
}

export const EMPTY: Cell = { value: '', format: PLAIN_FORMAT, background: null, weight: 'normal' };

/** Where a block of cells landed, 1-based, for chart ranges. */
export interface Block {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

export class Grid {
  private readonly lines: Cell[][] = [];
  private widest = 1;

  /** Appends a row; returns its 1-based sheet row. */
  row(...cells: Cell[]): number {
    this.lines.push(cells);
    if (cells.length > this.widest) this.widest = cells.length;
    return this.lines.length;
  }

  blank(): number {
    return this.row();
  }

  /** The next row's number (1-based). */
  get nextRow(): number {
    return this.lines.length + 1;
  }

  get height(): number {
    return this.lines.length;
  }

  get width(): number {
    return this.widest;
  }

  private plane<T>(read: (cell: Cell) => T): T[][] {
    return this.lines.map((line) => {
      const out: T[] = new Array(this.widest);
      for (let c = 0; c < this.widest; c++) out[c] = read(line[c] ?? EMPTY);
      return out;
    });
  }

  values(): (string | number | Date)[][] {
    return this.plane((cell) => cell.value);
  }
  formats(): string[][] {
    return this.plane((cell) => cell.format);
  }
  backgrounds(): (string | null)[][] {
    return this.plane((cell) => cell.background);
  }
  weights(): Weight[][] {
    return this.plane((cell) => cell.weight);
  }
}
