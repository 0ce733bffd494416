/**
 * The playground server's answers to requests it cannot take: a body over the limit gets
 * 413 (never a connection reset), and an imported file that is not UTF-8 or whose
 * quotes do not close gets 422 with a message naming the file and the line.
 */
import path from 'node:path';
import { startPlayground, type Playground } from '../../playground/server';

const ROOT = path.resolve(__dirname, '..', '..');

let playground: Playground;
beforeAll(async () => {
  playground = await startPlayground({
    port: 0,
    folder: path.join(ROOT, 'samples', 'en'),
    today: '2026-11-02',
  });
}, 60000);
afterAll(async () => {
  await playground?.close();
});

async function post(route: string, body: string) {
  const response = await fetch(`${playground.url}${route}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body,
  });
  return { status: response.status, body: (await response.json()) as { error?: string } };
}

const importFile = (fileName: string, text: string) =>
  post('api/import', JSON.stringify({ fileName, text }));

test('a body over 30 MB is answered with 413, and the server goes on', async () => {
  const text = 'x'.repeat(31 * 1024 * 1024);
  const answer = await importFile('big.csv', text);
  expect(answer).toEqual({
    status: 413,
    body: { error: "the request is larger than 30 MB, the playground's limit" },
  });
  expect((await fetch(`${playground.url}api/state`)).status).toBe(200);
});

test('a limit of its own, for any route', async () => {
  const small = await startPlayground({
    port: 0,
    folder: path.join(ROOT, 'samples', 'en'),
    maxBodyBytes: 1024,
  });
  try {
    const response = await fetch(`${small.url}api/run`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'onOpen', args: ['y'.repeat(2000)] }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: "the request is larger than 1 KB, the playground's limit",
    });
  } finally {
    await small.close();
  }
}, 60000);

const sheetNames = async () =>
  (
    (await (await fetch(`${playground.url}api/state`)).json()) as {
      sheets: { name: string }[];
    }
  ).sheets.map((s) => s.name);

test('an imported file whose quote never closes: 422 naming the file and the line', async () => {
  const before = await sheetNames();
  const answer = await importFile('deals.csv', 'Deal,Company\nD1,Acme\nD2,"Beta\nD3,Gamma\n');
  expect(answer).toEqual({
    status: 422,
    body: {
      error:
        'deals.csv, line 3: a quoted field opens on this line and is never closed (a " is missing)',
    },
  });
  expect(await sheetNames()).toEqual(before);
});

test('an imported cell over 50,000 characters: 422 naming its row and column', async () => {
  const before = await sheetNames();
  const answer = await importFile('notes.csv', `Rep,Comment\nAnn,${'x'.repeat(50_001)}\n`);
  expect(answer).toEqual({
    status: 422,
    body: {
      error:
        'notes.csv, row 2, column 2: a cell of 50,001 characters; a Sheets cell holds at most 50,000',
    },
  });
  expect(await sheetNames()).toEqual(before);
});

test('an imported file with NUL characters (UTF-16 read as UTF-8): 422, not UTF-8', async () => {
  const answer = await importFile('deals.csv', 'D\0e\0a\0l\0\n\0');
  expect(answer.status).toBe(422);
  expect(answer.body.error).toMatch(/^deals\.csv: this file is not UTF-8 \(line 1 holds NUL/);
});

test('a UTF-8 file with a byte order mark is imported without it', async () => {
  const answer = await importFile('leads.csv', '\ufeffLead,Score\nAnn,3\n');
  expect(answer.status).toBe(200);
  const sheet = (await (
    await fetch(`${playground.url}api/sheet?name=${encodeURIComponent('leads')}`)
  ).json()) as { values: unknown[][] };
  expect(sheet.values[0]).toEqual(['Lead', 'Score']);
});
