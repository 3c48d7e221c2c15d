/** silos family: one module per measure (see docs/metrics/silos.md). */
export * from './assortativity.js';
export * from './communities.js';
export * from './conductance.js';
export * from './density.js';
export * from './ei-index.js';
export * from './groups.js';
export * from './mixing.js';
export * from './modularity.js';
export * from './partition-comparison.js';
export * from './permutation.js';
export * from './silo-score.js';
export * from './yules-q.js';
