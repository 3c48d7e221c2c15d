/**
 * The metric catalog: every per-person metric the CLI and the report can compute, by output key.
 * Each family (centrality, brokerage, silos) lists its own entries in its `catalog.ts`; this file
 * only joins them, so `orgraph metrics` and the report stay generic over metrics.
 */
import type { MetricSpec } from './metric-spec.js';
import { CENTRALITY_METRICS } from './centrality/catalog.js';
import { BROKERAGE_METRICS } from './brokerage/catalog.js';
import { SILO_METRICS } from './silos/catalog.js';

export type { MetricContext, MetricSpec } from './metric-spec.js';

/** Every per-person metric, centrality first, then brokerage, then silos. */
export const METRIC_CATALOG: readonly MetricSpec[] = Object.freeze([...CENTRALITY_METRICS, ...BROKERAGE_METRICS, ...SILO_METRICS]);

/** The catalog entry that produces a key, or undefined. */
export function metricSpec(key: string): MetricSpec | undefined {
  return METRIC_CATALOG.find((s) => s.keys.includes(key));
}
