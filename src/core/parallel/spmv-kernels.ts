/**
 * Row-range kernels of the matrix-product engine
 * y = A x over a range of CSR rows, and the fused vector passes of the symmetric eigensolver, as
 * ordinary functions: the calling thread and every worker (./worker.ts) import this one module,
 * so all threads run exactly the same arithmetic. Arguments are named fields, not positions.
 * Reference: Williams, S. et al. (2009). Optimization of sparse matrix-vector multiplication on
 * emerging multicore platforms. Parallel Computing 35(3), 178-194; Knyazev, A. V. (2001). SIAM J.
 * Sci. Comput. 23(2), 517-541 (the LOPCG steps the passes fuse).
 */

/** A CSR matrix: row i holds `targets[offsets[i] .. offsets[i+1])`, values `weights` (null = all 1). */
export interface CsrMatrix {
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly weights: Float64Array | null;
}

/**
 * y = A x over rows [from, to): y_i = sum_p w_p x_{targets[p]} (w = 1 when `weights` is null).
 * Complexity: O(rows + their arcs). x and y must differ.
 */
export function spmvRows(from: number, to: number, a: CsrMatrix, x: Float64Array, y: Float64Array): void {
  const { offsets, targets, weights } = a;
  if (weights === null) {
    for (let i = from, p = offsets[from]; i < to; i++) {
      const end = offsets[i + 1];
      let sum = 0;
      for (; p < end; p++) sum += x[targets[p]];
      y[i] = sum;
    }
  } else {
    for (let i = from, p = offsets[from]; i < to; i++) {
      const end = offsets[i + 1];
      let sum = 0;
      for (; p < end; p++) sum += weights[p] * x[targets[p]];
      y[i] = sum;
    }
  }
}

/**
 * The fused vector passes of LOPCG (see ../power-iteration.ts), each over a row range, writing
 * its partial sums to `out` (length {@link PASS_SUMS}) in the order given:
 * - residual: x *= pending, ax *= pending, q = ax - theta x; sums [q.q, x.q].
 * - orthonormalise: q = (q - xr x) / qn; when withP, sums [p.x, p.q, p.p].
 * - productRitz: aq = A q first when `product` (row by row), then when withP p -= px x + pq q,
 *   ap -= px ax + pq aq; sums [p.p, x.aq, q.aq, x.ap, q.ap, p.ap].
 * - pSums: sums [p.x, p.q, p.p].
 * - update: p = c1 q + c2 p, ap likewise, x = c0 x + p, ax likewise; sums [x.x, x.ax].
 */
export type VectorPass =
  | {
      readonly op: 'residual';
      readonly x: Float64Array;
      readonly ax: Float64Array;
      readonly q: Float64Array;
      readonly pending: number;
      readonly theta: number;
    }
  | {
      readonly op: 'orthonormalise';
      readonly q: Float64Array;
      readonly x: Float64Array;
      readonly p: Float64Array;
      readonly xr: number;
      readonly qn: number;
      readonly withP: boolean;
    }
  | {
      readonly op: 'productRitz';
      readonly q: Float64Array;
      readonly aq: Float64Array;
      readonly x: Float64Array;
      readonly ax: Float64Array;
      readonly p: Float64Array;
      readonly ap: Float64Array;
      readonly product: boolean;
      readonly withP: boolean;
      readonly px: number;
      readonly pq: number;
    }
  | { readonly op: 'pSums'; readonly p: Float64Array; readonly x: Float64Array; readonly q: Float64Array }
  | {
      readonly op: 'update';
      readonly q: Float64Array;
      readonly aq: Float64Array;
      readonly p: Float64Array;
      readonly ap: Float64Array;
      readonly x: Float64Array;
      readonly ax: Float64Array;
      readonly c0: number;
      readonly c1: number;
      readonly c2: number;
    };

/** Sum slots of a pass (partial sums of one thread). */
export const PASS_SUMS = 8;

