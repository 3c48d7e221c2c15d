/**
 * Louvain modularity optimisation
 * Communities of an undirected weighted CSR by local node moves and aggregation, level after level,
 * on typed arrays only, with Leiden refinement before each aggregation and node moves on every
 * level on the way back down (multi-level refinement).
 * Reference: Blondel, V. D., Guillaume, J.-L., Lambiotte, R. & Lefebvre, E. (2008). Fast unfolding of
 * communities in large networks. J. Stat. Mech. P10008; queue of unstable nodes and refinement as in
 * Traag, V. A., Waltman, L. & van Eck, N. J. (2019). From Louvain to Leiden: guaranteeing
 * well-connected communities. Sci. Rep. 9, 5233; multi-level refinement as in Rotta, R. & Noack, A.
 * (2011). Multilevel local search algorithms for modularity clustering. ACM J. Exp. Algorithmics 16, 2.3.
 */
import type { Csr } from '../graph/csr.js';
import { breadthFirstOrderOf, relabelRows } from '../graph/reorder.js';
import { withDefaults } from '../util/options.js';
import { float64Arrays, int32Arrays } from '../util/typed-arrays.js';

/** One level of the hierarchy: an undirected CSR without self arcs, plus each node's self weight. */
interface Level {
  readonly n: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  /** Arc values; null reads every arc as 1 (unweighted level 0). */
  readonly weights: Float64Array | null;
  /** Strength of each node: its arc values plus `loops`. */
  readonly strength: Float64Array;
  /** Twice the weight inside each node (ties collapsed into it by aggregation); 0 on level 0. */
  readonly loops: Float64Array;
}

