/** The settings section (#settings): period granularity and first month of the fiscal year. */
import type { PeriodGranularity } from '../mapping/schema';
import { h, byId, labelledRow, option, replaceChildren } from './dom';
import { monthName } from './format';
import { session, t } from './session';
import { markDirty } from './statusLine';
import type { StringKey } from './strings';

const PERIODS: readonly [PeriodGranularity, StringKey][] = [
  ['week', 'periodWeek'],
  ['month', 'periodMonth'],
  ['quarter', 'periodQuarter'],
  ['year', 'periodYear'],
];

export function renderSettings(): void {
  const periodSelect = h('select', { id: 'setting-period' });
  for (const [value, key] of PERIODS) {
    periodSelect.add(option(value, t(key), session.draft.settings.period === value));
  }
  periodSelect.addEventListener('change', () => {
    const { draft } = session;
    draft.settings = { ...draft.settings, period: periodSelect.value as PeriodGranularity };
    markDirty();
  });
  const fiscalSelect = h('select', { id: 'setting-fiscal' });
  for (let month = 1; month <= 12; month++) {
    fiscalSelect.add(
      option(
        String(month),
        monthName(month, session.language),
        session.draft.settings.fiscalYearStartMonth === month,
      ),
    );
  }
  fiscalSelect.addEventListener('change', () => {
    const { draft } = session;
    draft.settings = { ...draft.settings, fiscalYearStartMonth: Number(fiscalSelect.value) };
    markDirty();
  });
  replaceChildren(byId('settings'), [
    h('h2', { text: t('settingsTitle') }),
    labelledRow('setting-period', t('period'), periodSelect),
    labelledRow('setting-fiscal', t('fiscalStart'), fiscalSelect),
  ]);
}
