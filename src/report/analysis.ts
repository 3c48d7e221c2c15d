/**
 * Org analysis for a report: the public entry of the report pipeline.
 * Runs every stage a report shows (centrality, brokerage, key-person risks, silos, communities,
 * group gaps and introductions) on one view of a graph and gathers the results in a plain,
 * JSON-ready model that the HTML renderer and the CSV/JSON writers read. No HTML here.
 * The stages live in ./pipeline (one file per stage under ./pipeline/stages, the shared context
 * in ./pipeline/context.ts, the run order in ./pipeline/index.ts); the types in ./pipeline/types.ts.
 * Reference: Cross, R. & Parker, A. (2004). The Hidden Power of Social Networks (the questions a
 * report answers); the reference of each measure is in its own module.
 */
import { OrgraphError } from '../model/errors.js';
import type { OrgGraph } from '../model/org-graph.js';
import { analysisInWorker } from './analysis-thread.js';
import { runAnalysis } from './pipeline/index.js';
import { DEFAULT_ANALYSIS_OPTIONS, type AnalysisOptions, type AnalysisResult } from './pipeline/types.js';

export { ANALYSIS_STAGES, DEFAULT_ANALYSIS_OPTIONS } from './pipeline/types.js';
export type {
  AnalysisOptions,
  AnalysisPrivacy,
  AnalysisResult,
  GapCell,
  GapRow,
  GroupFigures,
  IntroductionRow,
  MapData,
  PersonFigures,
  RankedEntry,
  Reason,
  ScorecardRows,
  Suppressed,
} from './pipeline/types.js';
export { fmt } from './pipeline/format.js';

/**
 * Analyse a graph for a report. Privacy is applied first, by default: the graph goes through
 * {@link privateGraph} with `minGroupSize` (default 5; pass 1 to opt out), `pseudonymKey` and
 * `keepAttributes`, so every group in the result has at least k people and no figure lets a
 * smaller group's size, members or ties be derived; communities are merged by the same rule. The
 * "Other (small groups)" bucket is never ranked as a group (it comes last among silos and is left
 * out of gaps and introductions). Person rows are ordered by id (by pseudonym under pseudonyms).
 *
 * The view is {@link project}ed with the given relations and direction (weights are strengths;
 * path metrics read d = 1/w). Betweenness is exact up to `exactBetweennessLimit` people and
 * Riondato-Kornaropoulos sampling above (the method is part of the result). Gatekeepers are
 * Gould-Fernandez gatekeeper counts on the group attribute; key-person risks are articulation
 * points ranked by the fragmentation their departure causes, Borgatti's KPP-Neg set of 3, and
 * sole links from group dependency. Silos are ranked by silo score, gaps by z of the
 * configuration-model expectation, introductions as {@link introductions} draws them up.
 * An empty graph throws `E_EMPTY_GRAPH`.
 *
 * By default (`thread: 'worker'`) the pipeline runs on a worker thread of its own, so the caller's
 * event loop is never blocked for long (on a 2,000-person org the longest block is a few ms,
 * against about 2 s in the calling thread); `thread: 'caller'` runs it here, yielding between
 * stages. Both give identical results; see {@link AnalysisOptions.thread}. A `thread` other than
 * these two rejects with `E_BAD_OPTION`. In a bundle the worker needs its file: docs/guides/bundling.md.
 *
 * Complexity: dominated by betweenness (O(n m) exact; O(r m) approximate) and introductions; the
 * worker adds O(n + m) to copy the graph and a thread start (tens of ms from dist/).
 * @example
 * const result = await analysis(graph, { group: 'department' }); // groups under 5 merged
 * const raw = await analysis(graph, { group: 'department', minGroupSize: 1 }); // explicit opt-out
 * result.groups[0]; // the most closed group (highest silo score)
 */
export async function analysis(input: OrgGraph, options: AnalysisOptions): Promise<AnalysisResult> {
  const thread = options.thread ?? DEFAULT_ANALYSIS_OPTIONS.thread;
  if (thread === 'caller') return runAnalysis(input, options);
  if (thread === 'worker') return analysisInWorker(input, options);
  throw new OrgraphError('E_BAD_OPTION', `thread must be 'worker' or 'caller', got ${JSON.stringify(thread)}`, { field: 'thread' });
}
