/**
 * One tab drawn as a grid: column letters, row numbers, display values with their
 * styles, merges, errors (#ERROR! with the reason on hover), a selected cell shown in
 * the formula bar, and in-place editing (double-click, Enter or just type; Enter
 * commits). Rows are added as the grid scrolls, so a 2 000-row tab opens at once.
 */
import { cellA1, columnLetters, parseA1 } from '../../emulator/a1';
import type { SheetView } from '../protocol';
import { drawCharts } from './charts';

const ROW_BATCH = 250;
const ROW_HEADER_WIDTH = 46;
const DEFAULT_WIDTH = 100;

export interface GridHost {
  /** Writes text into a cell (a formula when it starts with "="). */
  commit(a1: string, text: string): Promise<void>;
}

export class Grid {
  view: SheetView | null = null;
  private row = 1;
  private column = 1;
  private renderedRows = 0;
  private rowCount = 0;
  private columnCount = 0;
  private covered = new Set<string>();
  private spans = new Map<string, { rows: number; columns: number }>();
  private editor: HTMLInputElement | null = null;
  private readonly table = document.getElementById('grid') as HTMLTableElement;
  private readonly scroller = document.getElementById('grid-scroll') as HTMLDivElement;
  private readonly chartsLayer = document.getElementById('charts') as HTMLDivElement;
  private readonly nameBox = document.getElementById('name-box') as HTMLInputElement;
  private readonly formulaInput = document.getElementById('formula-input') as HTMLInputElement;

