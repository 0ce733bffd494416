/**
 * `npm run bench`: times every registry function through dist/Code.js on 100k and 1M
 * getValues-shaped rows, beside a single-pass loop over the same rows (the floor: each
 * cell read once, numbers summed, text trimmed and lower-cased, dates read).
 *
 * The bundle runs in this realm (new Function with fake services), not in a vm context,
 * whose global lookups are much slower than Apps Script's. Timings are printed, never
 * asserted.
 */
import { readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { FUNCTIONS } from '../src/functions/registry';
import { fakeAppsScript, wallInstant } from '../test/support/loadBundle';
import { random } from './random';

const CODE_JS = path.resolve(__dirname, '..', 'dist', 'Code.js');
/** BENCH_ROWS=20000,200000 for a quick look. */
const SIZES = (process.env.BENCH_ROWS ?? '100000,1000000').split(',').map(Number);
const LOCALE = 'en_US';
const TIME_ZONE = 'America/New_York';
/** Ratio of a function's time to the floor's that we aim to stay under. */
const TARGETS: Record<string, number> = { KPI_TABLE: 25 };
const DEFAULT_TARGET = 10;

type Rows = unknown[][];
type Formula = (...args: unknown[]) => unknown;

const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});

// ---- The bundle, loaded in this realm ----

function loadBundle(code: string): Record<string, Formula> {
  const { globals } = fakeAppsScript({ locale: LOCALE, timeZone: TIME_ZONE });
  const names = Object.keys(globals);
  const exported = FUNCTIONS.map((definition) => definition.name);
  const body = `${code}\nreturn { ${exported.map((n) => `${n}: ${n}`).join(', ')} };`;
  const factory = new Function(...names, body) as (
    ...services: unknown[]
  ) => Record<string, Formula>;
  return factory(...names.map((name) => globals[name]));
}

// ---- Realistic rows (deterministic) ----

const STATUSES = [
  ['Closed Won', 14],
  ['Won', 6],
  [' gagné ', 3],
  ['Closed Lost', 12],
  ['Lost', 5],
  ['Perdu', 2],
  ['Open', 20],
  ['Negotiation', 15],
  ['Proposal', 15],
  ['Qualified', 7],
  ['', 1],
] as const;

interface Data {
  n: number;
  status: Rows;
  amount: Rows;
  cost: Rows;
  probability: Rows;
  created: Rows;
  closed: Rows;
  customer: Rows;
  rep: Rows;
  source: Rows;
  score: Rows;
  campaignNames: Rows;
  campaignCosts: Rows;
  table: Rows;
}

