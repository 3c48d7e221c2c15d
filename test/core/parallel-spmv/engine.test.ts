import { describe, expect, it } from 'vitest';
import { balancedRowSplit, parallelEngine, sequentialEngine, spmvEngine } from '../../../src/core/parallel-spmv/engine.js';

// Path 0-1-2-3 plus isolate 4, undirected: rows hold each edge both ways.
const offsets = Int32Array.from([0, 1, 3, 5, 6, 6]);
const targets = Int32Array.from([1, 0, 2, 1, 3, 2]);
const weights = Float64Array.from([2, 2, 3, 3, 5, 5]);

describe('parallel-spmv engine', () => {
  it('sequential: y = A x by hand', () => {
    const e = sequentialEngine(5, offsets, targets, weights);
    const x = Float64Array.from([1, 10, 100, 1000, 7]);
    const y = e.vector();
    e.multiply(x, y);
    // y0 = 2*10, y1 = 2*1 + 3*100, y2 = 3*10 + 5*1000, y3 = 5*100, y4 = 0 (isolate)
    expect(Array.from(y)).toEqual([20, 302, 5030, 500, 0]);
    const ones = e.vector();
    sequentialEngine(5, offsets, targets, null).multiply(x, ones);
    expect(Array.from(ones)).toEqual([10, 101, 1010, 100, 0]);
  });

  it('rows split by work, covering every row once', () => {
    expect(Array.from(balancedRowSplit(5, offsets, 1))).toEqual([0, 5]);
    const b = balancedRowSplit(5, offsets, 2);
    expect(b[0]).toBe(0);
    expect(b[2]).toBe(5);
    // Prefix work i + offsets[i]: 0, 2, 5, 8, 11, 11; half of 11 is 5.5, nearest at i = 2 (5 vs 8).
    expect(b[1]).toBe(2);
  });

  it('two threads give the same bits as one, and stay usable until closed', () => {
    const e = parallelEngine(5, offsets, targets, weights, { threads: 2, vectors: 2 });
    expect(e.threads).toBe(2);
    const x = e.vector();
    const y = e.vector();
    x.set([1, 10, 100, 1000, 7]);
    for (let round = 0; round < 3; round++) {
      e.multiply(x, y);
      expect(Array.from(y)).toEqual([20, 302, 5030, 500, 0]);
      y.fill(-1);
    }
    // A vector not from the engine still works (multiplied in the calling thread).
    const z = new Float64Array(5);
    e.multiply(x, z);
    expect(Array.from(z)).toEqual([20, 302, 5030, 500, 0]);
    e.close();
    e.multiply(x, y);
    expect(Array.from(y)).toEqual([20, 302, 5030, 500, 0]);
  });

  it('small matrices stay in the calling thread', () => {
    expect(spmvEngine(5, offsets, targets, weights, { threads: 2, vectors: 2 }).threads).toBe(1);
  });
});
