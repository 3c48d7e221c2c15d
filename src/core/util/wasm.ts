/**
 * WebAssembly modules and memories for the kernels
 * The kernels written in WebAssembly text (src/core/paths/brandes.wat, brandes-batch.wat,
 * sample-bfs.wat, distance-batch.wat and local-sweep.wat, src/core/parallel/spmv.wat,
 * src/core/util/float-sort.wat; scripts/wasm/build.ts lists them) ship as base64 strings; this
 * compiles each once per thread, makes an instance on a memory of the size it needs, and lays out
 * arrays in that memory. The API is typed
 * here, not through the DOM library: kernel types reach the package's declarations, which are built
 * without it. A memory is made at its size and never grown: growing detaches the old buffer, and the
 * first detach in a process makes V8 deoptimise every compiled function that reads typed arrays.
 */

/** A WebAssembly global as the kernels read it. */
export interface WasmGlobal {
  value: unknown;
}

/** A WebAssembly memory as the kernels read it. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
}

/** A module instance's exports. */
export type WasmExports = Record<string, unknown>;

interface WasmApi {
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object, imports: object) => { readonly exports: WasmExports };
  readonly Memory: new (descriptor: { initial: number; maximum?: number; shared?: boolean }) => WasmMemory;
}

const PAGE = 65536;
const modules = new Map<string, object | null>();

/** The WebAssembly API of this thread, or undefined where there is none. */
function api(): WasmApi | undefined {
  return (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
}

/**
 * The compiled module of `base64` bytes, once per thread; null where WebAssembly is missing or
 * refuses it. Complexity: O(bytes) on the first call.
 * @example
 * const mod = wasmModule(FLOAT_SORT_WASM); // null without WebAssembly
 */
export function wasmModule(base64: string): object | null {
  let mod = modules.get(base64);
  if (mod === undefined) {
    const wa = api();
    try {
      mod = wa === undefined ? null : new wa.Module(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
    } catch {
      mod = null;
    }
    modules.set(base64, mod);
  }
  return mod;
}

/**
 * A memory of at least `bytes` (64 KiB pages; `shared` for worker threads, its maximum then equal to
 * its size), or null where it cannot be made. Pages are touched only when written.
 */
export function wasmMemory(bytes: number, shared = false): WasmMemory | null {
  const wa = api();
  if (wa === undefined) return null;
  const pages = Math.max(1, Math.ceil(bytes / PAGE));
  try {
    return new wa.Memory(shared ? { initial: pages, maximum: pages, shared: true } : { initial: pages });
  } catch {
    return null;
  }
}

/** An instance of `mod` whose imported memory (`env.memory`) is `memory`, or null if refused. */
export function wasmInstance(mod: object, memory: WasmMemory): WasmExports | null {
  const wa = api();
  if (wa === undefined) return null;
  try {
    return new wa.Instance(mod, { env: { memory } }).exports;
  } catch {
    return null;
  }
}

/**
 * Byte offsets of arrays laid out one after another in the order given, each size rounded up to 8
 * bytes (so that every f64 array is aligned), and the bytes they take in all.
 * @example
 * byteLayout({ dist: 8 * n, order: 4 * n }); // { dist: 0, order: 8 * n, bytes: 12 * n rounded up }
 */
export function byteLayout<K extends string>(sizes: Readonly<Record<K, number>>): Record<K, number> & { readonly bytes: number } {
  let next = 0;
  const at = {} as Record<K, number>;
  for (const key of Object.keys(sizes) as K[]) {
    at[key] = next;
    next += Math.ceil(sizes[key] / 8) * 8;
  }
  return Object.assign(at, { bytes: next });
}

/**
 * A kernel's switch between its WebAssembly engine (on, the default) and its JavaScript twin: the
 * kernel reads `on`, and its test hook calls `set`, which returns the previous setting.
 * @example
 * const wasm = new WasmSwitch();
 * export const useWasmThing = (on: boolean) => wasm.set(on);
 */
export class WasmSwitch {
  on = true;

  set(on: boolean): boolean {
    const was = this.on;
    this.on = on;
    return was;
  }
}

/** Largest memory an engine asks for by default: a 32-bit module addresses at most 4 GiB; stay well below. */
export const WASM_MAX_BYTES = 2 ** 31;

/**
 * An instance of the module `base64` on a new memory of `bytes` (shared for worker threads, or not),
 * and that memory; null where WebAssembly is missing or refuses, or `bytes` is over `maxBytes`.
 * @example
 * const made = wasmEngine(SPMV_WASM, layout.bytes, false); // null: run the JavaScript twin
 */
export function wasmEngine(
  base64: string,
  bytes: number,
  shared: boolean,
  maxBytes = WASM_MAX_BYTES,
): { readonly memory: WasmMemory; readonly exports: WasmExports } | null {
  if (bytes > maxBytes) return null;
  const mod = wasmModule(base64);
  const memory = mod === null ? null : wasmMemory(bytes, shared);
  const exports = mod === null || memory === null ? null : wasmInstance(mod, memory);
  return memory === null || exports === null ? null : { memory, exports };
}

/** Rows [0, n) of a CSR (`offsets` from 0) copied to the byte offsets `offs` (n + 1 Int32) and `tgts` (offsets[n] Int32) of `buffer`. */
export function copyRows(buffer: ArrayBuffer, offs: number, tgts: number, n: number, offsets: Int32Array, targets: Int32Array): void {
  new Int32Array(buffer, offs, n + 1).set(offsets.subarray(0, n + 1));
  new Int32Array(buffer, tgts, offsets[n]).set(targets.subarray(0, offsets[n]));
}

/**
 * One engine per key (a graph) and thread, made by `make` on first use and kept as long as the key
 * lives; a null from `make` is kept too (that key runs in JavaScript).
 */
export function enginePerKey<K extends object, E>(make: (key: K) => E | null): (key: K) => E | null {
  const engines = new WeakMap<K, E | null>();
  return (key) => {
    let engine = engines.get(key);
    if (engine === undefined) engines.set(key, (engine = make(key)));
    return engine;
  };
}
