/**
 * The shape of a metric catalogue entry. Its own module so that the family catalogues
 * (centrality, brokerage, silos) and the joined catalogue can all import it without importing
 * each other.
 */
import type { OrgView } from '../model/projection.js';
import type { NodeScores } from './scores.js';

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

/** One catalogue entry: the output keys it produces and how to compute them on a view. */
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
