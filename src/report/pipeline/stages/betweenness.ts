/**
 * Stage "betweenness": exact (weighted, d = 1/w) up to `exactBetweennessLimit` people,
 * Riondato-Kornaropoulos sampling on hop counts above it. Read by brokers, the map and the
 * person table.
 */
import { betweenness } from '../../../metrics/centrality/betweenness.js';
import { betweennessApprox } from '../../../metrics/centrality/betweenness-approx.js';
import type { AnalysisStage } from '../plan.js';

export const betweennessStage: AnalysisStage = {
  name: 'betweenness',
  needs: [],
  provides: ['betweenness', 'betweennessExact'],
  async run(ctx) {
    const o = ctx.options;
    const exact = ctx.n <= o.exactBetweennessLimit;
    const onProgress = (done: number, total: number) => ctx.progress('betweenness', done, total);
    ctx.progress('betweenness', 0, 1);
    const btw = exact
      ? await betweenness(ctx.view, { workers: o.workers, onProgress, signal: ctx.signal })
      : await betweennessApprox(ctx.view, {
          epsilon: o.approxEpsilon,
          seed: o.seed,
          weighted: false,
          workers: o.workers,
          onProgress,
          signal: ctx.signal,
        });
    ctx.set('betweenness', btw);
    ctx.set('betweennessExact', exact);
  },
};
