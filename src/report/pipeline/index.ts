/**
 * The report pipeline: privacy, projection, then the named stages of {@link ANALYSIS_PLAN} over
 * one shared {@link AnalysisContext}, then the result assembled from the context.
 *
 *   centrality -> betweenness -> brokerage -> risks -> silos -> communities -> gaps
 *     -> introductions (reads gaps) -> scorecard -> layout (reads every result) -> map (reads the tables)
 *
 * Between stages the event loop gets a turn. Each stage lives in its own file under ./stages.
 */
import { OrgraphError } from '../../model/errors.js';
import type { OrgGraph } from '../../model/org-graph.js';
import { project } from '../../model/projection.js';
import { privateGraph } from '../privacy.js';
import { createContext, resolveAnalysisOptions, type AnalysisContext } from './context.js';
import { planAnalysis, type AnalysisStage } from './plan.js';
import { betweennessStage } from './stages/betweenness.js';
import { brokerageStage } from './stages/brokerage.js';
import { centralityStage } from './stages/centrality.js';
import { communitiesStage } from './stages/communities.js';
import { gapsStage } from './stages/gaps.js';
import { introductionsStage } from './stages/introductions.js';
import { layoutStage } from './stages/layout.js';
import { mapStage } from './stages/map.js';
import { assembleResult } from './stages/result.js';
import { risksStage } from './stages/risks.js';
import { scorecardStage } from './stages/scorecard.js';
import { silosStage } from './stages/silos.js';
import type { AnalysisOptions, AnalysisResult } from './types.js';

/** The report's stages in run order (checked by {@link planAnalysis} at load). */
export const ANALYSIS_PLAN: readonly AnalysisStage[] = planAnalysis([
  centralityStage,
  betweennessStage,
  brokerageStage,
  risksStage,
  silosStage,
  communitiesStage,
  gapsStage,
  introductionsStage,
  scorecardStage,
  layoutStage,
  mapStage,
]);

/** Privacy, projection and the empty context of a run (throws `E_EMPTY_GRAPH` on a graph without people). */
export function prepareAnalysis(input: OrgGraph, options: AnalysisOptions): AnalysisContext {
  const o = resolveAnalysisOptions(options);
  const groupAttr: string | null = options.group ?? null;
  if (input.personCount === 0) throw new OrgraphError('E_EMPTY_GRAPH', 'the input has no people');
  const safe = privateGraph(input, {
    group: groupAttr,
    minGroupSize: o.minGroupSize,
    pseudonymKey: o.pseudonymKey,
    keepAttributes: o.keepAttributes,
  });
  const view = project(safe.graph, { relations: o.relations, directed: o.directed });
  return createContext(o, groupAttr, safe, view, options.signal);
}

/** Runs the plan on a prepared context and assembles the result (the body of `analysis()`). */
export async function runAnalysis(input: OrgGraph, options: AnalysisOptions): Promise<AnalysisResult> {
  const ctx = prepareAnalysis(input, options);
  for (const stage of ANALYSIS_PLAN) {
    await stage.run(ctx);
    // NOTE: between stages the event loop gets a turn (a server's other requests, timers, aborts).
    await ctx.breathe();
  }
  return assembleResult(ctx);
}

export { planAnalysis, type AnalysisStage } from './plan.js';
export { createContext, LARGE_ORG, MEDIUM_ORG, type AnalysisContext, type Intermediates, type IntermediateName } from './context.js';
