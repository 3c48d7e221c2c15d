/**
 * CLI output: the `--format` / `--out` options and where a command's text goes. The writers
 * themselves (JSON, CSV) are public library functions in src/model/tables.ts, re-exported here.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { mkdir as mkdirP, open, rename, rm as rmP, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { OrgraphError } from '../model/errors.js';
import type { CliIo } from './io.js';
import { UsageError } from './command-kit.js';

export { csvCell, csvRow, recordsToCsv, toCsv, toJson, DEFAULT_CSV_OPTIONS, DEFAULT_JSON_OPTIONS } from '../model/tables.js';
export type { CellValue, CsvOptions, JsonOptions } from '../model/tables.js';

/** Output formats every command accepts through `--format`. */
export type OutputFormat = 'json' | 'csv';

export const OUTPUT_FORMATS: readonly OutputFormat[] = Object.freeze(['json', 'csv'] as const);

// ---------------------------------------------------------------------------------------------
// Options and destinations shared by commands

/** Parse a `--format` value; anything but json / csv is a usage error (exit 2). */
export function parseFormat(value: string): OutputFormat {
  const v = value.trim().toLowerCase();
  if (v === 'json' || v === 'csv') return v;
  throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(', ')}, got "${value}"`);
}

/**
 * Add `--format <json|csv>` (default `defaultFormat`) and `--out <file>` to a command.
 * The parsed options are `{ format: OutputFormat; out?: string }`.
 */
export function addOutputOptions(cmd: Command, defaultFormat: OutputFormat = 'json'): Command {
  return cmd
    .option('--format <format>', `output format: ${OUTPUT_FORMATS.join(' or ')}`, parseFormat, defaultFormat)
    .option('--out <file>', 'write the output to this file instead of standard output');
}

// ---------------------------------------------------------------------------------------------
// Outputs that never destroy an input

/**
 * The paths a command reads, resolved: for a folder, the folder itself and the files ingest reads
 * from it (people.csv, ties.csv, relations.csv); for `--people/--ties/--relations` or a .json
 * file, those files; plus any `extra` file (an objectives file, for example).
 */
export function inputPaths(
  dir: string | undefined,
  opts: { readonly people?: string; readonly ties?: string; readonly relations?: string },
  extra: readonly (string | undefined)[] = [],
): string[] {
  const out: string[] = [];
  if (dir !== undefined) {
    out.push(dir);
    let isDir: boolean;
    try {
      isDir = statSync(dir).isDirectory();
    } catch {
      isDir = false;
    }
    if (isDir) for (const f of ['people.csv', 'ties.csv', 'relations.csv']) out.push(join(dir, f));
  }
  for (const f of [opts.people, opts.ties, opts.relations, ...extra]) if (f !== undefined && f !== '') out.push(f);
  return out.map(realish);
}

/**
 * A path with every symbolic link of its existing part resolved: the real path of its nearest
 * existing ancestor, followed by the rest. Two paths naming the same file compare equal.
 */
export function realish(path: string): string {
  let head = resolve(path);
  const rest: string[] = [];
  for (;;) {
    try {
      const real = realpathSync(head);
      return rest.length ? join(real, ...rest.reverse()) : real;
    } catch {
      const up = dirname(head);
      if (up === head) return resolve(path);
      rest.push(basename(head));
      head = up;
    }
  }
}

const inside = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith(sep) ? parent : parent + sep);

/**
 * Refuse (usage error, exit 2) an output that is, or would replace, one of the inputs: a file
 * output equal to an input file (also through a link or a hard link) or to the input folder; a
 * folder output equal to the input folder or holding any input file.
 */
export function refuseInputOverlap(out: string, inputs: readonly string[], kind: 'file' | 'folder'): void {
  const target = realish(out);
  let targetStat: { dev: number; ino: number } | null;
  try {
    const s = statSync(target);
    targetStat = { dev: s.dev, ino: s.ino };
  } catch {
    targetStat = null;
  }
  for (const input of inputs) {
    let clash = kind === 'folder' ? inside(input, target) : input === target;
    if (!clash && targetStat !== null && kind === 'file') {
      try {
        const s = statSync(input);
        clash = s.dev === targetStat.dev && s.ino === targetStat.ino;
      } catch {
        // An input that does not exist cannot be overwritten.
      }
    }
    if (clash) {
      throw new UsageError(
        kind === 'folder'
          ? `--out ${oneLine(out)} would replace the input ${oneLine(input)}: choose another output folder`
          : `--out ${oneLine(out)} is the input ${oneLine(input)}: choose another output file`,
      );
    }
  }
}

/** A path as one printable line (control characters escaped). */
function oneLine(s: string): string {
  return JSON.stringify(s).slice(1, -1);
}

/**
 * Temporary paths to remove if the process is interrupted (SIGINT, SIGTERM, SIGHUP), and moves to
 * undo. While any is registered, a handler removes them synchronously and exits with 128 + signal.
 */
const pending = new Map<string, () => void>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const SIGNAL_CODES: Readonly<Record<string, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
function onSignal(signal: NodeJS.Signals): void {
  for (const undo of [...pending.values()].reverse()) {
    try {
      undo();
    } catch {
      // Best effort: the next undo still runs.
    }
  }
  pending.clear();
  process.exit(SIGNAL_CODES[signal] ?? 130);
}

/** Register an undo step; returns the function that unregisters it. */
export function onInterrupt(key: string, undo: () => void): () => void {
  if (pending.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  pending.set(key, undo);
  return () => {
    pending.delete(key);
    if (pending.size === 0) for (const s of SIGNALS) process.off(s, onSignal);
  };
}

/**
 * A file of an output folder: its whole text, or a function giving its text in chunks, written as
 * they come so that a large file (people.csv at a million people) is never one string in memory.
 */
export type FileContent = string | (() => Iterable<string> | AsyncIterable<string>);

/** The file-system operations the writers use; tests inject failures through them. */
export interface OutputFs {
  writeFile(path: string, text: string): Promise<void>;
  /**
   * Write a new file from chunks of text, in order (optional: without it, the chunks are joined and
   * given to `writeFile`).
   */
  writeChunks?(path: string, chunks: Iterable<string> | AsyncIterable<string>): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  mkdir(path: string): Promise<void>;
  rm(path: string): Promise<void>;
}

export const NODE_OUTPUT_FS: OutputFs = Object.freeze({
  writeFile: (path: string, text: string) => writeFile(path, text, { encoding: 'utf8', flag: 'wx' }),
  writeChunks: async (path: string, chunks: Iterable<string> | AsyncIterable<string>) => {
    const file = await open(path, 'wx');
    try {
      // Chunks are gathered up to about 1 MB per write.
      let buffered: string[] = [];
      let size = 0;
      for await (const chunk of chunks) {
        buffered.push(chunk);
        size += chunk.length;
        if (size >= 1 << 20) {
          await file.write(buffered.join(''), null, 'utf8');
          buffered = [];
          size = 0;
        }
      }
      if (size > 0) await file.write(buffered.join(''), null, 'utf8');
    } finally {
      await file.close();
    }
  },
  rename: (from: string, to: string) => rename(from, to),
  mkdir: async (path: string) => {
    await mkdirP(path);
  },
  rm: async (path: string) => {
    await rmP(path, { recursive: true, force: true, maxRetries: 3 });
  },
});

function reasonOf(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return 'its directory does not exist';
  if (err?.code === 'EISDIR') return 'it is a directory';
  if (err?.code === 'EACCES' || err?.code === 'EPERM') return 'permission denied';
  if (err?.code === 'ENOSPC') return 'no space left on the device';
  if (err?.code === 'EROFS') return 'read-only file system';
  return oneLine(err?.message ?? String(e));
}

/**
 * Write a command's output to `out` (a file path) or, without one, to the CLI's standard output.
 * An output that is one of `inputs` is refused (exit 2). The text goes to a temporary file beside
 * the target, renamed over it only once complete, so the target holds either its old content or
 * the whole new one; the temporary file is removed on failure and on SIGINT / SIGTERM. A file that
 * cannot be written is `E_OUTPUT_PATH` (exit 1), naming the path and the reason.
 */
export async function writeOutput(
  text: string,
  out: string | undefined,
  io: CliIo,
  inputs: readonly string[] = [],
  fs: OutputFs = NODE_OUTPUT_FS,
): Promise<void> {
  if (out === undefined || out === '' || out === '-') {
    io.out(text);
    return;
  }
  refuseInputOverlap(out, inputs, 'file');
  try {
    if (statSync(out).isDirectory()) throw new OrgraphError('E_OUTPUT_PATH', 'cannot write output: it is a directory', { file: out });
  } catch (e) {
    if (e instanceof OrgraphError) throw e;
  }
  const tmp = join(dirname(resolve(out)), `.${basename(out)}.${randomBytes(6).toString('hex')}.tmp`);
  const release = onInterrupt(tmp, () => rmSync(tmp, { force: true }));
  try {
    await fs.writeFile(tmp, text);
    await fs.rename(tmp, out);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw new OrgraphError('E_OUTPUT_PATH', `cannot write output: ${reasonOf(e)}`, { file: out });
  } finally {
    release();
  }
}

// ---------------------------------------------------------------------------------------------
// Output folders: one complete run, swapped in whole

/** Name of the manifest every orgraph output folder holds (it lists the files of the run). */
export const FOLDER_MANIFEST = 'summary.json';
const STALE_TEMP = /^\.[^/\\]+\.[0-9a-f]{12}\.tmp$/;

/**
 * Check an output folder before any input is read, creating nothing: refused (exit 2) when it
 * would replace an input, when it is a file, when it holds the current directory, or when it is a
 * non-empty folder that is not an orgraph output folder (one whose manifest, summary.json written
 * by orgraph, lists every file in it). Returns the resolved folder path.
 */
export function checkOutputFolder(out: string, inputs: readonly string[]): string {
  if (out.trim() === '') throw new UsageError('--out must name a folder');
  refuseInputOverlap(out, inputs, 'folder');
  const target = realish(out);
  if (inside(realish(process.cwd()), target))
    throw new UsageError(`--out ${oneLine(out)} holds the current directory: choose a folder of its own`);
  let isDir: boolean;
  try {
    isDir = statSync(target).isDirectory();
  } catch {
    return target; // does not exist yet
  }
  if (!isDir) throw new UsageError(`--out ${oneLine(out)} is a file: give a folder`);
  const foreign = foreignEntries(target);
  if (foreign.length > 0) {
    throw new UsageError(
      `--out ${oneLine(out)} is not an orgraph output folder (it holds ${oneLine(foreign[0])}${foreign.length > 1 ? ` and ${foreign.length - 1} more` : ''}): give an empty or new folder`,
    );
  }
  return target;
}

/** Entries of an existing folder that an orgraph run did not write (empty for an orgraph folder). */
export function foreignEntries(dir: string): string[] {
  const entries = readdirSync(dir);
  if (entries.length === 0) return [];
  let listed: Set<string> | null = null;
  try {
    const manifest = JSON.parse(readFileSync(join(dir, FOLDER_MANIFEST), 'utf8')) as { orgraph?: unknown; files?: unknown };
    if (typeof manifest.orgraph === 'string' && Array.isArray(manifest.files))
      listed = new Set(manifest.files.filter((f): f is string => typeof f === 'string'));
  } catch {
    listed = null;
  }
  if (listed === null) return entries.sort();
  listed.add(FOLDER_MANIFEST);
  return entries.filter((f) => !listed!.has(f) && !STALE_TEMP.test(f)).sort();
}

/** Write one file of a folder: whole text, or chunks (streamed when the file system can). */
async function writeContent(fs: OutputFs, path: string, content: FileContent): Promise<void> {
  if (typeof content === 'string') return fs.writeFile(path, content);
  if (fs.writeChunks) return fs.writeChunks(path, content());
  const parts: string[] = [];
  for await (const chunk of content()) parts.push(chunk);
  return fs.writeFile(path, parts.join(''));
}

/**
 * Write a whole run into `target`: every file goes into a staging folder beside it, which then
 * replaces the target in two renames (old folder aside, staging in), after which the old folder is
 * deleted. At every moment the target holds either the previous complete run or the new one; on a
 * write failure or a signal the staging folder is removed and the previous run put back. Files of
 * the previous run that this run does not write are gone with it. `files` must include the manifest;
 * a file given as chunks ({@link FileContent}) is streamed to disk as they come. `onProgress` is
 * called with (files written, files) after each file.
 */
export async function writeOutputFolder(
  target: string,
  files: ReadonlyMap<string, FileContent>,
  inputs: readonly string[],
  fs: OutputFs = NODE_OUTPUT_FS,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  for (const name of files.keys()) {
    if (name.includes('/') || name.includes('\\') || name === '..' || name === '.' || name === '')
      throw new RangeError(`not a plain file name: ${name}`);
  }
  checkOutputFolder(target, inputs); // again: the folder may have changed during the analysis
  const parent = dirname(target);
  const tag = randomBytes(6).toString('hex');
  const staging = join(parent, `.orgraph-staging-${tag}`);
  const previous = join(parent, `.orgraph-previous-${tag}`);
  let moved = false;
  const releaseStaging = onInterrupt(staging, () => rmSync(staging, { recursive: true, force: true, maxRetries: 3 }));
  // The previous run is put back while the new one is not in place, and deleted once it is.
  const releaseMove = onInterrupt(previous, () => {
    if (!existsSync(previous)) return;
    if (!existsSync(target)) renameSync(previous, target);
    else rmSync(previous, { recursive: true, force: true, maxRetries: 3 });
  });
  try {
    try {
      await mkdirP(parent, { recursive: true });
      await fs.mkdir(staging);
      let written = 0;
      for (const [name, content] of files) {
        await writeContent(fs, join(staging, name), content);
        onProgress?.(++written, files.size);
      }
    } catch (e) {
      if (e instanceof RangeError) throw e; // the engine refusing an allocation is not the disk's fault
      throw new OrgraphError('E_OUTPUT_PATH', `cannot write the output folder: ${reasonOf(e)}`, { file: target });
    }
    const exists = existsSync(target);
    try {
      if (exists) {
        await fs.rename(target, previous);
        moved = true;
      }
      await fs.rename(staging, target);
    } catch (e) {
      if (moved && !existsSync(target)) await fs.rename(previous, target).catch(() => {});
      moved = false;
      throw new OrgraphError('E_OUTPUT_PATH', `cannot replace the output folder: ${reasonOf(e)}`, { file: target });
    }
    moved = false;
    if (exists) await fs.rm(previous).catch(() => {});
  } finally {
    await rmP(staging, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});
    releaseMove();
    releaseStaging();
  }
}
