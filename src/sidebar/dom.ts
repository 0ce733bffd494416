/**
 * The sidebar's only way to make elements. Text is always set as text (textContent,
 * createTextNode, option.text): a header, status or sheet name from the user's
 * spreadsheet can never become markup. There is no innerHTML anywhere in src/sidebar.
 */

type AttrValue = string | number | boolean | null | undefined;
export type Child = Node | string | null | undefined | false;

/** Properties set directly rather than as attributes. */
const PROPERTIES = new Set(['value', 'checked', 'selected', 'disabled', 'hidden', 'tabIndex']);

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Readonly<Record<string, AttrValue>> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'text') element.textContent = String(value);
    else if (name === 'className') element.className = String(value);
    else if (PROPERTIES.has(name)) (element as unknown as Record<string, unknown>)[name] = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

export function option(value: string, label: string, selected = false): HTMLOptionElement {
  // new Option(text, …) sets the label as text, never as markup.
  return new Option(label, value, selected, selected);
}

/** The element #id of Sidebar.html (page.html), which must be there. */
export function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from Sidebar.html`);
  return element as T;
}

/** A form row: a control with its visible label. */
export function labelledRow(id: string, label: string, control: HTMLElement): HTMLDivElement {
  return h('div', { className: 'row' }, h('label', { for: id, text: label }), control);
}

/** Text only a screen reader reads. */
export function srOnly(text: string, id?: string): HTMLSpanElement {
  return h('span', { className: 'sr-only', id, text });
}

/**
 * Replaces an element's children and puts the focus back on the control that had it
 * (controls have stable ids), so re-rendering a section never loses the keyboard user.
 */
export function replaceChildren(parent: HTMLElement, children: readonly Child[]): void {
  const active = document.activeElement;
  const focusedId = active instanceof HTMLElement && parent.contains(active) ? active.id : '';
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
  if (focusedId) {
    const again = document.getElementById(focusedId);
    if (again instanceof HTMLElement && !isDisabled(again)) again.focus();
  }
}

function isDisabled(element: HTMLElement): boolean {
  return 'disabled' in element && (element as HTMLButtonElement).disabled;
}
