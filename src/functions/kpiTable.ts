import { isOmitted } from '../core/args';
import type { Language, SheetContext } from '../core/context';
import { languageOf } from '../core/context';
import { inputError } from '../core/errors';
import { normalizeLabel } from '../core/labels';
import { isBlank } from '../core/values';
import type { DealStats } from '../engine/dealStats';
import { GroupedDealStats } from '../engine/dealStats';
import type { DealLabelField, DealTable, DealUses } from '../engine/deals';
import { codeColumn, forEachDealBlock, KPI_USES, LabelCoder, USE_ALL } from '../engine/deals';
import { dayOfInstant, periodOfDay } from '../engine/periods';
import { analyzeSheet } from '../mapping/analyzeSheet';
import { findHeaderRow } from '../mapping/headers';
import { matchFields } from '../mapping/matchFields';
import type { DealFieldId } from '../mapping/fields';
import { entitySpec, headerKey, missingRequired, synonymKeys } from '../mapping/fields';
import type { Mapping } from '../mapping/schema';
import { parseMapping } from '../mapping/schema';
import type { FormulaResult } from './define';
import { cell, defineFunction } from './define';

/** Output header row, in the order of the contract. */
const COLUMNS: Record<Language, readonly string[]> = {
  en: [
    'group',
    'deals',
    'won',
    'lost',
    'open',
    'win rate',
    'revenue',
    'average deal size',
    'pipeline',
    'sales cycle (days)',
  ],
  fr: [
    'groupe',
    'affaires',
    'gagnées',
    'perdues',
    'en cours',
    'taux de transformation',
    "chiffre d'affaires",
    'panier moyen',
    'pipeline',
    'cycle de vente (jours)',
  ],
};
const NONE: Record<Language, string> = { en: '(none)', fr: '(aucun)' };
const TOTAL: Record<Language, string> = { en: 'Total', fr: 'Total' };

/** Fields a table can be grouped by (text and label fields of the deals). */
const GROUP_FIELDS: readonly DealFieldId[] = [
  'rep',
  'source',
  'customer',
  'region',
  'product',
  'status',
  'name',
  'id',
];
const LABEL_FIELDS: readonly string[] = ['customer', 'rep', 'source', 'region', 'product'];

type Period = 'month' | 'quarter' | 'year';
// A Map: a group_by such as "constructor" must find no period.
const PERIOD_WORDS: ReadonlyMap<string, Period> = new Map([
  ['month', 'month'],
  ['mois', 'month'],
  ['quarter', 'quarter'],
  ['trimestre', 'quarter'],
  ['year', 'year'],
  ['annee', 'year'],
]);

/** Rows scanned for the header row. */
const HEADER_SCAN_ROWS = 10;

/** Headers listed in a message, at most. */
const MAX_HEADERS_SHOWN = 20;

/** The non-blank headers of the header row, for messages (the first 20, then "… (N in all)"). */
function headersSeen(values: readonly (readonly unknown[])[], headerIndex: number): string[] {
  const row = values[headerIndex] ?? [];
  const shown = row.filter((h) => !isBlank(h)).map((h) => String(h).trim());
  if (shown.length <= MAX_HEADERS_SHOWN) return shown;
  return [...shown.slice(0, MAX_HEADERS_SHOWN), `… (${shown.length})`];
}

interface Resolved {
  headerIndex: number;
  columns: Partial<Record<DealFieldId, number>>;
  won?: ReadonlySet<string>;
  lost?: ReadonlySet<string>;
}

/** Columns through the saved mapping, when every header it names is in one header row. */
function fromSavedMapping(
  values: readonly (readonly unknown[])[],
  mapping: Mapping,
): Resolved | undefined {
  const wanted: SavedColumn[] = Object.entries(mapping.entities.deals.fields).map(
    ([field, ref]) => ({
      field: field as DealFieldId,
      index: ref.index,
      key: headerKey(ref.header),
    }),
  );
  // A field saved without a header can be found in no header row.
  if (wanted.length === 0 || wanted.some((w) => w.key === '')) return undefined;
  const limit = Math.min(values.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const columns = columnsInRow(values[r].map(headerKey), wanted);
    if (columns) {
      return {
        headerIndex: r,
        columns,
        won: statusSet(mapping.status.won),
        lost: statusSet(mapping.status.lost),
      };
    }
  }
  return undefined;
}

