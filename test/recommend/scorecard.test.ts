import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInput } from '../../src/cli/input.js';
import { OrgGraph } from '../../src/model/org-graph.js';
import { project } from '../../src/model/projection.js';
import { loadObjectives, parseObjectives } from '../../src/recommend/objectives.js';
import { scorecard, status } from '../../src/recommend/scorecard.js';

const ROOT = join(import.meta.dirname, '..', 'fixtures');

/** Objectives from a list (JSON), groups = attribute "team". */
const objectives = (list: unknown[]) => parseObjectives(JSON.stringify({ attribute: 'team', objectives: list }));
const actuals = (view: Parameters<typeof scorecard>[0], list: unknown[]) =>
  scorecard(view, objectives(list), { minGroupSize: 1 }).objectives.map((o) => o.actual);

describe('scorecard: status and its at-risk margin', () => {
  it('uses one relative margin (atRisk x |target|) for counts and shares alike', () => {
    // Count target min 40: at risk in [40, 44); share target min 0.4: at risk in [0.4, 0.44).
    expect([39, 40, 43.9, 44].map((x) => status(x, { min: 40, atRisk: 0.1 }))).toEqual(['missed', 'at risk', 'at risk', 'met']);
    expect([0.39, 0.4, 0.43, 0.45].map((x) => status(x, { min: 0.4, atRisk: 0.1 }))).toEqual(['missed', 'at risk', 'at risk', 'met']);
    // Max target 3: at risk in (2.7, 3].
    expect([2.7, 2.8, 3, 3.1].map((x) => status(x, { max: 3, atRisk: 0.1 }))).toEqual(['met', 'at risk', 'at risk', 'missed']);
    expect(status(NaN, { min: 0, atRisk: 0.1 })).toBe('missed');
  });

  it('meets a max: 0 target at 0 (it could never be met before)', () => {
    expect(status(0, { max: 0, atRisk: 0.1 })).toBe('met');
    expect(status(1, { max: 0, atRisk: 0.1 })).toBe('missed');
    expect(status(0, { min: 0, atRisk: 0.1 })).toBe('met');
    expect(status(-0.05, { min: -0.2, atRisk: 0.1 })).toBe('met'); // E-I: at risk only in [-0.2, -0.18)
    expect(status(-0.19, { min: -0.2, atRisk: 0.1 })).toBe('at risk');
  });
});

// A small directed org, groups X = {x1, x2, x3}, Y = {y1, y2}, and u without a team.
// Arcs: x1 -> x2, x2 -> x3, x1 -> x3 (closed triad inside X), x1 -> y1, y1 -> y2, y2 -> y1,
//       y2 -> x2, u -> x1, x3 -> u.
const people = [
  ...['x1', 'x2', 'x3'].map((id) => ({ id, attributes: { team: 'X' } })),
  ...['y1', 'y2'].map((id) => ({ id, attributes: { team: 'Y' } })),
  { id: 'u', attributes: {} },
];
const arcs: [string, string, number][] = [
  ['x1', 'x2', 1],
  ['x2', 'x3', 1],
  ['x1', 'x3', 1],
  ['x1', 'y1', 5],
  ['y1', 'y2', 1],
  ['y2', 'y1', 1],
  ['y2', 'x2', 2],
  ['u', 'x1', 1],
  ['x3', 'u', 1],
];
const graph = OrgGraph.from({
  people,
  ties: arcs.map(([source, target, weight]) => ({ source, target, weight, relation: 'advice' })),
  relations: [{ name: 'advice', directed: true }],
});
const directed = project(graph, { directed: true });
const undirected = project(graph);

