/**
 * The statuses section (#statuses): which status means open, won or lost, and the order
 * of the open stages.
 */
import type { StatusClassName } from '../server/types';
import type { Child } from './dom';
import { h, byId, option, replaceChildren } from './dom';
import { moveStage, reclassify } from './model';
import { session, t } from './session';
import { markDirty } from './statusLine';
import type { StringKey } from './strings';

const CLASS_KEYS: Record<StatusClassName, StringKey> = {
  open: 'classOpen',
  won: 'classWon',
  lost: 'classLost',
};

/** A stable id for user text (labels may hold any character). */
const textIds = new Map<string, number>();
function idFor(prefix: string, label: string): string {
  let id = textIds.get(label);
  if (id === undefined) {
    id = textIds.size + 1;
    textIds.set(label, id);
  }
  return `${prefix}-${id}`;
}

export function renderStatuses(): void {
  const container = byId('statuses');
  const children: Child[] = [h('h2', { text: t('statusesTitle') })];
  if (!session.draft.entities.deals?.fields.status || session.statuses.length === 0) {
    children.push(h('p', { className: 'muted', text: t('statusesNone') }));
    replaceChildren(container, children);
    return;
  }
  children.push(h('p', { className: 'muted', text: t('statusesHelp') }));
  const list = h('ul', { className: 'statuses' });
  for (const status of session.statuses) {
    const id = idFor('class', status.label);
    const select = h('select', {
      id,
      'aria-label': t('statusClassFor', { status: status.label }),
    });
    for (const c of ['open', 'won', 'lost'] as const) {
      select.add(option(c, t(CLASS_KEYS[c]), status.class === c));
    }
    select.addEventListener('change', () => {
      session.statuses = reclassify(
        session.statuses,
        status.label,
        select.value as StatusClassName,
      );
      session.statusEdits++;
      renderStatuses();
      markDirty();
    });
    list.appendChild(
      h(
        'li',
        { className: `status status-${status.class}` },
        h('span', { className: 'status-label', text: status.label }),
        h('span', {
          className: 'count',
          text: status.count === 1 ? t('statusRowsOne') : t('statusRows', { count: status.count }),
        }),
        select,
      ),
    );
  }
  children.push(list);

  children.push(h('h3', { text: t('stageOrderTitle') }));
  children.push(h('p', { className: 'muted', text: t('stageOrderHelp') }));
  const open = session.statuses.filter((s) => s.class === 'open');
  if (open.length === 0) children.push(h('p', { className: 'muted', text: t('stageOrderNone') }));
  const order = h('ol', { className: 'stages' });
  open.forEach((status, index) => {
    const up = h('button', {
      type: 'button',
      id: idFor('up', status.label),
      className: 'icon',
      'aria-label': t('moveUp', { stage: status.label }),
      disabled: index === 0,
      text: '↑',
    });
    const down = h('button', {
      type: 'button',
      id: idFor('down', status.label),
      className: 'icon',
      'aria-label': t('moveDown', { stage: status.label }),
      disabled: index === open.length - 1,
      text: '↓',
    });
    const move = (delta: -1 | 1, button: HTMLButtonElement, other: HTMLButtonElement) => {
      session.statuses = moveStage(session.statuses, status.label, delta);
      session.statusEdits++;
      const keep = button.id;
      const fallback = other.id;
      renderStatuses();
      // At the top or bottom the pressed button is disabled: keep the focus nearby.
      const again = document.getElementById(keep) as HTMLButtonElement | null;
      if (again && !again.disabled) again.focus();
      else document.getElementById(fallback)?.focus();
      markDirty();
    };
    up.addEventListener('click', () => move(-1, up, down));
    down.addEventListener('click', () => move(1, down, up));
    order.appendChild(
      h('li', {}, h('span', { className: 'stage-label', text: status.label }), up, down),
    );
  });
  children.push(order);
  replaceChildren(container, children);
}
