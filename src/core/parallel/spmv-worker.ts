/**
 * The worker side of the matrix-product engine (./spmv.ts)
 * Waits on the generation word, runs its row range of a product or a fused pass, counts itself
 * done: in WebAssembly (./wasm-spmv.ts, an instance on the engine's shared memory) when every vector
 * of the step lies in that memory, else with the kernels of ./spmv-kernels.ts, as the calling thread decides alike. An exception is posted back (its message) on the
 * worker's port and flagged in the control block; the calling thread turns it into an error.
 * Reference: Node.js worker_threads; ECMAScript Atomics.wait / Atomics.notify.
 */
import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { decodePass, PASS_MAX_VECTORS, PASS_SUMS, runVectorPass, spmvRows } from './spmv-kernels.js';
import { wasmSpmvRows } from './wasm-spmv.js';
import { CONTROL, SPMV_OP, type SpmvWorkerData, type SpmvWorkerMessage } from './spmv.js';
import { errorMessage } from './threads.js';

/** Run the worker loop until told to stop; `ready` is called once the worker listens. */
export function runSpmvWorker(data: SpmvWorkerData, ready: () => void): void {
  const { control, matrix, vectors, vectorsAt, reserved, n, from, to, port, scalars, partials, index, wasm } = data;
  const views: Float64Array[] = [];
  for (let k = 0; k < reserved; k++) views.push(new Float64Array(vectors, vectorsAt + k * n * 8, n));
  const rows = wasm === null ? null : wasmSpmvRows(wasm, from, to);
  const slots: number[] = [];
  /** The byte addresses of the step's `count` slots when all lie in the WebAssembly memory, else null. */
  const addresses = (first: number, count: number): number[] | null => {
    if (rows === null) return null;
    slots.length = 0;
    for (let k = 0; k < count; k++) {
      const s = Atomics.load(control, first + k);
      if (s < 0) break;
      if (s >= reserved) return null;
      slots.push(vectorsAt + s * n * 8);
    }
    return slots;
  };
  const slot = (k: number): Float64Array => {
    while (views[k] === undefined) {
      const m = receiveMessageOnPort(port as MessagePort);
      if (m === undefined) throw new Error(`unknown vector slot ${k}`);
      const { slot: s, buffer } = m.message as { slot: number; buffer: SharedArrayBuffer };
      views[s] = new Float64Array(buffer, 0, n);
    }
    return views[k];
  };
  const out = partials.subarray(index * PASS_SUMS, (index + 1) * PASS_SUMS);
  ready();
  let seen = 0;
  for (;;) {
    Atomics.wait(control, CONTROL.generation, seen);
    seen = Atomics.load(control, CONTROL.generation);
    const op = Atomics.load(control, CONTROL.op);
    if (op === SPMV_OP.stop) break;
    try {
      if (op === SPMV_OP.pass) {
        out.fill(0);
        const pass = decodePass(Atomics.load(control, CONTROL.pass), (k) => slot(Atomics.load(control, CONTROL.slots + k)), scalars);
        const at = addresses(CONTROL.slots, PASS_MAX_VECTORS);
        if (rows !== null && at !== null) rows.pass(pass, at, out.byteOffset);
        else runVectorPass(pass, from, to, matrix, out);
      } else if (op === SPMV_OP.multiply) {
        const at = addresses(CONTROL.xSlot, 2);
        if (rows !== null && at !== null) rows.multiply(at[0], at[1]);
        else spmvRows(from, to, matrix, slot(Atomics.load(control, CONTROL.xSlot)), slot(Atomics.load(control, CONTROL.ySlot)));
      } else {
        throw new Error(`unknown engine operation ${op}`);
      }
    } catch (e) {
      port.postMessage({ type: 'error', message: errorMessage(e) } satisfies SpmvWorkerMessage);
      Atomics.store(control, CONTROL.failed, 1);
    }
    Atomics.add(control, CONTROL.done, 1);
    Atomics.notify(control, CONTROL.done);
  }
  port.close();
}
