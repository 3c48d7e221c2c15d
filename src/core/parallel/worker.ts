/**
 * Path worker: the worker-thread entry point for path tasks
 * Runs one interleaved share of a task's sources (or samples) on the shared graph and posts back
 * its partial sums, with progress along the way.
 * Reference: Node.js worker_threads.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerInput, WorkerMessage } from './pool.js';
import { bindTask, runShare, shareSize } from './tasks.js';

function main(): void {
  const port = parentPort;
  if (!port) return;
  const input = workerData as WorkerInput;
  try {
    const { graph: s, spec, share, shares, progressEvery } = input;
    const pair = {
      forward: { n: s.n, offsets: s.fo, targets: s.ft, lengths: s.fl },
      backward: { n: s.n, offsets: s.bo, targets: s.bt, lengths: s.bl },
    };
    const task = bindTask(pair, spec);
    const out = new Float64Array(task.outLength);
    const total = shareSize(task.items, share, shares);
    let done = 0;
    while (done < total) {
      done += runShare(task, share, shares, done, Math.min(total, done + progressEvery), out);
      if (done < total) port.postMessage({ type: 'progress', done } satisfies WorkerMessage);
    }
    port.postMessage({ type: 'done', out } satisfies WorkerMessage, [out.buffer]);
  } catch (e) {
    port.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) } satisfies WorkerMessage);
  }
}

main();
