/**
 * Approximate betweenness by shortest-path sampling
 * Sample node pairs, draw one shortest path uniformly between them, and count interior nodes.
 * Reference: Riondato, M. & Kornaropoulos, E. M. (2016). Fast approximation of betweenness
 * centrality through sampling. Data Min. Knowl. Disc. 30(2), 438-475; balanced bidirectional BFS as
 * in Borassi, M. & Natale, E. (2019). KADABRA is an adaptive algorithm for betweenness via random
 * approximation. ACM J. Exp. Algorithmics 24.
 */
import { IndexedMinHeap } from './heap.js';
import type { PathGraph } from '../graph/path-graph.js';
import { GrowableFloat64, GrowableInt32 } from '../graph/growable.js';
import { Mulberry32, sampleSeed } from '../util/random.js';

/** Arcs followed forwards and backwards (the same arrays when undirected). */
export interface PathGraphPair {
  readonly forward: PathGraph;
  readonly backward: PathGraph;
}

/** Scratch buffers for one thread, allocated once and reused by every sample. */
export class SampleScratch {
  readonly hopS: Int32Array;
  readonly hopT: Int32Array;
  readonly sigS: Float64Array;
  readonly sigT: Float64Array;
  readonly queueS: Int32Array;
  readonly queueT: Int32Array;
  readonly dist: Float64Array;
  readonly sigma: Float64Array;
  readonly heap: IndexedMinHeap;
  readonly distT: Float64Array;
  readonly heapT: IndexedMinHeap;
  /** The weighted sample's crossing arcs: tail, arc index and length d_s(u) + l + d_t(v). */
  readonly crossFrom = new GrowableInt32(64);
  readonly crossArc = new GrowableInt32(64);
  readonly crossLength = new GrowableFloat64(64);
  readonly rng = new Mulberry32();

  constructor(readonly n: number) {
    this.hopS = new Int32Array(n).fill(-1);
    this.hopT = new Int32Array(n).fill(-1);
    this.sigS = new Float64Array(n);
    this.sigT = new Float64Array(n);
    this.queueS = new Int32Array(n);
    this.queueT = new Int32Array(n);
    this.dist = new Float64Array(n).fill(Infinity);
    this.sigma = new Float64Array(n);
    this.heap = new IndexedMinHeap(this.dist);
    this.distT = new Float64Array(n).fill(Infinity);
    this.heapT = new IndexedMinHeap(this.distT);
  }
}

/**
 * Sample `k` of the Riondato–Kornaropoulos estimator: draw an ordered pair s != t uniformly, then
 * one shortest s-t path uniformly among all of them, and add 1 to `out[v]` for each interior node v.
 * With r samples, out[v] / r estimates b(v) = 1/(n(n-1)) sum_{s != t} sigma_st(v) / sigma_st.
 *
 * Hop counts (balanced bidirectional BFS, expanding the side with the smaller frontier degree)
 * when lengths are null; otherwise bidirectional Dijkstra (settling on the side whose next
 * distance is smaller, until the two next distances add up to more than the best s-t length met).
 *
 * Complexity: O(m) worst case per sample; bidirectional search usually touches far less.
 * @returns the number of arcs on the sampled path, or -1 when t is unreachable from s
 */
export function samplePath(g: PathGraphPair, seed: number, k: number, out: Float64Array, scratch: SampleScratch): number {
  const n = g.forward.n;
  if (n < 2) return -1;
  const rng = scratch.rng;
  rng.reset(sampleSeed(seed, k));
  const s = Math.min(n - 1, Math.floor(rng.next() * n));
  let t = Math.min(n - 2, Math.floor(rng.next() * (n - 1)));
  if (t >= s) t++;
  return g.forward.lengths === null ? sampleBfs(g, s, t, out, scratch) : sampleDijkstra(g, s, t, out, scratch);
}

