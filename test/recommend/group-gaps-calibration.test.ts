/**
 * Calibration of the gaps `orgraph gaps` declares, by simulation (seeded).
 * Under the null (group labels assigned at random, or shuffled on real data) a graph should get at
 * least one declared gap in at most about alpha = 0.05 of cases (Benjamini-Hochberg controls the
 * family-wise error when every hypothesis is null). With a planted thin pair in a block model, that
 * pair must be declared and ranked first. Measured rates and 95% Wilson intervals are in the comments
 * and in docs/recommend.md; each assertion allows the 0.99 quantile of Binomial(R, 0.05).
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/core/util/random.js';
import { OrgGraph } from '../../src/model/org-graph.js';
import { project, type OrgView } from '../../src/model/projection.js';
import { groupGaps, type GroupGapsOptions } from '../../src/recommend/group-gaps.js';
import { sortedAdjacency } from '../../src/recommend/groups.js';
import { datasetView } from '../helpers/datasets.js';

const undirected = [{ name: 'tie', directed: false }];

/** Smallest c with P(Binomial(r, p) <= c) >= q. */
function binomialQuantile(r: number, p: number, q: number): number {
  let cdf = 0;
  let pmf = Math.pow(1 - p, r);
  for (let c = 0; c <= r; c++) {
    cdf += pmf;
    if (cdf >= q) return c;
    pmf *= ((r - c) / (c + 1)) * (p / (1 - p));
  }
  return r;
}

/**
 * Org-like graph: Holme-Kim growth (each newcomer makes `links` ties, the first by preferential
 * attachment, each next one closing a triangle with probability `triad`), so degrees are heavy-tailed
 * and clustering is high; `groups` labels assigned uniformly at random.
 */
function orgLike(seed: number, n: number, links: number, triad: number, groups: number): OrgGraph {
  const random = mulberry32(seed);
  const adj: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  const ends: number[] = [];
  const tie = (a: number, b: number) => {
    if (a === b || adj[a].has(b)) return false;
    adj[a].add(b);
    adj[b].add(a);
    ends.push(a, b);
    return true;
  };
  for (let i = 0; i <= links; i++) for (let j = 0; j < i; j++) tie(i, j);
  for (let v = links + 1; v < n; v++) {
    let last = ends[Math.floor(random() * ends.length)];
    tie(v, last);
    for (let t = 1; t < links; t++) {
      const nb = [...adj[last]].filter((x) => x !== v && !adj[v].has(x));
      if (nb.length && random() < triad) last = nb[Math.floor(random() * nb.length)];
      else last = ends[Math.floor(random() * ends.length)];
      tie(v, last);
    }
  }
  const people = Array.from({ length: n }, (_, i) => ({ id: `p${i}`, attributes: { g: `G${Math.floor(random() * groups)}` } }));
  const ties: { source: string; target: string }[] = [];
  for (let a = 0; a < n; a++) for (const b of adj[a]) if (a < b) ties.push({ source: `p${a}`, target: `p${b}` });
  return OrgGraph.from({ people, ties, relations: undirected });
}

/** The view's ties with the attribute's values shuffled over the people who have one. */
function shuffledLabels(view: OrgView, attribute: string, seed: number): OrgGraph {
  const random = mulberry32(seed);
  const values = view.personIds.map((_, i) => view.graph.person(view.personIndex[i]).attributes[attribute] ?? '');
  const labelled = values.map((v, i) => (v ? i : -1)).filter((i) => i >= 0);
  const pool = labelled.map((i) => values[i]);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  labelled.forEach((i, r) => (values[i] = pool[r]));
  const adj = sortedAdjacency(view, { weighted: false });
  const ties: { source: string; target: string }[] = [];
  for (let e = 0; e < adj.edgeU.length; e++) ties.push({ source: view.personIds[adj.edgeU[e]], target: view.personIds[adj.edgeV[e]] });
  const people = view.personIds.map((id, i) => ({ id, attributes: (values[i] ? { g: values[i] } : {}) as Record<string, string> }));
  return OrgGraph.from({ people, ties, relations: undirected });
}

function declaredIn(graphs: number, make: (r: number) => OrgGraph, options: Partial<GroupGapsOptions> = {}): number {
  let declared = 0;
  for (let r = 0; r < graphs; r++) {
    const result = groupGaps(project(make(r)), { attribute: 'g', ...options, minGroupSize: 1 });
    if (result.staff.gaps.length > 0) declared++;
  }
  return declared;
}

