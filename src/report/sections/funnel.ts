import type { Language } from '../../core/context';
import { normalizeLabel } from '../../core/labels';
import { ratio, StatusClass, StatusClassifier } from '../../core/status';
import { isBlank } from '../../core/values';
import type { DealTable, LabelCoder } from '../../engine/deals';
import type { Span } from '../../engine/periods';
import { proposeStatuses } from '../../mapping/statusProposal';
import type { Mapping } from '../../mapping/schema';
import { stageConversion } from '../catalog';
import type { DealPass } from '../dealPass';
import type { FunnelSection, FunnelStage, FunnelStageSource } from '../model';
import { periodInfo } from '../periods';
import { text } from '../texts';

/**
 * The funnel tab: the current period's deals by stage, in the mapping's stage order.
 *
 * A deal reached every stage up to the one it is at (a won deal: all of them). Where a
 * lost deal was lost is known only when the data records it: per-stage "date entered"
 * columns (as HubSpot exports them: `Date entered "Proposal (Sales Pipeline)"`) or a
 * "lost at stage" column. Then lost deals count up to the stage they reached and the
 * funnel shows where they dropped; otherwise they are shown apart, by lost status, and
 * stage conversion is computed on the deals whose stage is known (open and won).
 */

export interface FunnelInput {
  readonly stage: LabelCoder;
  readonly pass: DealPass;
  readonly table: DealTable;
  readonly mapping: Mapping;
  readonly won: ReadonlySet<string> | undefined;
  readonly lost: ReadonlySet<string> | undefined;
  readonly current: Span;
  readonly language: Language;
}

interface Step {
  readonly label: string;
  readonly kind: 'open' | 'won';
}

export function buildFunnel(input: FunnelInput): FunnelSection {
  const { stage, pass, mapping, language } = input;
  const atStage = pass.stageCurrent;
  const order =
    mapping.status.stageOrder.length > 0
      ? mapping.status.stageOrder
      : proposeStatuses(stage.labels).stageOrder;
  const classifier = new StatusClassifier(input.won, input.lost);
  // Stages in order: the mapping's (or proposed) order, then statuses only the data has.
  const codeByKey = new Map(stage.keys.map((key, code) => [key, code]));
  const seen = new Set<string>();
  const ordered: { label: string; key: string }[] = [];
  for (const label of order) {
    const key = normalizeLabel(label);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    ordered.push({ label: label.trim(), key });
  }
  stage.keys.forEach((key, code) => {
    if (!seen.has(key)) {
      seen.add(key);
      ordered.push({ label: stage.labels[code], key });
    }
  });
  const count = (key: string) => {
    const code = codeByKey.get(key);
    return code === undefined ? 0 : atStage[code];
  };
  const opens = ordered.filter((s) => classifier.classify(s.key) === StatusClass.Open);
  const wons = ordered.filter((s) => classifier.classify(s.key) === StatusClass.Won);
  const losts = ordered.filter((s) => classifier.classify(s.key) === StatusClass.Lost);
  const wonCount = wons.reduce((sum, s) => sum + count(s.key), 0);
  const lostCount = losts.reduce((sum, s) => sum + count(s.key), 0);
  const wonLabels = wons.filter((s) => codeByKey.has(s.key)).map((s) => s.label);
  const steps: Step[] = [
    ...opens.map((s) => ({ label: s.label, kind: 'open' as const })),
    {
      label:
        wonLabels.length > 0 ? wonLabels.join(' / ') : (wons[0]?.label ?? text('won', language)),
      kind: 'won',
    },
  ];
  const won = steps.length - 1;

  // Step index of a stage key: open stages by position, every won stage the last step.
  const stepOf = new Map<string, number>();
  opens.forEach((s, k) => stepOf.set(s.key, k));
  for (const s of wons) stepOf.set(s.key, won);

  const evidence = stageEvidence(input.table, stepOf);
  const furthest = new Int32Array(steps.length);
  const lostHere = new Int32Array(steps.length);
  let lostUnknown = 0;
  const { currentRows, currentStatus, currentStage } = pass;
  for (let i = 0; i < currentRows.length; i++) {
    const cls = currentStatus[i];
    if (cls === StatusClass.Blank) continue;
    const known = evidence ? evidence.reached(input.table.values[currentRows[i]]) : -1;
    let step: number;
    if (cls === StatusClass.Won) step = won;
    else if (cls === StatusClass.Open) {
      const code = currentStage[i];
      step = Math.max(code < 0 ? 0 : (stepOf.get(stage.keys[code]) ?? 0), known);
    } else {
      step = known;
      if (step < 0) {
        lostUnknown++;
        continue;
      }
      lostHere[step]++;
    }
    furthest[step]++;
  }
  const reached = new Array<number>(steps.length);
  let later = 0;
  for (let k = steps.length - 1; k >= 0; k--) {
    later += furthest[k];
    reached[k] = later;
  }
  const stages: FunnelStage[] = steps.map((s, k) => ({
    label: s.label,
    kind: s.kind,
    atStage: s.kind === 'won' ? wonCount : count(opens[k].key),
    reached: reached[k],
    conversion: k === 0 ? null : stageConversion(reached[k], reached[k - 1]),
    lostHere: evidence ? lostHere[k] : null,
  }));
  const total = wonCount + lostCount + opens.reduce((sum, s) => sum + count(s.key), 0);
  return {
    period: periodInfo(input.current),
    stages,
    stageSource: evidence ? evidence.source : 'status',
    stageColumns: evidence ? evidence.headers : [],
    lost: losts.map((s) => ({ label: s.label, deals: count(s.key) })),
    lostUnknown: evidence ? lostUnknown : lostCount,
    deals: total,
    overallConversion: ratio(wonCount, total),
  };
}

