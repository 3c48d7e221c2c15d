/**
 * Recommend family barrel
 * Group gaps, link prediction, introductions (score, fit, list), introduction paths, knowledge
 * spread, the influence scorecard and its objectives, and the comparison of two periods: named
 * exports only.
 * Reference: see each module.
 */
export { groupGaps, DEFAULT_GROUP_GAPS_OPTIONS } from './group-gaps.js';
export type {
  CapabilityFocus,
  CapabilityTarget,
  GapNullInfo,
  GapNullModel,
  GroupGapsOptions,
  GroupPairGap,
  GapTable,
  CapabilityPairStatus,
  GroupGapsResult,
  GapsPrivacyNote,
} from './group-gaps.js';
export { groupLabels, groupSourceName, unknownGroup } from './groups.js';
export type { GroupLabels, GroupAssignment, GroupSource } from './groups.js';
export { communityGroups, DEFAULT_COMMUNITY_GROUPS_OPTIONS } from './community-groups.js';
export type { CommunityGroups, CommunityGroupsOptions } from './community-groups.js';
export {
  linkPrediction,
  commonNeighbours,
  jaccard,
  adamicAdar,
  resourceAllocation,
  preferentialAttachment,
  LINK_PREDICTION_METHODS,
} from './link-prediction.js';
export type { LinkPredictionMethod, IdPair, LinkPredictionResult } from './link-prediction.js';
export { introductionScore, introductionValue, introductionPlausibility, DEFAULT_INTRODUCTION_SCORE } from './introduction-score.js';
export type { IntroductionScoreWeights, IntroductionComponents, IntroductionValue } from './introduction-score.js';
export { fitIntroductionScore, INTRODUCTION_SCORE_GRID } from './score-fit.js';
export type { FitIntroductionScoreOptions, FitIntroductionScoreResult } from './score-fit.js';
export { auc, precisionAtK } from './ranking-quality.js';
export { introductions, DEFAULT_INTRODUCTIONS_OPTIONS } from './introductions.js';
export type { IntroductionsOptions, IntroductionReasons, Introduction, IntroductionGap, IntroductionsResult } from './introductions.js';
export { introductionPath, DEFAULT_INTRODUCTION_PATH_OPTIONS } from './introduction-path.js';
export type { IntroductionPathOptions, ContactChain, IntroductionPathResult } from './introduction-path.js';
export { knowledgeSpread, DEFAULT_KNOWLEDGE_SPREAD_OPTIONS } from './knowledge-spread.js';
export type { KnowledgeSpreadOptions, SpreadRow, KnowledgeSpreadResult } from './knowledge-spread.js';
export { scorecard } from './scorecard.js';
export type { ScorecardOptions, FlowRow, ObjectiveStatus, ScorecardResult, ScorecardPrivacyNote } from './scorecard.js';
export { parseObjectives, loadObjectives, checkObjectiveGroups, FLOW_METRICS, GROUP_METRICS, DEFAULT_AT_RISK } from './objectives.js';
export type { FlowMetric, GroupMetric, Objective, Objectives } from './objectives.js';
export { compare, DEFAULT_COMPARE_OPTIONS } from './compare.js';
export type { CompareOptions, PersonDelta, GroupDelta, CompareResult } from './compare.js';
export { timeline, splitByPeriod, DEFAULT_TIMELINE_OPTIONS, DEFAULT_SPLIT_OPTIONS } from './timeline.js';
export type {
  TimelineOptions,
  TimelineResult,
  TimelinePeriod,
  SplitOptions,
  PeriodGraph,
  PeriodFigures,
  PeriodChurn,
  ChurnCounts,
} from './timeline.js';