describe('scorecard: every metric against hand counts', () => {
  it('flow metrics on the directed view', () => {
    expect(
      actuals(directed, [
        { flow: { from: 'X', to: 'Y' }, metric: 'ties', min: 0 }, // x1 -> y1: 1
        { flow: { from: 'X', to: 'Y' }, metric: 'weight', min: 0 }, // 5
        { flow: { from: 'X', to: 'Y' }, metric: 'reciprocity', min: 0 }, // y1 -> x1 absent: 0 / 1
        { flow: { from: 'Y', to: 'Y' }, metric: 'reciprocity', min: 0 }, // y1 <-> y2: 2 / 2
        { flow: { from: 'X', to: 'Y' }, metric: 'reach', min: 0 }, // y1 of {y1, y2}: 1/2
        { flow: { from: 'Y', to: 'X' }, metric: 'reach', min: 0 }, // x2 of 3: 1/3
      ]),
    ).toEqual([1, 5, 0, 1, 0.5, 1 / 3]);
  });

  it("flow E-I counts both groups' internal ties (a bug that drops the target group's is caught)", () => {
    // X -> Y: E = arcs X -> Y (1) + Y -> X (1) = 2; I = inside X (3) + inside Y (2) = 5 -> (2 - 5) / 7.
    // Without Y's internal ties it would be (2 - 3) / 5 = -0.2.
    expect(actuals(directed, [{ flow: { from: 'X', to: 'Y' }, metric: 'eiIndex', min: -1 }])).toEqual([-3 / 7]);
    // Undirected: E = pairs x1-y1, x2-y2 = 2; I = 3 (X) + 1 (y1-y2) = 4 -> -2 / 6.
    expect(actuals(undirected, [{ flow: { from: 'X', to: 'Y' }, metric: 'eiIndex', min: -1 }])[0]).toBeCloseTo(-1 / 3, 12);
  });

  it('flow gatekeepers need an open triad (a bug without the rule is caught)', () => {
    // Y -> X: y2 -> x2 -> x3 with no y2 -> x3: x2 is a gatekeeper (1).
    // X -> X would count x2 via x1 -> x2 -> x3 only without the rule: x1 -> x3 closes it (0).
    // Y -> Y: y1 -> y2 -> y1 returns to the start (k = i): 0.
    expect(
      actuals(directed, [
        { flow: { from: 'Y', to: 'X' }, metric: 'gatekeepers', max: 9 },
        { flow: { from: 'X', to: 'X' }, metric: 'gatekeepers', max: 9 },
        { flow: { from: 'Y', to: 'Y' }, metric: 'gatekeepers', max: 9 },
      ]),
    ).toEqual([1, 0, 0]);
  });

  it('group metrics, E-I on sent and received ties, ties to people without a group left out', () => {
    // X: size 3; inside 3 arcs; with Y: sent x1 -> y1, received y2 -> x2 = 2 (u -> x1, x3 -> u do not count).
    // E-I = (2 - 3) / 5 = -0.2; on sent ties only it would be (1 - 3) / 4 = -0.5. Density 3 / (3 x 2) = 0.5.
    // Y: size 2; inside 2 arcs; external 2 -> E-I 0; density 2 / 2 = 1.
    expect(
      actuals(directed, [
        { group: 'X', metric: 'size', min: 0 },
        { group: 'X', metric: 'internalTies', min: 0 },
        { group: 'X', metric: 'externalTies', min: 0 },
        { group: 'X', metric: 'ties', min: 0 },
        { group: 'X', metric: 'eiIndex', min: -1 },
        { group: 'X', metric: 'density', min: 0 },
        { group: 'Y', metric: 'eiIndex', min: -1 },
        { group: 'Y', metric: 'density', min: 0 },
      ]),
    ).toEqual([3, 3, 2, 5, -0.2, 0.5, 0, 1]);
    // Undirected: X inside 3 pairs, external 2 pairs (x1-y1, x2-y2); Y inside 1 pair (y1-y2): density 1 / 1.
    expect(
      actuals(undirected, [
        { group: 'X', metric: 'internalTies', min: 0 },
        { group: 'X', metric: 'externalTies', min: 0 },
        { group: 'Y', metric: 'internalTies', min: 0 },
        { group: 'Y', metric: 'density', min: 0 },
      ]),
    ).toEqual([3, 2, 1, 1]);
  });

  it('group gatekeepers: people of the group with a Gould-Fernandez gatekeeper count > 0', () => {
    // Gatekeeper j: i -> j -> k, g(i) != g(j) = g(k), no i -> k. x2: y2 -> x2 -> x3, no y2 -> x3: yes.
    // x1: u -> x1 -> x2 / x3 (u has its own "missing" group): yes. y1: x1 -> y1 -> y2, no x1 -> y2: yes.
    // y2: from y1 only (same group): no. X: 2 (x1, x2); Y: 1.
    expect(
      actuals(directed, [
        { group: 'X', metric: 'gatekeepers', max: 9 },
        { group: 'Y', metric: 'gatekeepers', max: 9 },
      ]),
    ).toEqual([2, 1]);
  });

  it('stakeholders apart from staff', () => {
    // Same ties; y2 is an outside stakeholder of group Y.
    const g2 = OrgGraph.from({
      people: people.map((p) => ({ ...p, external: p.id === 'y2' })),
      ties: arcs.map(([source, target, weight]) => ({ source, target, weight })),
      relations: [{ name: 'tie', directed: true }],
    });
    const v = project(g2, { directed: true });
    expect(
      actuals(v, [
        { flow: { from: 'X', to: 'Y', toMembers: 'stakeholders' }, metric: 'ties', min: 0 }, // x1 -> y2: none
        { flow: { from: 'Y', to: 'X', fromMembers: 'stakeholders' }, metric: 'ties', min: 0 }, // y2 -> x2: 1
        { flow: { from: 'X', to: 'Y', toMembers: 'staff' }, metric: 'reach', min: 0 }, // y1 reached: 1/1
        { group: 'Y', members: 'staff', metric: 'size', min: 0 },
        { group: 'Y', members: 'stakeholders', metric: 'externalTies', min: 0 }, // y2 <-> y1 (staff of Y now "outside") 2 + y2 -> x2 1
      ]),
    ).toEqual([0, 1, 1, 1, 3]);
    const r = scorecard(
      v,
      objectives([
        { group: 'Y', members: 'stakeholders', metric: 'size', min: 1, owner: 'Head of Partnerships', initiative: 'quarterly forum' },
      ]),
      { minGroupSize: 1 },
    );
    expect(r.objectives[0]).toMatchObject({
      subject: 'Y (stakeholders)',
      label: 'Y (stakeholders): size >= 1',
      actual: 1,
      owner: 'Head of Partnerships',
      initiative: 'quarterly forum',
    });
  });

  it('follows influence against the arc when the relation declares target->source', () => {
    const g3 = OrgGraph.from({
      people,
      ties: arcs.map(([source, target, weight]) => ({ source, target, weight, relation: 'advice' })),
      relations: [{ name: 'advice', directed: true, influence: 'target->source' }],
    });
    const v = project(g3, { directed: true, influence: true });
    // Influence X -> Y = advice arcs Y -> X: y2 -> x2 (1); reach of X over Y = y2 only: 1/2.
    expect(
      actuals(v, [
        { flow: { from: 'X', to: 'Y' }, metric: 'ties', min: 0 },
        { flow: { from: 'X', to: 'Y' }, metric: 'reach', min: 0 },
      ]),
    ).toEqual([1, 0.5]);
    // Undirected views ignore it.
    expect(project(g3, { influence: true }).csr.targets).toEqual(undirected.csr.targets);
  });
});

