/**
 * The WebAssembly forward pass (src/core/paths/brandes.wat via wasm-dijkstra.ts) against the
 * JavaScript bucket kernel of brandes.ts: the same dependencies to the bit on graphs with
 * equal-length ties, directed and undirected, disconnected, and a predecessor pool that overflows;
 * two threads' regions of one shared memory; the path pool's layout for its workers; and the
 * committed module bytes are the ones the committed text compiles to.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { brandesSource, brandesSums, PathScratch } from '../../../src/core/paths/brandes.js';
import { allSourcesTwice, layeredTieGraph, randomLengthGraph } from '../../helpers/brandes-runs.js';
import { BRANDES_WASM } from '../../../src/core/paths/brandes-wasm.js';
import {
  useWasmDijkstra,
  useWasmGraph,
  wasmDijkstraOf,
  wasmGraph,
  wasmGraphsForWorkersBuilt,
} from '../../../src/core/paths/wasm-dijkstra.js';
import { runPathTask, runPathTaskSync } from '../../../src/core/parallel/pool.js';
import { ownedSums } from '../../../src/core/parallel/tasks.js';
import { csrFromEdges, lengthsFromStrengths } from '../../../src/core/graph/csr.js';
import { bucketPlan, packedArcsOf, pathGraphOf, type PathGraph } from '../../../src/core/graph/path-graph.js';
import { mulberry32 } from '../../../src/core/util/random.js';
import { wasmBytesOf } from '../../../scripts/wasm/compile.js';

/** Every source's dependencies summed, with the WebAssembly kernel on or off (fresh scratch and graph copy each time). */
function run(g0: PathGraph, wasm: boolean): Float64Array {
  // A copy of the graph object, so that each setting makes its own engine (engines are kept per graph).
  const g: PathGraph = { ...g0 };
  const was = useWasmDijkstra(wasm);
  try {
    const plan = bucketPlan(g);
    expect(plan).not.toBeNull();
    const scratch = new PathScratch(g.n, plan);
    const packed = packedArcsOf(g);
    expect(packed).not.toBeNull();
    const engine = wasmDijkstraOf(g, packed!, { inverse: plan!.inverse, mask: plan!.mask, slots: plan!.slots, capacity: plan!.capacity });
    expect(engine === null).toBe(!wasm);
    // Twice: the module's memory must come back clean after every source.
    return allSourcesTwice(g, scratch);
  } finally {
    useWasmDijkstra(was);
  }
}

