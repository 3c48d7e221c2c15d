/**
 * Centrality entries of the metric catalog (see ../catalog.ts): degree and strength (with in/out
 * variants on directed views), betweenness, closeness, harmonic, eigenvector, PageRank, Katz,
 * local clustering and core number, in the order `orgraph metrics` writes them.
 */
import type { OrgView } from '../../model/projection.js';
import { sharedOrCompute, type MetricContext, type MetricSpec } from '../metric-spec.js';
import { betweenness } from './betweenness.js';
import { closenessFromRun } from './closeness.js';
import { clustering } from './clustering.js';
import { coreNumber } from './core-number.js';
import { degree } from './degree.js';
import { eigenvector } from './eigenvector.js';
import { harmonicFromRun } from './harmonic.js';
import { katz } from './katz.js';
import { pagerank } from './pagerank.js';
import { distanceSummaries, type DistanceRun } from './path-common.js';
import { strength } from './strength.js';
import type { RunOptions } from './run-options.js';
import type { NodeScores } from '../scores.js';

/** Options every parallel path metric takes from the context. */
function pathContext(stage: string, context: MetricContext) {
  const onProgress = context.onProgress;
  return {
    workers: context.workers,
    signal: context.signal,
    onProgress: onProgress ? (done: number, total: number) => onProgress(stage, done, total) : undefined,
  };
}

/** The distance sums closeness and harmonic both read (weighted, d = 1/w), run once per view through the memo. */
function distanceRun(view: OrgView, context: MetricContext, stage: string): Promise<DistanceRun> {
  return sharedOrCompute(context, 'distanceSums', () =>
    distanceSummaries(view, { weighted: true, length: 'inverse', ...pathContext(stage, context) }, stage, false),
  );
}

/** The catalogue entry of a centrality computed in the calling thread with its default options: one output key. */
function direct(key: string, description: string, run: (view: OrgView) => NodeScores): MetricSpec {
  return { keys: [key], family: 'centrality', description, compute: (view) => [run(view)] };
}

/**
 * The catalogue entry of a threaded centrality: one output key, computed with the context's workers,
 * signal and progress (reported under the key's stage name).
 */
function threaded(key: string, description: string, run: (view: OrgView, options: RunOptions) => Promise<NodeScores>): MetricSpec {
  return { keys: [key], family: 'centrality', description, compute: async (view, context) => [await run(view, pathContext(key, context))] };
}

/**
 * The catalogue entry of a distance-sum centrality (closeness, harmonic): one output key, read from the
 * sums run once per view through the memo with the default lengths (d = 1/w), shared by both entries.
 */
function fromDistances(key: string, description: string, score: (view: OrgView, run: DistanceRun) => NodeScores): MetricSpec {
  return {
    keys: [key],
    family: 'centrality',
    description,
    needs: ['distanceSums'],
    compute: async (view, context) => [score(view, await distanceRun(view, context, key))],
  };
}

/** The centrality family's entries of the metric catalogue, by output key (`orgraph metrics`). */
export const CENTRALITY_METRICS: readonly MetricSpec[] = Object.freeze([
  direct('degree', 'number of people tied to the person (in + out on directed views)', degree),
  direct('strength', "sum of the values of the person's ties (in + out on directed views)", strength),
  {
    keys: ['inDegree', 'outDegree', 'inStrength', 'outStrength'],
    family: 'centrality',
    description: 'incoming / outgoing tie counts and value sums',
    directedOnly: true,
    compute: (view) => [
      degree(view, { direction: 'in' }),
      degree(view, { direction: 'out' }),
      strength(view, { direction: 'in' }),
      strength(view, { direction: 'out' }),
    ],
  },
  {
    keys: ['betweenness'],
    family: 'centrality',
    description: 'share of shortest paths between others through the person (normalised; length = 1 / weight)',
    needs: ['betweenness'],
    compute: async (view, context) => [
      await sharedOrCompute(context, 'betweenness', () => betweenness(view, pathContext('betweenness', context))),
    ],
  },
  fromDistances('closeness', 'inverse mean distance from the people who reach the person (Wasserman-Faust)', closenessFromRun),
  fromDistances('harmonic', 'sum of inverse distances from every other person', harmonicFromRun),
  threaded('eigenvector', 'dominant eigenvector: tied to people who are themselves central (unit norm)', eigenvector),
  threaded('pagerank', 'random-walk share of time at the person (alpha 0.85)', pagerank),
  threaded('katz', 'walks reaching the person, attenuated by alpha per step (unit norm)', katz),
  direct('clustering', "share of the person's contact pairs who are tied (Onnela weighted; Fagiolo directed)", clustering),
  direct('coreNumber', 'deepest k-core the person belongs to', coreNumber),
] satisfies MetricSpec[]);
