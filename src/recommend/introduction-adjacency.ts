/**
 * Introduction adjacency
 * The sorted undirected adjacency with its edge list that the introductions and the score fit read,
 * built from the view's own CSR rows when the view is undirected (a copy and a sort of each row,
 * reading memory in order) instead of the transpose that `sortedAdjacency` makes for any CSR.
 * Reference: Gustavson, F. G. (1978). Two fast algorithms for sparse matrices: multiplication and
 * permuted transposition. ACM TOMS 4(3) (the transpose it avoids).
 */
import type { OrgView } from '../model/projection.js';
import { sortedAdjacency } from './groups.js';
import type { SortedAdjacency } from '../core/structure/link-scores.js';
import type { LocalPathScratch } from '../core/paths/local-paths.js';

/** Rows up to this length are sorted by insertion (org rows are short); longer ones by index sort. */
const INSERTION_ROW = 32;

/** An undirected adjacency with its edge list (as `sortedAdjacency` in groups.ts returns). */
export type EdgeListAdjacency = SortedAdjacency & {
  readonly edgeU: Int32Array;
  readonly edgeV: Int32Array;
  readonly edgeWeights: Float64Array;
};

/**
 * The weighted undirected adjacency of a view with rows sorted ascending, no self-loop, and its
 * edge list (edge e joins `edgeU[e] < edgeV[e]`, edges ordered by `edgeU` then `edgeV`): the same
 * arrays, value for value, as `sortedAdjacency(view, { weighted: true })`.
 *
 * An undirected view's CSR already stores each tie once per end with its strength and no
 * duplicate (csrFromEdges merges them), so its rows are copied, self-loops dropped and each row
 * sorted by neighbour; a directed view goes through `sortedAdjacency` (a_ij + a_ji per pair).
 *
 * Complexity: undirected, O(n + m) sequential reads plus O(sum of d_i log d_i) for the row sorts
 * (insertion sort up to 32 neighbours); directed, as `sortedAdjacency`. Memory: one copy of the rows
 * and of the edge list.
 * @example
 * const adj = introductionAdjacency(project(graph));
 * adj.targets.subarray(adj.offsets[0], adj.offsets[1]); // person 0's contacts, ascending
 */
export function introductionAdjacency(view: OrgView): EdgeListAdjacency & { readonly weights: Float64Array } {
  const slot = kept.get(view.csr);
  if (slot) return slot.adj ?? (slot.adj = buildAdjacency(view));
  return buildAdjacency(view);
}

/** CSRs whose adjacency is kept between calls (see {@link keepIntroductionAdjacency}), with it once built. */
const kept = new WeakMap<object, { adj: (EdgeListAdjacency & { readonly weights: Float64Array }) | null }>();

/**
 * Keep the adjacency of this view's CSR once built, so that the next {@link introductionAdjacency}
 * calls on any view of the same CSR (the gap analysis, then the introductions and their score fit)
 * share one copy instead of building one each; {@link releaseIntroductionAdjacency} drops it. The
 * arrays are never written by their readers. Complexity: O(1).
 * @example
 * keepIntroductionAdjacency(view); groupGaps(view, o); introductions(view, o); releaseIntroductionAdjacency(view);
 */
export function keepIntroductionAdjacency(view: OrgView): void {
  if (!kept.has(view.csr)) kept.set(view.csr, { adj: null });
}

/** Stop keeping the adjacency of this view's CSR (see {@link keepIntroductionAdjacency}). Complexity: O(1). */
export function releaseIntroductionAdjacency(view: OrgView): void {
  kept.delete(view.csr);
}