interface SavedColumn {
  readonly field: DealFieldId;
  /** The column the field was saved at. */
  readonly index: number;
  /** headerKey of the header it was saved with (never ""). */
  readonly key: string;
}

/**
 * Each field's column in a header row: the saved column while its header is still there,
 * else wherever that header moved; undefined when a header is not in the row.
 */
function columnsInRow(
  keys: readonly string[],
  wanted: readonly SavedColumn[],
): Partial<Record<DealFieldId, number>> | undefined {
  const columns: Partial<Record<DealFieldId, number>> = {};
  for (const { field, index, key } of wanted) {
    const column = keys[index] === key ? index : keys.indexOf(key);
    if (column < 0) return undefined;
    columns[field] = column;
  }
  return columns;
}

/** A saved status list as normalised labels; undefined (the defaults) when it is empty. */
function statusSet(labels: readonly string[]): ReadonlySet<string> | undefined {
  return labels.length > 0 ? new Set(labels.map(normalizeLabel)) : undefined;
}

/** Columns through the header synonyms of data-model.md (header matches only). */
function fromSynonyms(values: readonly (readonly unknown[])[], context: SheetContext): Resolved {
  const found = findHeaderRow(values.slice(0, HEADER_SCAN_ROWS));
  const headerIndex = found < 0 ? 0 : found;
  const analysis = analyzeSheet({ name: '', values }, context, headerIndex);
  const { fields } = matchFields(analysis, 'deals', { byHeaderOnly: true });
  const columns: Partial<Record<DealFieldId, number>> = {};
  for (const [field, match] of Object.entries(fields)) columns[field as DealFieldId] = match.column;
  return { headerIndex, columns };
}

function toTable(arg: unknown): unknown[][] {
  if (!Array.isArray(arg) || arg.length === 0 || !Array.isArray(arg[0])) {
    throw inputError('notATable', {
      given: arg === undefined || isBlank(arg) ? 'nothing' : 'value',
    });
  }
  return arg as unknown[][];
}

type Grouping =
  | { kind: 'none' }
  | { kind: 'field'; field: DealFieldId }
  | { kind: 'column'; column: number }
  | { kind: 'period'; period: Period };

function resolveGroupBy(
  arg: unknown,
  values: readonly (readonly unknown[])[],
  resolved: Resolved,
): Grouping {
  const headers = () => headersSeen(values, resolved.headerIndex);
  if (isOmitted(arg)) {
    // Without a rep column, the default gives the Total row alone rather than an error.
    return resolved.columns.rep !== undefined ? { kind: 'field', field: 'rep' } : { kind: 'none' };
  }
  let raw = arg;
  if (Array.isArray(arg)) {
    const cells = arg.flat();
    if (cells.length !== 1) throw inputError('groupByRange', {});
    raw = cells[0];
  }
  const shown = String(raw).trim();
  const key = headerKey(raw);
  const field = GROUP_FIELDS.find((f) => f === key);
  if (field) {
    if (resolved.columns[field] === undefined) {
      throw inputError('groupByMissing', { value: shown, field, headers: headers() });
    }
    return { kind: 'field', field };
  }
  const period = PERIOD_WORDS.get(key);
  if (period) {
    if (resolved.columns.closed === undefined && resolved.columns.created === undefined) {
      throw inputError('periodWithoutDates', { value: shown, headers: headers() });
    }
    return { kind: 'period', period };
  }
  const headerRow = values[resolved.headerIndex] ?? [];
  const column = headerRow.findIndex((h) => !isBlank(h) && headerKey(h) === key);
  if (column >= 0) return { kind: 'column', column };
  for (const spec of entitySpec('deals').fields) {
    if (GROUP_FIELDS.includes(spec.id as DealFieldId) && synonymKeys(spec.synonyms).includes(key)) {
      const id = spec.id as DealFieldId;
      if (resolved.columns[id] !== undefined) return { kind: 'field', field: id };
    }
  }
  throw inputError('unknownGroupBy', { value: shown, headers: headers() });
}

/** Codes instants as month, quarter or year labels ("2024-03", "2024-Q1", "2024"). */
class PeriodCoder {
  readonly labels: string[] = [];
  private readonly byLabel = new Map<string, number>();
  // Data repeats days: one zone conversion per distinct instant.
  private readonly byInstant = new Map<number, number>();

