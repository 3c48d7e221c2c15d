/**
 * Distance sums on hop counts in WebAssembly (src/core/paths/distance-batch.wat via
 * wasm-distance-batch.ts) against distanceSumsBatch: the same (reached, total, harmonic) of every
 * source to the bit, on undirected and directed graphs with isolated nodes and a partial last batch,
 * for a hop of length 1 and of length 0.5; closeness and harmonic centrality the same through the
 * pool and in one thread with the engine as without it; and the committed module bytes are the ones
 * the committed text compiles to.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BATCH, BatchScratch, distanceSumsBatch, unitDistances } from '../../../src/core/paths/closeness.js';
import { DISTANCE_BATCH_WASM } from '../../../src/core/paths/distance-batch-wasm.js';
import { useWasmDistanceBatch, WasmDistanceBatch } from '../../../src/core/paths/wasm-distance-batch.js';
import { closeness, closenessSync } from '../../../src/metrics/centrality/closeness.js';
import { harmonicSync } from '../../../src/metrics/centrality/harmonic.js';
import { viewOf } from '../../metrics/centrality/path-fixtures.js';
import { graphOf, randomArcs } from '../../helpers/arc-graphs.js';
import { wasmBytesOf } from '../../../scripts/wasm/compile.js';

const bits = (a: Float64Array) => Array.from(a, (v) => (Object.is(v, -0) ? '-0' : String(v)));

describe('hop-count distance sums in WebAssembly', () => {
  it('the committed module is what scripts/wasm/build.ts makes from distance-batch.wat', async () => {
    const bytes = await wasmBytesOf(readFileSync('src/core/paths/distance-batch.wat', 'utf8'), 'distance-batch.wat');
    expect(Buffer.from(bytes).toString('base64')).toBe(DISTANCE_BATCH_WASM);
  });

  for (const [name, n, span, k, undirected] of [
    ['undirected, 300 nodes, 60 isolated, sparse (long paths)', 300, 240, 300, true],
    ['directed, 333 nodes (a partial last batch), dense', 333, 333, 2500, false],
  ] as const) {
    it(`the same sums as distanceSumsBatch, bit for bit, hops of 1 and of 0.5: ${name}`, () => {
      const g = graphOf(n, randomArcs(n + k, span, k), undirected);
      const engine = WasmDistanceBatch.create(g)!;
      for (const unit of [1, 0.5]) {
        const table = unitDistances(n + 1, unit);
        const want = new Float64Array(3 * n);
        const scratch = new BatchScratch(n);
        for (let b = 0; b * BATCH < n; b++) distanceSumsBatch(g, b, want, scratch, table);
        engine.distances(table);
        // Twice: the engine's state comes back clean after every batch.
        for (let round = 0; round < 2; round++) {
          const got = engine.sums();
          for (let b = 0; b * BATCH < n; b++) engine.batch(b * BATCH, Math.min(BATCH, n - b * BATCH));
          expect(bits(got), `unit ${unit}, round ${round}`).toEqual(bits(want));
        }
        // Someone reaches most of the graph; the isolated nodes (when span < n) reach only themselves.
        const reached = Array.from({ length: n }, (_, s) => want[3 * s]);
        expect(Math.max(...reached)).toBeGreaterThan(n / 2);
        expect(Math.min(...reached) === 1).toBe(span < n);
      }
    });
  }

  it('closeness and harmonic: the same values with the engine as without it, in one thread and on 2 workers', async () => {
    const seen = new Set<string>();
    const arcs = randomArcs(17, 2200, 8000).filter(([a, b]) => a !== b && !seen.has(`${a} ${b}`) && seen.add(`${a} ${b}`));
    const view = viewOf(2300, arcs, false);
    const on = [closenessSync(view, { weighted: false }).values, harmonicSync(view, { weighted: false }).values];
    const was = useWasmDistanceBatch(false);
    let off: Float64Array[];
    try {
      off = [closenessSync(view, { weighted: false }).values, harmonicSync(view, { weighted: false }).values];
    } finally {
      useWasmDistanceBatch(was);
    }
    expect(bits(on[0])).toEqual(bits(off[0]));
    expect(bits(on[1])).toEqual(bits(off[1]));
    const workers = await closeness(view, { weighted: false, workers: 2 });
    expect(bits(workers.values)).toEqual(bits(on[0]));
    expect(on[0].filter((v) => v > 0).length).toBeGreaterThan(1000);
  });
});
