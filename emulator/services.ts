import { createHash, randomUUID } from 'crypto';
import { tag, unwrap } from './calls';
import { parseCsv } from './csv';
import { AuthMode, AuthorizationStatus, Button, ButtonSet, enumName, makeEnum } from './enums';
import { SandboxMode, XFrameOptionsMode } from './enums';
import { formatJavaDate } from './format';

type Integer = number;
type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type HtmlTemplate = GoogleAppsScript.HTML.HtmlTemplate;
type Menu = GoogleAppsScript.Base.Menu;
type Properties = GoogleAppsScript.Properties.Properties;
type Lock = GoogleAppsScript.Lock.Lock;
type Cache = GoogleAppsScript.Cache.Cache;
type Blob = GoogleAppsScript.Base.Blob;

function as<T>(value: unknown): T {
  return value as unknown as T;
}

/** Virtual time: Utilities.sleep, lock waits and cache expiry move it forward. */
export class Clock {
  private offset = 0;
  now(): number {
    return Date.now() + this.offset;
  }
  advance(ms: number): void {
    if (ms > 0) this.offset += ms;
  }
}

// ---------------------------------------------------------------------------------
// HtmlService

export interface HtmlSpec {
  title: string;
  /** The page as served: `<meta name=…>` tags written in the HTML are left out. */
  content: string;
  width: number | null;
  height: number | null;
  /** The meta tags added with addMetaTag, the only ones the page gets. */
  metaTags: { name: string; content: string }[];
}

/**
 * HtmlOutput.getMetaTags: "Gets an array of objects that represent meta tags added to
 * the page by calling addMetaTag(name, content). Meta tags included directly in an Apps
 * Script HTML file are ignored."
 * https://developers.google.com/apps-script/reference/html/html-output#getMetaTags()
 */
export function withoutMetaTags(html: string): string {
  return html.replace(/[ \t]*<meta\s[^>]*\bname\s*=[^>]*>[ \t]*\r?\n?/gi, '');
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export class EmulatedHtmlOutput implements Pick<
  HtmlOutput,
  | 'append'
  | 'appendUntrusted'
  | 'clear'
  | 'getContent'
  | 'getHeight'
  | 'getTitle'
  | 'getWidth'
  | 'setContent'
  | 'setHeight'
  | 'setSandboxMode'
  | 'setTitle'
  | 'setWidth'
  | 'setXFrameOptionsMode'
  | 'addMetaTag'
  | 'setFaviconUrl'
> {
  title = '';
  width: number | null = null;
  height: number | null = null;
  metaTags: { name: string; content: string }[] = [];
  constructor(public content: string) {
    tag(this, 'HtmlOutput');
  }
  private self(): HtmlOutput {
    return as(this);
  }
  getContent(): string {
    return this.content;
  }
  setContent(content: string): HtmlOutput {
    this.content = String(content);
    return this.self();
  }
  append(addedContent: string): HtmlOutput {
    this.content += addedContent;
    return this.self();
  }
  appendUntrusted(addedContent: string): HtmlOutput {
    this.content += escapeHtml(addedContent);
    return this.self();
  }
  clear(): HtmlOutput {
    this.content = '';
    return this.self();
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): HtmlOutput {
    this.title = String(title);
    return this.self();
  }
  getWidth(): Integer {
    return this.width ?? 0;
  }
  setWidth(width: Integer): HtmlOutput {
    this.width = width;
    return this.self();
  }
  getHeight(): Integer {
    return this.height ?? 0;
  }
  setHeight(height: Integer): HtmlOutput {
    this.height = height;
    return this.self();
  }
  setSandboxMode(_mode: GoogleAppsScript.HTML.SandboxMode): HtmlOutput {
    return this.self();
  }
  setXFrameOptionsMode(_mode: GoogleAppsScript.HTML.XFrameOptionsMode): HtmlOutput {
    return this.self();
  }
  setFaviconUrl(_iconUrl: string): HtmlOutput {
    return this.self();
  }
  addMetaTag(name: string, content: string): HtmlOutput {
    this.metaTags.push({ name, content });
    return this.self();
  }
  spec(): HtmlSpec {
    return {
      title: this.title,
      content: withoutMetaTags(this.content),
      width: this.width,
      height: this.height,
      metaTags: this.metaTags.map((tag) => ({ ...tag })),
    };
  }
}

/**
 * Templates with scriptlets: `<?= expr ?>` (escaped), `<?!= expr ?>` (raw) and
 * `<? code ?>`, evaluated with the template's own properties in scope.
 */
export class EmulatedHtmlTemplate implements Pick<
  HtmlTemplate,
  'evaluate' | 'getCode' | 'getRawContent'
> {
  [field: string]: unknown;
  constructor(private readonly source: string) {
    tag(this, 'HtmlTemplate');
  }
  getRawContent(): string {
    return this.source;
  }
  getCode(): string {
    const parts: string[] = ['var __out = "";'];
    const pattern = /<\?(!=|=)?([\s\S]*?)\?>/g;
    let last = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(this.source))) {
      parts.push(`__out += ${JSON.stringify(this.source.slice(last, match.index))};`);
      if (match[1] === '=') parts.push(`__out += __escape(${match[2].trim()});`);
      else if (match[1] === '!=') parts.push(`__out += __raw(${match[2].trim()});`);
      else parts.push(match[2]);
      last = pattern.lastIndex;
    }
    parts.push(`__out += ${JSON.stringify(this.source.slice(last))};`, 'return __out;');
    return parts.join('\n');
  }
  evaluate(): HtmlOutput {
    const data: Record<string, unknown> = {};
    for (const k of Object.keys(this)) if (k !== 'source') data[k] = this[k];
    const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
    // Scriptlets are the template author's code, run like Apps Script runs them.
    const run = new Function(
      '__data',
      '__escape',
      '__raw',
      `with (__data) {\n${this.getCode()}\n}`,
    );
    const html = run(data, (v: unknown) => escapeHtml(text(v)), text) as string;
    return as(new EmulatedHtmlOutput(html));
  }
}

