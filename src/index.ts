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
  loadGoogleWorkspace,
  parseGoogleWorkspace,
  DEFAULT_GOOGLE_WORKSPACE_OPTIONS,
  DEFAULT_MEETING_MODEL_OPTIONS,
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
  GoogleWorkspaceOptions,
  GoogleWorkspaceResult,
  GoogleWorkspaceStats,
  MeetingModelOptions,
} from './ingest/index.js';

// Centrality: who is central, by degree, paths and spectral measures.
export { betweennessApprox, betweennessApproxSync, DEFAULT_BETWEENNESS_APPROX_OPTIONS } from './metrics/centrality/betweenness-approx.js';
export { betweenness, betweennessSync, DEFAULT_BETWEENNESS_OPTIONS } from './metrics/centrality/betweenness.js';
export { closeness, closenessSync, DEFAULT_CLOSENESS_OPTIONS } from './metrics/centrality/closeness.js';
export { clustering, DEFAULT_CLUSTERING_OPTIONS } from './metrics/centrality/clustering.js';
export { coreNumber, DEFAULT_CORE_NUMBER_OPTIONS } from './metrics/centrality/core-number.js';
export { degree, DEFAULT_DEGREE_OPTIONS } from './metrics/centrality/degree.js';
export { eigenvector, eigenvectorSync, DEFAULT_EIGENVECTOR_OPTIONS } from './metrics/centrality/eigenvector.js';
export { harmonic, harmonicSync, DEFAULT_HARMONIC_OPTIONS } from './metrics/centrality/harmonic.js';
export { katz, katzSync, DEFAULT_KATZ_OPTIONS, KATZ_DEFAULT_ALPHA } from './metrics/centrality/katz.js';
export { pagerank, pagerankSync, DEFAULT_PAGERANK_OPTIONS } from './metrics/centrality/pagerank.js';
export { strength, DEFAULT_STRENGTH_OPTIONS } from './metrics/centrality/strength.js';
export type { BetweennessApproxOptions } from './metrics/centrality/betweenness-approx.js';
export type { BetweennessOptions } from './metrics/centrality/betweenness.js';
export type { ClosenessOptions } from './metrics/centrality/closeness.js';
export type { ClusteringOptions } from './metrics/centrality/clustering.js';
export type { CoreNumberOptions } from './metrics/centrality/core-number.js';
export type { TieDirection, DegreeOptions } from './metrics/centrality/degree.js';
export type { EigenvectorOptions } from './metrics/centrality/eigenvector.js';
export type { HarmonicOptions } from './metrics/centrality/harmonic.js';
export type { KatzOptions } from './metrics/centrality/katz.js';
export type { PageRankOptions } from './metrics/centrality/pagerank.js';
export type { StrengthOptions } from './metrics/centrality/strength.js';