function sampleBfs(g: PathGraphPair, s: number, t: number, out: Float64Array, scratch: SampleScratch): number {
  const fo = g.forward.offsets;
  const ft = g.forward.targets;
  const bo = g.backward.offsets;
  const bt = g.backward.targets;
  const { hopS, hopT, sigS, sigT, queueS, queueT, rng } = scratch;
  startSide(hopS, sigS, queueS, s);
  startSide(hopT, sigT, queueT, t);
  // [startX, endX) is the current frontier (last complete level) of each side.
  let startS = 0;
  let endS = 1;
  let startT = 0;
  let endT = 1;
  let degS = fo[s + 1] - fo[s];
  let degT = bo[t + 1] - bo[t];
  let meetFrom = -1;
  let meetTo = -1;
  let meetOnS = true;
  // Step 1: expand one whole level at a time on the cheaper side until the two searches meet.
  while (startS < endS && startT < endT) {
    const onS = degS <= degT;
    const offsets = onS ? fo : bo;
    const queue = onS ? queueS : queueT;
    const end = onS ? endS : endT;
    const tail = expandLevel(offsets, onS ? ft : bt, onS ? hopS : hopT, onS ? sigS : sigT, queue, onS ? startS : startT, end);
    const deg = levelDegree(offsets, queue, end, tail);
    if (onS) {
      startS = end;
      endS = tail;
      degS = deg;
    } else {
      startT = end;
      endT = tail;
      degT = deg;
    }
    if (meets(queue, end, tail, onS ? hopT : hopS)) {
      meetFrom = end;
      meetTo = tail;
      meetOnS = onS;
    }
    if (meetFrom >= 0) break;
  }
  let hops = -1;
  if (meetFrom >= 0) {
    // Step 2: pick the meeting node x with probability sigS[x] sigT[x] / sigma_st.
    // NOTE: every shortest path crosses the newest level of the side that met exactly once.
    const queue = meetOnS ? queueS : queueT;
    let total = 0;
    for (let q = meetFrom; q < meetTo; q++) {
      const x = queue[q];
      if (hopS[x] >= 0 && hopT[x] >= 0) total += sigS[x] * sigT[x];
    }
    let r = rng.next() * total;
    let x = -1;
    for (let q = meetFrom; q < meetTo; q++) {
      const y = queue[q];
      if (hopS[y] < 0 || hopT[y] < 0) continue;
      x = y;
      r -= sigS[y] * sigT[y];
      if (r < 0) break;
    }
    hops = hopS[x] + hopT[x];
    // Step 3: walk from x back to s, and from x on to t, choosing each step by path counts.
    if (x !== s && x !== t) out[x] += 1;
    walkTowardsRoot(bo, bt, hopS, sigS, x, rng, out);
    walkTowardsRoot(fo, ft, hopT, sigT, x, rng, out);
  }
  // Step 4: reset.
  for (let q = 0; q < endS; q++) hopS[queueS[q]] = -1;
  for (let q = 0; q < endT; q++) hopT[queueT[q]] = -1;
  return hops;
}

/** A side of {@link sampleBfs} starts as its root alone: hop 0, one path, first in its queue. */
function startSide(hop: Int32Array, sig: Float64Array, queue: Int32Array, root: number): void {
  hop[root] = 0;
  sig[root] = 1;
  queue[0] = root;
}

/**
 * One level of a breadth-first side of {@link sampleBfs}: the frontier queue[start, end) expanded
 * over the arcs `offsets`/`targets`, path counts summed into `sig`; the new level is appended after
 * `end`. @returns the end of the new level
 */
function expandLevel(
  offsets: Int32Array,
  targets: Int32Array,
  hop: Int32Array,
  sig: Float64Array,
  queue: Int32Array,
  start: number,
  end: number,
): number {
  let tail = end;
  for (let q = start; q < end; q++) {
    const v = queue[q];
    const next = hop[v] + 1;
    const sv = sig[v];
    // NOTE: keep in sync with the breadth-first step of brandes.ts (bfs); kept apart because it is the innermost loop.
    for (let p = offsets[v]; p < offsets[v + 1]; p++) {
      const w = targets[p];
      const hw = hop[w];
      if (hw < 0) {
        hop[w] = next;
        sig[w] = sv;
        queue[tail++] = w;
      } else if (hw === next) {
        sig[w] += sv;
      }
    }
  }
  return tail;
}

