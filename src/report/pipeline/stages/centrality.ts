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
    ctx.progress('centrality', 0, 1);
    ctx.set('degree', degree(ctx.view));
    ctx.set('strength', strength(ctx.view));
    ctx.set('pagerank', await pagerank(ctx.view, { workers: ctx.options.workers }));
    ctx.progress('centrality', 1, 1);
  },
};
