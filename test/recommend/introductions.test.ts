import { describe, expect, it } from 'vitest';
import { OrgGraph } from '../../src/model/org-graph.js';
import { project } from '../../src/model/projection.js';
import { introductionScore, introductions } from '../../src/recommend/introductions.js';
import { loadDataset } from '../helpers/datasets.js';

// A = {a1, a2, a3} (a triangle), B = {b1, b2} (one tie), one bridge a2 - b1.
const g = OrgGraph.from({
  people: ['a1', 'a2', 'a3', 'b1', 'b2'].map((id) => ({ id, attributes: { dept: id[0].toUpperCase() } })),
  ties: [
    { source: 'a1', target: 'a2' },
    { source: 'a2', target: 'a3' },
    { source: 'a1', target: 'a3' },
    { source: 'b1', target: 'b2' },
    { source: 'a2', target: 'b1' },
  ],
  relations: [{ name: 'tie', directed: false }],
});
const view = project(g);

describe('introductionScore', () => {
  const base = { commonNeighbours: 2, resourceAllocation: 0.5, weightedResourceAllocation: 0.25, resourceAllocation3: 2, degreeA: 3, degreeB: 3, contactsInGroupB: 1, contactsInGroupA: 3, hops: 2 };
  it('combines proximity, group affinity and bridging with the default weights', () => {
    // proximity = 0 * 2 + 1 * 0.5 + 0 * 0.25 + 0.1 * 2 + 0.0001 = 0.7001
    // affinity = (1 + 1) / (3 + 1) * (3 + 1) / (3 + 1) = 0.5, to the power 0.25; hops 2: no bridging factor.
    expect(introductionScore(base)).toBeCloseTo(0.7001 * 0.5 ** 0.25, 12);
    // Three steps: x (1 + 0.5 * 1).
    expect(introductionScore({ ...base, hops: 3 })).toBeCloseTo(0.7001 * 0.5 ** 0.25 * 1.5, 12);
  });
  it('reads every weight', () => {
    const w = { commonNeighbours: 1, resourceAllocation: 0, weightedResourceAllocation: 2, threeStep: 0, baseline: 0, groupAffinity: 0, bridging: 0 };
    expect(introductionScore(base, w)).toBeCloseTo(2 + 2 * 0.25, 12);
    expect(introductionScore(base, { ...w, groupAffinity: 1 })).toBeCloseTo(2.5 * 0.5, 12);
  });
});

describe('introductions', () => {
  it('gives nothing for a single group', () => {
    const one = OrgGraph.from({ people: [{ id: 'x', attributes: { dept: 'A' } }], ties: [] });
    const r = introductions(project(one), { attribute: 'dept' });
    expect(r.introductions).toEqual([]);
  });

  it('ranks by the score and reports the reasons', () => {
    // Degrees: a1 2, a2 3, a3 2, b1 2, b2 1. Contacts across: a2 has 1 in B (b1), b1 has 1 in A (a2).
    // Candidates (A x B, not tied), default weights (lambda 0, alpha 1, epsilon 0.1, delta 1e-4, gamma 0.25, beta 0.5):
    //   a2-b2: mutual b1 (k = 2): RA 1/2, no three-step chain; affinity (2/4)(1/2) -> (0.5 + 1e-4) * 0.25^0.25
    //   a1-b1, a3-b1: mutual a2 (k = 3): RA 1/3, chain a1-a3-a2-b1: RA3 1/(2*3); affinity (1/3)(2/3)
    //   a1-b2, a3-b2: 3 steps via a2, b1: RA3 1/(3*2); affinity (1/3)(1/2); x 1.5
    // Caps 2 per person, 3 per introducer: a3-b2 is skipped because b2 already has 2.
    // One cross-group tie: too few to fit, so the fixed weights are used.
    const r = introductions(view, { attribute: 'dept', groupPairs: [['A', 'B']], perGap: 10 });
    expect(r.fitted).toBe(false);
    expect(r.introductions.map((x) => `${x.personA}-${x.personB}`)).toEqual(['a2-b2', 'a1-b1', 'a3-b1', 'a1-b2']);
    const two = (1 / 3 + 0.1 / 6 + 1e-4) * (2 / 9) ** 0.25;
    expect(r.introductions.map((x) => x.score)).toEqual(
      [(0.5 + 1e-4) * 0.25 ** 0.25, two, two, (0.1 / 6 + 1e-4) * (1 / 6) ** 0.25 * 1.5].map((x) => expect.closeTo(x, 12)),
    );
    expect(r.perPair).toEqual([{ groupA: 'A', groupB: 'B', candidates: 5, made: 4, skippedForLoad: 1 }]);
    const first = r.introductions[0].reasons;
    expect(first.mutualContacts).toEqual(['b1']);
    expect(first.introducer).toBe('b1');
    expect(first.pathBefore).toEqual(['a2', 'b1', 'b2']);
    expect(first.hopsBefore).toBe(2);
    expect(first.text).toContain('b1 can introduce them');
    const far = r.introductions[3].reasons;
    expect(far.mutualContactCount).toBe(0);
    expect(far.pathBefore).toEqual(['a1', 'a2', 'b1', 'b2']);
    expect(far.introducer).toBe('a2');
    // a1 already has a1-b1; b2 has a2-b2; a2 introduced a1-b1 and a3-b1.
    expect(far.load).toEqual({ personA: 2, personB: 2, introducer: 3 });
  });

  it('spreads introductions under a tighter introducer cap', () => {
    // With 1 introduction per introducer: a2-b2 (b1), a1-b1 (a2); a3-b1 needs a2 again; the three-step
    // pairs need a2 (a1's and a3's only route) -> skipped.
    const r = introductions(view, { attribute: 'dept', groupPairs: [['A', 'B']], perGap: 10, maxPerIntroducer: 1 });
    expect(r.introductions.map((x) => `${x.personA}-${x.personB}`)).toEqual(['a2-b2', 'a1-b1']);
    expect(r.perPair[0].skippedForLoad).toBe(3);
  });

  it('draws the largest gaps by default and names unknown groups', async () => {
    const lazega = project(await loadDataset('lazega-lawfirm'));
    const r = introductions(lazega, { attribute: 'office', gaps: 2, perGap: 3 });
    expect(r.perPair.length).toBeGreaterThan(0);
    const counts = new Map<string, number>();
    for (const x of r.introductions) {
      expect(x.groupA).not.toBe(x.groupB);
      for (const p of [x.personA, x.personB]) counts.set(p, (counts.get(p) ?? 0) + 1);
      expect(x.reasons.pathBefore[0]).toBe(x.personA);
      expect(x.reasons.pathBefore.at(-1)).toBe(x.personB);
    }
    for (const c of counts.values()) expect(c).toBeLessThanOrEqual(2);
    expect(() => introductions(lazega, { attribute: 'office', groupPairs: [['Boston', 'Paris']] })).toThrow(/no group "Paris"/);
  });
});
