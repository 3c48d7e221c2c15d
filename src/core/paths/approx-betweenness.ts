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
  }
}

/**
 * Sample `k` of the Riondato–Kornaropoulos estimator: draw an ordered pair s != t uniformly, then
 * one shortest s-t path uniformly among all of them, and add 1 to `out[v]` for each interior node v.
 * With r samples, out[v] / r estimates b(v) = 1/(n(n-1)) sum_{s != t} sigma_st(v) / sigma_st.
 *
 * Hop counts (balanced bidirectional BFS, expanding the side with the smaller frontier degree)
 * when lengths are null; otherwise Dijkstra from s stopped when t settles.
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

function sampleDijkstra(g: PathGraphPair, s: number, t: number, out: Float64Array, scratch: SampleScratch): number {
  const { offsets, targets } = g.forward;
  const lengths = g.forward.lengths!;
  const bo = g.backward.offsets;
  const bt = g.backward.targets;
  const bl = g.backward.lengths!;
  const { dist, sigma, heap, queueS: touched, rng } = scratch;
  dist[s] = 0;
  sigma[s] = 1;
  heap.push(s);
  touched[0] = s;
  let count = 1;
  let found = false;
  // Step 1: Dijkstra with path counts until t settles.
  while (heap.size > 0) {
    const v = heap.pop();
    if (v === t) {
      found = true;
      break;
    }
    const dv = dist[v];
    const sv = sigma[v];
    for (let p = offsets[v]; p < offsets[v + 1]; p++) {
      const w = targets[p];
      const nd = dv + lengths[p];
      const dw = dist[w];
      if (nd < dw) {
        dist[w] = nd;
        sigma[w] = sv;
        if (dw === Infinity) {
          touched[count++] = w;
          heap.push(w);
        } else heap.decrease(w);
      } else if (nd === dw) {
        sigma[w] += sv;
      }
    }
  }
  let hops = -1;
  if (found) {
    // Step 2: walk back from t choosing predecessors v with probability sigma[v] / sigma[w].
    hops = 0;
    let w = t;
    while (w !== s) {
      const dw = dist[w];
      let r = rng.next() * sigma[w];
      let pick = -1;
      for (let p = bo[w]; p < bo[w + 1]; p++) {
        const v = bt[p];
        if (dist[v] + bl[p] !== dw) continue;
        pick = v;
        r -= sigma[v];
        if (r < 0) break;
      }
      hops++;
      if (pick !== s) out[pick] += 1;
      w = pick;
    }
  }
  // Step 3: reset (the heap may still hold nodes).
  while (heap.size > 0) heap.pop();
  for (let q = 0; q < count; q++) dist[touched[q]] = Infinity;
  return hops;
}

/**
 * An upper bound on the vertex diameter VD (most nodes on any shortest path), which sets the
 * Riondato–Kornaropoulos sample size.
 *
 * Undirected, hop counts: per connected component, 2 ecc(v) + 1 from a BFS of its first node.
 * Undirected, lengths: per component, min(size, floor(2 ecc_len(v) / min length) + 1).
 * Directed: the size of the largest weakly connected component (loose, but the sample size only
 * grows with log2 VD).
 *
 * Complexity: O(m) (O(m log n) with lengths).
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
    else {
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
      bound = Math.min(tail, Math.floor((2 * far) / minLen) + 1);
    }
    if (bound > best) best = bound;
  }
  return best;
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
