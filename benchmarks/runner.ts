/**
 * Benchmark runner
 * Runs the selected cases at the selected sizes, each in a fresh child process (clean heap, its own
 * peak memory), adds the Python peers and the targets, and merges the figures into a results file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { selectCases } from './cases.js';
import { defaultOrgDir, ensureOrgFiles } from './generate/org-graph.js';
import { machineInfo, type BenchCase, type CaseContext, type CaseOutcome, type CaseResult, type ResultsFile } from './harness.js';
import { pythonPeers } from './peers/python.js';
import { updateDocs } from './report.js';

export interface RunnerOptions {
  /** Case numbers or keys; empty = all. */
  readonly cases: readonly string[];
  /** Sizes to run; empty = each case's default sizes. Sizes above a case's maxSize are skipped. */
  readonly sizes: readonly number[];
  readonly seed: number;
  readonly degree: number;
  /** orgraph's worker threads; undefined: the library's default (see CaseContext.workers). */
  readonly workers: number | undefined;
  /** Threads given to NetworKit. */
  readonly peerThreads: number;
  readonly pythonPeers: boolean;
  readonly graphology: boolean;
  readonly peerTimeoutSeconds: number;
  /** Run cases in this process instead of one child each. */
  readonly inProcess: boolean;
  readonly out: string;
  /** Regenerate docs/benchmarks.md from the results file afterwards. */
  readonly docs: string | null;
  readonly provisional: boolean;
  readonly log: (line: string) => void;
}

export const DEFAULT_RUNNER_OPTIONS: RunnerOptions = Object.freeze({
  cases: [],
  sizes: [],
  seed: 1,
  degree: 20,
  workers: undefined,
  peerThreads: 2,
  pythonPeers: true,
  graphology: true,
  peerTimeoutSeconds: 900,
  inProcess: false,
  out: 'benchmarks/results/latest.json',
  docs: 'docs/benchmarks.md',
  provisional: true,
  log: (line: string) => process.stderr.write(line + '\n'),
});

const RUN_SCRIPT = fileURLToPath(new URL('./run.ts', import.meta.url));

/** The sizes a case runs at under `sizes` (empty = its defaults). */
export function caseSizes(c: BenchCase, sizes: readonly number[]): number[] {
  return (sizes.length ? sizes : c.sizes).filter((s) => s <= c.maxSize);
}

/** Evaluate a case's targets on a result (targets only apply at their size). */
export function withTargets(c: BenchCase, r: Omit<CaseResult, 'targets'>): CaseResult {
  const targets = (c.targets ?? []).filter((t) => t.size === r.size);
  const base = { ...r, targets: [] } as CaseResult;
  const beats = (tools: readonly string[]): boolean | null => {
    const measured = r.peers.filter((p) => tools.includes(p.tool) && p.speedup !== undefined);
    if (!r.available || measured.length === 0) return null;
    return measured.every((p) => p.speedup! > 1);
  };
  return {
    ...r,
    targets: targets.map((t) => ({
      description: t.description,
      met: r.available ? t.check(base) : null,
      ...(t.beat ? { beatsPeersHere: beats(t.beat) } : {}),
    })),
  };
}

/** Run one case at one size in this process (used by the CI smoke test and `--in-process`). */
export async function runCaseHere(c: BenchCase, ctx: CaseContext): Promise<CaseResult> {
  let outcome: CaseOutcome;
  try {
    outcome = await c.run(ctx);
  } catch (err) {
    outcome = { available: false, reason: `error: ${(err as Error).message}` };
  }
  return withTargets(c, {
    id: c.id,
    key: c.key,
    name: c.name(ctx.size, ctx.degree),
    size: ctx.size,
    ...outcome,
    peers: outcome.peers ?? [],
  });
}

function runCaseInChild(c: BenchCase, ctx: Omit<CaseContext, 'log'>): CaseOutcome {
  const args = [
    '--expose-gc',
    '--max-old-space-size=12000',
    '--import',
    'tsx',
    RUN_SCRIPT,
    '--child',
    c.key,
    '--sizes',
    String(ctx.size),
    '--seed',
    String(ctx.seed),
    '--degree',
    String(ctx.degree),
    ...(ctx.workers === undefined ? [] : ['--workers', String(ctx.workers)]),
    ...(ctx.graphology ? [] : ['--no-graphology']),
    ...(ctx.dataDir ? ['--data-dir', ctx.dataDir] : []),
  ];
  const proc = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 2 ** 20 });
  const last = proc.stdout?.trim().split('\n').pop() ?? '';
  if (proc.status !== 0 || !last.startsWith('{')) {
    return { available: false, reason: `child process failed (status ${proc.status}${proc.signal ? `, ${proc.signal}` : ''})` };
  }
  return JSON.parse(last) as CaseOutcome;
}