describe('brandesSource in WebAssembly', () => {
  it('the committed module is what scripts/wasm/build.ts makes from brandes.wat', async () => {
    const bytes = await wasmBytesOf(readFileSync('src/core/paths/brandes.wat', 'utf8'), 'brandes.wat');
    expect(Buffer.from(bytes).toString('base64')).toBe(BRANDES_WASM);
  });

  it('the same dependencies as the JavaScript kernel, bit for bit: strengths 1, 2, 4 (many equal-length routes), undirected and directed', () => {
    for (const [directed, seed] of [
      [false, 1],
      [true, 2],
      [false, 3],
    ] as const) {
      const g = randomLengthGraph(300, 1500, directed, seed, [1, 2, 4]);
      const js = run(g, false);
      const wasm = run(g, true);
      expect(js.some((x) => x > 0)).toBe(true);
      expect(Array.from(wasm)).toEqual(Array.from(js));
    }
  });

  it("sums added inside WebAssembly (the engine's own array, brandesSums) are the bits of a plain array's; the array is zeroed on each call and copied by ownedSums", () => {
    const g = randomLengthGraph(300, 1500, false, 9, [1, 2, 4]);
    const plain = run(g, true);
    const own: PathGraph = { ...g };
    const scratch = new PathScratch(own.n, bucketPlan(own));
    const sums = brandesSums(own, scratch);
    // A view of the engine's shared memory, not a fresh array.
    expect(sums.buffer).toBeInstanceOf(SharedArrayBuffer);
    for (let s = 0; s < own.n; s++) brandesSource(own, s, sums, scratch);
    expect(Array.from(sums)).toEqual(Array.from(plain));
    const kept = ownedSums(sums);
    expect(kept.buffer).toBeInstanceOf(ArrayBuffer);
    expect(Array.from(kept)).toEqual(Array.from(plain));
    // The next call hands back the same memory, zeroed: the copy is untouched.
    const again = brandesSums(own, scratch);
    expect(again.every((x) => x === 0)).toBe(true);
    expect(Array.from(kept)).toEqual(Array.from(plain));
    // A plain array on the same engine meanwhile (the spare path) leaves the engine's array alone.
    brandesSource(own, 0, new Float64Array(own.n), scratch);
    expect(again.every((x) => x === 0)).toBe(true);
    // Without WebAssembly: a plain array.
    const was = useWasmDijkstra(false);
    try {
      const js: PathGraph = { ...g };
      expect(brandesSums(js, new PathScratch(js.n, bucketPlan(js))).buffer).toBeInstanceOf(ArrayBuffer);
    } finally {
      useWasmDijkstra(was);
    }
    // The pool's results are the caller's: a second run on the same graph does not change the first.
    const pair = { forward: own, backward: own };
    const first = runPathTaskSync(pair, { kind: 'betweenness' });
    const copy = Array.from(first);
    runPathTaskSync(pair, { kind: 'betweenness' });
    expect(Array.from(first)).toEqual(copy);
    expect(first.buffer).toBeInstanceOf(ArrayBuffer);
  });

  it('strengths 1..500 (the generated orgs), and a graph in three parts that never reach one another', () => {
    const strengths = Array.from({ length: 500 }, (_, i) => i + 1);
    const g = randomLengthGraph(500, 4000, false, 4, strengths);
    expect(Array.from(run(g, true))).toEqual(Array.from(run(g, false)));
    // Three separate random parts: nodes 0-99, 100-199, 200-299.
    const sources: number[] = [];
    const targets: number[] = [];
    const weights: number[] = [];
    const random = mulberry32(5);
    for (let part = 0; part < 3; part++)
      for (let i = 0; i < 300; i++) {
        sources.push(part * 100 + Math.floor(random() * 100));
        targets.push(part * 100 + Math.floor(random() * 100));
        weights.push(1 + Math.floor(random() * 3));
      }
    const keep = sources.map((a, i) => a !== targets[i]);
    const csr = csrFromEdges(
      300,
      {
        sources: sources.filter((_, i) => keep[i]),
        targets: targets.filter((_, i) => keep[i]),
        weights: weights.filter((_, i) => keep[i]),
      },
      false,
    );
    const parts = pathGraphOf(csr, lengthsFromStrengths(csr));
    expect(Array.from(run(parts, true))).toEqual(Array.from(run(parts, false)));
  });

  it('more equal-length ties than its predecessor pool holds: that source runs in JavaScript, same result', () => {
    // Source 0 meets 264 ties, more than the pool of 37 entries (see layeredTieGraph).
    const g = layeredTieGraph();
    const js = run(g, false);
    const wasm = run(g, true);
    expect(Array.from(wasm)).toEqual(Array.from(js));
    // Hand value: node 0 lies only between two L1 nodes, whose 13 shortest routes (via 0 or any of
    // the 12 L2 nodes) it is on one of: 1/13 for each of the 12 x 11 ordered pairs.
    expect(wasm[0]).toBeCloseTo(132 / 13, 12);
  });

  it("two threads' regions of one shared graph, used in alternation, give the JavaScript kernel's sums to the bit; a graph of another shape is refused", () => {
    const g = randomLengthGraph(400, 3000, false, 6, [1, 2, 3, 5, 8]);
    const plan = bucketPlan(g)!;
    const graph = wasmGraph(g, packedArcsOf(g)!, plan, 2);
    expect(graph).not.toBeNull();
    expect(graph!.memory.buffer).toBeInstanceOf(SharedArrayBuffer);
    // Two graph objects, as two workers would hold, each on its own region of the one memory.
    const a: PathGraph = { ...g };
    const b: PathGraph = { ...g };
    expect(useWasmGraph(a, graph!, 0)).toBe(true);
    expect(useWasmGraph(b, graph!, 1)).toBe(true);
    expect(wasmDijkstraOf(a, packedArcsOf(a)!, plan)).not.toBe(wasmDijkstraOf(b, packedArcsOf(b)!, plan));
    const outA = new Float64Array(g.n);
    const outB = new Float64Array(g.n);
    const scratchA = new PathScratch(g.n, plan);
    const scratchB = new PathScratch(g.n, plan);
    // Even sources on region 0, odd ones on region 1, interleaved; twice, so both regions come back clean.
    for (let pass = 0; pass < 2; pass++) {
      outA.fill(0);
      outB.fill(0);
      for (let s = 0; s + 1 < g.n; s += 2) {
        brandesSource(a, s, outA, scratchA);
        brandesSource(b, s + 1, outB, scratchB);
      }
      // The JavaScript kernel on the same split, summed in the same order.
      const jsA = new Float64Array(g.n);
      const jsB = new Float64Array(g.n);
      const was = useWasmDijkstra(false);
      try {
        const scratch = new PathScratch(g.n, plan);
        for (let s = 0; s + 1 < g.n; s += 2) {
          brandesSource(g, s, jsA, scratch);
          brandesSource(g, s + 1, jsB, scratch);
        }
      } finally {
        useWasmDijkstra(was);
      }
      expect(jsA.some((x) => x > 0) && jsB.some((x) => x > 0)).toBe(true);
      expect(Array.from(outA)).toEqual(Array.from(jsA));
      expect(Array.from(outB)).toEqual(Array.from(jsB));
    }
    // Another graph (other arcs) is not laid out there; a region that does not exist is refused.
    const other = randomLengthGraph(400, 2000, false, 7, [1, 2]);
    expect(useWasmGraph({ ...other }, graph!, 0)).toBe(false);
    expect(useWasmGraph({ ...g }, graph!, 2)).toBe(false);
  });

  it('the path pool lays a weighted graph out once for its workers; 2 workers agree with one thread', async () => {
    const g = randomLengthGraph(2500, 10000, false, 8, [1, 2, 3, 4, 5]);
    const pair = { forward: g, backward: g };
    const before = wasmGraphsForWorkersBuilt();
    const two = await runPathTask(pair, { kind: 'betweenness' }, { workers: 2 });
    expect(wasmGraphsForWorkersBuilt()).toBe(before + 1);
    const one = runPathTaskSync(pair, { kind: 'betweenness' });
    expect(one.some((x) => x > 0)).toBe(true);
    for (let v = 0; v < g.n; v++) expect(Math.abs(two[v] - one[v])).toBeLessThanOrEqual(1e-12 * Math.max(1, one[v]));
    // Hop counts run the batched kernel: nothing laid out.
    const hops = { forward: { ...g, lengths: null }, backward: { ...g, lengths: null } };
    await runPathTask(hops, { kind: 'betweenness' }, { workers: 2 });
    expect(wasmGraphsForWorkersBuilt()).toBe(before + 1);
  });

  it('weighted distance sums on a directed graph: their incoming arcs laid out once for the workers, the one-thread bits', async () => {
    const random = mulberry32(9);
    const [sources, targets, weights]: number[][] = [[], [], []];
    for (let i = 0; i < 10000; i++) {
      const [a, b] = [Math.floor(random() * 2500), Math.floor(random() * 2500)];
      if (a === b) continue;
      sources.push(a);
      targets.push(b);
      weights.push(1 + Math.floor(random() * 5));
    }
    const csr = csrFromEdges(2500, { sources, targets, weights }, true);
    const lengths = lengthsFromStrengths(csr);
    const pair = { forward: pathGraphOf(csr, lengths), backward: pathGraphOf(csr, lengths, true) };
    const before = wasmGraphsForWorkersBuilt();
    const two = await runPathTask(pair, { kind: 'distances', unit: 1 }, { workers: 2 });
    expect(wasmGraphsForWorkersBuilt()).toBe(before + 1);
    const one = runPathTaskSync(pair, { kind: 'distances', unit: 1 });
    expect(one.some((x, i) => i % 3 === 1 && x > 0)).toBe(true);
    // Sources are independent: the same searches in the same order, the same bits on any thread.
    expect(Array.from(two)).toEqual(Array.from(one));
  });
});
