/**
 * The supervisor of long CLI jobs (`orgraph analyze`): the job runs in a child Node process that
 * reports its current stage to this one over an IPC channel. Node cannot catch a V8 out-of-memory
 * abort in-process, so the parent is the one that survives it: when the child dies of it, the
 * parent prints one line naming the stage and what to try, and exits with {@link EXIT_OUT_OF_MEMORY};
 * the V8 trace never reaches the terminal. The parent also draws the progress bar (the child's
 * stderr is a pipe) and gives the child a heap limit sized from the machine's memory, so the user
 * never needs `--max-old-space-size`.
 *
 * Exit codes: the child's own (0 done, 1 data errors, 2 usage errors, 70 internal error, 128 + n
 * after signal n); {@link EXIT_OUT_OF_MEMORY} (3) when the child ran out of memory;
 * {@link EXIT_INTERNAL} (70) when it died of anything else.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { createProgress, type Progress } from './progress.js';

/** Exit code of a job that ran out of memory. */
export const EXIT_OUT_OF_MEMORY = 3;
/** Exit code of a job that died of anything else than memory (signal, abort). */
export const EXIT_INTERNAL = 70;
/** Set in the child's environment: it runs the job itself and reports to its parent. */
export const SUPERVISED_ENV = 'ORGRAPH_SUPERVISED';
/** Set to 1 to run the job in this process (no child, no out-of-memory line). */
export const NO_SUPERVISOR_ENV = 'ORGRAPH_NO_SUPERVISOR';
/** Heap limit of the child in MB, overriding the one sized from the machine's memory. */
export const HEAP_ENV = 'ORGRAPH_HEAP_MB';
/** When set, the supervisor writes the stage timings and peak memory of the run to this JSON file. */
export const TIMINGS_ENV = 'ORGRAPH_TIMINGS';

/** Commands run under the supervisor. */
export const SUPERVISED_COMMANDS: readonly string[] = Object.freeze(['analyze']);

/** What the child sends its parent: the stage it is in and how far along it is. */
export interface StageMessage {
  readonly orgraph: 'progress';
  readonly stage: string;
  readonly done: number;
  readonly total: number;
  /** The child's CPU time so far (user + system, microseconds): per-stage CPU time for the timings file. */
  readonly cpu?: number;
}

/** What the child sends when its progress display should be cleared (before it writes its result). */
export interface DoneMessage {
  readonly orgraph: 'done';
}

/** Whether `argv` (without `node` and the script) should run under the supervisor. */
export function shouldSupervise(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): boolean {
  if (env[SUPERVISED_ENV] === '1' || env[NO_SUPERVISOR_ENV] === '1') return false;
  if (!SUPERVISED_COMMANDS.includes(argv[0] ?? '')) return false;
  return !argv.some((a) => a === '--help' || a === '-h');
}

/**
 * The child's heap limit in MB: $ORGRAPH_HEAP_MB when set, else half the machine's memory, between
 * 2 GB and 8 GB (the 1M-person analysis needs under 4 GB of heap; more only delays a runaway).
 * @example
 * childHeapMb(24 * 2 ** 30, {}); // 8192
 * childHeapMb(2 * 2 ** 30, {}); // 2048
 */
export function childHeapMb(memoryBytes: number, env: NodeJS.ProcessEnv = process.env): number {
  const given = Number(env[HEAP_ENV]);
  if (env[HEAP_ENV] !== undefined && Number.isInteger(given) && given >= 16) return given;
  return Math.max(2048, Math.min(8192, Math.floor(memoryBytes / 2 / 2 ** 20)));
}

/** Whether node flags (execArgv or NODE_OPTIONS) already set the old-space limit. */
export function hasHeapFlag(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  return [...execArgv, ...(nodeOptions ?? '').split(/\s+/)].some((a) => /^--max[-_]old[-_]space[-_]size/.test(a));
}

/** The first line of V8's fatal-error report: it and everything after it stay off the terminal. */
export function isFatalReportStart(line: string): boolean {
  return /^<--- Last few GCs --->/.test(line) || /^FATAL ERROR:/.test(line) || /^#\s*Fatal (error|javascript OOM)/i.test(line);
}

/** Whether V8's report says the heap was exhausted. */
export function isOutOfMemoryReport(text: string): boolean {
  return /heap out of memory|Ineffective mark-compacts|Reached heap limit|javascript OOM|Allocation failed/i.test(text);
}

