/** Report family: the analysis pipeline as plain data, privacy, and the self-contained HTML page. */
export { analysis, ANALYSIS_STAGES, DEFAULT_ANALYSIS_OPTIONS } from './analysis.js';
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
  AnalysisPrivacy,
  Suppressed,
} from './analysis.js';
export { privateGraph, pseudonym, DEFAULT_PRIVACY_OPTIONS, DEFAULT_MIN_GROUP_SIZE, OTHER_GROUP, smallGroupsSentence } from './privacy.js';
export type { PrivacyOptions, PrivacyNote, PrivateGraph } from './privacy.js';
export type { SmallGroupNote } from '../core/groups/min-group-size.js';
export { reportHtml, REPORT_SECTIONS } from './html.js';
export { keyFindings, personLabel, personInSentence, DEFAULT_KEY_FINDINGS_OPTIONS } from './findings.js';
export type { KeyFinding, FindingKind, FindingPerson, KeyFindingsOptions } from './findings.js';
export { reportCsvFiles, DEFAULT_REPORT_CSV_OPTIONS, PEOPLE_COLUMNS } from './csv-files.js';
export type { ReportCsvOptions } from './csv-files.js';
export type { ReportMeta } from './html.js';
export { mapAssets } from './assets.js';
export type { MapAssets } from './assets.js';
export { escapeHtml } from './escape.js';
export { toJson, toCsv, recordsToCsv, csvCell, csvRow, DEFAULT_CSV_OPTIONS, DEFAULT_JSON_OPTIONS } from '../model/tables.js';
export type { CellValue, CsvOptions, JsonOptions } from '../model/tables.js';