function buildAdjacency(view: OrgView): EdgeListAdjacency & { readonly weights: Float64Array } {
  const g = view.csr;
  if (g.directed) {
    const a = sortedAdjacency(view, { weighted: true });
    return { ...a, weights: a.weights! };
  }
  const n = g.n;
  // Step 1: row lengths without self-loops.
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    let d = 0;
    for (let p = g.offsets[i]; p < g.offsets[i + 1]; p++) if (g.targets[p] !== i) d++;
    offsets[i + 1] = offsets[i] + d;
  }
  const arcs = offsets[n];
  const targets = new Int32Array(arcs);
  const weights = new Float64Array(arcs);
  // Step 2: copy each row, then sort it by neighbour (weights follow).
  let order: Int32Array | null = null;
  for (let i = 0; i < n; i++) {
    const start = offsets[i];
    let w = start;
    for (let p = g.offsets[i]; p < g.offsets[i + 1]; p++) {
      const j = g.targets[p];
      if (j === i) continue;
      targets[w] = j;
      weights[w++] = g.weights[p];
    }
    const len = w - start;
    if (len <= INSERTION_ROW) {
      for (let a = start + 1; a < w; a++) {
        const t = targets[a];
        const x = weights[a];
        let b = a - 1;
        while (b >= start && targets[b] > t) {
          targets[b + 1] = targets[b];
          weights[b + 1] = weights[b];
          b--;
        }
        targets[b + 1] = t;
        weights[b + 1] = x;
      }
    } else {
      if (!order || order.length < len) order = new Int32Array(len * 2);
      const o = order.subarray(0, len);
      for (let a = 0; a < len; a++) o[a] = a;
      const rowT = targets.slice(start, w);
      const rowW = weights.slice(start, w);
      o.sort((a, b) => rowT[a] - rowT[b]);
      for (let a = 0; a < len; a++) {
        targets[start + a] = rowT[o[a]];
        weights[start + a] = rowW[o[a]];
      }
    }
  }
  // Step 3: the edge list, from the arcs i -> j with j > i (rows ascending, so edges come out ordered).
  const edgeCount = arcs / 2;
  const edgeU = new Int32Array(edgeCount);
  const edgeV = new Int32Array(edgeCount);
  const edgeWeights = new Float64Array(edgeCount);
  let e = 0;
  for (let i = 0; i < n; i++) {
    for (let p = offsets[i + 1] - 1; p >= offsets[i] && targets[p] > i; p--) e++;
  }
  if (e !== edgeCount) return fallback(view);
  e = 0;
  for (let i = 0; i < n; i++) {
    // The first arc of row i past i (rows sorted): binary search would do, rows are short.
    let p = offsets[i];
    while (p < offsets[i + 1] && targets[p] < i) p++;
    for (; p < offsets[i + 1]; p++) {
      edgeU[e] = i;
      edgeV[e] = targets[p];
      edgeWeights[e++] = weights[p];
    }
  }
  return { n, offsets, targets, weights, edgeU, edgeV, edgeWeights };
}

/** An undirected CSR whose arcs are not paired (not built by csrFromEdges): the transpose handles it. */
function fallback(view: OrgView): EdgeListAdjacency & { readonly weights: Float64Array } {
  const a = sortedAdjacency(view, { weighted: true });
  return { ...a, weights: a.weights! };
}

/**
 * Each node's arcs into one group B (positions in its own sorted row, so ascending by neighbour),
 * for the sweeps of one group pair: the nodes that have such an arc are found from B's own rows
 * (the adjacency is symmetric), then each of their rows is read once; nodes with no neighbour in B
 * have an empty list. The arrays of n are allocated once and reused by every pair.
 * Complexity: O(sum of d_y over the neighbours y of B) to build, O(their number) to clear.
 * @example
 * const rows = new GroupRows(adj.n);
 * rows.build(adj, label, gb, membersOfB); // rows.arcs[rows.start[y] .. + rows.count[y]]: y's arcs into B
 */
export class GroupRows {
  /** Start of node y's list in `arcs` (valid when count[y] > 0). */
  readonly start: Int32Array;
  /** Length of node y's list. */
  readonly count: Int32Array;
  /** The lists, one block per node: arc positions p in y's row, `targets[p]` in B. */
  arcs = new Int32Array(0);
  private touched = new Int32Array(0);
  private size = 0;
  constructor(n: number) {
    this.start = new Int32Array(n);
    this.count = new Int32Array(n);
  }
  /** The lists of arcs into group `group` (`label[j] === group`), whose members (ascending ids) are `members`. */
  build(adj: SortedAdjacency, label: Int32Array, group: number, members: readonly number[]): void {
    const { offsets, targets } = adj;
    const { start, count } = this;
    this.clear();
    let arcs = 0;
    for (const b of members) arcs += offsets[b + 1] - offsets[b];
    if (this.arcs.length < arcs) {
      this.arcs = new Int32Array(arcs);
      this.touched = new Int32Array(arcs);
    }
    // Step 1: the nodes with a neighbour in B, each once; step 2: their arcs into B, read from their
    // own rows (ascending). Each a module function: compiled small when a report runs it cold.
    const size = neighboursOf(offsets, targets, members, count, this.touched);
    arcsInto(offsets, targets, label, group, this.touched, size, start, count, this.arcs);
    this.size = size;
  }
  /** Empty every list. */
  clear(): void {
    for (let t = 0; t < this.size; t++) this.count[this.touched[t]] = 0;
    this.size = 0;
  }
}