export interface LouvainKernelOptions {
  /** Resolution gamma > 0. */
  readonly resolution: number;
  /** Read arc values; false reads every arc as 1. */
  readonly weighted: boolean;
  /** Uniform [0, 1) generator for the node orders (seeded by the caller). */
  readonly random: () => number;
  /** Refine the final partition by node moves on every level, top down. @defaultValue true */
  readonly refine?: boolean;
  /** Leiden refinement before each aggregation (Traag et al. 2019). @defaultValue true */
  readonly leiden?: boolean;
  /** Passes; each starts from the partition of the one before; stops when one does not improve. @defaultValue 2 */
  readonly iterations?: number;
  /** Stop after this many levels. @defaultValue 64 */
  readonly maxLevels?: number;
  /**
   * Progress, in units of level-0 nodes: `iterations` x n in all. Within a pass, the first sweep of
   * level 0 counts for its first n / 2 units (one per node popped, reported every 65,536), the rest
   * of the pass (requeued nodes, higher levels, refinement) for the other n / 2. A pass that stops
   * the loop early jumps to the total.
   */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Defaults of the optional {@link LouvainKernelOptions} (frozen). */
const DEFAULT_LOUVAIN_KERNEL_OPTIONS = Object.freeze({ refine: true, leiden: true, iterations: 2, maxLevels: 64 });

export interface LouvainKernelResult {
  /** Community of each node, numbered 0..count-1 by first appearance in node order. */
  readonly labels: Int32Array;
  readonly count: number;
  /** Levels built (1 = no aggregation helped). */
  readonly levels: number;
  /** Node moves made, all levels and refinement included. */
  readonly moves: number;
}

/**
 * Louvain communities of an undirected CSR (both arcs of every edge stored, no self-loops).
 *
 *   Q = 1/2m sum_ij [A_ij - gamma k_i k_j / 2m] delta(c_i, c_j)
 *   gain(i -> c) = w_ic - gamma tot_c k_i / 2m     (i taken out of its community first)
 *
 * Each level: every node starts alone; nodes are visited from a FIFO queue filled in a random order;
 * a node moves to the neighbouring community of largest gain when it beats staying by more than a
 * relative 1e-12 (to an empty community when every gain is negative), and its neighbours outside
 * its new community are queued again; the level ends when the queue is empty. With `leiden`, each
 * community is then split into well-connected sub-communities (Leiden refinement, greedy); the
 * sub-communities (or, without `leiden`, the communities) become the nodes of the next level (arc
 * values summed, inner weight kept as a self weight), starting in their community, until a level
 * leaves every node alone. With `refine`, the top partition is projected down level by level and
 * improved by the same queued moves on each. With `iterations` > 1, further passes start from the
 * partition found; a pass is kept only if it raises Q. Level 0 is first relabelled in breadth-first
 * order (for the cache); labels are given in the input's node order. Isolates stay alone. A graph
 * without arcs gives every node its own community.
 *
 * Complexity: about O(m) per sweep of the queue, a few sweeps per level, levels shrinking fast:
 * O(m log n) in practice; memory O(n + m) (a relabelled copy of level 0 and the level graphs).
 * @returns labels in [0, count), numbered by first appearance; levels and moves as diagnostics
 * @example
 * const r = louvainCommunities(csr, { resolution: 1, weighted: true, random: mulberry32(1) });
 * r.count; r.labels[0];
 */
export function louvainCommunities(g: Csr, options: LouvainKernelOptions): LouvainKernelResult {
  const o = withDefaults(DEFAULT_LOUVAIN_KERNEL_OPTIONS, options);
  const { resolution: gamma, random, refine, maxLevels, leiden, iterations } = o;
  const n = g.n;
  // Step 1: level 0 is the graph itself (no copy).
  const weights = o.weighted ? g.weights : null;
  const strength = new Float64Array(n);
  let twoM = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    if (weights === null) s = g.offsets[i + 1] - g.offsets[i];
    else for (let p = g.offsets[i]; p < g.offsets[i + 1]; p++) s += weights[p];
    strength[i] = s;
    twoM += s;
  }
  if (!(twoM > 0)) return { labels: identity(n), count: n, levels: 0, moves: 0 };
  const scratch = new Scratch(n);
  // NOTE: level 0 is relabelled in breadth-first order (neighbours close in memory: the scattered
  // reads of neighbour communities then mostly hit the cache); labels are mapped back at the end.
  const order = breadthFirstOrderOf(g, { roots: 'index' });
  const level0 = permuteLevel(g, weights, strength, order);
  const state = { moves: 0, levels: 0 };
  const report = o.onProgress;
  let pass = 0;
  const half = Math.floor(n / 2);
  const tick = report ? (units: number) => report(pass * n + Math.min(n, units), iterations * n) : null;
  const context = { twoM, gamma, random, scratch, leiden, refine, maxLevels, state, tick, half };
  // Step 2: passes; each after the first starts from the partition of the one before, and the last
  // pass that improved modularity is kept.
  let labels = unfold(level0, null, context);
  let count = renumber(labels, n, scratch);
  let q = quality(level0, labels, count, twoM, gamma);
  for (let it = 1; it < iterations; it++) {
    pass = it;
    const next = unfold(level0, Int32Array.from(labels), context);
    const nextCount = renumber(next, n, scratch);
    const nextQ = quality(level0, next, nextCount, twoM, gamma);
    if (!(nextQ > q + 1e-12 * Math.abs(q))) break;
    labels = next;
    q = nextQ;
  }
  report?.(iterations * n, iterations * n);
  const original = new Int32Array(n);
  for (let t = 0; t < n; t++) original[order[t]] = labels[t];
  count = renumber(original, n, scratch);
  return { labels: original, count, levels: state.levels, moves: state.moves };
}

/** Level 0 with node `order[t]` renamed t. */
function permuteLevel(g: Csr, weights: Float64Array | null, strength: Float64Array, order: Int32Array): Level {
  const { n, offsets, targets, values } = relabelRows(g, weights, order);
  const newStrength = new Float64Array(n);
  for (let t = 0; t < n; t++) newStrength[t] = strength[order[t]];
  return { n, offsets, targets, weights: values, strength: newStrength, loops: new Float64Array(n) };
}

interface Context {
  readonly twoM: number;
  readonly gamma: number;
  readonly random: () => number;
  readonly scratch: Scratch;
  readonly leiden: boolean;
  readonly refine: boolean;
  readonly maxLevels: number;
  readonly state: { moves: number; levels: number };
  /** Progress within the current pass, in level-0 node units (null: not reported). */
  readonly tick: ((units: number) => void) | null;
  /** Units of the first level-0 sweep: floor(n / 2). */
  readonly half: number;
}

/**
 * One multilevel pass from `initial` (labels in [0, n); null = every node alone): move, (refine),
 * aggregate, until a level leaves every node alone; then project the top partition down, moving
 * nodes again on each level when `refine`.
 */