export class EmulatedHtmlService implements Pick<
  GoogleAppsScript.HTML.HtmlService,
  | 'SandboxMode'
  | 'XFrameOptionsMode'
  | 'createHtmlOutput'
  | 'createHtmlOutputFromFile'
  | 'createTemplate'
  | 'createTemplateFromFile'
  | 'getUserAgent'
> {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;
  constructor(private readonly files: Record<string, string>) {
    tag(this, 'HtmlService');
  }
  private file(name: string): string {
    const text = this.files[name] ?? this.files[name + '.html'];
    if (text === undefined) throw new Error(`No HTML file named ${name} was found.`);
    return text;
  }
  createHtmlOutput(html?: unknown): HtmlOutput {
    const text =
      html === undefined
        ? ''
        : typeof html === 'string'
          ? html
          : (html as { getBlob(): Blob }).getBlob().getDataAsString();
    return as(new EmulatedHtmlOutput(text));
  }
  createHtmlOutputFromFile(filename: string): HtmlOutput {
    return as(new EmulatedHtmlOutput(this.file(filename)));
  }
  createTemplate(html: unknown): HtmlTemplate {
    const text =
      typeof html === 'string' ? html : (html as { getBlob(): Blob }).getBlob().getDataAsString();
    return as(new EmulatedHtmlTemplate(text));
  }
  createTemplateFromFile(filename: string): HtmlTemplate {
    return as(new EmulatedHtmlTemplate(this.file(filename)));
  }
  getUserAgent(): string {
    return 'Mozilla/5.0 (emulator)';
  }
}

// ---------------------------------------------------------------------------------
// Ui

export type MenuEntry =
  | { type: 'item'; caption: string; functionName: string }
  | { type: 'separator' }
  | { type: 'submenu'; menu: MenuSpec };

export interface MenuSpec {
  /** null for the add-on menu (Sheets shows it under Extensions with the add-on's name). */
  caption: string | null;
  addon: boolean;
  items: MenuEntry[];
}

export interface AlertRecord {
  title: string | null;
  prompt: string;
  buttons: string;
  response: string;
}

export interface DialogRecord {
  modal: boolean;
  title: string;
  html: HtmlSpec;
}

/** Everything the add-on showed, and the answers the next dialogs will get. */
export class UiRecorder {
  menus: MenuSpec[] = [];
  sidebars: HtmlSpec[] = [];
  dialogs: DialogRecord[] = [];
  alerts: AlertRecord[] = [];
  prompts: (AlertRecord & { text: string })[] = [];
  toasts: { message: string; title: string; timeoutSeconds: number | null }[] = [];
  /** Buttons the next alerts answer ("OK", "YES", "NO", "CANCEL", "CLOSE"), first first. */
  alertResponses: string[] = [];
  /** Answers of the next prompts. */
  promptResponses: { button: string; text: string }[] = [];

