/** What the playground server and its page exchange (JSON over 127.0.0.1). */
import type { ChartSpec } from '../emulator/charts';

export type MenuItemView =
  | { type: 'item'; caption: string; functionName: string }
  | { type: 'separator' }
  | { type: 'submenu'; menu: MenuView };

export interface MenuView {
  caption: string;
  items: MenuItemView[];
}

export interface StateView {
  title: string;
  locale: string;
  timeZone: string;
  language: 'en' | 'fr';
  addonName: string;
  version: number;
  activeSheet: string;
  sheets: { name: string; tabColor: string | null }[];
  /** The add-on menu the bundle's onOpen added, if it did. */
  menu: MenuView | null;
}

/** Something the bundle showed with SpreadsheetApp.getUi() or Spreadsheet.toast. */
export type UiEvent =
  | { type: 'sidebar'; id: string; title: string }
  | {
      type: 'dialog';
      id: string;
      title: string;
      modal: boolean;
      width: number | null;
      height: number | null;
    }
  | { type: 'alert'; title: string | null; message: string }
  | { type: 'toast'; title: string; message: string; seconds: number | null };

export interface RunResult {
  ok: boolean;
  /** The function's return value as google.script.run delivers it. */
  value?: unknown;
  error?: { name: string; message: string };
  events: UiEvent[];
  version: number;
}

/** A chart.js configuration (plain JSON: no callbacks). */
export interface ChartJsConfig {
  type: string;
  data: { labels: string[]; datasets: Record<string, unknown>[] };
  options: Record<string, unknown>;
}

export interface ChartView {
  spec: ChartSpec;
  /** null for a chart type drawn as a table. */
  config: ChartJsConfig | null;
  /** For a TABLE chart, or when no series could be read: the rows to show as text. */
  rows?: string[][];
  width: number;
  height: number;
  /** The chart's backgroundColor option, if set. */
  background?: string;
}

export interface SheetView {
  name: string;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  /** What each cell of the data range shows. */
  display: string[][];
  /** The values (Dates as ISO text). */
  values: unknown[][];
  /** A1 → formula, for formula cells. */
  formulas: Record<string, string>;
  /** A1 → what the formula bar shows, where it differs from the display. */
  inputs: Record<string, string>;
  /** A1 → the error a formula cell shows. */
  errors: Record<string, { code: string; message: string }>;
  /** A1 of a spilled cell → A1 of the formula that spilled there. */
  spills: Record<string, string>;
  /** Style name → A1 → value, only where set. */
  styles: Record<string, Record<string, unknown>>;
  columnWidths: Record<number, number>;
  merges: string[];
  charts: ChartView[];
}
