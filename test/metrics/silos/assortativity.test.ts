import { describe, expect, it } from 'vitest';
import { assortativity } from '../../../src/metrics/silos/assortativity.js';
import { groupPartition } from '../../../src/metrics/silos/groups.js';
import { caseView, label, NX, small, twoTriangles } from './helpers.js';

describe('assortativity', () => {
  it('degenerate: no ties and a single group are NaN; only cross ties give -1', () => {
    const none = small({ a: 'X', b: 'Y' }, []);
    expect(assortativity(none, groupPartition(none, 'team', { minGroupSize: 1 }))).toBeNaN();
    const single = small({ a: 'X', b: 'X' }, [['a', 'b']]);
    expect(assortativity(single, groupPartition(single, 'team', { minGroupSize: 1 }))).toBeNaN();
    const cross = small({ a: 'X', b: 'Y' }, [['a', 'b']]);
    // e_XY = e_YX = 1/2, a = b = 1/2: (0 - 1/2) / (1 - 1/2) = -1.
    expect(assortativity(cross, groupPartition(cross, 'team', { minGroupSize: 1 }))).toBe(-1);
  });

  it('two triangles: trace 12/14, sum a_g^2 = 1/2 -> (6/7 - 1/2) / (1/2) = 5/7', () => {
    const view = twoTriangles();
    expect(assortativity(view, groupPartition(view, 'team', { minGroupSize: 1 }), { weighted: false })).toBeCloseTo(5 / 7, 12);
  });

  it('weighted: bridge weight 2 -> ends 16, trace 12/16, a = 1/2 each -> (3/4 - 1/2) / (1/2) = 1/2', () => {
    const view = twoTriangles({ cd: 2 });
    expect(assortativity(view, groupPartition(view, 'team', { minGroupSize: 1 }))).toBeCloseTo(0.5, 12);
  });
});

describe(`assortativity against NetworkX ${NX.version} attribute_assortativity_coefficient (tie counts)`, () => {
  for (const c of NX.cases) {
    it(label(c), async () => {
      const view = await caseView(c);
      const r = assortativity(view, groupPartition(view, c.attribute, { minGroupSize: 1 }), { weighted: false });
      if (c.assortativity === null) expect(r).toBeNaN();
      else expect(r).toBeCloseTo(c.assortativity, 12);
    });
  }
});
