/**
 * Every stage of the analysis reports real progress: through `onProgress(stage, done, total)`, each
 * stage's share done / total never goes back, ends at done = total, and passes through at least one
 * value strictly between 0 and the total (so the terminal bar and its estimate of time left move
 * during the stage, not only at its start and end).
 */
import { describe, expect, it } from 'vitest';
import { analysis } from '../../../src/report/analysis.js';
import { generateOrg, toOrgGraph } from '../../../benchmarks/generate/org-graph.js';

describe('analysis progress', () => {
  it('each stage reports increasing progress up to its total, with steps in between (600-person generated org)', async () => {
    const graph = toOrgGraph(generateOrg({ people: 600, seed: 3, averageDegree: 12 }));
    const calls = new Map<string, [number, number][]>();
    const result = await analysis(graph, {
      group: 'department',
      onProgress: (stage, done, total) => {
        if (!calls.has(stage)) calls.set(stage, []);
        calls.get(stage)!.push([done, total]);
      },
    });
    // The org has declared gaps, so the introductions stage sweeps sources (not a no-op).
    expect(result.introductions.length).toBeGreaterThan(0);
    const stages = ['centrality', 'betweenness', 'brokerage', 'risks', 'silos', 'communities', 'gaps', 'introductions', 'map'];
    for (const stage of stages) {
      const seen = calls.get(stage);
      expect(seen, stage).toBeDefined();
      const shares = seen!.map(([d, t]) => d / t);
      for (let i = 1; i < shares.length; i++) expect(shares[i], `${stage} call ${i}`).toBeGreaterThanOrEqual(shares[i - 1]);
      const [lastDone, lastTotal] = seen![seen!.length - 1];
      expect(lastDone, stage).toBe(lastTotal);
      expect(shares[0], stage).toBe(0);
      expect(
        shares.some((s) => s > 0 && s < 1),
        `${stage} reports a step between its start and its end`,
      ).toBe(true);
    }
    // Louvain (10 runs x 2 passes at this size) and the gap rewiring (2 x 999 draws) report many steps.
    expect(new Set(calls.get('communities')!.map(([d]) => d)).size).toBeGreaterThan(20);
    expect(calls.get('gaps')!.length).toBeGreaterThan(1000);
  });
});
