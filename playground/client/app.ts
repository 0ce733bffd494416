/**
 * The playground page: title, menus (Extensions → the add-on's menu, as its onOpen
 * built it), formula bar, grid, tab bar, the add-on's sidebar and dialogs in iframes,
 * toasts and alerts, and CSV drops. State lives on the server; the page redraws when
 * the server's version moves.
 */
import type { MenuView, StateView, UiEvent } from '../protocol';
import { decodeCsv } from '../../emulator/encoding';
import { api } from './api';
import { Grid } from './grid';
import { STRINGS, type Strings } from './strings';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

let state: StateView | null = null;
let text: Strings = STRINGS.fr;
let renderedVersion = -1;
let queue: Promise<void> = Promise.resolve();

const grid = new Grid({
  commit: async (a1, value) => {
    const sheet = grid.sheetName;
    if (!sheet) return;
    const result = await api.edit(sheet, a1, value);
    handleEvents(result.events);
    await refresh(true);
  },
});

/** Redraws what changed; calls are queued so two refreshes never interleave. */
function refresh(force = false): Promise<void> {
  queue = queue
    .then(() => doRefresh(force))
    .catch((error: Error) => {
      toast(text.failed, error.message, true);
    });
  return queue;
}

async function doRefresh(force: boolean): Promise<void> {
  const next = await api.state();
  const languageChanged = !state || state.language !== next.language;
  state = next;
  text = STRINGS[next.language];
  document.documentElement.lang = next.language;
  if (languageChanged) $('drop-text').textContent = text.drop;
  $('doc-title').textContent = next.title;
  $('badge').textContent = text.badge(next.locale, next.timeZone);
  document.title = `${next.title} – ${next.addonName} playground`;
  renderMenus(next);
  renderTabs(next);
  if (force || next.version !== renderedVersion || grid.sheetName !== next.activeSheet) {
    const view = await api.sheet(next.activeSheet);
    grid.render(view);
    renderedVersion = next.version;
  }
  document.body.dataset.version = String(renderedVersion);
  document.body.dataset.sheet = next.activeSheet;
}

// ---- Menus -----------------------------------------------------------------------

function closeMenus(): void {
  document.querySelectorAll('.dropdown').forEach((menu) => menu.remove());
  document
    .querySelectorAll('[aria-expanded="true"]')
    .forEach((button) => button.setAttribute('aria-expanded', 'false'));
}

function menuItem(caption: string, disabled = false): HTMLButtonElement {
  const item = document.createElement('button');
  item.className = 'menu-item';
  item.setAttribute('role', 'menuitem');
  item.textContent = caption;
  item.disabled = disabled;
  return item;
}

function dropdown(menu: MenuView): HTMLDivElement {
  const box = document.createElement('div');
  box.className = 'dropdown submenu';
  box.setAttribute('role', 'menu');
  box.setAttribute('aria-label', menu.caption);
  for (const entry of menu.items) {
    if (entry.type === 'separator') {
      const line = document.createElement('div');
      line.className = 'menu-separator';
      box.append(line);
    } else if (entry.type === 'submenu') {
      box.append(submenuItem(entry.menu));
    } else {
      const item = menuItem(entry.caption);
      item.dataset.function = entry.functionName;
      item.addEventListener('click', () => {
        closeMenus();
        void runMenuItem(entry.functionName);
      });
      box.append(item);
    }
  }
  return box;
}

function submenuItem(menu: MenuView): HTMLButtonElement {
  const item = menuItem(menu.caption);
  item.setAttribute('aria-haspopup', 'menu');
  item.setAttribute('aria-expanded', 'false');
  const arrow = document.createElement('span');
  arrow.textContent = '▸';
  item.append(arrow);
  const open = () => {
    if (item.getAttribute('aria-expanded') === 'true') return;
    item.parentElement
      ?.querySelectorAll(':scope > .menu-item > .dropdown')
      .forEach((d) => d.remove());
    item.setAttribute('aria-expanded', 'true');
    item.append(dropdown(menu));
  };
  item.addEventListener('mouseenter', open);
  item.addEventListener('click', (event) => {
    if ((event.target as HTMLElement).closest('.dropdown') !== item.querySelector('.dropdown'))
      return;
    open();
  });
  return item;
}

