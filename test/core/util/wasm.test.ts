/**
 * core/util/wasm.ts: the byte layout every kernel's memory uses (offsets by hand), and a module,
 * memory and instance made from the committed float-sort bytes.
 */
import { describe, expect, it } from 'vitest';
import { byteLayout, wasmInstance, wasmMemory, wasmModule } from '../../../src/core/util/wasm.js';
import { FLOAT_SORT_WASM } from '../../../src/core/util/float-sort-wasm.js';

describe('byteLayout', () => {
  it('lays arrays out in order, each rounded up to 8 bytes', () => {
    // 3 f64 = 24; 5 i32 = 20 -> 24; 3 bytes -> 8; 0 -> 0.
    expect(byteLayout({ a: 24, b: 20, c: 3, d: 0, e: 8 })).toEqual({ a: 0, b: 24, c: 48, d: 56, e: 56, bytes: 64 });
  });
});

describe('wasmModule, wasmMemory, wasmInstance', () => {
  it('compiles a module once, makes a memory of whole pages and an instance on it', () => {
    const mod = wasmModule(FLOAT_SORT_WASM);
    expect(mod).not.toBeNull();
    expect(wasmModule(FLOAT_SORT_WASM)).toBe(mod);
    const memory = wasmMemory(65537);
    expect(memory!.buffer.byteLength).toBe(2 * 65536);
    const exports = wasmInstance(mod!, memory!);
    expect(typeof exports!.sort).toBe('function');
    // Bytes that are not a module: null, not a throw.
    expect(wasmModule(btoa('not a module'))).toBeNull();
  });
});
