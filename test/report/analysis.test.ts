/**
 * The report's analysis on hand-checkable graphs: degenerate inputs first, then two 5-cliques
 * joined by one bridge (a4 - b0), with groups A and B.
 */
import { describe, expect, it } from 'vitest';
import { OrgGraph } from '../../src/model/org-graph.js';
import { analysis } from '../../src/report/analysis.js';

function barbell(): OrgGraph {
  const people = [
    ...[0, 1, 2, 3, 4].map((i) => ({ id: `a${i}`, attributes: { dept: 'A' } })),
    ...[0, 1, 2, 3, 4].map((i) => ({ id: `b${i}`, attributes: { dept: 'B' } })),
  ];
  const ties: { source: string; target: string }[] = [];
  for (const g of ['a', 'b'])
    for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) ties.push({ source: `${g}${i}`, target: `${g}${j}` });
  ties.push({ source: 'a4', target: 'b0' });
  return OrgGraph.from({ people, ties });
}

describe('analysis: degenerate inputs', () => {
  it('an empty graph is E_EMPTY_GRAPH', async () => {
    await expect(analysis(OrgGraph.from({ people: [], ties: [] }), { group: null })).rejects.toMatchObject({ code: 'E_EMPTY_GRAPH' });
  });
  it('one person: figures of an isolate, no groups, one map node and no ties', async () => {
    const r = await analysis(OrgGraph.from({ people: [{ id: 'solo' }], ties: [] }), { group: null, minGroupSize: 1 });
    expect(r.overview).toMatchObject({ people: 1, ties: 0, groups: 0, components: 1 });
    expect(r.people![0]).toMatchObject({ id: 'solo', degree: 0, betweenness: 0, articulation: false, group: null });
    expect(r.brokers).toEqual([]);
    expect(r.map).toMatchObject({ shown: 1, tiesShown: 0, sampleNote: null });
    expect(r.gaps).toEqual([]);
  });
});

describe('analysis: two cliques joined by a bridge', () => {
  it("a broker's reason names the groups they connect: their own and their contacts' other groups", async () => {
    const r = await analysis(barbell(), { group: 'dept', minGroupSize: 5 });
    // a4's contacts: a0..a3 (A) and b0 (B); b0's: b1..b4 (B) and a4 (A).
    const [a4, b0] = r.brokers;
    expect(a4.reason.groups).toEqual(['A', 'B']);
    expect(a4.reason.text).toContain('; connects A with B');
    expect(b0.reason.groups).toEqual(['B', 'A']);
    expect(b0.reason.text).toContain('; connects B with A');
    // Without groups, no group is named.
    const plain = await analysis(barbell(), { group: null });
    expect(plain.brokers[0].reason.groups).toEqual([]);
    expect(plain.brokers[0].reason.text).not.toContain('connects');
  });
  it('the bridge ends are the top brokers and the only cut points', async () => {
    const r = await analysis(barbell(), { group: 'dept', minGroupSize: 5 });
    // a4 lies on the shortest paths from a0..a3 to b0..b4: 4 x 5 = 20 pairs; b0 likewise. Normalised
    // (undirected): 20 x 2 / ((n-1)(n-2)) = 40 / 72.
    expect(r.brokers!.map((b) => b.id)).toEqual(['a4', 'b0']);
    expect(r.brokers![0].value).toBeCloseTo(40 / 72, 12);
    expect(r.betweennessMethod.method).toBe('exact');
    expect(r.risks.articulationPoints).toBe(2);
    expect(r.risks.cutPeople!.map((c) => c.id).sort()).toEqual(['a4', 'b0']);
    expect(r.overview).toMatchObject({ people: 10, ties: 21, groups: 2, components: 1 });
  });

  it('each group: 10 ties inside, 1 across, E-I = (1 - 10) / 11; the pair A-B has 1 tie', async () => {
    const r = await analysis(barbell(), { group: 'dept', minGroupSize: 5 });
    for (const g of r.groups) expect(g).toMatchObject({ size: 5, internalTies: 10, externalTies: 1 });
    expect(r.groups[0].ei).toBeCloseTo(-9 / 11, 12);
    expect(r.heatmap.groups).toEqual(['A', 'B']);
    expect(r.heatmap.cells[0][1]!.observed).toBe(1);
    expect(r.heatmap.cells[1][0]!.observed).toBe(1);
    expect(r.heatmap.cells[0][0]!.observed).toBe(10);
    // Far fewer ties across than degree-preserving rewiring gives; the only pair tested, so q = p:
    // the pair is a declared gap.
    expect(r.gaps.map((g) => [g.groupA, g.groupB])).toEqual([['A', 'B']]);
  });

  it('communities are the two cliques; groups-only leaves every person-level result out', async () => {
    const r = await analysis(barbell(), { group: 'dept', minGroupSize: 5, groupsOnly: true });
    expect(r.communities.shown.map((c) => c.size)).toEqual([5, 5]);
    expect(r.people).toEqual([]);
    expect(r.brokers).toEqual([]);
    expect(r.introductions).toEqual([]);
    expect(r.risks.cutPeople).toEqual([]);
    expect(r.privacy.suppressed).toContainEqual({ result: 'people', reason: 'groupsOnly' });
    expect(r.map).toMatchObject({ kind: 'groups', shown: 2, tiesShown: 1 });
    expect(r.map.nodes.map((n) => n.k)).toEqual(['A', 'B']);
  });

  it('communities under the minimum size are merged or withheld', async () => {
    // k = 6: both communities (5 each) are under 6; together 10 >= 6, so one merged community.
    const r = await analysis(barbell(), { group: null, minGroupSize: 6 });
    expect(r.communities.shown).toEqual([{ name: 'Other (small communities)', size: 10 }]);
    expect(r.communities.merged).toBe(2);
  });

  it('above the map limit the most between people are drawn, and the report says so', async () => {
    const r = await analysis(barbell(), { group: 'dept', mapLimit: 4 });
    // Betweenness: a4 = b0 = 40/72, others 0; ties broken by degree (5 vs 4), then input order.
    expect(r.map.nodes.map((n) => n.k)).toEqual(['a4', 'b0', 'a0', 'a1']);
    expect(r.map.total).toBe(10);
    // Ties among the four: a4-b0, a4-a0, a4-a1, a0-a1.
    expect(r.map.tiesShown).toBe(4);
    expect(r.map.sampleNote).toMatch(/4 people with the highest betweenness out of 10/);
    expect(r.people).toHaveLength(10);
  });

  it('approximate betweenness above the exact limit is labelled as such', async () => {
    const r = await analysis(barbell(), { group: 'dept', exactBetweennessLimit: 5, approxEpsilon: 0.1, workers: 1 });
    expect(r.betweennessMethod.method).toBe('approximate');
    expect(r.betweennessMethod.samples).toBeGreaterThan(0);
    // Within the bound (eps 0.1, delta 0.1) of the exact 40/72 for the bridge ends.
    expect(Math.abs(r.brokers![0].value - 40 / 72)).toBeLessThan(0.1);
  });
});

