import { describe, expect, it } from 'vitest';
import { OrgGraph } from '../../../src/model/org-graph.js';
import { project } from '../../../src/model/projection.js';
import { constraintAndHierarchy, hierarchy } from '../../../src/metrics/brokerage/hierarchy.js';
import { constraint } from '../../../src/metrics/brokerage/constraint.js';
import { NX, at, datasetView, expectValues, toy } from './brokerage-helpers.js';

// H_i = sum_j r_j ln r_j / (N ln N), r_j = c_ij / (C_i / N), N = number of contacts.
const H = (c: number[]) => {
  const N = c.length;
  const mean = c.reduce((a, b) => a + b, 0) / N;
  return c.reduce((h, x) => h + (x / mean) * Math.log(x / mean), 0) / (N * Math.log(N));
};

describe('hierarchy: degenerate inputs', () => {
  it('empty graph; isolates NaN; one contact 0', () => {
    expect(hierarchy(project(OrgGraph.from({ people: [], ties: [] }))).size).toBe(0);
    const s = hierarchy(project(toy(['a-b', 'b-c'], {}, ['z'])));
    expect(Number.isNaN(at(s, 'z'))).toBe(true);
    expect(at(s, 'a')).toBe(0);
  });
});

describe('hierarchy: hand derivations', () => {
  it('constraint spread evenly gives 0 (star, triangle)', () => {
    // star: c_hj = 1/9 for every leaf, so every r_j = 1 and ln 1 = 0
    expect(at(hierarchy(project(toy(['h-a', 'h-b', 'h-c']))), 'h')).toBe(0);
    expect(at(hierarchy(project(toy(['a-b', 'b-c', 'a-c']))), 'a')).toBeCloseTo(0, 15);
  });

  it('weighted path a -3- b -1- c: c_ba = 9/16, c_bc = 1/16', () => {
    // C = 10/16, mean 5/16, r = 9/5 and 1/5: H = (1.8 ln 1.8 + 0.2 ln 0.2) / (2 ln 2) = 0.531004...
    const h = at(hierarchy(project(toy(['a-b:3', 'b-c:1']))), 'b');
    expect(h).toBeCloseTo((1.8 * Math.log(1.8) + 0.2 * Math.log(0.2)) / (2 * Math.log(2)), 14);
    expect(h).toBeCloseTo(0.5310044064107188, 12);
  });

  it('ego with a tied pair of contacts and one loner', () => {
    // e - a, e - b, e - c, a - b: c_ea = c_eb = 1/4, c_ec = 1/9 (see constraint.test.ts);
    // C = 11/18, mean 11/54, r = 27/22, 27/22, 12/22.
    const expected = (2 * (27 / 22) * Math.log(27 / 22) + (12 / 22) * Math.log(12 / 22)) / (3 * Math.log(3));
    expect(at(hierarchy(project(toy(['e-a', 'e-b', 'e-c', 'a-b']))), 'e')).toBeCloseTo(expected, 14);
    expect(expected).toBeCloseTo(H([1 / 4, 1 / 4, 1 / 9]), 15);
  });

  it('one pass gives the same constraint and hierarchy as the separate functions', () => {
    const view = project(toy(['a-b:2', 'b-c:1', 'c-d:4', 'a-c:1', 'd-e:1']));
    const both = constraintAndHierarchy(view);
    expect(Array.from(both.constraint.values)).toEqual(Array.from(constraint(view).values));
    expect(Array.from(both.hierarchy.values)).toEqual(Array.from(hierarchy(view).values));
  });

  it('stays in [0, 1]', async () => {
    const view = await datasetView('lazega-lawfirm');
    for (const h of hierarchy(view).values) {
      if (Number.isNaN(h)) continue;
      expect(h).toBeGreaterThanOrEqual(-1e-15);
      expect(h).toBeLessThanOrEqual(1 + 1e-12);
    }
  });
});

describe(`hierarchy vs the formula on NetworkX ${NX.version} local constraint (${NX.script})`, () => {
  const withHierarchy = Object.entries(NX.undirected).filter(([, ref]) => ref.weighted.hierarchy);
  it('covers several data sets', () => expect(withHierarchy.length).toBeGreaterThanOrEqual(10));
  for (const [name, ref] of withHierarchy) {
    it(`${name}: weighted and unweighted`, async () => {
      expectValues(hierarchy(await datasetView(name)).values, ref.weighted.hierarchy!, `${name} weighted`);
      expectValues(hierarchy(await datasetView(name, { weighted: false })).values, ref.unweighted.hierarchy!, `${name} unweighted`);
    });
  }
});
