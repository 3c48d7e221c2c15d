import { describe, expect, it } from 'vitest';
import { density, groupDensity } from '../../../src/metrics/silos/density.js';
import { groupPartition } from '../../../src/metrics/silos/groups.js';
import { caseView, emptyView, label, NX, small, smallDirected, twoTriangles } from './helpers.js';

describe('density', () => {
  it('degenerate: empty view and one person are NaN; a single group has NaN external density', () => {
    expect(density(emptyView())).toBeNaN();
    const one = small({ a: 'X' }, []);
    expect(density(one)).toBeNaN();
    expect(groupDensity(one, groupPartition(one, 'team', { minGroupSize: 1 }))[0]).toMatchObject({
      internal: NaN,
      external: NaN,
      ratio: NaN,
    });
    const single = small({ a: 'X', b: 'X' }, [['a', 'b']]);
    expect(groupDensity(single, groupPartition(single, 'team', { minGroupSize: 1 }))[0]).toMatchObject({ internal: 1, external: NaN });
  });

  it('two triangles with a bridge: network 7/21; X 3/6 inside, 1/12 across; Y 3/3 and 1/12', () => {
    const view = twoTriangles();
    expect(density(view)).toBeCloseTo(1 / 3, 12);
    const d = groupDensity(view, groupPartition(view, 'team', { minGroupSize: 1 }));
    expect(d[0]).toMatchObject({ group: 'X', internalTies: 3, externalTies: 1, internal: 0.5 });
    expect(d[0].external).toBeCloseTo(1 / 12, 12);
    expect(d[0].ratio).toBeCloseTo(6, 12);
    expect(d[1].ratio).toBeCloseTo(12, 12);
  });

  it('directed: arcs over n(n-1); external counts sent + received over 2 n_g (N - n_g)', () => {
    const view = smallDirected();
    expect(density(view)).toBeCloseTo(5 / 12, 12);
    const d = groupDensity(view, groupPartition(view, 'team', { minGroupSize: 1 }));
    // X: 1 arc of 2 possible inside; 2 arcs of 2*2*2 = 8 possible across.
    expect(d[0]).toMatchObject({ internal: 0.5, external: 0.25, ratio: 2 });
  });

  it('a group with internal ties and no external ties has ratio Infinity', () => {
    const view = small({ a: 'X', b: 'X', c: 'Y' }, [['a', 'b']]);
    expect(groupDensity(view, groupPartition(view, 'team', { minGroupSize: 1 }))[0].ratio).toBe(Infinity);
  });
});

describe(`density against NetworkX ${NX.version} nx.density (view and group subgraphs)`, () => {
  for (const c of NX.cases.filter((x) => x.weighted)) {
    it(label(c), async () => {
      const view = await caseView(c);
      const groups = groupPartition(view, c.attribute, { minGroupSize: 1 });
      if (c.missing === 0) expect(density(view)).toBeCloseTo(c.density!, 12);
      for (const d of groupDensity(view, groups)) {
        const ref = c.groups[d.group].density;
        if (ref === null) expect(d.internal).toBeNaN();
        else expect(d.internal).toBeCloseTo(ref, 12);
      }
    });
  }
});