/**
 * The vector and scalar fields of every pass, in the order the engine writes them to shared
 * memory for its workers (booleans travel as 0 / 1). One table, read by both sides.
 */
export const PASS_LAYOUT = Object.freeze({
  residual: { vectors: ['x', 'ax', 'q'], scalars: ['pending', 'theta'] },
  orthonormalise: { vectors: ['q', 'x', 'p'], scalars: ['xr', 'qn', 'withP'] },
  productRitz: { vectors: ['q', 'aq', 'x', 'ax', 'p', 'ap'], scalars: ['product', 'withP', 'px', 'pq'] },
  pSums: { vectors: ['p', 'x', 'q'], scalars: [] },
  update: { vectors: ['q', 'aq', 'p', 'ap', 'x', 'ax'], scalars: ['c0', 'c1', 'c2'] },
} as const satisfies Record<VectorPass['op'], { vectors: readonly string[]; scalars: readonly string[] }>);

/** Pass names by their number in shared memory (1-based; 0 = none). */
export const PASS_OPS = Object.freeze(['residual', 'orthonormalise', 'productRitz', 'pSums', 'update'] as const);

/** Most vectors / scalars a pass has (the shared control block is sized by these). */
export const PASS_MAX_VECTORS = 6;
export const PASS_MAX_SCALARS = 4;

const BOOLEAN_SCALARS = new Set(['withP', 'product']);

/**
 * Rebuild a pass from its number, vectors and scalars as laid out by {@link PASS_LAYOUT} (the
 * worker side of the engine). Throws on an unknown pass number.
 */
export function decodePass(opNumber: number, vector: (k: number) => Float64Array, scalars: ArrayLike<number>): VectorPass {
  const op = PASS_OPS[opNumber - 1];
  if (op === undefined) throw new Error(`unknown vector pass ${opNumber}`);
  const layout = PASS_LAYOUT[op];
  const pass: Record<string, unknown> = { op };
  layout.vectors.forEach((name, k) => (pass[name] = vector(k)));
  (layout.scalars as readonly string[]).forEach((name, k) => (pass[name] = BOOLEAN_SCALARS.has(name) ? scalars[k] !== 0 : scalars[k]));
  return pass as VectorPass;
}

/** The fields of a pass in layout order: its number, vectors and scalars (the caller side). */
export function encodePass(pass: VectorPass): { opNumber: number; vectors: Float64Array[]; scalars: number[] } {
  const layout = PASS_LAYOUT[pass.op];
  const fields = pass as unknown as Record<string, Float64Array | number | boolean>;
  return {
    opNumber: PASS_OPS.indexOf(pass.op) + 1,
    vectors: layout.vectors.map((name) => fields[name] as Float64Array),
    scalars: (layout.scalars as readonly string[]).map((name) => Number(fields[name])),
  };
}

/**
 * Run `pass` over rows [from, to) of `a` (only productRitz reads the matrix), partial sums into
 * `out` (slots the pass does not set are left as they are). Complexity: O(rows (+ arcs)).
 */
export function runVectorPass(pass: VectorPass, from: number, to: number, a: CsrMatrix, out: Float64Array): void {
  switch (pass.op) {
    case 'residual':
      residualPass(from, to, pass.x, pass.ax, pass.q, pass.pending, pass.theta, out);
      return;
    case 'orthonormalise':
      orthonormalisePass(from, to, pass.q, pass.x, pass.p, pass.xr, pass.qn, pass.withP, out);
      return;
    case 'productRitz':
      productRitzPass(from, to, pass, a, out);
      return;
    case 'pSums':
      pSumsPass(from, to, pass.p, pass.x, pass.q, out);
      return;
    case 'update':
      updatePass(from, to, pass, out);
      return;
    default:
      throw new Error(`unknown vector pass ${(pass as { op: unknown }).op}`);
  }
}

