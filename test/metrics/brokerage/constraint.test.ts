import { describe, expect, it } from 'vitest';
import { OrgGraph } from '../../../src/model/org-graph.js';
import { project } from '../../../src/model/projection.js';
import { constraint } from '../../../src/metrics/brokerage/constraint.js';
import { NX, at, datasetView, expectValues, toy } from './brokerage-helpers.js';

describe('constraint: degenerate inputs', () => {
  it('empty graph gives empty scores', () => {
    const s = constraint(project(OrgGraph.from({ people: [], ties: [] })));
    expect(s.size).toBe(0);
    expect(s.metric).toBe('constraint');
  });

  it('one person and isolates get NaN; a lone pair is fully constrained', () => {
    expect(Number.isNaN(constraint(project(OrgGraph.from({ people: [{ id: 'solo' }], ties: [] }))).values[0])).toBe(true);
    // a-b and an isolate c: p_ab = 1, no third party, so C_a = C_b = 1^2 = 1.
    const s = constraint(project(toy(['a-b'], {}, ['c'])));
    expect(at(s, 'a')).toBe(1);
    expect(at(s, 'b')).toBe(1);
    expect(Number.isNaN(at(s, 'c'))).toBe(true);
  });

  it('disconnected parts are independent', () => {
    // two separate stars; each centre has 3 contacts who are not tied: C = 3 (1/3)^2 = 1/3
    const s = constraint(project(toy(['h-a', 'h-b', 'h-c', 'k-x', 'k-y', 'k-z'])));
    expect(at(s, 'h')).toBeCloseTo(1 / 3, 15);
    expect(at(s, 'k')).toBeCloseTo(1 / 3, 15);
    expect(at(s, 'x')).toBe(1);
  });
});

describe('constraint: hand derivations', () => {
  it('triangle: p = 1/2, indirect 1/2 * 1/2, c_ij = (3/4)^2, C = 9/8', () => {
    const s = constraint(project(toy(['a-b', 'b-c', 'a-c'])));
    for (const id of ['a', 'b', 'c']) expect(at(s, id)).toBeCloseTo(9 / 8, 15);
  });

  it('ego with a tied pair of contacts and one loner', () => {
    // e - a, e - b, e - c, a - b (unweighted). For ego e: p_ea = p_eb = p_ec = 1/3;
    // p_ba = 1/2 (b has contacts e, a), so c_ea = (1/3 + 1/3 * 1/2)^2 = 1/4 = c_eb; c_ec = 1/9.
    // C_e = 1/4 + 1/4 + 1/9 = 11/18.
    // For a: contacts e (3 contacts) and b (2): p_ae = p_ab = 1/2; p_eb = 1/3, p_be = 1/2.
    // c_ae = (1/2 + 1/2 * 1/2)^2 = 9/16; c_ab = (1/2 + 1/2 * 1/3)^2 = 4/9; C_a = 9/16 + 4/9 = 145/144.
    const s = constraint(project(toy(['e-a', 'e-b', 'e-c', 'a-b'])));
    expect(at(s, 'e')).toBeCloseTo(11 / 18, 15);
    expect(at(s, 'a')).toBeCloseTo(145 / 144, 15);
    expect(at(s, 'c')).toBe(1);
  });

  it('weights are strengths: path a -3- b -1- c gives C_b = (3/4)^2 + (1/4)^2 = 5/8', () => {
    const view = project(toy(['a-b:3', 'b-c:1']));
    expect(at(constraint(view), 'b')).toBeCloseTo(5 / 8, 15);
    // weighted: false reads each tie as 1: C_b = 2 (1/2)^2 = 1/2, the same as an unweighted view
    expect(at(constraint(view, { weighted: false }), 'b')).toBeCloseTo(1 / 2, 15);
    expect(at(constraint(project(toy(['a-b:3', 'b-c:1']), { weighted: false })), 'b')).toBeCloseTo(1 / 2, 15);
  });

  it('directed views read a pair as a_ij + a_ji: a mutual tie counts twice', () => {
    // a > b, b > a, b > c, unweighted: mutual values ab = 2, bc = 1, so p_ba = 2/3, p_bc = 1/3,
    // C_b = 4/9 + 1/9 = 5/9. c has an in-tie only and is still tied: C_c = 1.
    const s = constraint(project(toy(['a>b', 'b>a', 'b>c']), { directed: true, weighted: false }));
    expect(at(s, 'b')).toBeCloseTo(5 / 9, 15);
    expect(at(s, 'c')).toBe(1);
  });

  it('scaling every value leaves constraint unchanged', () => {
    const a = constraint(project(toy(['a-b:1', 'b-c:2', 'a-c:5', 'c-d:1'])));
    const b = constraint(project(toy(['a-b:10', 'b-c:20', 'a-c:50', 'c-d:10'])));
    for (const id of ['a', 'b', 'c', 'd']) expect(at(b, id)).toBeCloseTo(at(a, id), 14);
  });
});

describe(`constraint vs NetworkX ${NX.version} (${NX.script})`, () => {
  for (const [name, ref] of Object.entries(NX.undirected)) {
    it(`${name}: undirected view, weighted and unweighted`, async () => {
      const weighted = await datasetView(name);
      const unweighted = await datasetView(name, { weighted: false });
      expect(weighted.personIds).toEqual(ref.people);
      expectValues(constraint(weighted).values, ref.weighted.constraint, `${name} weighted`);
      expectValues(constraint(unweighted).values, ref.unweighted.constraint, `${name} unweighted`);
    });
  }

  for (const [key, ref] of Object.entries(NX.directed)) {
    it(`${key}: directed view; people with in-ties only differ by convention`, async () => {
      const [name, relation] = key.split(':');
      for (const weighted of [true, false]) {
        const view = await datasetView(name, { directed: true, relations: [relation], weighted });
        const block = weighted ? ref.weighted : ref.unweighted;
        const values = constraint(view).values;
        // NetworkX tests len(G[v]) (successors) and gives NaN to people with in-ties only;
        // orgraph reads ties in either direction, so those people get a number.
        const inOnly = (i: number) => block.outDegree![i] === 0 && view.csr.inOffsets[i + 1] > view.csr.inOffsets[i];
        const compared = expectValues(values, block.constraint, `${key} weighted=${weighted}`, inOnly);
        expect(compared).toBeGreaterThan(0);
        for (let i = 0; i < values.length; i++) if (inOnly(i)) expect(Number.isFinite(values[i])).toBe(true);
      }
    });
  }
});
