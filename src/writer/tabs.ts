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

export const TAB_NAMES: Readonly<Record<TabId, Readonly<Record<Language, string>>>> = {
  overview: { en: 'KPI Overview', fr: 'Synthèse KPI' },
  reps: { en: 'KPI by Rep', fr: 'KPI par commercial' },
  trends: { en: 'KPI Trends', fr: 'Tendances' },
  funnel: { en: 'KPI Funnel', fr: 'Entonnoir' },
  campaigns: { en: 'KPI Campaigns', fr: 'Campagnes & ROI' },
  activities: { en: 'KPI Activities', fr: 'Activités' },
  feedback: { en: 'KPI Feedback', fr: 'Ressenti' },
  quality: { en: 'Data quality', fr: 'Qualité des données' },
};

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