interface Evidence {
  readonly source: FunnelStageSource;
  readonly headers: string[];
  /** The furthest step a row's stage columns say it reached; −1 when they say nothing. */
  reached(row: readonly unknown[]): number;
}

/** `Date entered "Proposal (Sales Pipeline)"`, `Date d'entrée dans "Proposition"`: the quoted stage. */
const DATE_ENTERED =
  /^(?:date entered|date d['’]entr[ée]e(?: dans)?(?: l['’][ée]tape)?)\s*["“«]\s*([^"”»]+?)\s*["”»]/i;

/** Headers of a column naming the stage a lost deal was lost at (normalised, punctuation as spaces). */
const LOST_AT_STAGE = new Set([
  'lost at stage',
  'lost stage',
  'stage lost',
  'stage lost at',
  'stage when lost',
  'etape de perte',
  'etape perdue',
  'perdu a l etape',
  'perdue a l etape',
  'etape a la perte',
]);

function headerKey(raw: unknown): string {
  return normalizeLabel(String(raw ?? '').replace(/[^\p{L}\p{N}]+/gu, ' '));
}

/**
 * The stage columns of the deals table, read from its header row: per-stage "date
 * entered" columns first, else a "lost at stage" column; null when it has neither.
 */
function stageEvidence(table: DealTable, stepOf: ReadonlyMap<string, number>): Evidence | null {
  const header = table.values[table.headerIndex] ?? [];
  const dated: { column: number; step: number }[] = [];
  const headers: string[] = [];
  let lostColumn = -1;
  header.forEach((cell, column) => {
    const name = String(cell ?? '').trim();
    const m = DATE_ENTERED.exec(name);
    if (m) {
      // The stage, with or without its pipeline in brackets.
      const inner = m[1];
      const step =
        stepOf.get(normalizeLabel(inner)) ??
        stepOf.get(normalizeLabel(inner.replace(/\s*\([^)]*\)\s*$/, '')));
      if (step !== undefined) {
        dated.push({ column, step });
        headers.push(name);
      }
    } else if (lostColumn < 0 && LOST_AT_STAGE.has(headerKey(name))) {
      lostColumn = column;
    }
  });
  if (dated.length > 0) {
    return {
      source: 'stageDates',
      headers,
      reached(row) {
        let best = -1;
        for (const { column, step } of dated) {
          if (step > best && !isBlank(row[column])) best = step;
        }
        return best;
      },
    };
  }
  if (lostColumn >= 0) {
    return {
      source: 'lostStage',
      headers: [String(header[lostColumn]).trim()],
      reached(row) {
        const raw = row[lostColumn];
        if (isBlank(raw)) return -1;
        return stepOf.get(normalizeLabel(String(raw))) ?? -1;
      },
    };
  }
  return null;
}
