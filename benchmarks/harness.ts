/**
 * Benchmark harness
 * Numbered, self-describing cases ("3 betweenness, org n=10000 deg=20, unweighted"), timing,
 * memory sampling, peer ratios and the machine-readable results file the docs table is made from.
 * Reference: igraph's benchmark conventions (tests/benchmarks/*.c: seeded, numbered, labelled cases).
 */
import { cpus, totalmem } from 'node:os';

/** What a case gets when it runs. */
export interface CaseContext {
  /** People in the generated org. */
  readonly size: number;
  /** Generator seed. */
  readonly seed: number;
  /** Mean degree of the generated org. */
  readonly degree: number;
  /**
   * Worker threads for orgraph's parallel kernels; undefined: the library's own default, as a user's
   * call without the option gets (every core for large work, one thread below, see resolveWorkers).
   */
  readonly workers: number | undefined;
  /** Run the in-process peer (graphology-metrics) when the case has one and the size allows. */
  readonly graphology: boolean;
  /** Smoke mode (CI): one run, no repetitions; checks that the case still runs. */
  readonly smoke: boolean;
  /** Folder holding (or to hold) the generated org's files, when the case needs files. */
  readonly dataDir?: string;
  /** Progress/log lines (stderr in the runner, silent in tests). */
  readonly log: (line: string) => void;
}

/** A timing: the median over `runs` (1 when a run is long). */
export interface Timing {
  readonly seconds: number;
  readonly runs: number;
  readonly samples: readonly number[];
}

/** A peer's figure for a case. `speedup` = peer seconds / orgraph seconds (> 1: orgraph is faster). */
export interface PeerResult {
  readonly tool: string;
  readonly available: boolean;
  readonly reason?: string;
  readonly version?: string;
  readonly threads?: number;
  readonly seconds?: number;
  readonly speedup?: number;
  /** Share of orgraph's top-10 people that the peer also ranks top-10 (same-graph sanity check). */
  readonly top10Agreement?: number;
  /** Approximation cases: share of the exact reference top the peer finds. */
  readonly recall?: number;
}

/** A target from the issue tracker, and whether this run met it. */
export interface TargetResult {
  readonly description: string;
  /** The absolute target (figures of a quiet reference machine) was met; null = not measured. */
  readonly met: boolean | null;
  /** orgraph beat every peer the target names, as measured in this very run (robust to a busy machine). */
  readonly beatsPeersHere?: boolean | null;
}

/** One case at one size. */
export interface CaseResult {
  readonly id: number;
  readonly key: string;
  readonly name: string;
  readonly size: number;
  readonly m?: number;
  /** orgraph's time (median); absent when orgraph's function is not available yet. */
  readonly seconds?: number;
  readonly runs?: number;
  readonly available: boolean;
  readonly reason?: string;
  /** Named stage times (ingest: parse, build, project...). */
  readonly stages?: Readonly<Record<string, number>>;
  /** Memory in MB: peak RSS sampled, process maxRSS, and case-specific figures. */
  readonly memoryMB?: Readonly<Record<string, number>>;
  /** Quality figures next to the time (recall, iterations, converged...). */
  readonly quality?: Readonly<Record<string, number | string | boolean | null>>;
  readonly peers: readonly PeerResult[];
  readonly targets: readonly TargetResult[];
  /** orgraph's top-10 view indices, for the peer agreement check. */
  readonly top10?: readonly number[];
  /** An exact reference ranking (approximation cases): peers report their recall of it. */
  readonly referenceTop?: readonly number[];
  readonly notes?: readonly string[];
}

/** The part of a result a case computes itself; the runner adds peers and targets. */
export type CaseOutcome = Omit<CaseResult, 'id' | 'key' | 'name' | 'size' | 'targets' | 'peers'> & {
  readonly peers?: readonly PeerResult[];
};

/** A target that applies at one size, checked against a result. */
export interface TargetSpec {
  readonly size: number;
  readonly description: string;
  readonly check: (r: CaseResult) => boolean | null;
  /** Peers the target says to beat (tool names as in PeerResult). */
  readonly beat?: readonly string[];
}