function unfold(level0: Level, initial: Int32Array | null, c: Context): Int32Array {
  const { twoM, gamma, random, scratch } = c;
  const levels: Level[] = [level0];
  /** maps[l][u] = node of level l + 1 that node u of level l belongs to. */
  const maps: Int32Array[] = [];
  let labels = initial ?? identity(level0.n);
  for (;;) {
    const level = levels[levels.length - 1];
    const first = levels.length === 1 && c.tick !== null;
    // Level 0's first sweep: one unit per node popped, up to n / 2.
    const onPops = first ? (pops: number) => c.tick!(Math.min(c.half, Math.floor((pops * c.half) / level.n))) : null;
    c.state.moves += moveNodes(level, labels, twoM, gamma, random, scratch, onPops);
    if (first) c.tick!(c.half);
    const count = renumber(labels, level.n, scratch);
    // NOTE: count === n means every node is alone: nothing left to aggregate.
    if (count === level.n || levels.length >= c.maxLevels) break;
    let map = labels;
    let mapCount = count;
    if (c.leiden) {
      const refined = refineLabels(level, labels, count, twoM, gamma, random, scratch);
      const refinedCount = renumber(refined, level.n, scratch);
      // NOTE: when refinement merges nothing, aggregate by the partition itself (else no progress).
      if (refinedCount < level.n) {
        map = refined;
        mapCount = refinedCount;
      }
    }
    const next = new Int32Array(mapCount);
    for (let u = 0; u < level.n; u++) next[map[u]] = map === labels ? map[u] : labels[u];
    maps.push(map);
    levels.push(aggregate(level, map, mapCount, scratch));
    labels = next;
  }
  c.state.levels = Math.max(c.state.levels, levels.length);
  for (let l = levels.length - 2; l >= 0; l--) {
    const map = maps[l];
    const down = new Int32Array(levels[l].n);
    for (let u = 0; u < down.length; u++) down[u] = labels[map[u]];
    labels = down;
    // The rest of the pass, in equal shares per level on the way down.
    c.tick?.(c.half + Math.floor(((levels[0].n - c.half) * (levels.length - 1 - l)) / levels.length));
    if (c.refine) c.state.moves += moveNodes(levels[l], labels, twoM, gamma, random, scratch);
  }
  c.tick?.(levels[0].n);
  return labels;
}

function identity(k: number): Int32Array {
  const a = new Int32Array(k);
  for (let i = 0; i < k; i++) a[i] = i;
  return a;
}

/** Modularity (times 2m, without the self weights' constant) of labels in [0, count) on a level. */
function quality(level: Level, labels: Int32Array, count: number, twoM: number, gamma: number): number {
  const { n, offsets, targets, weights, strength } = level;
  const total = new Float64Array(count);
  let inner = 0;
  for (let i = 0; i < n; i++) {
    total[labels[i]] += strength[i];
    const c = labels[i];
    for (let p = offsets[i]; p < offsets[i + 1]; p++) if (labels[targets[p]] === c) inner += weights === null ? 1 : weights[p];
  }
  let expected = 0;
  for (let c = 0; c < count; c++) expected += total[c] * total[c];
  return inner - (gamma * expected) / twoM;
}

/**
 * Leiden refinement of a partition (Traag et al. 2019, greedy variant): inside each community,
 * nodes start alone; in a random order, a node still alone and well connected to its community
 * (w_i,C-i >= gamma k_i (K_C - k_i) / 2m) joins the well-connected sub-community of the same
 * community with the largest positive gain. The result refines `labels`.
 * @returns sub-community labels in [0, n)
 */