function renderMenus(current: StateView): void {
  const bar = $('menubar');
  if (
    bar.dataset.language === current.language &&
    bar.dataset.menu === JSON.stringify(current.menu)
  ) {
    return;
  }
  bar.dataset.language = current.language;
  bar.dataset.menu = JSON.stringify(current.menu);
  bar.replaceChildren();
  text.menus.forEach((caption, index) => {
    const root = document.createElement('div');
    root.className = 'menu-root';
    const button = document.createElement('button');
    button.className = 'menu-button';
    button.textContent = caption;
    const extensions = index === text.menus.length - 2;
    button.disabled = !extensions;
    if (extensions) {
      button.id = 'menu-extensions';
      button.setAttribute('aria-haspopup', 'menu');
      button.setAttribute('aria-expanded', 'false');
      button.addEventListener('click', (event) => {
        event.stopPropagation();
        const wasOpen = button.getAttribute('aria-expanded') === 'true';
        closeMenus();
        if (wasOpen) return;
        button.setAttribute('aria-expanded', 'true');
        const box = document.createElement('div');
        box.className = 'dropdown';
        box.setAttribute('role', 'menu');
        box.append(menuItem(`${text.addOns}`, true), menuItem(text.appsScript, true));
        const line = document.createElement('div');
        line.className = 'menu-separator';
        box.append(line);
        if (state?.menu) box.append(submenuItem(state.menu));
        else box.append(menuItem(text.noMenu, true));
        root.append(box);
      });
    }
    root.append(button);
    bar.append(root);
  });
}

document.addEventListener('click', (event) => {
  if (!(event.target as HTMLElement).closest('.menu-root')) closeMenus();
});

async function runMenuItem(functionName: string): Promise<void> {
  const running = toast('', `${text.running}…`, false, 0);
  try {
    const result = await api.run(functionName);
    running.remove();
    if (!result.ok) toast(text.failed, result.error?.message ?? '', true);
    handleEvents(result.events);
  } catch (error) {
    running.remove();
    toast(text.failed, (error as Error).message, true);
  }
  await refresh();
}

// ---- Tabs -----------------------------------------------------------------------

function renderTabs(current: StateView): void {
  const tabs = $('tabs');
  tabs.replaceChildren(
    ...current.sheets.map((sheet) => {
      const tab = document.createElement('button');
      tab.className = 'tab';
      tab.setAttribute('role', 'tab');
      tab.dataset.sheet = sheet.name;
      tab.textContent = sheet.name;
      tab.setAttribute('aria-selected', String(sheet.name === current.activeSheet));
      if (sheet.tabColor) tab.style.borderBottomColor = sheet.tabColor;
      tab.addEventListener('click', async () => {
        await api.activate(sheet.name);
        await refresh();
      });
      return tab;
    }),
  );
  tabs.querySelector<HTMLElement>('[aria-selected="true"]')?.scrollIntoView({ inline: 'nearest' });
}

// ---- What the add-on shows ----------------------------------------------------------

function toast(
  title: string,
  message: string,
  error = false,
  seconds: number | null = 5,
): HTMLElement {
  const box = document.createElement('div');
  box.className = `toast${error ? ' error' : ''}`;
  box.setAttribute('role', 'status');
  if (title) {
    const strong = document.createElement('strong');
    strong.textContent = title;
    box.append(strong);
  }
  box.append(message);
  $('toasts').append(box);
  if (seconds !== null && seconds > 0) setTimeout(() => box.remove(), seconds * 1000);
  else if (seconds === null || seconds < 0) box.addEventListener('click', () => box.remove());
  return box;
}

function openSidebar(id: string, title: string): void {
  $('sidebar-title').textContent = title;
  $<HTMLIFrameElement>('sidebar-frame').src = `/html/${id}`;
  $('sidebar').hidden = false;
  $('sidebar').dataset.page = id;
}

function closeSidebar(): void {
  $('sidebar').hidden = true;
  $<HTMLIFrameElement>('sidebar-frame').src = 'about:blank';
}

