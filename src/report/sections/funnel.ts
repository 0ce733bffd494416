import type { Language } from '../../core/context';
import { normalizeLabel } from '../../core/labels';
import { ratio, StatusClass, StatusClassifier } from '../../core/status';
import type { LabelCoder } from '../../engine/deals';
import type { Span } from '../../engine/periods';
import { proposeStatuses } from '../../mapping/statusProposal';
import type { Mapping } from '../../mapping/schema';
import { stageConversion } from '../catalog';
import type { FunnelSection, FunnelStage } from '../model';
import { periodInfo } from '../periods';
import { text } from '../texts';

/** The funnel tab: the current period's deals by stage, in the mapping's stage order. */

export function buildFunnel(
  stage: LabelCoder,
  atStage: Int32Array,
  mapping: Mapping,
  won: ReadonlySet<string> | undefined,
  lost: ReadonlySet<string> | undefined,
  current: Span,
  language: Language,
): FunnelSection {
  const order =
    mapping.status.stageOrder.length > 0
      ? mapping.status.stageOrder
      : proposeStatuses(stage.labels).stageOrder;
  const classifier = new StatusClassifier(won, lost);
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
  const steps: { label: string; kind: 'open' | 'won'; atStage: number }[] = [
    ...opens.map((s) => ({ label: s.label, kind: 'open' as const, atStage: count(s.key) })),
    {
      label:
        wonLabels.length > 0 ? wonLabels.join(' / ') : (wons[0]?.label ?? text('won', language)),
      kind: 'won',
      atStage: wonCount,
    },
  ];
  const stages: FunnelStage[] = [];
  let later = 0;
  const reached = new Array<number>(steps.length);
  for (let k = steps.length - 1; k >= 0; k--) {
    later += steps[k].atStage;
    reached[k] = later;
  }
  // Every deal entered the funnel: lost deals reached its first stage (where they were lost is unknown).
  if (steps.length > 1) reached[0] += lostCount;
  steps.forEach((s, k) => {
    stages.push({
      label: s.label,
      kind: s.kind,
      atStage: s.atStage,
      reached: reached[k],
      conversion: k === 0 ? null : stageConversion(reached[k], reached[k - 1]),
    });
  });
  const total = wonCount + lostCount + opens.reduce((sum, s) => sum + count(s.key), 0);
  return {
    period: periodInfo(current),
    stages,
    lost: losts.map((s) => ({ label: s.label, deals: count(s.key) })),
    deals: total,
    overallConversion: ratio(wonCount, total),
  };
}
