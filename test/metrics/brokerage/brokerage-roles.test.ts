import { describe, expect, it } from 'vitest';
import { OrgGraph } from '../../../src/model/org-graph.js';
import { project } from '../../../src/model/projection.js';
import { BROKERAGE_ROLES, brokerageRoles } from '../../../src/metrics/brokerage/brokerage-roles.js';
import { SNA, at, datasetView, expectValues, toy } from './brokerage-helpers.js';

const directed = (specs: string[], groups: Record<string, string>, extra: string[] = []) =>
  project(toy(specs, groups, extra), { directed: true });

/** Role counts of one person, in BROKERAGE_ROLES order. */
const countsOf = (r: ReturnType<typeof brokerageRoles>, id: string) => BROKERAGE_ROLES.map((role) => at(r.counts[role], id));

describe('brokerageRoles: degenerate inputs', () => {
  it('empty graph and one person: no counts, undefined z', () => {
    const empty = brokerageRoles(project(OrgGraph.from({ people: [], ties: [] })), Int32Array.from([]));
    expect(empty.counts.total.size).toBe(0);
    expect(empty.network.counts.total).toBe(0);
    const one = brokerageRoles(project(toy([], { solo: 'x' })), 'group');
    expect(countsOf(one, 'solo')).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Number.isNaN(at(one.z.total, 'solo'))).toBe(true);
  });

  it('isolates broker nothing; a closed triad brokers nothing', () => {
    // a > b > c with a > c: the two-path is closed
    const r = directed(['a>b', 'b>c', 'a>c'], { a: 'x', b: 'x', c: 'x', z: 'x' });
    const roles = brokerageRoles(r, 'group');
    for (const id of ['a', 'b', 'c', 'z']) expect(at(roles.counts.total, id)).toBe(0);
  });

  it('a single group: every brokerage is coordination', () => {
    const r = brokerageRoles(directed(['a>b', 'b>c', 'c>d'], { a: 'x', b: 'x', c: 'x', d: 'x' }), 'group');
    expect(countsOf(r, 'b')).toEqual([1, 0, 0, 0, 0, 1]);
    expect(countsOf(r, 'c')).toEqual([1, 0, 0, 0, 0, 1]);
  });
});

describe('brokerageRoles: hand derivations', () => {
  it('classifies the two-path a > b > c by the groups of a, b, c', () => {
    const cases: [Record<string, string>, number][] = [
      [{ a: 'x', b: 'x', c: 'x' }, 0], // coordinator
      [{ a: 'x', b: 'y', c: 'x' }, 1], // itinerant
      [{ a: 'x', b: 'x', c: 'y' }, 2], // representative
      [{ a: 'x', b: 'y', c: 'y' }, 3], // gatekeeper
      [{ a: 'x', b: 'y', c: 'z' }, 4], // liaison
    ];
    for (const [groups, role] of cases) {
      const expected = [0, 0, 0, 0, 0, 1];
      expected[role] = 1;
      const r = brokerageRoles(directed(['a>b', 'b>c'], groups), 'group');
      expect(countsOf(r, 'b'), JSON.stringify(groups)).toEqual(expected);
      expect(at(r.counts.total, 'a')).toBe(0);
    }
  });

  it('undirected ties count each open triad twice, once per direction (as R sna)', () => {
    // a - b - c, groups x x y: a > b > c is representative, c > b > a is gatekeeper
    const r = brokerageRoles(project(toy(['a-b', 'b-c'], { a: 'x', b: 'x', c: 'y' })), 'group');
    expect(countsOf(r, 'b')).toEqual([0, 0, 1, 1, 0, 2]);
    expect(r.density).toBeCloseTo(4 / 6, 15);
  });

  it('expected value, sd and z under density d (Gould & Fernandez)', () => {
    // a > b > c, groups x y x: N = 3, 2 arcs, d = 2/6 = 1/3, a = d^2 (1 - d) = 2/27.
    // Broker b in y (size 1): E itinerant = a * sum_{t != y} n_t (n_t - 1) = 2/27 * 2 = 4/27;
    // Var = E (1 - a) + 2 * sum n_t (n_t-1)(n_t-2) d^3 (1-d)^3 = 4/27 * 25/27 + 0 = 100/729;
    // sd = 10/27, z = (1 - 4/27) / (10/27) = 2.3. Total: E = a (N-1)(N-2) = 4/27, same sd, z 2.3.
    const r = brokerageRoles(directed(['a>b', 'b>c'], { a: 'x', b: 'y', c: 'x' }), 'group');
    expect(r.density).toBeCloseTo(1 / 3, 15);
    expect(at(r.expected.itinerant, 'b')).toBeCloseTo(4 / 27, 15);
    expect(at(r.sd.itinerant, 'b')).toBeCloseTo(10 / 27, 15);
    expect(at(r.z.itinerant, 'b')).toBeCloseTo(2.3, 14);
    expect(at(r.z.total, 'b')).toBeCloseTo(2.3, 14);
    // a group of one has no coordinator pairs: expected 0, sd 0, z undefined
    expect(at(r.expected.coordinator, 'b')).toBe(0);
    expect(Number.isNaN(at(r.z.coordinator, 'b'))).toBe(true);
  });

  it('a partition gives the same counts as the attribute it encodes; missing values form one group', () => {
    const g = toy(['a>b', 'b>c', 'c>d', 'd>a', 'b>d'], { a: 'x', b: 'y', c: 'x' }, ['d']);
    const view = project(g, { directed: true });
    const byAttribute = brokerageRoles(view, 'group');
    // view order a b c d; d has no group value: its own group, as -1 in a partition
    const byPartition = brokerageRoles(view, Int32Array.from([0, 1, 0, -1]));
    for (const role of BROKERAGE_ROLES) {
      expect(Array.from(byPartition.counts[role].values)).toEqual(Array.from(byAttribute.counts[role].values));
      expect(Array.from(byPartition.z[role].values)).toEqual(Array.from(byAttribute.z[role].values));
    }
  });

  it('rejects an unknown attribute and a partition of the wrong length', () => {
    const view = directed(['a>b'], {});
    expect(() => brokerageRoles(view, 'office')).toThrowError(/no attribute "office"/);
    expect(() => brokerageRoles(view, Int32Array.from([0]))).toThrowError(/partition has 1 entries for 2 people/);
  });
});

describe(`brokerageRoles vs R sna::brokerage ${SNA.version} (${SNA.script})`, () => {
  for (const c of SNA.cases) {
    it(`${c.dataset} ${c.relation} by ${c.group} (${c.directed ? 'directed' : 'undirected'})`, async () => {
      const view = await datasetView(c.dataset, { relations: [c.relation], directed: c.directed, weighted: false });
      expect(view.personIds).toEqual(c.people);
      const r = brokerageRoles(view, c.group);
      expect(r.density).toBeCloseTo(c.density, 12);
      for (const role of BROKERAGE_ROLES) {
        expectValues(r.counts[role].values, c.raw[role], `${role} raw`);
        expectValues(r.expected[role].values, c.expected[role], `${role} expected`);
        expectValues(r.sd[role].values, c.sd[role], `${role} sd`);
        expectValues(r.z[role].values, c.z[role], `${role} z`);
        expectValues([r.network.counts[role]], [c.network.raw[role]], `${role} network raw`);
        expectValues([r.network.expected[role]], [c.network.expected[role]], `${role} network expected`);
        expectValues([r.network.sd[role]], [c.network.sd[role]], `${role} network sd`);
        expectValues([r.network.z[role]], [c.network.z[role]], `${role} network z`);
      }
    });
  }
});
