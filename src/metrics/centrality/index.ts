/**
 * Centrality family: one module per measure (see docs/metrics/centrality.md).
 * Named exports only: the public measures, their options and results. Helpers that other
 * modules share (`KATZ_FALLBACK_SHARE`, `betweennessScale`, `metricKey`) stay internal: import them from their own module.
 */
export { betweenness, betweennessSync, DEFAULT_BETWEENNESS_OPTIONS } from './betweenness.js';
export type { BetweennessOptions } from './betweenness.js';
export { betweennessApprox, betweennessApproxSync, DEFAULT_BETWEENNESS_APPROX_OPTIONS } from './betweenness-approx.js';
export type { BetweennessApproxOptions } from './betweenness-approx.js';
export { closeness, closenessSync, DEFAULT_CLOSENESS_OPTIONS } from './closeness.js';
export type { ClosenessOptions } from './closeness.js';
export { clustering, DEFAULT_CLUSTERING_OPTIONS } from './clustering.js';
export type { ClusteringOptions } from './clustering.js';
export { coreNumber, DEFAULT_CORE_NUMBER_OPTIONS } from './core-number.js';
export type { CoreNumberOptions } from './core-number.js';
export { degree, DEFAULT_DEGREE_OPTIONS } from './degree.js';
export type { TieDirection, DegreeOptions } from './degree.js';
export { eigenvector, eigenvectorSync, DEFAULT_EIGENVECTOR_OPTIONS } from './eigenvector.js';
export type { EigenvectorOptions } from './eigenvector.js';
export { harmonic, harmonicSync, DEFAULT_HARMONIC_OPTIONS } from './harmonic.js';
export type { HarmonicOptions } from './harmonic.js';
export { katz, katzSync, DEFAULT_KATZ_OPTIONS, KATZ_DEFAULT_ALPHA } from './katz.js';
export type { KatzOptions } from './katz.js';
export { pagerank, pagerankSync, DEFAULT_PAGERANK_OPTIONS } from './pagerank.js';
export type { PageRankOptions } from './pagerank.js';
export { strength, DEFAULT_STRENGTH_OPTIONS } from './strength.js';
export type { StrengthOptions } from './strength.js';
export type { RunOptions, SyncOptions } from './run-options.js';
