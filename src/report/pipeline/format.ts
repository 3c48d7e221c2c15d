/**
 * Small formatting helpers shared by the pipeline stages and the HTML renderer: numbers as the
 * result model stores them (finite or null) and as a reader sees them.
 */

/** A finite number, or null (the result model never holds NaN or Infinity). */
export const num = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** A finite number from an untyped diagnostic, or null. */
export function numOrNull(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Rounded to 3 decimals (map coordinates and sizes). */
export const round = (v: number): number => Math.round(v * 1000) / 1000;

/** How many of 0..n-1 pass a test. */
export function countWhere(n: number, test: (i: number) => boolean): number {
  let c = 0;
  for (let i = 0; i < n; i++) if (test(i)) c++;
  return c;
}

/** A number for reading: up to 3 significant decimals, '-' when undefined. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return '-';
  if (Number.isInteger(x)) return x.toLocaleString('en');
  const a = Math.abs(x);
  return a >= 100 ? x.toFixed(0) : a >= 1 ? x.toFixed(2) : x.toPrecision(3);
}

/** {@link fmt} of a nullable figure. */
export function fmtN(x: number | null): string {
  return x === null ? '-' : fmt(x);
}
