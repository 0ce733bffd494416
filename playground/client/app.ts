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
// The WAI-ARIA menu pattern (https://www.w3.org/WAI/ARIA/apg/patterns/menubar/): the
// menu bar is one Tab stop; Enter, Space or ↓ opens a menu on its first item; ↑ and ↓
// move between items, → opens a submenu and ← closes it; Enter or Space activates;
// Escape closes the innermost menu and gives focus back to what opened it.

function closeMenus(): void {
  document.querySelectorAll('#menubar .dropdown').forEach((menu) => menu.remove());
  document
    .querySelectorAll('#menubar [aria-expanded="true"]')
    .forEach((button) => button.setAttribute('aria-expanded', 'false'));
}

function menuItem(caption: string, disabled = false): HTMLButtonElement {
  const item = document.createElement('button');
  item.className = 'menu-item';
  item.setAttribute('role', 'menuitem');
  item.tabIndex = -1;
  item.textContent = caption;
  if (disabled) item.setAttribute('aria-disabled', 'true');
  return item;
}

/** The items of a menu a key moves between (disabled ones are skipped). */
function itemsOf(menu: Element): HTMLElement[] {
  return [...menu.querySelectorAll<HTMLElement>(':scope > .menu-item')].filter(
    (item) => item.getAttribute('aria-disabled') !== 'true',
  );
}

function focusItem(menu: Element | null | undefined, which: 'first' | 'last'): void {
  if (!menu) return;
  const items = itemsOf(menu);
  (which === 'first' ? items[0] : items[items.length - 1])?.focus();
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
      line.setAttribute('role', 'separator');
      box.append(line);
    } else if (entry.type === 'submenu') {
      box.append(submenuItem(entry.menu));
    } else {
      const item = menuItem(entry.caption);
      item.dataset.function = entry.functionName;
      item.addEventListener('click', () => {
        closeMenus();
        $('grid-scroll').focus();
        void runMenuItem(entry.functionName);
      });
      box.append(item);
    }
  }
  return box;
}

/** Opens a submenu item's menu (once) and returns it. */
function openSubmenu(item: HTMLElement, menu: MenuView): HTMLElement {
  const existing = item.querySelector<HTMLElement>(':scope > .dropdown');
  if (existing) return existing;
  item.parentElement?.querySelectorAll(':scope > .menu-item').forEach((sibling) => {
    sibling.querySelector(':scope > .dropdown')?.remove();
    if (sibling.getAttribute('aria-haspopup')) sibling.setAttribute('aria-expanded', 'false');
  });
  item.setAttribute('aria-expanded', 'true');
  const box = dropdown(menu);
  item.append(box);
  return box;
}

const submenus = new WeakMap<HTMLElement, MenuView>();

function submenuItem(menu: MenuView): HTMLButtonElement {
  const item = menuItem(menu.caption);
  item.setAttribute('aria-haspopup', 'menu');
  item.setAttribute('aria-expanded', 'false');
  submenus.set(item, menu);
  const arrow = document.createElement('span');
  arrow.setAttribute('aria-hidden', 'true');
  arrow.textContent = '▸';
  item.append(arrow);
  item.addEventListener('mouseenter', () => openSubmenu(item, menu));
  item.addEventListener('click', (event) => {
    if ((event.target as HTMLElement).closest('.dropdown') !== item.closest('.dropdown')) return;
    openSubmenu(item, menu);
  });
  return item;
}

