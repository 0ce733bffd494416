/**
 * `npx tsx bench/report.ts`: times the whole report model (buildReport) on 100k and 1M
 * synthetic deal rows shaped as getValues gives them (Date cells, numbers, text), with
 * as many activities, beside arquero computing only the per-rep and per-month aggregates
 * (deals, won, revenue, win rate) from the same arrays in the same run. Also times our
 * engine on exactly that work (readDeals + statsByGroup by rep and by month), for a
 * like-for-like ratio. Timings are printed, never asserted.
 */
import * as aq from 'arquero';
import { performance } from 'node:perf_hooks';
import { midnightOf } from '../src/core/dates';
import { bucketOf } from '../src/engine/periods';
import { DealStats } from '../src/engine/dealStats';
import { forEachDealBlock } from '../src/engine/deals';
import type { Mapping } from '../src/mapping/schema';
import { buildReport } from '../src/report/build';
import { random } from './random';

const SIZES = [100_000, 1_000_000];
const ACTIVITIES_PER_DEAL = 1;
const CONTEXT = { locale: 'en_US', timeZone: 'America/New_York' };
const TODAY = Date.UTC(2026, 10, 15, 12);
const RUNS = 3;
const op = aq.op;

const DEAL_HEADER = [
  'Deal ID',
  'Deal Owner',
  'Company',
  'Deal Stage',
  'Amount',
  'Cost',
  'Create Date',
  'Close Date',
  'Lead Source',
  'Probability',
];
const STAGES = [
  'Closed Won',
  'Closed Won',
  'Closed Lost',
  'Closed Lost',
  'Qualified',
  'Proposal',
  'Negotiation',
];
const OPEN = new Set(['Qualified', 'Proposal', 'Negotiation']);
const REPS = Array.from({ length: 20 }, (_, i) => `Rep ${i + 1}`);
const SOURCES = [
  'Fair 2025',
  'Newsletter',
  'Search ads',
  'Webinar',
  'Referral',
  'Website',
  'Cold call',
  '',
];
const TYPES = ['Call', 'Meeting', 'Email', 'Quote', 'Demo', 'Visit', 'Lunch'];
const START = Date.UTC(2025, 0, 1, 5);
const SPAN_DAYS = 670;

interface Workbook {
  tables: Record<string, unknown[][]>;
  mapping: Mapping;
}

