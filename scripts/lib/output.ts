/**
 * Where `npm run summary` (and emulator/cli.ts --out) writes, without ever deleting or overwriting a file it did not
 * write itself.
 *
 * - `--out` must be a new folder, an empty one, or a folder holding only an earlier
 *   summary's files: those listed in its marker file (`.sales-kpi-summary`), which the
 *   command writes beside them. Only the listed files are replaced or removed.
 * - `--out` is never the `--data` folder nor a folder containing it (compared by real
 *   path, so `.` and symbolic links are seen through).
 * - `--png` must be a new file, or a picture this command rendered (it carries a PNG text
 *   chunk saying so).
 * - Every check is made before anything is written; the files are then written into a
 *   hidden temporary folder beside `--out` and moved into place, and a failure removes
 *   whatever the run created (the temporary folder, the folders it made for `--out` or
 *   `--png`).
 */
import {
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';

/** The file that lists, one name a line, the files a summary wrote in its folder. */
export const MARKER = '.sales-kpi-summary';
const MARKER_HEADER =
  '# Written by sales-kpi-sheets (npm run summary). The next run into this folder replaces\n' +
  '# the files listed below, and only them. Any other file here makes it refuse the folder.\n';

/** The text chunk that marks a PNG as rendered by this command. */
const PNG_KEYWORD = 'Software';
const PNG_SOFTWARE = 'sales-kpi-sheets npm run summary';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A refused `--out` or `--png`: the message names the option and the path. */
export class OutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputError';
  }
}

function lstatOrNull(file: string) {
  try {
    return lstatSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw error;
  }
}

