/**
 * Sparse products in WebAssembly (src/core/parallel/spmv.wat via wasm-spmv.ts) against spmvRows:
 * the same bits on random matrices with and without values, empty rows and repeated columns; PageRank
 * and Katz through the sequential engine the same with the module as without it; the threaded engine's
 * products and passes the same with every thread in WebAssembly as in JavaScript; and the committed
 * module bytes are the ones the committed text compiles to.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runVectorPass, spmvRows, type CsrMatrix, type VectorPass } from '../../../src/core/parallel/spmv-kernels.js';
import { PARALLEL_MIN_ARCS, parallelEngine, sequentialEngine, spmvEngine } from '../../../src/core/parallel/spmv.js';
import { dominantEigenvectorSymmetric } from '../../../src/core/spectral/power-iteration.js';
import { SPMV_WASM } from '../../../src/core/parallel/spmv-wasm.js';
import { useWasmSpmv, wasmSpmv } from '../../../src/core/parallel/wasm-spmv.js';
import { mulberry32 } from '../../../src/core/util/random.js';
import { pagerankSync } from '../../../src/metrics/centrality/pagerank.js';
import { katzSync } from '../../../src/metrics/centrality/katz.js';
import { eigenvectorSync } from '../../../src/metrics/centrality/eigenvector.js';
import { viewOf } from '../../metrics/centrality/path-fixtures.js';
import { wasmBytesOf } from '../../../scripts/wasm/compile.js';

/** n rows of 0-12 entries each (some empty, columns may repeat), values in (0, 10] or none. */
function randomMatrix(n: number, seed: number, valued: boolean): CsrMatrix {
  const rand = mulberry32(seed);
  const offsets = new Int32Array(n + 1);
  const cols: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = Math.floor(rand() * 13);
    for (let j = 0; j < k; j++) cols.push(Math.floor(rand() * n));
    offsets[i + 1] = cols.length;
  }
  const weights = valued ? Float64Array.from(cols, () => 10 * (1 - rand())) : null;
  return { offsets, targets: Int32Array.from(cols), weights };
}

const bits = (a: Float64Array) => Array.from(a, (v) => (Object.is(v, -0) ? '-0' : String(v)));

