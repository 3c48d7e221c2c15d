/** Stage "centrality": degree, strength and PageRank of every person in the view, from the metric catalogue. */
import type { AnalysisStage } from '../plan.js';

export const centralityStage: AnalysisStage = {
  name: 'centrality',
  needs: [],
  provides: ['degree', 'strength', 'pagerank'],
  async run(ctx) {
    // Progress: degree and strength are one unit, PageRank's iterations the other 9 (its share of the time; see createContext).
    ctx.progress('centrality', 0, 10);
    ctx.set('degree', await ctx.catalogScores('degree'));
    ctx.set('strength', await ctx.catalogScores('strength'));
    ctx.progress('centrality', 1, 10);
    ctx.set('pagerank', await ctx.catalogScores('pagerank'));
    ctx.progress('centrality', 10, 10);
  },
};
