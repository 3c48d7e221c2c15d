/**
 * The report's gap section shows only significant gaps (with their q-value) and says so plainly when
 * there is none; the silo table carries each group's E-I q-value.
 */
import { describe, expect, it } from 'vitest';
import { OrgGraph } from '../../src/model/org-graph.js';
import { analysis } from '../../src/report/analysis.js';
import { mapAssets } from '../../src/report/assets.js';
import { reportHtml } from '../../src/report/html.js';

function twoCliques(bridges: number): OrgGraph {
  // Two 8-cliques A and B joined by `bridges` ties a_i - b_i.
  const people = [
    ...Array.from({ length: 8 }, (_, i) => ({ id: `a${i}`, attributes: { dept: 'A' } })),
    ...Array.from({ length: 8 }, (_, i) => ({ id: `b${i}`, attributes: { dept: 'B' } })),
  ];
  const ties: { source: string; target: string }[] = [];
  for (const g of ['a', 'b'])
    for (let i = 0; i < 8; i++) for (let j = i + 1; j < 8; j++) ties.push({ source: `${g}${i}`, target: `${g}${j}` });
  for (let i = 0; i < bridges; i++) ties.push({ source: `a${i}`, target: `b${i}` });
  return OrgGraph.from({ people, ties });
}

function mixed(): OrgGraph {
  // A ring of 16 with chords to the person 5 steps on, groups alternating A, B: every tie of the
  // ring crosses, so no pair of groups is thin.
  const people = Array.from({ length: 16 }, (_, i) => ({ id: `p${i}`, attributes: { dept: i % 2 ? 'B' : 'A' } }));
  const ties: { source: string; target: string }[] = [];
  for (let i = 0; i < 16; i++) ties.push({ source: `p${i}`, target: `p${(i + 1) % 16}` }, { source: `p${i}`, target: `p${(i + 5) % 16}` });
  return OrgGraph.from({ people, ties });
}

describe('report: gap section', () => {
  it('two cliques with one bridge: A-B is a significant gap, shown with its q-value', async () => {
    // Rewiring keeps degrees 7 (8 for a0, b0): almost every swap of an A-A tie with a B-B tie is
    // allowed, and the stationary A-B count is far above 1; p = 1/1000, one pair tested, q = p.
    const r = await analysis(twoCliques(1), { thread: 'caller', group: 'dept', minGroupSize: 5 });
    expect(r.gaps).toHaveLength(1);
    expect(r.gaps[0]).toMatchObject({ groupA: 'A', groupB: 'B', observed: 1 });
    expect(r.gaps[0].q).toBeCloseTo(0.001, 12);
    expect(r.gapSummary!.statement).toBe('1 significant gap among 1 pair of staff groups (Benjamini-Hochberg q <= 0.05).');
    const html = reportHtml(r, mapAssets(), { versions: { orgraph: 'test' } });
    expect(html).toContain('<h3>Significant gaps</h3>');
    expect(html).toContain('<th scope="col">q</th>');
    expect(html).toContain('<th scope="col">E-I q</th>');
  });

  it('groups that mix freely: no gap, and the report says so', async () => {
    const r = await analysis(mixed(), { thread: 'caller', group: 'dept', minGroupSize: 5 });
    expect(r.gaps).toEqual([]);
    expect(r.gapSummary!.statement).toMatch(/^No significant gap: none of the 1 pair of staff groups/);
    const html = reportHtml(r, mapAssets(), { versions: { orgraph: 'test' } });
    expect(html).toContain(`<p class="empty">${r.gapSummary!.statement}</p>`);
    expect(r.introductions ?? []).toEqual([]);
  });
});