/** Sum of the degrees (in `offsets`) of the level queue[from, to): the cost of expanding it next. */
function levelDegree(offsets: Int32Array, queue: Int32Array, from: number, to: number): number {
  let deg = 0;
  for (let q = from; q < to; q++) deg += offsets[queue[q] + 1] - offsets[queue[q]];
  return deg;
}

/** Whether the other side has reached a node of the level queue[from, to). */
function meets(queue: Int32Array, from: number, to: number, otherHop: Int32Array): boolean {
  for (let q = from; q < to; q++) if (otherHop[queue[q]] >= 0) return true;
  return false;
}

/**
 * Walk from x back to the root of one side (hop 0), each step to a node one hop nearer chosen with
 * probability proportional to its path count, adding 1 to `out` for each interior node passed; arcs
 * are read in the direction opposite to that side's search (`offsets`/`targets`).
 */
function walkTowardsRoot(
  offsets: Int32Array,
  targets: Int32Array,
  hop: Int32Array,
  sig: Float64Array,
  x: number,
  rng: Mulberry32,
  out: Float64Array,
): void {
  let w = x;
  while (hop[w] > 1) {
    const want = hop[w] - 1;
    let r = rng.next() * sig[w];
    let pick = -1;
    for (let p = offsets[w]; p < offsets[w + 1]; p++) {
      const v = targets[p];
      if (hop[v] !== want) continue;
      pick = v;
      r -= sig[v];
      if (r < 0) break;
    }
    out[pick] += 1;
    w = pick;
  }
}

/**
 * The weighted sample: bidirectional Dijkstra with path counts, then one shortest path drawn by them.
 * F, the nodes the forward search settled, holds every node closer to s than its next distance, so
 * each shortest s-t path leaves F once, by its last node u in F; the arc u -> v it leaves by has v
 * settled by the backward search (the searches stop only when the two next distances add up to more
 * than the s-t length mu, so every node of a shortest path is settled by one side). Hence
 * sigma_st = sum over arcs u -> v, u in F, v settled backwards and not in F, d_s(u) + l + d_t(v) = mu,
 * of sigma_s(u) sigma_t(v): the arc is drawn with that weight, then the walks back to s and on to t
 * by path counts, as in the unidirectional sampler. When t itself is in F, every shortest path lies
 * in F and the walk starts at t.
 */
