/**
 * Candidate features for the recommendation-quality evaluation and its weight tuning: for one data
 * set and one hiding of 10% of its cross-group ties, every cross-group pair not tied in what remains,
 * with its neighbourhood scores, degrees, ties into the other group and whether it was hidden.
 * Used by scripts/eval/recommendation-quality.ts and scripts/eval/tune.ts (not part of the library).
 */
import { join } from 'node:path';
import { mulberry32 } from '../../src/core/util/random.js';
import { clearLocalPaths, localPathScratch, localPathSweep } from '../../src/core/paths/local-paths.js';
import { strengths } from '../../src/core/structure/link-scores.js';
import { loadFolder } from '../../src/ingest/index.js';
import { project } from '../../src/model/projection.js';
import { groupLabels, sortedAdjacency } from '../../src/recommend/groups.js';
import { auc, precisionAtK } from '../../src/recommend/ranking-quality.js';
import { withoutEdges, type EdgeListAdjacency } from '../../src/recommend/score-fit.js';

const ROOT = join(import.meta.dirname, '..', '..');
export const HIDE = 0.1;

export interface Prepared {
  dataset: string;
  attribute: string;
  adj: ReturnType<typeof sortedAdjacency>;
  labels: Int32Array;
  groups: number;
  cross: number[];
}

export async function prepare(dataset: string, attribute: string): Promise<Prepared> {
  const graph = (await loadFolder(join(ROOT, 'test', 'fixtures', 'datasets', dataset))).graph;
  const view = project(graph);
  // Public research data sets, evaluated as published: groups as they are (explicit opt-out of the
  // minimum group size, docs/privacy.md).
  const groups = groupLabels(view, attribute, { minGroupSize: 1 });
  const adj = sortedAdjacency(view, { weighted: true });
  const labels = groups.labels;
  const cross: number[] = [];
  for (let e = 0; e < adj.edgeU.length; e++) {
    const g = labels[adj.edgeU[e]];
    const h = labels[adj.edgeV[e]];
    if (g >= 0 && h >= 0 && g !== h) cross.push(e);
  }
  return { dataset, attribute, adj, labels, groups: groups.names.length, cross };
}

/** Feature columns, one entry per candidate pair. */
export interface Features {
  count: number;
  positive: Uint8Array;
  cn: Float64Array;
  aa: Float64Array;
  ra: Float64Array;
  raw: Float64Array;
  ra3: Float64Array;
  jaccard: Float64Array;
  ka: Float64Array;
  kb: Float64Array;
  /** a's contacts in b's group, b's contacts in a's group. */
  toB: Float64Array;
  toA: Float64Array;
  /** Ties between the two groups and the sizes of the groups (training graph). */
  pairTies: Float64Array;
  sizeA: Float64Array;
  sizeB: Float64Array;
  random: Float64Array;
  /** 2 with a mutual contact, 3 with only three-step chains, 4 farther. */
  hops: Float64Array;
  /** The training graph (the hidden ties removed). */
  train: EdgeListAdjacency;
}

/** The hidden edge ids of hiding `seed` (a seeded shuffle of the cross-group ties). */
export function hiding(p: Prepared, seed: number): Set<number> {
  const random = mulberry32(seed);
  const shuffled = p.cross.slice();
  for (let t = shuffled.length - 1; t > 0; t--) {
    const u = Math.floor(random() * (t + 1));
    [shuffled[t], shuffled[u]] = [shuffled[u], shuffled[t]];
  }
  return new Set(shuffled.slice(0, Math.round(HIDE * p.cross.length)));
}

/** Features of every candidate of one hiding. */
export function features(p: Prepared, seed: number): Features {
  return featuresFor(p, hiding(p, seed), seed);
}

/**
 * Features of every candidate when the edges `hidden` (ids into p.adj's edge list) are held out.
 * Every feature is computed on the training graph (p.adj without `hidden`) only; the hidden set is
 * read for the `positive` column alone (test/recommend/introduction-leak.test.ts checks this).
 */
