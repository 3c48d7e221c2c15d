/**
 * Seeded pseudo-random numbers for benchmark generators.
 * xoshiro128** (32-bit state words) seeded through splitmix32, so that a seed gives the very same
 * stream on every platform and Node version (Math.random is never used).
 * Reference: Blackman, D. & Vigna, S. (2021). Scrambled linear pseudorandom number generators.
 * ACM Transactions on Mathematical Software 47(4).
 */

/** A deterministic stream of numbers drawn from one seed. */
export interface Random {
  /** Uniform float in [0, 1) with 32 bits of resolution. */
  next(): number;
  /** Uniform integer in [0, bound) for 0 < bound <= 2^32. */
  int(bound: number): number;
  /** Uniform integer in [lo, hi], both included. */
  range(lo: number, hi: number): number;
  /** Standard normal deviate (Box-Muller; one draw of two uniforms per call). */
  normal(): number;
  /** 1 + Geometric(p): number of trials up to and including the first success; mean 1/p. */
  geometric(p: number): number;
}

/** splitmix32: spreads a small integer seed over 32 bits; used only to seed xoshiro. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

const TWO_POW_32 = 4294967296;

/**
 * A xoshiro128** generator seeded by `seed` (any integer; only its low 32 bits are used).
 *
 * @example
 * const rng = createRandom(42);
 * rng.int(10); // the same value on every run
 */
export function createRandom(seed: number): Random {
  const sm = { s: seed | 0 };
  let a = splitmix32(sm);
  let b = splitmix32(sm);
  let c = splitmix32(sm);
  let d = splitmix32(sm);
  if ((a | b | c | d) === 0) a = 1; // NOTE: the all-zero state is a fixed point.
  const nextU32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  const next = (): number => nextU32() / TWO_POW_32;
  return {
    next,
    int: (bound) => Math.floor(next() * bound),
    range: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    normal: () => {
      const u = 1 - next(); // (0, 1]
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    geometric: (p) => {
      if (p >= 1) return 1;
      const u = 1 - next(); // (0, 1]
      return 1 + Math.floor(Math.log(u) / Math.log(1 - p));
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