/** A byte count for reading: gigabytes with one decimal ('1.4 GB'), megabytes under 1 GB ('64 MB'). */
export function gb(bytes: number): string {
  return bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GB` : `${Math.round(bytes / 2 ** 20)} MB`;
}

/** What to try when a stage runs out of memory. */
export function stageAdvice(stage: string | null): string {
  if (stage === 'reading input') return 'try fewer relations (--relation), or split the input';
  if (stage === 'introductions') return 'try --groups-only, or fewer relations (--relation)';
  if (stage === 'writing report') return 'try --groups-only or a smaller --map-limit';
  return 'try --groups-only, or fewer relations (--relation)';
}

/**
 * The one line printed when the child ran out of memory.
 * @example
 * outOfMemoryLine('betweenness', 4.5 * 2 ** 30, 4096);
 * // 'orgraph: out of memory during betweenness (peak 4.5 GB, heap limit 4.0 GB); try --groups-only, or fewer relations (--relation)'
 */
export function outOfMemoryLine(stage: string | null, peakBytes: number | null, heapMb: number | null): string {
  const facts = [
    peakBytes !== null && peakBytes > 0 ? `peak ${gb(peakBytes)}` : '',
    heapMb !== null ? `heap limit ${gb(heapMb * 2 ** 20)}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `orgraph: out of memory during ${stage ?? 'start-up'}${facts ? ` (${facts})` : ''}; ${stageAdvice(stage)}`;
}

