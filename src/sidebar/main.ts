/**
 * The column-mapping sidebar (dist/Sidebar.html). It asks the server for the state,
 * lets the user correct sheets, columns, statuses, stage order and settings, shows a
 * preview of what will be read, and saves. Every text that comes from the spreadsheet
 * is inserted as text (see dom.ts).
 */
import type { Language } from '../core/context';
import type { EntityId, EntitySpec, FieldSpec } from '../mapping/fields';
import { ENTITIES, entitySpec } from '../mapping/fields';
import type { FeedbackScale, PeriodGranularity } from '../mapping/schema';
import type {
  DraftAnalysis,
  DraftMapping,
  EntityDetection,
  EntityPreview,
  MappingState,
  PreviewCell,
  StatusClassName,
  StatusValue,
} from '../server/types';
import { columnLetter } from '../server/columns';
import { asError, call } from './client';
import type { Child } from './dom';
import { h, option, replaceChildren, srOnly } from './dom';
import type { Cue } from './model';
import {
  cueOf,
  draftToSend,
  entityFromMatch,
  headersOf,
  missingRequired,
  moveStage,
  reclassify,
  sheetByName,
  withHeaderRow,
} from './model';
import type { StringKey } from './strings';
import { guessLanguage, MONTH_NAMES, REASON_KEYS, text } from './strings';
import type { SummaryBlock } from './summary';
import { mountSummary } from './summary';

// ——— State ———

let language: Language = guessLanguage();
let state: MappingState | null = null;
let draft: DraftMapping;
let statuses: StatusValue[] = [];
let analysis: DraftAnalysis;
/** Detection per entity for the sheet the user chose (for the confidence cues). */
let matches: Partial<Record<EntityId, EntityDetection | null>> = {};
const openEntities = new Set<EntityId>();
let dirty = false;
let busy = false;
let confirmingReset = false;
let previewTimer: number | undefined;
let previewSeq = 0;
let statusEdits = 0;
let previewPending = false;

