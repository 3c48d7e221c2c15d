/**
 * Key players: KPP-Neg and KPP-Pos
 * The k people whose joint removal fragments the network most (KPP-Neg), and the k people who
 * together reach the most others within a few steps (KPP-Pos), by a greedy start and swap search.
 * Reference: Borgatti, S. P. (2006). Identifying sets of key players in a social network.
 * Comput. Math. Organ. Theory 12, 21-34.
 */
import { biconnected } from '../../core/structure/biconnected.js';
import { connectedComponents } from '../../core/graph/components.js';
import type { LengthTransform } from '../../core/graph/csr.js';
import { harmonicPairSum } from '../../core/paths/harmonic-pairs.js';
import { mulberry32 } from '../../core/util/random.js';
import { undirectedAdjacency, type UndirectedAdjacency } from '../../core/graph/undirected.js';
import { OrgraphError } from '../../model/errors.js';
import type { OrgView } from '../../model/projection.js';
import { edgeLengths, fragmentationFromHarmonic, fragmentationFromPairs } from './fragmentation.js';

/** Options shared by both searches. */
export interface KeyPlayerSearchOptions {
  /** Size of the key-player set. @defaultValue 3 */
  readonly k?: number;
  /**
   * Extra swap searches from seeded random starting sets, after the greedy one. Single swaps can
   * stall on plateaus (in a network with no cut point every single removal scores F = 0), so a few
   * restarts are on by default. @defaultValue 10
   */
  readonly restarts?: number;
  /** Seed of the random starting sets. @defaultValue 1 */
  readonly seed?: number;
  /** Most swap passes per start (each pass tries every member against every outsider). @defaultValue 100 */
  readonly maxIterations?: number;
  /** Aborting throws `E_ABORTED`. */
  readonly signal?: AbortSignal;
}

/** Options of {@link keyPlayersNeg}. */
export interface KeyPlayersNegOptions extends KeyPlayerSearchOptions {
  /** 'fragmentation' = F (components), 'distance' = DF (distance-weighted). @defaultValue 'fragmentation' */
  readonly objective?: 'fragmentation' | 'distance';
  /** DF only: path lengths from strengths (d = 1/w); false counts hops. @defaultValue true */
  readonly weighted?: boolean;
  /** DF only: how a strength becomes a length. @defaultValue 'inverse' */
  readonly length?: LengthTransform;
}

/** Defaults of {@link KeyPlayersNegOptions}. */
export const DEFAULT_KEY_PLAYERS_NEG_OPTIONS = Object.freeze({
  k: 3,
  restarts: 10,
  seed: 1,
  maxIterations: 100,
  objective: 'fragmentation' as 'fragmentation' | 'distance',
  weighted: true,
  length: 'inverse' as LengthTransform,
});

/** Options of {@link keyPlayersPos}. */
export interface KeyPlayersPosOptions extends KeyPlayerSearchOptions {
  /** L: a person is reached when within this many ties of a member. @defaultValue 1 */
  readonly maxDistance?: number;
}

/** Defaults of {@link KeyPlayersPosOptions}. */
export const DEFAULT_KEY_PLAYERS_POS_OPTIONS = Object.freeze({
  k: 3,
  restarts: 10,
  seed: 1,
  maxIterations: 100,
  maxDistance: 1,
});

/** A key-player set and how the search found it. */
export interface KeyPlayersResult {
  /** The set, in view order. */
  readonly ids: readonly string[];
  /** Objective of the set: F or DF after removing it (Neg), share of others reached (Pos). */
  readonly objective: number;
  /** Objective of the greedy starting set. */
  readonly greedyObjective: number;
  /** Swap passes run, over all starts. */
  readonly iterations: number;
  /** Swaps made, over all starts. */
  readonly swaps: number;
  /** True when no single swap improves the returned set (the last pass found none). */
  readonly localOptimum: boolean;
  /** Starting sets searched: 1 greedy + restarts. */
  readonly starts: number;
  /** Candidate sets whose objective was computed. */
  readonly evaluations: number;
}