describe('gaps calibration: random labels declare a gap in at most about alpha of graphs', () => {
  it('org-like graphs (clustered, heavy-tailed), rewiring null', () => {
    // 100 graphs, n = 100, 3 ties per newcomer (m about 294), triad closure 0.7, 5 random groups.
    // Measured: 6 of 100 graphs declare a gap, 0.06 (95% Wilson interval 0.028-0.125).
    const R = 100;
    const declared = declaredIn(R, (r) => orgLike(1000 + r, 100, 3, 0.7, 5));
    expect(declared).toBeLessThanOrEqual(binomialQuantile(R, 0.05, 0.99));
  });

  it('org-like graphs, quasi-independence null', () => {
    // Measured: 3 of 200, 0.015 (95% Wilson interval 0.005-0.043).
    const R = 200;
    const declared = declaredIn(R, (r) => orgLike(5000 + r, 100, 3, 0.7, 5), { nullModel: 'quasi-independence' });
    expect(declared).toBeLessThanOrEqual(binomialQuantile(R, 0.05, 0.99));
  });

  it('larger org-like graphs, the analytic configuration null that auto uses above 50,000 ties', () => {
    // 100 graphs, n = 1000 (about 2,990 ties), 8 random groups (28 pairs). Measured: 1 of 100 = 0.01
    // (95% Wilson interval 0.002-0.054): conservative, as its larger sd makes it.
    const R = 100;
    const declared = declaredIn(R, (r) => orgLike(9000 + r, 1000, 3, 0.7, 8), { nullModel: 'configuration' });
    expect(declared).toBeLessThanOrEqual(binomialQuantile(R, 0.05, 0.99));
  });

  it('krackhardt-hightech advice with shuffled departments', async () => {
    const view = await datasetView('krackhardt-hightech', { relations: ['advice'] });
    // 145 advice pairs, 5 departments (10 between pairs). Measured: 9 of 200, 0.045 (0.024-0.083).
    const R = 200;
    const declared = declaredIn(R, (r) => shuffledLabels(view, 'department', 100 + r));
    expect(declared).toBeLessThanOrEqual(binomialQuantile(R, 0.05, 0.99));
  });

  it('lazega-lawfirm cowork with shuffled offices', async () => {
    const view = await datasetView('lazega-lawfirm', { relations: ['cowork'] });
    // 726 cowork pairs, 3 offices. Measured: 0 of 60, 0.0 (95% Wilson interval 0-0.060).
    const R = 60;
    const declared = declaredIn(R, (r) => shuffledLabels(view, 'office', 200 + r));
    expect(declared).toBeLessThanOrEqual(binomialQuantile(R, 0.05, 0.99));
  });
});

describe('gaps calibration: a planted thin pair is declared and ranked first', () => {
  /**
   * Block model: 6 groups of 20, p = 0.25 inside, 0.08 between, 0.01 between A and B. (With 4 groups
   * the quasi-independence null cannot tell a thin A-B from a thin C-D: on a symmetric 4 x 4 table
   * with fixed margins the two deviations are the same contrast. Five or more groups separate them.)
   */
  function planted(seed: number): OrgGraph {
    const random = mulberry32(seed);
    const n = 120;
    const group = (i: number) => 'ABCDEF'[Math.floor(i / 20)];
    const ties: { source: string; target: string }[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = group(i);
        const b = group(j);
        const p = a === b ? 0.25 : a === 'A' && b === 'B' ? 0.01 : 0.08;
        if (random() < p) ties.push({ source: `p${i}`, target: `p${j}` });
      }
    }
    const people = Array.from({ length: n }, (_, i) => ({ id: `p${i}`, attributes: { g: group(i) } }));
    return OrgGraph.from({ people, ties, relations: undirected });
  }

  for (const nullModel of ['rewiring', 'quasi-independence'] as const) {
    it(`${nullModel}: A-B first in 10 of 10 block models`, () => {
      for (let s = 0; s < 10; s++) {
        const r = groupGaps(project(planted(300 + s)), { attribute: 'g', nullModel, minGroupSize: 1 });
        expect(r.staff.gaps.length).toBeGreaterThan(0);
        expect(`${r.staff.gaps[0].groupA}-${r.staff.gaps[0].groupB}`).toBe('A-B');
        expect(r.staff.gaps[0].qValue).toBeLessThanOrEqual(0.05);
      }
    });
  }
});
