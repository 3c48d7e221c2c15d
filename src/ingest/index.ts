/** Ingest family: every way into an OrgGraph (CSV, JSON, event logs), with validation and a report. */
export { loadFolder, loadFiles, parseCsv, DEFAULT_RELATION } from './csv.js';
export type { IngestResult, CsvFiles, CsvTexts } from './csv.js';
export { loadJson } from './json.js';
export type { OrgJson } from './json.js';
export { DEFAULT_INGEST_OPTIONS, resolveIngestOptions } from './options.js';
export type { IngestOptions, IngestMode, ResolvedIngestOptions } from './options.js';
export { isCleanReport, droppedRows } from './report.js';
export type { IngestReport, FileReport, IngestIssue, IssueAction, InputKind, EventStats } from './report.js';
export { parseWeight, parseTime, parseFlag } from './values.js';
export type { Parsed } from './values.js';
export { loadEvents, parseEventsCsv, aggregateEvents, DEFAULT_EVENT_OPTIONS, RECIPIENT_SEPARATOR } from './events.js';
export type { EventOptions, EventColumns, GroupWeighting, InteractionEvent } from './events.js';
