/**
 * A typed promise over google.script.run. ServerApi is the type of the server module
 * the sidebar talks to, so calling a function that does not exist there, or with the
 * wrong arguments, fails the type check instead of failing in the user's sidebar.
 */
import type * as serverApi from '../server/sidebarApi';

export type ServerApi = typeof serverApi;
export type ServerFunction = keyof ServerApi;

type Handler = (value: unknown) => void;

/** The part of google.script.run the sidebar uses. */
export interface ScriptRun {
  withSuccessHandler(handler: Handler): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
  [name: string]: unknown;
}

declare global {
  interface Window {
    google?: { script?: { run?: ScriptRun } };
  }
}

/** The failure handler's argument as an Error (Apps Script passes an Error, tests maybe not). */
export function asError(value: unknown): Error {
  if (value instanceof Error) return value;
  if (value && typeof value === 'object' && 'message' in value) {
    return new Error(String((value as { message: unknown }).message));
  }
  return new Error(String(value));
}

/** Calls server function `name`; resolves with its result, rejects with its error. */
export function call<K extends ServerFunction>(
  name: K,
  ...args: Parameters<ServerApi[K]>
): Promise<Awaited<ReturnType<ServerApi[K]>>> {
  return new Promise((resolve, reject) => {
    const run = window.google?.script?.run;
    if (!run) {
      reject(new Error('google.script.run is not available (open this page from the add-on)'));
      return;
    }
    const runner = run
      .withSuccessHandler((value) => resolve(value as Awaited<ReturnType<ServerApi[K]>>))
      .withFailureHandler((error) => reject(asError(error)));
    const fn = runner[name];
    if (typeof fn !== 'function') {
      reject(new Error(`The server has no function ${String(name)}`));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(runner, args);
  });
}