/** The nodes with a neighbour among `members`, each once, into `touched` (returns how many); `count` is used as a mark. */
function neighboursOf(
  offsets: Int32Array,
  targets: Int32Array,
  members: readonly number[],
  count: Int32Array,
  touched: Int32Array,
): number {
  let size = 0;
  for (const b of members) {
    for (let p = offsets[b]; p < offsets[b + 1]; p++) if (count[targets[p]]++ === 0) touched[size++] = targets[p];
  }
  return size;
}

/** For each of the first `size` nodes y of `touched`: its arcs into `group`, listed in `out` from `start[y]`, `count[y]` of them. */
function arcsInto(
  offsets: Int32Array,
  targets: Int32Array,
  label: Int32Array,
  group: number,
  touched: Int32Array,
  size: number,
  start: Int32Array,
  count: Int32Array,
  out: Int32Array,
): void {
  for (let t = 0, at = 0; t < size; t++) {
    const y = touched[t];
    start[y] = at;
    for (let q = offsets[y]; q < offsets[y + 1]; q++) if (label[targets[q]] === group) out[at++] = q;
    count[y] = at - start[y];
  }
}

/** Which nodes a {@link groupSweep} keeps: `label[j] === group` (same) or any other group (`label[j] >= 0`, not `group`), and j >= from. */
export interface GroupFilter {
  readonly label: Int32Array;
  readonly group: number;
  readonly same: boolean;
  readonly from: number;
}

/**
 * `localPathSweep` (core/paths/local-paths.ts) with its `accept` given as a group filter instead of
 * a callback, and without Adamic-Adar (neither the introductions nor the score fit read it): the
 * same CN, RA, RAw and RA3, added in the same order (so the same values bit for bit), the same
 * first-reach order in `scratch.touched`; returns the number of nodes reached, which the caller
 * stores in `scratch.reached` (for clearLocalPaths). With `rows` (the arcs into the accepted group, see
 * {@link GroupRows}; only with `same`) the last step walks only the arcs into that group: of x
 * with two steps, of y with three, instead of whole rows.
 *
 *   CN = #{x : s - x - j}   RA = sum_x 1 / k_x   RAw = sum_x (a_sx + a_xj) / (2 s_x)
 *   RA3 = sum over s - x - y - j, x != j, y != s, of 1 / (k_x k_y)
 *
 * Complexity: two steps, O(sum_{x in N(s)} d_x), or O(d_s + sum_x |N(x) ∩ B|) with `rows`; three
 * steps, O(sum_x d_x) plus O(sum_{x in N(s)} sum_{y in N(x)} |N(y) ∩ B|) with `rows` (across a
 * declared gap few of y's contacts are in B) or O(sum_x sum_y d_y) without.
 * @example
 * scratch.reached = groupSweep(adj, strengths(adj), a, { label, group: gb, same: true, from: 0 }, true, null, scratch);
 */
export function groupSweep(
  g: SortedAdjacency,
  strength: Float64Array,
  source: number,
  filter: GroupFilter,
  threeSteps: boolean,
  rows: GroupRows | null,
  scratch: LocalPathScratch,
): number {
  // Two loops, one per kind of last step, so that neither tests `rows` inside its innermost loop.
  return rows === null
    ? sweepWholeRows(g, strength, source, filter, threeSteps, scratch)
    : sweepGroupRows(g, strength, source, filter, threeSteps, rows, scratch);
}

/**
 * {@link groupSweep} without `rows`: every step walks whole rows.
 * NOTE: keep in sync with sweepGroupRows (the same sums in the same order); kept apart so that
 * neither innermost loop tests which rows it walks.
 */
