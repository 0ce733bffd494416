/**
 * The preview section (#preview): the first rows of each mapped sheet as the summary
 * will read them, and the values that will not parse. Refreshed from the server a
 * moment after each edit.
 */
import type { FieldSpec } from '../mapping/fields';
import { entitySpec } from '../mapping/fields';
import type { PreviewCell } from '../mapping/problems';
import type { EntityPreview } from '../server/types';
import { asError, call } from './client';
import type { Child } from './dom';
import { h, byId, replaceChildren } from './dom';
import { formatDay, formatNumber } from './format';
import { draftToSend } from './model';
import { localeTag, session, t } from './session';
import { renderStatuses } from './statusEditor';
import { sayError } from './statusLine';
import { REASON_KEYS } from './strings';

let previewTimer: number | undefined;
let previewSeq = 0;
let previewPending = false;

function cellText(cell: PreviewCell, field: FieldSpec): string {
  switch (cell.kind) {
    case 'blank':
      return '';
    case 'text':
      return cell.text;
    case 'number':
      return formatNumber(cell.value, field.type === 'fraction', localeTag());
    case 'date':
      return formatDay(cell.iso, localeTag());
    case 'problem':
      return cell.text;
  }
}

function renderEntityPreview(preview: EntityPreview): HTMLElement {
  const { language } = session;
  const spec = entitySpec(preview.entity);
  const name = spec.label[language];
  const children: Child[] = [
    h('h3', {
      text: t('previewOf', { entity: name, sheet: preview.sheet, rows: preview.dataRows }),
    }),
  ];
  if (preview.error === 'sheetMissing') {
    children.push(
      h('p', { className: 'warn', text: t('previewSheetMissing', { sheet: preview.sheet }) }),
    );
    return h('div', { className: 'preview' }, ...children);
  }
  if (preview.error === 'headerRowOutside') {
    children.push(h('p', { className: 'warn', text: t('previewHeaderOutside') }));
    return h('div', { className: 'preview' }, ...children);
  }
  const fields = preview.fields.map((id) => spec.fields.find((f) => f.id === id)!);
  if (preview.rows.length === 0) {
    children.push(h('p', { className: 'muted', text: t('previewNoRows') }));
  } else {
    const head = h(
      'tr',
      {},
      h('th', { scope: 'col', text: t('previewRow') }),
      ...fields.map((f) => h('th', { scope: 'col', text: f.label[language] })),
    );
    const body = preview.rows.map((row) =>
      h(
        'tr',
        {},
        h('th', { scope: 'row', text: String(row.sheetRow) }),
        ...row.cells.map((cell, i) =>
          h('td', {
            className: cell.kind === 'problem' ? 'bad' : cell.kind === 'number' ? 'num' : '',
            text: cellText(cell, fields[i]),
          }),
        ),
      ),
    );
    children.push(
      h(
        'div',
        {
          className: 'table-wrap',
          tabindex: '0',
          role: 'region',
          'aria-label': t('previewRegion', { entity: name }),
        },
        h('table', {}, h('thead', {}, head), h('tbody', {}, ...body)),
      ),
    );
  }
  if (preview.problemCount === 0) {
    children.push(h('p', { className: 'ok', text: t('noProblems') }));
  } else {
    children.push(
      h('p', { className: 'warn', text: t('problemsTitle', { count: preview.problemCount }) }),
    );
    const list = h('ul', { className: 'problems' });
    for (const problem of preview.problems) {
      const field = spec.fields.find((f) => f.id === problem.field);
      list.appendChild(
        h('li', {
          text: t('problem', {
            row: problem.sheetRow,
            field: field ? field.label[language] : problem.header,
            value: problem.value,
            reason: t(REASON_KEYS[problem.reason]),
          }),
        }),
      );
    }
    children.push(list);
    const more = preview.problemCount - preview.problems.length;
    if (more > 0)
      children.push(h('p', { className: 'muted', text: t('problemsMore', { count: more }) }));
  }
  return h('div', { className: 'preview' }, ...children);
}

export function renderPreview(): void {
  const container = byId('preview');
  container.setAttribute('aria-busy', previewPending ? 'true' : 'false');
  replaceChildren(container, [
    h('h2', { text: t('previewTitle') }),
    h('p', { className: 'muted', text: previewPending ? t('previewUpdating') : t('previewHelp') }),
    ...session.analysis.preview.map(renderEntityPreview),
  ]);
}

/**
 * A freshly loaded state (a save, a reset) comes with its own preview: none is pending
 * any more, and an answer to a request sent before it is dropped.
 */
export function markPreviewCurrent(): void {
  previewPending = false;
  window.clearTimeout(previewTimer);
  previewSeq++;
}

/** Asks for a new preview shortly (edits in a row send one request). */
export function schedulePreview(statusesToo: boolean): void {
  previewPending = true;
  if (statusesToo) session.statusEdits++;
  window.clearTimeout(previewTimer);
  previewTimer = window.setTimeout(() => void refreshPreview(), 250);
}

async function refreshPreview(): Promise<void> {
  const seq = ++previewSeq;
  const editsAtSend = session.statusEdits;
  renderPreview();
  try {
    const next = await call('previewMapping', draftToSend(session.draft, session.statuses));
    if (seq !== previewSeq) return; // a newer request is on its way
    const { draft } = session;
    session.analysis = next;
    previewPending = false;
    // The server kept the classes we sent and added counts and new statuses, unless
    // the user has reclassified or reordered since: then theirs is newer.
    if (session.statusEdits === editsAtSend || !draft.entities.deals?.fields.status)
      session.statuses = next.statuses;
    else if (session.statuses.length === 0) session.statuses = next.statuses;
    if (draft.entities.feedback && !draft.feedbackScale && next.detectedScale) {
      draft.feedbackScale = next.detectedScale;
    }
    renderStatuses();
    renderPreview();
  } catch (error) {
    if (seq !== previewSeq) return;
    previewPending = false;
    renderPreview();
    sayError(asError(error).message);
  }
}
