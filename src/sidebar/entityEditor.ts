/**
 * The entities section (#entities): for deals, activities, campaigns, targets and
 * feedback, which sheet, which header row and which column per field, with detection's
 * confidence beside each column, and the feedback scale.
 */
import type { EntityId, EntitySpec, FieldSpec } from '../mapping/fields';
import { ENTITIES, entitySpec } from '../mapping/fields';
import type { FeedbackScale } from '../mapping/schema';
import { columnLetter } from '../server/columns';
import type { DraftMapping, EntityDetection } from '../server/types';
import { asError, call } from './client';
import type { Child } from './dom';
import { h, byId, labelledRow, option, replaceChildren, srOnly } from './dom';
import type { Cue } from './model';
import {
  cueOf,
  entityFromMatch,
  headersOf,
  missingRequired,
  sheetByName,
  withHeaderRow,
} from './model';
import { schedulePreview } from './previewPanel';
import { session, t } from './session';
import { renderStatuses } from './statusEditor';
import { markDirty, say, sayError } from './statusLine';
import type { StringKey } from './strings';

/** Entities whose section is unfolded; kept across redraws and reloads. */
const openEntities = new Set<EntityId>();

const CUE_SYMBOL: Record<Cue, string> = { high: '●', medium: '◐', none: '○', manual: '✎' };
const CUE_TEXT: Record<Cue, StringKey> = {
  high: 'cueHigh',
  medium: 'cueMedium',
  none: 'cueNone',
  manual: 'cueManual',
};

/** On the first load, unfold the mapped entities; always unfold deals while unmapped. */
export function unfoldEntities(draft: DraftMapping): void {
  if (openEntities.size === 0) {
    for (const spec of ENTITIES) if (draft.entities[spec.id]) openEntities.add(spec.id);
  }
  if (!draft.entities.deals) openEntities.add('deals');
}

export function renderEntities(): void {
  replaceChildren(
    byId('entities'),
    ENTITIES.map((spec) => renderEntity(spec)),
  );
}

function renderEntity(spec: EntitySpec): HTMLElement {
  const { language } = session;
  const sheets = session.state!.sheets;
  const entity = session.draft.entities[spec.id];
  const sheetSelectId = `sheet-${spec.id}`;
  const sheetSelect = h('select', { id: sheetSelectId, className: 'wide' });
  if (!spec.required || !entity) sheetSelect.add(option('', t('notUsed'), !entity));
  for (const sheet of sheets)
    sheetSelect.add(option(sheet.name, sheet.name, entity?.sheet === sheet.name));
  if (entity && !sheetByName(sheets, entity.sheet)) {
    sheetSelect.add(option(entity.sheet, t('missingSheet', { name: entity.sheet }), true));
  }
  sheetSelect.addEventListener('change', () => void changeSheet(spec.id, sheetSelect.value));

  const body: Child[] = [
    h('p', { className: 'muted', text: spec.required ? t('entityRequired') : t('entityOptional') }),
    labelledRow(sheetSelectId, t('sheet'), sheetSelect),
  ];
  if (entity) {
    body.push(renderHeaderRow(spec.id));
    const missing = missingRequired(spec.id, entity, language);
    if (missing.length > 0) {
      body.push(
        h('p', { className: 'warn', text: t('missingRequired', { fields: missing.join(', ') }) }),
      );
    }
    body.push(
      h(
        'fieldset',
        { className: 'fields' },
        h('legend', {
          className: 'sr-only',
          text: t('fieldsOf', { entity: spec.label[language] }),
        }),
        ...spec.fields.map((field) => renderField(spec.id, field)),
      ),
    );
    if (spec.id === 'feedback') body.push(renderScale());
  }

  const summaryBadge = entity ? entity.sheet : t('notUsed');
  const details = h(
    'details',
    { className: 'entity', id: `entity-${spec.id}`, open: openEntities.has(spec.id) },
    h(
      'summary',
      {},
      h('span', { className: 'entity-name', text: spec.label[language] }),
      h('span', { className: 'badge', text: summaryBadge }),
    ),
    ...body,
  );
  details.addEventListener('toggle', () => {
    if (details.open) openEntities.add(spec.id);
    else openEntities.delete(spec.id);
  });
  return details;
}

function renderHeaderRow(entityId: EntityId): HTMLElement {
  const entity = session.draft.entities[entityId]!;
  const sheet = sheetByName(session.state!.sheets, entity.sheet);
  const id = `header-${entityId}`;
  const select = h('select', { id, className: 'wide' });
  const rows = sheet?.topRows ?? [];
  const count = Math.max(rows.length, entity.headerRow);
  for (let r = 1; r <= count; r++) {
    const cells = (rows[r - 1] ?? []).filter((c) => c !== '');
    let preview = cells.slice(0, 4).join(' · ');
    if (preview.length > 48) preview = preview.slice(0, 47) + '…';
    select.add(
      option(String(r), t('headerRowOption', { row: r, text: preview }), r === entity.headerRow),
    );
  }
  select.addEventListener('change', () => {
    const { draft } = session;
    const current = draft.entities[entityId];
    if (!current) return;
    draft.entities[entityId] = withHeaderRow(session.state!.sheets, current, Number(select.value));
    afterEdit(entityId, entityId === 'deals');
  });
  return labelledRow(id, t('headerRow'), select);
}

