import { normalizeLabel } from '../core/labels';
import { DEFAULT_LOST_LABELS, DEFAULT_WON_LABELS } from '../core/status';
import { isBlank } from '../core/values';
import { headerKey } from './fields';
import { containsWords } from './synonyms';

/** Won, lost and open statuses, and the stage order, proposed from a status column. */

export interface StatusProposal {
  readonly won: string[];
  readonly lost: string[];
  readonly open: string[];
  /** Open stages in funnel order, then won, then lost. */
  readonly stageOrder: string[];
  /** Rows per status (display label). */
  readonly counts: Readonly<Record<string, number>>;
}

/** Word stems of open stages, in the order deals usually go through them. */
const STAGE_KEYWORDS: readonly (readonly string[])[] = [
  [
    'prospect',
    'lead',
    'new',
    'nouveau',
    'nouvelle',
    'suspect',
    'identif',
    'contact',
    'cold',
    'inbound',
    'a qualifier',
    'premier contact',
  ],
  ['appointment', 'rendez vous', 'rdv', 'meeting', 'call scheduled'],
  ['qualif', 'discovery', 'decouverte', 'needs', 'besoin', 'analys', 'interest', 'interess'],
  ['demo', 'presentation', 'solution', 'evaluation', 'trial', 'essai', 'poc', 'pilot', 'pilote'],
  [
    'proposal',
    'proposition',
    'quote',
    'quotation',
    'devis',
    'offre',
    'offer',
    'chiffrage',
    'estimate',
  ],
  ['decision', 'validation', 'review', 'approval', 'short list', 'shortlist'],
  [
    'negotiation',
    'negociation',
    'contract',
    'contrat',
    'commit',
    'closing',
    'verbal',
    'accord',
    'engagement',
    'signature',
  ],
];

/**
 * The typical position of a stage label, or -1: the rank of the longest stem it holds
 * (so "À qualifier" is a first step although it contains "qualif").
 */
export function stageRank(label: string): number {
  const key = headerKey(label);
  const words = key.split(' ');
  let rank = -1;
  let longest = 0;
  STAGE_KEYWORDS.forEach((stems, index) => {
    for (const stem of stems) {
      const hit = stem.includes(' ')
        ? containsWords(key, stem)
        : words.some((w) => w.startsWith(stem));
      if (hit && stem.length > longest) {
        rank = index;
        longest = stem.length;
      }
    }
  });
  return rank;
}

// Words that make a status won or lost wherever they stand in it ("Closed Won – paid").
const singleWords = (labels: readonly string[]) => labels.filter((label) => !label.includes(' '));
// HubSpot exports its default pipeline's stage ids (`closedwon`, `closedlost`) through the API.
const WON_WORDS = [...singleWords(DEFAULT_WON_LABELS), 'closedwon'];
const LOST_WORDS = [
  ...singleWords(DEFAULT_LOST_LABELS),
  'cancelled',
  'canceled',
  'rejected',
  'closedlost',
];
const DEFAULT_WON = new Set(DEFAULT_WON_LABELS);
const DEFAULT_LOST = new Set(DEFAULT_LOST_LABELS);

function statusClassOf(key: string): 'won' | 'lost' | 'open' {
  if (DEFAULT_WON.has(key)) return 'won';
  if (DEFAULT_LOST.has(key)) return 'lost';
  const words = headerKey(key).split(' ');
  if (words.some((w) => WON_WORDS.includes(w))) return 'won';
  if (words.some((w) => LOST_WORDS.includes(w))) return 'lost';
  return 'open';
}

/**
 * Won/lost sets and a stage order from a status column's values (and probabilities,
 * same rows, when there is such a column). Each status shows as its most frequent
 * spelling. Won and lost come from the default sets of functions.md (plus labels
 * containing one of their words, "Closed Won - paid"). Open stages are ordered by the
 * typical stage keywords when every one has one; else by mean probability when every
 * one has one; else keyword stages first, then the rest in order of first appearance.
 */
export function proposeStatuses(
  statuses: readonly unknown[],
  probabilities?: readonly (number | null)[],
): StatusProposal {
  interface Entry {
    key: string;
    first: number;
    count: number;
    spellings: Map<string, number>;
    probSum: number;
    probCount: number;
  }
  const entries = new Map<string, Entry>();
  statuses.forEach((raw, row) => {
    if (isBlank(raw)) return;
    const key = normalizeLabel(raw);
    let entry = entries.get(key);
    if (!entry) {
      entry = { key, first: row, count: 0, spellings: new Map(), probSum: 0, probCount: 0 };
      entries.set(key, entry);
    }
    entry.count++;
    const spelling = String(raw).trim();
    entry.spellings.set(spelling, (entry.spellings.get(spelling) ?? 0) + 1);
    const p = probabilities?.[row];
    if (p !== null && p !== undefined && !Number.isNaN(p)) {
      entry.probSum += p;
      entry.probCount++;
    }
  });
  const display = (e: Entry) => {
    let best = '';
    let bestCount = 0;
    for (const [spelling, count] of e.spellings) {
      if (count > bestCount) {
        best = spelling;
        bestCount = count;
      }
    }
    return best;
  };
  const all = [...entries.values()];
  const won = all.filter((e) => statusClassOf(e.key) === 'won');
  const lost = all.filter((e) => statusClassOf(e.key) === 'lost');
  const open = all.filter((e) => statusClassOf(e.key) === 'open');
  const ranks = new Map(open.map((e) => [e, stageRank(e.key)]));
  const byFirst = (a: Entry, b: Entry) => a.first - b.first;
  if (open.every((e) => ranks.get(e)! >= 0)) {
    open.sort((a, b) => ranks.get(a)! - ranks.get(b)! || byFirst(a, b));
  } else if (probabilities && open.every((e) => e.probCount > 0)) {
    const mean = (e: Entry) => e.probSum / e.probCount;
    open.sort((a, b) => mean(a) - mean(b) || ranks.get(a)! - ranks.get(b)! || byFirst(a, b));
  } else {
    const rankKey = (e: Entry) => (ranks.get(e)! >= 0 ? ranks.get(e)! : Infinity);
    open.sort((a, b) => rankKey(a) - rankKey(b) || byFirst(a, b));
  }
  won.sort(byFirst);
  lost.sort(byFirst);
  // No prototype: a status named "__proto__" or "constructor" is a key like any other.
  const counts: Record<string, number> = Object.create(null);
  for (const e of all) counts[display(e)] = e.count;
  return {
    won: won.map(display),
    lost: lost.map(display),
    open: open.map(display),
    stageOrder: [...open, ...won, ...lost].map(display),
    counts,
  };
}
