import { describe, expect, it } from 'vitest';
import { mulberry32, Mulberry32, runSeed, sampleSeed } from '../../../src/core/util/random.js';

// Reference values from a Python transcription of the same formulas on unbounded integers masked to
// 32 bits (a * b & 0xffffffff for Math.imul):
//   mulberry32(42): 0.6011037519201636, 0.44829055899754167, 0.8524657934904099
//   mulberry32(0):  0.26642920868471265, 0.0003297457005828619
//   sampleSeed(1, 0) = 2980047484, sampleSeed(7, 3) = 3510281238
//   runSeed(42, 0) = 42, runSeed(42, 3) = 673634576
describe('seeded random numbers', () => {
  it('mulberry32 draws the reference sequence', () => {
    const a = mulberry32(42);
    expect([a(), a(), a()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
    const z = mulberry32(0);
    expect([z(), z()]).toEqual([0.26642920868471265, 0.0003297457005828619]);
  });

  it('the resettable generator draws the same sequence and restarts on reset', () => {
    const rng = new Mulberry32(42);
    const first = [rng.next(), rng.next(), rng.next()];
    expect(first).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
    rng.reset(0);
    expect(rng.next()).toBe(0.26642920868471265);
    rng.reset(42);
    expect(rng.next()).toBe(first[0]);
    // Seeds are read as unsigned 32-bit integers: -1 and 2^32 - 1 are the same stream.
    expect(mulberry32(-1)()).toBe(mulberry32(4294967295)());
  });

  it('stays in [0, 1) and is roughly uniform', () => {
    const next = mulberry32(7);
    let sum = 0;
    for (let i = 0; i < 2000; i++) {
      const u = next();
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
    }
    expect(Math.abs(sum / 2000 - 0.5)).toBeLessThan(0.05);
  });

  it('seed mixers give the reference seeds; neighbouring samples differ', () => {
    expect(sampleSeed(1, 0)).toBe(2980047484);
    expect(sampleSeed(7, 3)).toBe(3510281238);
    expect(sampleSeed(7, 4)).not.toBe(sampleSeed(7, 3));
    expect(runSeed(42, 0)).toBe(42);
    expect(runSeed(42, 3)).toBe(673634576);
    expect(runSeed(-1, 0)).toBe(4294967295);
  });
});
