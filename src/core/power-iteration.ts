/**
 * Power iteration for the dominant eigenvector of a transposed adjacency matrix.
 * Shifted iteration x <- normalise(x + A^T x), which converges on periodic (e.g. bipartite)
 * graphs where plain power iteration oscillates.
 * Reference: Golub, G. H. & Van Loan, C. F. (2013). Matrix Computations, 4th ed., §7.3.1.
 */

export interface PowerIterationOptions {
  /** Stop when max_i |x_i^(k+1) - x_i^(k)| < tolerance (x kept at unit Euclidean norm). */
  readonly tolerance: number;
  readonly maxIterations: number;
}

export interface PowerIterationResult {
  /** Unit Euclidean norm, non-negative; the last iterate when not converged. */
  readonly vector: Float64Array;
  /** Rayleigh estimate of the dominant eigenvalue lambda of A^T: x . (A^T x) for unit x. */
  readonly eigenvalue: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** Max-norm change of the last iteration. */
  readonly change: number;
}

/**
 * Dominant eigenvector of A^T, pulling over in-neighbours:
 *
 *   y_i = x_i + sum_{j -> i} a_ji x_j,   x <- y / ||y||_2,
 *   start x_i = 1 / sqrt(c) on the c nodes with an in-tie, 0 elsewhere
 *
 * The shift by I keeps the eigenvectors and moves the dominant eigenvalue rho to rho + 1, strictly
 * above |lambda + 1| for every other eigenvalue of modulus rho. Inputs are the in-adjacency of a
 * CSR (`inOffsets`, `inSources`, `inWeights`); for an undirected graph pass the out arrays.
 * `inWeights` null reads every arc as 1 (a faster loop that does not stream the weights).
 *
 * NOTE: two scratch vectors of length n are allocated once; nothing is allocated per iteration.
 * Complexity: O(iterations * (n + m)).
 */
export function dominantEigenvector(
  n: number,
  inOffsets: Int32Array,
  inSources: Int32Array,
  inWeights: Float64Array | null,
  options: PowerIterationOptions,
): PowerIterationResult {
  let x = new Float64Array(n);
  let y = new Float64Array(n);
  if (n === 0) return { vector: x, eigenvalue: NaN, iterations: 0, converged: true, change: 0 };
  // NOTE: a node without in-ties has x_i = 0 in every eigenvector with lambda > 0; starting it at
  // 0 keeps it exactly 0 (x_i + 0 stays 0) and the start still meets every cycle.
  let withIn = 0;
  for (let i = 0; i < n; i++) if (inOffsets[i + 1] > inOffsets[i]) withIn++;
  if (withIn === 0) return { vector: x, eigenvalue: 0, iterations: 0, converged: true, change: 0 };
  for (let i = 0; i < n; i++) if (inOffsets[i + 1] > inOffsets[i]) x[i] = 1 / Math.sqrt(withIn);
  let iterations = 0;
  let change = Infinity;
  let converged = false;
  while (iterations < options.maxIterations) {
    iterations++;
    // Step 1: y = x + A^T x.
    let norm2 = 0;
    for (let i = 0; i < n; i++) {
      let sum = x[i];
      const end = inOffsets[i + 1];
      if (inWeights === null) for (let p = inOffsets[i]; p < end; p++) sum += x[inSources[p]];
      else for (let p = inOffsets[i]; p < end; p++) sum += inWeights[p] * x[inSources[p]];
      y[i] = sum;
      norm2 += sum * sum;
    }
    // Step 2: normalise and measure the change.
    const scale = norm2 > 0 ? 1 / Math.sqrt(norm2) : 0;
    change = 0;
    for (let i = 0; i < n; i++) {
      const v = y[i] * scale;
      const d = Math.abs(v - x[i]);
      if (d > change) change = d;
      y[i] = v;
    }
    const t = x;
    x = y;
    y = t;
    if (change < options.tolerance) {
      converged = true;
      break;
    }
  }
  // Step 3: Rayleigh estimate x . (A^T x), x unit.
  let rayleigh = 0;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let p = inOffsets[i], end = inOffsets[i + 1]; p < end; p++) sum += (inWeights === null ? 1 : inWeights[p]) * x[inSources[p]];
    rayleigh += x[i] * sum;
  }
  return { vector: x, eigenvalue: rayleigh, iterations, converged, change };
}

/**
 * Weakly connected component label of every node (arcs read without direction), by union-find
 * with path halving. Labels are the smallest node index of each component.
 * Complexity: O(m alpha(n)).
 */
export function weakComponentLabels(n: number, offsets: Int32Array, targets: Int32Array): Int32Array {
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  for (let i = 0; i < n; i++) {
    for (let p = offsets[i]; p < offsets[i + 1]; p++) {
      const a = find(i);
      const b = find(targets[p]);
      if (a < b) parent[b] = a;
      else if (b < a) parent[a] = b;
    }
  }
  for (let i = 0; i < n; i++) parent[i] = find(i);
  return parent;
}
