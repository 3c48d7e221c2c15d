/**
 * Thread plumbing shared by every parallel kernel
 * The one place that decides how many threads to use, where the worker file is, how to start a
 * worker, how arrays reach shared memory, and which errors a worker can carry back. The path pool
 * (./pool.ts) and the matrix-product engine (./spmv.ts) both start the same worker entry
 * (./worker.ts, built as dist/core/parallel/worker.{js,cjs}); no code is ever compiled from strings.
 * Reference: Node.js worker_threads.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type TransferListItem } from 'node:worker_threads';

/** A worker failed (its own exception, or it could not start); `message` carries the worker's reason. */
export class WorkerError extends Error {
  override readonly name = 'WorkerError';
}

/** Thrown (as a rejection) when a run's AbortSignal fires. Callers map it to their own error. */
export class TaskAbortedError extends Error {
  override readonly name = 'TaskAbortedError';
  constructor() {
    super('path task aborted');
  }
}

/** The most threads orgraph starts for one run: `os.availableParallelism()`. */
export function maxThreads(): number {
  return Math.max(1, availableParallelism());
}

/** The thread count a run uses, and a note when the caller asked for more than the machine has. */
export interface ThreadCount {
  readonly threads: number;
  /** Set when the request was lowered, e.g. "workers: 1000 lowered to 4 (os.availableParallelism())". */
  readonly note?: string;
}

const warned = new Set<number>();

/**
 * Threads for a run: `requested` (already validated as >= 1) or, when undefined, every core;
 * never more than {@link maxThreads}. A lowered request gives a note, also emitted once per
 * requested value as a process warning (code ORGRAPH_WORKERS_LOWERED) so a CLI user sees it.
 */
export function threadCount(requested: number | undefined): ThreadCount {
  const cap = maxThreads();
  if (requested === undefined) return { threads: cap };
  const want = Math.max(1, Math.floor(requested));
  if (want <= cap) return { threads: want };
  const note = `workers: ${want} lowered to ${cap} (os.availableParallelism())`;
  if (!warned.has(want)) {
    warned.add(want);
    process.emitWarning(`orgraph: ${note}`, { code: 'ORGRAPH_WORKERS_LOWERED' });
  }
  return { threads: cap, note };
}

const sharedCopies = new WeakMap<object, Int32Array | Float64Array>();

/**
 * `a` in a SharedArrayBuffer: itself when already shared, else a copy made once per array and
 * cached (callers must not modify `a` afterwards; orgraph's graph arrays are never modified).
 */
export function shared<T extends Int32Array | Float64Array>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const hit = sharedCopies.get(a);
  if (hit) return hit as T;
  const buffer = new SharedArrayBuffer(a.byteLength);
  const copy = (a instanceof Int32Array ? new Int32Array(buffer) : new Float64Array(buffer)) as T;
  copy.set(a);
  sharedCopies.set(a, copy);
  return copy;
}

/** Environment variable naming the worker file (for bundles; see docs/guides/bundling.md). */
export const WORKER_PATH_ENV = 'ORGRAPH_WORKER_PATH';

/**
 * The two built worker entries of the package. `'kernels'` is the lean one every parallel kernel
 * starts (dist/core/parallel/worker.*, about 35 kB); `'analysis'` runs the whole report pipeline off
 * the caller's thread (dist/report/analysis-worker.*, built from src/report/analysis-worker.ts; this
 * module only knows its file name, so core still imports nothing from report).
 */
export type WorkerKind = 'kernels' | 'analysis';

interface EntryNames {
  /** Paths of the built entry, relative to the folder of the code that runs this lookup. */
  readonly built: readonly string[];
  /** Its name next to a bundle, and next to a file named by setWorkerPath / the environment. */
  readonly bundled: string;
  /** The development bootstrap, relative to src/core/parallel (loads the .ts entry through tsx). */
  readonly dev: string;
}

const ENTRIES: Readonly<Record<WorkerKind, EntryNames>> = Object.freeze({
  kernels: { built: ['worker', 'core/parallel/worker', '../core/parallel/worker'], bundled: 'orgraph-worker', dev: 'dev-worker.cjs' },
  analysis: {
    built: ['report/analysis-worker', '../report/analysis-worker', '../../report/analysis-worker'],
    bundled: 'orgraph-analysis-worker',
    dev: '../../report/dev-analysis-worker.cjs',
  },
});

let explicitWorkerPath: string | undefined;
const cachedEntries = new Map<WorkerKind, string>();

