import { describe, expect, it } from 'vitest';
import { OrgGraph } from '../../src/model/org-graph.js';
import { project } from '../../src/model/projection.js';
import { groupGaps } from '../../src/recommend/group-gaps.js';
import { groupLabels } from '../../src/recommend/groups.js';
import { introductionPlausibility, introductionScore, introductions, introductionValue } from '../../src/recommend/introductions.js';
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

describe('introduction score: value and plausibility', () => {
  const base = {
    commonNeighbours: 2,
    resourceAllocation: 0.5,
    weightedResourceAllocation: 0.25,
    resourceAllocation3: 2,
    degreeA: 3,
    degreeB: 3,
    contactsInGroupB: 1,
    contactsInGroupA: 3,
    hops: 2,
  };
  it('plausibility combines the link-prediction terms with the default weights', () => {
    // Default (scripts/eval/tune.ts): lambda 1, alpha 0, omega 1, epsilon 0, delta 1e-4:
    // 1 * 2 + 0 * 0.5 + 1 * 0.25 + 0 * 2 + 0.0001 = 2.2501
    expect(introductionPlausibility(base)).toBeCloseTo(2.2501, 12);
    const w = { commonNeighbours: 1, resourceAllocation: 0, weightedResourceAllocation: 2, threeStep: 0, baseline: 0 };
    expect(introductionPlausibility(base, w)).toBeCloseTo(2 + 2 * 0.25, 12);
  });
  it('value = steps saved x novelty; existing bridges lower it (the old affinity rewarded them)', () => {
    // hops 2 saves 1 step; novelty 1 / sqrt((1 + 1)(1 + 3)) = 1 / sqrt(8).
    expect(introductionValue(base)).toEqual({
      stepsSaved: 1,
      novelty: expect.closeTo(1 / Math.sqrt(8), 12),
      value: expect.closeTo(1 / Math.sqrt(8), 12),
    });
    // Three steps, neither with a contact in the other group: saves 2 steps, novelty 1.
    expect(introductionValue({ ...base, hops: 3, contactsInGroupA: 0, contactsInGroupB: 0 })).toEqual({
      stepsSaved: 2,
      novelty: 1,
      value: 2,
    });
    // More contacts already in the other group never raise the value.
    expect(introductionValue({ ...base, contactsInGroupB: 5 }).value).toBeLessThan(introductionValue(base).value);
    expect(introductionScore(base)).toBeCloseTo(2.2501 / Math.sqrt(8), 12);
  });
});

