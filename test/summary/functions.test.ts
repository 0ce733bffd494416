/**
 * The summary and the custom functions agree: on the rows of a period (and of a rep),
 * REVENUE, WIN_RATE, AVERAGE_DEAL_SIZE, PIPELINE_VALUE, SALES_CYCLE_DAYS and MARGIN,
 * called from the same bundle in the same V8 context, give the figures the tabs show.
 */
import { midnightOf } from '../../src/core/dates';
import { inContext } from '../support/loadBundle';
import { SMALL } from './fixture';
import type { Loaded } from './support';
import { generate, sample, shown, workbook } from './support';

interface Columns {
  sheet: string;
  status: string;
  amount: string;
  cost: string;
  created: string;
  closed: string;
  probability: string;
  rep: string;
}

interface Names {
  revenue: string;
  winRate: string;
  averageDealSize: string;
  pipeline: string;
  salesCycle: string;
  margin: string;
  overview: string;
  reps: string;
}

const EN_NAMES: Names = {
  revenue: 'Revenue',
  winRate: 'Win rate',
  averageDealSize: 'Average deal size',
  pipeline: 'Open pipeline (weighted)',
  salesCycle: 'Sales cycle',
  margin: 'Margin',
  overview: 'KPI Overview',
  reps: 'KPI by Rep',
};
const FR_NAMES: Names = {
  revenue: "Chiffre d'affaires (HT)",
  winRate: 'Taux de transformation des opportunités',
  averageDealSize: 'Panier moyen',
  pipeline: 'Pipeline (pondéré)',
  salesCycle: 'Durée du cycle de vente',
  margin: 'Marge',
  overview: 'KPI Synthèse',
  reps: 'KPI par commercial',
};

const CASES: {
  title: string;
  load: () => Loaded;
  columns: Columns;
  names: Names;
  timeZone: string;
}[] = [
  {
    title: 'small workbook',
    load: () => workbook(SMALL),
    columns: {
      sheet: 'Deals',
      status: 'Deal Stage',
      amount: 'Amount',
      cost: 'Cost',
      created: 'Create Date',
      closed: 'Close Date',
      probability: 'Probability',
      rep: 'Deal Owner',
    },
    names: EN_NAMES,
    timeZone: 'America/New_York',
  },
  {
    title: 'English sample',
    load: () => sample('en'),
    columns: {
      sheet: 'deals',
      status: 'Deal Stage',
      amount: 'Amount',
      cost: 'Cost',
      created: 'Create Date',
      closed: 'Close Date',
      probability: 'Probability',
      rep: 'Deal Owner',
    },
    names: EN_NAMES,
    timeZone: 'America/New_York',
  },
  {
    title: 'French sample',
    load: () => sample('fr'),
    columns: {
      sheet: 'affaires',
      status: 'Étape',
      amount: 'Montant HT',
      cost: 'Coût',
      created: 'Date de création',
      closed: 'Date de signature',
      probability: 'Probabilité',
      rep: 'Commercial',
    },
    names: FR_NAMES,
    timeZone: 'Europe/Paris',
  },
];

type Fn = (...args: unknown[]) => unknown;

/** A custom function's result as the summary shows it: "" (no value) is "—". */
function asShown(value: unknown): unknown {
  return value === '' ? '—' : value;
}

