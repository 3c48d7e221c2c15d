/**
 * Minimum group size in every group-level API (docs/privacy.md): orgs with one group and with
 * several groups under k = 5, checked on every output of groupPartition (and the silo measures on
 * it), groupLabels, groupGaps, scorecard, compare and timeline. A withheld group's name never
 * appears, every size shown is at least k, and people / ties minus the shown figures give only the
 * merged bucket (at least k people) or the people without a value in the input.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MIN_GROUP_SIZE, OTHER_GROUP, smallGroupMerge } from '../../src/core/groups/min-group-size.js';
import { eiIndex } from '../../src/metrics/silos/ei-index.js';
import { groupDensity } from '../../src/metrics/silos/density.js';
import { groupPartition } from '../../src/metrics/silos/groups.js';
import { mixing, mixingCells } from '../../src/metrics/silos/mixing.js';
import { OrgGraph } from '../../src/model/org-graph.js';
import { project } from '../../src/model/projection.js';
import { compare } from '../../src/recommend/compare.js';
import { groupGaps } from '../../src/recommend/group-gaps.js';
import { groupLabels } from '../../src/recommend/groups.js';
import { parseObjectives } from '../../src/recommend/objectives.js';
import { scorecard } from '../../src/recommend/scorecard.js';
import { splitByPeriod, timeline } from '../../src/recommend/timeline.js';
import { privateGraph } from '../../src/report/privacy.js';

const K = 5;
const JAN = Date.UTC(2026, 0, 10);
const FEB = Date.UTC(2026, 1, 10);

interface Org {
  graph: OrgGraph;
  /** Members per input group. */
  groups: Record<string, string[]>;
  /** Groups that must not be shown (under k, or merged to protect one under k). */
  hidden: string[];
  /** People without a value. */
  none: string[];
  ties: [string, string][];
}

/** A ring inside each group, member i of each group tied to member i of the next, plus `extra` ties. */
function org(sizes: Record<string, number>, none: number, extra: [string, string][], hidden: string[]): Org {
  const groups: Record<string, string[]> = {};
  const people: { id: string; attributes: Record<string, string> }[] = [];
  for (const [name, size] of Object.entries(sizes)) {
    groups[name] = Array.from({ length: size }, (_, i) => `${name.toLowerCase()}${i + 1}`);
    for (const id of groups[name]) people.push({ id, attributes: { dept: name } });
  }
  const noneIds = Array.from({ length: none }, (_, i) => `x${i + 1}`);
  for (const id of noneIds) people.push({ id, attributes: { dept: '' } });
  const ties: [string, string][] = [];
  const names = Object.keys(groups);
  names.forEach((name, g) => {
    const m = groups[name];
    if (m.length > 1) for (let i = 0; i < m.length - (m.length === 2 ? 1 : 0); i++) ties.push([m[i], m[(i + 1) % m.length]]);
    const next = groups[names[(g + 1) % names.length]];
    if (next !== m) for (let i = 0; i < Math.min(m.length, next.length); i++) ties.push([m[i], next[i]]);
  });
  for (const x of noneIds) ties.push([x, groups[names[0]][0]]);
  ties.push(...extra);
  // Ties alternate between January and February, for the timeline.
  const graph = OrgGraph.from({
    people,
    ties: ties.map(([source, target], e) => ({ source, target, time: e % 2 ? FEB : JAN })),
  });
  return { graph, groups, hidden, none: noneIds, ties };
}

// One group under k: Legal (3); Eng (6, the smallest other) joins it so that "Other" reaches 9.
const ONE = org({ Sales: 7, Eng: 6, Legal: 3 }, 0, [['legal1', 'sales5']], ['Eng', 'Legal']);
// Several under k: Legal (2) and HR (1) are 3 together; Eng (6) joins; one person without a value.
const SEVERAL = org({ Sales: 8, Eng: 6, Legal: 2, HR: 1 }, 1, [['hr1', 'legal2']], ['Eng', 'Legal', 'HR']);