function sweepWholeRows(
  g: SortedAdjacency,
  strength: Float64Array,
  source: number,
  filter: GroupFilter,
  threeSteps: boolean,
  scratch: LocalPathScratch,
): number {
  const { offsets, targets, weights } = g;
  const { label, group, same, from } = filter;
  const { common, resourceAllocation, resourceAllocationWeighted, resourceAllocation3, touched, stamp } = scratch;
  const mark = ++scratch.sweep;
  let reached = 0;
  // Step 1: stamp the source and its neighbours (already tied: never candidates).
  stamp[source] = mark;
  for (let p = offsets[source]; p < offsets[source + 1]; p++) stamp[targets[p]] = mark;
  // Step 2: two and three steps.
  for (let p = offsets[source]; p < offsets[source + 1]; p++) {
    const x = targets[p];
    const kx = offsets[x + 1] - offsets[x];
    const ax = weights ? weights[p] : 1;
    const sx = strength[x];
    const end = offsets[x + 1];
    for (let q = offsets[x]; q < end; q++) {
      const y = targets[q];
      if (y === source) continue;
      const ly = label[y];
      if (stamp[y] !== mark && y >= from && ly >= 0 && (ly === group) === same) {
        if (common[y] === 0 && resourceAllocation3[y] === 0) touched[reached++] = y;
        common[y]++;
        resourceAllocation[y] += 1 / kx;
        resourceAllocationWeighted[y] += (ax + (weights ? weights[q] : 1)) / (2 * sx);
      }
      if (!threeSteps) continue;
      const lo = offsets[y];
      const hi = offsets[y + 1];
      if (lo === hi) continue;
      const step = 1 / (kx * (hi - lo));
      for (let r = lo; r < hi; r++) {
        const j = targets[r];
        if (j === x || stamp[j] === mark || j < from) continue;
        const lj = label[j];
        if (lj < 0 || (lj === group) !== same) continue;
        if (common[j] === 0 && resourceAllocation3[j] === 0) touched[reached++] = j;
        resourceAllocation3[j] += step;
      }
    }
  }
  // Returned, not stored here: a property store after the loop has no type feedback when the
  // loop is compiled on the first call (on-stack replacement), and deoptimised the compiled sweep
  // at every later call; the caller stores it.
  return reached;
}

/**
 * {@link groupSweep} with `rows`: the last step walks only the arcs into the group.
 * NOTE: keep in sync with sweepWholeRows (see there).
 */
function sweepGroupRows(
  g: SortedAdjacency,
  strength: Float64Array,
  source: number,
  filter: GroupFilter,
  threeSteps: boolean,
  rows: GroupRows,
  scratch: LocalPathScratch,
): number {
  const { offsets, targets, weights } = g;
  const { label, group, same, from } = filter;
  const { common, resourceAllocation, resourceAllocationWeighted, resourceAllocation3, touched, stamp } = scratch;
  const { start, count, arcs } = rows;
  const mark = ++scratch.sweep;
  let reached = 0;
  stamp[source] = mark;
  for (let p = offsets[source]; p < offsets[source + 1]; p++) stamp[targets[p]] = mark;
  // Two steps only: x's arcs into the group, not its whole row.
  const twoByRows = !threeSteps;
  for (let p = offsets[source]; p < offsets[source + 1]; p++) {
    const x = targets[p];
    // Most contacts of a person have no contact in the other group: nothing more to read for them.
    if (twoByRows && count[x] === 0) continue;
    const kx = offsets[x + 1] - offsets[x];
    const ax = weights ? weights[p] : 1;
    const sx = strength[x];
    const end = twoByRows ? start[x] + count[x] : offsets[x + 1];
    for (let i = twoByRows ? start[x] : offsets[x]; i < end; i++) {
      const q = twoByRows ? arcs[i] : i;
      const y = targets[q];
      if (y === source) continue;
      const ly = label[y];
      if (stamp[y] !== mark && y >= from && ly >= 0 && (ly === group) === same) {
        if (common[y] === 0 && resourceAllocation3[y] === 0) touched[reached++] = y;
        common[y]++;
        resourceAllocation[y] += 1 / kx;
        resourceAllocationWeighted[y] += (ax + (weights ? weights[q] : 1)) / (2 * sx);
      }
      if (twoByRows) continue;
      const lo = start[y];
      const hi = lo + count[y];
      if (lo === hi) continue;
      const step = 1 / (kx * (offsets[y + 1] - offsets[y]));
      for (let r = lo; r < hi; r++) {
        const j = targets[arcs[r]];
        if (j === x || stamp[j] === mark || j < from) continue;
        const lj = label[j];
        if (lj < 0 || (lj === group) !== same) continue;
        if (common[j] === 0 && resourceAllocation3[j] === 0) touched[reached++] = j;
        resourceAllocation3[j] += step;
      }
    }
  }
  return reached;
}