describe.each(CASES)('$title', ({ load, columns, names, timeZone }) => {
  let loaded: Loaded;
  let header: unknown[];
  let rows: unknown[][];
  const call = (name: string, ...args: unknown[]) =>
    asShown((loaded.context[name] as Fn)(...args.map((a) => inContext(loaded.context, a))));
  const col = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`no column ${name}`);
    return index;
  };
  /** The deal rows of [start, end): by close date, or created date when there is none. */
  const inPeriod = (start: number, end: number) =>
    rows.filter((row) => {
      const closed = row[col(columns.closed)];
      const created = row[col(columns.created)];
      const date =
        closed instanceof Date || Object.prototype.toString.call(closed) === '[object Date]'
          ? closed
          : created;
      if (Object.prototype.toString.call(date) !== '[object Date]') return false;
      const ms = (date as Date).getTime();
      return ms >= start && ms < end;
    });
  const column = (subset: unknown[][], name: string) => subset.map((row) => [row[col(name)]]);
  const overviewValue = (kpi: string): unknown => {
    const sheet = loaded.emulator.workbook.sheet(names.overview);
    const r = shown(loaded, names.overview).findIndex((row) => row[0] === kpi);
    if (r < 0) throw new Error(`no KPI ${kpi}`);
    return [sheet.getRange(r + 1, 2).getValue(), sheet.getRange(r + 1, 3).getValue()];
  };

  beforeAll(() => {
    loaded = load();
    expect(generate(loaded).ok).toBe(true);
    const values = loaded.emulator.workbook.sheet(columns.sheet).snapshot().values;
    header = values[0];
    rows = values.slice(1).filter((row) => row.some((v) => v !== ''));
  });

  test('overview figures of October and September equal the custom functions', () => {
    const october = inPeriod(midnightOf(2026, 10, 1, timeZone), midnightOf(2026, 11, 1, timeZone));
    const september = inPeriod(midnightOf(2026, 9, 1, timeZone), midnightOf(2026, 10, 1, timeZone));
    expect(october.length).toBeGreaterThan(0);
    const expected = (subset: unknown[][]) => {
      const statuses = column(subset, columns.status);
      const amounts = column(subset, columns.amount);
      const won = subset.filter((row) => /won|gagn/i.test(String(row[col(columns.status)])));
      return {
        revenue: call('REVENUE', amounts, statuses),
        winRate: call('WIN_RATE', statuses),
        averageDealSize: call('AVERAGE_DEAL_SIZE', amounts, statuses),
        salesCycle: call(
          'SALES_CYCLE_DAYS',
          column(subset, columns.created),
          column(subset, columns.closed),
          statuses,
        ),
        margin: call('MARGIN', column(won, columns.amount), column(won, columns.cost)),
      };
    };
    const now = expected(october);
    const before = expected(september);
    // The open pipeline is now: PIPELINE_VALUE on every row, never compared.
    expect(overviewValue(names.pipeline)).toEqual([
      expect.closeTo(
        call(
          'PIPELINE_VALUE',
          column(rows, columns.amount),
          column(rows, columns.status),
          column(rows, columns.probability),
        ) as number,
        6,
      ),
      '—',
    ]);
    for (const key of Object.keys(now) as (keyof typeof now)[]) {
      const [current, previous] = overviewValue(names[key]) as [unknown, unknown];
      const pairs: [unknown, unknown][] = [
        [current, now[key]],
        [previous, before[key]],
      ];
      for (const [actual, wanted] of pairs) {
        if (typeof wanted === 'number')
          expect([key, actual]).toEqual([key, expect.closeTo(wanted, 6)]);
        else expect([key, actual]).toEqual([key, wanted]);
      }
    }
  });

  test('each rep’s revenue and win rate equal REVENUE and WIN_RATE on the rep’s rows', () => {
    const october = inPeriod(midnightOf(2026, 10, 1, timeZone), midnightOf(2026, 11, 1, timeZone));
    const tab = shown(loaded, names.reps);
    const top = tab.findIndex(
      (row) => row[1] !== '' && row[0] !== '' && /Rep|Commercial/.test(row[0]),
    );
    const sheet = loaded.emulator.workbook.sheet(names.reps);
    let checked = 0;
    for (let r = top + 1; r < tab.length; r++) {
      const rep = tab[r][0];
      if (rep === 'Total') break;
      const mine = october.filter((row) => String(row[col(columns.rep)]).trim() === rep);
      if (mine.length === 0) continue;
      const statuses = column(mine, columns.status);
      expect([rep, sheet.getRange(r + 1, 5).getValue()]).toEqual([
        rep,
        expect.closeTo(call('REVENUE', column(mine, columns.amount), statuses) as number, 6),
      ]);
      const winRate = call('WIN_RATE', statuses);
      const shownRate = sheet.getRange(r + 1, 4).getValue();
      if (typeof winRate === 'number') expect(shownRate).toBeCloseTo(winRate, 9);
      else expect(shownRate).toBe(winRate);
      checked++;
    }
    expect(checked).toBeGreaterThan(1);
  });
});
