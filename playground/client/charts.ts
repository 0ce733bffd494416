/**
 * The embedded charts of a tab, drawn with chart.js (served by the playground from
 * node_modules, never a CDN) at their anchor cell plus offsets, as Sheets places them.
 */
import type { ChartView } from '../protocol';

interface ChartInstance {
  destroy(): void;
}
type ChartConstructor = new (canvas: HTMLCanvasElement, config: unknown) => ChartInstance;

let drawn: ChartInstance[] = [];

/** Where a cell's top-left corner is inside the grid (the row may not be drawn yet). */
function anchorOf(
  table: HTMLTableElement,
  row: number,
  column: number,
): { left: number; top: number } {
  const header = table.querySelector<HTMLElement>(`thead th[data-column="${column}"]`);
  const tr = table.querySelector<HTMLElement>(`tr[data-row="${row}"]`);
  const headHeight = table.tHead?.offsetHeight ?? 21;
  return {
    left: header?.offsetLeft ?? 46 + (column - 1) * 100,
    top: tr?.offsetTop ?? headHeight + (row - 1) * 21,
  };
}

function tableOf(rows: string[][]): HTMLTableElement {
  const table = document.createElement('table');
  for (const line of rows) {
    const tr = table.insertRow();
    for (const text of line) tr.insertCell().textContent = text;
  }
  return table;
}

export function drawCharts(layer: HTMLElement, table: HTMLTableElement, charts: ChartView[]): void {
  for (const chart of drawn) chart.destroy();
  drawn = [];
  layer.replaceChildren();
  const Chart = (window as unknown as { Chart?: ChartConstructor }).Chart;
  charts.forEach((chart, index) => {
    const { row, column, offsetX, offsetY } = chart.spec.position;
    const anchor = anchorOf(table, row, column);
    const box = document.createElement('div');
    box.className = 'chart';
    box.dataset.chart = String(index);
    box.dataset.type = chart.spec.type ?? 'COLUMN';
    box.style.left = `${anchor.left + offsetX}px`;
    box.style.top = `${anchor.top + offsetY}px`;
    box.style.width = `${chart.width}px`;
    box.style.height = `${chart.height}px`;
    if (chart.background) box.style.background = chart.background;
    layer.append(box);
    if (!chart.config || !Chart) {
      box.append(tableOf(chart.rows ?? []));
      return;
    }
    const canvas = document.createElement('canvas');
    canvas.width = chart.width - 2;
    canvas.height = chart.height - 2;
    canvas.style.width = `${chart.width - 2}px`;
    canvas.style.height = `${chart.height - 2}px`;
    box.append(canvas);
    try {
      drawn.push(new Chart(canvas, chart.config));
    } catch (error) {
      box.replaceChildren(tableOf(chart.rows ?? [[`Chart error: ${(error as Error).message}`]]));
    }
  });
}
