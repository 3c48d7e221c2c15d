/**
 * The worker side of the matrix-product engine (./spmv.ts)
 * Waits on the generation word, runs its row range of a product or a fused pass with the kernels
 * of ./spmv-kernels.ts, counts itself done. An exception is posted back (its message) on the
 * worker's port and flagged in the control block; the calling thread turns it into an error.
 * Reference: Node.js worker_threads; ECMAScript Atomics.wait / Atomics.notify.
 */
import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { decodePass, PASS_SUMS, runVectorPass, spmvRows } from './spmv-kernels.js';
import { CONTROL, SPMV_OP, type SpmvWorkerData, type SpmvWorkerMessage } from './spmv.js';
import { errorMessage } from './threads.js';

/** Run the worker loop until told to stop; `ready` is called once the worker listens. */
export function runSpmvWorker(data: SpmvWorkerData, ready: () => void): void {
  const { control, matrix, vectors, reserved, n, from, to, port, scalars, partials, index } = data;
  const views: Float64Array[] = [];
  for (let k = 0; k < reserved; k++) views.push(new Float64Array(vectors, k * n * 8, n));
  const slot = (k: number): Float64Array => {
    while (views[k] === undefined) {
      const m = receiveMessageOnPort(port as MessagePort);
      if (m === undefined) throw new Error(`unknown vector slot ${k}`);
      const { slot: s, buffer } = m.message as { slot: number; buffer: SharedArrayBuffer };
      views[s] = new Float64Array(buffer, 0, n);
    }
    return views[k];
  };
  const out = new Float64Array(partials.buffer, index * PASS_SUMS * 8, PASS_SUMS);
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
        runVectorPass(pass, from, to, matrix, out);
      } else if (op === SPMV_OP.multiply) {
        spmvRows(from, to, matrix, slot(Atomics.load(control, CONTROL.xSlot)), slot(Atomics.load(control, CONTROL.ySlot)));
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
