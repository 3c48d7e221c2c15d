/**
 * orgraph: organisational network analysis.
 *
 * The public API, listed by name: nothing is re-exported wholesale, so a new export in a module
 * does not become public by accident. One statement per module: its values, then its types
 * (marked `type`). The API report (etc/orgraph.api.md, `npm run api:check`)
 * records this surface; change it on purpose with `npm run api:update`.
 */
// Model: people, ties, errors, views.
export { OrgraphError, isOrgraphError, formatLocation, escapeText, type OrgraphErrorCode, type ErrorLocation } from './model/errors.js';
export {
  OrgGraph,
  OrgGraphBuilder,
  REPORTS_TO,
  MIN_WEIGHT,
  MAX_WEIGHT,
  type Person,
  type Tie,
  type RelationInfo,
  type OrgGraphInput,
} from './model/org-graph.js';
export {
  project,
  viewTies,
  viewLengths,
  DEFAULT_PROJECTION_OPTIONS,
  type OrgView,
  type ProjectionOptions,
  type ResolvedProjectionOptions,
} from './model/projection.js';
export type { Csr, LengthTransform } from './core/graph/csr.js';
export {
  toGraphology,
  fromGraphology,
  viewToGraphology,
  DEFAULT_FROM_GRAPHOLOGY_OPTIONS,
  type FromGraphologyOptions,
  type ViewToGraphologyOptions,
} from './model/graphology.js';
export { NodeScores, toJsonNumber, type Diagnostics, type RankedPerson } from './metrics/scores.js';

// Tables: JSON, CSV, rows for console.table, HTML for notebooks.
export {
  toJson,
  toCsv,
  recordsToCsv,
  csvCell,
  csvRow,
  toTable,
  htmlTable,
  DEFAULT_CSV_OPTIONS,
  DEFAULT_JSON_OPTIONS,
  type CellValue,
  type CsvOptions,
  type JsonOptions,
  type TableRow,
  type TableOptions,
  type HtmlTableOptions,
} from './model/tables.js';

// Ingest: files, JSON and event logs into an OrgGraph, with a report of what was read.
export {
  loadFolder,
  loadFiles,
  parseCsv,
  DEFAULT_RELATION,
  loadJson,
  DEFAULT_INGEST_OPTIONS,
  isCleanReport,
  droppedRows,
  parseWeight,
  parseTime,
  parseFlag,
  loadEvents,
  parseEventsCsv,
  aggregateEvents,
  DEFAULT_EVENT_OPTIONS,
  RECIPIENT_SEPARATOR,
  loadGoogleWorkspace,
  parseGoogleWorkspace,
  DEFAULT_GOOGLE_WORKSPACE_OPTIONS,
  DEFAULT_MEETING_MODEL_OPTIONS,
  type IngestResult,
  type CsvFiles,
  type CsvTexts,
  type OrgJson,
  type IngestOptions,
  type IngestMode,
  type ResolvedIngestOptions,
  type IngestReport,
  type FileReport,
  type IngestIssue,
  type IssueAction,
  type InputKind,
  type EventStats,
  type Parsed,
  type EventOptions,
  type EventColumns,
  type GroupWeighting,
  type InteractionEvent,
  type GoogleWorkspaceOptions,
  type GoogleWorkspaceResult,
  type GoogleWorkspaceStats,
  type MeetingModelOptions,
  type MeetingModelStats,
} from './ingest/index.js';

// Centrality: who is central, by degree, paths and spectral measures.
export {
  betweennessApprox,
  betweennessApproxSync,
  DEFAULT_BETWEENNESS_APPROX_OPTIONS,
  type BetweennessApproxOptions,
} from './metrics/centrality/betweenness-approx.js';
export { betweenness, betweennessSync, DEFAULT_BETWEENNESS_OPTIONS, type BetweennessOptions } from './metrics/centrality/betweenness.js';
export { closeness, closenessSync, DEFAULT_CLOSENESS_OPTIONS, type ClosenessOptions } from './metrics/centrality/closeness.js';
export { clustering, DEFAULT_CLUSTERING_OPTIONS, type ClusteringOptions } from './metrics/centrality/clustering.js';
export { coreNumber, DEFAULT_CORE_NUMBER_OPTIONS, type CoreNumberOptions } from './metrics/centrality/core-number.js';
export { degree, DEFAULT_DEGREE_OPTIONS, type TieDirection, type DegreeOptions } from './metrics/centrality/degree.js';
export { eigenvector, eigenvectorSync, DEFAULT_EIGENVECTOR_OPTIONS, type EigenvectorOptions } from './metrics/centrality/eigenvector.js';
export { harmonic, harmonicSync, DEFAULT_HARMONIC_OPTIONS, type HarmonicOptions } from './metrics/centrality/harmonic.js';
export { katz, katzSync, DEFAULT_KATZ_OPTIONS, KATZ_DEFAULT_ALPHA, type KatzOptions } from './metrics/centrality/katz.js';
export { pagerank, pagerankSync, DEFAULT_PAGERANK_OPTIONS, type PageRankOptions } from './metrics/centrality/pagerank.js';
export { strength, DEFAULT_STRENGTH_OPTIONS, type StrengthOptions } from './metrics/centrality/strength.js';