  constructor(
    private readonly period: Period,
    private readonly timeZone: string,
  ) {}

  code(ms: number): number {
    if (ms !== ms) return -1;
    const hit = this.byInstant.get(ms);
    if (hit !== undefined) return hit;
    // Calendar periods (a fiscal year starting in January), named as the summary names them.
    const { label } = periodOfDay(dayOfInstant(ms, this.timeZone), this.period, 1);
    let code = this.byLabel.get(label);
    if (code === undefined) {
      code = this.labels.length;
      this.labels.push(label);
      this.byLabel.set(label, code);
    }
    if (this.byInstant.size >= 100000) this.byInstant.clear();
    this.byInstant.set(ms, code);
    return code;
  }
}

function statsRow(label: string, stats: DealStats): (number | string)[] {
  const s = stats.finish();
  return [
    label,
    s.deals,
    s.won,
    s.lost,
    s.open,
    cell(s.winRate),
    s.revenue,
    cell(s.averageDealSize),
    s.pipeline,
    cell(s.salesCycleDays),
  ];
}

/** Pure core of KPI_TABLE. `savedMapping` is the document's saved mapping, unvalidated. */
export function kpiTable(
  context: SheetContext,
  tableArg: unknown,
  groupByArg: unknown,
  savedMapping?: unknown,
): (number | string)[][] {
  const values = toTable(tableArg);
  const language = languageOf(context.locale);
  let resolved: Resolved | undefined;
  if (savedMapping !== undefined && savedMapping !== null) {
    const parsed = parseMapping(savedMapping);
    if (parsed.ok) resolved = fromSavedMapping(values, parsed.mapping);
  }
  resolved ??= fromSynonyms(values, context);

  const columns = resolved.columns;
  const missing = missingRequired('deals', (f) => columns[f as DealFieldId] !== undefined);
  if (missing.length > 0) {
    throw inputError('missingColumns', {
      fields: missing,
      headers: headersSeen(values, resolved.headerIndex),
    });
  }

  const grouping = resolveGroupBy(groupByArg, values, resolved);
  const byStage = grouping.kind === 'field' && grouping.field === 'status';
  const uses: DealUses = grouping.kind === 'period' ? { ...KPI_USES, period: USE_ALL } : KPI_USES;
  const labelField =
    grouping.kind === 'field' && LABEL_FIELDS.includes(grouping.field)
      ? (grouping.field as DealLabelField)
      : undefined;
  const groupColumn =
    grouping.kind === 'column'
      ? grouping.column
      : grouping.kind === 'field' && !labelField && !byStage
        ? resolved.columns[grouping.field]!
        : -1;
  const table: DealTable = { values, headerIndex: resolved.headerIndex, columns: resolved.columns };
  const columnCoder = new LabelCoder(context.timeZone);
  const periodCoder =
    grouping.kind === 'period' ? new PeriodCoder(grouping.period, context.timeZone) : undefined;
  const stats = new GroupedDealStats();
  let scratch: Int32Array = new Int32Array(0);
  const reader = forEachDealBlock(
    table,
    {
      context,
      mode: 'strict',
      won: resolved.won,
      lost: resolved.lost,
      uses,
      labels: labelField ? [labelField] : [],
      stages: byStage,
    },
    (block) => {
      let codes: ArrayLike<number> | undefined;
      if (labelField) codes = block.labels[labelField]!.codes;
      else if (byStage) codes = block.stage.codes;
      else if (groupColumn >= 0) {
        codes = scratch = codeColumn(table, block, groupColumn, columnCoder, scratch);
      } else if (periodCoder) {
        if (scratch.length < block.length) scratch = new Int32Array(block.length);
        for (let i = 0; i < block.length; i++) scratch[i] = periodCoder.code(block.period[i]);
        codes = scratch;
      }
      stats.add(block, codes);
    },
  );

  // Rule 6: no figure from amounts that add up beyond what a number holds.
  for (const s of [stats.total, stats.none, ...stats.groups]) {
    if (!Number.isFinite(s.revenue) || !Number.isFinite(s.pipeline)) {
      const header = values[resolved.headerIndex]?.[resolved.columns.amount!];
      throw inputError('columnTooLarge', {
        arg: 'deals_table',
        column: String(header ?? 'amount'),
      });
    }
  }

  const output: (number | string)[][] = [[...COLUMNS[language]]];
  if (grouping.kind !== 'none') {
    const labels = labelField
      ? reader.labelCoders[0].labels
      : byStage
        ? reader.stageCoder.labels
        : periodCoder
          ? periodCoder.labels
          : columnCoder.labels;
    const groups = stats.groups;
    const order = Array.from({ length: groups.length }, (_, g) => g);
    if (periodCoder) {
      order.sort((a, b) => (labels[a] < labels[b] ? -1 : 1));
    } else {
      // Highest revenue first; ties keep the order of first appearance (the codes).
      order.sort((a, b) => groups[b].revenue - groups[a].revenue || a - b);
    }
    for (const g of order) output.push(statsRow(labels[g], groups[g]));
    if (stats.none.deals > 0) output.push(statsRow(NONE[language], stats.none));
  }
  output.push(statsRow(TOTAL[language], stats.total));
  return output;
}