export function featuresFor(p: Prepared, hidden: ReadonlySet<number>, seed = 0): Features {
  const { adj, labels } = p;
  const n = adj.n;
  const hiddenKey = new Set<number>();
  for (const e of hidden) hiddenKey.add(adj.edgeU[e] * n + adj.edgeV[e]);
  const train = withoutEdges(adj, hidden);
  const str = strengths(train);
  const scratch = localPathScratch(n);
  const deg = (x: number) => train.offsets[x + 1] - train.offsets[x];
  // Ties into each group, per person, and between groups, in the training graph.
  const k = p.groups;
  const into = new Float64Array(n * k);
  const pairTies = new Float64Array(k * k);
  const size = new Float64Array(k);
  for (let i = 0; i < n; i++) if (labels[i] >= 0) size[labels[i]]++;
  for (let i = 0; i < n; i++) {
    for (let q = train.offsets[i]; q < train.offsets[i + 1]; q++) {
      const g = labels[train.targets[q]];
      if (g < 0) continue;
      into[i * k + g]++;
      if (labels[i] >= 0) pairTies[labels[i] * k + g] += 0.5;
    }
  }
  const cols: Record<string, number[]> = {};
  const names = [
    'positive',
    'cn',
    'aa',
    'ra',
    'raw',
    'ra3',
    'jaccard',
    'ka',
    'kb',
    'toB',
    'toA',
    'pairTies',
    'sizeA',
    'sizeB',
    'random',
    'hops',
  ];
  for (const c of names) cols[c] = [];
  const scoreRandom = mulberry32(77 + seed);
  const stamp = new Int32Array(n).fill(-1);
  for (let a = 0; a < n; a++) {
    const ga = labels[a];
    if (ga < 0) continue;
    localPathSweep(train, str, a, (j) => j > a && labels[j] >= 0 && labels[j] !== ga, scratch, true);
    for (let t = 0; t < scratch.reached; t++) stamp[scratch.touched[t]] = a;
    for (let q = train.offsets[a]; q < train.offsets[a + 1]; q++) stamp[train.targets[q]] = -2 - a;
    for (let b = a + 1; b < n; b++) {
      const gb = labels[b];
      if (gb < 0 || gb === ga || stamp[b] === -2 - a) continue;
      const reached = stamp[b] === a;
      const cn = reached ? scratch.common[b] : 0;
      cols.positive.push(hiddenKey.has(a * n + b) ? 1 : 0);
      cols.cn.push(cn);
      cols.aa.push(reached ? scratch.adamicAdar[b] : 0);
      cols.ra.push(reached ? scratch.resourceAllocation[b] : 0);
      cols.raw.push(reached ? scratch.resourceAllocationWeighted[b] : 0);
      cols.ra3.push(reached ? scratch.resourceAllocation3[b] : 0);
      cols.jaccard.push(cn > 0 ? cn / (deg(a) + deg(b) - cn) : 0);
      cols.ka.push(deg(a));
      cols.kb.push(deg(b));
      cols.toB.push(into[a * k + gb]);
      cols.toA.push(into[b * k + ga]);
      cols.pairTies.push(pairTies[ga * k + gb]);
      cols.sizeA.push(size[ga]);
      cols.sizeB.push(size[gb]);
      cols.random.push(scoreRandom());
      cols.hops.push(!reached ? 4 : cn > 0 ? 2 : 3);
    }
    clearLocalPaths(scratch);
  }
  const out: Record<string, unknown> = { count: cols.cn.length, positive: Uint8Array.from(cols.positive), train };
  for (const c of names.slice(1)) out[c] = Float64Array.from(cols[c]);
  return out as unknown as Features;
}

function split(score: Float64Array, positive: Uint8Array): [Float64Array, Float64Array] {
  const pos: number[] = [];
  const neg: number[] = [];
  for (let t = 0; t < score.length; t++) (positive[t] ? pos : neg).push(score[t]);
  return [Float64Array.from(pos), Float64Array.from(neg)];
}

/** AUC of the hidden ties against the other candidates (src/recommend/ranking-quality.ts). */
export function aucOf(score: Float64Array, positive: Uint8Array): number {
  return auc(...split(score, positive));
}

/** Precision at k of the hidden ties (src/recommend/ranking-quality.ts). */
export function precisionOf(k: number, score: Float64Array, positive: Uint8Array): number {
  return precisionAtK(k, ...split(score, positive));
}