describe('analysis: an app can stop it and show its lists', () => {
  it('an aborted signal stops it with E_ABORTED, before or between stages', async () => {
    const pre = new AbortController();
    pre.abort();
    await expect(analysis(barbell(), { group: 'dept', signal: pre.signal })).rejects.toMatchObject({ code: 'E_ABORTED' });
    const mid = new AbortController();
    const seen: string[] = [];
    const run = analysis(barbell(), {
      group: 'dept',
      signal: mid.signal,
      onProgress: (stage) => {
        seen.push(stage);
        if (stage === 'silos') mid.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'E_ABORTED' });
    // Nothing after the stage that aborted was reported.
    expect(seen).not.toContain('communities');
  });
  it('without groups, the group-level person lists are empty arrays and the reason is given', async () => {
    const r = await analysis(barbell(), { group: null });
    expect(r.gatekeepers).toEqual([]);
    expect(r.introductions).toEqual([]);
    expect(r.privacy.suppressed).toContainEqual({ result: 'introductions', reason: 'noGroups' });
  });
});

describe('analysis: the privacy bucket is never treated as a group', () => {
  it('no sole link, gap or silo rank names "Other (small groups)"', async () => {
    // A and B: 5-cliques; C (2) and D (3) are under 5 and merge into Other (5 people, a path).
    // a0 - b0 is the only A-B tie; c0 - a1 the only tie between Other and A.
    const people = [
      ...[0, 1, 2, 3, 4].map((i) => ({ id: `a${i}`, attributes: { dept: 'A' } })),
      ...[0, 1, 2, 3, 4].map((i) => ({ id: `b${i}`, attributes: { dept: 'B' } })),
      ...[0, 1].map((i) => ({ id: `c${i}`, attributes: { dept: 'C' } })),
      ...[0, 1, 2].map((i) => ({ id: `d${i}`, attributes: { dept: 'D' } })),
    ];
    const ties: { source: string; target: string }[] = [];
    for (const g of ['a', 'b'])
      for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) ties.push({ source: `${g}${i}`, target: `${g}${j}` });
    ties.push(
      { source: 'a0', target: 'b0' },
      { source: 'c0', target: 'a1' },
      { source: 'c0', target: 'c1' },
      { source: 'c1', target: 'd0' },
      { source: 'd0', target: 'd1' },
      { source: 'd1', target: 'd2' },
    );
    const r = await analysis(OrgGraph.from({ people, ties }), { group: 'dept', workers: 1 });
    expect(r.groups.map((g) => g.group)).toContain('Other (small groups)');
    expect(r.groups[r.groups.length - 1].group).toBe('Other (small groups)');
    // Sole links: a0 (A to B) and b0 (B to A) only; neither c0 (from the bucket) nor a1 (to it).
    expect(r.risks.soleLinks.map((x) => x.id).sort()).toEqual(['a0', 'b0']);
    for (const x of r.risks.soleLinks) expect(x.detail).not.toContain('Other');
    for (const g of r.gaps) expect([g.groupA, g.groupB]).not.toContain('Other (small groups)');
    for (const x of r.introductions) expect([x.groupA, x.groupB]).not.toContain('Other (small groups)');
  });
});