function workbook(n: number): Workbook {
  const rnd = random(n);
  const customers = Array.from({ length: Math.max(100, n / 10) }, (_, i) => `Customer ${i}`);
  const deals: unknown[][] = [DEAL_HEADER];
  for (let i = 0; i < n; i++) {
    const stage = STAGES[Math.floor(rnd() * STAGES.length)];
    const created = START + Math.floor(rnd() * SPAN_DAYS) * 86400000;
    const closed = OPEN.has(stage) ? '' : new Date(created + Math.floor(rnd() * 90) * 86400000);
    const amount = Math.round(500 + rnd() * 40000);
    deals.push([
      `D-${i}`,
      REPS[Math.floor(rnd() * REPS.length)],
      customers[Math.floor(rnd() * customers.length)],
      stage,
      amount,
      Math.round(amount * 0.6),
      new Date(created),
      closed,
      SOURCES[Math.floor(rnd() * SOURCES.length)],
      OPEN.has(stage) ? 0.5 : '',
    ]);
  }
  const activities: unknown[][] = [['Activity Date', 'Owner', 'Activity Type', 'Company']];
  for (let i = 0; i < n * ACTIVITIES_PER_DEAL; i++) {
    activities.push([
      new Date(START + Math.floor(rnd() * SPAN_DAYS) * 86400000),
      REPS[Math.floor(rnd() * REPS.length)],
      TYPES[Math.floor(rnd() * TYPES.length)],
      customers[Math.floor(rnd() * customers.length)],
    ]);
  }
  const campaigns: unknown[][] = [
    ['Campaign', 'Channel', 'Cost', 'Start Date', 'End Date'],
    [
      'Fair 2025',
      'Trade show',
      22000,
      new Date(Date.UTC(2025, 8, 9, 4)),
      new Date(Date.UTC(2025, 8, 11, 4)),
    ],
    [
      'Newsletter',
      'Email',
      900,
      new Date(Date.UTC(2025, 2, 1, 5)),
      new Date(Date.UTC(2025, 3, 15, 4)),
    ],
    [
      'Search ads',
      'Ads',
      15000,
      new Date(Date.UTC(2026, 0, 1, 5)),
      new Date(Date.UTC(2026, 5, 30, 4)),
    ],
    ['Webinar', 'Webinar', 600, new Date(Date.UTC(2025, 10, 12, 5)), ''],
    [
      'Referral',
      'Referral',
      2500,
      new Date(Date.UTC(2026, 2, 1, 5)),
      new Date(Date.UTC(2026, 8, 30, 4)),
    ],
  ];
  const targets: unknown[][] = [['Rep', 'Month', 'Quota']];
  for (let m = 0; m < 24; m++) {
    const label = `${2025 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
    for (const rep of REPS) targets.push([rep, label, (n / 1000) * 20000]);
  }
  const feedback: unknown[][] = [['Date', 'Rep', 'Score', 'Comment']];
  for (let i = 0; i < n / 20; i++) {
    feedback.push([
      new Date(START + Math.floor(rnd() * SPAN_DAYS) * 86400000),
      REPS[Math.floor(rnd() * REPS.length)],
      1 + Math.floor(rnd() * 5),
      rnd() < 0.5 ? 'Pricing pushback' : '',
    ]);
  }
  const fields = (header: string[], map: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(map).map(([field, text]) => [
        field,
        { header: text, index: header.indexOf(text) },
      ]),
    );
  const mapping: Mapping = {
    version: 1,
    entities: {
      deals: {
        sheet: 'Deals',
        headerRow: 1,
        fields: fields(DEAL_HEADER, {
          id: 'Deal ID',
          rep: 'Deal Owner',
          customer: 'Company',
          status: 'Deal Stage',
          amount: 'Amount',
          cost: 'Cost',
          created: 'Create Date',
          closed: 'Close Date',
          source: 'Lead Source',
          probability: 'Probability',
        }),
      },
      activities: {
        sheet: 'Activities',
        headerRow: 1,
        fields: fields(activities[0] as string[], {
          date: 'Activity Date',
          rep: 'Owner',
          type: 'Activity Type',
          customer: 'Company',
        }),
      },
      campaigns: {
        sheet: 'Campaigns',
        headerRow: 1,
        fields: fields(campaigns[0] as string[], {
          name: 'Campaign',
          type: 'Channel',
          cost: 'Cost',
          start: 'Start Date',
          end: 'End Date',
        }),
      },
      targets: {
        sheet: 'Targets',
        headerRow: 1,
        fields: fields(targets[0] as string[], { rep: 'Rep', period: 'Month', target: 'Quota' }),
      },
      feedback: {
        sheet: 'Feedback',
        headerRow: 1,
        fields: fields(feedback[0] as string[], {
          date: 'Date',
          rep: 'Rep',
          score: 'Score',
          comment: 'Comment',
        }),
      },
    },
    status: {
      won: ['Closed Won'],
      lost: ['Closed Lost'],
      open: ['Qualified', 'Proposal', 'Negotiation'],
      stageOrder: ['Qualified', 'Proposal', 'Negotiation', 'Closed Won', 'Closed Lost'],
    },
    feedbackScale: '1-5',
    settings: { period: 'month', fiscalYearStartMonth: 1 },
  };
  return { tables: { deals, activities, campaigns, targets, feedback }, mapping };
}

/** Best wall time of RUNS runs, and the CPU time of that run (less sensitive to a busy machine). */
function best(run: () => unknown): { ms: number; cpu: number; result: unknown } {
  let ms = Infinity;
  let cpu = Infinity;
  let result: unknown;
  for (let k = 0; k < RUNS; k++) {
    const t = performance.now();
    const c = process.cpuUsage();
    result = run();
    const used = process.cpuUsage(c);
    const wall = performance.now() - t;
    if (wall < ms) {
      ms = wall;
      cpu = (used.user + used.system) / 1000;
    }
  }
  return { ms, cpu, result };
}

/** Our engine on the same work as arquero: deals read once in blocks, stats by rep and by month. */
function engineAggregates(wb: Workbook) {
  // The columns arquero is given: rep, status, amount and the dates of the period.
  const fields = wb.mapping.entities.deals.fields;
  const columns: Record<string, number> = {};
  for (const field of ['rep', 'status', 'amount', 'created', 'closed']) {
    columns[field] = fields[field].index;
  }
  const byRep: DealStats[] = [];
  // Month boundaries in the zone, computed once (as the report's periods are).
  const months = Array.from({ length: 37 }, (_, k) =>
    midnightOf(2024 + Math.floor(k / 12), (k % 12) + 1, 1, CONTEXT.timeZone),
  );
  const bounds = Float64Array.from(months);
  const byMonth = months.slice(1).map(() => new DealStats());
  forEachDealBlock(
    { values: wb.tables.deals, headerIndex: 0, columns },
    {
      context: CONTEXT,
      mode: 'lenient',
      won: new Set(['closed won']),
      lost: new Set(['closed lost']),
      labels: ['rep'],
      stages: false,
    },
    (block) => {
      const reps = block.labels.rep!.codes;
      for (let i = 0; i < block.length; i++) {
        const r = reps[i];
        while (byRep.length <= r) byRep.push(new DealStats());
        if (r >= 0) byRep[r].add(block, i);
        const m = bucketOf(block.period[i], bounds);
        if (m >= 0) byMonth[m].add(block, i);
      }
    },
  );
  return { byRep: byRep.map((x) => x.finish()), byMonth: byMonth.map((x) => x.finish()) };
}

/** The same aggregates with arquero, from the same row arrays (columns extracted first). */
function arqueroColumns(rows: unknown[][]) {
  const n = rows.length - 1;
  const rep = new Array<unknown>(n);
  const status = new Array<unknown>(n);
  const amount = new Float64Array(n);
  const period = new Array<unknown>(n);
  for (let i = 0; i < n; i++) {
    const r = rows[i + 1];
    rep[i] = r[1];
    status[i] = r[3];
    amount[i] = r[4] as number;
    period[i] = r[7] === '' ? r[6] : r[7];
  }
  return { rep, status, amount, period };
}

function arqueroAggregates(columns: ReturnType<typeof arqueroColumns>) {
  const base = aq
    .table(columns)
    .derive({
      won: (d: { status: string }) => (d.status === 'Closed Won' ? 1 : 0),
      lost: (d: { status: string }) => (d.status === 'Closed Lost' ? 1 : 0),
      month: (d: { period: Date }) => op.year(d.period) * 100 + op.month(d.period),
    })
    .derive({ wonAmount: (d: { won: number; amount: number }) => d.won * d.amount });
  const rollup = {
    deals: () => op.count(),
    won: (d: { won: number }) => op.sum(d.won),
    lost: (d: { lost: number }) => op.sum(d.lost),
    revenue: (d: { wonAmount: number }) => op.sum(d.wonAmount),
  };
  const rate = { winRate: (d: { won: number; lost: number }) => d.won / (d.won + d.lost) };
  const byRep = base.groupby('rep').rollup(rollup).derive(rate).objects();
  const byMonth = base.groupby('month').rollup(rollup).derive(rate).objects();
  return { byRep, byMonth };
}

function main(): void {
  console.log(`report bench — node ${process.version}, best of ${RUNS}`);
  for (const n of SIZES) {
    const wb = workbook(n);
    const report = best(() =>
      buildReport({ tables: wb.tables, mapping: wb.mapping, context: CONTEXT, today: TODAY }),
    );
    const engine = best(() => engineAggregates(wb));
    const arqueroAll = best(() => arqueroAggregates(arqueroColumns(wb.tables.deals)));
    const columns = arqueroColumns(wb.tables.deals);
    const arqueroOnly = best(() => arqueroAggregates(columns));
    // Same answers: revenue per rep.
    const ours = (engine.result as ReturnType<typeof engineAggregates>).byRep.reduce(
      (s, r) => s + r.revenue,
      0,
    );
    const theirs = (arqueroAll.result as ReturnType<typeof arqueroAggregates>).byRep.reduce(
      (s, r) => s + (r as { revenue: number }).revenue,
      0,
    );
    const fmt = (m: { ms: number; cpu: number }) =>
      `${m.ms.toFixed(0).padStart(6)} ms  (cpu ${m.cpu.toFixed(0)} ms)`;
    const x = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
    console.log(
      `\n${n.toLocaleString('en-US')} deals + ${(n * ACTIVITIES_PER_DEAL).toLocaleString('en-US')} activities, ${(n / 20).toLocaleString('en-US')} feedback rows`,
    );
    console.log(`  whole report model (buildReport)            ${fmt(report)}`);
    console.log(`  engine: per-rep + per-month aggregates      ${fmt(engine)}`);
    console.log(`  arquero: same aggregates, from the rows     ${fmt(arqueroAll)}`);
    console.log(`  arquero: same aggregates, columns given     ${fmt(arqueroOnly)}`);
    console.log(`  arquero (from rows) ÷ whole report model     ${x(arqueroAll.ms, report.ms)}`);
    console.log(`  arquero (from rows) ÷ engine, same work      ${x(arqueroAll.ms, engine.ms)}`);
    console.log(`  arquero (columns) ÷ engine, same work        ${x(arqueroOnly.ms, engine.ms)}`);
    console.log(`  revenue per rep summed: ours ${ours}, arquero ${theirs}`);
  }
}

main();