const t = (key: StringKey, params?: Record<string, string | number>) => text(language, key, params);

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from Sidebar.html`);
  return element as T;
}

// ——— Status line ———

function say(message: string): void {
  byId('status').textContent = message;
  byId('error').textContent = '';
}

function sayError(message: string): void {
  byId('status').textContent = '';
  byId('error').textContent = message;
}

function setDirty(value: boolean): void {
  dirty = value;
  byId('save').classList.toggle('attention', dirty);
}

function markDirty(): void {
  setDirty(true);
  say(t('unsaved'));
}

// ——— Formatting ———

function localeTag(): string {
  return (state?.locale ?? language).replace('_', '-');
}

function formatNumber(value: number, percent: boolean): string {
  try {
    return new Intl.NumberFormat(localeTag(), {
      style: percent ? 'percent' : 'decimal',
      maximumFractionDigits: 2,
    }).format(value);
  } catch {
    return String(value);
  }
}

function formatDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  try {
    return new Intl.DateTimeFormat(localeTag(), { timeZone: 'UTC' }).format(
      new Date(Date.UTC(y, m - 1, d)),
    );
  } catch {
    return iso;
  }
}

function formatInstant(iso: string): string {
  const date = new Date(iso);
  if (isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(localeTag(), {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: state?.timeZone,
    }).format(date);
  } catch {
    return date.toISOString();
  }
}

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

// ——— Header ———

function renderHeader(): void {
  if (!state) return;
  const source =
    state.source === 'saved'
      ? state.savedAt
        ? t('sourceSaved', { date: formatInstant(state.savedAt) })
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

// ——— Entities ———

const CUE_SYMBOL: Record<Cue, string> = { high: '●', medium: '◐', none: '○', manual: '✎' };
const CUE_TEXT: Record<Cue, StringKey> = {
  high: 'cueHigh',
  medium: 'cueMedium',
  none: 'cueNone',
  manual: 'cueManual',
};

function renderEntities(): void {
  replaceChildren(
    byId('entities'),
    ENTITIES.map((spec) => renderEntity(spec)),
  );
}

function renderEntity(spec: EntitySpec): HTMLElement {
  const sheets = state!.sheets;
  const entity = draft.entities[spec.id];
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
    h(
      'div',
      { className: 'row' },
      h('label', { for: sheetSelectId, text: t('sheet') }),
      sheetSelect,
    ),
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
  const entity = draft.entities[entityId]!;
  const sheet = sheetByName(state!.sheets, entity.sheet);
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
    const current = draft.entities[entityId];
    if (!current) return;
    draft.entities[entityId] = withHeaderRow(state!.sheets, current, Number(select.value));
    afterEdit(entityId, entityId === 'deals');
  });
  return h('div', { className: 'row' }, h('label', { for: id, text: t('headerRow') }), select);
}

function renderField(entityId: EntityId, field: FieldSpec): HTMLElement {
  const entity = draft.entities[entityId]!;
  const headers = headersOf(state!.sheets, entity);
  const id = `field-${entityId}-${field.id}`;
  const cueId = `cue-${entityId}-${field.id}`;
  const cue = cueOf(entity, field.id, matches[entityId]);
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
    const current = draft.entities[entityId];
    if (!current) return;
    const fields = { ...current.fields };
    if (select.value === '') delete fields[field.id];
    else {
      const index = Number(select.value);
      fields[field.id] = { header: headersOf(state!.sheets, current)[index] ?? '', index };
    }
    draft.entities[entityId] = { ...current, fields };
    const statusRelated =
      entityId === 'deals' && (field.id === 'status' || field.id === 'probability');
    afterEdit(entityId, statusRelated);
  });
  const label = h(
    'label',
    { for: id },
    field.label[language],
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
  const current = draft.feedbackScale ?? analysis.detectedScale ?? '1-5';
  select.add(option('1-5', t('scale15'), current === '1-5'));
  select.add(option('0-10', t('scale010'), current === '0-10'));
  select.addEventListener('change', () => {
    draft.feedbackScale = select.value as FeedbackScale;
    markDirty();
  });
  return h('div', { className: 'row' }, h('label', { for: id, text: t('feedbackScale') }), select);
}

async function changeSheet(entityId: EntityId, sheetName: string): Promise<void> {
  if (sheetName === '') {
    delete draft.entities[entityId];
    afterEdit(entityId, entityId === 'deals');
    return;
  }
  const sheet = sheetByName(state!.sheets, sheetName);
  if (!sheet) return;
  const detected = state!.detected[entityId];
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
  matches[entityId] = match;
  draft.entities[entityId] = entityFromMatch(sheet, match);
  openEntities.add(entityId);
  afterEdit(entityId, entityId === 'deals');
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

// ——— Statuses and stage order ———

const CLASS_KEYS: Record<StatusClassName, StringKey> = {
  open: 'classOpen',
  won: 'classWon',
  lost: 'classLost',
};

function renderStatuses(): void {
  const container = byId('statuses');
  const children: Child[] = [h('h2', { text: t('statusesTitle') })];
  if (!draft.entities.deals?.fields.status || statuses.length === 0) {
    children.push(h('p', { className: 'muted', text: t('statusesNone') }));
    replaceChildren(container, children);
    return;
  }
  children.push(h('p', { className: 'muted', text: t('statusesHelp') }));
  const list = h('ul', { className: 'statuses' });
  for (const status of statuses) {
    const id = idFor('class', status.label);
    const select = h('select', {
      id,
      'aria-label': t('statusClassFor', { status: status.label }),
    });
    for (const c of ['open', 'won', 'lost'] as const) {
      select.add(option(c, t(CLASS_KEYS[c]), status.class === c));
    }
    select.addEventListener('change', () => {
      statuses = reclassify(statuses, status.label, select.value as StatusClassName);
      statusEdits++;
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
  const open = statuses.filter((s) => s.class === 'open');
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
      statuses = moveStage(statuses, status.label, delta);
      statusEdits++;
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

// ——— Settings ———

function renderSettings(): void {
  const periodSelect = h('select', { id: 'setting-period' });
  const periods: [PeriodGranularity, StringKey][] = [
    ['week', 'periodWeek'],
    ['month', 'periodMonth'],
    ['quarter', 'periodQuarter'],
    ['year', 'periodYear'],
  ];
  for (const [value, key] of periods) {
    periodSelect.add(option(value, t(key), draft.settings.period === value));
  }
  periodSelect.addEventListener('change', () => {
    draft.settings = { ...draft.settings, period: periodSelect.value as PeriodGranularity };
    markDirty();
  });
  const fiscalSelect = h('select', { id: 'setting-fiscal' });
  MONTH_NAMES[language].forEach((name, i) =>
    fiscalSelect.add(option(String(i + 1), name, draft.settings.fiscalYearStartMonth === i + 1)),
  );
  fiscalSelect.addEventListener('change', () => {
    draft.settings = { ...draft.settings, fiscalYearStartMonth: Number(fiscalSelect.value) };
    markDirty();
  });
  replaceChildren(byId('settings'), [
    h('h2', { text: t('settingsTitle') }),
    h(
      'div',
      { className: 'row' },
      h('label', { for: 'setting-period', text: t('period') }),
      periodSelect,
    ),
    h(
      'div',
      { className: 'row' },
      h('label', { for: 'setting-fiscal', text: t('fiscalStart') }),
      fiscalSelect,
    ),
  ]);
}

// ——— Preview ———

function cellText(cell: PreviewCell, field: FieldSpec): string {
  switch (cell.kind) {
    case 'blank':
      return '';
    case 'text':
      return cell.text;
    case 'number':
      return formatNumber(cell.value, field.type === 'fraction');
    case 'date':
      return formatDay(cell.iso);
    case 'problem':
      return cell.text;
  }
}

function renderEntityPreview(preview: EntityPreview): HTMLElement {
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

function renderPreview(): void {
  const container = byId('preview');
  container.setAttribute('aria-busy', previewPending ? 'true' : 'false');
  replaceChildren(container, [
    h('h2', { text: t('previewTitle') }),
    h('p', { className: 'muted', text: previewPending ? t('previewUpdating') : t('previewHelp') }),
    ...analysis.preview.map(renderEntityPreview),
  ]);
}

function schedulePreview(statusesToo: boolean): void {
  previewPending = true;
  if (statusesToo) statusEdits++;
  window.clearTimeout(previewTimer);
  previewTimer = window.setTimeout(() => void refreshPreview(), 250);
}

async function refreshPreview(): Promise<void> {
  const seq = ++previewSeq;
  const editsAtSend = statusEdits;
  renderPreview();
  try {
    const next = await call('previewMapping', draftToSend(draft, statuses));
    if (seq !== previewSeq) return; // a newer request is on its way
    analysis = next;
    previewPending = false;
    // The server kept the classes we sent and added counts and new statuses, unless
    // the user has reclassified or reordered since: then theirs is newer.
    if (statusEdits === editsAtSend || !draft.entities.deals?.fields.status)
      statuses = next.statuses;
    else if (statuses.length === 0) statuses = next.statuses;
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

// ——— Save and reset ———

function setBusy(value: boolean): void {
  busy = value;
  for (const id of ['save', 'reset', 'reset-yes']) {
    byId(id).setAttribute('aria-disabled', value ? 'true' : 'false');
  }
  byId('app').setAttribute('aria-busy', value ? 'true' : 'false');
}

async function save(): Promise<void> {
  if (busy || !state) return;
  setBusy(true);
  say(t('saving'));
  try {
    const next = await call('saveMapping', draftToSend(draft, statuses));
    load(next);
    say(t('saved'));
  } catch (error) {
    sayError(t('saveFailed', { message: asError(error).message }));
  } finally {
    setBusy(false);
  }
}

function showResetConfirm(show: boolean): void {
  confirmingReset = show;
  byId('reset-confirm').hidden = !show;
  if (show) byId('reset-cancel').focus();
}

async function reset(): Promise<void> {
  if (busy) return;
  showResetConfirm(false);
  setBusy(true);
  say(t('resetting'));
  try {
    load(await call('resetMapping'));
    say(t('resetDone'));
  } catch (error) {
    sayError(asError(error).message);
  } finally {
    setBusy(false);
    byId('reset').focus();
  }
}

// ——— Loading ———

let summary: SummaryBlock | null = null;

function renderStatic(): void {
  document.documentElement.lang = language;
  summary?.render();
  byId('save').textContent = t('save');
  byId('reset').textContent = t('reset');
  byId('reset-question').textContent = t('resetConfirm');
  byId('reset-yes').textContent = t('resetYes');
  byId('reset-cancel').textContent = t('resetCancel');
}

function load(next: MappingState): void {
  state = next;
  language = next.language;
  draft = JSON.parse(JSON.stringify(next.draft)) as DraftMapping;
  statuses = next.analysis.statuses.map((s) => ({ ...s }));
  analysis = next.analysis;
  matches = { ...next.detected };
  setDirty(false);
  previewPending = false;
  if (openEntities.size === 0) {
    for (const spec of ENTITIES) if (draft.entities[spec.id]) openEntities.add(spec.id);
  }
  if (!draft.entities.deals) openEntities.add('deals');
  renderStatic();
  renderHeader();
  renderEntities();
  renderStatuses();
  renderSettings();
  renderPreview();
  byId('loading').hidden = true;
  byId('content').hidden = false;
}

async function start(): Promise<void> {
  // The "Generate KPI summary" block (src/sidebar/summary.ts) in the footer's slot.
  summary = mountSummary(byId('summary-slot'), {
    language: () => language,
    isDirty: () => dirty,
    isBusy: () => busy,
    setBusy,
    say,
    sayError,
  });
  renderStatic();
  byId('loading').textContent = t('loading');
  byId('save').addEventListener('click', () => void save());
  byId('reset').addEventListener('click', () => {
    if (!busy) showResetConfirm(!confirmingReset);
  });
  byId('reset-yes').addEventListener('click', () => void reset());
  byId('reset-cancel').addEventListener('click', () => {
    showResetConfirm(false);
    byId('reset').focus();
  });
  setBusy(true);
  try {
    load(await call('getMappingState'));
    say('');
  } catch (error) {
    byId('loading').textContent = t('loadFailed', { message: asError(error).message });
  } finally {
    setBusy(false);
  }
}

void start();