function refineLabels(
  level: Level,
  labels: Int32Array,
  count: number,
  twoM: number,
  gamma: number,
  random: () => number,
  s: Scratch,
): Int32Array {
  const { n, offsets, targets, weights, strength } = level;
  const { toCommunity, touched, order } = s;
  // Step 1: community totals and each node's weight to the rest of its community.
  const big = new Float64Array(count);
  const inside = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    big[c] += strength[i];
    let w = 0;
    for (let p = offsets[i]; p < offsets[i + 1]; p++) if (labels[targets[p]] === c) w += weights === null ? 1 : weights[p];
    inside[i] = w;
  }
  // Step 2: every node alone; sub-community totals and weights to the rest of their community.
  const sub = identity(n);
  const subTotal = Float64Array.from(strength);
  const subOut = Float64Array.from(inside);
  const subSize = new Int32Array(n).fill(1);
  randomOrder(order, n, random);
  const scale = gamma / twoM;
  // Step 3: merge singletons, greedily.
  for (let t = 0; t < n; t++) {
    const i = order[t];
    if (subSize[sub[i]] !== 1) continue;
    const c = labels[i];
    const ki = strength[i];
    if (inside[i] < scale * ki * (big[c] - ki)) continue;
    let k = 0;
    for (let p = offsets[i]; p < offsets[i + 1]; p++) {
      const j = targets[p];
      if (labels[j] !== c) continue;
      const d = sub[j];
      if (toCommunity[d] === 0) touched[k++] = d;
      toCommunity[d] += weights === null ? 1 : weights[p];
    }
    let best = -1;
    let bestGain = 1e-12 * (ki + 1);
    let bestW = 0;
    for (let q = 0; q < k; q++) {
      const d = touched[q];
      const w = toCommunity[d];
      toCommunity[d] = 0;
      if (d === sub[i] || w === 0) continue;
      if (subOut[d] < scale * subTotal[d] * (big[c] - subTotal[d])) continue;
      const gain = w - scale * subTotal[d] * ki;
      if (gain > bestGain) {
        bestGain = gain;
        best = d;
        bestW = w;
      }
    }
    if (best < 0) continue;
    subOut[best] += inside[i] - 2 * bestW;
    subTotal[best] += ki;
    subSize[best]++;
    subSize[sub[i]]--;
    sub[i] = best;
  }
  return sub;
}

/** Scratch arrays sized for level 0 and reused by every level. */
class Scratch {
  readonly toCommunity: Float64Array;
  readonly touched: Int32Array;
  readonly total: Float64Array;
  readonly size: Int32Array;
  readonly empty: Int32Array;
  readonly queue: Int32Array;
  readonly queued: Uint8Array;
  readonly order: Int32Array;
  readonly id: Int32Array;
  constructor(n: number) {
    [this.toCommunity, this.total] = float64Arrays(n, 2);
    [this.touched, this.size, this.empty, this.queue, this.order] = int32Arrays(n, 5);
    this.queued = new Uint8Array(n);
    this.id = new Int32Array(n + 1);
  }
}

/**
 * Queued local moves on one level from `labels` (values in [0, level.n)), in place.
 * @returns the number of moves
 */
function moveNodes(
  level: Level,
  labels: Int32Array,
  twoM: number,
  gamma: number,
  random: () => number,
  s: Scratch,
  onPops: ((pops: number) => void) | null = null,
): number {
  const { n, offsets, targets, weights, strength } = level;
  const { toCommunity, touched, total, size, empty, queue, queued, order } = s;
  // Step 1: community totals and sizes; the empty communities on a stack.
  total.fill(0, 0, n);
  size.fill(0, 0, n);
  for (let i = 0; i < n; i++) {
    total[labels[i]] += strength[i];
    size[labels[i]]++;
  }
  let emptyCount = 0;
  for (let c = n - 1; c >= 0; c--) if (size[c] === 0) empty[emptyCount++] = c;
  // Step 2: the queue, every node once in a seeded random order (Fisher-Yates).
  randomOrder(order, n, random);
  for (let t = 0; t < n; t++) {
    queue[t] = order[t];
    queued[order[t]] = 1;
  }
  let head = 0;
  let length = n;
  let moves = 0;
  const scale = gamma / twoM;
  // Step 3: pop, find the best community, move, queue the neighbours it may unsettle.
  let pops = 0;
  while (length > 0) {
    const i = queue[head];
    head = head + 1 === n ? 0 : head + 1;
    length--;
    if (onPops !== null && (++pops & 0xffff) === 0) onPops(pops);
    queued[i] = 0;
    const own = labels[i];
    const ki = strength[i];
    const start = offsets[i];
    const end = offsets[i + 1];
    let count = 0;
    // NOTE: toCommunity is all zeros between nodes; a community is touched once (arc values > 0,
    // and a zero-valued arc adds nothing to any gain).
    for (let p = start; p < end; p++) {
      const c = labels[targets[p]];
      const w = weights === null ? 1 : weights[p];
      if (toCommunity[c] === 0) touched[count++] = c;
      toCommunity[c] += w;
    }
    total[own] -= ki;
    let best = own;
    let bestGain = toCommunity[own] - scale * total[own] * ki;
    const eps = 1e-12 * (ki + 1);
    for (let q = 0; q < count; q++) {
      const c = touched[q];
      if (c === own) continue;
      const gain = toCommunity[c] - scale * total[c] * ki;
      if (gain > bestGain + eps) {
        bestGain = gain;
        best = c;
      }
    }
    if (bestGain < -eps && size[own] > 1) best = empty[--emptyCount];
    for (let q = 0; q < count; q++) toCommunity[touched[q]] = 0;
    total[best] += ki;
    if (best !== own) {
      labels[i] = best;
      size[own]--;
      if (size[own] === 0) empty[emptyCount++] = own;
      size[best]++;
      moves++;
      for (let p = start; p < end; p++) {
        const j = targets[p];
        if (queued[j] === 0 && labels[j] !== best) {
          queued[j] = 1;
          let tail = head + length;
          if (tail >= n) tail -= n;
          queue[tail] = j;
          length++;
        }
      }
    }
  }
  return moves;
}

