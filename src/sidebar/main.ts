/**
 * The column-mapping sidebar (dist/Sidebar.html). It asks the server for the state,
 * lets the user correct sheets, columns, statuses, stage order and settings, shows a
 * preview of what will be read, and saves. Every text that comes from the spreadsheet
 * is inserted as text (see dom.ts). This file loads, saves and resets; each section
 * draws itself: intro.ts, entityEditor.ts, statusEditor.ts, settings.ts,
 * previewPanel.ts, summary.ts.
 */
import type { DraftMapping, MappingState } from '../server/types';
import { asError, call } from './client';
import { byId } from './dom';
import { renderEntities, unfoldEntities } from './entityEditor';
import { renderIntro } from './intro';
import { markPreviewCurrent, renderPreview } from './previewPanel';
import { session, t } from './session';
import { draftToSend } from './model';
import { renderSettings } from './settings';
import { renderStatuses } from './statusEditor';
import { isDirty, say, sayError, setDirty } from './statusLine';
import type { SummaryBlock } from './summary';
import { mountSummary } from './summary';

let busy = false;
let confirmingReset = false;
let summary: SummaryBlock | null = null;

// ——— Save and reset ———

function setBusy(value: boolean): void {
  busy = value;
  for (const id of ['save', 'reset', 'reset-yes']) {
    byId(id).setAttribute('aria-disabled', value ? 'true' : 'false');
  }
  byId('app').setAttribute('aria-busy', value ? 'true' : 'false');
}

async function save(): Promise<void> {
  if (busy || !session.state) return;
  setBusy(true);
  say(t('saving'));
  try {
    const next = await call('saveMapping', draftToSend(session.draft, session.statuses));
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

function renderStatic(): void {
  document.documentElement.lang = session.language;
  summary?.render();
  byId('save').textContent = t('save');
  byId('reset').textContent = t('reset');
  byId('reset-question').textContent = t('resetConfirm');
  byId('reset-yes').textContent = t('resetYes');
  byId('reset-cancel').textContent = t('resetCancel');
}

function load(next: MappingState): void {
  session.state = next;
  session.language = next.language;
  session.draft = JSON.parse(JSON.stringify(next.draft)) as DraftMapping;
  session.statuses = next.analysis.statuses.map((s) => ({ ...s }));
  session.analysis = next.analysis;
  session.matches = { ...next.detected };
  setDirty(false);
  markPreviewCurrent();
  unfoldEntities(session.draft);
  renderStatic();
  renderIntro();
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
    language: () => session.language,
    isDirty,
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
