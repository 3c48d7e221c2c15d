/**
 * orgraph: organisational network analysis.
 * Public barrel: named exports only. Families re-export from their own index files.
 */
export { OrgraphError, isOrgraphError, formatLocation } from './model/errors.js';
export type { OrgraphErrorCode, ErrorLocation } from './model/errors.js';
export { OrgGraph, OrgGraphBuilder, REPORTS_TO } from './model/org-graph.js';
export type { Person, Tie, RelationInfo } from './model/org-graph.js';
export { project, viewTies, viewLengths, DEFAULT_PROJECTION_OPTIONS } from './model/projection.js';
export type { OrgView, ProjectionOptions, ResolvedProjectionOptions } from './model/projection.js';
export { NodeScores, toJsonNumber } from './metrics/scores.js';
export type { Diagnostics, RankedPerson } from './metrics/scores.js';
export type { Csr, LengthTransform } from './core/csr.js';
export { toGraphology, fromGraphology, viewToGraphology, DEFAULT_FROM_GRAPHOLOGY_OPTIONS } from './model/graphology.js';
export type { FromGraphologyOptions, ViewToGraphologyOptions } from './model/graphology.js';
export * from './ingest/index.js';
export { betweenness, betweennessSync, DEFAULT_BETWEENNESS_OPTIONS } from './metrics/centrality/betweenness.js';
export type { BetweennessOptions } from './metrics/centrality/betweenness.js';
export { betweennessApprox, DEFAULT_BETWEENNESS_APPROX_OPTIONS } from './metrics/centrality/betweenness-approx.js';
export type { BetweennessApproxOptions } from './metrics/centrality/betweenness-approx.js';
export { closeness, closenessSync, DEFAULT_CLOSENESS_OPTIONS } from './metrics/centrality/closeness.js';
export type { ClosenessOptions } from './metrics/centrality/closeness.js';
export { harmonic, harmonicSync, DEFAULT_HARMONIC_OPTIONS } from './metrics/centrality/harmonic.js';
export type { HarmonicOptions } from './metrics/centrality/harmonic.js';
export * from './recommend/index.js';
