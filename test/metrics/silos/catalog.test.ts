import { describe, expect, it } from 'vitest';
import { metricSpec } from '../../../src/metrics/catalog.js';
import { SILO_METRICS } from '../../../src/metrics/silos/catalog.js';
import { twoTriangles } from './helpers.js';

describe('silo catalog entries', () => {
  it('lists eiIndex (needs a group) and community', () => {
    expect(SILO_METRICS.flatMap((s) => s.keys)).toEqual(['eiIndex', 'community']);
    expect(metricSpec('eiIndex')?.needsGroup).toBe(true);
    expect(metricSpec('community')?.family).toBe('silos');
  });

  it('eiIndex: person values with --group, NaN without', async () => {
    const view = twoTriangles();
    const [withGroup] = await metricSpec('eiIndex')!.compute(view, { group: 'team' });
    // c: 2 ties inside, 1 across -> -1/3 (see ei-index.test.ts).
    expect(withGroup.get('c')).toBeCloseTo(-1 / 3, 12);
    const [without] = await metricSpec('eiIndex')!.compute(view, {});
    expect(Array.from(without.values).every(Number.isNaN)).toBe(true);
  });

  it('community: seeded community numbers', async () => {
    const view = twoTriangles();
    const [a] = await metricSpec('community')!.compute(view, { seed: 5 });
    expect([a.get('a'), a.get('d'), a.get('g')]).toEqual([1, 2, 3]);
  });
});