  /** The add-on menu last added to the UI, if any. */
  get addonMenu(): MenuSpec | undefined {
    return [...this.menus].reverse().find((m) => m.addon);
  }
  /** The latest sidebar shown. */
  get sidebar(): HtmlSpec | undefined {
    return this.sidebars[this.sidebars.length - 1];
  }
  reset(): void {
    this.menus = [];
    this.sidebars = [];
    this.dialogs = [];
    this.alerts = [];
    this.prompts = [];
    this.toasts = [];
  }
}

export class EmulatedMenu implements Pick<
  Menu,
  'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'
> {
  readonly spec: MenuSpec;
  constructor(
    private readonly recorder: UiRecorder,
    caption: string | null,
  ) {
    this.spec = { caption, addon: caption === null, items: [] };
    tag(this, 'Menu');
  }
  addItem(caption: string, functionName: string): Menu {
    if (typeof functionName !== 'string' || functionName === '') {
      throw new Error('Invalid argument: functionName');
    }
    this.spec.items.push({ type: 'item', caption: String(caption), functionName });
    return as(this);
  }
  addSeparator(): Menu {
    this.spec.items.push({ type: 'separator' });
    return as(this);
  }
  addSubMenu(menu: Menu): Menu {
    const raw = unwrap(menu) as unknown as EmulatedMenu;
    if (!(raw instanceof EmulatedMenu) || raw.spec.addon) {
      throw new Error('Invalid argument: menu');
    }
    this.spec.items.push({ type: 'submenu', menu: raw.spec });
    return as(this);
  }
  addToUi(): void {
    const same = this.recorder.menus.findIndex(
      (m) => m.addon === this.spec.addon && m.caption === this.spec.caption,
    );
    if (same >= 0) this.recorder.menus.splice(same, 1);
    this.recorder.menus.push(this.spec);
  }
}

export class EmulatedPromptResponse implements Pick<
  GoogleAppsScript.Base.PromptResponse,
  'getResponseText' | 'getSelectedButton'
> {
  constructor(
    private readonly text: string,
    private readonly button: GoogleAppsScript.Base.Button,
  ) {
    tag(this, 'PromptResponse');
  }
  getResponseText(): string {
    return this.text;
  }
  getSelectedButton(): GoogleAppsScript.Base.Button {
    return this.button;
  }
}

function buttonNamed(name: string): GoogleAppsScript.Base.Button {
  const button = (Button as unknown as Record<string, GoogleAppsScript.Base.Button>)[name];
  if (!button) throw new Error(`No button ${name}`);
  return button;
}

export class EmulatedUi implements Pick<
  GoogleAppsScript.Base.Ui,
  | 'Button'
  | 'ButtonSet'
  | 'alert'
  | 'createAddonMenu'
  | 'createMenu'
  | 'prompt'
  | 'showModalDialog'
  | 'showModelessDialog'
  | 'showSidebar'
> {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  constructor(private readonly recorder: UiRecorder) {
    tag(this, 'Ui');
  }
  createAddonMenu(): Menu {
    return as(new EmulatedMenu(this.recorder, null));
  }
  createMenu(caption: string): Menu {
    return as(new EmulatedMenu(this.recorder, String(caption)));
  }
  private dialogArgs(a: unknown, b: unknown, c: unknown) {
    if (typeof b === 'string') return { title: String(a), prompt: b, buttons: enumName(c ?? 'OK') };
    return { title: null, prompt: String(a), buttons: enumName(b ?? 'OK') };
  }
  alert(a: string, b?: unknown, c?: unknown): GoogleAppsScript.Base.Button {
    const args = this.dialogArgs(a, b, c);
    const fallback = args.buttons.startsWith('YES') ? 'YES' : 'OK';
    const response = this.recorder.alertResponses.shift() ?? fallback;
    this.recorder.alerts.push({ ...args, response });
    return buttonNamed(response);
  }
  prompt(a: string, b?: unknown, c?: unknown): GoogleAppsScript.Base.PromptResponse {
    const args = this.dialogArgs(a, b, c);
    const fallback = args.buttons.startsWith('YES') ? 'YES' : 'OK';
    const answer = this.recorder.promptResponses.shift() ?? { button: fallback, text: '' };
    this.recorder.prompts.push({ ...args, response: answer.button, text: answer.text });
    return as(new EmulatedPromptResponse(answer.text, buttonNamed(answer.button)));
  }
  showSidebar(userInterface: HtmlOutput): void {
    this.recorder.sidebars.push(htmlSpec(userInterface));
  }
  showModalDialog(userInterface: HtmlOutput, title: string): void {
    this.recorder.dialogs.push({ modal: true, title, html: htmlSpec(userInterface) });
  }
  showModelessDialog(userInterface: HtmlOutput, title: string): void {
    this.recorder.dialogs.push({ modal: false, title, html: htmlSpec(userInterface) });
  }
}