function openModal(title: string, body: HTMLElement): void {
  $('modal-title').textContent = title;
  $('modal-body').replaceChildren(body);
  $('modal').hidden = false;
}

function closeModal(): void {
  $('modal').hidden = true;
  $('modal-body').replaceChildren();
}

function handleEvents(events: UiEvent[]): void {
  for (const event of events) {
    if (event.type === 'sidebar') {
      openSidebar(event.id, event.title);
    } else if (event.type === 'dialog') {
      const frame = document.createElement('iframe');
      frame.src = `/html/${event.id}`;
      frame.width = String(event.width ?? 600);
      frame.height = String(event.height ?? 400);
      openModal(event.title, frame);
    } else if (event.type === 'alert') {
      const body = document.createElement('div');
      body.textContent = event.message;
      const actions = document.createElement('div');
      actions.className = 'modal-actions';
      const ok = document.createElement('button');
      ok.className = 'primary-button';
      ok.textContent = text.ok;
      ok.addEventListener('click', closeModal);
      actions.append(ok);
      body.append(actions);
      openModal(event.title ?? '', body);
    } else {
      toast(event.title, event.message, false, event.seconds ?? 5);
    }
  }
}

/** Messages from the shim inside the add-on's iframes. */
window.addEventListener('message', (event: MessageEvent) => {
  if (event.origin !== location.origin) return;
  const data = event.data as {
    type?: string;
    events?: UiEvent[];
    version?: number;
    height?: number;
    width?: number;
  };
  const sidebarFrame = $<HTMLIFrameElement>('sidebar-frame');
  const fromSidebar = event.source === sidebarFrame.contentWindow;
  if (data.type === 'playground:ran') {
    handleEvents(data.events ?? []);
    if (data.version !== undefined && data.version !== renderedVersion) void refresh();
  } else if (data.type === 'playground:close') {
    if (fromSidebar) closeSidebar();
    else closeModal();
  } else if (data.type === 'playground:size' && !fromSidebar) {
    const frame = $('modal-body').querySelector('iframe');
    if (frame && data.height) frame.height = String(data.height);
    if (frame && data.width) frame.width = String(data.width);
  }
});

$('sidebar-close').addEventListener('click', closeSidebar);
$('modal-close').addEventListener('click', closeModal);

// ---- CSV files as new tabs ---------------------------------------------------------

const TABLE_FILE = /\.(csv|tsv|txt)$/i;

async function importFiles(files: FileList | File[]): Promise<void> {
  for (const file of Array.from(files)) {
    if (!TABLE_FILE.test(file.name)) {
      toast('', text.notTable(file.name), true);
      continue;
    }
    try {
      // Read as UTF-8 or refused, as the command line reads a file.
      const bytes = new Uint8Array(await file.arrayBuffer());
      const result = await api.importFile(file.name, decodeCsv(bytes, file.name));
      toast('', text.imported(result.sheet));
    } catch (error) {
      toast(text.failed, (error as Error).message, true);
    }
  }
  await refresh();
}

let dragDepth = 0;
window.addEventListener('dragenter', (event) => {
  if (!event.dataTransfer?.types.includes('Files')) return;
  dragDepth++;
  $('drop-overlay').hidden = false;
});
window.addEventListener('dragleave', () => {
  dragDepth = Math.max(0, dragDepth - 1);
  if (dragDepth === 0) $('drop-overlay').hidden = true;
});
window.addEventListener('dragover', (event) => event.preventDefault());
window.addEventListener('drop', (event) => {
  event.preventDefault();
  dragDepth = 0;
  $('drop-overlay').hidden = true;
  if (event.dataTransfer?.files.length) void importFiles(event.dataTransfer.files);
});
$('import-button').addEventListener('click', () => $('import-file').click());
$<HTMLInputElement>('import-file').addEventListener('change', (event) => {
  const input = event.target as HTMLInputElement;
  if (input.files?.length) void importFiles(input.files).then(() => (input.value = ''));
});

void refresh(true).then(() => $('grid-scroll').focus());
