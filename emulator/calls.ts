/**
 * Call counting. Emulated objects are handed to the add-on behind a Proxy that counts
 * every method call as "Kind.method" (e.g. "Range.getValues"), checks the simulated
 * authorization mode, and unwraps/wraps emulated objects crossing the boundary. The
 * emulator's own code works on the raw objects, so its internal calls are not counted.
 */

/** Which Apps Script service each kind of object belongs to. */
const SERVICE_OF: Record<string, string> = {
  SpreadsheetApp: 'SpreadsheetApp',
  Spreadsheet: 'SpreadsheetApp',
  Sheet: 'SpreadsheetApp',
  Range: 'SpreadsheetApp',
  EmbeddedChart: 'SpreadsheetApp',
  EmbeddedChartBuilder: 'SpreadsheetApp',
  ChartOptions: 'SpreadsheetApp',
  DeveloperMetadata: 'SpreadsheetApp',
  DeveloperMetadataFinder: 'SpreadsheetApp',
  DeveloperMetadataLocation: 'SpreadsheetApp',
  TextFinder: 'SpreadsheetApp',
  Ui: 'Ui',
  Menu: 'Ui',
  PromptResponse: 'Ui',
  HtmlService: 'HtmlService',
  HtmlOutput: 'HtmlService',
  HtmlTemplate: 'HtmlService',
  PropertiesService: 'PropertiesService',
  Properties: 'PropertiesService',
  LockService: 'LockService',
  Lock: 'LockService',
  CacheService: 'CacheService',
  Cache: 'CacheService',
  Utilities: 'Utilities',
  Blob: 'Utilities',
  Session: 'Session',
  ScriptApp: 'ScriptApp',
  Logger: 'Logger',
  console: 'console',
};

export function serviceOf(method: string): string {
  const kind = method.split('.')[0];
  return SERVICE_OF[kind] ?? kind;
}

export class CallCounter {
  private counts = new Map<string, number>();
  private recent: string[] = [];
  total = 0;
  /** How many of the latest calls `log` keeps, in order. */
  logLimit = 10000;

  record(method: string): void {
    this.total++;
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
    this.recent.push(method);
    if (this.recent.length > this.logLimit)
      this.recent.splice(0, this.recent.length - this.logLimit);
  }

  /** Calls of one method ("Range.getValues"), 0 if never called. */
  get(method: string): number {
    return this.counts.get(method) ?? 0;
  }

  /** Counts per method, sorted by name. */
  get byMethod(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const key of [...this.counts.keys()].sort()) out[key] = this.counts.get(key)!;
    return out;
  }

  /** Counts per service: SpreadsheetApp (spreadsheet, sheets, ranges, charts...), Ui, ... */
  get byService(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [method, n] of this.counts) {
      const service = serviceOf(method);
      out[service] = (out[service] ?? 0) + n;
    }
    return out;
  }

  /** Sum over methods that start with one of the prefixes ("Range.", "Sheet.set"). */
  sum(...prefixes: string[]): number {
    let n = 0;
    for (const [method, count] of this.counts) {
      if (prefixes.some((p) => method.startsWith(p))) n += count;
    }
    return n;
  }

  /** Calls to the Spreadsheet service (SpreadsheetApp, Spreadsheet, Sheet, Range, charts...). */
  get spreadsheetTotal(): number {
    let n = 0;
    for (const [method, count] of this.counts) {
      if (serviceOf(method) === 'SpreadsheetApp') n += count;
    }
    return n;
  }

  /** The latest calls, oldest first. */
  get log(): readonly string[] {
    return this.recent;
  }

  reset(): void {
    this.counts.clear();
    this.recent = [];
    this.total = 0;
  }
}

const kinds = new WeakMap<object, string>();
const proxies = new WeakMap<object, object>();
const targets = new WeakMap<object, object>();

/** Marks an emulated object as being of `kind` (the Apps Script class name). */
export function tag<T extends object>(object: T, kind: string): T {
  kinds.set(object, kind);
  return object;
}

export function kindOf(object: unknown): string | undefined {
  if (typeof object !== 'object' || object === null) return undefined;
  return kinds.get(targets.get(object) ?? object);
}

/** The raw emulated object behind a proxy (or the value itself). */
export function unwrap<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    const target = targets.get(value);
    if (target) return target as T;
  }
  return value;
}

export interface Boundary {
  counter: CallCounter;
  /** Throws when the method may not run (simulated authorization mode). */
  check(method: string): void;
  /** What the caller catches when a method throws (an Error of the script's realm). */
  fail?(error: unknown): unknown;
  /** Called after the method returned (to keep a journal of what happened in order). */
  after?(method: string): void;
}

// Properties tools probe on any object (jest, util.inspect, promises): never "missing".
const PROBED = new Set([
  'then',
  'toJSON',
  'toString',
  'valueOf',
  'constructor',
  'asymmetricMatch',
  'nodeType',
  'tagName',
  'inspect',
  'hasOwnProperty',
  'length',
  'prototype',
  'apply',
  'call',
]);

/** The counted face of an emulated object (arrays of them are wrapped item by item). */
export function wrap<T>(value: T, boundary: Boundary): T {
  if (Array.isArray(value)) {
    // Arrays the API returns are homogeneous: the first item tells (rows of values do not).
    const first: unknown = value[0];
    if (typeof first === 'object' && first !== null && kinds.has(first)) {
      return value.map((v) => wrap(v, boundary)) as T;
    }
    return value;
  }
  if (typeof value !== 'object' || value === null) return value;
  const kind = kinds.get(value);
  if (!kind) return value;
  let proxy = proxies.get(value);
  if (proxy) return proxy as T;
  proxy = new Proxy(value, {
    get(target, property) {
      const member = Reflect.get(target, property, target) as unknown;
      if (typeof property === 'symbol') return member;
      if (typeof member !== 'function') {
        if (member === undefined && /^[A-Za-z]\w*$/.test(property) && !PROBED.has(property)) {
          throw new TypeError(
            `${kind}.${property} is not implemented by the emulator (or is not Apps Script API)`,
          );
        }
        return member;
      }
      if (property === 'constructor') return member;
      // Not Apps Script API: JSON.stringify and emulator internals, never counted.
      if (property === 'toJSON' || property.startsWith('_')) {
        return (member as (...a: unknown[]) => unknown).bind(target);
      }
      const method = `${kind}.${property}`;
      return function (...args: unknown[]) {
        try {
          boundary.check(method);
          boundary.counter.record(method);
          const result = (member as (...a: unknown[]) => unknown).apply(
            target,
            args.map((a) => (Array.isArray(a) ? a.map(unwrap) : unwrap(a))),
          );
          boundary.after?.(method);
          return wrap(result, boundary);
        } catch (error) {
          throw boundary.fail ? boundary.fail(error) : error;
        }
      };
    },
  });
  proxies.set(value, proxy);
  targets.set(proxy, value);
  return proxy as T;
}
