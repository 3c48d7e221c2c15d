/**
 * orgraph: organisational network analysis.
 *
 * The public API, listed by name: nothing is re-exported wholesale, so a new export in a module
 * does not become public by accident. The API report (etc/orgraph.api.md, `npm run api:check`)
 * records this surface; change it on purpose with `npm run api:update`.
 */
// Model: people, ties, errors, views.
export { OrgraphError, isOrgraphError, formatLocation, escapeText } from './model/errors.js';
export type { OrgraphErrorCode, ErrorLocation } from './model/errors.js';
export { OrgGraph, OrgGraphBuilder, REPORTS_TO, MIN_WEIGHT, MAX_WEIGHT } from './model/org-graph.js';
export type { Person, Tie, RelationInfo, OrgGraphInput } from './model/org-graph.js';
export { project, viewTies, viewLengths, DEFAULT_PROJECTION_OPTIONS } from './model/projection.js';
export type { OrgView, ProjectionOptions, ResolvedProjectionOptions } from './model/projection.js';
export type { Csr, LengthTransform } from './core/graph/csr.js';
export { toGraphology, fromGraphology, viewToGraphology, DEFAULT_FROM_GRAPHOLOGY_OPTIONS } from './model/graphology.js';
export type { FromGraphologyOptions, ViewToGraphologyOptions } from './model/graphology.js';
export { NodeScores, toJsonNumber } from './metrics/scores.js';
export type { Diagnostics, RankedPerson } from './metrics/scores.js';

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
} from './model/tables.js';
export type { CellValue, CsvOptions, JsonOptions, TableRow, TableOptions, HtmlTableOptions } from './model/tables.js';

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
} from './ingest/index.js';
export type {
  IngestResult,
  CsvFiles,
  CsvTexts,
  OrgJson,
  IngestOptions,
  IngestMode,
  ResolvedIngestOptions,
  IngestReport,
  FileReport,
  IngestIssue,
  IssueAction,
  InputKind,
  EventStats,
  Parsed,
  EventOptions,
  EventColumns,
  GroupWeighting,
  InteractionEvent,
} from './ingest/index.js';

// Centrality: who is central, by degree, paths and spectral measures.
export {
  betweennessApprox,
  betweennessApproxSync,
  DEFAULT_BETWEENNESS_APPROX_OPTIONS,
  betweenness,
  betweennessSync,
  DEFAULT_BETWEENNESS_OPTIONS,
  closeness,
  closenessSync,
  DEFAULT_CLOSENESS_OPTIONS,
  clustering,
  DEFAULT_CLUSTERING_OPTIONS,
  coreNumber,
  DEFAULT_CORE_NUMBER_OPTIONS,
  degree,
  DEFAULT_DEGREE_OPTIONS,
  eigenvector,
  eigenvectorSync,
  DEFAULT_EIGENVECTOR_OPTIONS,
  harmonic,
  harmonicSync,
  DEFAULT_HARMONIC_OPTIONS,
  katz,
  katzSync,
  DEFAULT_KATZ_OPTIONS,
  KATZ_DEFAULT_ALPHA,
  pagerank,
  pagerankSync,
  DEFAULT_PAGERANK_OPTIONS,
  strength,
  DEFAULT_STRENGTH_OPTIONS,
} from './metrics/centrality/index.js';
export type {
  BetweennessApproxOptions,
  BetweennessOptions,
  ClosenessOptions,
  ClusteringOptions,
  CoreNumberOptions,
  TieDirection,
  DegreeOptions,
  EigenvectorOptions,
  HarmonicOptions,
  KatzOptions,
  PageRankOptions,
  StrengthOptions,
} from './metrics/centrality/index.js';

