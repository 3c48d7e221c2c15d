/**
 * Dominant eigenvectors of (transposed) adjacency matrices on a CSR.
 * Symmetric matrices: locally optimal block preconditioned conjugate gradient with one vector
 * (LOPCG); any matrix: shifted power iteration x <- normalise(x + A^T x), which converges on
 * periodic (e.g. bipartite) graphs where plain power iteration oscillates.
 * Reference: Knyazev, A. V. (2001). Toward the optimal preconditioned eigensolver: LOBPCG. SIAM J.
 * Sci. Comput. 23(2), 517-541; Golub, G. H. & Van Loan, C. F. (2013). Matrix Computations, 4th
 * ed., §7.3.1 and §8.1.
 */
import { sequentialEngine, type SpmvEngine } from '../parallel/spmv.js';
import { spmvRows } from '../parallel/spmv-kernels.js';

/**
 * Sparse matrix-vector product y = A x over CSR rows: y_i = sum_p w_p x_{targets[p]}, every value
 * 1 when `weights` is null. Pass the in-arrays of a CSR to get y = A^T x.
 * Complexity: O(n + m).
 */
export function spmv(
  n: number,
  offsets: Int32Array,
  targets: Int32Array,
  weights: Float64Array | null,
  x: Float64Array,
  y: Float64Array,
): void {
  spmvRows(0, n, { offsets, targets, weights }, x, y);
}

/** Dot product of two vectors of length n. */
export function dot(n: number, a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i] * b[i];
  return s;
}

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
  /** ||A^T x - lambda x||_2 / lambda for the returned x and its Rayleigh estimate lambda. */
  readonly residual: number;
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
  if (n === 0) return { vector: x, eigenvalue: NaN, iterations: 0, converged: true, change: 0, residual: 0 };
  // NOTE: a node without in-ties has x_i = 0 in every eigenvector with lambda > 0; starting it at
  // 0 keeps it exactly 0 (x_i + 0 stays 0) and the start still meets every cycle.
  let withIn = 0;
  for (let i = 0; i < n; i++) if (inOffsets[i + 1] > inOffsets[i]) withIn++;
  if (withIn === 0) return { vector: x, eigenvalue: 0, iterations: 0, converged: true, change: 0, residual: 0 };
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
  // Step 3: Rayleigh estimate x . (A^T x), x unit, and the residual of x.
  spmv(n, inOffsets, inSources, inWeights, x, y);
  const rayleigh = dot(n, x, y);
  let rr = 0;
  for (let i = 0; i < n; i++) {
    const r = y[i] - rayleigh * x[i];
    rr += r * r;
  }
  const residual = rayleigh > 0 ? Math.sqrt(rr) / rayleigh : Infinity;
  return { vector: x, eigenvalue: rayleigh, iterations, converged, change, residual };
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

export interface SymmetricEigenOptions {
  /** Stop when ||A x - theta x||_2 <= tolerance * theta for the unit iterate x. */
  readonly tolerance: number;
  /** Most LOPCG iterations (each costs one product with A). */
  readonly maxIterations: number;
}

export interface SymmetricEigenResult {
  /** Unit Euclidean norm, non-negative; the last iterate when not converged. */
  readonly vector: Float64Array;
  /** Rayleigh quotient theta = x . A x of the returned vector. */
  readonly eigenvalue: number;
  /** LOPCG iterations. */
  readonly iterations: number;
  /** Products with A in all (iterations plus the exact residual checks). */
  readonly products: number;
  readonly converged: boolean;
  /**
   * ||A x - theta x||_2 / theta for the returned x, recomputed from a fresh product. Some
   * eigenvalue lies within residual * theta of theta, and the angle between x and the dominant
   * eigenvector is at most residual * theta / (theta - lambda_2).
   */
  readonly residual: number;
}

/** How often the recurrence-updated A x is replaced by a fresh product (bounds drift). */
const REFRESH_EVERY = 50;

/**
 * Dominant eigenvector of a symmetric non-negative matrix A (an undirected CSR: `targets` and
 * `weights` hold each edge in both rows) by LOPCG with one vector:
 *
 *   r = A x - theta x,   q = r orthonormalised against x,   p = last step orthogonalised
 *   against x and q,   (x, p) <- the top Ritz pair of A on span{x, q, p}
 *
 * start x_i = 1 / sqrt(c) on the c nodes with a tie, 0 elsewhere (isolates stay exactly 0). The
 * Rayleigh quotient is maximised over a 3-dimensional subspace each step, so convergence depends on
 * sqrt of the relative gap (lambda_1 - lambda_2) / (lambda_1 - lambda_min) rather than on the gap
 * itself as in power iteration, and the negative end of the spectrum (bipartite graphs) is harmless.
 * When the recurrence says the tolerance is met, A x is recomputed and the residual re-checked, so
 * `converged` and `residual` always describe the returned vector. Sign fixed so that sum x > 0;
 * round-off negatives (on parts that carry no weight) are set to 0 before the final check.
 * `engine` (default: sequential over `offsets`/`targets`/`weights`, null = every value 1) does the
 * products, possibly on several threads.
 *
 * NOTE: six vectors of length n are taken from the engine once; every O(n) pass of an iteration
 * runs as an engine pass on its threads (the product fused with the orthogonalisation and
 * Rayleigh-Ritz sums), so results are bit-identical for a given thread count and, across thread
 * counts, differ only by the order of the partial sums.
 * Complexity: O(iterations * (n + m)).
 */