/** Ties with both ends in `a` and `b` (a === b: inside), counted on the input list (pairs once). */
function tiesBetween(o: Org, a: string[], b: string[]): number {
  const inA = new Set(a);
  const inB = new Set(b);
  const seen = new Set<string>();
  let n = 0;
  for (const [s, t] of o.ties) {
    const key = s < t ? `${s}|${t}` : `${t}|${s}`;
    if (seen.has(key) || s === t) continue;
    seen.add(key);
    if ((inA.has(s) && inB.has(t)) || (inA.has(t) && inB.has(s))) n++;
  }
  return n;
}

const mergedMembers = (o: Org) => o.hidden.flatMap((g) => o.groups[g]);
const shown = (o: Org) => Object.keys(o.groups).filter((g) => !o.hidden.includes(g));

/** Every output: no hidden group name, and every size-like count (people in a group) 0 or >= k. */
function expectNothingHidden(o: Org, output: unknown): void {
  const text = JSON.stringify(output, (_, v: unknown) =>
    v instanceof Map ? [...v] : ArrayBuffer.isView(v) ? Array.from(v as Int32Array) : v,
  );
  for (const g of o.hidden) expect(text).not.toMatch(new RegExp(`"${g}"`));
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x !== null && typeof x === 'object') {
      for (const [key, v] of Object.entries(x)) {
        if (/^(size|sizeA|sizeB|sizeBefore|sizeAfter|staff)$/.test(key) && typeof v === 'number' && v > 0)
          expect(v).toBeGreaterThanOrEqual(K);
        walk(v);
      }
    }
  };
  walk(JSON.parse(text));
}

