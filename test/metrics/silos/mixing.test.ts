import { describe, expect, it } from 'vitest';
import { groupPartition } from '../../../src/metrics/silos/groups.js';
import { mixing, mixingCells } from '../../../src/metrics/silos/mixing.js';
import { caseView, emptyView, label, NX, small, smallDirected, twoTriangles } from './helpers.js';

describe('mixing: degenerate inputs', () => {
  it('empty view: no groups, no cells', () => {
    const view = emptyView();
    const r = mixing(view, groupPartition(view, [], { minGroupSize: 1 }));
    expect(r.ties.length).toBe(0);
    expect(mixingCells(r)).toEqual([]);
  });

  it('a group of one has NaN diagonal density; no ties gives NaN ratios', () => {
    const view = small({ a: 'X', b: 'Y' }, []);
    const cells = mixingCells(mixing(view, groupPartition(view, 'team', { minGroupSize: 1 })));
    expect(cells[0]).toMatchObject({ from: 'X', to: 'X', ties: 0, density: NaN, expectedTies: 0, tieRatio: NaN });
    expect(cells[1]).toMatchObject({ from: 'X', to: 'Y', ties: 0, density: 0 });
  });
});

describe('mixing: hand derivations', () => {
  it('two triangles with a bridge (X has 4 people, Y 3)', () => {
    const view = twoTriangles({ cd: 2 });
    const r = mixing(view, groupPartition(view, 'team', { minGroupSize: 1 }));
    // Undirected: symmetric, diagonal = internal edges once.
    expect(Array.from(r.ties)).toEqual([3, 1, 1, 3]);
    expect(Array.from(r.weight)).toEqual([3, 2, 2, 3]);
    // density XX = 3 / (4*3/2) = 0.5; XY = 1 / (4*3); YY = 3 / 3 = 1.
    expect(Array.from(r.density)).toEqual([0.5, 1 / 12, 1 / 12, 1]);
    // Degrees: D_X = D_Y = 7, 2M = 14: expected XY = 49 / 14 = 3.5, XX = 49 / 28 = 1.75.
    const cells = mixingCells(r);
    expect(cells[1].expectedTies).toBeCloseTo(3.5, 12);
    expect(cells[1].tieRatio).toBeCloseTo(1 / 3.5, 12);
    expect(cells[0].expectedTies).toBeCloseTo(1.75, 12);
    expect(cells[0].tieRatio).toBeCloseTo(3 / 1.75, 12);
    // Strengths: S_X = 2*3 + 2 = 8 = S_Y, total 16: expected XY weight = 64 / 16 = 4.
    expect(cells[1].expectedWeight).toBeCloseTo(4, 12);
    expect(cells[1].weightRatio).toBeCloseTo(0.5, 12);
    expect(r.totalTies).toBe(7);
    expect(r.totalWeight).toBe(8);
  });

  it('directed: rows send, columns receive; diagonal density over n(n-1)', () => {
    // arcs a->b (XX), a->d (XY), e->a (YX), d->e and e->d (YY).
    const r = mixing(smallDirected(), groupPartition(smallDirected(), 'team', { minGroupSize: 1 }));
    expect(Array.from(r.ties)).toEqual([1, 1, 1, 2]);
    expect(Array.from(r.density)).toEqual([0.5, 0.25, 0.25, 1]);
    // Expected from margins: rows (2, 3), columns (2, 3), total 5: XY = 2*3/5.
    expect(r.expectedTies[1]).toBeCloseTo(1.2, 12);
  });
});

describe(`mixing against NetworkX ${NX.version} attribute_mixing_matrix`, () => {
  for (const c of NX.cases) {
    it(label(c), async () => {
      const view = await caseView(c);
      const r = mixing(view, groupPartition(view, c.attribute, { minGroupSize: 1 }));
      const names = c.mixing.groups;
      const k = r.groups.length;
      expect([...r.groups].sort()).toEqual([...names].sort());
      for (let g = 0; g < k; g++) {
        for (let h = 0; h < k; h++) {
          const a = names.indexOf(r.groups[g]);
          const b = names.indexOf(r.groups[h]);
          // NetworkX counts an undirected edge inside a group twice (once per direction).
          const nx = c.mixing.nxCounts[a][b] / (!c.directed && g === h ? 2 : 1);
          expect(r.ties[g * k + h]).toBe(nx);
          expect(r.weight[g * k + h]).toBeCloseTo(c.mixing.weights[a][b], 9);
        }
      }
    });
  }
});
