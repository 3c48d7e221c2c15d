/**
 * The worker pool: 1, 2 and 4 threads agree (to 1e-12; the same bits for any count above one, the
 * blocks being added in block order), progress rises to the total, aborts reject and stop the
 * workers, and the worker entry is found.
 * These runs start real worker threads from the TypeScript sources (through tsx).
 */
import { describe, expect, it } from 'vitest';
import { pathGraphOf } from '../../../src/core/graph/path-graph.js';
import { csrFromEdges, lengthsFromStrengths } from '../../../src/core/graph/csr.js';
import { runPathTask, runPathTaskSync, TaskAbortedError } from '../../../src/core/parallel/pool.js';
import { blockRange, SAMPLE_BLOCKS, TASK_BLOCKS, taskBlocks, type PathTaskSpec } from '../../../src/core/parallel/tasks.js';
import { WorkerError, workerEntry } from '../../../src/core/parallel/threads.js';
import type { PathGraphPair } from '../../../src/core/paths/approx-betweenness.js';
import { mulberry32 } from '../../../src/core/util/random.js';

/** A seeded sparse random graph (n = 2500, so the locality reordering is on) with integer weights. */
function randomPair(directed: boolean, weighted: boolean): PathGraphPair {
  const n = 2500;
  const rand = mulberry32(12345);
  const s: number[] = [];
  const t: number[] = [];
  const w: number[] = [];
  for (let e = 0; e < 4 * n; e++) {
    const a = Math.floor(rand() * n);
    const b = Math.floor(rand() * n);
    if (a === b) continue;
    s.push(a);
    t.push(b);
    w.push(1 + Math.floor(rand() * 5));
  }
  const csr = csrFromEdges(n, { sources: s, targets: t, weights: w }, directed);
  const lengths = weighted ? lengthsFromStrengths(csr) : null;
  return { forward: pathGraphOf(csr, lengths), backward: pathGraphOf(csr, lengths, true) };
}

function maxRelDiff(a: Float64Array, b: Float64Array): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), 1e-300));
  return worst;
}

describe('worker pool', () => {
  it('finds the worker entry: a file (dev-worker.cjs loading worker.ts under vitest), never code from a string', () => {
    expect(workerEntry()).toMatch(/src\/core\/parallel\/dev-worker\.cjs$/);
  });

  it('an exception inside a worker comes back as a WorkerError carrying its message', async () => {
    const g = randomPair(false, false);
    const bogus = { kind: 'bogus' } as unknown as PathTaskSpec;
    const run = runPathTask(g, bogus, { workers: 2 });
    await expect(run).rejects.toBeInstanceOf(WorkerError);
    await expect(runPathTask(g, bogus, { workers: 2 })).rejects.toThrow('orgraph worker failed: unknown path task kind "bogus"');
  });

  it('betweenness on a weighted digraph: 1, 2 and 4 workers agree within 1e-12, 2, 3 and 4 to the bit; progress rises to the total', async () => {
    const g = randomPair(true, true);
    const one = runPathTaskSync(g, { kind: 'betweenness' });
    const seen: number[] = [];
    const two = await runPathTask(g, { kind: 'betweenness' }, { workers: 2, onProgress: (d, total) => seen.push(d / total) });
    const three = await runPathTask(g, { kind: 'betweenness' }, { workers: 3 });
    const four = await runPathTask(g, { kind: 'betweenness' }, { workers: 4 });
    expect(one.some((x) => x > 0)).toBe(true);
    expect(maxRelDiff(two, one)).toBeLessThan(1e-12);
    expect(maxRelDiff(four, one)).toBeLessThan(1e-12);
    // Blocks are added in block order, whichever worker ran them: the same bits for any count above one.
    expect(Array.from(three)).toEqual(Array.from(two));
    expect(Array.from(four)).toEqual(Array.from(two));
    // A report per block (TASK_BLOCKS of them) and the total, never going back.
    expect(seen.length).toBe(TASK_BLOCKS);
    expect(seen.every((x, i) => i === 0 || x > seen[i - 1])).toBe(true);
    expect(seen[seen.length - 1]).toBe(1);
  });

  it('blocks cover the items once each, in consecutive ranges; from 8 items a block, the last 12 taper to an eighth', () => {
    for (const items of [1, 2, 63, 64, 65, 2500, 1023, 1024, 100000]) {
      const blocks = taskBlocks({ kind: 'betweenness' }, items);
      expect(blocks).toBe(Math.min(items, TASK_BLOCKS));
      expect(taskBlocks({ kind: 'sample', seed: 1, samples: items }, items)).toBe(Math.min(items, SAMPLE_BLOCKS));
      let next = 0;
      for (let b = 0; b < blocks; b++) {
        const [from, to] = blockRange(items, blocks, b);
        expect(from).toBe(next);
        expect(to).toBeGreaterThan(from);
        next = to;
      }
      expect(next).toBe(items);
    }
    // 100,000 items in 128 blocks: weights 8 (116 blocks), then 4, 4, 4, 4, 2, 2, 2, 2, 1, 1, 1, 1,
    // in eighths of a block: 956 in all. Block 0: floor(8 * 100000 / 956) = 836 items; the last:
    // 100000 - floor(955 * 100000 / 956) = 105; the first tapered one (116) starts at 928 * 100000 / 956.
    const size = (items: number, blocks: number, b: number) => blockRange(items, blocks, b)[1] - blockRange(items, blocks, b)[0];
    expect(size(100000, 128, 0)).toBe(836);
    expect(size(100000, 128, 127)).toBe(105);
    expect(blockRange(100000, 128, 116)[0]).toBe(Math.floor((928 * 100000) / 956));
    // Below 8 items a block (1,023 items in 128), or below 32 blocks: equal blocks.
    const sizes = Array.from({ length: 128 }, (_, b) => size(1023, 128, b));
    expect(Math.max(...sizes) - Math.min(...sizes)).toBe(1);
    expect(size(2500, 4, 3)).toBe(625);
  });

  it('distance sums on hops (bit-parallel batches) and samples agree across worker counts', async () => {
    const g = randomPair(false, false);
    const one = runPathTaskSync(g, { kind: 'distances', unit: 1 });
    const two = await runPathTask(g, { kind: 'distances', unit: 1 }, { workers: 2 });
    expect(maxRelDiff(two, one)).toBeLessThan(1e-12);
    const spec = { kind: 'sample', seed: 7, samples: 3000 } as const;
    // Samples are seeded per sample index, and hit counts are integers: identical for any count.
    expect(Array.from(await runPathTask(g, spec, { workers: 2 }))).toEqual(Array.from(runPathTaskSync(g, spec)));
  });

  it('an abort rejects with TaskAbortedError, in workers and in this thread', async () => {
    const g = randomPair(true, true);
    const controller = new AbortController();
    const running = runPathTask(g, { kind: 'betweenness' }, { workers: 2, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(running).rejects.toBeInstanceOf(TaskAbortedError);
    const local = new AbortController();
    const inThread = runPathTask(g, { kind: 'betweenness' }, { workers: 1, signal: local.signal });
    local.abort();
    await expect(inThread).rejects.toBeInstanceOf(TaskAbortedError);
  });
});