// Brokerage: who bridges groups and structural holes; key-person risks.
export { articulation, biconnectedComponents, type BiconnectedComponents } from './metrics/brokerage/articulation.js';
export {
  boundarySpanners,
  DEFAULT_BOUNDARY_SPANNERS_OPTIONS,
  type BoundarySpannersOptions,
  type BoundarySpannersResult,
} from './metrics/brokerage/boundary-spanners.js';
export { bridges, type PersonPair } from './metrics/brokerage/bridges.js';
export { bridgingCoefficient, bridging, DEFAULT_BRIDGING_OPTIONS, type BridgingOptions } from './metrics/brokerage/bridging.js';
export {
  brokerageRoles,
  BROKERAGE_ROLES,
  type BrokerageRole,
  type RoleNumbers,
  type BrokerageRolesResult,
} from './metrics/brokerage/brokerage-roles.js';
export { constraint, DEFAULT_CONSTRAINT_OPTIONS, type ConstraintOptions } from './metrics/brokerage/constraint.js';
export { effectiveSize, DEFAULT_EFFECTIVE_SIZE_OPTIONS, type EffectiveSizeOptions } from './metrics/brokerage/effective-size.js';
export { efficiency, DEFAULT_EFFICIENCY_OPTIONS, type EfficiencyOptions } from './metrics/brokerage/efficiency.js';
export {
  fragmentation,
  fragmentationSet,
  fragmentationDistance,
  DEFAULT_FRAGMENTATION_DISTANCE_OPTIONS,
  type FragmentationResult,
  type FragmentationSetResult,
  type FragmentationDistanceOptions,
  type FragmentationDistanceResult,
} from './metrics/brokerage/fragmentation.js';
export {
  groupDependency,
  type GroupDependencyOptions,
  type GroupMemberDependency,
  type GroupDependency,
} from './metrics/brokerage/group-dependency.js';
export { hierarchy, DEFAULT_HIERARCHY_OPTIONS, type HierarchyOptions } from './metrics/brokerage/hierarchy.js';
export {
  keyPlayersNeg,
  keyPlayersPos,
  DEFAULT_KEY_PLAYERS_NEG_OPTIONS,
  DEFAULT_KEY_PLAYERS_POS_OPTIONS,
  type KeyPlayerSearchOptions,
  type KeyPlayersNegOptions,
  type KeyPlayersPosOptions,
  type KeyPlayersResult,
  type KeyPlayersPosResult,
} from './metrics/brokerage/key-players.js';
export { localBridges, type LocalBridge } from './metrics/brokerage/local-bridges.js';
export { moduleRoles, DEFAULT_MODULE_ROLES_OPTIONS, MODULE_ROLE_NAMES, type ModuleRolesOptions } from './metrics/brokerage/module-roles.js';
export { participation, DEFAULT_PARTICIPATION_OPTIONS, type ParticipationOptions } from './metrics/brokerage/participation.js';
export { withinModuleZ, DEFAULT_WITHIN_MODULE_Z_OPTIONS, type WithinModuleZOptions } from './metrics/brokerage/within-module-z.js';
export type { GroupInput } from './metrics/brokerage/groups.js';

// Silos: groups, communities, mixing and their statistical tests.
export { assortativity, DEFAULT_ASSORTATIVITY_OPTIONS, type AssortativityOptions } from './metrics/silos/assortativity.js';
export { louvain, DEFAULT_LOUVAIN_OPTIONS, type LouvainOptions, type LouvainResult } from './metrics/silos/communities.js';
export { conductance, DEFAULT_CONDUCTANCE_OPTIONS, type ConductanceOptions, type GroupConductance } from './metrics/silos/conductance.js';
export { density, groupDensity, type GroupDensity } from './metrics/silos/density.js';
export {
  eiIndex,
  eiIndexWeighted,
  DEFAULT_EI_INDEX_OPTIONS,
  type EiIndexOptions,
  type EiValue,
  type GroupEiValue,
  type EiIndexResult,
} from './metrics/silos/ei-index.js';
export {
  groupPartition,
  MISSING_GROUP,
  DEFAULT_GROUP_PARTITION_OPTIONS,
  type GroupPartitionOptions,
  type GroupPartition,
  type GroupSize,
} from './metrics/silos/groups.js';
export { mixing, MAX_MIXING_GROUPS, type MixingCell, type MixingResult } from './metrics/silos/mixing.js';
export { modularity, DEFAULT_MODULARITY_OPTIONS, type ModularityOptions } from './metrics/silos/modularity.js';
export {
  normalizedMutualInformation,
  adjustedRandIndex,
  partitionComparison,
  type ContingencyCell,
  type GroupSpread,
  type PartitionComparison,
} from './metrics/silos/partition-comparison.js';
export { siloScore, DEFAULT_SILO_SCORE_OPTIONS, type SiloScoreOptions, type GroupSiloScore } from './metrics/silos/silo-score.js';
export { yulesQ, type YulesQResult } from './metrics/silos/yules-q.js';
export type { PermutationResult } from './metrics/silos/permutation.js';

