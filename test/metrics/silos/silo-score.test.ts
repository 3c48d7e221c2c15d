import { describe, expect, it } from 'vitest';
import { conductance } from '../../../src/metrics/silos/conductance.js';
import { groupDensity } from '../../../src/metrics/silos/density.js';
import { eiIndex } from '../../../src/metrics/silos/ei-index.js';
import { groupPartition } from '../../../src/metrics/silos/groups.js';
import { siloScore } from '../../../src/metrics/silos/silo-score.js';
import { caseView, small, twoTriangles } from './helpers.js';

describe('siloScore', () => {
  it('degenerate: a group of one, a group without ties and a single group are NaN', () => {
    const view = small({ a: 'X', b: 'Y', c: 'Y', d: 'Z' }, [
      ['a', 'b'],
      ['b', 'c'],
    ]);
    const r = siloScore(view, groupPartition(view, 'team', { minGroupSize: 1 }));
    expect(r[0].value).toBeNaN(); // X = {a}: no internal density
    expect(r[2]).toMatchObject({ group: 'Z', insularity: NaN, value: NaN }); // no ties
    const single = small({ a: 'X', b: 'X' }, [['a', 'b']]);
    expect(siloScore(single, groupPartition(single, 'team', { minGroupSize: 1 }))[0].value).toBeNaN();
  });

  it('two triangles with a bridge (X has an isolate): hand derivation', () => {
    const view = twoTriangles();
    const [x, y] = siloScore(view, groupPartition(view, 'team', { minGroupSize: 1 }));
    // X: insularity 3/4; closure 1 - 1/min(7, 7) = 6/7; densities 3/6 and 1/12 -> 0.5 / (7/12) = 6/7.
    expect(x.insularity).toBe(0.75);
    expect(x.closure).toBeCloseTo(6 / 7, 12);
    expect(x.preference).toBeCloseTo(6 / 7, 12);
    expect(x.value).toBeCloseTo((0.75 + 12 / 7) / 3, 12);
    // Y: densities 1 and 1/12 -> 12/13.
    expect(y.preference).toBeCloseTo(12 / 13, 12);
    expect(y.value).toBeCloseTo((0.75 + 6 / 7 + 12 / 13) / 3, 12);
  });

  it('parts agree with E-I, conductance and the density ratio on a real data set', async () => {
    const view = await caseView({ dataset: 'lazega-lawfirm', directed: true, weighted: true });
    const groups = groupPartition(view, 'office', { minGroupSize: 1 });
    const ei = eiIndex(view, groups, { permutations: 0 });
    const phi = conductance(view, groups, { weighted: false });
    const dens = groupDensity(view, groups);
    siloScore(view, groups).forEach((s, g) => {
      expect(s.insularity).toBeCloseTo((1 - ei.groups[g].value) / 2, 12);
      expect(s.closure).toBeCloseTo(1 - phi[g].value, 12);
      expect(s.preference).toBeCloseTo(dens[g].ratio / (1 + dens[g].ratio), 12);
      expect(s.value).toBeGreaterThanOrEqual(0);
      expect(s.value).toBeLessThanOrEqual(1);
    });
  });

  it('a closed group scores 1; weighting changes insularity and closure only', () => {
    const view = small({ a: 'X', b: 'X', c: 'Y', d: 'Y' }, [
      ['a', 'b', 5],
      ['c', 'd'],
      ['b', 'c'],
    ]);
    const counted = siloScore(view, groupPartition(view, 'team', { minGroupSize: 1 }));
    const weighted = siloScore(view, groupPartition(view, 'team', { minGroupSize: 1 }), { weighted: true });
    // Counted, X: I = 1, E = 1 -> 1/2; vol 3 and 3 -> closure 2/3. Weighted: I = 5 -> 5/6; vol 11, 3 -> 1 - 1/3.
    expect(counted[0].insularity).toBe(0.5);
    expect(weighted[0].insularity).toBeCloseTo(5 / 6, 12);
    expect(weighted[0].closure).toBeCloseTo(2 / 3, 12);
    expect(weighted[0].preference).toBe(counted[0].preference);
    const closed = small({ a: 'X', b: 'X', c: 'Y', d: 'Y' }, [
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(siloScore(closed, groupPartition(closed, 'team', { minGroupSize: 1 })).map((s) => s.value)).toEqual([1, 1]);
  });
});
