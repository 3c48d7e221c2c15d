/**
 * graphology-metrics peer
 * The same generated org as a graphology graph in the same process. graphology-metrics reads an
 * edge weight as a distance (path metrics) or a multiplier (PageRank, eigenvector), so each edge
 * carries both `length` = 1/w (for the path metrics, the same work as orgraph's d = 1/w) and
 * `weight` = w (the strength).
 */
import { createRequire } from 'node:module';
import type { AbstractGraph, GraphOptions } from 'graphology-types';
import type { GeneratedOrg } from '../generate/org-graph.js';
import { measure, overlap, topIndices, type PeerResult } from '../harness.js';

// NOTE: graphology and graphology-metrics ship CommonJS; require() gives the functions directly
// under every loader (tsx, vitest, node).
const require = createRequire(import.meta.url);
type UndirectedGraph = AbstractGraph;
const Graph = require('graphology') as new (options?: GraphOptions) => AbstractGraph;
const GRAPHOLOGY_METRICS_VERSION: string = (require('graphology-metrics/package.json') as { version: string }).version;

/** A graphology-metrics per-node function: graph and options in, a node -> value record out. */
export type GraphologyMetric = (graph: AbstractGraph, options?: Record<string, unknown>) => Record<string, number>;

/** graphology-metrics' centrality functions. */
export const graphologyMetrics = {
  betweenness: require('graphology-metrics/centrality/betweenness') as GraphologyMetric,
  closeness: require('graphology-metrics/centrality/closeness') as GraphologyMetric,
  pagerank: require('graphology-metrics/centrality/pagerank') as GraphologyMetric,
  eigenvector: require('graphology-metrics/centrality/eigenvector') as GraphologyMetric,
};

const graphs = new WeakMap<GeneratedOrg, UndirectedGraph>();

/** The org as an undirected graphology graph with nodes "0".."n-1" (cached per org). */
export function graphologyGraph(org: GeneratedOrg): UndirectedGraph {
  let g = graphs.get(org);
  if (!g) {
    g = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
    for (let i = 0; i < org.n; i++) g.addNode(String(i));
    for (let e = 0; e < org.m; e++) {
      const w = org.weights[e];
      g.addUndirectedEdge(String(org.sources[e]), String(org.targets[e]), { weight: w, length: 1 / w });
    }
    graphs.set(org, g);
  }
  return g;
}

export function graphologyVersion(): string {
  return GRAPHOLOGY_METRICS_VERSION;
}

/**
 * Time a graphology-metrics call on the org; errors (e.g. eigenvector's non-convergence) become an
 * unavailable result with the reason.
 */
export async function graphologyPeer(
  org: GeneratedOrg,
  run: (g: UndirectedGraph) => Record<string, number>,
  options: { smoke: boolean; orgraphSeconds?: number; orgraphTop10?: readonly number[]; maxSize: number },
): Promise<PeerResult> {
  const base = { tool: 'graphology-metrics', version: GRAPHOLOGY_METRICS_VERSION, threads: 1 };
  if (org.n > options.maxSize)
    return { ...base, available: false, reason: `skipped above n=${options.maxSize} (too slow / too much memory)` };
  const g = graphologyGraph(org);
  let result: Record<string, number> = {};
  try {
    const t = await measure(
      () => {
        result = run(g);
      },
      { smoke: options.smoke, maxRuns: 3 },
    );
    const values = new Float64Array(org.n);
    for (let i = 0; i < org.n; i++) values[i] = result[String(i)] ?? NaN;
    const top10 = topIndices(values, 10);
    return {
      ...base,
      available: true,
      seconds: t.seconds,
      ...(options.orgraphSeconds ? { speedup: t.seconds / options.orgraphSeconds } : {}),
      ...(options.orgraphTop10 ? { top10Agreement: overlap(options.orgraphTop10 as number[], top10) } : {}),
    };
  } catch (err) {
    return { ...base, available: false, reason: (err as Error).message };
  }
}
