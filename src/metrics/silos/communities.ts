/**
 * Communities (Louvain)
 * The informal groups the ties themselves draw: Louvain modularity optimisation, weighted, at a
 * chosen resolution, with a seeded random order so that the same input always gives the same answer.
 * Reference: Blondel, V. D., Guillaume, J.-L., Lambiotte, R. & Lefebvre, E. (2008). Fast unfolding
 * of communities in large networks. J. Stat. Mech. P10008. Kernel: src/core/louvain.ts (typed arrays).
 */
import { csrFromEdges, type Csr } from '../../core/graph/csr.js';
import { mulberry32, runSeed } from '../../core/util/random.js';
import { louvainCommunities } from '../../core/community/louvain.js';
import { OrgraphError } from '../../model/errors.js';
import type { OrgView } from '../../model/projection.js';
import { NodeScores } from '../scores.js';
import type { GroupPartition } from './groups.js';
import { modularityOfLabels } from './modularity.js';

/** Options of {@link louvain}. */
export interface LouvainOptions {
  /** Modularity resolution gamma: > 1 gives more, smaller communities. @defaultValue 1 */
  readonly resolution?: number;
  /** Read tie strengths; false counts ties. @defaultValue true */
  readonly weighted?: boolean;
  /** Seed of the random node order. @defaultValue 1 */
  readonly seed?: number;
  /**
   * Independent runs (seeds derived from `seed`); the partition with the highest modularity is
   * kept. `'auto'` = round(3,000,000 / ties) clamped to [1, 30]: 30 runs (as the igraph reference,
   * best of 30) up to 100,000 ties, 3 runs at 1,000,000 ties, one run from 3,000,000 ties.
   * @defaultValue 'auto'
   */
  readonly runs?: number | 'auto';
  /** Progress: (done, total) in level-0 node units over every run and pass (see louvainCommunities). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Defaults of {@link LouvainOptions}. */
export const DEFAULT_LOUVAIN_OPTIONS = Object.freeze({
  resolution: 1,
  weighted: true,
  seed: 1,
  runs: 'auto',
} as const satisfies LouvainOptions);

/** What {@link louvain} returns. */
export interface LouvainResult {
  /**
   * The communities as a partition of the view's people (names "1", "2"... by decreasing size,
   * ties by first member in view order); usable by every group measure.
   */
  readonly partition: GroupPartition;
  /** Community number (1 = largest) of each person, aligned with `view.personIds`. */
  readonly people: NodeScores;
  /** Communities found (isolates count one each); 0 for an empty view. */
  readonly count: number;
  /** Modularity of the partition at `resolution`, on the undirected reading of the view; NaN without ties. */
  readonly modularity: number;
  /** The resolution gamma used (the `resolution` option). */
  readonly resolution: number;
  /** Whether tie strengths were read (the `weighted` option); false = ties counted. */
  readonly weighted: boolean;
  /** The base seed (the `seed` option); run r used a seed derived from (seed, r). */
  readonly seed: number;
  /** Runs asked for, with 'auto' resolved to a number; a view without ties runs none (`runModularities` empty). */
  readonly runs: number;
  /** Modularity reached by each run, in run order. */
  readonly runModularities: readonly number[];
}

/**
 * Louvain communities of a view.
 *
 * Maximises Q = 1/2m sum_ij [A_ij - gamma k_i k_j / 2m] delta(c_i, c_j) by local moves and
 * aggregation (Blondel et al. 2008) on the view's typed arrays (src/core/louvain.ts). Directed
 * views are read as undirected, a pair's value being a_ij + a_ji (as igraph's
 * `community_multilevel`, which has no directed variant); `weighted: false` counts ties. Each run
 * r draws its node orders from a generator seeded by (seed, r): same view, options and seed, same
 * communities. In a run, people are moved one at a time to the neighbouring community of largest
 * gain (from a queue in seeded random order, neighbours re-queued after a move) until no move
 * helps; each community is then refined into well-connected sub-communities (Leiden refinement,
 * Traag et al. 2019), which become the nodes of the next level, starting in their community;
 * levels stack until nothing merges; the top partition is projected back down with node moves on
 * every level (multi-level refinement, Rotta & Noack 2011). Views up to 1,000,000 ties get a second
 * pass started from the first pass's partition (kept only if it raises Q). The partition of highest
 * modularity over the runs is kept (ties: the earlier run). Isolates form communities of one; a
 * view without ties gives every person their own community and NaN modularity; an empty view gives
 * no community.
 *
 * Complexity: about O(m log n) time per run in practice (a few queue sweeps per level, levels
 * shrinking fast) and O(n + m) memory (a copy of the ties relabelled in breadth-first order, and
 * the smaller level graphs); a 1M-person, 10M-tie org takes one run of about 15 s of CPU.
 * @returns the partition, per-person community numbers and diagnostics (modularity per run)
 * @example
 * const c = louvain(view, { seed: 42, resolution: 1 });
 * c.count; c.modularity; c.people.get('ana'); // 3
 */
export function louvain(view: OrgView, options: LouvainOptions = {}): LouvainResult {
  const resolution = options.resolution ?? DEFAULT_LOUVAIN_OPTIONS.resolution;
  const weighted = options.weighted ?? DEFAULT_LOUVAIN_OPTIONS.weighted;
  const seed = options.seed ?? DEFAULT_LOUVAIN_OPTIONS.seed;
  const csr = undirectedReading(view.csr);
  const requested = options.runs ?? DEFAULT_LOUVAIN_OPTIONS.runs;
  const runs = requested === 'auto' ? autoRuns(csr.arcCount / 2) : requested;
  if (!Number.isFinite(resolution) || resolution <= 0) {
    throw new OrgraphError('E_BAD_OPTION', `resolution must be a finite number > 0, got ${resolution}`, { field: 'resolution' });
  }
  if (!Number.isInteger(runs) || runs < 1) {
    throw new OrgraphError('E_BAD_OPTION', `runs must be an integer >= 1, got ${runs}`, { field: 'runs' });
  }
  if (!Number.isInteger(seed)) {
    throw new OrgraphError('E_BAD_OPTION', `seed must be an integer, got ${seed}`, { field: 'seed' });
  }
  const n = csr.n;
  let best: Int32Array = Int32Array.from({ length: n }, (_, i) => i);
  let bestQ = NaN;
  const runModularities: number[] = [];
  if (csr.arcCount > 0) {
    // A second pass from the first pass's partition pays on small views, hardly on large ones.
    const iterations = csr.arcCount / 2 <= 1e6 ? 2 : 1;
    for (let r = 0; r < runs; r++) {
      const per = iterations * n;
      const onProgress = options.onProgress ? (d: number) => options.onProgress!(r * per + d, runs * per) : undefined;
      const found = louvainCommunities(csr, { resolution, weighted, random: mulberry32(runSeed(seed, r)), iterations, onProgress });
      const labels = found.labels;
      const k = found.count;
      const q = modularityOfLabels(csr, labels, k, resolution, weighted);
      runModularities.push(q);
      if (r === 0 || q > bestQ) {
        bestQ = q;
        best = labels;
      }
    }
  }
  // Step 4: canonical numbering: by decreasing size, then by first member.
  const { labels: canonical, sizes } = canonicalLabels(best);
  const count = sizes.length;
  const names = Object.freeze(Array.from({ length: count }, (_, c) => String(c + 1)));
  const partition: GroupPartition = { attribute: null, names, labels: canonical, sizes, missing: 0 };
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = canonical[i] + 1;
  const people = new NodeScores('community', view.personIds, values, {
    count,
    modularity: Number.isNaN(bestQ) ? null : bestQ,
    resolution,
    seed,
    runs,
  });
  return { partition, people, count, modularity: bestQ, resolution, weighted, seed, runs, runModularities: Object.freeze(runModularities) };
}

/** Runs for `'auto'`: round(3e6 / ties) clamped to [1, 30]. */
function autoRuns(ties: number): number {
  return Math.min(30, Math.max(1, Math.round(3e6 / Math.max(1, ties))));
}

/** The undirected reading of a CSR: a pair's value is a_ij + a_ji. */
function undirectedReading(g: Csr): Csr {
  if (!g.directed) return g;
  const sources = new Int32Array(g.arcCount);
  for (let i = 0; i < g.n; i++) for (let p = g.offsets[i]; p < g.offsets[i + 1]; p++) sources[p] = i;
  return csrFromEdges(g.n, { sources, targets: g.targets, weights: g.weights }, false);
}

/** Relabel 0..k-1 by decreasing community size, ties broken by the first member's index. */
function canonicalLabels(raw: Int32Array): { labels: Int32Array; sizes: Int32Array } {
  const n = raw.length;
  const first = new Map<number, number>();
  const size = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const c = raw[i];
    if (!first.has(c)) first.set(c, i);
    size.set(c, (size.get(c) ?? 0) + 1);
  }
  const order = [...first.keys()].sort((a, b) => size.get(b)! - size.get(a)! || first.get(a)! - first.get(b)!);
  const rank = new Map(order.map((c, r) => [c, r]));
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) labels[i] = rank.get(raw[i])!;
  return { labels, sizes: Int32Array.from(order, (c) => size.get(c)!) };
}
