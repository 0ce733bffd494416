/**
 * `npm run summary` as a user runs it, for the tests of the command: scripts/summary.ts
 * through tsx in a child process, and a temporary folder for what it reads and writes.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

/** Runs `tsx scripts/summary.ts ...args` in the folder `cwd`, for a minute at most. */
export function summaryIn(cwd: string, ...args: string[]): SpawnSyncReturns<string> {
  return spawnSync(TSX, [path.join(ROOT, 'scripts', 'summary.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60000,
  });
}

/** Runs `tsx scripts/summary.ts ...args` in the project's folder. */
export function summary(...args: string[]): SpawnSyncReturns<string> {
  return summaryIn(ROOT, ...args);
}

/**
 * A new empty folder in the system's temporary folder, named `prefix` and a random tail,
 * made before each test (`each`) or once before the file's tests (`all`), and removed
 * with everything in it after them. Returns a function that gives its path.
 */
export function temporaryFolder(prefix: string, scope: 'each' | 'all' = 'each'): () => string {
  let folder: string | undefined;
  const make = () => {
    folder = mkdtempSync(path.join(os.tmpdir(), prefix));
  };
  const remove = () => {
    if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
  };
  if (scope === 'each') {
    beforeEach(make);
    afterEach(remove);
  } else {
    beforeAll(make);
    afterAll(remove);
  }
  return () => {
    if (folder === undefined) throw new Error(`no ${prefix} folder outside a test or a hook`);
    return folder;
  };
}
