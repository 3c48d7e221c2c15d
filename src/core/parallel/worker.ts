/**
 * The worker entry: the one file every orgraph worker thread starts from
 * Built as dist/core/parallel/worker.{js,cjs} (see tsup.config.ts; found by threads.ts,
 * workerEntry()). `workerData.job` says which runtime the thread serves: 'path' runs one
 * interleaved share of a path task (sources or samples) and posts back its partial sums, with
 * progress along the way; 'spmv' serves the matrix-product engine (./spmv-worker.ts). Errors are
 * posted back with their message; nothing is swallowed.
 * Reference: Node.js worker_threads.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PathGraphPair } from '../paths/approx-betweenness.js';
import type { PathWorkerData, SessionRequest, WorkerMessage } from './pool.js';
import type { SpmvWorkerData } from './spmv.js';
import { runSpmvWorker } from './spmv-worker.js';
import { bindTask, ownedSums, runShare, shareSize, taskSums, type PathTaskSpec } from './tasks.js';
import { errorMessage } from './threads.js';
import { useWasmGraph } from '../paths/wasm-dijkstra.js';

/** Run this worker's share of one task and post the partial sums. */
function runOne(
  port: NonNullable<typeof parentPort>,
  pair: PathGraphPair,
  spec: PathTaskSpec,
  share: number,
  shares: number,
  progressEvery: number,
): void {
  const task = bindTask(pair, spec);
  const out = taskSums(task);
  const total = shareSize(task.items, share, shares);
  let done = 0;
  while (done < total) {
    done += runShare(task, share, shares, done, Math.min(total, done + progressEvery), out);
    if (done < total) port.postMessage({ type: 'progress', done } satisfies WorkerMessage);
  }
  const sums = ownedSums(out);
  port.postMessage({ type: 'done', out: sums } satisfies WorkerMessage, [sums.buffer as ArrayBuffer]);
}

function runPathWorker(port: NonNullable<typeof parentPort>, input: PathWorkerData): void {
  try {
    const { graph: s, spec, share, shares, progressEvery } = input;
    const pair = {
      forward: { n: s.n, offsets: s.fo, targets: s.ft, lengths: s.fl },
      backward: { n: s.n, offsets: s.bo, targets: s.bt, lengths: s.bl },
    };
    if (spec === null) {
      // A session: run task after task on the same graph until told to stop.
      port.on('message', (m: SessionRequest) => {
        try {
          if (m.type === 'close') port.close();
          else runOne(port, pair, m.spec, share, shares, Math.max(1, Math.ceil(m.items / shares / 50)));
        } catch (e) {
          port.postMessage({ type: 'error', message: errorMessage(e) } satisfies WorkerMessage);
        }
      });
      return;
    }
    // Weighted betweenness: this worker's region of the graph the pool laid out once for all (else it makes its own).
    if (input.wasm) useWasmGraph(pair.forward, input.wasm, share);
    runOne(port, pair, spec, share, shares, progressEvery);
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