function htmlSpec(output: HtmlOutput): HtmlSpec {
  const raw = unwrap(output) as unknown as EmulatedHtmlOutput;
  if (!(raw instanceof EmulatedHtmlOutput)) throw new Error('Invalid argument: userInterface');
  return raw.spec();
}

// ---------------------------------------------------------------------------------
// Document-scoped services

/**
 * Whether the document-scoped services exist in this execution. Each may be switched
 * off to behave as Apps Script does outside a containing document (a script run from
 * a standalone project's editor, a web app):
 * - LockService.getDocumentLock: "If this method is called outside of the context of a
 *   containing document (such as from a standalone script or webapp), null is returned."
 *   https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()
 * - PropertiesService.getDocumentProperties: "When document properties are not available
 *   this method returns null."
 *   https://developers.google.com/apps-script/reference/properties/properties-service#getDocumentProperties()
 * - CacheService.getDocumentCache: "If this method is called outside of the context of a
 *   containing document (such as from a standalone script or web app), this method
 *   returns null."
 *   https://developers.google.com/apps-script/reference/cache/cache-service#getDocumentCache()
 */
export interface DocumentServices {
  lock: boolean;
  properties: boolean;
  cache: boolean;
}

// ---------------------------------------------------------------------------------
// PropertiesService

export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** One property store (document, script or user), shared by every Properties view of it. */
export class PropertyStore {
  readonly map = new Map<string, string>();
  size(map: Map<string, string> = this.map): number {
    let total = 0;
    for (const [k, v] of map) total += bytes(k) + bytes(v);
    return total;
  }
  /** Applies changes all-or-nothing, enforcing Apps Script's size limits. */
  apply(changes: Record<string, string>, deleteAllOthers = false): void {
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.map);
    for (const [k, v] of Object.entries(changes)) {
      const value = String(v);
      if (bytes(value) > PROPERTY_VALUE_LIMIT) throw new Error('Argument too large: value');
      if (k === '') throw new Error('Invalid argument: key');
      next.set(k, value);
    }
    if (this.size(next) > PROPERTY_STORE_LIMIT) {
      throw new Error(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
    this.map.clear();
    for (const [k, v] of next) this.map.set(k, v);
  }
}

export class EmulatedProperties implements Pick<
  Properties,
  | 'deleteAllProperties'
  | 'deleteProperty'
  | 'getKeys'
  | 'getProperties'
  | 'getProperty'
  | 'setProperties'
  | 'setProperty'
> {
  constructor(private readonly store: PropertyStore) {
    tag(this, 'Properties');
  }
  getProperty(key: string): string | null {
    return this.store.map.get(key) ?? null;
  }
  setProperty(key: string, value: string): Properties {
    this.store.apply({ [key]: value });
    return as(this);
  }
  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): Properties {
    this.store.apply(properties, deleteAllOthers === true);
    return as(this);
  }
  getProperties(): { [key: string]: string } {
    return Object.fromEntries(this.store.map);
  }
  getKeys(): string[] {
    return [...this.store.map.keys()];
  }
  deleteProperty(key: string): Properties {
    this.store.map.delete(key);
    return as(this);
  }
  deleteAllProperties(): Properties {
    this.store.map.clear();
    return as(this);
  }
}

export class EmulatedPropertiesService implements Pick<
  GoogleAppsScript.Properties.PropertiesService,
  'getDocumentProperties' | 'getScriptProperties' | 'getUserProperties'
> {
  constructor(
    readonly stores: { document: PropertyStore; script: PropertyStore; user: PropertyStore },
    private readonly available: DocumentServices = { lock: true, properties: true, cache: true },
  ) {
    tag(this, 'PropertiesService');
  }
  getDocumentProperties(): Properties {
    if (!this.available.properties) return null as unknown as Properties;
    return as(new EmulatedProperties(this.stores.document));
  }
  getScriptProperties(): Properties {
    return as(new EmulatedProperties(this.stores.script));
  }
  getUserProperties(): Properties {
    return as(new EmulatedProperties(this.stores.user));
  }
}

