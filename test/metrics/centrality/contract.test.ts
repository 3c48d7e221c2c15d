/**
 * The one API contract of the heavy metrics (src/metrics/centrality/run-options.ts): every heavy
 * metric is async and takes { workers, signal, onProgress }; every xSync twin runs in the calling
 * thread and never starts a thread; `workers` is capped at os.availableParallelism() with a
 * process warning; a worker failure is OrgraphError E_WORKER carrying the worker's message.
 */
import { availableParallelism } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { setWorkerPath } from '../../../src/core/parallel/threads.js';
import { betweennessApprox, betweennessApproxSync } from '../../../src/metrics/centrality/betweenness-approx.js';
import { betweenness, betweennessSync } from '../../../src/metrics/centrality/betweenness.js';
import { closeness, closenessSync } from '../../../src/metrics/centrality/closeness.js';
import { eigenvector, eigenvectorSync } from '../../../src/metrics/centrality/eigenvector.js';
import { harmonic, harmonicSync } from '../../../src/metrics/centrality/harmonic.js';
import { katz, katzSync } from '../../../src/metrics/centrality/katz.js';
import { pagerank, pagerankSync } from '../../../src/metrics/centrality/pagerank.js';
import { KITE, viewOf } from './path-fixtures.js';

const view = viewOf(10, KITE, false);
const ASYNC = { betweenness, betweennessApprox, closeness, harmonic, pagerank, eigenvector, katz };
const SYNC = {
  betweenness: betweennessSync,
  betweennessApprox: betweennessApproxSync,
  closeness: closenessSync,
  harmonic: harmonicSync,
  pagerank: pagerankSync,
  eigenvector: eigenvectorSync,
  katz: katzSync,
};

afterEach(() => setWorkerPath(undefined));

describe('heavy-metric contract', () => {
  it('every heavy metric returns a Promise (never a bare NodeScores), with a matching xSync twin', async () => {
    for (const [name, f] of Object.entries(ASYNC)) {
      const p = f(view, { workers: 1 });
      expect(p, name).toBeInstanceOf(Promise);
      const sync = SYNC[name as keyof typeof SYNC](view);
      expect(Array.from((await p).values), name).toEqual(Array.from(sync.values));
    }
  });

  it('xSync variants never start a thread: they work with no worker file at all; the async ones on 2 threads then fail with E_WORKER', async () => {
    // A ring of 70: closeness and harmonic on hops work in batches of 32 sources, so 3 items.
    const ring = viewOf(
      70,
      Array.from({ length: 70 }, (_, i) => [i, (i + 1) % 70] as const),
      false,
    );
    setWorkerPath('/nonexistent/orgraph-worker.cjs');
    for (const f of Object.values(SYNC)) expect(f(ring).values.length).toBe(70);
    for (const [name, f] of Object.entries(ASYNC)) {
      if (availableParallelism() < 2) continue; // a 1-core machine caps every request at 1 thread
      await expect(f(ring, { workers: 2 }), name).rejects.toMatchObject({
        name: 'OrgraphError',
        code: 'E_WORKER',
        message: expect.stringContaining('/nonexistent/orgraph-worker.cjs'),
      });
    }
  });

  it('workers: 1000 is lowered to os.availableParallelism(), with one process warning naming the request', async () => {
    const warnings: Error[] = [];
    const listen = (w: Error) => warnings.push(w);
    process.on('warning', listen);
    try {
      const b = await betweenness(view, { workers: 1000 });
      const p = await pagerank(view, { workers: 1000 });
      const cap = availableParallelism();
      expect(b.diagnostics.workers).toBe(cap);
      expect(p.diagnostics.threads).toBe(Math.min(cap, 10));
      await new Promise((r) => setImmediate(r));
      const ours = warnings.filter((w) => (w as Error & { code?: string }).code === 'ORGRAPH_WORKERS_LOWERED');
      expect(ours.length).toBe(1);
      expect(ours[0].message).toBe(`orgraph: workers: 1000 lowered to ${cap} (os.availableParallelism())`);
    } finally {
      process.off('warning', listen);
    }
  });

  it('the same options everywhere: progress reaches its total, an aborted signal rejects with E_ABORTED, a bad count is E_BAD_OPTION', async () => {
    for (const [name, f] of Object.entries(ASYNC)) {
      let last = [0, 0];
      await f(view, { workers: 1, onProgress: (done, total) => (last = [done, total]) });
      expect(last[0], name).toBe(last[1]);
      expect(last[1], name).toBeGreaterThan(0);
      const ac = new AbortController();
      ac.abort();
      await expect(f(view, { signal: ac.signal }), name).rejects.toMatchObject({ code: 'E_ABORTED' });
      await expect(f(view, { workers: 0 }), name).rejects.toMatchObject({ code: 'E_BAD_OPTION' });
    }
  });
});
