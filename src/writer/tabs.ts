import type { Language } from '../core/context';

/**
 * The summary tabs, in tab-bar order. The id is what the tab's developer metadata
 * stores: it finds the tab again after the user renames it, and it is never shown.
 */
export type TabId =
  'overview' | 'reps' | 'trends' | 'funnel' | 'campaigns' | 'activities' | 'feedback' | 'quality';

export const TAB_IDS: readonly TabId[] = [
  'overview',
  'reps',
  'trends',
  'funnel',
  'campaigns',
  'activities',
  'feedback',
  'quality',
];

/** Every name starts with "KPI": the tabs group together and never collide with a data tab. */
export const TAB_NAMES: Readonly<Record<TabId, Readonly<Record<Language, string>>>> = {
  overview: { en: 'KPI Overview', fr: 'KPI Synthèse' },
  reps: { en: 'KPI by Rep', fr: 'KPI par commercial' },
  trends: { en: 'KPI Trends', fr: 'KPI Tendances' },
  funnel: { en: 'KPI Funnel', fr: 'KPI Entonnoir' },
  campaigns: { en: 'KPI Campaigns', fr: 'KPI Campagnes & ROI' },
  activities: { en: 'KPI Activities', fr: 'KPI Activités' },
  feedback: { en: 'KPI Feedback', fr: 'KPI Ressenti' },
  quality: { en: 'KPI Data quality', fr: 'KPI Qualité des données' },
};

/** Names earlier versions gave the tabs: an owned tab still called so is renamed. */
const EARLIER_TAB_NAMES: Readonly<Partial<Record<TabId, readonly string[]>>> = {
  overview: ['Synthèse KPI'],
  trends: ['Tendances'],
  funnel: ['Entonnoir'],
  campaigns: ['Campagnes & ROI'],
  activities: ['Activités'],
  feedback: ['Ressenti'],
  quality: ['Data quality', 'Qualité des données'],
};

/**
 * True when an owned tab's name is one an earlier version gave it (with or without the
 * " (2)" it got beside a user's tab of the same name): the user did not choose it.
 */
export function isEarlierName(id: TabId, name: string): boolean {
  const base = name.replace(/ \(\d+\)$/, '').toLowerCase();
  return (EARLIER_TAB_NAMES[id] ?? []).some((earlier) => earlier.toLowerCase() === base);
}

/**
 * Developer metadata key marking a tab the add-on created; the value is its TabId. It is
 * written with DOCUMENT visibility, so every deployment of the add-on (a test
 * deployment, then the published one) finds the tabs: PROJECT-visible metadata "is only
 * visible to and accessible by the developer project that created the metadata"
 * (developers.google.com/apps-script/reference/spreadsheet/developer-metadata-visibility).
 * The key is namespaced so that no other add-on's metadata can be taken for ours.
 */
export const OWNED_TAB_KEY = 'sales-kpi-sheets/summary-tab';

/**
 * The key earlier versions wrote with PROJECT visibility. Tabs still carrying it (and
 * visible to this project) are found, and their marker is rewritten under OWNED_TAB_KEY.
 */
export const LEGACY_OWNED_TAB_KEY = 'sales-kpi:tab';

export function isTabId(value: unknown): value is TabId {
  return typeof value === 'string' && (TAB_IDS as readonly string[]).includes(value);
}

/**
 * A name for a new tab that no existing tab has (Sheets compares names without case):
 * the plain name, else "KPI Overview (2)", "(3)"…
 */
export function freeName(base: string, taken: readonly string[]): string {
  const used = new Set(taken.map((name) => name.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} (${n})`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
