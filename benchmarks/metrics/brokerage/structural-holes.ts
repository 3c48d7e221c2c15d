/**
 * Structural-holes benchmark
 * orgraph's constraint + hierarchy (one pass) and effective size on the prebuilt CSR of a seeded
 * generated org, against igraph's `constraint` (C) and NetworkX's `constraint` / `effective_size`
 * (sparse-matrix path for all people; effective size above 20k people on a seeded sample of people,
 * extrapolated) on the very same edges. See scripts/bench/brokerage_peers.py.
 * Reference: Burt, R. S. (1992). Structural Holes. Harvard University Press.
 *
 * Usage as a script:
 *   npx tsx benchmarks/metrics/brokerage/structural-holes.ts [--people 100000] [--seed 1] [--degree 20]
 *     [--sample 1000] [--no-peers]
 * As a case of the benchmark runner: export `structuralHolesCase` (register it in benchmarks/cases.ts).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { constraintAndHierarchy } from '../../../src/metrics/brokerage/hierarchy.js';
import { effectiveSizeAndEfficiency } from '../../../src/metrics/brokerage/efficiency.js';
import type { NodeScores } from '../../../src/metrics/scores.js';
import { orgFixture } from '../../fixture.js';
import { defaultOrgDir, ensureOrgFiles } from '../../generate/org-graph.js';
import { caseName, measure, topIndices, type BenchCase, type CaseContext, type CaseOutcome, type PeerResult } from '../../harness.js';

const PEERS = fileURLToPath(new URL('../../../scripts/bench/brokerage_peers.py', import.meta.url));

interface PeerMeasure {
  seconds: number;
  extrapolated: boolean;
  path: 'sparse' | 'per-person';
  people: number;
  values: (number | null)[];
}
interface PeerOutput {
  n: number;
  sample: number[];
  tools: Record<string, { available: boolean; reason?: string; version?: string; constraint?: PeerMeasure; effectiveSize?: PeerMeasure }>;
}

/** Largest relative difference between orgraph's values and a peer's on the sampled people. */
function maxRelativeDiff(ours: NodeScores, sample: number[], theirs: (number | null)[]): number {
  let worst = 0;
  sample.forEach((i, k) => {
    const t = theirs[k];
    const o = ours.values[i];
    if (t === null) {
      if (!Number.isNaN(o)) worst = Infinity;
      return;
    }
    worst = Math.max(worst, Math.abs(o - t) / Math.max(Math.abs(t), 1e-300));
  });
  return worst;
}

/** Run the peers script; failures become unavailable peers with the reason. */
function runPeers(dir: string, sample: number, timeoutSeconds: number): PeerOutput | string {
  const proc = spawnSync('python3', [PEERS, '--dir', dir, '--sample', String(sample)], {
    encoding: 'utf8',
    timeout: timeoutSeconds * 1000,
    maxBuffer: 64 * 2 ** 20,
  });
  if (proc.error) return proc.error.message;
  if (proc.status !== 0) return `brokerage_peers.py exited ${proc.status}: ${proc.stderr.trim().split('\n').pop() ?? ''}`;
  return JSON.parse(proc.stdout.trim().split('\n').pop()!) as PeerOutput;
}

