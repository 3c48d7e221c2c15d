/**
 * Shared body of the centrality cases: time orgraph on the prebuilt default view of the generated
 * org, then graphology-metrics on the same graph in the same process, and compare their top 10.
 */
import type { NodeScores } from '../../../src/metrics/scores.js';
import type { OrgView } from '../../../src/model/projection.js';
import { orgFixture } from '../../fixture.js';
import { measure, topIndices, type CaseContext, type CaseOutcome, type PeerResult } from '../../harness.js';
import { graphologyPeer, type GraphologyMetric } from '../../peers/graphology.js';
import type { AbstractGraph } from 'graphology-types';

export interface CentralityCaseSpec {
  /** orgraph's call on the view, with the worker count of the run. */
  readonly compute: (view: OrgView, workers: number | undefined) => NodeScores | Promise<NodeScores>;
  /** graphology-metrics' equivalent call, if any. */
  readonly graphology?: { readonly fn: GraphologyMetric; readonly options: Record<string, unknown>; readonly maxSize: number };
  /** Most repetitions for short runs. */
  readonly maxRuns?: number;
}

/** Run a centrality case: orgraph time + diagnostics + top 10, graphology peer, agreement. */
export async function centralityCase(ctx: CaseContext, spec: CentralityCaseSpec): Promise<CaseOutcome> {
  const f = orgFixture(ctx.size, ctx.seed, ctx.degree);
  let scores: NodeScores | undefined;
  const view: OrgView = f.view;
  ctx.log(`  orgraph ...`);
  const t = await measure(
    async () => {
      scores = await spec.compute(view, ctx.workers);
    },
    { smoke: ctx.smoke, maxRuns: spec.maxRuns ?? 5 },
  );
  const top10 = topIndices(scores!.values, 10);
  const peers: PeerResult[] = [];
  if (spec.graphology && ctx.graphology) {
    const g = spec.graphology;
    ctx.log(`  graphology-metrics ...`);
    peers.push(
      await graphologyPeer(f.org, (graph: AbstractGraph) => g.fn(graph, g.options), {
        smoke: ctx.smoke,
        orgraphSeconds: t.seconds,
        orgraphTop10: top10,
        maxSize: g.maxSize,
      }),
    );
  }
  return {
    available: true,
    m: f.org.m,
    seconds: t.seconds,
    runs: t.runs,
    top10,
    quality: { ...scores!.diagnostics },
    peers,
  };
}