describe('introductions', () => {
  it('gives nothing for a single group', () => {
    const one = OrgGraph.from({ people: [{ id: 'x', attributes: { dept: 'A' } }], ties: [] });
    const r = introductions(project(one), { attribute: 'dept', minGroupSize: 1 });
    expect(r.introductions).toEqual([]);
  });

  it('ranks by value x plausibility and reports both parts and the reasons', () => {
    // Degrees: a1 2, a2 3, a3 2, b1 2, b2 1. Contacts across: a2 has 1 in B (b1), b1 has 1 in A (a2).
    // Candidates (A x B, not tied), default plausibility CN + RAw + 1e-4 (every tie has strength 1,
    // so RAw = sum over mutual contacts w of (1 + 1) / (2 k_w) = RA):
    //   a2-b2: mutual b1 (k = 2): CN 1, RAw 1/2 -> plausibility 1.5001;
    //          value 1 step x 1/sqrt((1 + 1)(1 + 0)) = 1/sqrt(2)
    //   a1-b1, a3-b1: mutual a2 (k = 3): CN 1, RAw 1/3 -> 4/3 + 1e-4; value 1/sqrt((1 + 0)(1 + 1)) = 1/sqrt(2)
    //   a1-b2, a3-b2: 3 steps via a2, b1, no mutual contact -> 1e-4; value 2 steps x 1 = 2
    // Caps 2 per person, 3 per introducer: a3-b2 is skipped because b2 already has 2.
    // One cross-group tie: too few to fit, so the fixed weights are used.
    const r = introductions(view, { attribute: 'dept', groupPairs: [['A', 'B']], perGap: 10, minGroupSize: 1 });
    expect(r.fitted).toBe(false);
    expect(r.pairsFrom).toBe('named');
    expect(r.note).toBeNull();
    expect(r.introductions.map((x) => `${x.personA}-${x.personB}`)).toEqual(['a2-b2', 'a1-b1', 'a3-b1', 'a1-b2']);
    const two = 4 / 3 + 1e-4;
    expect(r.introductions.map((x) => x.plausibility)).toEqual([1.5001, two, two, 1e-4].map((x) => expect.closeTo(x, 12)));
    expect(r.introductions.map((x) => x.value.value)).toEqual(
      [Math.SQRT1_2, Math.SQRT1_2, Math.SQRT1_2, 2].map((x) => expect.closeTo(x, 12)),
    );
    expect(r.introductions.map((x) => x.score)).toEqual(
      [1.5001 * Math.SQRT1_2, two * Math.SQRT1_2, two * Math.SQRT1_2, 1e-4 * 2].map((x) => expect.closeTo(x, 12)),
    );
    expect(r.perPair).toEqual([{ groupA: 'A', groupB: 'B', candidates: 5, threeStepOutranked: false, made: 4, skippedForLoad: 1 }]);
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
    // As a or b: a1, a3, b1 and b2 are in 2 introductions each. a2 brokers 3 (a1-b1, a3-b1, a1-b2) and
    // is in a2-b2 itself: 4 in all; b1 is in 2 and brokers a2-b2: 3.
    expect(r.maxLoad).toEqual({ person: 2, introducer: 3, any: 4 });
  });

  it('leaves the three-step pairs unswept when the list is full above what any of them can score', () => {
    // Default weights (threeStep 0, baseline 1e-4): a pair with no mutual contact scores at most
    // 2 x 1e-4; the three two-step candidates score 1.5001 / sqrt(2) and (4/3 + 1e-4) / sqrt(2), so
    // a list of 3 is full before any of them could come: the same list, from 3 candidates, not 5.
    const r = introductions(view, { attribute: 'dept', groupPairs: [['A', 'B']], perGap: 3, minGroupSize: 1 });
    expect(r.introductions.map((x) => `${x.personA}-${x.personB}`)).toEqual(['a2-b2', 'a1-b1', 'a3-b1']);
    expect(r.perPair).toEqual([{ groupA: 'A', groupB: 'B', candidates: 3, threeStepOutranked: true, made: 3, skippedForLoad: 0 }]);
    // RA3 still reported, summed as the three-step sweep sums it: a1 - a3 - a2 - b1 is the only
    // three-step path of a1-b1, 1 / (k_a3 k_a2) = 1 / 6; likewise a3 - a1 - a2 - b1; a2-b2 has none.
    expect(r.introductions.map((x) => x.components.resourceAllocation3)).toEqual([0, 1 / 6, 1 / 6]);
    // A threeStep weight above 0 gives no such bound: every pair is swept.
    const w = { commonNeighbours: 1, resourceAllocation: 0, weightedResourceAllocation: 1, threeStep: 0.1, baseline: 1e-4 };
    const all = introductions(view, { attribute: 'dept', groupPairs: [['A', 'B']], perGap: 3, minGroupSize: 1, score: w });
    expect(all.perPair[0]).toMatchObject({ candidates: 5, threeStepOutranked: false, made: 3 });
    // A list longer than the two-step candidates can fill is drawn again with three steps (perGap 10 above).
  });

  it('proposes nothing, and says why, when no gap is declared', () => {
    const real = groupGaps(view, { attribute: 'dept', minGroupSize: 1 });
    const none = { ...real, staff: { ...real.staff, gaps: [] } };
    let fitCalls = 0;
    const r = introductions(view, { attribute: 'dept', gapResult: none, onProgress: () => fitCalls++, minGroupSize: 1 });
    expect(r.introductions).toEqual([]);
    expect(r.perPair).toEqual([]);
    expect(r).toMatchObject({ pairsFrom: 'declared-gaps', declaredGaps: 0, fitted: false, fit: null });
    expect(r.note).toMatch(
      /^No pair of "dept" groups has significantly fewer ties than expected by chance, so no introductions are proposed/,
    );
    expect(fitCalls).toBe(0); // nothing to score: no fit, no sweep
    // The user can still name a pair.
    expect(
      introductions(view, { attribute: 'dept', gapResult: none, groupPairs: [['A', 'B']], minGroupSize: 1 }).introductions,
    ).toHaveLength(4);
  });

  it('bridges only the declared gaps, carrying the gap figures', () => {
    const real = groupGaps(view, { attribute: 'dept', minGroupSize: 1 });
    const ab = real.staff.pairs.find((p) => p.groupA !== p.groupB)!;
    const declared = { ...real, staff: { ...real.staff, gaps: [{ ...ab, qValue: 0.01 }] } };
    const r = introductions(view, { attribute: 'dept', gapResult: declared, perGap: 1, minGroupSize: 1 });
    expect(r.declaredGaps).toBe(1);
    expect(r.introductions).toHaveLength(1);
    expect(r.introductions[0].gap).toEqual({ observedTies: 1, expectedTies: ab.expectedTies, z: ab.z, qValue: 0.01 });
  });

  it('spreads introductions under a tighter introducer cap', () => {
    // With 1 introduction per introducer: a2-b2 (b1), a1-b1 (a2); a3-b1 needs a2 again; the three-step
    // pairs need a2 (a1's and a3's only route) -> skipped.
    const r = introductions(view, { attribute: 'dept', groupPairs: [['A', 'B']], perGap: 10, maxPerIntroducer: 1, minGroupSize: 1 });
    expect(r.introductions.map((x) => `${x.personA}-${x.personB}`)).toEqual(['a2-b2', 'a1-b1']);
    expect(r.perPair[0].skippedForLoad).toBe(3);
  });

  it('draws only declared gaps by default and names unknown groups', async () => {
    const lazega = project(await loadDataset('lazega-lawfirm'));
    const declared = groupGaps(lazega, { attribute: 'office', minGroupSize: 1 }).staff.gaps;
    const r = introductions(lazega, { attribute: 'office', gaps: 2, perGap: 3, minGroupSize: 1 });
    expect(r.declaredGaps).toBe(declared.length);
    expect(r.perPair.map((p) => `${p.groupA}-${p.groupB}`)).toEqual(declared.slice(0, 2).map((g) => `${g.groupA}-${g.groupB}`));
    const counts = new Map<string, number>();
    for (const x of r.introductions) {
      expect(x.groupA).not.toBe(x.groupB);
      for (const p of [x.personA, x.personB]) counts.set(p, (counts.get(p) ?? 0) + 1);
      expect(x.reasons.pathBefore[0]).toBe(x.personA);
      expect(x.reasons.pathBefore.at(-1)).toBe(x.personB);
      expect(x.score).toBeCloseTo(x.value.value * x.plausibility, 12);
    }
    for (const c of counts.values()) expect(c).toBeLessThanOrEqual(2);
    expect(r.maxLoad.person).toBe(Math.max(0, ...counts.values()));
    for (const x of r.introductions)
      if (x.reasons.introducer) counts.set(x.reasons.introducer, (counts.get(x.reasons.introducer) ?? 0) + 1);
    expect(r.maxLoad.any).toBe(Math.max(0, ...counts.values()));
    expect(() => introductions(lazega, { attribute: 'office', groupPairs: [['Boston', 'Paris']], minGroupSize: 1 })).toThrow(
      /no group "Paris"/,
    );
  });

  it('reports progress: one total (10 fit units + one per source swept), never going back, ending at the total', async () => {
    const lazega = project(await loadDataset('lazega-lawfirm'));
    const calls: [number, number][] = [];
    introductions(lazega, {
      attribute: 'office',
      groupPairs: [['Boston', 'Hartford']],
      onProgress: (d, t) => calls.push([d, t]),
      minGroupSize: 1,
    });
    const g = groupLabels(lazega, 'office', { minGroupSize: 1 });
    const boston = g.labels.filter((x, i) => x === g.indexOf('Boston') && !g.external[i]).length;
    expect(calls[0][1]).toBe(10 + boston);
    expect(calls.every(([, t]) => t === 10 + boston)).toBe(true);
    expect(calls.every(([d], i) => i === 0 || d >= calls[i - 1][0])).toBe(true);
    expect(calls.some(([d]) => d > 0 && d < 10 + boston)).toBe(true);
    expect(calls.at(-1)).toEqual([10 + boston, 10 + boston]);
  });
});