/** Opens the Extensions menu under its button and returns it. */
function openExtensions(button: HTMLElement): HTMLElement {
  const root = button.parentElement!;
  const open = root.querySelector<HTMLElement>(':scope > .dropdown');
  if (open) return open;
  closeMenus();
  button.setAttribute('aria-expanded', 'true');
  const box = document.createElement('div');
  box.className = 'dropdown';
  box.setAttribute('role', 'menu');
  box.setAttribute('aria-label', button.textContent ?? '');
  box.append(menuItem(`${text.addOns}`, true), menuItem(text.appsScript, true));
  const line = document.createElement('div');
  line.className = 'menu-separator';
  line.setAttribute('role', 'separator');
  box.append(line);
  if (state?.menu) box.append(submenuItem(state.menu));
  else box.append(menuItem(text.noMenu, true));
  root.append(box);
  return box;
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
  bar.setAttribute('aria-label', text.menuBar);
  bar.replaceChildren();
  text.menus.forEach((caption, index) => {
    const root = document.createElement('div');
    root.className = 'menu-root';
    root.setAttribute('role', 'none');
    const button = document.createElement('button');
    button.className = 'menu-button';
    button.setAttribute('role', 'menuitem');
    button.textContent = caption;
    const extensions = index === text.menus.length - 2;
    if (extensions) {
      button.id = 'menu-extensions';
      button.setAttribute('aria-haspopup', 'menu');
      button.setAttribute('aria-expanded', 'false');
      button.addEventListener('click', (event) => {
        event.stopPropagation();
        const wasOpen = button.getAttribute('aria-expanded') === 'true';
        closeMenus();
        if (!wasOpen) openExtensions(button);
      });
    } else {
      // The playground has no File, Edit… menus: shown, not reachable.
      button.disabled = true;
    }
    root.append(button);
    bar.append(root);
  });
}

function onMenuKey(event: KeyboardEvent): void {
  const target = event.target as HTMLElement;
  const key = event.key;
  if (key === 'Tab') {
    closeMenus();
    return;
  }
  if (target.classList.contains('menu-button')) {
    if (target.id !== 'menu-extensions') return;
    if (key === 'Enter' || key === ' ' || key === 'ArrowDown' || key === 'ArrowUp') {
      event.preventDefault();
      focusItem(openExtensions(target), key === 'ArrowUp' ? 'last' : 'first');
    } else if (key === 'Escape') {
      event.preventDefault();
      closeMenus();
    }
    return;
  }
  if (!target.classList.contains('menu-item')) return;
  const menu = target.parentElement!;
  const items = itemsOf(menu);
  const index = items.indexOf(target);
  const parentItem = menu.parentElement?.closest<HTMLElement>('.menu-item');
  const barButton = menu.parentElement?.querySelector<HTMLElement>(':scope > .menu-button');
  const submenu = submenus.get(target);
  const back = () => {
    menu.remove();
    const opener = parentItem ?? barButton;
    opener?.setAttribute('aria-expanded', 'false');
    opener?.focus();
  };
  switch (key) {
    case 'ArrowDown':
      items[(index + 1) % items.length]?.focus();
      break;
    case 'ArrowUp':
      items[(index - 1 + items.length) % items.length]?.focus();
      break;
    case 'Home':
      items[0]?.focus();
      break;
    case 'End':
      items[items.length - 1]?.focus();
      break;
    case 'ArrowRight':
      if (submenu) focusItem(openSubmenu(target, submenu), 'first');
      break;
    case 'ArrowLeft':
      if (parentItem) back();
      break;
    case 'Escape':
      back();
      break;
    case 'Enter':
    case ' ':
      if (submenu) focusItem(openSubmenu(target, submenu), 'first');
      else if (target.getAttribute('aria-disabled') !== 'true') target.click();
      break;
    default:
      return;
  }
  event.preventDefault();
  event.stopPropagation();
}

$('menubar').addEventListener('keydown', onMenuKey);
// A button acts on Space when the key comes up: the keydown above already did.
$('menubar').addEventListener('keyup', (event) => {
  if (event.key === ' ') event.preventDefault();
});

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
  $('tabs-left').setAttribute('aria-label', text.scrollTabs[0]);
  $('tabs-right').setAttribute('aria-label', text.scrollTabs[1]);
  updateTabArrows();
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
  const body = document.createElement('div');
  if (title) {
    const strong = document.createElement('strong');
    strong.textContent = title;
    body.append(strong);
  }
  body.append(message);
  const close = document.createElement('button');
  close.className = 'icon-button toast-close';
  close.setAttribute('aria-label', text.close);
  close.textContent = '×';
  close.addEventListener('click', () => box.remove());
  box.append(body, close);
  $('toasts').append(box);
  // Shown for the add-on's duration, at most 5 s, and closed by its × before that.
  if (seconds !== null && seconds > 0) setTimeout(() => box.remove(), Math.min(seconds, 5) * 1000);
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