export const KPI_TABLE = defineFunction({
  name: 'KPI_TABLE',
  category: 'table',
  title: { en: 'KPI table', fr: 'Tableau des KPI' },
  summary: {
    en: 'Spills deals, won, lost, open, win rate, revenue, average deal size, pipeline and sales cycle per rep, source, period…',
    fr: 'Affiche affaires, gagnées, perdues, en cours, taux de transformation, CA, panier moyen, pipeline et cycle de vente par commercial, origine, période…',
  },
  details: {
    en: 'Takes the whole deals table with its header row. Columns are found by header: through the saved mapping when its headers are there, otherwise by the usual header names (status, amount… / étape, montant…). Status and amount are required. Rows are sorted by revenue, highest first (periods oldest first); blank group values form a "(none)" row; the last row is the Total, its rates recomputed. Empty cells where a rate has no denominator.',
    fr: 'Prend toute la table des affaires avec sa ligne d’en-tête. Les colonnes sont trouvées par leur en-tête : via le mappage enregistré quand ses en-têtes sont présents, sinon par les noms usuels (étape, montant… / status, amount…). Statut et montant sont obligatoires. Lignes triées par chiffre d’affaires décroissant (périodes de la plus ancienne à la plus récente) ; les valeurs vides forment une ligne « (aucun) » ; la dernière ligne est le Total, ses taux recalculés. Cellules vides quand un taux n’a pas de dénominateur.',
  },
  args: [
    {
      name: 'deals_table',
      frenchName: 'table des affaires',
      kind: 'table',
      description: {
        en: 'The deals table with its header row, e.g. Deals!A1:K.',
        fr: 'La table des affaires avec sa ligne d’en-tête, p. ex. Affaires!A1:K.',
      },
    },
    {
      name: 'group_by',
      frenchName: 'regroupement',
      kind: 'labels',
      optional: true,
      description: {
        en: 'rep (default), source, customer, region, product, a header of the table, or month, quarter, year of the close date.',
        fr: 'rep (par défaut), source, customer, region, product, un en-tête de la table, ou month, quarter, year de la date de signature.',
      },
    },
  ],
  result: {
    en: 'A table: a header row, one row per group, then a Total row.',
    fr: 'Un tableau : une ligne d’en-tête, une ligne par groupe, puis une ligne Total.',
  },
  examples: [
    {
      formula: '=KPI_TABLE(Deals!A1:K)',
      explanation: {
        en: 'KPIs per sales rep.',
        fr: 'KPI par commercial.',
      },
    },
    {
      formula: '=KPI_TABLE(Deals!A1:K, "quarter")',
      explanation: {
        en: 'KPIs per quarter of the close date.',
        fr: 'KPI par trimestre de la date de signature.',
      },
    },
    {
      formula: '=KPI_TABLE(Deals!A1:K, "Lead Source")',
      explanation: {
        en: 'KPIs per value of a column, named by its header.',
        fr: 'KPI par valeur d’une colonne, désignée par son en-tête.',
      },
    },
  ],
  implementation(context, [tableArg, groupByArg], services): FormulaResult {
    return kpiTable(context, tableArg, groupByArg, services.savedMapping?.());
  },
});
