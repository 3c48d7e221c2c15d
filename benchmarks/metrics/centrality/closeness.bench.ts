/**
 * Closeness benchmarks (cases 5 and 6)
 * orgraph's all-sources BFS / Dijkstra (Wasserman-Faust) vs graphology-metrics (unweighted only),
 * igraph and NetworKit (2 threads, generalized = Wasserman-Faust) on the same generated org.
 * Reference: Wasserman, S. & Faust, K. (1994). Social Network Analysis, §5.3.
 */
import { caseName, type BenchCase } from '../../harness.js';
import { graphologyMetrics } from '../../peers/graphology.js';
import { centralityCase } from './common.js';
import { closeness } from '../../../src/metrics/centrality/closeness.js';

const SIZES = [1000, 10000] as const;

/** 5: closeness counting hops. Target (10k): beat graphology 8.2 s, igraph 3.8 s, NetworKit(2) 1.9 s. */
export const closenessUnweightedCase: BenchCase = {
  id: 5,
  key: 'closeness-unweighted',
  sizes: SIZES,
  maxSize: 100_000,
  name: (n, d) => caseName(5, 'closeness', n, d, 'unweighted'),
  pythonPeerCase: 'closeness',
  pythonPeerMaxSize: 20_000,
  targets: [
    {
      size: 10_000,
      description: 'beat graphology-metrics 8.2 s, igraph 3.8 s, NetworKit(2) 1.9 s: under 1.9 s',
      check: (r) => (r.seconds === undefined ? null : r.seconds < 1.9),
      beat: ['graphology-metrics', 'igraph', 'NetworKit'],
    },
  ],
  run: (ctx) =>
    centralityCase(ctx, {
      compute: (view, workers) => closeness(view, { weighted: false, workers }),
      graphology: { fn: graphologyMetrics.closeness, options: { wassermanFaust: true }, maxSize: 20_000 },
    }),
};

/** 6: closeness with lengths 1/w (graphology-metrics has no weighted closeness). */
export const closenessWeightedCase: BenchCase = {
  id: 6,
  key: 'closeness-weighted',
  sizes: SIZES,
  maxSize: 100_000,
  name: (n, d) => caseName(6, 'closeness', n, d, 'weighted (d = 1/w)'),
  pythonPeerCase: 'closeness-weighted',
  pythonPeerMaxSize: 20_000,
  run: (ctx) =>
    centralityCase(ctx, {
      compute: (view, workers) => closeness(view, { weighted: true, workers }),
    }),
};