/**
 * Tell orgraph where its worker file is (`dist/core/parallel/worker.cjs` of the package, copied
 * wherever a bundler user put it). Overrides {@link WORKER_PATH_ENV}; undefined restores the search.
 * The analysis worker (`dist/report/analysis-worker.cjs`) is then looked for in the same folder,
 * as `orgraph-analysis-worker.cjs` (see docs/guides/bundling.md).
 */
export function setWorkerPath(path: string | undefined): void {
  explicitWorkerPath = path === undefined ? undefined : resolve(path);
  cachedEntries.clear();
}

/** @internal The path given to {@link setWorkerPath}, if any (handed on to the analysis worker, whose own pools need it). */
export function workerPathSetting(): string | undefined {
  return explicitWorkerPath;
}

/**
 * This module's URL; inside a CommonJS bundle, where `import.meta.url` is empty, the URL of the
 * script node was started with (the bundle itself, for a bundled server).
 * NOTE: `__filename` is not read here: naming it makes tsup add a module-level shim to the ESM
 * build that calls fileURLToPath(import.meta.url) at load time, which throws inside such bundles.
 */
function hereUrl(): string | undefined {
  const url = (import.meta as { url?: unknown }).url;
  if (typeof url === 'string' && url !== '') return url;
  const script = process.argv[1];
  return typeof script === 'string' && script !== '' ? pathToFileURL(resolve(script)).href : undefined;
}

/**
 * The file a worker of `kind` starts from (default: the kernels' worker). For the kernels:
 * {@link setWorkerPath}, else `$ORGRAPH_WORKER_PATH`, else the build (`dist/core/parallel/worker.{js,cjs}`,
 * reached from `dist/index.*`, `dist/cli/main.cjs`, `dist/report/analysis-worker.*` or an unbundled
 * `dist/core/parallel/*`), else `orgraph-worker.{cjs,js,mjs}` next to a bundle, else (in the
 * sources) `dev-worker.cjs`, which loads `worker.ts` through tsx (a devDependency). The analysis
 * worker is found by the same rules: `orgraph-analysis-worker.{cjs,js,mjs}` in the folder of the
 * file named by setWorkerPath / the environment, else `dist/report/analysis-worker.{js,cjs}`, else
 * `orgraph-analysis-worker.*` next to a bundle, else `src/report/dev-analysis-worker.cjs`.
 * Throws {@link WorkerError} listing the places searched when there is none.
 */
export function workerEntry(kind: WorkerKind = 'kernels'): string {
  const names = ENTRIES[kind];
  const bundledName = `${names.bundled}.cjs`;
  const chosen = explicitWorkerPath ?? process.env[WORKER_PATH_ENV];
  const source = explicitWorkerPath ? 'setWorkerPath' : WORKER_PATH_ENV;
  if (chosen !== undefined && chosen !== '') {
    const file = isAbsolute(chosen) ? chosen : resolve(chosen);
    if (kind === 'kernels') {
      if (!existsSync(file)) throw new WorkerError(`orgraph worker file ${file} (from ${source}) does not exist`);
      return file;
    }
    const dir = dirname(file);
    // Next to a copied kernels' worker; or the package's own, when the file named is dist/core/parallel/worker.*.
    const near = [
      ...['cjs', 'js', 'mjs'].map((e) => `${names.bundled}.${e}`),
      '../../report/analysis-worker.cjs',
      '../../report/analysis-worker.js',
    ].map((f) => resolve(dir, f));
    const hit = near.find((f) => existsSync(f));
    if (hit === undefined)
      throw new WorkerError(
        `cannot find orgraph's analysis worker file next to ${file} (from ${source}): copy node_modules/orgraph/dist/report/analysis-worker.cjs there as ${bundledName}`,
      );
    return hit;
  }
  const cached = cachedEntries.get(kind);
  if (cached) return cached;
  const here = hereUrl();
  if (here === undefined)
    throw new WorkerError(`cannot locate orgraph's worker file: set ${WORKER_PATH_ENV} to dist/core/parallel/worker.cjs of the package`);
  const dir = dirname(fileURLToPath(here));
  const exts = here.endsWith('.cjs') ? ['cjs', 'js'] : ['js', 'cjs'];
  const candidates = [
    ...names.built.flatMap((b) => exts.map((e) => resolve(dir, `${b}.${e}`))),
    ...['cjs', 'js', 'mjs'].map((e) => resolve(dir, `${names.bundled}.${e}`)),
  ];
  // The sources: this module is threads.ts; the .ts entries are started through their tsx bootstraps.
  const found = here.endsWith('.ts') ? resolve(dir, names.dev) : candidates.find((f) => existsSync(f));
  if (found === undefined || !existsSync(found)) {
    const what = kind === 'kernels' ? 'worker file' : 'analysis worker file';
    const from = kind === 'kernels' ? 'dist/core/parallel/worker.cjs' : 'dist/report/analysis-worker.cjs';
    throw new WorkerError(
      `cannot find orgraph's ${what} next to ${fileURLToPath(here)} (looked for ${candidates.map((c) => relative(dir, c)).join(', ')}); ` +
        `when bundling, copy node_modules/orgraph/${from} next to the bundle as ${bundledName}, or set ${WORKER_PATH_ENV}`,
    );
  }
  cachedEntries.set(kind, found);
  return found;
}