function sampleDijkstra(g: PathGraphPair, s: number, t: number, out: Float64Array, scratch: SampleScratch): number {
  const { offsets: fo, targets: ft } = g.forward;
  const fl = g.forward.lengths!;
  const { offsets: bo, targets: bt } = g.backward;
  const bl = g.backward.lengths!;
  const { dist: dS, sigma: sS, distT: dT, sigT: sT, hopS: doneS, hopT: doneT, rng } = scratch;
  const fwd = searchSide(g.forward, dS, sS, scratch.heap, doneS, scratch.queueS, s);
  const bwd = searchSide(g.backward, dT, sT, scratch.heapT, doneT, scratch.queueT, t);
  // Step 1: settle on the side with the smaller next distance until the searches cannot improve mu.
  const best = { mu: Infinity };
  for (;;) {
    const topS = fwd.heap.minKey();
    const topT = bwd.heap.minKey();
    if (topS === Infinity || topT === Infinity || topS + topT > best.mu) break;
    if (topS <= topT) settleNext(fwd, dT, best);
    else settleNext(bwd, dS, best);
  }
  let hops = -1;
  if (best.mu < Infinity) {
    let u = t;
    let v = -1;
    const touchedS = fwd.touched;
    if (doneS[t] < 0) {
      // Step 2: the crossing arcs u -> v, listed once with their length d_s(u) + l + d_t(v) written
      // one way throughout (its least value taken again from them, so that the sum compares like
      // with like); then the arc drawn among those of that length by sigma_s(u) sigma_t(v).
      const { crossFrom, crossArc, crossLength } = scratch;
      crossFrom.length = crossArc.length = crossLength.length = 0;
      let mu = Infinity;
      for (let q = 0; q < fwd.count; q++) {
        const a = touchedS[q];
        if (doneS[a] < 0) continue;
        for (let p = fo[a]; p < fo[a + 1]; p++) {
          const b = ft[p];
          if (doneS[b] >= 0 || doneT[b] < 0) continue;
          const length = dS[a] + fl[p] + dT[b];
          crossFrom.push(a);
          crossArc.push(p);
          crossLength.push(length);
          if (length < mu) mu = length;
        }
      }
      let total = 0;
      for (let c = 0; c < crossArc.length; c++) {
        if (crossLength.get(c) === mu) total += sS[crossFrom.get(c)] * sT[ft[crossArc.get(c)]];
      }
      let r = rng.next() * total;
      for (let c = 0; c < crossArc.length && total > 0; c++) {
        if (crossLength.get(c) !== mu) continue;
        u = crossFrom.get(c);
        v = ft[crossArc.get(c)];
        r -= sS[u] * sT[v];
        if (r < 0) break;
      }
      // NOTE: rounding could in principle hide every crossing arc (sums of lengths tie in one order
      // of addition and not in another); then the forward search simply goes on until t settles.
      if (total === 0) while (doneS[t] < 0 && fwd.heap.size > 0) settleNext(fwd, dT, best);
    }
    // Step 3: walk from u back to s and from v on to t, each step drawn by path counts.
    hops = walkByCounts(bo, bt, bl, dS, sS, u, s, rng, out) + (v < 0 ? 0 : 1 + walkByCounts(fo, ft, fl, dT, sT, v, t, rng, out));
    if (u !== s && u !== t) out[u] += 1;
    if (v >= 0 && v !== t) out[v] += 1;
  }
  // Step 4: reset.
  resetSide(fwd);
  resetSide(bwd);
  return hops;
}

/** One side of the bidirectional search: its graph, labels, queue, settled marks and touched nodes. */
interface SearchSide {
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly lengths: Float64Array;
  readonly dist: Float64Array;
  readonly sig: Float64Array;
  readonly heap: IndexedMinHeap;
  /** 1 once settled, -1 otherwise. */
  readonly done: Int32Array;
  readonly touched: Int32Array;
  count: number;
}

/** A side started at `root`: distance 0, one path, queued. */
function searchSide(
  g: PathGraph,
  dist: Float64Array,
  sig: Float64Array,
  heap: IndexedMinHeap,
  done: Int32Array,
  touched: Int32Array,
  root: number,
): SearchSide {
  dist[root] = 0;
  sig[root] = 1;
  heap.push(root);
  touched[0] = root;
  return { offsets: g.offsets, targets: g.targets, lengths: g.lengths!, dist, sig, heap, done, touched, count: 1 };
}

/**
 * Settle the side's nearest node: relax its arcs with path counts, and lower `best.mu` by every arc
 * into a node the other side has labelled (`other`, its distances).
 */
function settleNext(side: SearchSide, other: Float64Array, best: { mu: number }): void {
  const { offsets, targets, lengths, dist, sig, heap, touched } = side;
  const u = heap.pop();
  side.done[u] = 1;
  const du = dist[u];
  const su = sig[u];
  let mu = best.mu;
  for (let p = offsets[u]; p < offsets[u + 1]; p++) {
    const w = targets[p];
    const nd = du + lengths[p];
    const dw = dist[w];
    if (nd < dw) {
      dist[w] = nd;
      sig[w] = su;
      if (dw === Infinity) {
        touched[side.count++] = w;
        heap.push(w);
      } else heap.decrease(w);
    } else if (nd === dw) sig[w] += su;
    if (nd + other[w] < mu) mu = nd + other[w];
  }
  best.mu = mu;
}

