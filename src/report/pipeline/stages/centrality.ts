/** Stage "centrality": degree, strength and PageRank of every person in the view. */
import { degree } from '../../../metrics/centrality/degree.js';
import { pagerank } from '../../../metrics/centrality/pagerank.js';
import { strength } from '../../../metrics/centrality/strength.js';
import type { AnalysisStage } from '../plan.js';

export const centralityStage: AnalysisStage = {
  name: 'centrality',
  needs: [],
  provides: ['degree', 'strength', 'pagerank'],
  async run(ctx) {
    // Progress: degree and strength are one unit, PageRank's iterations the other 9 (its share of the time).
    ctx.progress('centrality', 0, 10);
    ctx.set('degree', degree(ctx.view));
    ctx.set('strength', strength(ctx.view));
    ctx.progress('centrality', 1, 10);
    const onProgress = (done: number, total: number) => ctx.progress('centrality', 1 + Math.floor((9 * done) / Math.max(1, total)), 10);
    ctx.set('pagerank', await pagerank(ctx.view, { workers: ctx.options.workers, onProgress }));
    ctx.progress('centrality', 10, 10);
  },
};