/** True when `inner` is `outer` or lies inside it (both real, absolute paths). */
function within(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** A name a marker may list: a plain file name, nothing that leads elsewhere. */
function isPlainName(name: string): boolean {
  return (
    name !== '' &&
    name !== '.' &&
    name !== '..' &&
    name !== MARKER &&
    !/[/\\]/.test(name) &&
    ![...name].some((c) => c.charCodeAt(0) < 0x20)
  );
}

/** The names a marker lists, or null when it is not one this command wrote. */
export function readMarker(text: string): string[] | null {
  const first = text.slice(0, text.indexOf('\n') + 1 || undefined);
  if (!/^# Written by (npm run summary|sales-kpi-sheets)/.test(first)) return null;
  const names = text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.replace(/\r$/, ''));
  return names.every(isPlainName) ? names : null;
}

function markerText(names: readonly string[]): string {
  return MARKER_HEADER + names.map((name) => `${name}\n`).join('');
}

/** A rendered PNG with the text chunk that marks it as this command's. */
export function markPng(png: Buffer): Buffer {
  if (png.length < 33 || !png.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new Error('the renderer did not return a PNG');
  }
  const data = Buffer.from(`${PNG_KEYWORD}\0${PNG_SOFTWARE}`, 'latin1');
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write('tEXt', 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  // After IHDR, the first chunk: 8 signature bytes, then 4 + 4 + 13 + 4.
  return Buffer.concat([png.subarray(0, 33), chunk, png.subarray(33)]);
}

/** True when the file at `file` is a PNG this command rendered. */
export function isOwnPng(file: string): boolean {
  const head = Buffer.alloc(4096);
  const fd = openSync(file, 'r');
  let length: number;
  try {
    length = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (length < 33 || !head.subarray(0, 8).equals(PNG_SIGNATURE)) return false;
  const wanted = Buffer.from(`${PNG_KEYWORD}\0${PNG_SOFTWARE}`, 'latin1');
  let at = 8;
  while (at + 8 <= length) {
    const size = head.readUInt32BE(at);
    const type = head.toString('latin1', at + 4, at + 8);
    if (type === 'tEXt' && head.subarray(at + 8, at + 8 + size).equals(wanted)) return true;
    if (type === 'IDAT' || type === 'IEND') return false;
    at += 12 + size;
  }
  return false;
}

export interface OutputRequest {
  /** `--out`: the folder that receives the files. */
  readonly out: string;
  /** `--data`: the folder read, which `--out` may neither be nor contain. */
  readonly data: string;
  /** `--png`: the overview as a picture, if asked for. */
  readonly png?: string;
}

/** What a checked `--out` holds now. */
interface OutPlan {
  readonly target: string;
  /** The folder exists (empty, or with an earlier summary's files). */
  readonly exists: boolean;
  /** The files an earlier summary wrote there, which this run may replace or remove. */
  readonly previous: readonly string[];
}

function checkOut(out: string, data: string): OutPlan {
  const target = path.resolve(out);
  const stat = lstatOrNull(target);
  if (!stat) {
    // A new folder cannot contain --data, but its parent must be a folder to create.
    const blocker = firstNonFolderAncestor(target);
    if (blocker) throw new OutputError(`--out ${out}: ${blocker} is a file, not a folder`);
    return { target, exists: false, previous: [] };
  }
  let isFolder = false;
  try {
    isFolder = statSync(target).isDirectory();
  } catch {
    // A symbolic link to nowhere.
  }
  if (!isFolder) {
    throw new OutputError(
      `--out ${out}: this is a file, not a folder; choose a new or empty folder`,
    );
  }
  const real = realpathSync(target);
  let realData: string | null = null;
  try {
    realData = realpathSync(path.resolve(data));
  } catch {
    // --data is checked, and named, by its own reader.
  }
  if (realData !== null && within(realData, real)) {
    throw new OutputError(
      real === realData
        ? `--out ${out}: this is the --data folder; choose a new or empty folder`
        : `--out ${out}: this folder contains the --data folder; choose a new or empty folder`,
    );
  }
  const entries = readdirSync(target);
  if (entries.length === 0) return { target, exists: true, previous: [] };
  const refuse = () =>
    new OutputError(
      `--out ${out}: this folder is not empty and holds files no earlier summary wrote; choose a new or empty folder`,
    );
  if (!entries.includes(MARKER) || !lstatSync(path.join(target, MARKER)).isFile()) throw refuse();
  const listed = readMarker(readFileSync(path.join(target, MARKER), 'utf8'));
  if (!listed) throw refuse();
  for (const entry of entries) {
    if (entry === MARKER) continue;
    if (!listed.includes(entry) || !lstatSync(path.join(target, entry)).isFile()) throw refuse();
  }
  return { target, exists: true, previous: entries.filter((e) => e !== MARKER) };
}

/** The nearest existing ancestor of `file` when it is not a folder, else null. */
function firstNonFolderAncestor(file: string): string | null {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (existsSync(dir)) return statSync(dir).isDirectory() ? null : dir;
    if (path.dirname(dir) === dir) return null;
  }
}

interface PngPlan {
  readonly target: string;
  /** Written among --out's files (it lies directly in that folder). */
  readonly inOut: boolean;
}

function checkPng(png: string, out: OutPlan): PngPlan {
  const target = path.resolve(png);
  if (!target.toLowerCase().endsWith('.png')) {
    throw new OutputError(`--png ${png}: the file name must end with .png`);
  }
  if (path.dirname(target) === out.target) {
    if (path.basename(target) === MARKER) throw new OutputError(`--png ${png}: reserved name`);
    return { target, inOut: true };
  }
  if (within(target, out.target)) {
    throw new OutputError(`--png ${png}: put the picture directly in --out, or outside it`);
  }
  const stat = lstatOrNull(target);
  if (stat) {
    if (!stat.isFile() || !isOwnPng(target)) {
      throw new OutputError(
        `--png ${png}: this file exists and npm run summary did not render it; choose another name`,
      );
    }
  } else {
    const blocker = firstNonFolderAncestor(target);
    if (blocker) throw new OutputError(`--png ${png}: ${blocker} is a file, not a folder`);
  }
  return { target, inOut: false };
}

/** A checked destination: nothing has been written yet. */
export interface PreparedOutput {
  readonly out: string;
  /**
   * Writes `files` (name → content) into `--out`, and the picture to `--png`; on failure
   * removes what it created and throws. Returns the paths written.
   */
  write(files: Readonly<Record<string, string | Buffer>>, png?: Buffer): string[];
}

/** Checks `--out` (and `--png`) before any work: throws an OutputError when refused. */
export function prepareOutput(request: OutputRequest): PreparedOutput {
  const out = checkOut(request.out, request.data);
  const png = request.png ? checkPng(request.png, out) : null;
  return {
    out: out.target,
    write: (files, picture) => writeOutput(out, png, files, picture),
  };
}

/** A new folder at `base` or, when that exists, at `base-1`, `base-2`… */
function freshFolder(base: string): string {
  for (let n = 0; ; n++) {
    const folder = n === 0 ? base : `${base}-${n}`;
    try {
      mkdirSync(folder);
      return folder;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || n >= 1000) throw error;
    }
  }
}

function writeOutput(
  out: OutPlan,
  png: PngPlan | null,
  given: Readonly<Record<string, string | Buffer>>,
  picture: Buffer | undefined,
): string[] {
  const files: Record<string, string | Buffer> = { ...given };
  if (png && picture && png.inOut) files[path.basename(png.target)] = picture;
  const names = Object.keys(files);
  for (const name of names) {
    if (!isPlainName(name)) throw new Error(`not a file name: ${JSON.stringify(name)}`);
  }
  // Everything created here, undone in reverse order on failure.
  const undo: (() => void)[] = [];
  const makeFolder = (folder: string) => {
    const first = mkdirSync(folder, { recursive: true });
    if (first) undo.push(() => rmSync(first, { recursive: true, force: true }));
  };
  try {
    makeFolder(path.dirname(out.target));
    // mkdirSync, not mkdtempSync: a new --out gets the mode any new folder gets (the
    // umask's), not mkdtemp's owner-only 0700.
    const staging = freshFolder(
      path.join(path.dirname(out.target), `.${path.basename(out.target)}.tmp-${process.pid}`),
    );
    undo.push(() => rmSync(staging, { recursive: true, force: true }));
    for (const [name, content] of Object.entries(files)) {
      writeFileSync(path.join(staging, name), content);
    }
    writeFileSync(path.join(staging, MARKER), markerText(names));

    // The picture outside --out first: a failure there leaves --out as it was.
    if (png && picture && !png.inOut) {
      makeFolder(path.dirname(png.target));
      const isNew = !existsSync(png.target);
      // A sibling of --png, so that the rename stays on one file system.
      const besidePng = `${png.target}.tmp-${process.pid}`;
      writeFileSync(besidePng, picture, { flag: 'wx' });
      undo.push(() => rmSync(besidePng, { force: true }));
      renameSync(besidePng, png.target);
      if (isNew) undo.push(() => rmSync(png.target, { force: true }));
    }

    if (!out.exists) {
      renameSync(staging, out.target);
    } else {
      // Into the existing folder, file by file; the marker always lists every file of
      // this command there, so an interrupted run can be repeated.
      const all = [...new Set([...out.previous, ...names])];
      writeFileSync(path.join(staging, `${MARKER}.all`), markerText(all));
      renameSync(path.join(staging, `${MARKER}.all`), path.join(out.target, MARKER));
      for (const name of names) renameSync(path.join(staging, name), path.join(out.target, name));
      for (const name of out.previous) {
        if (!names.includes(name)) rmSync(path.join(out.target, name), { force: true });
      }
      renameSync(path.join(staging, MARKER), path.join(out.target, MARKER));
      rmSync(staging, { recursive: true, force: true });
    }
  } catch (error) {
    for (const step of undo.reverse()) {
      try {
        step();
      } catch {
        // Best effort: the first error is the one to report.
      }
    }
    throw error;
  }
  const written = names.map((name) => path.join(out.target, name));
  if (png && picture && !png.inOut) written.push(png.target);
  return written;
}
