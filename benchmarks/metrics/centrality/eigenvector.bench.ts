/**
 * Eigenvector centrality benchmark (case 8)
 * orgraph's power iteration (weights as strengths, tolerance 1e-10) vs graphology-metrics (power
 * iteration, tolerance 1e-6, given up to 1000 iterations), igraph (ARPACK) and NetworKit (2 threads)
 * on the same generated org.
 * Reference: Bonacich, P. (1972). Factoring and weighting approaches to status scores and clique
 * identification. J. Math. Sociol. 2(1).
 */
import { eigenvector } from '../../../src/metrics/centrality/eigenvector.js';
import { caseName, type BenchCase } from '../../harness.js';
import { graphologyMetrics } from '../../peers/graphology.js';
import { centralityCase } from './common.js';

/** 8: eigenvector, weighted. Target: under 5 s on 1M people / 10M ties. */
export const eigenvectorCase: BenchCase = {
  id: 8,
  key: 'eigenvector',
  sizes: [10_000, 100_000, 1_000_000],
  maxSize: 10_000_000,
  name: (n, d) => caseName(8, 'eigenvector', n, d, 'weighted'),
  pythonPeerCase: 'eigenvector',
  pythonPeerMaxSize: 1_000_000,
  targets: [
    { size: 1_000_000, description: 'under 5 s on 1M people / ~10M ties', check: (r) => (r.seconds === undefined ? null : r.seconds < 5) },
  ],
  run: (ctx) =>
    centralityCase(ctx, {
      compute: (view) => eigenvector(view, { weighted: true }),
      graphology: { fn: graphologyMetrics.eigenvector, options: { getEdgeWeight: 'weight', maxIterations: 1000 }, maxSize: 100_000 },
    }),
};
