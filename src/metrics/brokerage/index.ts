/**
 * Brokerage family: one module per measure (see docs/metrics/brokerage.md).
 * Named exports only: the public measures, their options and results. Helpers that other
 * modules share (`GroupCodes`, `LOCALITY_ORDER_MIN_PEOPLE`, `bridgingFromBetweenness`, `constraintAndHierarchy`, `edgeLengths`, `effectiveSizeAndEfficiency`, `fragmentationFromHarmonic`, `fragmentationFromPairs`, `groupCodes`, `moduleRole`, `removalMask`, `structuralHoleTies`, `viewEgoTies`) stay internal: import them from their own module.
 */
export { articulation, biconnectedComponents } from './articulation.js';
export type { BiconnectedComponents } from './articulation.js';
export { boundarySpanners, DEFAULT_BOUNDARY_SPANNERS_OPTIONS } from './boundary-spanners.js';
export type { BoundarySpannersOptions, BoundarySpannersResult } from './boundary-spanners.js';
export { bridges } from './bridges.js';
export type { PersonPair } from './bridges.js';
export { bridgingCoefficient, bridging, DEFAULT_BRIDGING_OPTIONS } from './bridging.js';
export type { BridgingOptions } from './bridging.js';
export { brokerageRoles, BROKERAGE_ROLES } from './brokerage-roles.js';
export type { BrokerageRole, RoleNumbers, BrokerageRolesResult } from './brokerage-roles.js';
export { constraint, DEFAULT_CONSTRAINT_OPTIONS } from './constraint.js';
export type { ConstraintOptions } from './constraint.js';
export { effectiveSize, DEFAULT_EFFECTIVE_SIZE_OPTIONS } from './effective-size.js';
export type { EffectiveSizeOptions } from './effective-size.js';
export { efficiency, DEFAULT_EFFICIENCY_OPTIONS } from './efficiency.js';
export type { EfficiencyOptions } from './efficiency.js';
export { fragmentation, fragmentationSet, fragmentationDistance, DEFAULT_FRAGMENTATION_DISTANCE_OPTIONS } from './fragmentation.js';
export type {
  FragmentationResult,
  FragmentationSetResult,
  FragmentationDistanceOptions,
  FragmentationDistanceResult,
} from './fragmentation.js';
export { groupDependency } from './group-dependency.js';
export type { GroupDependencyOptions, GroupMemberDependency, GroupDependency } from './group-dependency.js';
export type { GroupInput } from './groups.js';
export { hierarchy, DEFAULT_HIERARCHY_OPTIONS } from './hierarchy.js';
export type { HierarchyOptions } from './hierarchy.js';
export { keyPlayersNeg, keyPlayersPos, DEFAULT_KEY_PLAYERS_NEG_OPTIONS, DEFAULT_KEY_PLAYERS_POS_OPTIONS } from './key-players.js';
export type {
  KeyPlayerSearchOptions,
  KeyPlayersNegOptions,
  KeyPlayersPosOptions,
  KeyPlayersResult,
  KeyPlayersPosResult,
} from './key-players.js';
export { localBridges } from './local-bridges.js';
export type { LocalBridge } from './local-bridges.js';
export { moduleRoles, DEFAULT_MODULE_ROLES_OPTIONS, MODULE_ROLE_NAMES } from './module-roles.js';
export type { ModuleRolesOptions } from './module-roles.js';
export { participation, DEFAULT_PARTICIPATION_OPTIONS } from './participation.js';
export type { ParticipationOptions } from './participation.js';
export { withinModuleZ, DEFAULT_WITHIN_MODULE_Z_OPTIONS } from './within-module-z.js';
export type { WithinModuleZOptions } from './within-module-z.js';
