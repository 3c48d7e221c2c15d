import { describe, expect, it } from 'vitest';
import { conductance } from '../../../src/metrics/silos/conductance.js';
import { groupPartition } from '../../../src/metrics/silos/groups.js';
import { caseView, label, NX, small, smallDirected, twoTriangles } from './helpers.js';

describe('conductance', () => {
  it('degenerate: a single group (empty rest) and a group without ties are NaN', () => {
    const single = small({ a: 'X', b: 'X' }, [['a', 'b']]);
    expect(conductance(single, groupPartition(single, 'team', { minGroupSize: 1 }))[0].value).toBeNaN();
    const lonely = small({ a: 'X', b: 'Y', c: 'Y' }, [['b', 'c']]);
    const r = conductance(lonely, groupPartition(lonely, 'team', { minGroupSize: 1 }));
    expect(r[0]).toMatchObject({ cut: 0, volume: 0, value: NaN });
  });

  it('two triangles with a bridge: cut 1, volumes 7 and 7 -> 1/7; bridge weight 3 -> 3/9', () => {
    const view = twoTriangles();
    expect(conductance(view, groupPartition(view, 'team', { minGroupSize: 1 })).map((c) => c.value)).toEqual([1 / 7, 1 / 7]);
    const heavy = twoTriangles({ cd: 3 });
    const w = conductance(heavy, groupPartition(heavy, 'team', { minGroupSize: 1 }));
    expect(w[0]).toMatchObject({ cut: 3, volume: 9 });
    expect(w[0].value).toBeCloseTo(1 / 3, 12);
    expect(conductance(heavy, groupPartition(heavy, 'team', { minGroupSize: 1 }), { weighted: false })[0].value).toBeCloseTo(1 / 7, 12);
  });

  it('directed views read arcs as undirected ties: X cut 2, vol 4; Y cut 2, vol 6', () => {
    const r = conductance(smallDirected(), groupPartition(smallDirected(), 'team', { minGroupSize: 1 }));
    expect(r.map((c) => c.value)).toEqual([0.5, 0.5]);
  });
});

describe(`conductance against NetworkX ${NX.version} nx.conductance`, () => {
  for (const c of NX.cases) {
    it(label(c), async () => {
      const view = await caseView(c);
      const groups = groupPartition(view, c.attribute, { minGroupSize: 1 });
      const weighted = conductance(view, groups);
      const counted = conductance(view, groups, { weighted: false });
      for (let g = 0; g < groups.names.length; g++) {
        const ref = c.groups[groups.names[g]];
        for (const [mine, theirs] of [
          [weighted[g].value, ref.conductance],
          [counted[g].value, ref.conductanceCount],
        ] as const) {
          if (theirs === null) expect(mine).toBeNaN();
          else expect(mine).toBeCloseTo(theirs, 12);
        }
      }
    });
  }
});