/** KPP-Pos result: the set, its reach and the search diagnostics. */
export interface KeyPlayersPosResult extends KeyPlayersResult {
  /** People outside the set within `maxDistance` ties of a member. */
  readonly reached: number;
}

/**
 * KPP-Neg: the k people whose removal fragments the network most (Borgatti 2006).
 *
 *   maximise F(G - S)  = 1 - sum_c s_c (s_c - 1) / (r (r - 1))          objective 'fragmentation'
 *   or       DF(G - S) = 1 - sum_{i != j} (1 / d_ij) / (r (r - 1))       objective 'distance'
 *   over sets S of k people, r = n - k remaining
 *
 * Search: greedy (add the person whose removal raises the objective most, k times), then swap
 * passes: each pass evaluates every swap of a member for an outsider and makes the best one if it
 * improves the objective; it stops at a local optimum (no improving swap) or after `maxIterations`
 * passes. `restarts` repeats the swap search from seeded random sets; the best set is returned.
 * Ties between equal objectives go to the lower view index, so results are reproducible.
 *
 * Ties are read as undirected. F ignores weights; DF reads strengths as lengths d = 1/w unless
 * `weighted: false`. k must leave at least two people (k <= n - 2, else `E_BAD_OPTION`); k = 0
 * returns the empty set with the intact network's objective.
 *
 * Complexity, F: O(k (n + m)) per greedy step and per member in a swap pass, because one
 * Hopcroft-Tarjan search on G - (S minus a member) scores every possible replacement at once.
 * DF: O(n * n m) per step (every candidate needs all-pairs distances): for small networks only.
 *
 * @example
 * const kp = keyPlayersNeg(view, { k: 2 });
 * kp.ids;          // ['ana', 'bo']
 * kp.localOptimum; // true
 */
export function keyPlayersNeg(view: OrgView, options: KeyPlayersNegOptions = {}): KeyPlayersResult {
  const o = { ...DEFAULT_KEY_PLAYERS_NEG_OPTIONS, ...stripUndefined(options) };
  const adj = undirectedAdjacency(view.csr);
  const n = adj.n;
  checkSearchOptions(o, n, n - 2, 'k must leave at least two people (k <= n - 2)');
  const signal = options.signal;
  let scoreAdditions: (inSet: Uint8Array, size: number, out: Float64Array) => number;
  if (o.objective === 'fragmentation') {
    scoreAdditions = (inSet, size, out) => {
      const bc = biconnected(adj, inSet);
      const r = n - size - 1;
      for (let v = 0; v < n; v++) out[v] = inSet[v] ? NaN : fragmentationFromPairs(bc.pairsWithout[v], r);
      return n - size;
    };
  } else if (o.objective === 'distance') {
    const lengths = o.weighted ? edgeLengths(adj, o.length) : null;
    const stop = signal ? () => signal.aborted : null;
    scoreAdditions = (inSet, size, out) => {
      const r = n - size - 1;
      for (let v = 0; v < n; v++) {
        if (inSet[v]) {
          out[v] = NaN;
          continue;
        }
        inSet[v] = 1;
        const h = harmonicPairSum(adj, lengths, inSet, stop);
        inSet[v] = 0;
        if (!h.complete) throw aborted();
        out[v] = fragmentationFromHarmonic(h.sum, r);
      }
      return n - size;
    };
  } else {
    throw new OrgraphError('E_BAD_OPTION', `objective must be 'fragmentation' or 'distance', got "${String(o.objective)}"`, {
      field: 'objective',
    });
  }
  const value = (inSet: Uint8Array): number => {
    if (o.objective === 'fragmentation') {
      const cc = connectedComponents(adj, inSet);
      return fragmentationFromPairs(cc.reachablePairs, cc.remaining);
    }
    let r = 0;
    for (let v = 0; v < n; v++) if (!inSet[v]) r++;
    const h = harmonicPairSum(adj, o.weighted ? edgeLengths(adj, o.length) : null, inSet, null);
    return fragmentationFromHarmonic(h.sum, r);
  };
  const found = swapSearch(n, o, scoreAdditions, value, signal);
  return toResult(view, found);
}