// Brokerage: who bridges groups and structural holes; key-person risks.
export { articulation, biconnectedComponents } from './metrics/brokerage/articulation.js';
export { boundarySpanners, DEFAULT_BOUNDARY_SPANNERS_OPTIONS } from './metrics/brokerage/boundary-spanners.js';
export { bridges } from './metrics/brokerage/bridges.js';
export { bridgingCoefficient, bridging, DEFAULT_BRIDGING_OPTIONS } from './metrics/brokerage/bridging.js';
export { brokerageRoles, BROKERAGE_ROLES } from './metrics/brokerage/brokerage-roles.js';
export { constraint, DEFAULT_CONSTRAINT_OPTIONS } from './metrics/brokerage/constraint.js';
export { effectiveSize, DEFAULT_EFFECTIVE_SIZE_OPTIONS } from './metrics/brokerage/effective-size.js';
export { efficiency, DEFAULT_EFFICIENCY_OPTIONS } from './metrics/brokerage/efficiency.js';
export {
  fragmentation,
  fragmentationSet,
  fragmentationDistance,
  DEFAULT_FRAGMENTATION_DISTANCE_OPTIONS,
} from './metrics/brokerage/fragmentation.js';
export { groupDependency } from './metrics/brokerage/group-dependency.js';
export { hierarchy, DEFAULT_HIERARCHY_OPTIONS } from './metrics/brokerage/hierarchy.js';
export {
  keyPlayersNeg,
  keyPlayersPos,
  DEFAULT_KEY_PLAYERS_NEG_OPTIONS,
  DEFAULT_KEY_PLAYERS_POS_OPTIONS,
} from './metrics/brokerage/key-players.js';
export { localBridges } from './metrics/brokerage/local-bridges.js';
export { moduleRoles, DEFAULT_MODULE_ROLES_OPTIONS, MODULE_ROLE_NAMES } from './metrics/brokerage/module-roles.js';
export { participation, DEFAULT_PARTICIPATION_OPTIONS } from './metrics/brokerage/participation.js';
export { withinModuleZ, DEFAULT_WITHIN_MODULE_Z_OPTIONS } from './metrics/brokerage/within-module-z.js';
export type { BiconnectedComponents } from './metrics/brokerage/articulation.js';
export type { BoundarySpannersOptions, BoundarySpannersResult } from './metrics/brokerage/boundary-spanners.js';
export type { PersonPair } from './metrics/brokerage/bridges.js';
export type { BridgingOptions } from './metrics/brokerage/bridging.js';
export type { BrokerageRole, RoleNumbers, BrokerageRolesResult } from './metrics/brokerage/brokerage-roles.js';
export type { ConstraintOptions } from './metrics/brokerage/constraint.js';
export type { EffectiveSizeOptions } from './metrics/brokerage/effective-size.js';
export type { EfficiencyOptions } from './metrics/brokerage/efficiency.js';
export type {
  FragmentationResult,
  FragmentationSetResult,
  FragmentationDistanceOptions,
  FragmentationDistanceResult,
} from './metrics/brokerage/fragmentation.js';
export type { GroupDependencyOptions, GroupMemberDependency, GroupDependency } from './metrics/brokerage/group-dependency.js';
export type { GroupInput } from './metrics/brokerage/groups.js';
export type { HierarchyOptions } from './metrics/brokerage/hierarchy.js';
export type {
  KeyPlayerSearchOptions,
  KeyPlayersNegOptions,
  KeyPlayersPosOptions,
  KeyPlayersResult,
  KeyPlayersPosResult,
} from './metrics/brokerage/key-players.js';
export type { LocalBridge } from './metrics/brokerage/local-bridges.js';
export type { ModuleRolesOptions } from './metrics/brokerage/module-roles.js';
export type { ParticipationOptions } from './metrics/brokerage/participation.js';
export type { WithinModuleZOptions } from './metrics/brokerage/within-module-z.js';

// Silos: groups, communities, mixing and their statistical tests.
export { assortativity, DEFAULT_ASSORTATIVITY_OPTIONS } from './metrics/silos/assortativity.js';
export { louvain, DEFAULT_LOUVAIN_OPTIONS } from './metrics/silos/communities.js';
export { conductance, DEFAULT_CONDUCTANCE_OPTIONS } from './metrics/silos/conductance.js';
export { density, groupDensity } from './metrics/silos/density.js';
export { eiIndex, eiIndexWeighted, DEFAULT_EI_INDEX_OPTIONS } from './metrics/silos/ei-index.js';
export { groupPartition, MISSING_GROUP, DEFAULT_GROUP_PARTITION_OPTIONS } from './metrics/silos/groups.js';
export { mixing, MAX_MIXING_GROUPS } from './metrics/silos/mixing.js';
export { modularity, DEFAULT_MODULARITY_OPTIONS } from './metrics/silos/modularity.js';
export { normalizedMutualInformation, adjustedRandIndex, partitionComparison } from './metrics/silos/partition-comparison.js';
export { siloScore, DEFAULT_SILO_SCORE_OPTIONS } from './metrics/silos/silo-score.js';
export { yulesQ } from './metrics/silos/yules-q.js';
export type { AssortativityOptions } from './metrics/silos/assortativity.js';
export type { LouvainOptions, LouvainResult } from './metrics/silos/communities.js';
export type { ConductanceOptions, GroupConductance } from './metrics/silos/conductance.js';
export type { GroupDensity } from './metrics/silos/density.js';
export type { EiIndexOptions, EiValue, GroupEiValue, EiIndexResult } from './metrics/silos/ei-index.js';
export type { GroupPartitionOptions, GroupPartition, GroupSize } from './metrics/silos/groups.js';
export type { MixingCell, MixingResult } from './metrics/silos/mixing.js';
export type { ModularityOptions } from './metrics/silos/modularity.js';
export type { ContingencyCell, GroupSpread, PartitionComparison } from './metrics/silos/partition-comparison.js';
export type { PermutationResult } from './metrics/silos/permutation.js';
export type { SiloScoreOptions, GroupSiloScore } from './metrics/silos/silo-score.js';
export type { YulesQResult } from './metrics/silos/yules-q.js';

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
export type { PathMetricOptions, RunOptions, SyncOptions } from './metrics/centrality/run-options.js';