/** What every worker receives as `workerData`: which job it runs, and the job's own data. */
export type WorkerJob<K extends string, D> = { readonly job: K } & D;

/** Node flags that load modules into a thread; each takes a value (`--flag value` or `--flag=value`). */
const MODULE_LOADING_FLAGS: ReadonlySet<string> = new Set(['--import', '--require', '-r', '--loader', '--experimental-loader']);

/**
 * `execArgv` without the module-loading flags and their values (`--import`, `--require` / `-r`,
 * `--loader`, `--experimental-loader`, as `--flag value` or `--flag=value`); every other flag
 * (--disallow-code-generation-from-strings, --max-old-space-size, --expose-gc...) is kept in order.
 * Complexity: O(flags).
 */
export function workerExecArgv(execArgv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const flag = execArgv[i];
    const eq = flag.indexOf('=');
    if (MODULE_LOADING_FLAGS.has(eq >= 0 ? flag.slice(0, eq) : flag)) {
      if (eq < 0) i++; // the value is the next entry
      continue;
    }
    out.push(flag);
  }
  return out;
}

/**
 * Start a worker on the entry file with `data` as its `workerData`.
 *
 * NOTE: when the process was started with module-loading flags, the worker gets the process's
 * Node flags without them ({@link workerExecArgv}): orgraph's worker entries are self-contained
 * (the built JS, or the development bootstrap that registers tsx itself), so a loader given to the
 * parent (e.g. `node --import tsx`) would only be loaded again in every worker (measured: an empty
 * worker cost 294 ms of CPU with `--import tsx`, 71 ms without). Node refuses V8 and
 * process-wide flags in an explicit execArgv (--expose-gc, --max-old-space-size,
 * --disallow-code-generation-from-strings...); those apply to every thread of the process anyway
 * (checked: `gc` and the heap limit are there in a worker started with execArgv []), so the flags
 * Node names as refused are left out and the worker started again; if that fails too, or when
 * there is nothing to drop, the worker inherits the process's flags as Node does by default.
 */
export function startWorker(
  data: WorkerJob<string, object>,
  transferList?: readonly TransferListItem[],
  kind: WorkerKind = 'kernels',
): Worker {
  const entry = workerEntry(kind);
  const options = { workerData: data, transferList: transferList ? [...transferList] : undefined };
  // The flags Node accepted (or null: inherit) are the same for every worker of the process: found once.
  if (acceptedExecArgv === null) return new Worker(entry, options);
  if (acceptedExecArgv !== undefined) return new Worker(entry, { ...options, execArgv: acceptedExecArgv });
  let execArgv = workerExecArgv(process.execArgv);
  // Twice at most: first with every flag kept, then without those Node names as refused.
  for (let attempt = 0; attempt < 2 && execArgv.length < process.execArgv.length; attempt++) {
    try {
      const worker = new Worker(entry, { ...options, execArgv });
      acceptedExecArgv = execArgv;
      return worker;
    } catch (e) {
      if ((e as { code?: unknown }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw e;
      const refused = new Set((/flags: (.*)$/.exec(errorMessage(e))?.[1] ?? '').split(', '));
      const rest = execArgv.filter((f) => !refused.has(f));
      if (rest.length === execArgv.length) break;
      execArgv = rest;
    }
  }
  const worker = new Worker(entry, options);
  acceptedExecArgv = null;
  return worker;
}

/** The execArgv {@link startWorker} found Node accepts for workers (null: inherit the process's); undefined until the first start. */
let acceptedExecArgv: string[] | null | undefined;

/** The message of whatever a worker threw, for carrying across threads. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
