/**
 * NodeScores: the one result protocol for every per-person metric.
 * A Float64Array aligned with a view's person ids (NaN = undefined for that person), the metric's
 * name, and its diagnostics (iterations, convergence, error bounds), plus the helpers reports and
 * the CLI use generically: rank, top k, percentile, to a plain record, to a table.
 */
import { htmlTable, toTable, type TableRow } from '../model/tables.js';

/** Diagnostics a metric reports instead of throwing (iterations, converged, epsilon...). */
export type Diagnostics = Readonly<Record<string, number | boolean | string | null>>;

/** A person in a ranking: {@link NodeScores.top}. */
export interface RankedPerson {
  /** The person's id. */
  readonly id: string;
  /** The person's score. */
  readonly value: number;
  /** 1 = highest (or lowest with `ascending`); ties share a rank (1, 2, 2, 4). */
  readonly rank: number;
}

/**
 * One value per person for a metric, aligned with a view's `personIds` (NaN where the metric is
 * undefined for that person), with the metric's name and diagnostics. Every per-person metric
 * returns one.
 */
export class NodeScores {
  /**
   * @param metric the metric's key, as in the CLI output (`betweenness`, `constraint`...)
   * @param personIds the ids the values are aligned with
   * @param values one value per person; NaN where the metric is undefined for that person
   * @param diagnostics what the computation reports about itself
   */
  constructor(
    /** The metric's key, as in the CLI output (`betweenness`, `constraint`...). */
    readonly metric: string,
    /** The ids the values are aligned with: `values[i]` is the score of `personIds[i]`. */
    readonly personIds: readonly string[],
    /** One value per person, in the metric's own unit; NaN where it is undefined for that person. */
    readonly values: Float64Array,
    /**
     * What the computation reports about itself (iterations, converged, residual, epsilon...: see each
     * metric); `{}` when it reports nothing.
     */
    readonly diagnostics: Diagnostics = {},
  ) {
    if (values.length !== personIds.length) {
      throw new RangeError(`NodeScores(${metric}): ${values.length} values for ${personIds.length} people`);
    }
  }

  /** Number of people scored (the length of `values` and `ids`). */
  get size(): number {
    return this.values.length;
  }

  /** The value for a person id: NaN when undefined for that person, undefined when not present. */
  get(id: string): number | undefined {
    const i = this.indexOf(id);
    return i < 0 ? undefined : this.values[i];
  }

  private lookup?: Map<string, number>;
  private indexOf(id: string): number {
    if (!this.lookup) this.lookup = new Map(this.personIds.map((p, i) => [p, i]));
    return this.lookup.get(id) ?? -1;
  }

  /**
   * Competition ranks (1 = highest unless `ascending`), aligned with `personIds`; undefined values
   * (NaN) get NaN. Complexity: O(n log n).
   */
  ranks(options: { ascending?: boolean } = {}): Float64Array {
    const order = this.order(options.ascending ?? false);
    const ranks = new Float64Array(this.size).fill(NaN);
    for (let r = 0; r < order.length; r++) {
      const i = order[r];
      const prev = r > 0 ? order[r - 1] : -1;
      ranks[i] = prev >= 0 && this.values[prev] === this.values[i] ? ranks[prev] : r + 1;
    }
    return ranks;
  }

  /** The k people with the highest values (lowest with `ascending`), ties broken by input order. */
  top(k: number, options: { ascending?: boolean } = {}): RankedPerson[] {
    const order = this.order(options.ascending ?? false);
    const ranks = this.ranks(options);
    return order.slice(0, Math.max(0, k)).map((i) => ({ id: this.personIds[i], value: this.values[i], rank: ranks[i] }));
  }

  /**
   * Percentile of a person's value among defined values: the share (0-100) of people whose value
   * is at most this one. NaN for an undefined value; undefined for an unknown id.
   */
  percentile(id: string): number | undefined {
    const i = this.indexOf(id);
    if (i < 0) return undefined;
    const v = this.values[i];
    if (Number.isNaN(v)) return NaN;
    let defined = 0;
    let atMost = 0;
    for (const x of this.values) {
      if (Number.isNaN(x)) continue;
      defined++;
      if (x <= v) atMost++;
    }
    return (100 * atMost) / defined;
  }

  /** Plain record id -> value, with null where undefined (what JSON output uses). */
  toRecord(): Record<string, number | null> {
    const out: Record<string, number | null> = {};
    this.personIds.forEach((id, i) => {
      out[id] = toJsonNumber(this.values[i]);
    });
    return out;
  }

  /** Values as a plain array with null where undefined. */
  toArray(): (number | null)[] {
    return Array.from(this.values, toJsonNumber);
  }

  /**
   * Rows for `console.table`: `{ id, <metric>, rank }` per person, highest first (lowest with
   * `ascending`), the `top` first rows only when given; people with an undefined value (NaN) come
   * last with value and rank null. `digits` rounds the values for display.
   *
   * Complexity: O(n log n).
   * @example
   * console.table(scores.toTable({ top: 5, digits: 3 }));
   */
  toTable(options: { top?: number; ascending?: boolean; digits?: number } = {}): TableRow[] {
    const ascending = options.ascending ?? false;
    const ranks = this.ranks({ ascending });
    const order = this.order(ascending);
    for (let i = 0; i < this.size; i++) if (Number.isNaN(this.values[i])) order.push(i);
    const shown = options.top === undefined ? order : order.slice(0, Math.max(0, options.top));
    return toTable(
      shown.map((i) => ({ id: this.personIds[i], [this.metric]: this.values[i], rank: ranks[i] })),
      { columns: ['id', this.metric, 'rank'], digits: options.digits },
    );
  }

  /** The rows of {@link NodeScores.toTable} as an HTML table (escaped), for a notebook cell. */
  toHtml(options: { top?: number; ascending?: boolean; digits?: number; caption?: string } = {}): string {
    return htmlTable(this.toTable(options), { columns: ['id', this.metric, 'rank'], caption: options.caption });
  }

  /** Indices of defined values sorted by value (descending unless ascending), stable. */
  private order(ascending: boolean): number[] {
    const idx: number[] = [];
    for (let i = 0; i < this.size; i++) if (!Number.isNaN(this.values[i])) idx.push(i);
    const v = this.values;
    idx.sort((a, b) => (ascending ? v[a] - v[b] : v[b] - v[a]) || a - b);
    return idx;
  }
}

/** NaN and infinities become null (JSON has no such numbers). */
export function toJsonNumber(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
