import { describe, expect, it } from 'vitest';
import { dominantEigenvectorSymmetric } from '../../../src/core/spectral/power-iteration.js';
import { balancedRowSplit, parallelEngine, sequentialEngine, spmvEngine, type SpmvEngine } from '../../../src/core/parallel/spmv.js';
import { CONTROL, SPMV_OP, type SpmvWorkerData } from '../../../src/core/parallel/spmv.js';
import { setWorkerPath, startWorker, WorkerError } from '../../../src/core/parallel/threads.js';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';

// Path 0-1-2-3 plus isolate 4, undirected: rows hold each edge both ways.
const offsets = Int32Array.from([0, 1, 3, 5, 6, 6]);
const targets = Int32Array.from([1, 0, 2, 1, 3, 2]);
const weights = Float64Array.from([2, 2, 3, 3, 5, 5]);
const matrix = { offsets, targets, weights };

describe('matrix-product engine', () => {
  it('sequential: y = A x by hand', () => {
    const e = sequentialEngine(5, matrix);
    const x = Float64Array.from([1, 10, 100, 1000, 7]);
    const y = e.vector();
    e.multiply(x, y);
    // y0 = 2*10, y1 = 2*1 + 3*100, y2 = 3*10 + 5*1000, y3 = 5*100, y4 = 0 (isolate)
    expect(Array.from(y)).toEqual([20, 302, 5030, 500, 0]);
    const ones = e.vector();
    sequentialEngine(5, { offsets, targets, weights: null }).multiply(x, ones);
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

  it('two threads give the same bits as one, and stay usable until closed', async () => {
    const e = await parallelEngine(5, matrix, { threads: 2, vectors: 2 });
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

  it('small matrices stay in the calling thread', async () => {
    expect((await spmvEngine(5, matrix, { threads: 2, vectors: 2 })).threads).toBe(1);
  });

  // The fused vector passes, by hand on the same 5-row matrix; every value is a small dyadic
  // number, so the sums are exact and one and two threads must agree to the bit.
  const passes = (e: SpmvEngine) => {
    const [x, ax, q, aq, p, ap] = [0, 1, 2, 3, 4, 5].map(() => e.vector());
    const sums = new Float64Array(8);
    x.set([1, 2, 0, 1, 0]);
    ax.set([4, 1, 2, 0, 0]);
    // residual, pending 0.5, theta 2: x = [0.5,1,0,0.5,0], ax = [2,0.5,1,0,0], q = ax - 2x = [1,-1.5,1,-1,0]
    // q.q = 1 + 2.25 + 1 + 1 = 5.25, x.q = 0.5 - 1.5 - 0.5 = -1.5
    e.pass({ op: 'residual', x, ax, q, pending: 0.5, theta: 2 }, sums);
    expect([...q]).toEqual([1, -1.5, 1, -1, 0]);
    expect([sums[0], sums[1]]).toEqual([5.25, -1.5]);
    // orthonormalise with xr = -1, qn = 2: q = (q + x) / 2 = [0.75,-0.25,0.5,-0.25,0]; p = [1,0,0,2,4]:
    // p.x = 0.5 + 1 = 1.5, p.q = 0.75 - 0.5 = 0.25, p.p = 21
    p.set([1, 0, 0, 2, 4]);
    e.pass({ op: 'orthonormalise', q, x, p, xr: -1, qn: 2, withP: true }, sums);
    expect([...q]).toEqual([0.75, -0.25, 0.5, -0.25, 0]);
    expect([sums[0], sums[1], sums[2]]).toEqual([1.5, 0.25, 21]);
    // pSums reads the same three sums without writing.
    e.pass({ op: 'pSums', p, x, q }, sums);
    expect([sums[0], sums[1], sums[2]]).toEqual([1.5, 0.25, 21]);
    // productRitz with px = 1, pq = 2: aq = A q = [2*-0.25, 2*0.75 + 3*0.5, 3*-0.25 + 5*-0.25, 5*0.5, 0]
    // = [-0.5, 3, -2, 2.5, 0]; p -= x + 2q = [1-0.5-1.5, 0-1+0.5, 0-0-1, 2-0.5+0.5, 4] = [-1,-0.5,-1,2,4];
    // ap (0 before) -= ax + 2 aq = -[2-1, 0.5+6, 1-4, 0+5, 0] = [-1,-6.5,3,-5,0].
    ap.fill(0);
    e.pass({ op: 'productRitz', q, aq, x, ax, p, ap, product: true, withP: true, px: 1, pq: 2 }, sums);
    expect([...aq]).toEqual([-0.5, 3, -2, 2.5, 0]);
    expect([...p]).toEqual([-1, -0.5, -1, 2, 4]);
    expect([...ap]).toEqual([-1, -6.5, 3, -5, 0]);
    // p.p = 1+0.25+1+4+16 = 22.25; x.aq = -0.25-1.25... x = [0.5,1,0,0.5,0]: -0.25 + 3 + 1.25 = 4;
    // q.aq = -0.375 - 0.75 - 1 - 0.625 = -2.75; x.ap = -0.5 - 6.5 - 2.5 = -9.5;
    // q.ap = -0.75 + 1.625 + 1.5 + 1.25 = 3.625; p.ap = 1 + 3.25 - 3 - 10 = -8.75
    expect(Array.from(sums.subarray(0, 6))).toEqual([22.25, 4, -2.75, -9.5, 3.625, -8.75]);
    // update with c0 = 2, c1 = 1, c2 = 0.5: p = q + p/2 = [0.25,-0.5,0,0.75,2], x = 2x + p = [1.25,1.5,0,1.75,2]
    // ap = aq + ap/2 = [-1,-0.25,-0.5,0,0], ax = 2ax + ap = [3,0.75,1.5,0,0];
    // x.x = 1.5625 + 2.25 + 3.0625 + 4 = 10.875, x.ax = 3.75 + 1.125 = 4.875
    e.pass({ op: 'update', q, aq, p, ap, x, ax, c0: 2, c1: 1, c2: 0.5 }, sums);
    expect([...x]).toEqual([1.25, 1.5, 0, 1.75, 2]);
    expect([...ax]).toEqual([3, 0.75, 1.5, 0, 0]);
    expect([sums[0], sums[1]]).toEqual([10.875, 4.875]);
  };

  it('vector passes: hand values, one thread', () => {
    passes(sequentialEngine(5, matrix));
  });

  it('vector passes: the same on two threads, with vectors beyond the reserved ones', async () => {
    // 2 reserved vectors: the other four are allocated later and sent to the worker.
    const e = await parallelEngine(5, matrix, { threads: 2, vectors: 2 });
    expect(e.threads).toBe(2);
    passes(e);
    passes(e);
    e.close();
    // Closed: the passes still run (in the calling thread).
    passes(e);
  });

  it('LOPCG on two threads: path graph eigenvector, within 1e-12 of one thread, same bits each run', async () => {
    // Path 0 - 1 - ... - (n-1): A has top eigenvalue 2 cos(pi / (n+1)) with eigenvector
    // x_i proportional to sin(pi (i+1) / (n+1)) (Golub & Van Loan, tridiagonal Toeplitz matrices).
    const n = 300;
    const off = new Int32Array(n + 1);
    const tg: number[] = [];
    for (let i = 0; i < n; i++) {
      if (i > 0) tg.push(i - 1);
      if (i < n - 1) tg.push(i + 1);
      off[i + 1] = tg.length;
    }
    const tgt = Int32Array.from(tg);
    const opts = { tolerance: 1e-12, maxIterations: 10_000 };
    const one = dominantEigenvectorSymmetric(n, off, tgt, null, opts);
    const runs: { vector: Float64Array; iterations: number; converged: boolean; eigenvalue: number }[] = [];
    for (const _ of [0, 1]) {
      const e = await parallelEngine(n, { offsets: off, targets: tgt, weights: null }, { threads: 2, vectors: 6 });
      expect(e.threads).toBe(2);
      const r = dominantEigenvectorSymmetric(n, off, tgt, null, { ...opts, engine: e });
      const out = { ...r, vector: Float64Array.from(r.vector) };
      e.close();
      runs.push(out);
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += Math.sin((Math.PI * (i + 1)) / (n + 1)) ** 2;
    for (const r of [one, ...runs]) {
      expect(r.converged).toBe(true);
      expect(r.eigenvalue).toBeCloseTo(2 * Math.cos(Math.PI / (n + 1)), 12);
      for (let i = 0; i < n; i++) expect(r.vector[i]).toBeCloseTo(Math.sin((Math.PI * (i + 1)) / (n + 1)) / Math.sqrt(norm), 6);
    }
    expect(runs[0].iterations).toBe(one.iterations);
    expect(Array.from(runs[1].vector)).toEqual(Array.from(runs[0].vector));
    for (let i = 0; i < n; i++) expect(Math.abs(runs[0].vector[i] - one.vector[i])).toBeLessThan(1e-12);
  });

  it('a worker exception is posted back with its message and flagged, not turned into NaN sums', async () => {
    // Drive one engine worker by hand with a slot it was never given (reserved 0): the worker
    // throws "unknown vector slot 0", posts the message on its port and sets the failed word.
    const control = new Int32Array(new SharedArrayBuffer(CONTROL.words * 4));
    const { port1, port2 } = new MessageChannel();
    const data: SpmvWorkerData = {
      job: 'spmv',
      control,
      matrix,
      vectors: new SharedArrayBuffer(8),
      vectorsAt: 0,
      reserved: 0,
      wasm: null,
      n: 5,
      from: 0,
      to: 5,
      port: port2,
      scalars: new Float64Array(new SharedArrayBuffer(32)),
      partials: new Float64Array(new SharedArrayBuffer(128)),
      index: 1,
    };
    const w = startWorker(data, [port2]);
    await new Promise<void>((resolve, reject) => {
      w.once('message', () => resolve());
      w.once('error', reject);
    });
    Atomics.store(control, CONTROL.op, SPMV_OP.multiply);
    Atomics.store(control, CONTROL.xSlot, 0);
    Atomics.store(control, CONTROL.ySlot, 0);
    Atomics.add(control, CONTROL.generation, 1);
    Atomics.notify(control, CONTROL.generation);
    expect(Atomics.wait(control, CONTROL.done, 0, 10_000)).not.toBe('timed-out');
    expect(Atomics.load(control, CONTROL.failed)).toBe(1);
    expect(receiveMessageOnPort(port1)?.message).toEqual({ type: 'error', message: 'unknown vector slot 0' });
    Atomics.store(control, CONTROL.op, SPMV_OP.stop);
    Atomics.add(control, CONTROL.generation, 1);
    Atomics.notify(control, CONTROL.generation);
    port1.close();
    await w.terminate();
  });

  it('a worker that cannot start rejects with a WorkerError naming the file, no silent fallback', async () => {
    setWorkerPath('/nonexistent/orgraph-worker.cjs');
    try {
      await expect(parallelEngine(5, matrix, { threads: 2, vectors: 1 })).rejects.toThrow(WorkerError);
      await expect(parallelEngine(5, matrix, { threads: 2, vectors: 1 })).rejects.toThrow('/nonexistent/orgraph-worker.cjs');
    } finally {
      setWorkerPath(undefined);
    }
  });
});
