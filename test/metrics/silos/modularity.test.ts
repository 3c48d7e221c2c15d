import { describe, expect, it } from 'vitest';
import { groupPartition } from '../../../src/metrics/silos/groups.js';
import { modularity } from '../../../src/metrics/silos/modularity.js';
import { caseView, emptyView, label, NX, small, smallDirected, twoTriangles } from './helpers.js';

describe('modularity', () => {
  it('degenerate: no ties is NaN; one group holding every tie is 0', () => {
    const view = emptyView();
    expect(modularity(view, groupPartition(view, [], { minGroupSize: 1 }))).toBeNaN();
    const single = small({ a: 'X', b: 'X', c: 'X' }, [
      ['a', 'b'],
      ['b', 'c'],
    ]);
    // L/m - (2m/2m)^2 = 1 - 1 = 0.
    expect(modularity(single, groupPartition(single, 'team', { minGroupSize: 1 }))).toBe(0);
  });

  it('two triangles with a bridge: 2 (3/7 - (7/14)^2) = 5/14; gamma 0.5: 2 (3/7 - 0.125) = 17/28', () => {
    const view = twoTriangles();
    const groups = groupPartition(view, 'team', { minGroupSize: 1 });
    expect(modularity(view, groups)).toBeCloseTo(5 / 14, 12);
    expect(modularity(view, groups, { resolution: 0.5 })).toBeCloseTo(17 / 28, 12);
  });

  it('directed: X 1/5 - 2*2/25, Y 2/5 - 3*3/25 -> 0.08', () => {
    expect(modularity(smallDirected(), groupPartition(smallDirected(), 'team', { minGroupSize: 1 }))).toBeCloseTo(0.08, 12);
  });

  it('rejects a negative resolution', () => {
    const view = twoTriangles();
    expect(() => modularity(view, groupPartition(view, 'team', { minGroupSize: 1 }), { resolution: -1 })).toThrow(/resolution/);
  });
});

describe(`modularity against NetworkX ${NX.version} nx.community.modularity`, () => {
  for (const c of NX.cases) {
    it(label(c), async () => {
      const view = await caseView(c);
      const groups = groupPartition(view, c.attribute, { minGroupSize: 1 });
      for (const weighted of [true, false]) {
        for (const resolution of [1, 0.5]) {
          const ref = c.modularity[`${weighted ? 'weighted' : 'count'}@${resolution}`];
          expect(modularity(view, groups, { weighted, resolution })).toBeCloseTo(ref, 12);
        }
      }
    });
  }
});