function renderField(entityId: EntityId, field: FieldSpec): HTMLElement {
  const entity = session.draft.entities[entityId]!;
  const headers = headersOf(session.state!.sheets, entity);
  const id = `field-${entityId}-${field.id}`;
  const cueId = `cue-${entityId}-${field.id}`;
  const cue = cueOf(entity, field.id, session.matches[entityId]);
  const ref = entity.fields[field.id];
  const select = h('select', { id, 'aria-describedby': cueId });
  select.add(option('', t('noColumn'), !ref));
  headers.forEach((header, index) => {
    const label = `${columnLetter(index)} · ${header === '' ? t('emptyHeader') : header}`;
    select.add(option(String(index), label, ref?.index === index));
  });
  if (ref && ref.index >= headers.length) {
    select.add(option(String(ref.index), `${columnLetter(ref.index)} · ${ref.header}`, true));
  }
  select.addEventListener('change', () => {
    const { draft } = session;
    const current = draft.entities[entityId];
    if (!current) return;
    const fields = { ...current.fields };
    if (select.value === '') delete fields[field.id];
    else {
      const index = Number(select.value);
      fields[field.id] = { header: headersOf(session.state!.sheets, current)[index] ?? '', index };
    }
    draft.entities[entityId] = { ...current, fields };
    const statusRelated =
      entityId === 'deals' && (field.id === 'status' || field.id === 'probability');
    if (entityId === 'deals' && field.id === 'status') forgetStatuses();
    afterEdit(entityId, statusRelated);
  });
  const label = h(
    'label',
    { for: id },
    field.label[session.language],
    field.required
      ? h('span', { className: 'req', 'aria-hidden': 'true', text: ` ${t('requiredMark')}` })
      : null,
    field.required ? srOnly(` (${t('required')})`) : null,
  );
  const cueElement = h(
    'span',
    { id: cueId, className: `cue cue-${cue}`, title: t(CUE_TEXT[cue]) },
    h('span', { 'aria-hidden': 'true', text: CUE_SYMBOL[cue] }),
    srOnly(t(CUE_TEXT[cue])),
  );
  return h('div', { className: 'field' }, label, cueElement, select);
}

function renderScale(): HTMLElement {
  const id = 'feedback-scale';
  const select = h('select', { id });
  const current = session.draft.feedbackScale ?? session.analysis.detectedScale ?? '1-5';
  select.add(option('1-5', t('scale15'), current === '1-5'));
  select.add(option('0-10', t('scale010'), current === '0-10'));
  select.addEventListener('change', () => {
    session.draft.feedbackScale = select.value as FeedbackScale;
    markDirty();
  });
  return labelledRow(id, t('feedbackScale'), select);
}

async function changeSheet(entityId: EntityId, sheetName: string): Promise<void> {
  if (entityId === 'deals') forgetStatuses();
  if (sheetName === '') {
    delete session.draft.entities[entityId];
    afterEdit(entityId, entityId === 'deals');
    return;
  }
  const sheet = sheetByName(session.state!.sheets, sheetName);
  if (!sheet) return;
  const detected = session.state!.detected[entityId];
  let match: EntityDetection | null = detected && detected.sheet === sheetName ? detected : null;
  if (!match) {
    say(t('working'));
    try {
      match = await call('matchSheet', entityId, sheetName);
    } catch (error) {
      sayError(asError(error).message);
      match = null;
    }
  }
  session.matches[entityId] = match;
  session.draft.entities[entityId] = entityFromMatch(sheet, match);
  openEntities.add(entityId);
  afterEdit(entityId, entityId === 'deals');
}

/**
 * Another status column (another sheet, or another column): the statuses listed so far
 * are those of the old column, so they go, and the preview proposes the won / lost lists
 * and the stage order from the new one.
 */
function forgetStatuses(): void {
  session.statuses = [];
  renderStatuses();
}

/** After any edit of an entity: redraw it, mark unsaved, refresh the preview. */
function afterEdit(entityId: EntityId, statusesToo: boolean): void {
  const old = document.getElementById(`entity-${entityId}`);
  const fresh = renderEntity(entitySpec(entityId));
  if (old) {
    const focusedId = old.contains(document.activeElement)
      ? (document.activeElement as HTMLElement).id
      : '';
    old.replaceWith(fresh);
    if (focusedId) document.getElementById(focusedId)?.focus();
  }
  markDirty();
  schedulePreview(statusesToo);
}