// Recommend: gaps, introductions, paths, scorecard and period comparison.
export {
  groupGaps,
  DEFAULT_GROUP_GAPS_OPTIONS,
  type CapabilityFocus,
  type CapabilityTarget,
  type GroupGapsOptions,
  type GroupPairGap,
  type GapTable,
  type GapNullInfo,
  type GapNullModel,
  type CapabilityPairStatus,
  type GroupGapsResult,
  type GapsPrivacyNote,
} from './recommend/group-gaps.js';
export { groupLabels, type GroupLabels, type GroupAssignment, type GroupSource } from './recommend/groups.js';
export {
  communityGroups,
  DEFAULT_COMMUNITY_GROUPS_OPTIONS,
  type CommunityGroups,
  type CommunityGroupsOptions,
} from './recommend/community-groups.js';
export {
  linkPrediction,
  commonNeighbours,
  jaccard,
  adamicAdar,
  resourceAllocation,
  preferentialAttachment,
  LINK_PREDICTION_METHODS,
  type LinkPredictionMethod,
  type IdPair,
  type LinkPredictionResult,
} from './recommend/link-prediction.js';
export {
  introductionScore,
  DEFAULT_INTRODUCTION_SCORE,
  type IntroductionScoreWeights,
  type IntroductionComponents,
} from './recommend/introduction-score.js';
export {
  fitIntroductionScore,
  INTRODUCTION_SCORE_GRID,
  type FitIntroductionScoreOptions,
  type FitIntroductionScoreResult,
} from './recommend/score-fit.js';
export { auc, precisionAtK } from './recommend/ranking-quality.js';
export {
  introductions,
  DEFAULT_INTRODUCTIONS_OPTIONS,
  type IntroductionsOptions,
  type IntroductionReasons,
  type Introduction,
  type IntroductionsResult,
} from './recommend/introductions.js';
export {
  introductionPath,
  DEFAULT_INTRODUCTION_PATH_OPTIONS,
  type IntroductionPathOptions,
  type ContactChain,
  type IntroductionPathResult,
} from './recommend/introduction-path.js';
export {
  knowledgeSpread,
  DEFAULT_KNOWLEDGE_SPREAD_OPTIONS,
  type KnowledgeSpreadOptions,
  type SpreadRow,
  type KnowledgeSpreadResult,
} from './recommend/knowledge-spread.js';
export {
  scorecard,
  type ScorecardOptions,
  type FlowRow,
  type ObjectiveStatus,
  type ScorecardResult,
  type ScorecardPrivacyNote,
} from './recommend/scorecard.js';
export {
  parseObjectives,
  loadObjectives,
  FLOW_METRICS,
  GROUP_METRICS,
  DEFAULT_AT_RISK,
  type FlowMetric,
  type GroupMetric,
  type Objective,
  type Objectives,
} from './recommend/objectives.js';
export {
  compare,
  DEFAULT_COMPARE_OPTIONS,
  type CompareOptions,
  type PersonDelta,
  type GroupDelta,
  type CompareResult,
} from './recommend/compare.js';

// Report: the analysis pipeline as data, privacy, and the HTML page.
export {
  analysis,
  ANALYSIS_STAGES,
  DEFAULT_ANALYSIS_OPTIONS,
  type AnalysisOptions,
  type AnalysisResult,
  type PersonFigures,
  type GroupFigures,
  type RankedEntry,
  type Reason,
  type MapData,
  type ScorecardRows,
  type GapCell,
  type GapRow,
  type IntroductionRow,
} from './report/analysis.js';
export {
  privateGraph,
  pseudonym,
  DEFAULT_PRIVACY_OPTIONS,
  DEFAULT_MIN_GROUP_SIZE,
  OTHER_GROUP,
  smallGroupsSentence,
  type PrivacyOptions,
  type PrivacyNote,
  type PrivateGraph,
} from './report/privacy.js';
export { reportHtml, REPORT_SECTIONS, type ReportMeta } from './report/html.js';
export { mapAssets, type MapAssets } from './report/assets.js';
export {
  keyFindings,
  DEFAULT_KEY_FINDINGS_OPTIONS,
  type KeyFinding,
  type FindingKind,
  type FindingPerson,
  type KeyFindingsOptions,
} from './report/findings.js';
export { reportCsvFiles, DEFAULT_REPORT_CSV_OPTIONS, type ReportCsvOptions } from './report/csv-files.js';
export type { SmallGroupNote } from './core/groups/min-group-size.js';

// The metric catalogue: every per-person metric the CLI and the report compute, by key.
export {
  METRIC_CATALOG,
  metricSpec,
  metricPlan,
  SharedResults,
  type MetricSpec,
  type MetricContext,
  type MetricPlan,
  type SharedName,
} from './metrics/catalog.js';

// Threads: where the one worker file is (for bundles; docs/guides/bundling.md) and the heavy-metric options.
export { setWorkerPath, WORKER_PATH_ENV } from './core/parallel/threads.js';
export type { PathMetricOptions, RunOptions, SyncOptions } from './metrics/centrality/run-options.js';
