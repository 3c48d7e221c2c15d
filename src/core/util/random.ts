/**
 * Seeded random numbers
 * The one small seeded generator every randomised kernel and metric draws from (mulberry32), and
 * the seed mixers that give each run or sample its own stream.
 * Reference: Ettinger, T. (2017). mulberry32; Appleby, A. (2011). MurmurHash3 (fmix32 finalizer).
 */

/**
 * A mulberry32 generator whose state can be reset, for kernels that reuse one object per thread.
 * The same state always yields the same sequence on every platform.
 * Complexity: O(1) per draw.
 * @example
 * const rng = new Mulberry32(42);
 * const u = rng.next(); // 0 <= u < 1
 */
export class Mulberry32 {
  private state: number;

  constructor(seed = 0) {
    this.state = seed >>> 0;
  }

  /** Restart the sequence from `seed` (read as an unsigned 32-bit integer). */
  reset(seed: number): void {
    this.state = seed >>> 0;
  }

  /** The state now: `reset(snapshot())` on any generator continues this sequence from here. */
  snapshot(): number {
    return this.state;
  }

  /** Uniform in [0, 1). */
  next(): number {
    // NOTE: state stays an unsigned 32-bit integer; Math.imul and the shifts read it as int32 bits.
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}

/**
 * A deterministic generator of floats in [0, 1) from a 32-bit seed (mulberry32, T. Ettinger 2017),
 * as a function. The same seed always yields the same sequence on every platform.
 * Complexity: O(1) per draw.
 * @example
 * const next = mulberry32(42);
 * const u = next(); // 0 <= u < 1
 */
export function mulberry32(seed: number): () => number {
  const rng = new Mulberry32(seed);
  return () => rng.next();
}

/**
 * The seed of sample `k` of a run seeded with `seed`: (seed xor (k + 1) * golden) through the
 * MurmurHash3 fmix32 finalizer, so that neighbouring k give unrelated streams and every sample draws
 * the same numbers whichever thread runs it. Complexity: O(1).
 * @example
 * rng.reset(sampleSeed(7, 0));
 */
export function sampleSeed(seed: number, k: number): number {
  let h = (seed ^ Math.imul(k + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The seed of independent run `r` of a computation seeded with `seed`: run 0 uses the seed itself,
 * later runs a multiplicative mix of (seed, r). Complexity: O(1).
 * @example
 * const next = mulberry32(runSeed(42, 3));
 */
export function runSeed(seed: number, r: number): number {
  return r === 0 ? seed >>> 0 : (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(r, 0xc2b2ae35)) >>> 0;
}
