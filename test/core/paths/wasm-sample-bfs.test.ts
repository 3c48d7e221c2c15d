/**
 * Shortest-path samples on hop counts in WebAssembly (src/core/paths/sample-bfs.wat via
 * wasm-sample-bfs.ts) against the JavaScript sampler (samplePath): the same path length and the same
 * interior counts, sample by sample, on undirected and directed graphs with parts the samples cannot
 * cross; approximate betweenness through the pool the same with the engine as without it; and the
 * committed module bytes are the ones the committed text compiles to.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { samplePath, SampleScratch, type PathGraphPair } from '../../../src/core/paths/approx-betweenness.js';
import { SAMPLE_BFS_WASM } from '../../../src/core/paths/sample-bfs-wasm.js';
import { useWasmSampleBfs, WasmSampleBfs } from '../../../src/core/paths/wasm-sample-bfs.js';
import { betweennessApprox } from '../../../src/metrics/centrality/betweenness-approx.js';
import { viewOf } from '../../metrics/centrality/path-fixtures.js';
import { wasmBytesOf } from '../../../scripts/wasm/compile.js';
import { graphOf, randomArcs } from '../../helpers/arc-graphs.js';

/** Both directions of the arcs: one graph (both ways) when undirected, else the arcs and their reverse. */
function pairOf(n: number, arcs: [number, number][], undirected: boolean): PathGraphPair {
  if (undirected) {
    const g = graphOf(n, arcs, true);
    return { forward: g, backward: g };
  }
  return {
    forward: graphOf(n, arcs, false),
    backward: graphOf(
      n,
      arcs.map(([a, b]): [number, number] => [b, a]),
      false,
    ),
  };
}

describe('hop-count samples in WebAssembly', () => {
  it('the committed module is what scripts/wasm/build.ts makes from sample-bfs.wat', async () => {
    const bytes = await wasmBytesOf(readFileSync('src/core/paths/sample-bfs.wat', 'utf8'), 'sample-bfs.wat');
    expect(Buffer.from(bytes).toString('base64')).toBe(SAMPLE_BFS_WASM);
  });

  for (const [name, n, span, k, undirected] of [
    ['undirected, 400 nodes, 100 isolated, sparse (long paths, unreachable pairs)', 400, 300, 450, true],
    ['undirected, 300 nodes, dense (many shortest paths per pair)', 300, 300, 3000, true],
    ['directed, 350 nodes, 50 isolated (pairs reachable one way only)', 350, 300, 1200, false],
  ] as const) {
    it(`the same path lengths and interior counts as samplePath, sample by sample: ${name}`, () => {
      const g = pairOf(n, randomArcs(n + k, span, k), undirected);
      const engine = WasmSampleBfs.create(g)!;
      const scratch = new SampleScratch(n);
      const want = new Float64Array(n);
      const got = engine.sums();
      const lengths = new Set<number>();
      for (const seed of [1, 0xfffffff0]) {
        for (let s = 0; s < 3000; s++) {
          const a = samplePath(g, seed, s, want, scratch);
          const b = engine.sample(seed, s);
          expect(b, `seed ${seed}, sample ${s}`).toBe(a);
          lengths.add(a);
        }
      }
      expect(Array.from(got)).toEqual(Array.from(want));
      // Paths of several lengths were drawn, and unreachable pairs where some nodes are isolated.
      expect(lengths.has(-1)).toBe(span < n);
      expect(lengths.size).toBeGreaterThanOrEqual(3);
      expect(want.some((x) => x > 10)).toBe(true);
    });
  }

  it('approximate betweenness through the pool (2 workers) and in one thread: the same values with the engine as without it', async () => {
    const seen = new Set<string>();
    const arcs = randomArcs(5, 2400, 9000).filter(([a, b]) => a !== b && !seen.has(`${a} ${b}`) && seen.add(`${a} ${b}`));
    const view = viewOf(2500, arcs, false);
    const options = { weighted: false, samples: 4000, seed: 3 };
    const onTwo = await betweennessApprox(view, { ...options, workers: 2 });
    const onOne = await betweennessApprox(view, { ...options, workers: 1 });
    const was = useWasmSampleBfs(false);
    try {
      // Off in this thread only (the workers make their own engines), so compare one thread each way.
      const plain = await betweennessApprox(view, { ...options, workers: 1 });
      expect(Array.from(onOne.values)).toEqual(Array.from(plain.values));
    } finally {
      useWasmSampleBfs(was);
    }
    expect(Array.from(onTwo.values)).toEqual(Array.from(onOne.values));
    expect(onOne.values.filter((x) => x > 0).length).toBeGreaterThan(100);
  });
});