/**
 * A seeded random visiting order of n nodes in `order`: a Fisher-Yates shuffle of blocks of
 * consecutive nodes, each block kept in node order. Blocks are single nodes up to 131,071 nodes and
 * grow to 32 on large graphs, where reading neighbouring rows together saves cache misses.
 */
function randomOrder(order: Int32Array, n: number, random: () => number): void {
  const size = Math.max(1, Math.min(32, Math.floor(n / 65536)));
  const blocks = Math.ceil(n / size);
  const block = new Int32Array(blocks);
  for (let b = 0; b < blocks; b++) block[b] = b;
  for (let b = blocks - 1; b > 0; b--) {
    const j = Math.floor(random() * (b + 1));
    const t = block[b];
    block[b] = block[j];
    block[j] = t;
  }
  let t = 0;
  for (let b = 0; b < blocks; b++) {
    const end = Math.min(n, (block[b] + 1) * size);
    for (let i = block[b] * size; i < end; i++) order[t++] = i;
  }
}

/** Renumber labels in place to 0..count-1 by first appearance. @returns count */
function renumber(labels: Int32Array, n: number, s: Scratch): number {
  const id = s.id;
  id.fill(-1, 0, n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    if (id[c] < 0) id[c] = count++;
    labels[i] = id[c];
  }
  return count;
}

/** The level above: one node per community, arc values summed, inner weight as self weight. */
function aggregate(level: Level, labels: Int32Array, count: number, s: Scratch): Level {
  const { n, offsets, targets, weights } = level;
  // Step 1: members of each community (counting sort).
  const start = new Int32Array(count + 1);
  for (let u = 0; u < n; u++) start[labels[u] + 1]++;
  for (let c = 0; c < count; c++) start[c + 1] += start[c];
  const members = new Int32Array(n);
  const cursor = start.slice(0, count);
  for (let u = 0; u < n; u++) members[cursor[labels[u]]++] = u;
  // Step 2: rows of the new graph, neighbour communities summed in a dense scratch.
  const { toCommunity, touched } = s;
  const newOffsets = new Int32Array(count + 1);
  const bound = offsets[n];
  const newTargets = new Int32Array(bound);
  const newWeights = new Float64Array(bound);
  const strength = new Float64Array(count);
  const loops = new Float64Array(count);
  let write = 0;
  for (let c = 0; c < count; c++) {
    let k = 0;
    let inner = 0;
    for (let t = start[c]; t < start[c + 1]; t++) {
      const u = members[t];
      inner += level.loops[u];
      for (let p = offsets[u]; p < offsets[u + 1]; p++) {
        const d = labels[targets[p]];
        const w = weights === null ? 1 : weights[p];
        if (d === c) {
          inner += w;
        } else {
          if (toCommunity[d] === 0) touched[k++] = d;
          toCommunity[d] += w;
        }
      }
    }
    let out = 0;
    for (let q = 0; q < k; q++) {
      const d = touched[q];
      // NOTE: a community reached only through zero-valued arcs can be listed twice; write it once.
      if (toCommunity[d] === 0) continue;
      newTargets[write] = d;
      newWeights[write++] = toCommunity[d];
      out += toCommunity[d];
      toCommunity[d] = 0;
    }
    newOffsets[c + 1] = write;
    loops[c] = inner;
    strength[c] = out + inner;
  }
  return {
    n: count,
    offsets: newOffsets,
    targets: newTargets.slice(0, write),
    weights: newWeights.slice(0, write),
    strength,
    loops,
  };
}
