/** The sidebar's introduction (#intro): where the mapping comes from, and the notices. */
import { h, byId, replaceChildren } from './dom';
import { formatInstant } from './format';
import { localeTag, session, t } from './session';

/** Notices that say how the columns were read, not that something is wrong. */
const INFO_NOTICES: ReadonlySet<string> = new Set(['statusSource', 'idColumn', 'createdChoice']);

export function renderIntro(): void {
  const state = session.state;
  if (!state) return;
  const source =
    state.source === 'saved'
      ? state.savedAt
        ? t('sourceSaved', { date: formatInstant(state.savedAt, localeTag(), state.timeZone) })
        : t('sourceSavedNoDate')
      : t('sourceDetected');
  const notices = state.notices.map((notice) =>
    h(
      'div',
      INFO_NOTICES.has(notice.kind)
        ? { className: `notice notice-info notice-${notice.kind}`, role: 'status' }
        : { className: `notice notice-${notice.kind}`, role: 'alert' },
      h('p', { text: notice.message }),
      notice.detail
        ? h('p', { className: 'detail', text: t('noticeDetail', { detail: notice.detail }) })
        : null,
    ),
  );
  replaceChildren(byId('intro'), [
    h('p', { text: t('intro') }),
    h('p', { className: 'source', text: source }),
    ...notices,
  ]);
}
