/**
 * groupSweep and GroupRows (src/recommend/introduction-adjacency.ts): the sweep the introductions
 * and the score fit run instead of `localPathSweep` with a callback. The reference is
 * `localPathSweep` (core/paths/local-paths.ts) with the same filter as a callback: the nodes reached,
 * their first-reach order and CN, RA, RAw, RA3 must be equal bit for bit, so that the fitted weights
 * and the introductions do not move. GroupRows is checked by hand on a small graph.
 */
import { describe, expect, it } from 'vitest';
import { clearLocalPaths, localPathScratch, localPathSweep } from '../../src/core/paths/local-paths.js';
import { strengths } from '../../src/core/structure/link-scores.js';
import { mulberry32 } from '../../src/core/util/random.js';
import { OrgGraphBuilder } from '../../src/model/org-graph.js';
import { project } from '../../src/model/projection.js';
import { GroupRows, groupSweep, introductionAdjacency } from '../../src/recommend/introduction-adjacency.js';
import { CandidateOrder } from '../../src/recommend/introductions.js';
import { datasetView } from '../helpers/datasets.js';

const FIELDS = ['common', 'resourceAllocation', 'resourceAllocationWeighted', 'resourceAllocation3'] as const;

/** What a sweep leaves in its scratch: the reached nodes in order and their four scores. */
function snapshot(scratch: ReturnType<typeof localPathScratch>): number[][] {
  const out: number[][] = [];
  for (let t = 0; t < scratch.reached; t++) {
    const j = scratch.touched[t];
    out.push([j, ...FIELDS.map((f) => scratch[f][j])]);
  }
  return out;
}

describe('groupSweep', () => {
  it('equals localPathSweep with the same filter as a callback (email-eu-core, 4 random groups, some unlabelled)', async () => {
    const view = await datasetView('email-eu-core');
    const adj = introductionAdjacency(view);
    const str = strengths(adj);
    const random = mulberry32(11);
    const label = Int32Array.from({ length: adj.n }, () => (random() < 0.1 ? -1 : Math.floor(random() * 4)));
    const ref = localPathScratch(adj.n);
    const got = localPathScratch(adj.n);
    const rows = new GroupRows(adj.n);
    let compared = 0;
    for (const group of [0, 2]) {
      const members: number[] = [];
      for (let i = 0; i < adj.n; i++) if (label[i] === group) members.push(i);
      rows.build(adj, label, group, members);
      for (let s = 0; s < adj.n; s += 7) {
        for (const threeSteps of [true, false]) {
          // Same group (the introductions: rows of the group, and without rows).
          localPathSweep(adj, str, s, (j) => label[j] === group, ref, threeSteps);
          for (const r of [rows, null]) {
            got.reached = groupSweep(adj, str, s, { label, group, same: true, from: 0 }, threeSteps, r, got);
            expect(snapshot(got)).toEqual(snapshot(ref));
            clearLocalPaths(got);
          }
          clearLocalPaths(ref);
          // Any other group from s + 1 on (the score fit's full mode).
          const from = s + 1;
          localPathSweep(adj, str, s, (j) => j >= from && label[j] >= 0 && label[j] !== group, ref, threeSteps);
          got.reached = groupSweep(adj, str, s, { label, group, same: false, from }, threeSteps, null, got);
          expect(snapshot(got)).toEqual(snapshot(ref));
          compared += ref.reached;
          clearLocalPaths(ref);
          clearLocalPaths(got);
        }
      }
    }
    // The comparison is not vacuous: many pairs were reached.
    expect(compared).toBeGreaterThan(10000);
  });
});

describe('GroupRows', () => {
  it('lists each node’s arcs into the group, ascending, and empties them for the next group (hand-built graph)', () => {
    // a - b, a - c, a - d, b - c, c - e, d - e; groups: b, c in 1; d, e in 2; a unlabelled.
    const builder = new OrgGraphBuilder();
    const at = new Map<string, number>();
    for (const id of ['a', 'b', 'c', 'd', 'e']) at.set(id, builder.addPerson(id));
    for (const [u, v] of [
      ['a', 'b'],
      ['a', 'c'],
      ['a', 'd'],
      ['b', 'c'],
      ['c', 'e'],
      ['d', 'e'],
    ])
      builder.addTie(at.get(u)!, at.get(v)!, 1, 'email');
    const view = project(builder.build());
    const adj = introductionAdjacency(view);
    const ix = (id: string) => view.personIds.indexOf(id);
    const label = new Int32Array(adj.n);
    for (const id of ['a', 'b', 'c', 'd', 'e']) label[ix(id)] = id === 'a' ? -1 : id === 'b' || id === 'c' ? 1 : 2;
    const rows = new GroupRows(adj.n);
    const listOf = (id: string) => {
      const y = ix(id);
      const out: string[] = [];
      for (let r = rows.start[y]; r < rows.start[y] + rows.count[y]; r++) out.push(view.personIds[adj.targets[rows.arcs[r]]]);
      return out;
    };
    const members = (g: number) => [0, 1, 2, 3, 4].filter((i) => label[i] === g);
    rows.build(adj, label, 1, members(1));
    const sorted = (ids: string[]) => ids.sort((u, v) => ix(u) - ix(v));
    expect(listOf('a')).toEqual(sorted(['b', 'c']));
    expect(listOf('b')).toEqual(['c']);
    expect(listOf('c')).toEqual(['b']);
    expect(listOf('d')).toEqual([]);
    expect(listOf('e')).toEqual(['c']);
    rows.build(adj, label, 2, members(2));
    expect(listOf('a')).toEqual(['d']);
    expect(listOf('b')).toEqual([]);
    expect(listOf('c')).toEqual(['e']);
    expect(listOf('d')).toEqual(['e']);
    expect(listOf('e')).toEqual(['d']);
  });
});

describe('CandidateOrder', () => {
  it('draws candidates in the order of a full sort (score desc, a asc, b asc), past the k best too', () => {
    const random = mulberry32(5);
    for (let trial = 0; trial < 60; trial++) {
      const c = Math.floor(random() * 300);
      // Coarse scores and few people, so that equal scores and equal a are common.
      const score = Float64Array.from({ length: c }, () => Math.floor(random() * 8) / 4);
      const a = Int32Array.from({ length: c }, () => Math.floor(random() * 6));
      const b = Int32Array.from({ length: c }, (_, t) => t);
      const want = Array.from({ length: c }, (_, t) => t).sort((x, y) => score[y] - score[x] || a[x] - a[y] || b[x] - b[y]);
      for (const k of [0, 1, 5, 64, 1000]) {
        const order = new CandidateOrder(score, a, b, k);
        const got: number[] = [];
        for (let t = order.pop(); t >= 0; t = order.pop()) got.push(t);
        expect(got, `trial ${trial} c ${c} k ${k}`).toEqual(want);
      }
    }
  });
});
