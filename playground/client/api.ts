/** The page's calls to the playground server. */
import type { RunResult, SheetView, StateView, UiEvent } from '../protocol';

async function request<T>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const result = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(result.error ?? `HTTP ${response.status}`);
  return result;
}

export const api = {
  state: () => request<StateView>('GET', '/api/state'),
  sheet: (name: string) => request<SheetView>('GET', `/api/sheet?name=${encodeURIComponent(name)}`),
  run: (name: string, args: unknown[] = []) =>
    request<RunResult>('POST', '/api/run', { name, args }),
  edit: (sheet: string, cell: string, text: string) =>
    request<{ events: UiEvent[]; version: number }>('POST', '/api/edit', { sheet, cell, text }),
  undo: () =>
    request<{ undone: { sheet: string; cell: string } | null; version: number }>(
      'POST',
      '/api/undo',
      {},
    ),
  importFile: (fileName: string, text: string) =>
    request<{ sheet: string; version: number }>('POST', '/api/import', { fileName, text }),
  activate: (sheet: string) => request<{ ok: boolean }>('POST', '/api/activate', { sheet }),
};
