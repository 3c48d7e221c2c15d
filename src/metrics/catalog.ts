/**
 * The metric catalog: every per-person metric the CLI and the report can compute, by output key.
 * Each family (centrality, brokerage, silos) lists its own entries in its `catalog.ts`; this file
 * only joins them, so `orgraph metrics` and the report stay generic over metrics.
 */
import type { MetricSpec, SharedName } from './metric-spec.js';
import { CENTRALITY_METRICS } from './centrality/catalog.js';
import { BROKERAGE_METRICS } from './brokerage/catalog.js';
import { SILO_METRICS } from './silos/catalog.js';

export type { MetricContext, MetricSpec, SharedName } from './metric-spec.js';
export { SharedResults, sharedOrCompute } from './metric-spec.js';

/** Every per-person metric, centrality first, then brokerage, then silos. */
export const METRIC_CATALOG: readonly MetricSpec[] = Object.freeze([...CENTRALITY_METRICS, ...BROKERAGE_METRICS, ...SILO_METRICS]);

/** The catalog entry that produces a key, or undefined. */
export function metricSpec(key: string): MetricSpec | undefined {
  return METRIC_CATALOG.find((s) => s.keys.includes(key));
}

/** The catalogue entries that produce a set of keys, and the shared intermediates they read. */
export interface MetricPlan {
  /** Entries to compute, in catalogue order, each once whatever number of its keys is asked. */
  readonly steps: readonly MetricSpec[];
  /** Shared intermediates read by more than one step: computed once through {@link MetricContext.shared}. */
  readonly sharedNeeds: readonly SharedName[];
}

/**
 * The plan for a set of output keys: which entries run (in catalogue order) and which shared
 * intermediates several of them read. `orgraph metrics` and the report pipeline both run on it,
 * with one {@link SharedResults} memo per view. Unknown keys are ignored (the caller checks them).
 * Complexity O(catalogue x keys).
 * @example
 * metricPlan(['betweenness', 'bridging']).sharedNeeds; // ['betweenness']: computed once
 */
export function metricPlan(keys: readonly string[], catalog: readonly MetricSpec[] = METRIC_CATALOG): MetricPlan {
  const steps = catalog.filter((s) => s.keys.some((k) => keys.includes(k)));
  const uses = new Map<SharedName, number>();
  for (const s of steps) for (const need of s.needs ?? []) uses.set(need, (uses.get(need) ?? 0) + 1);
  return { steps, sharedNeeds: [...uses].filter(([, count]) => count > 1).map(([name]) => name) };
}
