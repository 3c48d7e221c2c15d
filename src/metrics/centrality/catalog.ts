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

/** The centrality family's entries of the metric catalogue, by output key (`orgraph metrics`). */
export const CENTRALITY_METRICS: readonly MetricSpec[] = Object.freeze([
  {
    keys: ['degree'],
    family: 'centrality',
    description: 'number of people tied to the person (in + out on directed views)',
    compute: (view) => [degree(view)],
  },
  {
    keys: ['strength'],
    family: 'centrality',
    description: "sum of the values of the person's ties (in + out on directed views)",
    compute: (view) => [strength(view)],
  },
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
  {
    keys: ['closeness'],
    family: 'centrality',
    description: 'inverse mean distance from the people who reach the person (Wasserman-Faust)',
    needs: ['distanceSums'],
    compute: async (view, context) => [closenessFromRun(view, await distanceRun(view, context, 'closeness'))],
  },
  {
    keys: ['harmonic'],
    family: 'centrality',
    description: 'sum of inverse distances from every other person',
    needs: ['distanceSums'],
    compute: async (view, context) => [harmonicFromRun(view, await distanceRun(view, context, 'harmonic'))],
  },
  {
    keys: ['eigenvector'],
    family: 'centrality',
    description: 'dominant eigenvector: tied to people who are themselves central (unit norm)',
    compute: async (view, context) => [await eigenvector(view, pathContext('eigenvector', context))],
  },
  {
    keys: ['pagerank'],
    family: 'centrality',
    description: 'random-walk share of time at the person (alpha 0.85)',
    compute: async (view, context) => [await pagerank(view, pathContext('pagerank', context))],
  },
  {
    keys: ['katz'],
    family: 'centrality',
    description: 'walks reaching the person, attenuated by alpha per step (unit norm)',
    compute: async (view, context) => [await katz(view, pathContext('katz', context))],
  },
  {
    keys: ['clustering'],
    family: 'centrality',
    description: "share of the person's contact pairs who are tied (Onnela weighted; Fagiolo directed)",
    compute: (view) => [clustering(view)],
  },
  {
    keys: ['coreNumber'],
    family: 'centrality',
    description: 'deepest k-core the person belongs to',
    compute: (view) => [coreNumber(view)],
  },
] satisfies MetricSpec[]);
