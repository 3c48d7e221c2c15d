/**
 * The weighted WebAssembly Brandes kernel, two threads at once
 * What the full exact run follows: two worker threads running the kernel concurrently on disjoint
 * sources spread over the order, as the path pool runs them, so that their caches compete. On the
 * pool's graph (lengths 1/w, breadth-first order, distance backbone). Variants, alternated chunk by
 * chunk (the order rotating) so that all see the same machine:
 * - `own`: each thread lays out its own copy of the graph and its state in its own memory
 *   (WasmDijkstra.create, what a thread does when nobody hands it a graph);
 * - `shared`: one copy of the graph in one shared memory built here, each thread on its own region
 *   of it (wasmGraph + useWasmGraph, what the pool hands its workers);
 * - `old@<rev>` (with --against <rev>[,<rev>...]): brandes.ts, wasm-dijkstra.ts and brandes-wasm.ts at
 *   that git revision (copied into temp/brandes-wasm-pair/), each thread with its own memory
 *   (`git stash create` names the working tree's state, to pit uncommitted variants).
 * Each chunk: every thread runs `chunk` sources with one variant, both threads at once; wall time
 * of the pair and the process's CPU time (both threads; this one waits) per source. Prints, per
 * variant, wall and CPU per source, the ratios to the first variant, and the largest relative gap
 * between the variants' sums (0: the same bits).
 * Usage: npx tsx benchmarks/metrics/centrality/brandes-wasm-pair.ts [people] [sources per thread]
 *   [--threads 2] [--chunk 5] [--against <rev>[,<rev>...]] [--only own,shared] [--solo]
 * With --solo, after each pair chunk the first thread runs its chunk again alone (into a sum of its
 * own): CPU per source of one thread on the same sources, the same variant, the same minute.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { brandesSource, PathScratch } from '../../../src/core/paths/brandes.js';
import { useWasmGraph, wasmGraph, type WasmGraph } from '../../../src/core/paths/wasm-dijkstra.js';
import { bucketPlan, packArcs, type PathGraph } from '../../../src/core/graph/path-graph.js';

type Source = (g: PathGraph, s: number, out: Float64Array, scratch: PathScratch) => number;

interface PairData {
  readonly n: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly lengths: Float64Array;
  readonly shared: WasmGraph | null;
  readonly region: number;
  readonly variants: readonly string[];
  readonly against: readonly string[];
}

type Request = { readonly variant: number; readonly sources: readonly number[]; readonly solo: boolean } | { readonly done: true };

/** Where the kernel files of a git revision are copied. */
function kernelDir(rev: string): string {
  return resolve(`temp/brandes-wasm-pair/${rev.replace(/[^A-Za-z0-9]/g, '_')}`);
}

/**
 * brandes.ts and its WebAssembly engine at a git revision, copied (by the main thread, before the
 * workers start) with their relative imports outside the three pointed back at src/core.
 */
function copyKernelAt(rev: string): void {
  const dir = kernelDir(rev);
  mkdirSync(dir, { recursive: true });
  const own = ['brandes', 'wasm-dijkstra', 'brandes-wasm'];
  for (const name of own) {
    const text = execFileSync('git', ['show', `${rev}:src/core/paths/${name}.ts`], { encoding: 'utf8' }).replace(
      /from '(\.\.?\/[^']+)\.js'/g,
      (whole, path: string) => (own.some((o) => path === `./${o}`) ? whole : `from '${resolve('src/core/paths', path)}.js'`),
    );
    writeFileSync(resolve(dir, `${name}.ts`), text);
  }
}

/** The copied kernel of a revision (required, not imported: the workers run as CommonJS through tsx's hook). */
function kernelAt(rev: string): Source {
  return (createRequire(import.meta.url)(resolve(kernelDir(rev), 'brandes.ts')) as { brandesSource: Source }).brandesSource;
}