/** Child mode: run one case, print its outcome as the last stdout line. */
export async function childMain(key: string, ctx: CaseContext): Promise<void> {
  const [c] = selectCases([key]);
  let outcome: CaseOutcome;
  try {
    outcome = await c.run(ctx);
  } catch (err) {
    outcome = { available: false, reason: `error: ${(err as Error).message}` };
  }
  process.stdout.write(JSON.stringify(outcome) + '\n');
}

function readResults(path: string): ResultsFile | null {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as ResultsFile;
  } catch {
    return null;
  }
}

function pythonVersion(): string | undefined {
  const p = spawnSync('python3', ['-c', 'import platform; print(platform.python_version())'], { encoding: 'utf8' });
  return p.status === 0 ? p.stdout.trim() : undefined;
}

/** Run the matrix; returns the results of this run (the results file holds them merged with older ones). */
export async function runBenchmarks(options: Partial<RunnerOptions> = {}): Promise<CaseResult[]> {
  const o: RunnerOptions = { ...DEFAULT_RUNNER_OPTIONS, ...options };
  const cases = selectCases(o.cases);
  const machine = { ...machineInfo(), python: pythonVersion() };
  const done: CaseResult[] = [];
  for (const c of cases) {
    for (const size of caseSizes(c, o.sizes)) {
      const name = c.name(size, o.degree);
      o.log(`${name}`);
      const genOptions = { people: size, seed: o.seed, averageDegree: o.degree };
      const wantPeers = o.pythonPeers && c.pythonPeerCase !== undefined && size <= (c.pythonPeerMaxSize ?? Infinity);
      const dataDir = defaultOrgDir(genOptions);
      if (c.needsFiles || wantPeers) {
        const { generated } = await ensureOrgFiles(genOptions, dataDir);
        if (generated) o.log(`  wrote org files to ${dataDir}`);
      }
      const load = loadavg()[0];
      const ctx = { size, seed: o.seed, degree: o.degree, workers: o.workers, graphology: o.graphology, smoke: false, dataDir };
      const outcome = o.inProcess
        ? await (async () => {
            const r = await runCaseHere(c, { ...ctx, log: o.log });
            return r as CaseOutcome;
          })()
        : runCaseInChild(c, ctx);
      const peers = [...(outcome.peers ?? [])];
      if (wantPeers) {
        o.log(`  python peers (${c.pythonPeerCase}) ...`);
        peers.push(
          ...pythonPeers({
            peerCase: c.pythonPeerCase!,
            dir: dataDir,
            threads: o.peerThreads,
            timeoutSeconds: o.peerTimeoutSeconds,
            orgraphSeconds: outcome.available ? outcome.seconds : undefined,
            orgraphTop10: outcome.top10,
            referenceTop: outcome.referenceTop,
          }),
        );
      }
      const result = withTargets(c, { ...outcome, id: c.id, key: c.key, name, size, peers });
      const entry = { ...result, when: new Date().toISOString(), loadAverage: load };
      done.push(result);
      o.log(
        `  orgraph ${result.available ? `${result.seconds?.toFixed(3)} s` : `n/a: ${result.reason}`}` +
          peers.map((p) => `; ${p.tool} ${p.available ? `${p.seconds?.toFixed(3)} s` : 'n/a'}`).join(''),
      );
      // Merge into the results file after every case, so an interrupted run keeps what it measured.
      const previous = readResults(o.out);
      const kept = (previous?.results ?? []).filter((r) => !(r.id === entry.id && r.size === entry.size));
      const file: ResultsFile = {
        schema: 1,
        machine,
        provisional: o.provisional,
        updated: new Date().toISOString(),
        results: [...kept, entry].sort((a, b) => a.id - b.id || a.size - b.size),
      };
      mkdirSync(dirname(o.out), { recursive: true });
      writeFileSync(o.out, JSON.stringify(file, null, 2) + '\n');
    }
  }
  if (existsSync(o.out)) refreshTargets(o.out);
  if (o.docs && existsSync(o.out)) updateDocs(o.out, o.docs);
  return done;
}

/** Re-evaluate every stored result's targets with the current case definitions (rewrites the file). */
export function refreshTargets(resultsPath: string): void {
  const file = readResults(resultsPath);
  if (!file) return;
  const results = file.results.map((r) => {
    const c = selectCases([]).find((x) => x.id === r.id && x.key === r.key);
    return c ? { ...r, ...withTargets(c, r) } : r;
  });
  writeFileSync(resultsPath, JSON.stringify({ ...file, results }, null, 2) + '\n');
}
