/**
 * The worker entry: the one file every orgraph worker thread starts from
 * Built as dist/core/parallel/worker.{js,cjs} (see tsup.config.ts; found by threads.ts,
 * workerEntry()). `workerData.job` says which runtime the thread serves: 'path' runs blocks of a
 * path task's items (sources or samples), claimed in turn with the other workers, and posts back
 * each block's sums; 'spmv' serves the matrix-product engine (./spmv-worker.ts). Errors are
 * posted back with their message; nothing is swallowed.
 * Reference: Node.js worker_threads.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PathGraphPair } from '../paths/approx-betweenness.js';
import type { PathWorkerData, SessionRequest, WorkerMessage } from './pool.js';
import type { SpmvWorkerData } from './spmv.js';
import { runSpmvWorker } from './spmv-worker.js';
import { bindTask, blockRange, kernelGraph, runItems, taskSums, type PathTaskSpec } from './tasks.js';
import { errorMessage } from './threads.js';
import { useWasmGraph } from '../paths/wasm-dijkstra.js';

/**
 * Run blocks of one task until none is left: claim the next block from `counter` (shared by every
 * worker of the run), sum its items into an array of this worker's, and post a copy with the
 * block's number; then post 'done'. See TASK_BLOCKS in tasks.ts.
 */
function runBlocks(
  port: NonNullable<typeof parentPort>,
  pair: PathGraphPair,
  spec: PathTaskSpec,
  counter: Int32Array,
  blocks: number,
): void {
  const task = bindTask(pair, spec);
  const out = taskSums(task);
  for (;;) {
    const block = Atomics.add(counter, 0, 1);
    if (block >= blocks) break;
    const [from, to] = blockRange(task.items, blocks, block);
    out.fill(0);
    runItems(task, from, to, out);
    const sums = out.slice();
    port.postMessage({ type: 'block', block, out: sums } satisfies WorkerMessage, [sums.buffer]);
  }
  port.postMessage({ type: 'done' } satisfies WorkerMessage);
}

function runPathWorker(port: NonNullable<typeof parentPort>, input: PathWorkerData): void {
  try {
    const { graph: s, spec, share } = input;
    const pair = {
      forward: { n: s.n, offsets: s.fo, targets: s.ft, lengths: s.fl },
      backward: { n: s.n, offsets: s.bo, targets: s.bt, lengths: s.bl },
    };
    if (spec === null) {
      // A session: run task after task on the same graph until told to stop.
      port.on('message', (m: SessionRequest) => {
        try {
          if (m.type === 'close') port.close();
          else runBlocks(port, pair, m.spec, m.counter, m.blocks);
        } catch (e) {
          port.postMessage({ type: 'error', message: errorMessage(e) } satisfies WorkerMessage);
        }
      });
      return;
    }
    // Weighted betweenness and distance sums: this worker's region of the graph the pool laid out once
    // for all (else it makes its own).
    if (input.wasm) useWasmGraph(kernelGraph(pair, spec), input.wasm, share);
    runBlocks(port, pair, spec, input.counter!, input.blocks!);
  } catch (e) {
    port.postMessage({ type: 'error', message: errorMessage(e) } satisfies WorkerMessage);
  }
}

function main(): void {
  const port = parentPort;
  if (!port) return;
  const data = workerData as PathWorkerData | SpmvWorkerData;
  if (data.job === 'path') runPathWorker(port, data);
  else if (data.job === 'spmv') runSpmvWorker(data, () => port.postMessage({ type: 'ready' }));
  else throw new Error(`unknown worker job ${String((data as { job?: unknown }).job)}`);
}

main();