function worker(data: PairData): void {
  const port = parentPort!;
  const base: PathGraph = { n: data.n, offsets: data.offsets, targets: data.targets, lengths: data.lengths };
  const old = new Map(data.against.map((rev) => [`old@${rev}`, kernelAt(rev)]));
  // One graph object per variant: engines are kept per graph object.
  const runs = data.variants.map((name) => {
    const g: PathGraph = { ...base };
    if (name === 'shared' && !useWasmGraph(g, data.shared!, data.region)) throw new Error('shared engine refused');
    const source = old.get(name) ?? brandesSource;
    return { g, source, scratch: new PathScratch(g.n, bucketPlan(g)), out: new Float64Array(g.n), soloOut: new Float64Array(g.n) };
  });
  // Warm-up: every variant compiles and lays out its memory before the timed rounds.
  for (const r of runs)
    for (let k = 0; k < 4; k++) r.source(r.g, (k * 7919 + data.region * 104729) % r.g.n, new Float64Array(r.g.n), r.scratch);
  port.postMessage({ ready: true });
  port.on('message', (m: Request) => {
    if ('done' in m) {
      port.postMessage({ outs: runs.map((r) => r.out) });
      return;
    }
    const r = runs[m.variant];
    const t0 = performance.now();
    const out = m.solo ? r.soloOut : r.out;
    for (const s of m.sources) r.source(r.g, s, out, r.scratch);
    port.postMessage({ ms: performance.now() - t0 });
  });
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const valueOf = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const positional = argv.filter((a, i) => !a.startsWith('--') && !(argv[i - 1] ?? '').startsWith('--'));
  const people = Number(positional[0] ?? 100000);
  const perThread = Number(positional[1] ?? 150);
  const threads = Number(valueOf('--threads') ?? 2);
  const chunk = Number(valueOf('--chunk') ?? 5);
  const solo = argv.includes('--solo');
  const against = (valueOf('--against') ?? '').split(',').filter(Boolean);
  const variants = [...against.map((rev) => `old@${rev}`), ...(valueOf('--only') ?? 'own,shared').split(',').filter(Boolean)];
  for (const rev of new Set(against)) copyKernelAt(rev);

  const { orgFixture } = await import('../../fixture.js');
  const { pathInput } = await import('../../../src/metrics/centrality/path-common.js');
  const { breadthFirstOrder, permutePair } = await import('../../../src/core/graph/reorder.js');
  const { withoutNonBackboneArcs } = await import('../../../src/core/graph/backbone.js');
  const { withoutDetouredArcs } = await import('../../../src/core/graph/path-graph.js');
  const { BACKBONE_MIN_NODES } = await import('../../../src/core/graph/backbone.js');
  const { shared } = await import('../../../src/core/parallel/threads.js');
  const input = pathInput(orgFixture(people, 1, 20).view, true, 'inverse');
  const all = permutePair(input.pair, breadthFirstOrder(input.pair)).forward;
  const g = people >= BACKBONE_MIN_NODES ? withoutNonBackboneArcs(all) : withoutDetouredArcs(all);
  const plan = bucketPlan(g)!;
  const graph = wasmGraph(g, packArcs(g)!, plan, threads);
  if (graph === null) throw new Error('no shared WebAssembly memory');
  const n = g.n;
  const step = Math.max(1, Math.floor(n / (perThread * threads)));
  const lists: number[][] = Array.from({ length: threads }, () => []);
  for (let s = 0, k = 0; s < n && k < perThread * threads; s += step, k++) lists[k % threads].push(s);

  const workers = lists.map(
    (_, region) =>
      // This file again, through tsx's CommonJS hook (as src/core/parallel/dev-worker.cjs does).
      new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(fileURLToPath(import.meta.url))});`, {
        eval: true,
        workerData: {
          n,
          offsets: shared(g.offsets),
          targets: shared(g.targets),
          lengths: shared(g.lengths!),
          shared: graph,
          region,
          variants,
          against,
        } satisfies PairData,
      }),
  );
  // One reply awaited per worker at a time; a worker's error ends the run.
  const waiting = new Map<Worker, (reply: Record<string, unknown>) => void>();
  for (const w of workers) {
    w.on('message', (reply: Record<string, unknown>) => waiting.get(w)!(reply));
    w.on('error', (e) => {
      console.error(e);
      process.exit(1);
    });
  }
  const next = (w: Worker) => new Promise<Record<string, unknown>>((ok) => waiting.set(w, ok));
  await Promise.all(workers.map(next));
  const totals = variants.map((name) => ({ name, wallMs: 0, cpuUs: 0, threadMs: 0, soloCpuUs: 0, soloSources: 0 }));
  const chunks = Math.ceil(perThread / chunk);
  for (let c = 0; c < chunks; c++) {
    for (let j = 0; j < variants.length; j++) {
      const v = (j + c) % variants.length;
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const replies = workers.map(next);
      workers.forEach((w, k) =>
        w.postMessage({ variant: v, sources: lists[k].slice(c * chunk, (c + 1) * chunk), solo: false } satisfies Request),
      );
      const ms = await Promise.all(replies);
      totals[v].wallMs += performance.now() - t0;
      const used = process.cpuUsage(c0);
      totals[v].cpuUs += used.user + used.system;
      totals[v].threadMs += ms.reduce((a, r) => a + (r.ms as number), 0);
      if (solo) {
        // The first thread's chunk again, alone (into a separate sum): what the pair costs over one thread.
        const sources = lists[0].slice(c * chunk, (c + 1) * chunk);
        const s0 = process.cpuUsage();
        const reply = next(workers[0]);
        workers[0].postMessage({ variant: v, sources, solo: true } satisfies Request);
        await reply;
        const alone = process.cpuUsage(s0);
        totals[v].soloCpuUs += alone.user + alone.system;
        totals[v].soloSources += sources.length;
      }
    }
  }
  const outs = await Promise.all(
    workers.map((w) => {
      const reply = next(w);
      w.postMessage({ done: true } satisfies Request);
      return reply.then((r) => r.outs as Float64Array[]);
    }),
  );
  for (const w of workers) void w.terminate();
  // Each variant's sums over both threads (in thread order), against the first variant's.
  const sums = variants.map((_, v) => {
    const out = new Float64Array(n);
    for (const o of outs) for (let i = 0; i < n; i++) out[i] += o[v][i];
    return out;
  });
  let worst = 0;
  for (const s of sums.slice(1))
    for (let i = 0; i < n; i++)
      if (s[i] !== sums[0][i]) worst = Math.max(worst, Math.abs(s[i] - sums[0][i]) / Math.max(Math.abs(s[i]), Math.abs(sums[0][i])));
  const pairSources = lists.reduce((a, l) => a + l.length, 0);
  console.log(
    JSON.stringify({
      people,
      arcs: g.targets.length,
      threads,
      sourcesPerThread: perThread,
      chunk,
      sharedBytes: { graph: graph.graphBytes, region: graph.regionBytes },
      variants: totals.map((t) => ({
        name: t.name,
        wallMsPerPairSource: t.wallMs / (pairSources / threads),
        cpuMsPerSource: t.cpuUs / 1000 / pairSources,
        threadMsPerSource: t.threadMs / pairSources,
        cpuRatioFirstOverThis: totals[0].cpuUs / t.cpuUs,
        wallRatioFirstOverThis: totals[0].wallMs / t.wallMs,
        soloCpuMsPerSource: solo ? t.soloCpuUs / 1000 / t.soloSources : undefined,
      })),
      worstRelativeGap: worst,
      loadAverage: loadavg(),
    }),
  );
}

// No top-level await: the workers load this file as CommonJS.
if (isMainThread) void main();
else worker(workerData as PairData);
