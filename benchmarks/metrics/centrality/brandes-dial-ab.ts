/**
 * Multi-source weighted Brandes on the generated org: what can be shared between sources
 * Two measurements on the graph the path pool gives weighted betweenness (lengths 1/w,
 * breadth-first relabelled, distance backbone from 20k people), CPU time from process.cpuUsage:
 *
 * - `cosettle`: for batches of B consecutive sources (B = 8, 16, 32) at 4 places in the order,
 *   how many of the B sources settle a node in the same bucket of a shared Dial index, for the
 *   plan's bucket width and for buckets 2^j times wider: the sharing factor B / (distinct buckets
 *   per node), i.e. how many sources one read of a node's row could serve.
 * - `nodemajor B` (default): a prototype of the shared-bucket kernel (per (node, source) state node-major,
 *   dist[v * B + k]; one bucket index for all B sources; a node settled for several sources in a
 *   bucket reads its row once) against `brandesSource` on the same sources, alternating batch by
 *   batch; not kept in src/ (it lost, see docs/benchmarks.md).
 * (The chained kernel this script also timed, `brandesChain`, was removed once the WebAssembly
 * single-source kernel ran faster: see docs/benchmarks.md and commit e2aacc1.)
 *
 * Every mode prints one JSON line; the A/B modes also print the largest relative gap between the
 * two kernels' sums (0 = identical to the bit).
 * Usage: npx tsx benchmarks/metrics/centrality/brandes-dial-ab.ts [people] [nodemajor|cosettle] [chains or batches] [B]
 */
import { loadavg } from 'node:os';
import { orgFixture } from '../../fixture.js';
import { pathInput } from '../../../src/metrics/centrality/path-common.js';
import { brandesSource, PathScratch } from '../../../src/core/paths/brandes.js';
import { breadthFirstOrder, permutePair } from '../../../src/core/graph/reorder.js';
import { bucketPlan, packedArcsOf, type BucketPlan } from '../../../src/core/graph/path-graph.js';
import { wasmDijkstraOf } from '../../../src/core/paths/wasm-dijkstra.js';
import { BACKBONE_MIN_NODES, withoutNonBackboneArcs } from '../../../src/core/graph/backbone.js';

const people = Number(process.argv[2] ?? 10000);
const mode = process.argv[3] ?? 'nodemajor';
const rounds = Number(process.argv[4] ?? 4);
const width = Number(process.argv[5] ?? 8);
const f = orgFixture(people, 1, 20);
const input = pathInput(f.view, true, 'inverse');
const g = withoutNonBackboneArcs(permutePair(input.pair, breadthFirstOrder(input.pair)).forward, { minNodes: BACKBONE_MIN_NODES });
const n = g.n;
const plan = bucketPlan(g)!;
const load0 = loadavg()[0];

function cpuMicros(run: () => void): number {
  const c0 = process.cpuUsage();
  run();
  const c = process.cpuUsage(c0);
  return c.user + c.system;
}

function worstGap(a: Float64Array, b: Float64Array): number {
  let worst = 0;
  for (let v = 0; v < a.length; v++) {
    if (a[v] !== b[v]) worst = Math.max(worst, Math.abs(a[v] - b[v]) / Math.max(Math.abs(a[v]), Math.abs(b[v])));
  }
  return worst;
}

/**
 * Distances from s, from the single-source kernel's own forward pass (the WebAssembly engine the
 * pool runs: the buckets the co-settling counts look at are the kernel's); its state reset after.
 */
function distancesFrom(s: number): Float64Array {
  const engine = wasmDijkstraOf(g, packedArcsOf(g)!, plan);
  if (engine === null) throw new Error('the WebAssembly kernel is not available here');
  const count = engine.forward(s);
  const { dist, order } = engine.state;
  const out = dist.slice();
  for (let k = 0; k < count; k++) dist[order[k]] = Infinity;
  return out;
}

