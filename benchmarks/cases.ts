/**
 * The benchmark matrix: every numbered case, in order.
 */
import type { BenchCase } from './harness.js';
import { ingestCase1, projectionCase2 } from './ingest/csr.bench.js';
import { betweennessApproxRecallCase, betweennessApproxTopCase } from './metrics/centrality/betweenness-approx.bench.js';
import { betweennessUnweightedCase, betweennessWeightedCase } from './metrics/centrality/betweenness.bench.js';
import { closenessUnweightedCase, closenessWeightedCase } from './metrics/centrality/closeness.bench.js';
import { eigenvectorCase } from './metrics/centrality/eigenvector.bench.js';
import { pagerankCase } from './metrics/centrality/pagerank.bench.js';
import { structuralHolesCase } from './metrics/brokerage/structural-holes.js';

export const ALL_CASES: readonly BenchCase[] = Object.freeze([
  ingestCase1,
  projectionCase2,
  betweennessUnweightedCase,
  betweennessWeightedCase,
  closenessUnweightedCase,
  closenessWeightedCase,
  pagerankCase,
  eigenvectorCase,
  betweennessApproxRecallCase,
  betweennessApproxTopCase,
  structuralHolesCase,
]);

/** Select cases by number or key (`3`, `betweenness-weighted`); empty = all. */
export function selectCases(filters: readonly string[]): BenchCase[] {
  if (filters.length === 0) return ALL_CASES.slice();
  const unknown = filters.filter((f) => !ALL_CASES.some((c) => String(c.id) === f || c.key === f));
  if (unknown.length) {
    throw new Error(`unknown case(s) ${unknown.join(', ')}; cases: ${ALL_CASES.map((c) => `${c.id} ${c.key}`).join(', ')}`);
  }
  return ALL_CASES.filter((c) => filters.some((f) => String(c.id) === f || c.key === f));
}