/**
 * KPP-Pos: the k people who together reach the most others within L ties (Borgatti 2006, m-reach).
 *
 *   reach(S) = |{ j not in S : d(S, j) <= L }|,   d(S, j) = min over i in S of d(i, j) in hops
 *   objective = reach(S) / (n - k)                (share of the others reached)
 *
 * Same search as {@link keyPlayersNeg}: greedy start, best-swap passes to a local optimum or
 * `maxIterations`, optional seeded restarts, ties to the lower view index.
 *
 * Ties are read as undirected; weights play no part (L counts ties). k = n gives reach 0 and
 * objective NaN; k = 0 the empty set with objective 0 (NaN for an empty graph).
 * `k` outside [0, n] or L < 1 throws `E_BAD_OPTION`.
 *
 * Complexity: with L = 1, O(n + m) per greedy step and per member in a swap pass (every
 * candidate's new coverage from one scan); with L > 1, a depth-L search per candidate.
 *
 * @example
 * const kp = keyPlayersPos(view, { k: 2, maxDistance: 1 });
 * kp.reached; // people tied to ana or bo
 */
export function keyPlayersPos(view: OrgView, options: KeyPlayersPosOptions = {}): KeyPlayersPosResult {
  const o = { ...DEFAULT_KEY_PLAYERS_POS_OPTIONS, ...stripUndefined(options) };
  const adj = undirectedAdjacency(view.csr);
  const n = adj.n;
  checkSearchOptions(o, n, n, 'k must be at most the number of people');
  if (!Number.isInteger(o.maxDistance) || o.maxDistance < 1) {
    throw new OrgraphError('E_BAD_OPTION', `maxDistance must be an integer >= 1, got ${o.maxDistance}`, { field: 'maxDistance' });
  }
  const L = o.maxDistance;
  const ball = new BallSearch(adj, L);
  const share = (reached: number, size: number) => (n - size > 0 ? reached / (n - size) : NaN);
  const scoreAdditions = (inSet: Uint8Array, size: number, out: Float64Array): number => {
    const covered = ball.cover(inSet);
    // reach(S + v) = |Ball(S) u Ball(v)| - (|S| + 1)
    const fresh = ball.freshCounts(covered);
    for (let v = 0; v < n; v++) {
      out[v] = inSet[v] ? NaN : share(ball.coveredCount + fresh[v] - size - 1, size + 1);
    }
    return n - size;
  };
  const value = (inSet: Uint8Array): number => {
    ball.cover(inSet);
    let size = 0;
    for (let v = 0; v < n; v++) size += inSet[v];
    return share(ball.coveredCount - size, size);
  };
  const found = swapSearch(n, o, scoreAdditions, value, options.signal);
  const inSet = new Uint8Array(n);
  for (const v of found.set) inSet[v] = 1;
  ball.cover(inSet);
  return { ...toResult(view, found), reached: ball.coveredCount - found.set.length };
}

interface SearchOutcome {
  set: number[];
  objective: number;
  greedyObjective: number;
  iterations: number;
  swaps: number;
  localOptimum: boolean;
  starts: number;
  evaluations: number;
}

/**
 * Greedy start plus best-improvement swap passes, then the same from seeded random starts.
 * `scoreAdditions(inSet, size, out)` writes, for every v outside the set, the objective of the set
 * plus v (NaN inside), and returns how many candidates it scored.
 */