export function dominantEigenvectorSymmetric(
  n: number,
  offsets: Int32Array,
  targets: Int32Array,
  weights: Float64Array | null,
  options: SymmetricEigenOptions & { readonly engine?: SpmvEngine },
): SymmetricEigenResult {
  const engine = options.engine ?? sequentialEngine(n, { offsets, targets, weights });
  const x = engine.vector();
  const done = (eigenvalue: number, iterations: number, products: number, converged: boolean, residual: number) => ({
    // A copy: x lies in the engine's memory (WebAssembly or shared), which should not outlive the solve.
    vector: x.slice(),
    eigenvalue,
    iterations,
    products,
    converged,
    residual,
  });
  let withTies = 0;
  for (let i = 0; i < n; i++) if (offsets[i + 1] > offsets[i]) withTies++;
  if (withTies === 0) return done(n === 0 ? NaN : 0, 0, 0, true, 0);
  for (let i = 0; i < n; i++) if (offsets[i + 1] > offsets[i]) x[i] = 1 / Math.sqrt(withTies);
  const ax = engine.vector();
  const q = engine.vector();
  const aq = engine.vector();
  const p = engine.vector();
  const ap = engine.vector();
  engine.multiply(x, ax);
  let products = 1;
  let sinceRefresh = 0;
  let theta = dot(n, x, ax);
  // NOTE: x and ax are kept unnormalised between steps; `pending` is the factor that makes x unit.
  let pending = 1;
  let hasP = false;
  let iterations = 0;
  let converged = false;
  const h = new Float64Array(9);
  const c = new Float64Array(3);
  // NOTE: every pass over the vectors goes through the engine (row ranges on its threads, sums
  // added in thread order); products are fused with the passes that follow them.
  const sums = new Float64Array(8);
  while (true) {
    // Step 1: apply the pending scale; residual q = A x - theta x, its norm and x . q.
    engine.pass({ op: 'residual', x, ax, q, pending, theta }, sums);
    const rr = sums[0];
    const xr = sums[1];
    pending = 1;
    if (!(theta > 0)) break;
    if (Math.sqrt(rr) <= options.tolerance * theta) {
      if (sinceRefresh === 0) {
        converged = true;
        break;
      }
      engine.multiply(x, ax);
      products++;
      sinceRefresh = 0;
      theta = dot(n, x, ax);
      continue;
    }
    if (iterations >= options.maxIterations) break;
    iterations++;
    // Step 2: q = r orthonormalised against x (r is orthogonal to x up to round-off), with the
    // sums p . x, p . q, p . p of step 3 in the same pass.
    const qn = Math.sqrt(Math.max(rr - xr * xr, 0));
    if (!(qn > 0)) break;
    engine.pass({ op: 'orthonormalise', q, x, p, xr, qn, withP: hasP }, sums);
    let px = sums[0];
    let pq = sums[1];
    let pp = sums[2];
    // Step 3: A q, fused with p orthogonalised against x and q (twice when much was removed), A p
    // alongside, and the Rayleigh-Ritz sums; p dropped when it has collapsed. Its norm pn is
    // divided out below instead of rescaling p.
    engine.pass({ op: 'productRitz', q, aq, x, ax, p, ap, product: true, withP: hasP, px, pq }, sums);
    products++;
    let pn = 0;
    if (hasP) {
      const before = pp;
      for (let pass = 0; ; pass++) {
        const after = sums[0];
        pn = Math.sqrt(after);
        if (pass === 1 || after > 0.5 * pp) break;
        engine.pass({ op: 'pSums', p, x, q }, sums);
        px = sums[0];
        pq = sums[1];
        pp = sums[2];
        engine.pass({ op: 'productRitz', q, aq, x, ax, p, ap, product: false, withP: true, px, pq }, sums);
      }
      // NOTE: below this the direction is round-off; the Ritz step would be meaningless.
      hasP = pn > 1e-12 * Math.sqrt(before);
    }
    // Step 4: Rayleigh-Ritz on span{x, q, p / pn}: the top eigenpair of the projected matrix.
    const xaq = sums[1];
    const qaq = sums[2];
    const xap = sums[3];
    const qap = sums[4];
    const pap = sums[5];
    h.fill(0);
    h[0] = theta;
    h[1] = h[3] = xaq;
    h[4] = qaq;
    if (hasP) {
      h[2] = h[6] = xap / pn;
      h[5] = h[7] = qap / pn;
      h[8] = pap / (pn * pn);
    }
    topEigenpair3(h, hasP ? 3 : 2, c);
    // Step 5: p <- c1 q + c2 p / pn (the implicit step), x <- c0 x + p; same for the A-products.
    const c0 = c[0];
    const c1 = c[1];
    const c2 = hasP ? c[2] / pn : 0;
    engine.pass({ op: 'update', q, aq, p, ap, x, ax, c0, c1, c2 }, sums);
    const xx = sums[0];
    const xax = sums[1];
    hasP = true;
    pending = 1 / Math.sqrt(xx);
    theta = xax / xx;
    if (++sinceRefresh >= REFRESH_EVERY) {
      for (let i = 0; i < n; i++) x[i] *= pending;
      pending = 1;
      engine.multiply(x, ax);
      products++;
      sinceRefresh = 0;
      theta = dot(n, x, ax);
    }
  }
  // Step 6: sign, round-off negatives, unit norm, and the residual of exactly this vector.
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[i];
  const sign = sum < 0 ? -1 : 1;
  let norm2 = 0;
  for (let i = 0; i < n; i++) {
    const v = sign * x[i];
    x[i] = v > 0 ? v : 0;
    norm2 += x[i] * x[i];
  }
  const scale = norm2 > 0 ? 1 / Math.sqrt(norm2) : 0;
  for (let i = 0; i < n; i++) x[i] *= scale;
  engine.multiply(x, ax);
  products++;
  theta = dot(n, x, ax);
  let rr = 0;
  for (let i = 0; i < n; i++) {
    const r = ax[i] - theta * x[i];
    rr += r * r;
  }
  const residual = theta > 0 ? Math.sqrt(rr) / theta : Infinity;
  return done(theta, iterations, products, converged && residual <= options.tolerance, residual);
}

