/**
 * Exact betweenness benchmarks (cases 3 and 4)
 * orgraph's parallel Brandes vs graphology-metrics (same process), igraph and NetworKit (2 threads)
 * on the very same generated org; weighted runs read lengths d = 1/w everywhere.
 * Reference: Brandes, U. (2001). A faster algorithm for betweenness centrality. J. Math. Sociol. 25(2).
 */
import { caseName, type BenchCase } from '../../harness.js';
import { graphologyMetrics } from '../../peers/graphology.js';
import { centralityCase } from './common.js';
import { betweenness } from '../../../src/metrics/centrality/betweenness.js';

const SIZES = [1000, 10000] as const;

/** 3: exact betweenness counting hops. Target (10k, 2 cores): beat igraph 10.7 s and NetworKit(2) 14.2 s. */
export const betweennessUnweightedCase: BenchCase = {
  id: 3,
  key: 'betweenness-unweighted',
  sizes: SIZES,
  maxSize: 100_000,
  name: (n, d) => caseName(3, 'betweenness', n, d, 'unweighted'),
  pythonPeerCase: 'betweenness',
  pythonPeerMaxSize: 20_000,
  targets: [
    {
      size: 10_000,
      description: 'beat graphology-metrics 19.6 s, igraph 10.7 s, NetworKit(2) 14.2 s: under 10.7 s',
      check: (r) => (r.seconds === undefined ? null : r.seconds < 10.7),
      beat: ['graphology-metrics', 'igraph', 'NetworKit'],
    },
  ],
  run: (ctx) =>
    centralityCase(ctx, {
      compute: (view, workers) => betweenness(view, { weighted: false, workers }),
      graphology: { fn: graphologyMetrics.betweenness, options: { getEdgeWeight: null, normalized: true }, maxSize: 20_000 },
      maxRuns: 3,
    }),
};

/** 4: exact betweenness with lengths 1/w. Target (10k): beat NetworKit(2) 14.2 s (igraph 29.0 s, graphology 99.7 s). */
export const betweennessWeightedCase: BenchCase = {
  id: 4,
  key: 'betweenness-weighted',
  sizes: SIZES,
  maxSize: 100_000,
  name: (n, d) => caseName(4, 'betweenness', n, d, 'weighted (d = 1/w)'),
  pythonPeerCase: 'betweenness-weighted',
  pythonPeerMaxSize: 20_000,
  targets: [
    {
      size: 10_000,
      description: 'beat graphology-metrics 99.7 s, igraph 29.0 s, NetworKit(2) 14.2 s: under 14.2 s',
      check: (r) => (r.seconds === undefined ? null : r.seconds < 14.2),
      beat: ['graphology-metrics', 'igraph', 'NetworKit'],
    },
  ],
  run: (ctx) =>
    centralityCase(ctx, {
      compute: (view, workers) => betweenness(view, { weighted: true, workers }),
      graphology: { fn: graphologyMetrics.betweenness, options: { getEdgeWeight: 'length', normalized: true }, maxSize: 20_000 },
      maxRuns: 3,
    }),
};