// ---------------------------------------------------------------------------------
// LockService

export type LockScope = 'document' | 'script' | 'user';

interface LockSlot {
  holder: 'self' | 'other' | null;
  /** Virtual time at which another execution's lock is released (undefined: never). */
  releaseAt?: number;
}

/** The locks of the emulated world, and the helpers tests use to contend for them. */
export class LockControl {
  private slots = new Map<LockScope, LockSlot>();
  /** The spreadsheet was changed since the last SpreadsheetApp.flush(). */
  pendingWrites = false;
  /**
   * Locks released while changes were still pending, one entry per release. The Lock
   * reference: "Note that if you are working with a spreadsheet, you should call
   * SpreadsheetApp.flush() prior to releasing the lock, to commit all pending changes to
   * the spreadsheet while you still have exclusive access to it."
   * https://developers.google.com/apps-script/reference/lock/lock#releaseLock()
   */
  unflushedReleases: LockScope[] = [];
  constructor(private readonly clock: Clock) {}
  slot(scope: LockScope): LockSlot {
    let slot = this.slots.get(scope);
    if (!slot) this.slots.set(scope, (slot = { holder: null }));
    return slot;
  }
  /**
   * Another execution holds the lock, forever or until `releaseAfterMs` of virtual time
   * (a tryLock/waitLock whose timeout reaches that moment then succeeds).
   */
  holdByOther(scope: LockScope = 'document', options: { releaseAfterMs?: number } = {}): void {
    const slot = this.slot(scope);
    slot.holder = 'other';
    slot.releaseAt =
      options.releaseAfterMs === undefined ? undefined : this.clock.now() + options.releaseAfterMs;
  }
  releaseOther(scope: LockScope = 'document'): void {
    const slot = this.slot(scope);
    if (slot.holder === 'other') slot.holder = null;
  }
  /** Who holds the lock now: this execution ("self"), another one, or nobody. */
  holder(scope: LockScope = 'document'): 'self' | 'other' | null {
    this.expire(scope);
    return this.slot(scope).holder;
  }
  /** The end of an execution releases the locks it still holds. */
  endExecution(): void {
    for (const slot of this.slots.values()) if (slot.holder === 'self') slot.holder = null;
  }
  private expire(scope: LockScope): void {
    const slot = this.slot(scope);
    if (
      slot.holder === 'other' &&
      slot.releaseAt !== undefined &&
      slot.releaseAt <= this.clock.now()
    ) {
      slot.holder = null;
    }
  }
  acquire(scope: LockScope, timeout: number): boolean {
    this.expire(scope);
    const slot = this.slot(scope);
    if (slot.holder === 'other') {
      const waitUntil = this.clock.now() + Math.max(0, timeout);
      if (slot.releaseAt !== undefined && slot.releaseAt <= waitUntil) {
        this.clock.advance(slot.releaseAt - this.clock.now());
        slot.holder = 'self';
        return true;
      }
      this.clock.advance(Math.max(0, timeout));
      return false;
    }
    slot.holder = 'self';
    return true;
  }
  release(scope: LockScope): void {
    const slot = this.slot(scope);
    if (slot.holder === 'self') slot.holder = null;
  }
}

export class EmulatedLock implements Pick<
  Lock,
  'hasLock' | 'releaseLock' | 'tryLock' | 'waitLock'
> {
  private held = false;
  constructor(
    private readonly control: LockControl,
    private readonly scope: LockScope,
  ) {
    tag(this, 'Lock');
  }
  tryLock(timeoutInMillis: Integer): boolean {
    if (typeof timeoutInMillis !== 'number' || timeoutInMillis < 0) {
      throw new Error('Invalid argument: timeoutInMillis');
    }
    this.held = this.control.acquire(this.scope, timeoutInMillis);
    return this.held;
  }
  waitLock(timeoutInMillis: Integer): void {
    if (!this.tryLock(timeoutInMillis)) {
      throw new Error('Lock timeout: another process was holding the lock for too long.');
    }
  }
  releaseLock(): void {
    if (this.held && this.control.pendingWrites) this.control.unflushedReleases.push(this.scope);
    if (this.held) this.control.release(this.scope);
    this.held = false;
  }
  hasLock(): boolean {
    return this.held && this.control.holder(this.scope) === 'self';
  }
}

export class EmulatedLockService implements Pick<
  GoogleAppsScript.Lock.LockService,
  'getDocumentLock' | 'getScriptLock' | 'getUserLock'
