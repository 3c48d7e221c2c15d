import { describe, expect, it } from 'vitest';
import { OrgGraph } from '../../../src/model/org-graph.js';
import { project } from '../../../src/model/projection.js';
import { withinModuleZ } from '../../../src/metrics/brokerage/within-module-z.js';
import { NX, at, datasetView, expectValues, toy } from './brokerage-helpers.js';

describe('withinModuleZ: degenerate inputs', () => {
  it('empty graph; a group of one and a group of equals get 0', () => {
    expect(withinModuleZ(project(OrgGraph.from({ people: [], ties: [] })), Int32Array.from([])).size).toBe(0);
    // triangle in one group: every within-degree is 2, sd = 0 -> z = 0; x alone in its group -> 0
    const s = withinModuleZ(project(toy(['a-b', 'b-c', 'a-c', 'a-x'], { a: 'A', b: 'A', c: 'A', x: 'X' })), 'group');
    for (const id of ['a', 'b', 'c', 'x']) expect(at(s, id)).toBe(0);
  });
});

describe('withinModuleZ: hand derivations', () => {
  it("isolates count in their group's mean and sd (population sd)", () => {
    // A = {a, b, c, d}: a - b, a - c, a - x (x in B), d isolated. Within-degrees 2, 1, 1, 0:
    // mean 1, variance (1 + 0 + 0 + 1) / 4 = 1/2, sd = 1/sqrt(2): z_a = sqrt(2), z_b = 0, z_d = -sqrt(2)
    const s = withinModuleZ(project(toy(['a-b', 'a-c', 'a-x'], { a: 'A', b: 'A', c: 'A', d: 'A', x: 'B' })), 'group');
    expect(at(s, 'a')).toBeCloseTo(Math.SQRT2, 14);
    expect(at(s, 'b')).toBeCloseTo(0, 15);
    expect(at(s, 'd')).toBeCloseTo(-Math.SQRT2, 14);
    expect(at(s, 'x')).toBe(0);
  });

  it('weighted views sum values inside the group', () => {
    // A = {a, b, c}: a -3- b, a -1- c. Within strengths 4, 3, 1: mean 8/3,
    // variance ((4/3)^2 + (1/3)^2 + (5/3)^2) / 3 = 42/27, z_a = (4/3) / sqrt(42/27)
    const g = toy(['a-b:3', 'a-c:1'], { a: 'A', b: 'A', c: 'A' });
    expect(at(withinModuleZ(project(g), 'group'), 'a')).toBeCloseTo(4 / 3 / Math.sqrt(42 / 27), 14);
    // unweighted: 2, 1, 1 -> mean 4/3, variance 2/9, z_a = (2/3) / (sqrt(2)/3) = sqrt(2)
    expect(at(withinModuleZ(project(g), 'group', { weighted: false }), 'a')).toBeCloseTo(Math.SQRT2, 14);
  });
});

describe(`withinModuleZ vs the definition evaluated in Python (${NX.script})`, () => {
  for (const [name, ref] of Object.entries(NX.undirected).filter(([, r]) => r.weighted.withinModuleZ)) {
    it(`${name} by ${ref.weighted.group}: weighted and unweighted`, async () => {
      const group = ref.weighted.group!;
      expectValues(withinModuleZ(await datasetView(name), group).values, ref.weighted.withinModuleZ!, `${name} weighted`);
      expectValues(
        withinModuleZ(await datasetView(name, { weighted: false }), group).values,
        ref.unweighted.withinModuleZ!,
        `${name} unweighted`,
      );
    });
  }
});
