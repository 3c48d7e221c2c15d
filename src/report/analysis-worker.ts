/**
 * The analysis worker entry: runs the whole report pipeline on a thread of its own for
 * `analysis({ thread: 'worker' })` (./analysis-thread.ts starts it).
 * Built as dist/report/analysis-worker.{js,cjs} (see tsup.config.ts), found like the kernels'
 * worker (core/parallel/threads.ts, `workerEntry('analysis')`); in the sources it is started
 * through ./dev-analysis-worker.cjs (tsx). The graph arrives as its constructor parts and is rebuilt
 * with the same constructor; progress, the result and any error go back as messages. Betweenness
 * starts its own pool of kernel workers from here (a nested worker), as it would in the caller.
 * Reference: Node.js worker_threads.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { setWorkerPath } from '../core/parallel/threads.js';
import { graphFromParts, packResult, toWireError, type AnalysisWorkerData, type AnalysisWorkerMessage } from './analysis-wire.js';
import { runAnalysis } from './pipeline/index.js';

function main(): void {
  const port = parentPort;
  if (!port) return;
  const data = workerData as AnalysisWorkerData;
  if (data.job !== 'analysis') throw new Error(`unknown worker job ${String((data as { job?: unknown }).job)}`);
  const post = (m: AnalysisWorkerMessage) => port.postMessage(m);
  if (data.workerPath !== undefined) setWorkerPath(data.workerPath);
  const onProgress = data.progress
    ? (stage: string, done: number, total: number) => post({ type: 'progress', stage, done, total })
    : undefined;
  Promise.resolve()
    .then(() => runAnalysis(graphFromParts(data.graph), { ...data.options, thread: 'caller', onProgress }))
    .then(
      (result) => {
        const packed = packResult(result);
        port.postMessage(
          { type: 'done', result: packed } satisfies AnalysisWorkerMessage,
          [packed.skeleton, ...packed.parts].map((b) => b.buffer as ArrayBuffer),
        );
      },
      (e: unknown) => post({ type: 'error', error: toWireError(e) }),
    );
}

main();