// Brokerage: who bridges groups and structural holes; key-person risks.
export {
  articulation,
  biconnectedComponents,
  boundarySpanners,
  DEFAULT_BOUNDARY_SPANNERS_OPTIONS,
  bridges,
  bridgingCoefficient,
  bridging,
  DEFAULT_BRIDGING_OPTIONS,
  brokerageRoles,
  BROKERAGE_ROLES,
  constraint,
  DEFAULT_CONSTRAINT_OPTIONS,
  effectiveSize,
  DEFAULT_EFFECTIVE_SIZE_OPTIONS,
  efficiency,
  DEFAULT_EFFICIENCY_OPTIONS,
  fragmentation,
  fragmentationSet,
  fragmentationDistance,
  DEFAULT_FRAGMENTATION_DISTANCE_OPTIONS,
  groupDependency,
  hierarchy,
  DEFAULT_HIERARCHY_OPTIONS,
  keyPlayersNeg,
  keyPlayersPos,
  DEFAULT_KEY_PLAYERS_NEG_OPTIONS,
  DEFAULT_KEY_PLAYERS_POS_OPTIONS,
  localBridges,
  moduleRoles,
  DEFAULT_MODULE_ROLES_OPTIONS,
  MODULE_ROLE_NAMES,
  participation,
  DEFAULT_PARTICIPATION_OPTIONS,
  withinModuleZ,
  DEFAULT_WITHIN_MODULE_Z_OPTIONS,
} from './metrics/brokerage/index.js';
export type {
  BiconnectedComponents,
  BoundarySpannersOptions,
  BoundarySpannersResult,
  PersonPair,
  BridgingOptions,
  BrokerageRole,
  RoleNumbers,
  BrokerageRolesResult,
  ConstraintOptions,
  EffectiveSizeOptions,
  EfficiencyOptions,
  FragmentationResult,
  FragmentationSetResult,
  FragmentationDistanceOptions,
  FragmentationDistanceResult,
  GroupDependencyOptions,
  GroupMemberDependency,
  GroupDependency,
  GroupInput,
  HierarchyOptions,
  KeyPlayerSearchOptions,
  KeyPlayersNegOptions,
  KeyPlayersPosOptions,
  KeyPlayersResult,
  KeyPlayersPosResult,
  LocalBridge,
  ModuleRolesOptions,
  ParticipationOptions,
  WithinModuleZOptions,
} from './metrics/brokerage/index.js';

// Silos: groups, communities, mixing and their statistical tests.
export {
  assortativity,
  DEFAULT_ASSORTATIVITY_OPTIONS,
  louvain,
  DEFAULT_LOUVAIN_OPTIONS,
  conductance,
  DEFAULT_CONDUCTANCE_OPTIONS,
  density,
  groupDensity,
  eiIndex,
  eiIndexWeighted,
  DEFAULT_EI_INDEX_OPTIONS,
  groupPartition,
  MISSING_GROUP,
  DEFAULT_GROUP_PARTITION_OPTIONS,
  mixing,
  MAX_MIXING_GROUPS,
  modularity,
  DEFAULT_MODULARITY_OPTIONS,
  normalizedMutualInformation,
  adjustedRandIndex,
  partitionComparison,
  siloScore,
  DEFAULT_SILO_SCORE_OPTIONS,
  yulesQ,
} from './metrics/silos/index.js';
export type {
  AssortativityOptions,
  LouvainOptions,
  LouvainResult,
  ConductanceOptions,
  GroupConductance,
  GroupDensity,
  EiIndexOptions,
  EiValue,
  GroupEiValue,
  EiIndexResult,
  GroupPartitionOptions,
  GroupPartition,
  GroupSize,
  MixingCell,
  MixingResult,
  ModularityOptions,
  ContingencyCell,
  GroupSpread,
  PartitionComparison,
  PermutationResult,
  SiloScoreOptions,
  GroupSiloScore,
  YulesQResult,
} from './metrics/silos/index.js';