> {
  constructor(
    private readonly control: LockControl,
    private readonly available: DocumentServices = { lock: true, properties: true, cache: true },
  ) {
    tag(this, 'LockService');
  }
  getDocumentLock(): Lock {
    if (!this.available.lock) return null as unknown as Lock;
    return as(new EmulatedLock(this.control, 'document'));
  }
  getScriptLock(): Lock {
    return as(new EmulatedLock(this.control, 'script'));
  }
  getUserLock(): Lock {
    return as(new EmulatedLock(this.control, 'user'));
  }
}

// ---------------------------------------------------------------------------------
// CacheService

const CACHE_VALUE_LIMIT = 100 * 1024;
const CACHE_KEY_LIMIT = 250;
const CACHE_DEFAULT_SECONDS = 600;
const CACHE_MAX_SECONDS = 21600;

export class CacheStore {
  readonly entries = new Map<string, { value: string; expires: number }>();
  constructor(readonly clock: Clock) {}
}

export class EmulatedCache implements Pick<
  Cache,
  'get' | 'getAll' | 'put' | 'putAll' | 'remove' | 'removeAll'
> {
  constructor(private readonly store: CacheStore) {
    tag(this, 'Cache');
  }
  get(key: string): string | null {
    const entry = this.store.entries.get(key);
    if (!entry) return null;
    if (entry.expires <= this.store.clock.now()) {
      this.store.entries.delete(key);
      return null;
    }
    return entry.value;
  }
  getAll(keys: string[]): { [key: string]: string } {
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = this.get(k);
      if (v !== null) out[k] = v;
    }
    return out;
  }
  put(key: string, value: string, expirationInSeconds?: Integer): void {
    this.putAll({ [key]: value }, expirationInSeconds);
  }
  putAll(values: { [key: string]: unknown }, expirationInSeconds?: Integer): void {
    const seconds = Math.min(expirationInSeconds ?? CACHE_DEFAULT_SECONDS, CACHE_MAX_SECONDS);
    for (const [k, v] of Object.entries(values)) {
      if (k.length > CACHE_KEY_LIMIT) throw new Error('Argument too large: key');
      if (bytes(String(v)) > CACHE_VALUE_LIMIT) throw new Error('Argument too large: value');
    }
    for (const [k, v] of Object.entries(values)) {
      this.store.entries.set(k, {
        value: String(v),
        expires: this.store.clock.now() + seconds * 1000,
      });
    }
  }
  remove(key: string): void {
    this.store.entries.delete(key);
  }
  removeAll(keys: string[]): void {
    for (const k of keys) this.store.entries.delete(k);
  }
}

export class EmulatedCacheService implements Pick<
  GoogleAppsScript.Cache.CacheService,
  'getDocumentCache' | 'getScriptCache' | 'getUserCache'
> {
  constructor(
    readonly stores: { document: CacheStore; script: CacheStore; user: CacheStore },
    private readonly available: DocumentServices = { lock: true, properties: true, cache: true },
  ) {
    tag(this, 'CacheService');
  }
  getDocumentCache(): Cache | null {
    if (!this.available.cache) return null;
    return as(new EmulatedCache(this.stores.document));
  }
  getScriptCache(): Cache {
    return as(new EmulatedCache(this.stores.script));
  }
  getUserCache(): Cache {
    return as(new EmulatedCache(this.stores.user));
  }
}

// ---------------------------------------------------------------------------------
// Utilities, Session, ScriptApp, Logger, console

export const DigestAlgorithm = makeEnum<typeof GoogleAppsScript.Utilities.DigestAlgorithm>(
  'DigestAlgorithm',
  ['MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512'],
);
export const Charset = makeEnum<typeof GoogleAppsScript.Utilities.Charset>('Charset', [
  'US_ASCII',
  'UTF_8',
]);

export class EmulatedBlob implements Pick<
  Blob,
  | 'getBytes'
  | 'getContentType'
  | 'getDataAsString'
  | 'getName'
  | 'setContentType'
  | 'setName'
  | 'copyBlob'
> {
  constructor(
    private data: Buffer,
    private contentType: string | null,
    private name: string | null,
  ) {
    tag(this, 'Blob');
  }
  getBytes(): number[] {
    return [...this.data].map((b) => (b > 127 ? b - 256 : b));
  }
  getDataAsString(_charset?: string): string {
    return this.data.toString('utf8');
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(contentType: string | null): Blob {
    this.contentType = contentType;
    return as(this);
  }
  getName(): string | null {
    return this.name;
  }
  setName(name: string): Blob {
    this.name = name;
    return as(this);
  }
  copyBlob(): Blob {
    return as(new EmulatedBlob(Buffer.from(this.data), this.contentType, this.name));
  }
}

function toBuffer(data: unknown): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (Array.isArray(data)) return Buffer.from(data.map((b: number) => b & 0xff));
  throw new Error('Invalid argument: data');
}