  constructor(private readonly host: GridHost) {
    this.table.addEventListener('mousedown', (event) => {
      const cell = (event.target as HTMLElement).closest('td');
      if (!cell?.dataset.a1) return;
      if (this.editor && cell.contains(this.editor)) return;
      void this.finishEditing(true).then(() => {
        const { row, column } = parseA1(cell.dataset.a1!);
        this.select(row, column);
      });
    });
    this.table.addEventListener('dblclick', (event) => {
      const cell = (event.target as HTMLElement).closest('td');
      if (cell?.dataset.a1) this.startEditing();
    });
    this.scroller.addEventListener('keydown', (event) => this.onKey(event));
    this.scroller.addEventListener('scroll', () => this.maybeRenderMore());
    this.formulaInput.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        const text = this.formulaInput.value;
        void this.host.commit(cellA1(this.row, this.column), text).then(() => {
          this.move(1, 0);
          this.scroller.focus();
        });
      } else if (event.key === 'Escape') {
        this.showSelection();
        this.scroller.focus();
      }
    });
  }

  get sheetName(): string | undefined {
    return this.view?.name;
  }

  render(view: SheetView): void {
    const sameSheet = this.view?.name === view.name;
    const scroll = { top: this.scroller.scrollTop, left: this.scroller.scrollLeft };
    document.querySelectorAll('.cell-editor').forEach((editor) => editor.remove());
    this.editor = null;
    this.view = view;
    const dataRows = view.display.length;
    const dataColumns = view.display[0]?.length ?? 0;
    let needRows = dataRows + 30;
    let needColumns = dataColumns + 2;
    for (const chart of view.charts) {
      needRows = Math.max(needRows, chart.spec.position.row + Math.ceil(chart.height / 21) + 2);
      needColumns = Math.max(
        needColumns,
        chart.spec.position.column + Math.ceil(chart.width / 100) + 1,
      );
    }
    this.rowCount = Math.min(view.maxRows, Math.max(needRows, 60));
    this.columnCount = Math.min(view.maxColumns, Math.max(needColumns, 26));
    this.covered.clear();
    this.spans.clear();
    for (const merge of view.merges) {
      // A merge is a bounded range ("A1:C1"): the defaults are never used.
      const { row, column, lastRow = row, lastColumn = column } = parseA1(merge);
      this.spans.set(cellA1(row, column), {
        rows: lastRow - row + 1,
        columns: lastColumn - column + 1,
      });
      for (let r = row; r <= lastRow; r++) {
        for (let c = column; c <= lastColumn; c++) {
          if (r !== row || c !== column) this.covered.add(cellA1(r, c));
        }
      }
    }

    const colgroup = document.createElement('colgroup');
    const head = document.createElement('col');
    head.style.width = `${ROW_HEADER_WIDTH}px`;
    colgroup.append(head);
    const headRow = document.createElement('tr');
    const corner = document.createElement('th');
    corner.className = 'corner rowhead';
    headRow.append(corner);
    let width = ROW_HEADER_WIDTH;
    for (let c = 1; c <= this.columnCount; c++) {
      const col = document.createElement('col');
      const w = view.columnWidths[c] ?? DEFAULT_WIDTH;
      width += w;
      col.style.width = `${w}px`;
      colgroup.append(col);
      const th = document.createElement('th');
      th.textContent = columnLetters(c);
      th.dataset.column = String(c);
      headRow.append(th);
    }
    const thead = document.createElement('thead');
    thead.append(headRow);
    const tbody = document.createElement('tbody');
    this.table.replaceChildren(colgroup, thead, tbody);
    this.table.style.width = `${width}px`;
    this.renderedRows = 0;
    const lastChartRow = Math.max(0, ...view.charts.map((c) => c.spec.position.row + 20));
    this.renderRows(Math.min(this.rowCount, Math.max(ROW_BATCH, lastChartRow)));

    if (!sameSheet) {
      this.row = 1;
      this.column = 1;
      this.scroller.scrollTo(0, 0);
    } else {
      this.scroller.scrollTop = scroll.top;
      this.scroller.scrollLeft = scroll.left;
    }
    this.showSelection();
    drawCharts(this.chartsLayer, this.table, view.charts);
  }

  private renderRows(until: number): void {
    const view = this.view!;
    const tbody = this.table.tBodies[0];
    const fragment = document.createDocumentFragment();
    for (let r = this.renderedRows + 1; r <= until; r++) {
      const tr = document.createElement('tr');
      tr.dataset.row = String(r);
      if (r === view.frozenRows) tr.className = 'frozen-edge';
      const th = document.createElement('th');
      th.className = 'rowhead';
      th.textContent = String(r);
      tr.append(th);
      for (let c = 1; c <= this.columnCount; c++) {
        const a1 = cellA1(r, c);
        if (this.covered.has(a1)) continue;
        tr.append(this.cell(r, c, a1));
      }
      fragment.append(tr);
    }
    tbody.append(fragment);
    this.renderedRows = until;
  }

  private cell(row: number, column: number, a1: string): HTMLTableCellElement {
    const view = this.view!;
    const td = document.createElement('td');
    td.dataset.a1 = a1;
    const span = this.spans.get(a1);
    if (span) {
      td.rowSpan = span.rows;
      td.colSpan = span.columns;
    }
    const text = view.display[row - 1]?.[column - 1] ?? '';
    const value = view.values[row - 1]?.[column - 1];
    td.textContent = text;
    const style = (name: string) => view.styles[name]?.[a1];
    const error = view.errors[a1];
    if (error) {
      td.classList.add('error');
      td.title = error.message;
      td.dataset.error = error.code;
    }
    if (typeof value === 'number') {
      td.classList.add('num');
      td.dataset.value = String(value);
    } else if (typeof value === 'boolean') {
      td.classList.add('bool');
    } else if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value) && !view.formulas[a1]) {
      td.classList.add('num');
    }
    if (view.formulas[a1]) td.dataset.formula = view.formulas[a1];
    const align = style('horizontalAlignment');
    if (typeof align === 'string' && align !== 'general') td.style.textAlign = align;
    const valign = style('verticalAlignment');
    if (valign === 'top' || valign === 'middle') td.style.verticalAlign = valign;
    if (style('fontWeight') === 'bold') td.style.fontWeight = 'bold';
    if (style('fontStyle') === 'italic') td.style.fontStyle = 'italic';
    const color = style('fontColor');
    if (typeof color === 'string') td.style.color = color;
    const background = style('background');
    if (typeof background === 'string') td.style.background = background;
    const size = style('fontSize');
    if (typeof size === 'number') td.style.fontSize = `${Math.round((size * 4) / 3)}px`;
    const family = style('fontFamily');
    if (typeof family === 'string') td.style.fontFamily = `'${family}', Arial, sans-serif`;
    const note = style('note');
    if (typeof note === 'string' && note !== '') {
      td.classList.add('noted');
      td.title = td.title ? `${td.title}\n${note}` : note;
    }
    if (style('wrap') === true) {
      td.classList.add('wrap');
    } else if (
      text !== '' &&
      typeof value === 'string' &&
      !error &&
      !span &&
      (view.display[row - 1]?.[column] ?? '') === ''
    ) {
      // Text runs over empty neighbours, as in Sheets.
      td.classList.add('overflow');
    }
    return td;
  }

  private maybeRenderMore(): void {
    if (!this.view || this.renderedRows >= this.rowCount) return;
    const { scrollTop, clientHeight, scrollHeight } = this.scroller;
    if (scrollTop + clientHeight > scrollHeight - 400) {
      this.renderRows(Math.min(this.rowCount, this.renderedRows + ROW_BATCH));
    }
  }

  private td(row: number, column: number): HTMLTableCellElement | null {
    return this.table.querySelector(`td[data-a1="${cellA1(row, column)}"]`);
  }

  /** Selects a cell by its A1 name (after an undo, say). */
  selectA1(a1: string): void {
    const { row, column } = parseA1(a1);
    this.select(row, column);
  }

  select(row: number, column: number): void {
    const maxRow = this.rowCount || 1;
    const maxColumn = this.columnCount || 1;
    this.row = Math.min(Math.max(1, row), maxRow);
    this.column = Math.min(Math.max(1, column), maxColumn);
    if (this.row > this.renderedRows)
      this.renderRows(Math.min(this.rowCount, this.row + ROW_BATCH));
    this.showSelection();
    this.td(this.row, this.column)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  /** What the formula bar shows for the selected cell. */
  private showSelection(): void {
    this.table
      .querySelectorAll('.selected, .active-header')
      .forEach((element) => element.classList.remove('selected', 'active-header'));
    const a1 = cellA1(this.row, this.column);
    this.td(this.row, this.column)?.classList.add('selected');
    this.table
      .querySelector(`thead th[data-column="${this.column}"]`)
      ?.classList.add('active-header');
    this.table.querySelector(`tr[data-row="${this.row}"] th`)?.classList.add('active-header');
    this.nameBox.value = a1;
    const view = this.view;
    if (!view) return;
    const anchor = view.spills[a1];
    this.formulaInput.classList.toggle('spill', anchor !== undefined);
    this.formulaInput.value = anchor
      ? (view.formulas[anchor] ?? '')
      : (view.formulas[a1] ??
        view.inputs[a1] ??
        view.display[this.row - 1]?.[this.column - 1] ??
        '');
  }

  private move(rows: number, columns: number): void {
    this.select(this.row + rows, this.column + columns);
  }

  private onKey(event: KeyboardEvent): void {
    if (this.editor) return;
    const moves: Record<string, [number, number]> = {
      ArrowDown: [1, 0],
      ArrowUp: [-1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Tab: [0, event.shiftKey ? -1 : 1],
    };
    if (moves[event.key]) {
      event.preventDefault();
      this.move(...moves[event.key]);
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      this.startEditing();
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      void this.host.commit(cellA1(this.row, this.column), '');
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      this.startEditing(event.key);
    }
  }

  /** An input over the selected cell; Enter or a click elsewhere commits, Escape cancels. */
  startEditing(initial?: string): void {
    const td = this.td(this.row, this.column);
    if (!td || !this.view) return;
    const a1 = cellA1(this.row, this.column);
    const input = document.createElement('input');
    input.className = 'cell-editor';
    input.spellcheck = false;
    input.value = initial ?? this.view.formulas[a1] ?? this.view.inputs[a1] ?? td.textContent ?? '';
    const wrap = document.getElementById('grid-wrap')!;
    input.style.left = `${td.offsetLeft}px`;
    input.style.top = `${td.offsetTop}px`;
    input.style.minWidth = `${td.offsetWidth}px`;
    input.style.height = `${td.offsetHeight}px`;
    input.dataset.a1 = a1;
    wrap.append(input);
    this.editor = input;
    input.focus();
    input.addEventListener('keydown', (event) => {
      // The grid's own keys (Enter starts editing) must not see the editor's.
      event.stopPropagation();
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        const [rows, columns] = event.key === 'Enter' ? [1, 0] : [0, 1];
        void this.finishEditing(true).then(() => {
          this.move(rows, columns);
          this.scroller.focus();
        });
      } else if (event.key === 'Escape') {
        void this.finishEditing(false).then(() => this.scroller.focus());
      }
    });
    input.addEventListener('blur', () => void this.finishEditing(true));
    input.addEventListener('input', () => (this.formulaInput.value = input.value));
  }

  private async finishEditing(save: boolean): Promise<void> {
    const input = this.editor;
    if (!input) return;
    this.editor = null;
    input.remove();
    if (save) await this.host.commit(input.dataset.a1!, input.value);
  }
}
