/**
 * The metric catalog: every per-person metric the CLI and the report can compute, by output key.
 * Each family (centrality, brokerage, silos) lists its own entries in its `catalog.ts`; this file
 * only joins them, so `orgraph metrics` and the report stay generic over metrics.
 */
import type { OrgView } from '../model/projection.js';
import type { NodeScores } from './scores.js';
import { CENTRALITY_METRICS } from './centrality/catalog.js';
import { BROKERAGE_METRICS } from './brokerage/catalog.js';
import { SILO_METRICS } from './silos/catalog.js';

/** What a metric may need beyond the view. */
export interface MetricContext {
  /** Attribute naming the formal group (department...), from `--group`. */
  readonly group?: string;
  /** Worker threads for parallel kernels (default: all cores). */
  readonly workers?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (stage: string, done: number, total: number) => void;
  /** Seed for randomised metrics (communities, permutation tests). */
  readonly seed?: number;
}

export interface MetricSpec {
  /** Output keys this entry produces, in output order (e.g. ['inDegree', 'outDegree']). */
  readonly keys: readonly string[];
  readonly family: 'centrality' | 'brokerage' | 'silos';
  /** One line for `orgraph metrics --help` and the report. */
  readonly description: string;
  /** Only on directed views. */
  readonly directedOnly?: boolean;
  /** Needs `--group`; without it the keys are null. */
  readonly needsGroup?: boolean;
  /** One NodeScores per key, in `keys` order, aligned with `view.personIds`. */
  compute(view: OrgView, context: MetricContext): NodeScores[] | Promise<NodeScores[]>;
  /** How a value is written to JSON/CSV (default: the number, null for NaN). */
  readonly format?: (value: number) => string | number | boolean | null;
}

export const METRIC_CATALOG: readonly MetricSpec[] = Object.freeze([
  ...CENTRALITY_METRICS,
  ...BROKERAGE_METRICS,
  ...SILO_METRICS,
]);

/** The catalog entry that produces a key, or undefined. */
export function metricSpec(key: string): MetricSpec | undefined {
  return METRIC_CATALOG.find((s) => s.keys.includes(key));
}
