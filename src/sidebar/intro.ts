/** The sidebar's introduction (#intro): where the mapping comes from, and the notices. */
import { h, byId, replaceChildren } from './dom';
import { formatInstant } from './format';
import { localeTag, session, t } from './session';

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
      { className: `notice notice-${notice.kind}`, role: 'alert' },
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