function residualPass(
  from: number,
  to: number,
  x: Float64Array,
  ax: Float64Array,
  q: Float64Array,
  pending: number,
  theta: number,
  out: Float64Array,
): void {
  let rr = 0;
  let xr = 0;
  for (let i = from; i < to; i++) {
    const xi = x[i] * pending;
    const axi = ax[i] * pending;
    x[i] = xi;
    ax[i] = axi;
    const r = axi - theta * xi;
    q[i] = r;
    rr += r * r;
    xr += xi * r;
  }
  out[0] = rr;
  out[1] = xr;
}

function orthonormalisePass(
  from: number,
  to: number,
  q: Float64Array,
  x: Float64Array,
  p: Float64Array,
  xr: number,
  qn: number,
  withP: boolean,
  out: Float64Array,
): void {
  if (!withP) {
    for (let i = from; i < to; i++) q[i] = (q[i] - xr * x[i]) / qn;
    return;
  }
  let px = 0;
  let pq = 0;
  let pp = 0;
  for (let i = from; i < to; i++) {
    const qi = (q[i] - xr * x[i]) / qn;
    q[i] = qi;
    const pi = p[i];
    px += pi * x[i];
    pq += pi * qi;
    pp += pi * pi;
  }
  out[0] = px;
  out[1] = pq;
  out[2] = pp;
}

function pSumsPass(from: number, to: number, p: Float64Array, x: Float64Array, q: Float64Array, out: Float64Array): void {
  let px = 0;
  let pq = 0;
  let pp = 0;
  for (let i = from; i < to; i++) {
    const pi = p[i];
    px += pi * x[i];
    pq += pi * q[i];
    pp += pi * pi;
  }
  out[0] = px;
  out[1] = pq;
  out[2] = pp;
}

function productRitzPass(from: number, to: number, s: Extract<VectorPass, { op: 'productRitz' }>, a: CsrMatrix, out: Float64Array): void {
  const { q, aq, x, ax, p, ap, product, withP, px, pq } = s;
  const { offsets, targets, weights } = a;
  let after = 0;
  let xaq = 0;
  let qaq = 0;
  let xap = 0;
  let qap = 0;
  let pap = 0;
  for (let i = from, k = offsets[from]; i < to; i++) {
    let aqi: number;
    if (product) {
      const end = offsets[i + 1];
      let sum = 0;
      if (weights === null) for (; k < end; k++) sum += q[targets[k]];
      else for (; k < end; k++) sum += weights[k] * q[targets[k]];
      aq[i] = sum;
      aqi = sum;
    } else {
      aqi = aq[i];
    }
    const xi = x[i];
    const qi = q[i];
    xaq += xi * aqi;
    qaq += qi * aqi;
    if (withP) {
      const pi = p[i] - px * xi - pq * qi;
      p[i] = pi;
      const api = ap[i] - (px * ax[i] + pq * aqi);
      ap[i] = api;
      after += pi * pi;
      xap += xi * api;
      qap += qi * api;
      pap += pi * api;
    }
  }
  out[0] = after;
  out[1] = xaq;
  out[2] = qaq;
  out[3] = xap;
  out[4] = qap;
  out[5] = pap;
}

function updatePass(from: number, to: number, s: Extract<VectorPass, { op: 'update' }>, out: Float64Array): void {
  const { q, aq, p, ap, x, ax, c0, c1, c2 } = s;
  let xx = 0;
  let xax = 0;
  for (let i = from; i < to; i++) {
    const pi = c1 * q[i] + c2 * p[i];
    const api = c1 * aq[i] + c2 * ap[i];
    p[i] = pi;
    ap[i] = api;
    const xi = c0 * x[i] + pi;
    const axi = c0 * ax[i] + api;
    x[i] = xi;
    ax[i] = axi;
    xx += xi * xi;
    xax += xi * axi;
  }
  out[0] = xx;
  out[1] = xax;
}