function swapSearch(
  n: number,
  o: { k: number; restarts: number; seed: number; maxIterations: number },
  scoreAdditions: (inSet: Uint8Array, size: number, out: Float64Array) => number,
  value: (inSet: Uint8Array) => number,
  signal: AbortSignal | undefined,
): SearchOutcome {
  const k = o.k;
  const inSet = new Uint8Array(n);
  const scores = new Float64Array(n);
  let evaluations = 0;
  const check = () => {
    if (signal?.aborted) throw aborted();
  };
  const improves = (candidate: number, best: number) =>
    !Number.isNaN(candidate) && (Number.isNaN(best) || candidate > best + 1e-12 * Math.max(1, Math.abs(best)));

  // Step 1: greedy start.
  for (let step = 0; step < k; step++) {
    check();
    evaluations += scoreAdditions(inSet, step, scores);
    let pick = -1;
    for (let v = 0; v < n; v++) {
      if (inSet[v]) continue;
      if (pick < 0 || improves(scores[v], scores[pick])) pick = v;
    }
    inSet[pick] = 1;
  }
  const greedyObjective = value(inSet);
  evaluations++;

  // Step 2: swap passes from a start, in place on `set`.
  let iterations = 0;
  let swaps = 0;
  const improve = (set: Uint8Array, start: number): { objective: number; localOptimum: boolean } => {
    let current = start;
    const members: number[] = [];
    for (let v = 0; v < n; v++) if (set[v]) members.push(v);
    if (k === 0 || k === n) return { objective: current, localOptimum: true };
    for (let pass = 0; pass < o.maxIterations; pass++) {
      iterations++;
      let best = current;
      let outIdx = -1;
      let inV = -1;
      for (let slot = 0; slot < members.length; slot++) {
        check();
        const u = members[slot];
        set[u] = 0;
        evaluations += scoreAdditions(set, k - 1, scores) - 1;
        set[u] = 1;
        for (let v = 0; v < n; v++) {
          if (set[v] || v === u) continue;
          if (improves(scores[v], best)) {
            best = scores[v];
            outIdx = slot;
            inV = v;
          }
        }
      }
      if (outIdx < 0) return { objective: current, localOptimum: true };
      set[members[outIdx]] = 0;
      set[inV] = 1;
      members[outIdx] = inV;
      swaps++;
      current = best;
    }
    return { objective: current, localOptimum: false };
  };

  const first = improve(inSet, greedyObjective);
  let bestSet = inSet.slice();
  let bestObjective = first.objective;
  let bestLocal = first.localOptimum;

  // Step 3: seeded random restarts.
  const random = mulberry32(o.seed);
  const pool = new Int32Array(n);
  for (let r = 0; r < o.restarts; r++) {
    check();
    const set = new Uint8Array(n);
    for (let v = 0; v < n; v++) pool[v] = v;
    for (let t = 0; t < k; t++) {
      const j = t + Math.floor(random() * (n - t));
      const tmp = pool[t];
      pool[t] = pool[j];
      pool[j] = tmp;
      set[pool[t]] = 1;
    }
    evaluations++;
    const got = improve(set, value(set));
    if (improves(got.objective, bestObjective)) {
      bestSet = set;
      bestObjective = got.objective;
      bestLocal = got.localOptimum;
    }
  }

  const set: number[] = [];
  for (let v = 0; v < n; v++) if (bestSet[v]) set.push(v);
  return {
    set,
    objective: bestObjective,
    greedyObjective,
    iterations,
    swaps,
    localOptimum: bestLocal,
    starts: 1 + o.restarts,
    evaluations,
  };
}

/** Coverage within L hops of a set, and each outsider's fresh coverage. */
class BallSearch {
  coveredCount = 0;
  private readonly covered: Uint8Array;
  private readonly fresh: Float64Array;
  private readonly queue: Int32Array;
  private readonly depth: Int32Array;
  private readonly stamp: Int32Array;
  private round = 0;

  constructor(
    private readonly g: UndirectedAdjacency,
    private readonly L: number,
  ) {
    this.covered = new Uint8Array(g.n);
    this.fresh = new Float64Array(g.n);
    this.queue = new Int32Array(g.n);
    this.depth = new Int32Array(g.n);
    this.stamp = new Int32Array(g.n).fill(-1);
  }

