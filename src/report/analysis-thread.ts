/**
 * `analysis()` on a worker thread: the caller's side. Copies the graph's parts to a new analysis
 * worker (./analysis-worker.ts), relays its progress messages to `onProgress`, terminates it when
 * `signal` aborts, and settles with its result or with the error the calling thread would have
 * thrown. The caller's event loop only posts one message and receives a few: a server stays
 * responsive while a report is computed.
 * Reference: Node.js worker_threads.
 */
import { definedOnly } from '../core/util/options.js';
import { startWorker, WorkerError, workerPathSetting } from '../core/parallel/threads.js';
import { OrgraphError } from '../model/errors.js';
import type { OrgGraph } from '../model/org-graph.js';
import {
  fromWireError,
  graphParts,
  unpackResult,
  type AnalysisWorkerData,
  type AnalysisWorkerMessage,
  type WireOptions,
} from './analysis-wire.js';
import { ANALYSIS_STAGES, type AnalysisOptions, type AnalysisResult } from './pipeline/types.js';

/** The options without the parts that stay with the caller; `undefined` values dropped (they keep their defaults). */
function wireOptions(options: AnalysisOptions): WireOptions {
  const { onProgress: _progress, signal: _signal, thread: _thread, ...rest } = definedOnly(options);
  return rest as unknown as WireOptions;
}

/**
 * Run the pipeline of `analysis()` on a worker thread of its own. Rejects with `E_ABORTED`
 * ("analysis aborted (at <last stage reported>)") when `signal` aborts (the thread is terminated
 * at once, even inside a stage), with the worker's own error (an OrgraphError keeps its code and
 * message) when the pipeline throws, with whatever `onProgress` throws (the thread is terminated),
 * and with `E_WORKER` when the worker file cannot be found or the thread dies without answering.
 * Complexity: O(n + m) to copy the graph, plus the pipeline on the other thread.
 */
export function analysisInWorker(input: OrgGraph, options: AnalysisOptions): Promise<AnalysisResult> {
  const { signal, onProgress } = options;
  let stage: string = ANALYSIS_STAGES[0];
  const aborted = () => new OrgraphError('E_ABORTED', `analysis aborted (at ${stage})`);
  if (signal?.aborted) return Promise.reject(aborted());
  const data: AnalysisWorkerData = {
    job: 'analysis',
    graph: graphParts(input),
    options: wireOptions(options),
    progress: onProgress !== undefined,
    workerPath: workerPathSetting(),
  };
  return new Promise<AnalysisResult>((resolve, reject) => {
    let worker: ReturnType<typeof startWorker>;
    try {
      worker = startWorker(data, undefined, 'analysis');
    } catch (e) {
      reject(e instanceof WorkerError ? new OrgraphError('E_WORKER', `analysis: ${e.message}`) : e);
      return;
    }
    let settled = false;
    const finish = () => {
      if (settled) return false;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      return true;
    };
    const fail = (error: unknown) => finish() && reject(error);
    const onAbort = () => fail(aborted());
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (m: AnalysisWorkerMessage) => {
      if (settled) return;
      if (m.type === 'progress') {
        stage = m.stage;
        try {
          onProgress?.(m.stage, m.done, m.total);
        } catch (e) {
          // As in the calling thread, an exception from onProgress ends the run with that exception.
          fail(e);
        }
      } else if (m.type === 'done') {
        if (finish()) unpackResult(m.result).then(resolve, reject);
      } else fail(fromWireError(m.error));
    });
    worker.on('error', (e) => fail(new OrgraphError('E_WORKER', `analysis worker failed: ${e instanceof Error ? e.message : String(e)}`)));
    worker.on('exit', (code) => fail(new OrgraphError('E_WORKER', `analysis worker exited with code ${code} before answering`)));
  });
}