/** What had focus before a dialog opened, to give it back when it closes. */
let focusBeforeModal: HTMLElement | null = null;

function openModal(title: string, body: HTMLElement, alert = false): void {
  if ($('modal').hidden) focusBeforeModal = document.activeElement as HTMLElement | null;
  $('modal-title').textContent = title;
  $('modal-body').replaceChildren(body);
  $('modal').querySelector('.modal')!.classList.toggle('alert', alert);
  $('modal').hidden = false;
  ($('modal-body').querySelector<HTMLElement>('button') ?? $('modal-close')).focus();
}

function closeModal(): void {
  if ($('modal').hidden) return;
  $('modal').hidden = true;
  $('modal-body').replaceChildren();
  const back = focusBeforeModal?.isConnected ? focusBeforeModal : $('grid-scroll');
  focusBeforeModal = null;
  back.focus();
}

// Escape closes the open menus, else the dialog (inside a dialog's frame, its shim asks).
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  if (document.querySelector('#menubar .dropdown')) {
    const button = $('menu-extensions');
    closeMenus();
    button?.focus();
  } else if (!$('modal').hidden) {
    closeModal();
  } else {
    return;
  }
  event.preventDefault();
});

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
      body.className = 'alert-text';
      body.textContent = event.message;
      const actions = document.createElement('div');
      actions.className = 'modal-actions';
      const ok = document.createElement('button');
      ok.className = 'primary-button';
      ok.textContent = text.ok;
      ok.addEventListener('click', closeModal);
      actions.append(ok);
      body.append(actions);
      openModal(event.title ?? '', body, true);
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
  } else if (data.type === 'playground:escape' && !fromSidebar) {
    closeModal();
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

// ---- Undo -------------------------------------------------------------------------

// Ctrl+Z (⌘Z) undoes the last cell edit, when no text field is being edited.
document.addEventListener('keydown', (event) => {
  if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.key.toLowerCase() !== 'z')
    return;
  const target = event.target as HTMLElement;
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return;
  event.preventDefault();
  void api.undo().then(async (result) => {
    if (!result.undone) toast('', text.undoNothing);
    await refresh(true);
    if (result.undone) grid.selectA1(result.undone.cell);
  });
});

/** The tab bar's arrows, shown when the tabs do not all fit. */
function updateTabArrows(): void {
  const tabs = $('tabs');
  const overflowing = tabs.scrollWidth > tabs.clientWidth + 1;
  $('tabs-left').hidden = !overflowing;
  $('tabs-right').hidden = !overflowing;
  $<HTMLButtonElement>('tabs-left').disabled = tabs.scrollLeft <= 0;
  $<HTMLButtonElement>('tabs-right').disabled =
    tabs.scrollLeft + tabs.clientWidth >= tabs.scrollWidth - 1;
}
for (const [id, direction] of [
  ['tabs-left', -1],
  ['tabs-right', 1],
] as const) {
  $(id).addEventListener('click', () => {
    $('tabs').scrollBy({ left: direction * $('tabs').clientWidth * 0.8 });
  });
}
$('tabs').addEventListener('scroll', updateTabArrows);
window.addEventListener('resize', updateTabArrows);

// The tab bar scrolls with the mouse wheel too (with many tabs, none is out of reach).
$('tabs').addEventListener(
  'wheel',
  (event) => {
    if (Math.abs(event.deltaY) <= Math.abs(event.deltaX)) return;
    $('tabs').scrollLeft += event.deltaY;
    event.preventDefault();
  },
  { passive: false },
);

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
