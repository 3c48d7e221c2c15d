/**
 * Silos family: one module per measure (see docs/metrics/silos.md).
 * Named exports only: the public measures, their options and results. Helpers that other
 * modules share (`PermutationTally`, `checkLabels`, `mixingCells`, `modularityOfLabels`, `partitionTotals`, `permutationResult`) stay internal: import them from their own module.
 */
export { assortativity, DEFAULT_ASSORTATIVITY_OPTIONS } from './assortativity.js';
export type { AssortativityOptions } from './assortativity.js';
export { louvain, DEFAULT_LOUVAIN_OPTIONS } from './communities.js';
export type { LouvainOptions, LouvainResult } from './communities.js';
export { conductance, DEFAULT_CONDUCTANCE_OPTIONS } from './conductance.js';
export type { ConductanceOptions, GroupConductance } from './conductance.js';
export { density, groupDensity } from './density.js';
export type { GroupDensity } from './density.js';
export { eiIndex, eiIndexWeighted, DEFAULT_EI_INDEX_OPTIONS } from './ei-index.js';
export type { EiIndexOptions, EiValue, GroupEiValue, EiIndexResult } from './ei-index.js';
export { groupPartition, MISSING_GROUP, DEFAULT_GROUP_PARTITION_OPTIONS } from './groups.js';
export type { GroupPartitionOptions, GroupPartition, GroupSize } from './groups.js';
export { mixing, MAX_MIXING_GROUPS } from './mixing.js';
export type { MixingCell, MixingResult } from './mixing.js';
export { modularity, DEFAULT_MODULARITY_OPTIONS } from './modularity.js';
export type { ModularityOptions } from './modularity.js';
export { normalizedMutualInformation, adjustedRandIndex, partitionComparison } from './partition-comparison.js';
export type { ContingencyCell, GroupSpread, PartitionComparison } from './partition-comparison.js';
export type { PermutationResult } from './permutation.js';
export { siloScore, DEFAULT_SILO_SCORE_OPTIONS } from './silo-score.js';
export type { SiloScoreOptions, GroupSiloScore } from './silo-score.js';
export { yulesQ } from './yules-q.js';
export type { YulesQResult } from './yules-q.js';
