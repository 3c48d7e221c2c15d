/**
 * The batched Brandes sweeps in WebAssembly (src/core/paths/brandes-batch.wat via
 * wasm-brandes-batch.ts) against the JavaScript kernel of brandes-batch.ts: the same sums to the bit
 * on random graphs (directed and undirected, components, isolated nodes, self-loops, repeated arcs,
 * partial batches), path counts past 2^24, a batch whose level entries outgrow the engine's room,
 * and through the path pool on two workers; the committed module bytes are the ones the committed
 * text compiles to.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BRANDES_BATCH, BrandesBatchRunner, BrandesBatchScratch, brandesBatch } from '../../../src/core/paths/brandes-batch.js';
import { BRANDES_BATCH_WASM } from '../../../src/core/paths/brandes-batch-wasm.js';
import { useWasmBrandesBatch, WasmBrandesBatch } from '../../../src/core/paths/wasm-brandes-batch.js';
import { runPathTask } from '../../../src/core/parallel/pool.js';
import type { PathGraph } from '../../../src/core/graph/path-graph.js';
import { wasmBytesOf } from '../../../scripts/wasm/compile.js';
import { graphOf, gridWithTail, layered, randomArcs } from '../../helpers/arc-graphs.js';

/** Every batch in the JavaScript kernel, into a zeroed array. */
function javascript(g: PathGraph, width: number): Float64Array {
  const scratch = new BrandesBatchScratch(g.n);
  const out = new Float64Array(g.n);
  for (let b = 0; b * width < g.n; b++) brandesBatch(g, b, out, scratch, width);
  return out;
}

/** Every batch through a runner on the engine's own sums (a copy of the graph object: engines are kept per graph); twice, to show the state comes back clean. */
function engine(g0: PathGraph, width: number): Float64Array[] {
  const runner = new BrandesBatchRunner({ ...g0 }, width);
  return [0, 1].map(() => {
    const out = runner.sums();
    expect(out.buffer instanceof ArrayBuffer).toBe(false);
    for (let b = 0; b * width < g0.n; b++) runner.run(b, out);
    return out.slice();
  });
}

const bits = (a: Float64Array) => Array.from(a, (x) => (Object.is(x, -0) ? '-0' : String(x)));

describe('batched Brandes in WebAssembly', () => {
  it('the committed module is what scripts/wasm/build.ts makes from brandes-batch.wat', async () => {
    const bytes = await wasmBytesOf(readFileSync('src/core/paths/brandes-batch.wat', 'utf8'), 'brandes-batch.wat');
    expect(Buffer.from(bytes).toString('base64')).toBe(BRANDES_BATCH_WASM);
  });

  for (const [name, n, span, k, undirected] of [
    ['undirected, 100 nodes, 30 isolated', 100, 70, 160, true],
    ['directed, 257 nodes (not a multiple of 32), sparse: many components', 257, 257, 300, false],
    ['undirected, 333 nodes, dense', 333, 333, 2500, true],
    ['directed, 97 nodes, dense with self-loops and repeated arcs', 97, 97, 900, false],
    ['undirected, 31 nodes: one partial batch', 31, 31, 60, true],
  ] as const) {
    it(`the same sums as the JavaScript kernel, bit for bit: ${name}`, () => {
      const g = graphOf(n, randomArcs(n * 7 + k, span, k), undirected);
      for (const width of [BRANDES_BATCH, 7]) {
        const want = javascript(g, width);
        expect(want.some((x) => x > 0)).toBe(true);
        const [first, second] = engine(g, width);
        expect(bits(first), `width ${width}`).toEqual(bits(want));
        expect(bits(second), `width ${width}, second pass`).toEqual(bits(want));
      }
    });
  }

  it('path counts past 2^24: the batch falls back to single sources, the same sums as the JavaScript kernel', () => {
    // Layers of 7 nodes, each tied to every node of the next layer: up to 7^9 = 40,353,607 shortest
    // paths (odd and past 2^24, so Float32 would round it); 8 x 10 layers stays at 8^8 = 2^24.
    for (const [w, layers, big] of [
      [8, 10, false],
      [7, 11, true],
    ] as const) {
      const g = layered(w, layers);
      const e = WasmBrandesBatch.create(g)!;
      expect(e.sweeps(0, BRANDES_BATCH) === -1, `${w} x ${layers}`).toBe(big);
      expect(bits(engine(g, BRANDES_BATCH)[0]), `${w} x ${layers}`).toEqual(bits(javascript(g, BRANDES_BATCH)));
    }
  });

  it('level entries past the engine room: -2 with nothing added and the state clean; the runner then uses the JavaScript kernel', () => {
    // A 12 x 12 grid with a tail of 40: 32 sources at different places reach most nodes at several
    // levels, so a batch needs more than n entries; a batch of one source needs exactly n.
    const g = gridWithTail(12, 40);
    const n = g.n;
    const tight = WasmBrandesBatch.create(g, 1)!;
    const out = tight.sums();
    expect(tight.sweeps(0, BRANDES_BATCH)).toBe(-2);
    expect(out.every((x) => x === 0)).toBe(true);
    // One source: n entries, the room exactly; the same sums as the JavaScript kernel for that source.
    expect(tight.sweeps(5, 1)).toBe(n);
    const want = new Float64Array(n);
    brandesBatch(g, 5, want, new BrandesBatchScratch(n), 1);
    expect(bits(out)).toEqual(bits(want));
  });

  it('with the hook off the runner adds into a plain array on the JavaScript kernel: the same bits', () => {
    const g = graphOf(150, randomArcs(11, 150, 500), true);
    const want = engine(g, BRANDES_BATCH)[0];
    const was = useWasmBrandesBatch(false);
    try {
      const runner = new BrandesBatchRunner({ ...g }, BRANDES_BATCH);
      const out = runner.sums();
      expect(out.buffer instanceof ArrayBuffer).toBe(true);
      for (let b = 0; b * BRANDES_BATCH < g.n; b++) runner.run(b, out);
      expect(bits(out)).toEqual(bits(want));
    } finally {
      useWasmBrandesBatch(was);
    }
  });

  it('through the path pool on 2 workers (the engine in each): the JavaScript kernel sums up to rounding', async () => {
    // 2,500 nodes (the pool relabels, and adds the workers' blocks in block order), directed, 500 isolated.
    const arcs = randomArcs(99, 2000, 7000);
    const pair = {
      forward: graphOf(2500, arcs, false),
      backward: graphOf(
        2500,
        arcs.map(([a, b]): [number, number] => [b, a]),
        false,
      ),
    };
    const got = await runPathTask(pair, { kind: 'betweenness' }, { workers: 2 });
    const want = javascript(pair.forward, BRANDES_BATCH);
    expect(want.some((x) => x > 0)).toBe(true);
    let worst = 0;
    for (let v = 0; v < 2500; v++) if (got[v] !== want[v]) worst = Math.max(worst, Math.abs(got[v] - want[v]) / Math.max(got[v], want[v]));
    expect(worst).toBeLessThan(1e-12);
  });
});