describe('sparse products in WebAssembly', () => {
  it('the committed module is what scripts/wasm/build.ts makes from spmv.wat', async () => {
    const bytes = await wasmBytesOf(readFileSync('src/core/parallel/spmv.wat', 'utf8'), 'spmv.wat');
    expect(Buffer.from(bytes).toString('base64')).toBe(SPMV_WASM);
  });

  for (const valued of [true, false]) {
    it(`y = A x: the same bits as spmvRows, ${valued ? 'with values' : 'all values 1'}`, () => {
      const n = 777;
      const a = randomMatrix(n, valued ? 5 : 6, valued);
      const rand = mulberry32(9);
      const x = Float64Array.from({ length: n }, () => rand() - 0.3);
      const want = new Float64Array(n);
      spmvRows(0, n, a, x, want);
      const product = wasmSpmv(n, a);
      expect(product).not.toBeNull();
      const got = new Float64Array(n).fill(NaN);
      product!.multiply(x, got);
      expect(bits(got)).toEqual(bits(want));
      expect(want.some((v) => v !== 0)).toBe(true);
      // Empty rows are 0.
      for (let i = 0; i < n; i++) if (a.offsets[i + 1] === a.offsets[i]) expect(got[i]).toBe(0);
      // Again with another x: nothing of the last product is left over.
      const x2 = Float64Array.from(x, (v) => 2 * v + 1);
      spmvRows(0, n, a, x2, want);
      product!.multiply(x2, got);
      expect(bits(got)).toEqual(bits(want));
    });
  }

  it('the sequential engine: PageRank, Katz and eigenvector centrality the same to the bit with the module as without it', () => {
    const rand = mulberry32(21);
    const ties: [number, number, number][] = [];
    const seen = new Set<string>();
    while (ties.length < 1500) {
      const a = Math.floor(rand() * 400);
      const b = Math.floor(rand() * 400);
      if (a === b || seen.has(`${a} ${b}`)) continue;
      seen.add(`${a} ${b}`);
      ties.push([a, b, 1 + Math.floor(rand() * 9)]);
    }
    const runs = (wasm: boolean) => {
      const was = useWasmSpmv(wasm);
      try {
        return [false, true].flatMap((directed) => {
          const view = viewOf(400, ties, directed);
          return [pagerankSync(view).values, katzSync(view, { alpha: 0.01 }).values, ...(directed ? [] : [eigenvectorSync(view).values])];
        });
      } finally {
        useWasmSpmv(was);
      }
    };
    const on = runs(true);
    const off = runs(false);
    for (let k = 0; k < on.length; k++) expect(bits(on[k]), `result ${k}`).toEqual(bits(off[k]));
    // The engine really switches: a product with the module off goes through spmvRows, on through the module.
    const a = randomMatrix(50, 3, true);
    const was = useWasmSpmv(false);
    try {
      expect(wasmSpmv(50, a)).toBeNull();
    } finally {
      useWasmSpmv(was);
    }
    expect(wasmSpmv(50, a)).not.toBeNull();
    expect(sequentialEngine(50, a).threads).toBe(1);
  });

  it('every vector pass of the eigensolver: the same vectors and sums as runVectorPass, bit for bit; vectors not laid out in the memory are refused', () => {
    const n = 500;
    const a = randomMatrix(n, 12, true);
    const product = wasmSpmv(n, a)!;
    const rand = mulberry32(31);
    const names = ['x', 'ax', 'q', 'aq', 'p', 'ap'] as const;
    const fresh = () =>
      Object.fromEntries(names.map((k) => [k, Float64Array.from({ length: n }, () => rand() - 0.5)])) as Record<
        (typeof names)[number],
        Float64Array
      >;
    const inMemory = Object.fromEntries(names.map((k) => [k, product.vector()!])) as Record<(typeof names)[number], Float64Array>;
    const passes = (v: Record<(typeof names)[number], Float64Array>): VectorPass[] => [
      { op: 'residual', x: v.x, ax: v.ax, q: v.q, pending: 0.75, theta: 1.3 },
      { op: 'orthonormalise', q: v.q, x: v.x, p: v.p, xr: 0.2, qn: 1.7, withP: true },
      { op: 'orthonormalise', q: v.q, x: v.x, p: v.p, xr: -0.1, qn: 0.9, withP: false },
      { op: 'productRitz', q: v.q, aq: v.aq, x: v.x, ax: v.ax, p: v.p, ap: v.ap, product: true, withP: true, px: 0.3, pq: -0.2 },
      { op: 'productRitz', q: v.q, aq: v.aq, x: v.x, ax: v.ax, p: v.p, ap: v.ap, product: false, withP: false, px: 0, pq: 0 },
      { op: 'pSums', p: v.p, x: v.x, q: v.q },
      { op: 'update', q: v.q, aq: v.aq, p: v.p, ap: v.ap, x: v.x, ax: v.ax, c0: 0.9, c1: 0.4, c2: -0.3 },
    ];
    const start = fresh();
    const plain = Object.fromEntries(names.map((k) => [k, start[k].slice()])) as Record<(typeof names)[number], Float64Array>;
    for (const k of names) inMemory[k].set(start[k]);
    const want = new Float64Array(8);
    const got = new Float64Array(8);
    const js = passes(plain);
    const wasm = passes(inMemory);
    for (let k = 0; k < js.length; k++) {
      want.fill(0);
      runVectorPass(js[k], 0, n, a, want);
      got.fill(NaN);
      expect(product.pass(wasm[k], got), js[k].op).toBe(true);
      expect(bits(got), `${js[k].op} #${k} sums`).toEqual(bits(want));
      for (const name of names) expect(bits(inMemory[name]), `${js[k].op} #${k} ${name}`).toEqual(bits(plain[name]));
    }
    // An ordinary array among the vectors: refused, nothing done (the engine then runs runVectorPass).
    expect(product.pass({ op: 'pSums', p: new Float64Array(n), x: inMemory.x, q: inMemory.q }, got)).toBe(false);
  });

  it('threads: products and passes in WebAssembly on every thread give the bits of the threads in JavaScript (2 and 3 threads); a vector outside the memory runs the JavaScript kernels', async () => {
    const n = 900;
    const a = randomMatrix(n, 14, true);
    const names = ['x', 'ax', 'q', 'aq', 'p', 'ap'] as const;
    type Vs = Record<(typeof names)[number], Float64Array>;
    const passes = (v: Vs): VectorPass[] => [
      { op: 'residual', x: v.x, ax: v.ax, q: v.q, pending: 0.75, theta: 1.3 },
      { op: 'orthonormalise', q: v.q, x: v.x, p: v.p, xr: 0.2, qn: 1.7, withP: true },
      { op: 'productRitz', q: v.q, aq: v.aq, x: v.x, ax: v.ax, p: v.p, ap: v.ap, product: true, withP: true, px: 0.3, pq: -0.2 },
      { op: 'pSums', p: v.p, x: v.x, q: v.q },
      { op: 'update', q: v.q, aq: v.aq, p: v.p, ap: v.ap, x: v.x, ax: v.ax, c0: 0.9, c1: 0.4, c2: -0.3 },
    ];
    /** Every step on an engine of `threads` threads: the product, then each pass's sums and vectors; 10 vectors, so two lie outside the 8 slots. */
    const steps = async (threads: number, wasm: boolean) => {
      const was = useWasmSpmv(wasm);
      const engine = await parallelEngine(n, a, { threads, vectors: 2 });
      useWasmSpmv(was);
      try {
        expect(engine.threads).toBe(threads);
        const rand = mulberry32(41);
        const all = Array.from({ length: 10 }, () => engine.vector());
        for (const v of all) for (let i = 0; i < n; i++) v[i] = rand() - 0.4;
        const v = Object.fromEntries(names.map((k, i) => [k, all[i]])) as Vs;
        const out: string[][] = [];
        engine.multiply(v.x, v.ax);
        out.push(bits(v.ax));
        const sums = new Float64Array(8);
        for (const pass of passes(v)) {
          engine.pass(pass, sums);
          out.push(bits(sums), ...names.map((k) => bits(v[k])));
        }
        // Outside the memory's slots (vectors 9 and 10): a product and a pass through the JavaScript kernels.
        engine.multiply(v.x, all[8]);
        out.push(bits(all[8]));
        engine.pass({ op: 'pSums', p: all[9], x: v.x, q: all[8] }, sums);
        out.push(bits(sums));
        return out;
      } finally {
        engine.close();
      }
    };
    for (const threads of [2, 3]) {
      const on = await steps(threads, true);
      const off = await steps(threads, false);
      expect(on.length).toBe(off.length);
      for (let k = 0; k < on.length; k++) expect(on[k], `${threads} threads, step ${k}`).toEqual(off[k]);
      // Row sums do not depend on the split: the product is the sequential one, bit for bit.
      const one = new Float64Array(n);
      const rand = mulberry32(41);
      const x = Float64Array.from({ length: n }, () => rand() - 0.4);
      spmvRows(0, n, a, x, one);
      expect(on[0]).toEqual(bits(one));
      expect(one.some((v) => v !== 0)).toBe(true);
    }
  });

  it('the eigensolver on 2 threads: the same vector and iterations with WebAssembly on every thread as in JavaScript', async () => {
    const n = 600;
    const a = randomMatrix(n, 15, true);
    // Symmetric: A + A^T, so that LOPCG applies.
    const rows: [number, number][][] = Array.from({ length: n }, () => []);
    for (let i = 0; i < n; i++)
      for (let p = a.offsets[i]; p < a.offsets[i + 1]; p++) {
        const j = a.targets[p];
        if (j === i) continue;
        rows[i].push([j, a.weights![p]]);
        rows[j].push([i, a.weights![p]]);
      }
    const offsets = new Int32Array(n + 1);
    rows.forEach((r, i) => (offsets[i + 1] = offsets[i] + r.length));
    const sym: CsrMatrix = {
      offsets,
      targets: Int32Array.from(rows.flat(), (e) => e[0]),
      weights: Float64Array.from(rows.flat(), (e) => e[1]),
    };
    const solve = async (wasm: boolean) => {
      const was = useWasmSpmv(wasm);
      const engine = await spmvEngine(n, sym, { threads: 2, vectors: 4, minArcs: 0 });
      useWasmSpmv(was);
      try {
        expect(engine.threads).toBe(2);
        const r = dominantEigenvectorSymmetric(n, sym.offsets, sym.targets, sym.weights, { tolerance: 1e-10, maxIterations: 1000, engine });
        return { vector: bits(Float64Array.from(r.vector)), iterations: r.iterations, converged: r.converged };
      } finally {
        engine.close();
      }
    };
    const on = await solve(true);
    const off = await solve(false);
    expect(on.converged).toBe(true);
    expect(on.iterations).toBeGreaterThan(5);
    expect(on).toEqual(off);
  });

  it('by default, threads start from PARALLEL_MIN_ARCS stored arcs; an explicit count gets its threads at any size', async () => {
    const a = randomMatrix(300, 8, true);
    const small = await spmvEngine(300, a, { threads: 2, vectors: 2 });
    const asked = await spmvEngine(300, a, { threads: 2, vectors: 2, minArcs: 0 });
    try {
      expect(a.offsets[300]).toBeLessThan(PARALLEL_MIN_ARCS);
      expect(small.threads).toBe(1);
      expect(asked.threads).toBe(2);
    } finally {
      small.close();
      asked.close();
    }
  });
});