/** sprintf-like formatting of Utilities.formatString and Logger.log. */
export function formatString(template: string, ...args: unknown[]): string {
  let i = 0;
  return String(template).replace(
    /%(-?\d+)?(?:\.(\d+))?([sdif%])/g,
    (whole, _w, precision, type) => {
      if (type === '%') return '%';
      if (i >= args.length) return whole;
      const arg = args[i++];
      if (type === 's')
        return typeof arg === 'object' && arg !== null ? JSON.stringify(arg) : String(arg);
      if (type === 'd' || type === 'i') return String(Math.trunc(Number(arg)));
      return precision === undefined ? String(Number(arg)) : Number(arg).toFixed(Number(precision));
    },
  );
}

export class EmulatedUtilities implements Pick<
  GoogleAppsScript.Utilities.Utilities,
  | 'Charset'
  | 'DigestAlgorithm'
  | 'base64Decode'
  | 'base64Encode'
  | 'computeDigest'
  | 'formatDate'
  | 'formatString'
  | 'getUuid'
  | 'newBlob'
  | 'parseCsv'
  | 'sleep'
> {
  readonly Charset = Charset;
  readonly DigestAlgorithm = DigestAlgorithm;
  constructor(private readonly clock: Clock) {
    tag(this, 'Utilities');
  }
  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    const d = date as unknown as Date;
    if (Object.prototype.toString.call(d) !== '[object Date]') {
      throw new Error(
        'The parameters (' +
          typeof date +
          ",String,String) don't match the method signature for Utilities.formatDate.",
      );
    }
    return formatJavaDate(d, timeZone, format);
  }
  formatString(template: string, ...args: unknown[]): string {
    return formatString(template, ...args);
  }
  getUuid(): string {
    return randomUUID();
  }
  sleep(milliseconds: Integer): void {
    this.clock.advance(milliseconds);
  }
  newBlob(data: unknown, contentType?: string, name?: string): Blob {
    return as(new EmulatedBlob(toBuffer(data), contentType ?? null, name ?? null));
  }
  base64Encode(data: unknown, _charset?: GoogleAppsScript.Utilities.Charset): string {
    return toBuffer(data).toString('base64');
  }
  base64Decode(encoded: string, _charset?: GoogleAppsScript.Utilities.Charset): number[] {
    return [...Buffer.from(encoded, 'base64')].map((b) => (b > 127 ? b - 256 : b));
  }
  computeDigest(
    algorithm: GoogleAppsScript.Utilities.DigestAlgorithm,
    value: unknown,
    _charset?: GoogleAppsScript.Utilities.Charset,
  ): number[] {
    const name = {
      MD5: 'md5',
      SHA_1: 'sha1',
      SHA_256: 'sha256',
      SHA_384: 'sha384',
      SHA_512: 'sha512',
    }[enumName(algorithm)];
    if (!name) throw new Error(`Unsupported digest ${enumName(algorithm)}`);
    return [...createHash(name).update(toBuffer(value)).digest()].map((b) =>
      b > 127 ? b - 256 : b,
    );
  }
  parseCsv(csv: string, delimiter?: string): string[][] {
    return parseCsv(csv, delimiter ?? ',');
  }
}

export class EmulatedUser implements Pick<GoogleAppsScript.Base.User, 'getEmail'> {
  constructor(private readonly email: string) {
    tag(this, 'User');
  }
  getEmail(): string {
    return this.email;
  }
}

export class EmulatedSession implements Pick<
  GoogleAppsScript.Base.Session,
  | 'getActiveUser'
  | 'getActiveUserLocale'
  | 'getEffectiveUser'
  | 'getScriptTimeZone'
  | 'getTemporaryActiveUserKey'
> {
  constructor(
    private readonly settings: { userLocale: string; scriptTimeZone: string; userEmail: string },
  ) {
    tag(this, 'Session');
  }
  getActiveUserLocale(): string {
    return this.settings.userLocale;
  }
  getScriptTimeZone(): string {
    return this.settings.scriptTimeZone;
  }
  getActiveUser(): GoogleAppsScript.Base.User {
    return as(new EmulatedUser(this.settings.userEmail));
  }
  getEffectiveUser(): GoogleAppsScript.Base.User {
    return as(new EmulatedUser(this.settings.userEmail));
  }
  getTemporaryActiveUserKey(): string {
    return 'emulated-user-key';
  }
}

