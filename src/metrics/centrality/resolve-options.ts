/**
 * Options resolution shared by the centrality measures of this folder.
 * Defaults overlaid by the caller's options, ignoring keys set to `undefined`.
 */

/** Tie values of a CSR half (`weights` / `inWeights`), or all ones when `weighted` is false. */
export function tieValues(values: Float64Array, weighted: boolean): Float64Array {
  return weighted ? values : new Float64Array(values.length).fill(1);
}

/**
 * The single value every tie has, or NaN when values differ (or there are no ties). Lets kernels
 * run their faster all-ones loop when weights cannot change the result.
 */
export function uniformValue(values: Float64Array): number {
  if (values.length === 0) return NaN;
  const w = values[0];
  for (let p = 1; p < values.length; p++) if (values[p] !== w) return NaN;
  return w;
}

/**
 * Tie values rescaled to mean 1 for the spectral kernels, and the scale to multiply eigenvalues
 * back by. Equal values give `values: null` (the kernels' all-ones loop). Scaling keeps the
 * eigenvectors and makes the +I shift of the power iteration independent of the weight unit.
 */
export function meanScaled(values: Float64Array, weighted: boolean): { values: Float64Array | null; scale: number } {
  const w = weighted ? uniformValue(values) : 1;
  if (!weighted || w > 0 || values.length === 0) return { values: null, scale: weighted && w > 0 ? w : 1 };
  let sum = 0;
  for (let p = 0; p < values.length; p++) sum += values[p];
  const scale = sum / values.length;
  const out = new Float64Array(values.length);
  for (let p = 0; p < values.length; p++) out[p] = values[p] / scale;
  return { values: out, scale };
}