function resetSide(side: SearchSide): void {
  side.heap.clear();
  for (let q = 0; q < side.count; q++) {
    side.dist[side.touched[q]] = Infinity;
    side.done[side.touched[q]] = -1;
  }
}

/**
 * Walk from `from` to `root` along one side's shortest-path arcs (an arc to x with dist[x] + l =
 * dist[w]), each step drawn with probability sig[x] / sig[w]; every node passed strictly between
 * them counted in `out`. Returns the arcs walked.
 */
function walkByCounts(
  offsets: Int32Array,
  targets: Int32Array,
  lengths: Float64Array,
  dist: Float64Array,
  sig: Float64Array,
  from: number,
  root: number,
  rng: Mulberry32,
  out: Float64Array,
): number {
  let arcs = 0;
  let w = from;
  while (w !== root) {
    const dw = dist[w];
    let r = rng.next() * sig[w];
    let pick = -1;
    for (let p = offsets[w]; p < offsets[w + 1]; p++) {
      const x = targets[p];
      if (dist[x] + lengths[p] !== dw) continue;
      pick = x;
      r -= sig[x];
      if (r < 0) break;
    }
    // NOTE: a label is only ever set from a settled node's label plus the arc, so a step exists.
    if (pick < 0) throw new Error(`no shortest-path step from node ${w}`);
    arcs++;
    if (pick !== root) out[pick] += 1;
    w = pick;
  }
  return arcs;
}

/**
 * An upper bound on the vertex diameter VD (most nodes on any shortest path), which sets the
 * Riondato–Kornaropoulos sample size.
 *
 * Undirected, hop counts: per connected component, 2 ecc(v) + 1 from a BFS of its first node.
 * Undirected, lengths: per component, min(size, h + 1), h the most edges whose lengths can add up
 * to at most 2 ecc_len(v): the largest h with S(h) <= 2 ecc_len(v), S(h) the sum of the h shortest
 * edges of the graph (a shortest path of that component is no longer than 2 ecc_len(v) and uses h
 * distinct edges, whose lengths add up to S(h) at least).
 * Directed: the size of the largest weakly connected component (loose, but the sample size only
 * grows with log2 VD).
 *
 * Complexity: O(m) (O(m log n) with lengths; keeping the shortest edges costs O(m log k) at most,
 * k the bound from the shortest length alone, O(m) when most are longer than the k kept).
 */