/** Peak resident memory of a process in bytes (Linux /proc VmHWM), or null where unavailable. */
export function peakRss(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+)\s*kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * In the child: a function that reports (stage, done, total) to the parent, at most every
 * `interval` ms within a stage (always at a stage's start and end); null when not supervised.
 */
export function parentReporter(interval = 100): ((stage: string, done: number, total: number) => void) | null {
  if (process.env[SUPERVISED_ENV] !== '1' || typeof process.send !== 'function') return null;
  // The channel must not keep the child alive once its work is done.
  (process.channel as { unref?: () => void } | undefined)?.unref?.();
  let last = '';
  let at = -Infinity;
  return (stage, done, total) => {
    const t = Date.now();
    if (stage === last && done > 0 && done < total && t - at < interval) return;
    last = stage;
    at = t;
    const c = process.cpuUsage();
    const msg: StageMessage = { orgraph: 'progress', stage, done, total, cpu: c.user + c.system };
    try {
      process.send!(msg);
    } catch {
      // The parent has gone: nothing to report to.
    }
  };
}

/** In the child: tell the parent to clear its progress line. */
export function reportDone(): void {
  if (process.env[SUPERVISED_ENV] !== '1' || typeof process.send !== 'function') return;
  try {
    process.send({ orgraph: 'done' } satisfies DoneMessage);
  } catch {
    // The parent has gone.
  }
}

/** Where the supervisor writes and how it starts the child; tests pass their own. */
export interface SuperviseOptions {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream & { readonly isTTY?: boolean };
  /** Node flags for the child (the parent's, e.g. tsx's loader). @defaultValue process.execArgv */
  readonly execArgv?: readonly string[];
  /** The script the child runs. @defaultValue process.argv[1] */
  readonly script?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Clock for the progress display. @defaultValue Date.now */
  readonly now?: () => number;
}

/**
 * Run `argv` in a supervised child and resolve with the exit code to use. The child's stdout and
 * stderr are passed through line by line (stderr without V8's fatal report); its progress messages
 * drive the progress bar when stderr is a terminal and `--quiet` is not given.
 */
export function supervise(argv: readonly string[], options: SuperviseOptions): Promise<number> {
  const env = options.env ?? process.env;
  const execArgv = [...(options.execArgv ?? process.execArgv)];
  let heapMb: number | null = null;
  if (env[HEAP_ENV] !== undefined || !hasHeapFlag(execArgv, env.NODE_OPTIONS)) {
    heapMb = childHeapMb(totalmem(), env);
    execArgv.push(`--max-old-space-size=${heapMb}`);
  }
  const script = options.script ?? process.argv[1];
  const child: ChildProcess = spawn(process.execPath, [...execArgv, script, ...argv], {
    env: { ...env, [SUPERVISED_ENV]: '1' },
    stdio: ['inherit', 'pipe', 'pipe', 'ipc'],
  });
  const progress: Progress = createProgress({
    enabled: Boolean(options.stderr.isTTY) && !argv.includes('--quiet'),
    write: (s) => void options.stderr.write(s),
    now: options.now,
  });
  let stage: string | null = null;
  let peak = 0;
  const sample = () => {
    const p = child.pid !== undefined ? peakRss(child.pid) : null;
    if (p !== null && p > peak) peak = p;
  };
  const poll = setInterval(sample, 250);
  poll.unref();
  // Per stage: wall and CPU seconds, from the first message of the stage to the first of the next.
  const started = Date.now();
  const timings: { stage: string; seconds: number; cpuSeconds: number | null }[] = [];
  let mark = { at: started, cpu: 0 };
  const closeStage = (at: number, cpu: number | undefined) => {
    if (stage === null) return;
    timings.push({
      stage,
      seconds: (at - mark.at) / 1000,
      cpuSeconds: cpu !== undefined ? (cpu - mark.cpu) / 1e6 : null,
    });
  };
  // The timings file is rewritten at every stage change too, so that a run that dies (or is
  // stopped) still leaves the figures of the stages it finished.
  const writeTimings = (end: { exit: number | null; signal: NodeJS.Signals | null } | null) => {
    if (!env[TIMINGS_ENV]) return;
    try {
      const body = {
        seconds: (Date.now() - started) / 1000,
        peakRssBytes: peak || null,
        heapLimitMb: heapMb,
        ...(end ?? { running: stage }),
        stages: timings,
      };
      writeFileSync(env[TIMINGS_ENV]!, JSON.stringify(body, null, 2) + '\n');
    } catch {
      // Timings are a benchmark aid: never a reason to fail the run.
    }
  };
  child.on('message', (m: StageMessage | DoneMessage) => {
    if (m?.orgraph === 'progress') {
      if (m.stage !== stage) {
        const at = Date.now();
        closeStage(at, m.cpu);
        mark = { at, cpu: m.cpu ?? 0 };
        stage = m.stage;
        writeTimings(null);
      }
      progress.update(m.stage, m.done, m.total);
    } else if (m?.orgraph === 'done') progress.done();
    sample();
  });
  // stdout: passed through as it comes (the progress line cleared first).
  child.stdout!.on('data', (d: Buffer) => {
    progress.done();
    options.stdout.write(d);
  });
  // stderr: whole lines, up to V8's fatal report (kept aside to classify the death).
  let pendingErr = '';
  let blank = 0;
  let fatal = false;
  let fatalText = '';
  const errLine = (line: string) => {
    if (!fatal && isFatalReportStart(line)) fatal = true;
    if (fatal) {
      if (fatalText.length < 65536) fatalText += line + '\n';
      return;
    }
    if (line.trim() === '') {
      blank++; // held back: V8's report starts with an empty line
      return;
    }
    progress.done();
    options.stderr.write('\n'.repeat(blank) + line + '\n');
    blank = 0;
  };
  child.stderr!.on('data', (d: Buffer) => {
    pendingErr += d.toString('utf8');
    let nl: number;
    while ((nl = pendingErr.indexOf('\n')) >= 0) {
      errLine(pendingErr.slice(0, nl));
      pendingErr = pendingErr.slice(nl + 1);
    }
  });
  const forward = (signal: NodeJS.Signals) => () => {
    child.kill(signal);
  };
  const handlers = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map((s) => [s, forward(s)] as const);
  for (const [s, h] of handlers) process.on(s, h);
  return new Promise<number>((resolve) => {
    child.on('error', (e) => {
      options.stderr.write(`orgraph: internal error: cannot start the analysis process: ${e.message}\n`);
      resolve(EXIT_INTERNAL);
    });
    child.on('close', (code, signal) => {
      clearInterval(poll);
      for (const [s, h] of handlers) process.off(s, h);
      if (pendingErr !== '') errLine(pendingErr);
      progress.done();
      sample();
      closeStage(Date.now(), undefined);
      writeTimings({ exit: code, signal });
      const oom = isOutOfMemoryReport(fatalText);
      if (oom) {
        options.stderr.write(outOfMemoryLine(stage, peak || null, heapMb) + '\n');
        resolve(EXIT_OUT_OF_MEMORY);
        return;
      }
      if (signal === 'SIGKILL') {
        options.stderr.write(
          `orgraph: the analysis was killed during ${stage ?? 'start-up'} (SIGKILL, often the system running out of memory${peak ? `; peak ${gb(peak)}` : ''}); ${stageAdvice(stage)}\n`,
        );
        resolve(EXIT_OUT_OF_MEMORY);
        return;
      }
      if (signal !== null) {
        const n = { SIGINT: 2, SIGHUP: 1, SIGTERM: 15 }[signal as string];
        if (n !== undefined) {
          resolve(128 + n);
          return;
        }
        options.stderr.write(
          `orgraph: internal error: the analysis stopped during ${stage ?? 'start-up'} (${signal}) (set ORGRAPH_DEBUG=1 for details)\n`,
        );
        if (env.ORGRAPH_DEBUG && fatalText) options.stderr.write(fatalText);
        resolve(EXIT_INTERNAL);
        return;
      }
      if (fatal && code !== 0) {
        options.stderr.write(
          `orgraph: internal error: the analysis stopped during ${stage ?? 'start-up'} (set ORGRAPH_DEBUG=1 for details)\n`,
        );
        if (env.ORGRAPH_DEBUG) options.stderr.write(fatalText);
        resolve(EXIT_INTERNAL);
        return;
      }
      resolve(code ?? EXIT_INTERNAL);
    });
  });
}

/**
 * A progress display that also reports every update to the supervising parent (when there is one),
 * so that the parent can draw it and name the stage if the child dies.
 */
export function reportingToParent(progress: Progress): Progress & { readonly stage: () => string | null } {
  const send = parentReporter();
  let current: string | null = null;
  return {
    update(stage, done, total) {
      current = stage;
      send?.(stage, done, total);
      progress.update(stage, done, total);
    },
    done() {
      if (send) reportDone();
      progress.done();
    },
    stage: () => current,
  };
}

/** Whether a caught error is the JS engine refusing an allocation (a catchable out-of-memory). */
export function isAllocationFailure(e: unknown): boolean {
  return (
    e instanceof RangeError &&
    /Invalid (string|array|typed array) length|Array buffer allocation failed|allocation failed|out of memory/i.test(e.message)
  );
}