function money(value: number): string {
  const [whole, cents] = value.toFixed(2).split('.');
  return `$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

function generate(n: number): Data {
  const next = random(20250331);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const statusPool: string[] = [];
  for (const [label, weight] of STATUSES) for (let i = 0; i < weight; i++) statusPool.push(label);
  const reps = Array.from({ length: 20 }, (_, i) => `Rep ${String.fromCharCode(65 + i)}`);
  const campaigns = Array.from({ length: 30 }, (_, i) => `Campaign ${i + 1}`);
  const days = 3 * 365;
  const dayMs = (offset: number) => wallInstant(TIME_ZONE, 2023, 1, 1 + offset);
  const dayCache = new Map<number, number>();
  const instantOf = (offset: number) => {
    let ms = dayCache.get(offset);
    if (ms === undefined) dayCache.set(offset, (ms = dayMs(offset)));
    return ms;
  };
  // Dates as Sheets hands them: mostly Date cells, some serial numbers, some ISO text.
  const dateCell = (offset: number): unknown => {
    const roll = next();
    if (roll < 0.8) return new Date(instantOf(offset));
    if (roll < 0.9) return 44927 + offset; // 44927 is 2023-01-01
    const d = new Date(Date.UTC(2023, 0, 1 + offset));
    return d.toISOString().slice(0, 10);
  };

  const data: Data = {
    n,
    status: [],
    amount: [],
    cost: [],
    probability: [],
    created: [],
    closed: [],
    customer: [],
    rep: [],
    source: [],
    score: [],
    campaignNames: campaigns.map((name) => [name]),
    campaignCosts: campaigns.map(() => [Math.round(next() * 20000)]),
    table: [
      [
        'Deal ID',
        'Deal Name',
        'Company',
        'Deal Owner',
        'Deal Stage',
        'Amount',
        'Cost',
        'Create Date',
        'Close Date',
        'Lead Source',
        'Probability',
      ],
    ],
  };
  for (let i = 0; i < n; i++) {
    if (next() < 0.005) {
      // A blank row, as in hand-kept sheets.
      for (const key of ['status', 'amount', 'cost', 'probability', 'created', 'closed'] as const)
        data[key].push(['']);
      for (const key of ['customer', 'rep', 'source'] as const) data[key].push(['']);
      data.score.push(['']);
      data.table.push(['', '', '', '', '', '', '', '', '', '', '']);
      continue;
    }
    const status = pick(statusPool);
    const value = Math.round(100 + next() * 50000 * 100) / 100;
    const roll = next();
    const amount = roll < 0.85 ? value : roll < 0.95 ? money(value) : '';
    const cost = Math.round(value * (0.4 + next() * 0.3) * 100) / 100;
    const open = /open|negotiation|proposal|qualified/i.test(status);
    const p = next();
    const probability =
      p < 0.7 ? Math.round(next() * 100) / 100 : p < 0.9 ? `${Math.round(next() * 100)}%` : '';
    const createdOffset = Math.floor(next() * (days - 130));
    const created = dateCell(createdOffset);
    const closed = open ? '' : dateCell(createdOffset + Math.floor(next() * 120));
    const customerId = Math.floor(next() * 50000);
    const customer = next() < 0.05 ? `customer ${customerId} ` : `Customer ${customerId}`;
    const rep = pick(reps);
    const source = next() < 0.2 ? '' : next() < 0.1 ? 'Word of mouth' : pick(campaigns);
    const score = Math.floor(next() * 11);
    data.status.push([status]);
    data.amount.push([amount]);
    data.cost.push([cost]);
    data.probability.push([probability]);
    data.created.push([created]);
    data.closed.push([closed]);
    data.customer.push([customer]);
    data.rep.push([rep]);
    data.source.push([source]);
    data.score.push([score]);
    data.table.push([
      `D-${i}`,
      `${customer} deal ${i}`,
      customer,
      rep,
      status,
      amount,
      cost,
      created,
      closed,
      source,
      probability,
    ]);
  }
  return data;
}

function slice(data: Data, n: number): Data {
  const out = { ...data, n } as Data;
  for (const key of Object.keys(data) as (keyof Data)[]) {
    const value = data[key];
    if (Array.isArray(value) && key !== 'campaignNames' && key !== 'campaignCosts') {
      (out as unknown as Record<string, Rows>)[key] = value.slice(0, key === 'table' ? n + 1 : n);
    }
  }
  return out;
}

// ---- What each function is called with ----

const start = () => new Date(wallInstant(TIME_ZONE, 2025, 1, 1));
const end = () => new Date(wallInstant(TIME_ZONE, 2025, 3, 31));

/** Arguments, and the ranges the floor loop reads (the same rows, once). */
const CALLS: Record<string, (d: Data) => { args: unknown[]; rows: Rows[] }> = {
  WIN_RATE: (d) => ({ args: [d.status], rows: [d.status] }),
  CONVERSION_RATE: (d) => ({ args: [d.status, 'Closed Won'], rows: [d.status] }),
  RETENTION_RATE: (d) => ({
    args: [d.customer, d.created, start(), end()],
    rows: [d.customer, d.created],
  }),
  CHURN_RATE: (d) => ({
    args: [d.customer, d.created, start(), end()],
    rows: [d.customer, d.created],
  }),
  REPEAT_CUSTOMER_RATE: (d) => ({ args: [d.customer, d.status], rows: [d.customer, d.status] }),
  MARGIN_RATE: (d) => ({ args: [d.amount, d.cost], rows: [d.amount, d.cost] }),
  MARKUP_RATE: (d) => ({ args: [d.amount, d.cost], rows: [d.amount, d.cost] }),
  QUOTA_ATTAINMENT: (d) => ({ args: [d.amount, d.cost], rows: [d.amount, d.cost] }),
  GROWTH_RATE: (d) => ({ args: [d.amount, d.cost], rows: [d.amount, d.cost] }),
  NPS: (d) => ({ args: [d.score], rows: [d.score] }),
  NEW_CUSTOMERS: (d) => ({
    args: [d.customer, d.created, start(), end(), d.status],
    rows: [d.customer, d.created, d.status],
  }),
  ACTIVE_CUSTOMERS: (d) => ({
    args: [d.customer, d.created, start(), end()],
    rows: [d.customer, d.created],
  }),
  REVENUE: (d) => ({ args: [d.amount, d.status], rows: [d.amount, d.status] }),
  AVERAGE_DEAL_SIZE: (d) => ({ args: [d.amount, d.status], rows: [d.amount, d.status] }),
  PIPELINE_VALUE: (d) => ({
    args: [d.amount, d.status, d.probability],
    rows: [d.amount, d.status, d.probability],
  }),
  SALES_CYCLE_DAYS: (d) => ({
    args: [d.created, d.closed, d.status],
    rows: [d.created, d.closed, d.status],
  }),
  SALES_VELOCITY: (d) => ({
    args: [d.amount, d.status, d.created, d.closed],
    rows: [d.amount, d.status, d.created, d.closed],
  }),
  MARGIN: (d) => ({ args: [d.amount, d.cost], rows: [d.amount, d.cost] }),
  REVENUE_PER_REP: (d) => ({
    args: [d.amount, d.rep, d.status],
    rows: [d.amount, d.rep, d.status],
  }),
  ROI: (d) => ({ args: [d.amount, d.cost], rows: [d.amount, d.cost] }),
  CAC: (d) => ({ args: [d.cost, d.score], rows: [d.cost, d.score] }),
  CAMPAIGN_ROI: (d) => ({
    args: [d.source, d.amount, d.status, d.campaignNames, d.campaignCosts],
    rows: [d.source, d.amount, d.status],
  }),
  KPI_TABLE: (d) => ({ args: [d.table], rows: [d.table] }),
};

/** The floor: every cell of the given ranges read once, as cheaply as it can be used. */
function floor(ranges: Rows[]): number {
  let acc = 0;
  for (const rows of ranges) {
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      for (let j = 0; j < row.length; j++) {
        const v = row[j];
        if (typeof v === 'number') acc += v;
        else if (typeof v === 'string') acc += v === '' ? 0 : v.trim().toLowerCase().length;
        else if (v instanceof Date) acc += v.getTime() % 7;
      }
    }
  }
  return acc;
}

// ---- Timing ----

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

interface Timing {
  /** The function's first call on a freshly loaded bundle. */
  readonly first: number;
  readonly median: number;
  readonly floor: number;
}

/**
 * First call (cold), a warm-up, then the function and the floor timed alternately, so
 * both see the same machine load; medians of a few runs.
 */
function measure(fn: () => unknown, base: () => unknown, rows: number): Timing {
  const first = time(fn);
  const big = rows > 200_000;
  if (!big) fn(); // at 1M the first call is warm-up enough
  base();
  const runs: number[] = [];
  const floors: number[] = [];
  const count = first > 5000 ? 1 : big ? 3 : 5;
  for (let i = 0; i < count; i++) {
    runs.push(time(fn));
    floors.push(time(base));
  }
  return { first, median: median(runs), floor: median(floors) };
}

const fixed = (value: number, digits = 1) => value.toFixed(digits);

function main(): void {
  const began = performance.now();
  const code = readFileSync(CODE_JS, 'utf8');
  const kb = statSync(CODE_JS).size / 1024;

  const loads: number[] = [];
  for (let i = 0; i < 15; i++) loads.push(time(() => loadBundle(code)));

  console.log(`# Benchmark: dist/Code.js through its top-level functions`);
  console.log('');
  console.log(
    `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, ` +
      `load average ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}, ${LOCALE} ${TIME_ZONE}`,
  );
  console.log('');
  console.log(
    `bundle: ${fixed(kb)} KB (target < 150) · load: first ${fixed(loads[0], 2)} ms, median ${fixed(median(loads.slice(1)), 2)} ms`,
  );
  console.log('');

  const generated = performance.now();
  const full = generate(Math.max(...SIZES));
  const datasets = SIZES.map((n) => (n === full.n ? full : slice(full, n)));
  console.log(`(rows generated in ${fixed((performance.now() - generated) / 1000)} s)`);
  console.log('');

  console.log('| function | rows | first call ms | median ms | floor ms | ratio | target | |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---|');
  const registered = new Set(FUNCTIONS.map((definition) => definition.name));
  const skipped = Object.keys(CALLS).filter((name) => !registered.has(name));
  for (const definition of FUNCTIONS) {
    const call = CALLS[definition.name];
    if (!call) {
      console.log(`| ${definition.name} | – | – | – | – | – | – | no bench inputs yet |`);
      continue;
    }
    const target = TARGETS[definition.name] ?? DEFAULT_TARGET;
    collect(); // one full collection per function, outside every timed run
    for (const data of datasets) {
      const { args, rows } = call(data);
      const bundle = loadBundle(code); // fresh realm state: the first call is a cold one
      const fn = bundle[definition.name];
      let result: Timing;
      try {
        result = measure(
          () => fn(...args),
          () => floor(rows),
          data.n,
        );
      } catch (error) {
        console.log(`| ${definition.name} | ${data.n} | error: ${(error as Error).message} |`);
        continue;
      }
      const ratio = result.median / result.floor;
      console.log(
        `| ${definition.name} | ${data.n.toLocaleString('en-US')} | ${fixed(result.first)} | ${fixed(result.median)} | ${fixed(result.floor)} | ${fixed(ratio)}× | ${target}× | ${ratio <= target ? 'ok' : 'OVER'} |`,
      );
    }
  }
  console.log('');
  if (skipped.length) console.log(`not in the registry yet (skipped): ${skipped.join(', ')}`);
  console.log(
    `total bench time ${fixed((performance.now() - began) / 1000)} s, load average at the end ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
}

main();
