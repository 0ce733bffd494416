/**
 * google.script inside the add-on's sidebar and dialogs, as Apps Script provides it,
 * served by the playground: each google.script.run call is POSTed to the local server,
 * which calls the bundle's top-level function in its vm and answers with JSON.
 *
 * Like the real one, a runner is immutable: withSuccessHandler, withFailureHandler and
 * withUserObject each return a new runner carrying the setting, so a handler set on one
 * chain never leaks into another. Handlers run asynchronously, with the user object as
 * their second argument. Arguments must be primitives, arrays, plain objects or a form.
 */
import type { RunResult } from '../protocol';

interface Settings {
  success?: (value: unknown, userObject?: unknown) => void;
  failure?: (error: Error, userObject?: unknown) => void;
  userObject?: unknown;
}

type Runner = Record<string, unknown>;

declare global {
  interface Window {
    __PLAYGROUND__: { functions: string[] };
  }
}

const functions = window.__PLAYGROUND__?.functions ?? [];

function toParent(message: Record<string, unknown>): void {
  if (window.parent !== window) window.parent.postMessage(message, location.origin);
}

/** A form's fields as Apps Script passes a form element: name → value. */
function formValues(form: HTMLFormElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const element of Array.from(form.elements) as HTMLInputElement[]) {
    if (!element.name || element.disabled) continue;
    if ((element.type === 'checkbox' || element.type === 'radio') && !element.checked) continue;
    if (element.type === 'file') continue;
    out[element.name] = element.value;
  }
  return out;
}

/** Throws the way google.script.run refuses a Date, a function or a DOM node. */
function checkArgument(value: unknown, where: string): unknown {
  if (value === null || value === undefined) return value ?? null;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return value;
  if (Array.isArray(value)) return value.map((item, i) => checkArgument(item, `${where}.${i}`));
  if (Object.prototype.toString.call(value) === '[object Object]') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as object)) {
      out[key] = checkArgument(item, `${where}.${key}`);
    }
    return out;
  }
  throw new TypeError(`Failed due to illegal value in property: ${where}`);
}

function call(name: string, args: unknown[], settings: Settings): void {
  const wire = args.map((arg, i) =>
    arg instanceof HTMLFormElement ? formValues(arg) : checkArgument(arg, String(i)),
  );
  fetch('/api/run', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, args: wire }),
  })
    .then(async (response) => {
      const result = (await response.json()) as RunResult & { error?: { message: string } };
      if (!response.ok && !result.error) throw new Error(`HTTP ${response.status}`);
      return result;
    })
    .catch((error: Error): RunResult => ({
      ok: false,
      error: {
        name: 'NetworkError',
        message: `The playground server did not answer: ${error.message}`,
      },
      events: [],
      version: -1,
    }))
    .then((result) => {
      toParent({ type: 'playground:ran', name, events: result.events, version: result.version });
      if (result.ok) {
        settings.success?.(result.value, settings.userObject);
        return;
      }
      const error = new Error(result.error?.message ?? 'Unknown error');
      error.name = result.error?.name ?? 'Error';
      if (settings.failure) settings.failure(error, settings.userObject);
      else console.error(`google.script.run.${name} failed (no failure handler):`, error);
    });
}

function runner(settings: Settings): Runner {
  const self: Runner = {
    withSuccessHandler: (handler: Settings['success']) => runner({ ...settings, success: handler }),
    withFailureHandler: (handler: Settings['failure']) => runner({ ...settings, failure: handler }),
    withUserObject: (userObject: unknown) => runner({ ...settings, userObject }),
  };
  for (const name of functions) {
    self[name] = (...args: unknown[]) => {
      call(name, args, settings);
    };
  }
  return self;
}

const host = {
  close: () => toParent({ type: 'playground:close' }),
  setHeight: (height: number) => toParent({ type: 'playground:size', height }),
  setWidth: (width: number) => toParent({ type: 'playground:size', width }),
  editor: { focus: () => toParent({ type: 'playground:focus' }) },
  origin: location.origin,
};

const scriptUrl = {
  getLocation: (callback: (location: unknown) => void) =>
    setTimeout(() => callback({ hash: '', parameter: {}, parameters: {} }), 0),
};

const google = ((window as unknown as { google?: Record<string, unknown> }).google ??= {});
Object.defineProperty(google, 'script', {
  configurable: true,
  enumerable: true,
  value: {
    host,
    url: scriptUrl,
    // A fresh default runner each time, so settings never stick to google.script.run.
    get run() {
      return runner({});
    },
  },
});

// Escape inside a dialog closes it, as Sheets' dialogs do (the page decides: a sidebar
// stays open).
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !event.defaultPrevented) toParent({ type: 'playground:escape' });
});