describe.each([
  ['one group under k', ONE],
  ['several groups under k', SEVERAL],
])('minimum group size by default: %s', (_, o) => {
  const view = project(o.graph);
  const other = mergedMembers(o);

  it('the shared rule: the documented example (6, 7, 3 with k = 5) and the default', () => {
    expect(DEFAULT_MIN_GROUP_SIZE).toBe(5);
    expect(Array.from(smallGroupMerge([6, 7, 3], 5).merged)).toEqual([1, 0, 1]);
    expect(smallGroupMerge([2, 1], 5).note.allGroupsWithheld).toBe(true);
  });

  it('groupPartition and the silo measures: only groups of at least k, people = shown + no value', () => {
    const p = groupPartition(view, 'dept');
    expect([...p.names]).toEqual([OTHER_GROUP, ...shown(o)]);
    expect(p.sizes[0]).toBe(other.length);
    expect(p.missing).toBe(o.none.length);
    expect(view.personIds.length - Array.from(p.sizes).reduce((a, b) => a + b, 0)).toBe(o.none.length);
    expect(p.privacy).toEqual({ minGroupSize: K, groupsMerged: o.hidden.length - 1, groupsMergedToProtect: 1, allGroupsWithheld: false });
    const ei = eiIndex(view, p, { permutations: 0 });
    // Ties inside "Other" = ties inside the union of the merged groups (counted on the input list).
    expect(ei.groups[0].internal).toBe(tiesBetween(o, other, other));
    const sales = o.groups.Sales;
    expect(ei.groups[0].external).toBe(tiesBetween(o, other, sales));
    const everyone = view.personIds.slice();
    expect(ei.network.internal + ei.network.external + tiesBetween(o, o.none, [...sales, ...other])).toBe(
      tiesBetween(o, everyone, everyone),
    );
    const cells = mixingCells(mixing(view, p));
    expectNothingHidden(o, { p, ei: ei.groups, network: ei.network, density: groupDensity(view, p), cells });
  });

  it('groupLabels and groupGaps: every pair is between shown groups; sizes and tie totals cover >= k', () => {
    const labels = groupLabels(view, 'dept');
    expect([...labels.names]).toEqual([OTHER_GROUP, ...shown(o)]);
    const g = groupGaps(view, { attribute: 'dept', nullModel: 'configuration' });
    expect(g.groups.map((r) => [r.name, r.staff])).toEqual([
      [OTHER_GROUP, other.length],
      ['Sales', o.groups.Sales.length],
    ]);
    const inside = g.staff.pairs.find((p) => p.groupA === OTHER_GROUP && p.groupB === OTHER_GROUP)!;
    expect(inside.observedTies).toBe(tiesBetween(o, other, other));
    expect(g.privacy.groupsMerged).toBe(o.hidden.length - 1);
    expectNothingHidden(o, { labels, g });
  });

  it('scorecard: flows between shown groups only; an objective naming a merged group is refused', () => {
    const objectives = parseObjectives(
      JSON.stringify({ attribute: 'dept', objectives: [{ flow: { from: 'Sales', to: OTHER_GROUP }, metric: 'ties', min: 1 }] }),
    );
    const r = scorecard(view, objectives);
    expect(r.objectives[0].actual).toBe(tiesBetween(o, o.groups.Sales, other));
    expectNothingHidden(o, r);
    const legal = parseObjectives(JSON.stringify({ attribute: 'dept', objectives: [{ group: 'Legal', metric: 'ties', min: 1 }] }));
    expect(() => scorecard(view, legal)).toThrow(expect.objectContaining({ code: 'E_UNKNOWN_GROUP' }));
  });

  it('compare and timeline: group rows and churn pairs only between shown groups', () => {
    const [jan, feb] = splitByPeriod(o.graph, { period: 'month' });
    const r = compare(project(jan.graph), project(feb.graph), { attribute: 'dept', permutations: 0 });
    expect(r.groups.map((x) => x.group).sort()).toEqual([OTHER_GROUP, ...shown(o)].sort());
    expectNothingHidden(o, { groups: r.groups, tieChanges: r.tieChanges, privacy: r.privacy, changed: r.turnover.changedGroup });
    const t = timeline([jan, feb], { attribute: 'dept', gaps: 0 });
    expectNothingHidden(o, { churn: t.churn.map((c) => c.byGroups), periods: t.periods });
    for (const c of t.churn[0].byGroups) expect([OTHER_GROUP, ...shown(o)]).toEqual(expect.arrayContaining([c.groupA, c.groupB]));
  });

  it('opts out only when asked: minGroupSize 1 shows every group with its true size', () => {
    const p = groupPartition(view, 'dept', { minGroupSize: 1 });
    for (const g of o.hidden) expect(p.sizes[p.names.indexOf(g)]).toBe(o.groups[g].length);
    const gaps = groupGaps(view, { attribute: 'dept', nullModel: 'configuration', minGroupSize: 1 });
    expect(gaps.groups.map((x) => x.name)).toEqual(expect.arrayContaining(o.hidden));
    expect(() => groupPartition(view, 'dept', { minGroupSize: 0 })).toThrow(expect.objectContaining({ code: 'E_BAD_OPTION' }));
  });

  it("follows privateGraph's explicit choice on the graph it returns (analysis with minGroupSize 1 or 3)", () => {
    const safe = privateGraph(o.graph, { group: 'dept', minGroupSize: 1 }).graph;
    expect(groupLabels(project(safe), 'dept').names).toEqual(expect.arrayContaining(o.hidden));
    // The caller's own graph is never marked: the default still applies to it.
    expect(groupLabels(project(o.graph), 'dept').names).not.toEqual(expect.arrayContaining(['Legal']));
  });
});

describe('all groups under k together', () => {
  it('withholds every group: no one is in a group, no group figure', () => {
    const tiny = org({ A: 2, B: 2 }, 0, [], ['A', 'B']);
    const view = project(tiny.graph);
    const p = groupPartition(view, 'dept');
    expect(p.names).toEqual([]);
    expect(p.missing).toBe(4);
    expect(p.privacy?.allGroupsWithheld).toBe(true);
    const g = groupGaps(view, { attribute: 'dept', nullModel: 'configuration' });
    expect(g.groups).toEqual([]);
    expect(g.staff.pairs).toEqual([]);
  });
});