export function vertexDiameterBound(g: PathGraphPair, directed: boolean): number {
  const n = g.forward.n;
  if (n === 0) return 0;
  const { offsets, targets, lengths } = g.forward;
  const comp = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const hop = new Int32Array(n);
  let best = 1;
  let minLen = Infinity;
  if (lengths) for (let p = 0; p < lengths.length; p++) if (lengths[p] < minLen) minLen = lengths[p];
  const dist = lengths ? new Float64Array(n).fill(Infinity) : null;
  const heap = dist ? new IndexedMinHeap(dist) : null;
  // With lengths, undirected: (size, ecc_len, cap) of each component of 2 or more, and the largest cap.
  const parts: number[] = [];
  let most = 0;
  for (let root = 0; root < n; root++) {
    if (comp[root] >= 0) continue;
    // Component of root (weak when directed), with hop eccentricity of root.
    comp[root] = root;
    queue[0] = root;
    hop[root] = 0;
    let head = 0;
    let tail = 1;
    let ecc = 0;
    while (head < tail) {
      const v = queue[head++];
      if (hop[v] > ecc) ecc = hop[v];
      for (let side = 0; side < (directed ? 2 : 1); side++) {
        const o = side === 0 ? offsets : g.backward.offsets;
        const tg = side === 0 ? targets : g.backward.targets;
        for (let p = o[v]; p < o[v + 1]; p++) {
          const w = tg[p];
          if (comp[w] < 0) {
            comp[w] = root;
            hop[w] = hop[v] + 1;
            queue[tail++] = w;
          }
        }
      }
    }
    let bound: number;
    if (directed) bound = tail;
    else if (!dist || !heap) bound = Math.min(tail, 2 * ecc + 1);
    else if (tail === 1) bound = 1;
    else {
      // The bound needs the shortest edges of the whole graph: kept for after the loop.
      dist[root] = 0;
      heap.push(root);
      let far = 0;
      while (heap.size > 0) {
        const v = heap.pop();
        const dv = dist[v];
        if (dv > far) far = dv;
        for (let p = offsets[v]; p < offsets[v + 1]; p++) {
          const w = targets[p];
          const nd = dv + lengths![p];
          if (nd < dist[w]) {
            const fresh = dist[w] === Infinity;
            dist[w] = nd;
            if (fresh) heap.push(w);
            else heap.decrease(w);
          }
        }
      }
      const cap = Math.min(tail - 1, Math.floor((2 * far) / minLen));
      parts.push(tail, far, cap);
      if (cap > most) most = cap;
      bound = 1;
    }
    if (bound > best) best = bound;
  }
  if (parts.length === 0) return best;
  const sums = shortestEdgeSums(g.forward, most);
  for (let k = 0; k < parts.length; k += 3) {
    // The largest h <= cap with sums[h] <= 2 far (a relative margin of 1e-12 for rounding, so never low).
    const limit = 2 * parts[k + 1] * (1 + 1e-12);
    let h = 0;
    while (h < parts[k + 2] && h < sums.length - 1 && sums[h + 1] <= limit) h++;
    best = Math.max(best, Math.min(parts[k], h + 1));
  }
  return best;
}

/**
 * Prefix sums of the `cap` shortest edge lengths (arcs u -> v with u < v: each undirected edge
 * once): sums[h] is the sum of the h shortest, for h = 0 .. min(cap, edges). Keeps the cap
 * shortest in a max-heap in one pass (a length above the heap's top is skipped).
 */
function shortestEdgeSums(g: PathGraph, cap: number): Float64Array {
  const { n, offsets, targets } = g;
  const lengths = g.lengths!;
  const kept = new Float64Array(cap);
  let size = 0;
  for (let u = 0; u < n; u++) {
    for (let p = offsets[u]; p < offsets[u + 1]; p++) {
      if (targets[p] <= u) continue;
      const len = lengths[p];
      if (size < cap) {
        // Sift up in the max-heap.
        let i = size++;
        while (i > 0 && kept[(i - 1) >> 1] < len) {
          kept[i] = kept[(i - 1) >> 1];
          i = (i - 1) >> 1;
        }
        kept[i] = len;
      } else if (len < kept[0]) {
        // Replace the largest kept length and sift down.
        let i = 0;
        for (;;) {
          const l = 2 * i + 1;
          if (l >= size) break;
          const c = l + 1 < size && kept[l + 1] > kept[l] ? l + 1 : l;
          if (kept[c] <= len) break;
          kept[i] = kept[c];
          i = c;
        }
        kept[i] = len;
      }
    }
  }
  const shortest = kept.subarray(0, size).sort();
  const sums = new Float64Array(size + 1);
  for (let h = 0; h < size; h++) sums[h + 1] = sums[h] + shortest[h];
  return sums;
}

/**
 * Riondato–Kornaropoulos sample size for additive error `epsilon` with probability 1 - `delta`:
 *
 *   r = ceil( (c / eps^2) (floor(log2(VD - 2)) + 1 + ln(1 / delta)) ),  c = 0.5
 *
 * with floor(log2(VD - 2)) read as 0 when VD <= 3.
 */
export function riondatoSampleSize(epsilon: number, delta: number, vertexDiameter: number): number {
  const logTerm = vertexDiameter > 3 ? Math.floor(Math.log2(vertexDiameter - 2)) : 0;
  return Math.ceil((0.5 / (epsilon * epsilon)) * (logTerm + 1 + Math.log(1 / delta)));
}