/** Scratch for {@link topEigenpair3} (no allocation per iteration). */
const JACOBI_A = new Float64Array(9);
const JACOBI_V = new Float64Array(9);

/**
 * Eigenvector (unit, into c) of the largest eigenvalue of the symmetric k x k matrix h (k = 2 or
 * 3, row-major 3x3 storage), by cyclic Jacobi rotations.
 */
function topEigenpair3(h: Float64Array, k: number, c: Float64Array): void {
  const a = JACOBI_A;
  const v = JACOBI_V;
  a.set(h);
  v.fill(0);
  v[0] = v[4] = v[8] = 1;
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) off += a[3 * i + j] * a[3 * i + j];
    if (off < 1e-300) break;
    for (let i = 0; i < k; i++) {
      for (let j = i + 1; j < k; j++) {
        const aij = a[3 * i + j];
        if (aij === 0) continue;
        const tau = (a[3 * j + j] - a[3 * i + i]) / (2 * aij);
        const t = Math.sign(tau || 1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const cs = 1 / Math.sqrt(1 + t * t);
        const sn = t * cs;
        for (let r = 0; r < k; r++) {
          const ari = a[3 * r + i];
          const arj = a[3 * r + j];
          a[3 * r + i] = cs * ari - sn * arj;
          a[3 * r + j] = sn * ari + cs * arj;
        }
        for (let r = 0; r < k; r++) {
          const air = a[3 * i + r];
          const ajr = a[3 * j + r];
          a[3 * i + r] = cs * air - sn * ajr;
          a[3 * j + r] = sn * air + cs * ajr;
        }
        for (let r = 0; r < k; r++) {
          const vri = v[3 * r + i];
          const vrj = v[3 * r + j];
          v[3 * r + i] = cs * vri - sn * vrj;
          v[3 * r + j] = sn * vri + cs * vrj;
        }
      }
    }
  }
  let best = 0;
  for (let i = 1; i < k; i++) if (a[3 * i + i] > a[3 * best + best]) best = i;
  let norm = 0;
  for (let r = 0; r < k; r++) norm += v[3 * r + best] * v[3 * r + best];
  norm = Math.sqrt(norm);
  // Keep the x component non-negative so that the iterate does not flip sign.
  const s = v[best] < 0 ? -1 : 1;
  c.fill(0);
  for (let r = 0; r < k; r++) c[r] = (s * v[3 * r + best]) / norm;
}