// Recommend: gaps, introductions, paths, scorecard and period comparison.
export { groupGaps, DEFAULT_GROUP_GAPS_OPTIONS } from './recommend/group-gaps.js';
export { groupLabels } from './recommend/groups.js';
export { communityGroups, DEFAULT_COMMUNITY_GROUPS_OPTIONS } from './recommend/community-groups.js';
export {
  linkPrediction,
  commonNeighbours,
  jaccard,
  adamicAdar,
  resourceAllocation,
  preferentialAttachment,
  LINK_PREDICTION_METHODS,
} from './recommend/link-prediction.js';
export { introductionScore, DEFAULT_INTRODUCTION_SCORE } from './recommend/introduction-score.js';
export { fitIntroductionScore, INTRODUCTION_SCORE_GRID } from './recommend/score-fit.js';
export { auc, precisionAtK } from './recommend/ranking-quality.js';
export { introductions, DEFAULT_INTRODUCTIONS_OPTIONS } from './recommend/introductions.js';
export { introductionPath, DEFAULT_INTRODUCTION_PATH_OPTIONS } from './recommend/introduction-path.js';
export { knowledgeSpread, DEFAULT_KNOWLEDGE_SPREAD_OPTIONS } from './recommend/knowledge-spread.js';
export { scorecard } from './recommend/scorecard.js';
export { parseObjectives, loadObjectives, FLOW_METRICS, GROUP_METRICS, DEFAULT_AT_RISK } from './recommend/objectives.js';
export { compare, DEFAULT_COMPARE_OPTIONS } from './recommend/compare.js';
export type {
  CapabilityFocus,
  CapabilityTarget,
  GroupGapsOptions,
  GroupPairGap,
  GapTable,
  GapNullInfo,
  GapNullModel,
  CapabilityPairStatus,
  GroupGapsResult,
  GapsPrivacyNote,
} from './recommend/group-gaps.js';
export type { GroupLabels, GroupAssignment, GroupSource } from './recommend/groups.js';
export type { CommunityGroups, CommunityGroupsOptions } from './recommend/community-groups.js';
export type { LinkPredictionMethod, IdPair, LinkPredictionResult } from './recommend/link-prediction.js';
export type { IntroductionScoreWeights, IntroductionComponents } from './recommend/introduction-score.js';
export type { FitIntroductionScoreOptions, FitIntroductionScoreResult } from './recommend/score-fit.js';
export type { IntroductionsOptions, IntroductionReasons, Introduction, IntroductionsResult } from './recommend/introductions.js';
export type { IntroductionPathOptions, ContactChain, IntroductionPathResult } from './recommend/introduction-path.js';
export type { KnowledgeSpreadOptions, SpreadRow, KnowledgeSpreadResult } from './recommend/knowledge-spread.js';
export type { ScorecardOptions, FlowRow, ObjectiveStatus, ScorecardResult, ScorecardPrivacyNote } from './recommend/scorecard.js';
export type { FlowMetric, GroupMetric, Objective, Objectives } from './recommend/objectives.js';
export type { CompareOptions, PersonDelta, GroupDelta, CompareResult } from './recommend/compare.js';

// Report: the analysis pipeline as data, privacy, and the HTML page.
export { analysis, ANALYSIS_STAGES, DEFAULT_ANALYSIS_OPTIONS } from './report/analysis.js';
export {
  privateGraph,
  pseudonym,
  DEFAULT_PRIVACY_OPTIONS,
  DEFAULT_MIN_GROUP_SIZE,
  OTHER_GROUP,
  smallGroupsSentence,
} from './report/privacy.js';
export { reportHtml, REPORT_SECTIONS } from './report/html.js';
export { mapAssets } from './report/assets.js';
export { keyFindings, DEFAULT_KEY_FINDINGS_OPTIONS } from './report/findings.js';
export { reportCsvFiles, DEFAULT_REPORT_CSV_OPTIONS } from './report/csv-files.js';
export type {
  AnalysisOptions,
  AnalysisResult,
  PersonFigures,
  GroupFigures,
  RankedEntry,
  Reason,
  MapData,
  ScorecardRows,
  GapCell,
  GapRow,
  IntroductionRow,
} from './report/analysis.js';
export type { KeyFinding, FindingKind, FindingPerson, KeyFindingsOptions } from './report/findings.js';
export type { ReportCsvOptions } from './report/csv-files.js';
export type { PrivacyOptions, PrivacyNote, PrivateGraph } from './report/privacy.js';
export type { SmallGroupNote } from './core/groups/min-group-size.js';
export type { ReportMeta } from './report/html.js';
export type { MapAssets } from './report/assets.js';

// The metric catalogue: every per-person metric the CLI and the report compute, by key.
export { METRIC_CATALOG, metricSpec, metricPlan, SharedResults } from './metrics/catalog.js';
export type { MetricSpec, MetricContext, MetricPlan, SharedName } from './metrics/catalog.js';

// Threads: where the one worker file is (for bundles; docs/guides/bundling.md) and the heavy-metric options.
export { setWorkerPath, WORKER_PATH_ENV } from './core/parallel/threads.js';
export type { RunOptions, SyncOptions } from './metrics/centrality/index.js';