  /** Mark Ball_L(S) (members included) by a multi-source breadth-first search. */
  cover(inSet: Uint8Array): Uint8Array {
    const { offsets, targets, n } = this.g;
    const { covered, queue, depth } = this;
    covered.fill(0);
    let tail = 0;
    for (let v = 0; v < n; v++) {
      if (!inSet[v]) continue;
      covered[v] = 1;
      depth[v] = 0;
      queue[tail++] = v;
    }
    for (let head = 0; head < tail; head++) {
      const v = queue[head];
      if (depth[v] >= this.L) continue;
      for (let p = offsets[v]; p < offsets[v + 1]; p++) {
        const w = targets[p];
        if (covered[w]) continue;
        covered[w] = 1;
        depth[w] = depth[v] + 1;
        queue[tail++] = w;
      }
    }
    this.coveredCount = tail;
    return covered;
  }

  /** For every node v: |Ball_L(v) minus the covered set|. */
  freshCounts(covered: Uint8Array): Float64Array {
    const { offsets, targets, n } = this.g;
    const fresh = this.fresh;
    if (this.L === 1) {
      for (let v = 0; v < n; v++) {
        let c = covered[v] ? 0 : 1;
        for (let p = offsets[v]; p < offsets[v + 1]; p++) if (!covered[targets[p]]) c++;
        fresh[v] = c;
      }
      return fresh;
    }
    const { queue, depth, stamp } = this;
    for (let s = 0; s < n; s++) {
      const round = ++this.round;
      let tail = 0;
      queue[tail++] = s;
      stamp[s] = round;
      depth[s] = 0;
      let c = covered[s] ? 0 : 1;
      for (let head = 0; head < tail; head++) {
        const v = queue[head];
        if (depth[v] >= this.L) continue;
        for (let p = offsets[v]; p < offsets[v + 1]; p++) {
          const w = targets[p];
          if (stamp[w] === round) continue;
          stamp[w] = round;
          depth[w] = depth[v] + 1;
          if (!covered[w]) c++;
          queue[tail++] = w;
        }
      }
      fresh[s] = c;
    }
    return fresh;
  }
}

function toResult(view: OrgView, found: SearchOutcome): KeyPlayersResult {
  return {
    ids: found.set.map((v) => view.personIds[v]),
    objective: found.objective,
    greedyObjective: found.greedyObjective,
    iterations: found.iterations,
    swaps: found.swaps,
    localOptimum: found.localOptimum,
    starts: found.starts,
    evaluations: found.evaluations,
  };
}

function checkSearchOptions(
  o: { k: number; restarts: number; maxIterations: number; seed: number },
  n: number,
  maxK: number,
  why: string,
): void {
  if (!Number.isInteger(o.k) || o.k < 0 || o.k > Math.max(0, maxK)) {
    throw new OrgraphError('E_BAD_OPTION', `k = ${o.k} with ${n} people: ${why}`, { field: 'k' });
  }
  if (!Number.isInteger(o.restarts) || o.restarts < 0) {
    throw new OrgraphError('E_BAD_OPTION', `restarts must be an integer >= 0, got ${o.restarts}`, { field: 'restarts' });
  }
  if (!Number.isInteger(o.maxIterations) || o.maxIterations < 0) {
    throw new OrgraphError('E_BAD_OPTION', `maxIterations must be an integer >= 0, got ${o.maxIterations}`, { field: 'maxIterations' });
  }
  if (!Number.isFinite(o.seed)) {
    throw new OrgraphError('E_BAD_OPTION', `seed must be a finite number, got ${o.seed}`, { field: 'seed' });
  }
}

function aborted(): OrgraphError {
  return new OrgraphError('E_ABORTED', 'key-player search was aborted');
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined && k !== 'signal') (out as Record<string, unknown>)[k] = v;
  return out;
}
