/**
 * Partition contingency table
 * How two labellings of the same nodes overlap: the count of nodes for every pair of labels, kept
 * sparse so that thousands of communities against thousands of units stay O(n).
 * Reference: Hubert, L. & Arabie, P. (1985). Comparing partitions. Journal of Classification 2, 193-218.
 */

/**
 * The non-empty cells of a contingency table between labelling `a` (labels in [0, ka)) and `b`
 * (labels in [0, kb)), with row and column sums. Nodes with -1 in either labelling are left out.
 * Cells are sorted by row, then column.
 */
export interface Contingency {
  readonly ka: number;
  readonly kb: number;
  /** Row label of each non-empty cell. */
  readonly rows: Int32Array;
  /** Column label of each non-empty cell. */
  readonly cols: Int32Array;
  /** Node count of each non-empty cell. */
  readonly counts: Float64Array;
  /** Nodes per row label (over nodes labelled in both). */
  readonly rowSums: Float64Array;
  /** Nodes per column label (over nodes labelled in both). */
  readonly colSums: Float64Array;
  /** Nodes labelled in both. */
  readonly total: number;
}

/**
 * Build the sparse contingency table of two labellings.
 * Complexity: O(n + c log c) for c non-empty cells.
 * @example
 * const t = partitionContingency(Int32Array.of(0, 0, 1), 2, Int32Array.of(0, 1, 1), 2);
 * // cells (0,0)=1, (0,1)=1, (1,1)=1
 */
export function partitionContingency(a: Int32Array, ka: number, b: Int32Array, kb: number): Contingency {
  const rowSums = new Float64Array(ka);
  const colSums = new Float64Array(kb);
  const cells = new Map<number, number>();
  let total = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x < 0 || y < 0) continue;
    const key = x * kb + y;
    cells.set(key, (cells.get(key) ?? 0) + 1);
    rowSums[x]++;
    colSums[y]++;
    total++;
  }
  const keys = Float64Array.from(cells.keys()).sort();
  const rows = new Int32Array(keys.length);
  const cols = new Int32Array(keys.length);
  const counts = new Float64Array(keys.length);
  for (let c = 0; c < keys.length; c++) {
    const key = keys[c];
    rows[c] = Math.floor(key / kb);
    cols[c] = key - rows[c] * kb;
    counts[c] = cells.get(key)!;
  }
  return { ka, kb, rows, cols, counts, rowSums, colSums, total };
}