function cosettle(): void {
  const widths = [0, 1, 2, 4, 6];
  const rows = [];
  for (const B of [8, 16, 32]) {
    const distinct = new Float64Array(widths.length);
    const places = 4;
    for (let t = 0; t < places; t++) {
      const first = Math.floor((t * (n - B)) / (places - 1));
      const d = Array.from({ length: B }, (_, k) => distancesFrom(first + k));
      const row = new Int32Array(B);
      widths.forEach((j, i) => {
        const inverse = plan.inverse / 2 ** j;
        for (let v = 0; v < n; v++) {
          // Distinct bucket indices among the B sources: insertion sort of B values, then a count.
          for (let k = 0; k < B; k++) {
            const b = d[k][v] === Infinity ? -1 : Math.floor(d[k][v] * inverse);
            let at = k;
            while (at > 0 && row[at - 1] > b) {
              row[at] = row[at - 1];
              at--;
            }
            row[at] = b;
          }
          let count = 1;
          for (let k = 1; k < B; k++) if (row[k] !== row[k - 1]) count++;
          distinct[i] += count;
        }
      });
    }
    rows.push({
      B,
      sharing: Object.fromEntries(widths.map((j, i) => [`width x${2 ** j}`, +(B / (distinct[i] / (places * n))).toFixed(3)])),
    });
  }
  console.log(JSON.stringify({ people, mode, arcs: g.targets.length, bucketWidth: plan.width, rows, load: [load0, loadavg()[0]] }));
}

/** Per-(node, source) state of the node-major prototype, B sources (B <= 32). */
class NodeMajorScratch {
  readonly dist: Float64Array;
  readonly sigma: Float64Array;
  readonly delta: Float64Array;
  readonly at: Int32Array;
  readonly pred: Int32Array;
  readonly predMore: Int32Array;
  readonly head: Int32Array;
  readonly log: Int32Array;
  readonly mask: Int32Array;
  readonly list: Int32Array;
  entry: Int32Array;
  entryNext: Int32Array;
  poolNode: Int32Array;
  poolNext: Int32Array;

  constructor(
    readonly B: number,
    readonly q: BucketPlan,
  ) {
    this.dist = new Float64Array(n * B).fill(Infinity);
    this.sigma = new Float64Array(n * B);
    this.delta = new Float64Array(n * B);
    this.at = new Int32Array(n * B).fill(-1);
    this.pred = new Int32Array(n * B);
    this.predMore = new Int32Array(n * B);
    this.head = new Int32Array(q.slots).fill(-1);
    this.log = new Int32Array(n * B);
    this.mask = new Int32Array(n);
    this.list = new Int32Array(n);
    this.entry = new Int32Array(2 * n * B);
    this.entryNext = new Int32Array(2 * n * B);
    this.poolNode = new Int32Array(n);
    this.poolNext = new Int32Array(n);
  }

  grow(): void {
    this.entry = doubled(this.entry);
    this.entryNext = doubled(this.entryNext);
  }

  growPool(): void {
    this.poolNode = doubled(this.poolNode);
    this.poolNext = doubled(this.poolNext);
  }
}

