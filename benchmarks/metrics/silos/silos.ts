/**
 * Silo measures benchmark
 * Times the E-I index (values, and per label permutation), the group mixing matrix, the group
 * measures and Louvain on a seeded generated org (benchmarks/generate/org-graph.ts), grouped by
 * department, on a prebuilt view (ingest and projection are timed separately). Each step logs wall
 * time, CPU time (user + system, all threads) and the process's peak RSS so far; Louvain logs its
 * modularity next to its time; graphology-communities-louvain alone (one run, no refinement, graph
 * construction included) is the in-process peer, run up to --peer-max people (default 200,000: at
 * 1M people it did not finish in 12 minutes).
 * Target: E-I, mixing and Louvain each under 30 s on a 1M-person org graph.
 *
 * Usage: npx tsx benchmarks/metrics/silos/silos.ts [--people 100000] [--degree 20] [--seed 1] [--runs 1]
 *   [--department-size 500] [--peer-max 200000] [--only-louvain 1]
 */
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import { louvain } from '../../../src/metrics/silos/communities.js';
import { conductance } from '../../../src/metrics/silos/conductance.js';
import { eiIndex } from '../../../src/metrics/silos/ei-index.js';
import { groupPartition } from '../../../src/metrics/silos/groups.js';
import { mixing } from '../../../src/metrics/silos/mixing.js';
import { modularity } from '../../../src/metrics/silos/modularity.js';
import { siloScore } from '../../../src/metrics/silos/silo-score.js';
import { yulesQ } from '../../../src/metrics/silos/yules-q.js';
import { project } from '../../../src/model/projection.js';
import { generateOrg, toOrgGraph } from '../../generate/org-graph.js';

function arg(name: string, fallback: number): number {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 ? Number(process.argv[k + 1]) : fallback;
}

function time<T>(label: string, fn: () => T, note: (r: T) => string = () => ''): T {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = fn();
  const s = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  const rss = process.resourceUsage().maxRSS / 1024;
  console.log(
    `${label.padEnd(62)} ${s.toFixed(2).padStart(8)} s wall ${cpu.toFixed(2).padStart(8)} s cpu  peak RSS ${rss.toFixed(0).padStart(6)} MB  ${note(r)}`,
  );
  return r;
}

const people = arg('people', 100_000);
const degree = arg('degree', 20);
const seed = arg('seed', 1);
const runs = arg('runs', 1);
// Mean department size: 500 keeps a 1M org at 2,000 departments (the mixing matrix takes up to 2,048).
const departmentSize = arg('department-size', 500);
const peerMax = arg('peer-max', 200_000);
const onlyLouvain = arg('only-louvain', 0) === 1;
const tag = `org n=${people} deg=${degree} dept=${departmentSize} seed=${seed}`;
console.log(`node ${process.version}; ${tag}`);

const org = time(
  `0 generate, ${tag}`,
  () => generateOrg({ people, seed, averageDegree: degree, peoplePerDepartment: departmentSize }),
  (o) => `${o.m} ties, ${o.departmentCount} departments`,
);
const graph = time('0 OrgGraph', () => toOrgGraph(org));
const view = time('0 project (undirected, weighted)', () => project(graph));
const groups = onlyLouvain
  ? null!
  : time(
      '1 groups by department',
      () => groupPartition(view, 'department'),
      (g) => `${g.names.length} groups`,
    );
if (!onlyLouvain) {
  time(
    `2 eiIndex, ${tag}`,
    () => eiIndex(view, groups, { permutations: 0 }),
    (r) => `E-I ${r.network.value.toFixed(4)}`,
  );
  const perms = 10;
  time(
    `3 eiIndex + ${perms} permutations, ${tag}`,
    () => eiIndex(view, groups, { permutations: perms }),
    (r) => `expected ${r.network.test?.expected.toFixed(4)}`,
  );
  time(
    `4 mixing, ${tag}`,
    () => mixing(view, groups),
    (r) => `${r.totalTies} ties`,
  );
  time(`5 conductance + siloScore + modularity + Yule's Q, ${tag}`, () => [
    conductance(view, groups),
    siloScore(view, groups),
    modularity(view, groups),
    yulesQ(view, groups).value,
  ]);
}
time(
  `6 louvain (runs=${runs}), ${tag}`,
  () => louvain(view, { seed, runs }),
  (r) => `Q=${r.modularity.toFixed(4)}, ${r.count} communities`,
);
const impl = ((louvainModule as unknown as { default?: unknown }).default ?? louvainModule) as unknown as {
  detailed: (g: UndirectedGraph, o: object) => { modularity: number; count: number };
};
if (people <= peerMax)
  time(
    `7 peer: graphology-communities-louvain alone (1 run), ${tag}`,
    () => {
      const g = new UndirectedGraph();
      const { csr } = view;
      for (let i = 0; i < csr.n; i++) g.addNode(String(i));
      for (let i = 0; i < csr.n; i++) {
        for (let p = csr.offsets[i]; p < csr.offsets[i + 1]; p++)
          if (csr.targets[p] > i) g.addEdge(String(i), String(csr.targets[p]), { weight: csr.weights[p] });
      }
      let s = seed >>> 0;
      return impl.detailed(g, { rng: () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296 });
    },
    (r) => `Q=${r.modularity.toFixed(4)}, ${r.count} communities`,
  );
