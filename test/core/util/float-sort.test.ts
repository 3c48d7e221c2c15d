/**
 * sortFloat64 (src/core/util/float-sort.ts) against the engine's own Float64Array sort: the same
 * bits on random values, on runs of equal values, on signed zeros, subnormals, infinities and NaN,
 * below and above the size where the WebAssembly radix sort takes over; and the committed module
 * bytes are the ones the committed text compiles to.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { floatSortRunsWasm, sortFloat64 } from '../../../src/core/util/float-sort.js';
import { FLOAT_SORT_WASM } from '../../../src/core/util/float-sort-wasm.js';
import { mulberry32 } from '../../../src/core/util/random.js';
import { wasmBytesOf } from '../../../scripts/wasm/compile.js';

/** The values' bits, to compare -0 with +0 and NaN with NaN. */
const bits = (x: Float64Array) => Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString('hex');

function expectSameAsEngine(values: Float64Array): void {
  const expected = values.slice().sort();
  const copy = values.slice();
  const out = sortFloat64(copy);
  expect(out).toBe(copy);
  expect(bits(out)).toBe(bits(expected));
}

describe('sortFloat64', () => {
  it('the committed module is what scripts/wasm/build.ts makes from float-sort.wat', async () => {
    const bytes = await wasmBytesOf(readFileSync('src/core/util/float-sort.wat', 'utf8'), 'float-sort.wat');
    expect(Buffer.from(bytes).toString('base64')).toBe(FLOAT_SORT_WASM);
  });

  it('runs the WebAssembly module from 4,096 values (Node has WebAssembly), the built-in sort below', () => {
    expect(floatSortRunsWasm(4096)).toBe(true);
    expect(floatSortRunsWasm(70_000)).toBe(true);
    expect(floatSortRunsWasm(4095)).toBe(false);
  });

  it('sorts as the engine does, by hand: negatives, zeros and NaN', () => {
    // Below the WebAssembly size and above it (the same values repeated).
    const few = Float64Array.of(2, -0, NaN, -3.5, 0, Infinity, -Infinity, 1e-310, -1e-310, 2);
    expect(Array.from(sortFloat64(few.slice()))).toEqual([-Infinity, -3.5, -1e-310, -0, 0, 1e-310, 2, 2, Infinity, NaN]);
    const many = new Float64Array(few.length * 1000);
    for (let i = 0; i < many.length; i++) many[i] = few[i % few.length];
    const sorted = sortFloat64(many.slice());
    expect(Object.is(sorted[3000], -0)).toBe(true);
    expect(Object.is(sorted[3999], -0)).toBe(true);
    expect(Object.is(sorted[4000], 0)).toBe(true);
    expect(Number.isNaN(sorted[many.length - 1])).toBe(true);
    expect(sorted[0]).toBe(-Infinity);
    expectSameAsEngine(many);
  });

  it('gives the same bits as Float64Array.prototype.sort on random arrays of every size range', () => {
    const random = mulberry32(7);
    for (const n of [0, 1, 17, 4095, 4096, 5000, 70_000]) {
      // Spread values (every digit differs), positive scores as the fit sorts, and a few distinct values.
      const spread = Float64Array.from({ length: n }, () => (random() - 0.5) * 10 ** Math.floor(random() * 40 - 20));
      const scores = Float64Array.from({ length: n }, () => random() * random() * 0.01);
      const coarse = Float64Array.from({ length: n }, () => Math.floor(random() * 5) / 4);
      for (const x of [spread, scores, coarse]) expectSameAsEngine(x);
    }
  });

  it('sorts a subarray in place and leaves the rest of its buffer alone', () => {
    const random = mulberry32(11);
    const all = Float64Array.from({ length: 12_000 }, () => random());
    const before = all.slice();
    const part = all.subarray(1000, 11_000);
    sortFloat64(part);
    for (let i = 1; i < part.length; i++) expect(part[i - 1] <= part[i]).toBe(true);
    expect(bits(all.subarray(0, 1000))).toBe(bits(before.subarray(0, 1000)));
    expect(bits(all.subarray(11_000))).toBe(bits(before.subarray(11_000)));
    expect(bits(part)).toBe(bits(before.subarray(1000, 11_000).sort()));
  });
});
