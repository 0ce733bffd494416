/**
 * The playground server without a browser: its command line, the google.script shim
 * injection, what crosses google.script.run, the chart configurations, and the process
 * itself (starts, prints its address, serves, stops cleanly on SIGINT and SIGTERM).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chartView, nestOptions } from '../../playground/chartConfig';
import { injectShim, parseArguments, startPlayground } from '../../playground/server';
import { scriptRunValue } from '../../playground/session';
import { typeTable } from '../../playground/tables';
import type { ChartSpec } from '../../emulator/charts';

const ROOT = path.resolve(__dirname, '..', '..');

describe('parseArguments', () => {
  it('reads a folder and the options, in any order', () => {
    expect(
      parseArguments(['--port', '0', 'data/ventes', '--locale=en_GB', '--today', '2026-03-15']),
    ).toEqual({ port: 0, folder: 'data/ventes', locale: 'en_GB', today: '2026-03-15' });
    expect(parseArguments(['--tz', 'Europe/Brussels', '--no-open'])).toEqual({
      timeZone: 'Europe/Brussels',
      open: false,
    });
    expect(parseArguments([])).toEqual({});
  });

  it('refuses what it cannot read', () => {
    expect(() => parseArguments(['--port'])).toThrow('--port needs a value');
    expect(() => parseArguments(['--port', 'x'])).toThrow('--port');
    expect(() => parseArguments(['--colour', 'red'])).toThrow('unknown argument --colour');
    expect(() => parseArguments(['a', 'b'])).toThrow('unknown argument b');
  });
});

describe('injectShim', () => {
  const shim = 'window.google = 1; // </script> inside';

  it('defines google.script before the page’s own scripts', () => {
    const html = injectShim(
      '<!DOCTYPE html><html><head><title>x</title><script>run()</script>',
      shim,
      ['a'],
    );
    expect(html.indexOf('window.google')).toBeLessThan(html.indexOf('run()'));
    expect(html.startsWith('<!DOCTYPE html><html><head><script>')).toBe(true);
    expect(html).toContain('window.__PLAYGROUND__={"functions":["a"]}');
    expect(html).toContain('<\\/script> inside');
  });

  it('works on a fragment without <head>', () => {
    expect(injectShim('<div>hi</div>', shim, []).endsWith('<div>hi</div>')).toBe(true);
  });
});

describe('scriptRunValue', () => {
  it('passes what google.script.run carries and drops what it cannot', () => {
    expect(scriptRunValue({ a: [1, 'x', null, true], b: { c: undefined } })).toEqual({
      a: [1, 'x', null, true],
      b: {},
    });
    expect(scriptRunValue([1, undefined])).toEqual([1, null]);
    expect(scriptRunValue(undefined)).toBeUndefined();
    // As in Apps Script, a Date anywhere in the value makes it arrive as null.
    expect(scriptRunValue({ when: new Date() })).toBeNull();
  });
});

describe('typeTable', () => {
  it('types cells as Sheets imports them, number formats included', () => {
    const table = typeTable('ventes.tsv', 'Client\tMontant\tPart\nRoux\t1 234,50 €\t40 %\n', {
      locale: 'fr_FR',
      timeZone: 'Europe/Paris',
    });
    expect(table.name).toBe('ventes');
    expect(table.values).toEqual([
      ['Client', 'Montant', 'Part'],
      ['Roux', 1234.5, 0.4],
    ]);
    const formatted = table.numberFormats.flatMap((line, r) =>
      line.flatMap((format, c) => (format ? [[r, c]] : [])),
    );
    expect(formatted).toEqual([
      [1, 1],
      [1, 2],
    ]);
  });
});

describe('chartView', () => {
  const spec = (patch: Partial<ChartSpec>): ChartSpec => ({
    chartId: 1,
    type: 'COLUMN',
    ranges: ["'KPI'!A1:A4", "'KPI'!B1:C4"],
    position: { row: 2, column: 5, offsetX: 0, offsetY: 0 },
    options: {},
    numHeaders: 1,
    transposeRowsAndColumns: false,
    hiddenDimensionStrategy: 'IGNORE_ROWS',
    mergeStrategy: 'MERGE_COLUMNS',
    ...patch,
  });
  const labels = {
    values: [['Rep'], ['Ana'], ['Bo'], ['']],
    display: [['Rep'], ['Ana'], ['Bo'], ['']],
  };
  const numbers = {
    values: [
      ['Revenue', 'Target'],
      [10, 12],
      [20, 'n/a'],
      ['', ''],
    ],
    display: [
      ['Revenue', 'Target'],
      ['10', '12'],
      ['20', 'n/a'],
      ['', ''],
    ],
  };

  it('reads the first column as labels and each other one as a series', () => {
    const view = chartView(
      spec({ options: { title: 'Revenue vs target', 'legend.position': 'none', isStacked: true } }),
      [labels, numbers],
      'fr_FR',
    );
    expect(view.config).toMatchObject({
      type: 'bar',
      data: {
        labels: ['Ana', 'Bo'],
        datasets: [
          { label: 'Revenue', data: [10, 20] },
          { label: 'Target', data: [12, null] },
        ],
      },
      options: {
        locale: 'fr-FR',
        animation: false,
        plugins: {
          title: { display: true, text: 'Revenue vs target' },
          legend: { display: false },
        },
        scales: { x: { stacked: true }, y: { stacked: true } },
      },
    });
    expect([view.width, view.height]).toEqual([600, 371]);
  });

  it('transposes, puts a series on the right axis, turns BAR horizontal', () => {
    const transposed = chartView(
      spec({
        type: 'LINE',
        ranges: ['A1:C3'],
        transposeRowsAndColumns: true,
        options: { series: { 1: { targetAxisIndex: 1 } } },
      }),
      [
        {
          values: [
            ['', 'Jan', 'Feb'],
            ['Ana', 1, 2],
            ['Bo', 3, 4],
          ],
          display: [
            ['', 'Jan', 'Feb'],
            ['Ana', '1', '2'],
            ['Bo', '3', '4'],
          ],
        },
      ],
    );
    expect(transposed.config?.data).toMatchObject({
      labels: ['Jan', 'Feb'],
      datasets: [
        { label: 'Ana', data: [1, 2] },
        { label: 'Bo', data: [3, 4], yAxisID: 'y1' },
      ],
    });
    expect(chartView(spec({ type: 'BAR' }), [labels, numbers]).config?.options).toMatchObject({
      indexAxis: 'y',
    });
  });

  it('draws a TABLE chart as rows of text', () => {
    const view = chartView(spec({ type: 'TABLE' }), [labels, numbers]);
    expect(view.config).toBeNull();
    expect(view.rows?.[1]).toEqual(['Ana', '10', '12']);
  });

  it('nests dotted options', () => {
    expect(nestOptions({ 'vAxis.title': 'x', vAxis: { format: '0%' }, 'a.b.c': 1 })).toEqual({
      vAxis: { title: 'x', format: '0%' },
      a: { b: { c: 1 } },
    });
  });
});

describe('the playground process', () => {
  const built = existsSync(path.join(ROOT, 'dist', 'Code.js'));
  const run = built ? it : it.skip;

  async function startAndStop(signal: 'SIGINT' | 'SIGTERM'): Promise<void> {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'playground/server.ts', '--port', '0', '--today', '2026-11-02'],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    try {
      const started = Date.now();
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setInterval(() => {
          const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
          if (match) {
            clearInterval(timer);
            resolve(match[0]);
          } else if (Date.now() - started > 20000 || child.exitCode !== null) {
            clearInterval(timer);
            reject(new Error(`no address printed:\n${output}`));
          }
        }, 50);
      });
      const state = (await (await fetch(`${url}api/state`)).json()) as { sheets: unknown[] };
      expect(state.sheets.length).toBeGreaterThanOrEqual(6);
      for (const asset of ['', 'app.js', 'style.css', 'vendor/chart.umd.js']) {
        expect({ asset, status: (await fetch(url + asset)).status }).toEqual({
          asset,
          status: 200,
        });
      }
      child.kill(signal);
      expect(await exited).toBe(0);
      expect(output).toContain(`${signal}: stopping the playground.`);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }

  run('prints its address, serves, and stops on SIGTERM', () => startAndStop('SIGTERM'));
  run('stops on SIGINT (Ctrl+C)', () => startAndStop('SIGINT'));
});

describe('a fresh playground, through its JSON API', () => {
  const built = existsSync(path.join(ROOT, 'dist', 'Code.js'));
  const run = built ? it : it.skip;

  async function call<T>(url: string, body?: unknown): Promise<T> {
    const response = await fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  }

  interface Sheet {
    display: string[][];
    values: unknown[][];
    errors: Record<string, { code: string; message: string }>;
  }

  // Today (the sample's deals end in October 2026) and a year on.
  run.each([undefined, '2027-11-20'])(
    'shows revenue on the first Generate (today %s)',
    async (today) => {
      const playground = await startPlayground({ port: 0, today });
      try {
        const url = playground.url;
        const result = await call<{ ok: boolean }>(`${url}api/run`, {
          name: 'generateSummaryFromMenu',
          args: [],
        });
        expect(result.ok).toBe(true);
        const overview = await call<Sheet>(
          `${url}api/sheet?name=${encodeURIComponent('KPI Synthèse')}`,
        );
        const row = overview.display.find((line) => line[0] === "Chiffre d'affaires (HT)");
        expect(row).toBeDefined();
        const revenue = overview.values[overview.display.indexOf(row!)][1];
        expect(typeof revenue).toBe('number');
        expect(revenue as number).toBeGreaterThan(0);
      } finally {
        await playground.close();
      }
    },
  );

  run('computes SUM, IF, COUNTIFS and FILTER written with ";" in fr_FR', async () => {
    const playground = await startPlayground({ port: 0, today: '2026-11-02' });
    try {
      const url = playground.url;
      const formulas = [
        '=SUM(1; 2)',
        '=IF(1>0; "a"; "b")',
        '=COUNTIFS(affaires!E2:E; "Gagné")',
        '=REVENUE(FILTER(affaires!F2:F; affaires!D2:D="Léa Moreau"); FILTER(affaires!E2:E; affaires!D2:D="Léa Moreau"))',
        '=SUM(1, 2)',
      ];
      for (const [i, text] of formulas.entries()) {
        await call(`${url}api/edit`, { sheet: 'affaires', cell: `N${i + 1}`, text });
      }
      const sheet = await call<Sheet>(`${url}api/sheet?name=affaires`);
      const shown = formulas.map((_, i) => sheet.values[i][13]);
      expect(shown.slice(0, 2)).toEqual([3, 'a']);
      expect(shown[2]).toBeGreaterThan(10);
      expect(shown[3]).toBeGreaterThan(0);
      // In French "," is the decimal separator, never between arguments.
      expect(shown[4]).toBe('#ERROR!');
      expect(sheet.errors).toEqual({ N5: { code: '#ERROR!', message: 'Formula parse error.' } });
    } finally {
      await playground.close();
    }
  });
});
