/**
 * Approximate betweenness benchmarks (cases 9 and 10)
 * Time of orgraph's sampling betweenness next to its quality: the share of the exact top 1% it
 * finds (10k), and the time to name the top 100 brokers of a 1M-person org. NetworKit's KADABRA
 * (2 threads) is the peer.
 * Reference: Riondato, M. & Kornaropoulos, E. M. (2016). Fast approximation of betweenness
 * centrality through sampling. Data Min. Knowl. Disc. 30(2); Borassi, M. & Natale, E. (2019).
 * KADABRA is an adaptive algorithm for betweenness via random approximation. ACM JEA 24.
 */
import type { NodeScores } from '../../../src/metrics/scores.js';
import { orgFixture } from '../../fixture.js';
import { caseName, measure, overlap, topIndices, type BenchCase, type CaseContext, type CaseOutcome } from '../../harness.js';
import { betweenness } from '../../../src/metrics/centrality/betweenness.js';
import { betweennessApprox } from '../../../src/metrics/centrality/betweenness-approx.js';

async function approxCase(ctx: CaseContext, options: { recall: boolean; top: number }): Promise<CaseOutcome> {
  const f = orgFixture(ctx.size, ctx.seed, ctx.degree);
  let exactTop: number[] | undefined;
  const k = options.recall ? Math.max(1, Math.round(ctx.size / 100)) : options.top;
  // Recall: the fixed-epsilon sampler; top k: the adaptive top-k mode (KADABRA-style stopping).
  const runOptions = { weighted: false, seed: ctx.seed, workers: ctx.workers, ...(options.recall ? {} : { topK: k }) };
  if (options.recall) {
    ctx.log('  exact reference ...');
    const scores = await betweenness(f.view, { weighted: false, workers: ctx.workers });
    exactTop = topIndices(scores.values, k);
  }
  let scores: NodeScores | undefined;
  ctx.log('  orgraph approx ...');
  const t = await measure(
    async () => {
      scores = await betweennessApprox(f.view, runOptions);
    },
    { smoke: ctx.smoke, maxRuns: 3 },
  );
  const top = topIndices(scores!.values, k);
  return {
    available: true,
    m: f.org.m,
    seconds: t.seconds,
    runs: t.runs,
    top10: top.slice(0, 10),
    ...(exactTop ? { referenceTop: exactTop } : {}),
    quality: {
      ...scores!.diagnostics,
      ...(exactTop ? { [`recallTop${k}`]: overlap(exactTop, top) } : { topK: k }),
    },
  };
}

/** 9: approximate betweenness on 10k: recall of the exact top 1% and time. Target: >= 90% in < 1.5 s. */
export const betweennessApproxRecallCase: BenchCase = {
  id: 9,
  key: 'betweenness-approx-recall',
  sizes: [10_000],
  maxSize: 100_000,
  name: (n, d) => caseName(9, 'approximate betweenness, recall of exact top 1%', n, d, 'unweighted'),
  pythonPeerCase: 'betweenness-approx',
  pythonPeerMaxSize: 100_000,
  targets: [
    {
      size: 10_000,
      description: '>= 90% of the exact top 1% found in < 1.5 s',
      check: (r) => {
        const recall = Object.entries(r.quality ?? {}).find(([key]) => key.startsWith('recallTop'))?.[1];
        return r.seconds === undefined || typeof recall !== 'number' ? null : recall >= 0.9 && r.seconds < 1.5;
      },
    },
  ],
  run: (ctx) => approxCase(ctx, { recall: true, top: 0 }),
};

/** 10: approximate betweenness, the top 100 brokers of a 1M org. Target: < 60 s. */
export const betweennessApproxTopCase: BenchCase = {
  id: 10,
  key: 'betweenness-approx-top100',
  sizes: [1_000_000],
  maxSize: 10_000_000,
  name: (n, d) => caseName(10, 'approximate betweenness, top 100', n, d, 'unweighted'),
  pythonPeerCase: 'betweenness-top100',
  pythonPeerMaxSize: 1_000_000,
  targets: [{ size: 1_000_000, description: 'top-100 brokers in < 60 s', check: (r) => (r.seconds === undefined ? null : r.seconds < 60) }],
  run: (ctx) => approxCase(ctx, { recall: false, top: 100 }),
};
