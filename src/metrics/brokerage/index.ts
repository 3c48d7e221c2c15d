/** brokerage family: one module per measure (see docs/metrics/brokerage.md). */
export * from './articulation.js';
export * from './boundary-spanners.js';
export * from './bridges.js';
export * from './bridging.js';
export * from './brokerage-roles.js';
export * from './constraint.js';
export * from './effective-size.js';
export * from './efficiency.js';
export * from './fragmentation.js';
export * from './group-dependency.js';
export * from './groups.js';
export * from './hierarchy.js';
export * from './key-players.js';
export * from './local-bridges.js';
export * from './module-roles.js';
export * from './participation.js';
export * from './within-module-z.js';