/** A copy of `a` in an array twice as long. */
function doubled(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** The shared-bucket prototype: sources first .. first + B - 1, entries (node << 5 | source). */
function nodeMajorBatch(first: number, out: Float64Array, S: NodeMajorScratch): void {
  const { offsets, targets } = g;
  const lengths = g.lengths!;
  const { B, dist, sigma, delta, at, pred, predMore, head, log, mask, list } = S;
  const { inverse, slots } = S.q;
  let entry = S.entry;
  let entryNext = S.entryNext;
  const count = Math.min(B, n - first);
  let entries = 0;
  for (let k = 0; k < count; k++) {
    const i = (first + k) * B + k;
    dist[i] = 0;
    sigma[i] = 1;
    at[i] = 0;
    entry[entries] = ((first + k) << 5) | k;
    entryNext[entries] = head[0];
    head[0] = entries++;
  }
  let pending = count;
  let logged = 0;
  let pool = 0;
  for (let current = 0; pending > 0; current++) {
    const slot = current % slots;
    let e = head[slot];
    head[slot] = -1;
    let listed = 0;
    // The live (node, source) entries of this bucket, grouped by node.
    while (e >= 0) {
      const x = entry[e];
      e = entryNext[e];
      const v = x >>> 5;
      const i = v * B + (x & 31);
      if (at[i] !== current) continue;
      at[i] = -1;
      pending--;
      log[logged++] = x;
      if (mask[v] === 0) list[listed++] = v;
      mask[v] |= 1 << (x & 31);
    }
    for (let t = 0; t < listed; t++) {
      const v = list[t];
      const sources = mask[v];
      mask[v] = 0;
      for (let p = offsets[v]; p < offsets[v + 1]; p++) {
        const w = targets[p];
        const l = lengths[p];
        for (let r = sources; r !== 0; r &= r - 1) {
          const k = 31 - Math.clz32(r & -r);
          const i = v * B + k;
          const j = w * B + k;
          const nd = dist[i] + l;
          const dw = dist[j];
          if (nd < dw) {
            dist[j] = nd;
            sigma[j] = sigma[i];
            pred[j] = v;
            predMore[j] = -1;
            if (dw === Infinity) pending++;
            const b = Math.max(current + 1, Math.floor(nd * inverse));
            if (b === at[j]) continue;
            at[j] = b;
            if (entries === entry.length) {
              S.grow();
              entry = S.entry;
              entryNext = S.entryNext;
            }
            entry[entries] = (w << 5) | k;
            entryNext[entries] = head[b % slots];
            head[b % slots] = entries++;
          } else if (nd === dw) {
            sigma[j] += sigma[i];
            if (pool === S.poolNode.length) S.growPool();
            S.poolNode[pool] = v;
            S.poolNext[pool] = predMore[j];
            predMore[j] = pool++;
          }
        }
      }
    }
  }
  head.fill(-1);
  // Backward over the settle log (each source's pairs come in its own settling order).
  for (let t = logged - 1; t >= 0; t--) {
    const w = log[t] >>> 5;
    const k = log[t] & 31;
    if (w === first + k) continue;
    const j = w * B + k;
    const c = (1 + delta[j]) / sigma[j];
    out[w] += delta[j];
    const v = pred[j] * B + k;
    delta[v] += sigma[v] * c;
    for (let e = predMore[j]; e >= 0; e = S.poolNext[e]) {
      const u = S.poolNode[e] * B + k;
      delta[u] += sigma[u] * c;
    }
  }
  for (let t = 0; t < logged; t++) {
    const j = (log[t] >>> 5) * B + (log[t] & 31);
    dist[j] = Infinity;
    delta[j] = 0;
  }
}

function nodeMajor(): void {
  const B = width;
  const scratch = new PathScratch(n, plan);
  const S = new NodeMajorScratch(B, plan);
  nodeMajorBatch(0, new Float64Array(n), S);
  for (let k = 0; k < 5; k++) brandesSource(g, k, new Float64Array(n), scratch);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  let single = 0;
  let batched = 0;
  let sources = 0;
  for (let t = 0; t < rounds; t++) {
    const first = Math.floor((t * (n - B)) / Math.max(1, rounds - 1));
    single += cpuMicros(() => {
      for (let k = 0; k < B; k++) brandesSource(g, first + k, a, scratch);
    });
    batched += cpuMicros(() => nodeMajorBatch(first, b, S));
    sources += B;
  }
  console.log(
    JSON.stringify({
      people,
      mode,
      B,
      sources,
      singleMsPerSource: single / sources / 1000,
      nodeMajorMsPerSource: batched / sources / 1000,
      ratio: single / batched,
      tableMBPerThread: (n * B * 44) / 1e6,
      worstRelativeGap: worstGap(a, b),
      load: [load0, loadavg()[0]],
    }),
  );
}

if (mode === 'cosettle') cosettle();
else nodeMajor();
