/** centrality family: one module per measure (see docs/metrics/centrality.md). */
export * from './betweenness-approx.js';
export * from './betweenness.js';
export * from './closeness.js';
export * from './clustering.js';
export * from './core-number.js';
export * from './degree.js';
export * from './eigenvector.js';
export * from './harmonic.js';
export * from './katz.js';
export * from './pagerank.js';
export * from './strength.js';