describe('scorecard: the six krackhardt-hightech objectives against NetworkX counts', () => {
  // Fixture: python3 scripts/reference/scorecard.py (plain loops over NetworkX graphs).
  const ref = JSON.parse(readFileSync(join(ROOT, 'reference', 'scorecard', 'krackhardt-hightech.json'), 'utf8')) as {
    cases: { relation: string; reading: 'undirected' | 'directed' | 'influence'; actual: number[] }[];
  };
  it.each(ref.cases.map((c) => [c.relation, c.reading, c] as const))('%s, %s', async (relation, reading, c) => {
    const { graph } = await loadInput(join(ROOT, 'datasets', 'krackhardt-hightech'), {});
    // The influence reading: the relation declared target->source, as an `influence` column in relations.csv would.
    const g =
      reading === 'influence'
        ? OrgGraph.from({
            people: graph.people(),
            ties: tiesOf(graph),
            relations: graph.relations.map((r) => ({ ...r, influence: 'target->source' as const })),
          })
        : graph;
    const view = project(g, { relations: [relation], directed: reading !== 'undirected', influence: reading === 'influence' });
    const r = scorecard(view, await loadObjectives(join(ROOT, 'objectives', 'krackhardt-hightech.yaml')), { minGroupSize: 1 });
    expect(r.objectives).toHaveLength(6);
    r.objectives.forEach((o, x) => expect(o.actual).toBeCloseTo(c.actual[x], 12));
  });
});

function tiesOf(graph: OrgGraph) {
  const out: { source: string; target: string; weight: number; relation: string }[] = [];
  for (let e = 0; e < graph.tieCount; e++) {
    out.push({
      source: graph.personIds[graph.tieSources[e]],
      target: graph.personIds[graph.tieTargets[e]],
      weight: graph.tieWeights[e],
      relation: graph.relations[graph.tieRelations[e]].name,
    });
  }
  return out;
}
