/**
 * PageRank benchmark (case 7)
 * orgraph's power iteration (alpha 0.85, weights as strengths) vs graphology-metrics, igraph (PRPACK)
 * and NetworKit (2 threads) on the same generated org. Tolerances differ between tools: orgraph
 * 1e-10 (its default), graphology-metrics 1e-6 (default), NetworKit 1e-9; igraph solves directly.
 * Reference: Page, L., Brin, S., Motwani, R. & Winograd, T. (1999). The PageRank citation ranking.
 */
import { pagerank } from '../../../src/metrics/centrality/pagerank.js';
import { caseName, type BenchCase } from '../../harness.js';
import { graphologyMetrics } from '../../peers/graphology.js';
import { centralityCase } from './common.js';

/** 7: PageRank, weighted. Target: under 5 s on 1M people / 10M ties. */
export const pagerankCase: BenchCase = {
  id: 7,
  key: 'pagerank',
  sizes: [10_000, 100_000, 1_000_000],
  maxSize: 10_000_000,
  name: (n, d) => caseName(7, 'pagerank', n, d, 'weighted'),
  pythonPeerCase: 'pagerank',
  pythonPeerMaxSize: 1_000_000,
  targets: [
    { size: 1_000_000, description: 'under 5 s on 1M people / ~10M ties', check: (r) => (r.seconds === undefined ? null : r.seconds < 5) },
  ],
  run: (ctx) =>
    centralityCase(ctx, {
      compute: (view) => pagerank(view, { weighted: true }),
      graphology: { fn: graphologyMetrics.pagerank, options: { getEdgeWeight: 'weight', alpha: 0.85 }, maxSize: 100_000 },
    }),
};
