/**
 * orgraph: organisational network analysis.
 * Public barrel: named exports only. Families re-export from their own index files.
 */
export { OrgraphError, isOrgraphError, formatLocation, escapeText } from './model/errors.js';
export type { OrgraphErrorCode, ErrorLocation } from './model/errors.js';
export { OrgGraph, OrgGraphBuilder, REPORTS_TO, MIN_WEIGHT, MAX_WEIGHT } from './model/org-graph.js';
export type { Person, Tie, RelationInfo, OrgGraphInput } from './model/org-graph.js';
export { project, viewTies, viewLengths, DEFAULT_PROJECTION_OPTIONS } from './model/projection.js';
export type { OrgView, ProjectionOptions, ResolvedProjectionOptions } from './model/projection.js';
export { NodeScores, toJsonNumber } from './metrics/scores.js';
export type { Diagnostics, RankedPerson } from './metrics/scores.js';
export type { Csr, LengthTransform } from './core/csr.js';
export { toGraphology, fromGraphology, viewToGraphology, DEFAULT_FROM_GRAPHOLOGY_OPTIONS } from './model/graphology.js';
export type { FromGraphologyOptions, ViewToGraphologyOptions } from './model/graphology.js';
export * from './ingest/index.js';
export * from './recommend/index.js';
export * from './report/index.js';
export * from './metrics/centrality/index.js';
export * from './metrics/brokerage/index.js';
export * from './metrics/silos/index.js';
export { METRIC_CATALOG, metricSpec } from './metrics/catalog.js';
export type { MetricSpec, MetricContext } from './metrics/catalog.js';