/** Time orgraph, then the peers, on the generated org of `ctx.size` people. */
export async function structuralHoles(ctx: CaseContext, options: { peers?: boolean; sample?: number } = {}): Promise<CaseOutcome> {
  const f = orgFixture(ctx.size, ctx.seed, ctx.degree);
  const view = f.view;
  let ch: ReturnType<typeof constraintAndHierarchy> | undefined;
  let es: ReturnType<typeof effectiveSizeAndEfficiency> | undefined;
  ctx.log('  orgraph constraint + hierarchy ...');
  const tc = await measure(
    () => {
      ch = constraintAndHierarchy(view);
    },
    { smoke: ctx.smoke },
  );
  ctx.log('  orgraph effective size + efficiency ...');
  const te = await measure(
    () => {
      es = effectiveSizeAndEfficiency(view);
    },
    { smoke: ctx.smoke },
  );
  const peers: PeerResult[] = [];
  const notes: string[] = [`orgraph constraint+hierarchy ${tc.seconds.toFixed(3)} s, effective size+efficiency ${te.seconds.toFixed(3)} s`];
  if (options.peers !== false && !ctx.smoke) {
    const dir = ctx.dataDir ?? defaultOrgDir({ people: ctx.size, seed: ctx.seed, averageDegree: ctx.degree });
    await ensureOrgFiles({ people: ctx.size, seed: ctx.seed, averageDegree: ctx.degree }, dir);
    ctx.log('  python peers (igraph constraint, networkx constraint / effective_size) ...');
    const out = runPeers(dir, options.sample ?? 1000, 3600);
    if (typeof out === 'string') {
      peers.push({ tool: 'igraph', available: false, reason: out }, { tool: 'NetworkX', available: false, reason: out });
    } else {
      for (const [tool, r] of Object.entries(out.tools)) {
        const label = tool === 'igraph' ? 'igraph' : 'NetworkX';
        if (!r.available) {
          peers.push({ tool: label, available: false, reason: r.reason });
          continue;
        }
        for (const [what, m, ours, oursSeconds] of [
          ['constraint', r.constraint, ch!.constraint, tc.seconds],
          ['effective size', r.effectiveSize, es!.effectiveSize, te.seconds],
        ] as const) {
          if (!m) continue;
          const diff = maxRelativeDiff(ours, out.sample, m.values);
          peers.push({
            tool: `${label} ${what}`,
            available: true,
            version: r.version,
            threads: 1,
            seconds: m.seconds,
            speedup: m.seconds / oursSeconds,
          });
          notes.push(
            `${label} ${what}: ${m.seconds.toFixed(3)} s${m.extrapolated ? ` (extrapolated from ${m.people} people)` : ''}` +
              `${tool === 'networkx' ? ` [${m.path} path]` : ''}, ` +
              `${(m.seconds / oursSeconds).toFixed(1)}x orgraph; max relative difference on ${out.sample.length} sampled people ${diff.toExponential(1)}`,
          );
        }
      }
    }
  }
  return {
    available: true,
    m: f.org.m,
    seconds: tc.seconds,
    runs: tc.runs,
    stages: { constraintHierarchy: tc.seconds, effectiveSizeEfficiency: te.seconds },
    top10: topIndices(
      ch!.constraint.values.map((c) => (Number.isNaN(c) ? -Infinity : -c)),
      10,
    ),
    peers,
    notes,
  };
}

/** Runner case: constraint + hierarchy (the timed figure) with effective size as a stage. */
export const structuralHolesCase: BenchCase = {
  id: 11,
  key: 'structural-holes',
  sizes: [10_000, 100_000],
  maxSize: 1_000_000,
  name: (n, d) => caseName(11, 'constraint + hierarchy, effective size', n, d, 'weighted'),
  needsFiles: true,
  targets: [
    {
      size: 100_000,
      description: 'constraint, effective size and hierarchy for 100k people faster than igraph constraint and NetworkX',
      check: (r) => (r.seconds === undefined ? null : r.peers.every((p) => !p.available || (p.speedup ?? 0) > 1)),
      beat: ['igraph constraint', 'NetworkX constraint', 'NetworkX effective size'],
    },
  ],
  run: (ctx) => structuralHoles(ctx),
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const value = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const size = value('people', 100_000);
  const seed = value('seed', 1);
  const degree = value('degree', 20);
  const ctx: CaseContext = { size, seed, degree, workers: 1, graphology: false, smoke: false, log: (l) => process.stderr.write(l + '\n') };
  const r = await structuralHoles(ctx, { peers: !args.includes('--no-peers'), sample: value('sample', 1000) });
  console.log(structuralHolesCase.name(size, degree));
  console.log(`  ties: ${r.m}`);
  for (const note of r.notes ?? []) console.log(`  ${note}`);
  for (const p of r.peers ?? []) if (!p.available) console.log(`  ${p.tool}: unavailable (${p.reason})`);
  console.log(`  node ${process.version}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
