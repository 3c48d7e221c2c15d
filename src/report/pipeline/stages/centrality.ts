/** Stage "centrality": degree, strength and PageRank of every person in the view, from the metric catalogue. */
import type { AnalysisStage } from '../plan.js';

export const centralityStage: AnalysisStage = {
  name: 'centrality',
  needs: [],
  provides: ['degree', 'strength', 'pagerank'],
  async run(ctx) {
    ctx.progress('centrality', 0, 1);
    ctx.set('degree', await ctx.catalogScores('degree'));
    ctx.set('strength', await ctx.catalogScores('strength'));
    ctx.set('pagerank', await ctx.catalogScores('pagerank'));
    ctx.progress('centrality', 1, 1);
  },
};