export interface BenchCase {
  /** Case number (stable; used in names and `--cases`). */
  readonly id: number;
  /** Short key, e.g. `betweenness-unweighted`. */
  readonly key: string;
  /** Sizes run by default (`--sizes` filters / overrides). */
  readonly sizes: readonly number[];
  /** Sizes the case may run at; larger are skipped (too slow to be useful). */
  readonly maxSize: number;
  /** Self-describing name at a size. */
  name(size: number, degree: number): string;
  /** The case needs the org's files on disk (ingest). */
  readonly needsFiles?: boolean;
  /** Case name understood by scripts/bench/peers.py; none = no Python peers. */
  readonly pythonPeerCase?: string;
  /** Largest size at which the Python peers are run. */
  readonly pythonPeerMaxSize?: number;
  readonly targets?: readonly TargetSpec[];
  run(ctx: CaseContext): Promise<CaseOutcome>;
}

/**
 * Time `fn`: once when it takes over `longSeconds` (or in smoke mode), otherwise repeated until
 * `budgetSeconds` is spent or `maxRuns` reached; the median is reported.
 */
export async function measure(
  fn: () => unknown | Promise<unknown>,
  options: { smoke?: boolean; maxRuns?: number; budgetSeconds?: number; longSeconds?: number } = {},
): Promise<Timing> {
  const maxRuns = options.smoke ? 1 : (options.maxRuns ?? 5);
  const budget = options.budgetSeconds ?? 5;
  const long = options.longSeconds ?? 2;
  const samples: number[] = [];
  let spent = 0;
  while (samples.length < maxRuns) {
    const t0 = performance.now();
    await fn();
    const s = (performance.now() - t0) / 1000;
    samples.push(s);
    spent += s;
    if (s > long || spent > budget) break;
  }
  const sorted = samples.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const seconds = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { seconds, runs: samples.length, samples };
}

/** Samples RSS every `intervalMs` while the event loop is free; `maxRSS` covers synchronous work too. */
export class MemorySampler {
  private peak = 0;
  private timer: NodeJS.Timeout | undefined;
  constructor(private readonly intervalMs = 20) {}
  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
    return this;
  }
  sample(): number {
    const rss = process.memoryUsage().rss;
    if (rss > this.peak) this.peak = rss;
    return rss;
  }
  stop(): { peakRssMB: number; maxRssMB: number } {
    this.sample();
    if (this.timer) clearInterval(this.timer);
    return { peakRssMB: this.peak / 2 ** 20, maxRssMB: maxRssMB() };
  }
}

/** The process's peak resident set so far (resourceUsage().maxRSS, KiB on Linux). */
export function maxRssMB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Collect garbage when the process runs with --expose-gc (the runner's children do). */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

/** Indices of the k highest values (ties by lower index), NaN last. */
export function topIndices(values: ArrayLike<number>, k: number): number[] {
  const idx = Array.from({ length: values.length }, (_, i) => i);
  const v = (i: number) => (Number.isNaN(values[i]) ? -Infinity : values[i]);
  idx.sort((a, b) => v(b) - v(a) || a - b);
  return idx.slice(0, k);
}

/** Share of `a` found in `b`. */
export function overlap(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0) return 1;
  const set = new Set(b);
  return a.filter((x) => set.has(x)).length / a.length;
}

/** The machine the figures come from. */
export interface MachineInfo {
  readonly node: string;
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGB: number;
  readonly platform: string;
  readonly python?: string;
}

export function machineInfo(): MachineInfo {
  const c = cpus();
  return {
    node: process.version,
    cpu: c[0]?.model?.trim() ?? 'unknown',
    cores: c.length,
    memoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    platform: `${process.platform} ${process.arch}`,
  };
}

/** The results file. */
export interface ResultsFile {
  readonly schema: 1;
  readonly machine: MachineInfo;
  /** Whether the machine was shared with other busy processes (figures are then provisional). */
  readonly provisional: boolean;
  readonly updated: string;
  readonly results: readonly (CaseResult & { readonly when: string; readonly loadAverage?: number })[];
}

/** Case name helper: `"3 betweenness, org n=10000 deg=20, weighted"`. */
export function caseName(id: number, what: string, size: number, degree: number, variant?: string): string {
  return `${id} ${what}, org n=${size} deg=${degree}${variant ? `, ${variant}` : ''}`;
}