export class EmulatedAuthorizationInfo implements Pick<
  GoogleAppsScript.Script.AuthorizationInfo,
  'getAuthorizationStatus' | 'getAuthorizationUrl'
> {
  constructor(private readonly required: boolean) {
    tag(this, 'AuthorizationInfo');
  }
  getAuthorizationStatus(): GoogleAppsScript.Script.AuthorizationStatus {
    return this.required ? AuthorizationStatus.REQUIRED : AuthorizationStatus.NOT_REQUIRED;
  }
  getAuthorizationUrl(): string {
    return this.required
      ? 'https://script.google.com/emulated/authorize'
      : (null as unknown as string);
  }
}

export class EmulatedScriptApp implements Pick<
  GoogleAppsScript.Script.ScriptApp,
  'AuthMode' | 'AuthorizationStatus' | 'getAuthorizationInfo' | 'getProjectTriggers' | 'getScriptId'
> {
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;
  constructor(private readonly state: { authMode: () => string; scriptId: string }) {
    tag(this, 'ScriptApp');
  }
  getScriptId(): string {
    return this.state.scriptId;
  }
  getAuthorizationInfo(
    _authMode: GoogleAppsScript.Script.AuthMode,
  ): GoogleAppsScript.Script.AuthorizationInfo {
    return as(new EmulatedAuthorizationInfo(this.state.authMode() === 'NONE'));
  }
  getProjectTriggers(): GoogleAppsScript.Script.Trigger[] {
    return [];
  }
}

export interface LogEntry {
  source: 'Logger' | 'console';
  level: 'log' | 'info' | 'warn' | 'error';
  message: string;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return value.stack ?? value.message;
  try {
    return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
  } catch {
    return String(value);
  }
}

export class LogSink {
  entries: LogEntry[] = [];
  constructor(private readonly echo: boolean) {}
  add(entry: LogEntry): void {
    this.entries.push(entry);
    if (this.echo) console[entry.level](`[${entry.source}] ${entry.message}`);
  }
}

export class EmulatedLogger implements Pick<
  GoogleAppsScript.Base.Logger,
  'clear' | 'getLog' | 'log'
> {
  constructor(private readonly sink: LogSink) {
    tag(this, 'Logger');
  }
  log(data: unknown, ...values: unknown[]): GoogleAppsScript.Base.Logger {
    const message =
      typeof data === 'string' && values.length > 0
        ? formatString(data, ...values)
        : describe(data);
    this.sink.add({ source: 'Logger', level: 'log', message });
    return as(this);
  }
  getLog(): string {
    return this.sink.entries
      .filter((e) => e.source === 'Logger')
      .map((e) => e.message)
      .join('\n');
  }
  clear(): void {
    this.sink.entries = this.sink.entries.filter((e) => e.source !== 'Logger');
  }
}

export class EmulatedConsole implements Pick<
  Console,
  'log' | 'info' | 'warn' | 'error' | 'time' | 'timeEnd'
> {
  private timers = new Map<string, number>();
  constructor(
    private readonly sink: LogSink,
    private readonly clock: Clock,
  ) {
    tag(this, 'console');
  }
  private write(level: LogEntry['level'], args: unknown[]): void {
    const [first, ...rest] = args;
    const message =
      typeof first === 'string' && /%[sdifoO]/.test(first)
        ? formatString(first.replace(/%[oO]/g, '%s'), ...rest)
        : args.map(describe).join(' ');
    this.sink.add({ source: 'console', level, message });
  }
  log(...args: unknown[]): void {
    this.write('log', args);
  }
  info(...args: unknown[]): void {
    this.write('info', args);
  }
  warn(...args: unknown[]): void {
    this.write('warn', args);
  }
  error(...args: unknown[]): void {
    this.write('error', args);
  }
  debug(...args: unknown[]): void {
    this.write('log', args);
  }
  time(label: string): void {
    this.timers.set(label, this.clock.now());
  }
  timeEnd(label: string): void {
    const start = this.timers.get(label);
    if (start === undefined) return;
    this.timers.delete(label);
    this.write('info', [`${label}: ${this.clock.now() - start}ms`]);
  }
}
