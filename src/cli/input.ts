/**
 * CLI input: the options every graph-reading command shares (`<dir>` or `--people F --ties F`,
 * `--lenient`, `--delimiter`, `--undirected-relations`, `--manager-column`) and the loader behind them.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { droppedRows, loadFiles, loadFolder, loadJson, type IngestOptions, type IngestResult, type IngestReport } from '../ingest/index.js';
import { parseList, UsageError } from './command-kit.js';
import { detectSource, loadSource, SOURCE_FORMATS, type SourceFormat } from '../ingest/sources/detect.js';
import { loadIdentities, resolveIdentities } from '../ingest/sources/identities.js';
import { sourceAccount, sourceNote, sourceSummary, type SourceAccount } from './source-stats.js';
import type { CliIo } from './io.js';

/** The parsed input options, as commander hands them over (camelCase). */
export interface InputCliOptions {
  readonly people?: string;
  readonly ties?: string;
  readonly relations?: string;
  readonly lenient?: boolean;
  readonly delimiter?: string;
  readonly undirectedRelations?: string;
  readonly managerColumn?: string;
  readonly from?: string;
  readonly identities?: string;
}

/**
 * Add the input options to a command. The command itself declares its `[dir]` argument.
 * @example
 * addInputOptions(program.command('metrics').argument('[dir]')).action(async (dir, opts) => {
 *   const { graph, report } = await loadInput(dir, opts);
 * });
 */
export function addInputOptions(cmd: Command): Command {
  return cmd
    .option('--people <file>', 'people CSV (header id,<attributes>)')
    .option('--ties <file>', 'ties CSV (header source,target[,weight][,relation][,time])')
    .option('--relations <file>', 'relations CSV (header relation,directed)')
    .option('--lenient', 'keep going past bad rows (dropped or repaired, and reported) instead of stopping at the first')
    .option('--delimiter <char>', "CSV field delimiter: ',' (default), ';', tab or '|'")
    .option('--undirected-relations <list>', 'comma-separated relations whose ties are undirected')
    .option('--manager-column <col>', "people column holding each person's manager id (adds reports_to ties)")
    .option('--identities <file>', 'person_id,alias[,source] CSV: people renamed to person_id, aliases merged, unmatched reported')
    .option('--from <format>', `input format: ${SOURCE_FORMATS.join(', ')} (default: detected from the file)`);
}

/** Turn `--delimiter` text into one character (`tab` and `\t` mean a tab). UsageError otherwise. */
export function parseDelimiter(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase() === 'tab' || value === '\\t' ? '\t' : value;
  if (v.length !== 1 || v === '"' || v === '\n' || v === '\r') {
    throw new UsageError(`--delimiter must be one character (e.g. ';' or tab), got ${JSON.stringify(value)}`);
  }
  return v;
}

/** The IngestOptions the CLI options stand for. */
export function ingestOptionsFrom(opts: InputCliOptions): IngestOptions {
  return {
    mode: opts.lenient ? 'lenient' : 'strict',
    delimiter: parseDelimiter(opts.delimiter),
    undirectedRelations: opts.undirectedRelations ? parseList(opts.undirectedRelations) : [],
    managerColumn: opts.managerColumn ?? null,
  };
}

/**
 * Load the graph a command was pointed at: a folder (people.csv, ties.csv, relations.csv), a
 * `.json` file, or `--ties F` with optional `--people F` / `--relations F`. Data problems throw
 * OrgraphError (exit 1); a missing or contradictory input is a UsageError (exit 2).
 */
export async function loadInput(
  dir: string | undefined,
  opts: InputCliOptions,
  onProgress?: (done: number, total: number) => void,
): Promise<LoadedInput> {
  const loaded = await loadGraphInput(dir, opts, onProgress ? await bytesProgress(dir, opts, onProgress) : undefined);
  if (opts.identities === undefined) return loaded;
  const r = resolveIdentities(loaded.graph, await loadIdentities(opts.identities, ingestOptionsFrom(opts)));
  if (r.unmatched > 0) {
    loaded.report.issueCount++;
    loaded.report.issues.push({
      file: opts.identities,
      code: 'E_UNKNOWN_PERSON',
      action: 'warning',
      message: `${r.unmatched} of ${loaded.graph.personCount} people have no alias in the identities file and keep their own id (e.g. ${r.unmatchedExamples.map((x) => `"${x}"`).join(', ')})`,
    });
  }
  return { ...loaded, graph: r.graph, report: { ...loaded.report, people: r.graph.personCount, ties: r.graph.tieCount } };
}

/**
 * A loaded input: the graph, the ingest report and, for a source read by an interaction model
 * (m365, google, slack, viva-p2p, events), the reader's format and counts.
 */
export interface LoadedInput extends IngestResult {
  readonly format?: SourceFormat;
  readonly stats?: object;
}

/** What the notes on an input read: its ingest report, and its format and stats if it has them. */
export type InputNotesOf = Pick<LoadedInput, 'report' | 'format' | 'stats'>;

/** The labelled counts of a loaded input's model, null for plain graphs. */
export function inputAccount(loaded: InputNotesOf): SourceAccount | null {
  return sourceAccount(loaded.format, loaded.stats, loaded.report.events);
}

/** A loaded input's stderr lines: its ingest warning and its model note (what made no tie), each when there is one. */
export function inputNoteLines(loaded: InputNotesOf): string[] {
  return [ingestWarning(loaded.report), sourceNote(inputAccount(loaded))].filter((line): line is string => line !== null);
}

/** Print {@link inputNoteLines} on stderr. */
export function printInputNotes(loaded: InputNotesOf, io: Pick<CliIo, 'err'>): void {
  for (const line of inputNoteLines(loaded)) io.err(`${line}\n`);
}

/**
 * The sentences the analysis report's method section gives on the input (see ReportMeta.inputNotes):
 * rows dropped or repaired and issues raised, and what the source's model left out, in counts only
 * (the first issue's text, which may quote an id, stays on stderr).
 */
export function inputSentences(loaded: InputNotesOf): string[] {
  const out: string[] = [];
  const r = loaded.report;
  const { dropped, altered } = rowCounts(r);
  if (r.issueCount > 0 || dropped > 0)
    out.push(
      `Reading the input dropped ${dropped} row(s), repaired ${altered} and raised ${r.issueCount} issue(s) in all; "orgraph validate --lenient" lists them.`,
    );
  const said = sourceSummary(inputAccount(loaded));
  if (said !== null) out.push(`Input ${said}.`);
  return out;
}

/** {@link loadInput}, then {@link printInputNotes}: what most commands do first. */
export async function loadAndNote(dir: string | undefined, opts: InputCliOptions, io: Pick<CliIo, 'err'>): Promise<LoadedInput> {
  const loaded = await loadInput(dir, opts);
  printInputNotes(loaded, io);
  return loaded;
}

/**
 * Progress of reading the CSV inputs: bytes read of the total size of the files that will be read
 * (the folder's people.csv, ties.csv and relations.csv, or the files named); other formats are read
 * in one piece and report nothing here. Complexity: one stat per file.
 */
async function bytesProgress(
  dir: string | undefined,
  opts: InputCliOptions,
  onProgress: (done: number, total: number) => void,
): Promise<((bytes: number) => void) | undefined> {
  const files =
    dir === undefined
      ? [opts.people, opts.ties, opts.relations].filter((f): f is string => f !== undefined)
      : ['people.csv', 'ties.csv', 'relations.csv'].map((f) => join(dir, f));
  let total = 0;
  for (const f of files) {
    try {
      const s = await stat(f);
      if (s.isFile()) total += s.size;
    } catch {
      // A missing optional file is read by no one; a missing required one is reported by the loader.
    }
  }
  if (total === 0) return undefined;
  let done = 0;
  onProgress(0, total);
  return (bytes) => {
    done += bytes;
    onProgress(Math.min(done, total), total);
  };
}

async function loadGraphInput(dir: string | undefined, opts: InputCliOptions, onBytes?: (bytes: number) => void): Promise<LoadedInput> {
  const options = { ...ingestOptionsFrom(opts), onBytes };
  if (dir !== undefined && (opts.ties !== undefined || opts.people !== undefined || opts.relations !== undefined)) {
    throw new UsageError('give either a folder or --people/--ties/--relations files, not both');
  }
  if (dir === undefined) {
    if (opts.ties === undefined) {
      throw new UsageError(
        opts.people !== undefined ? '--people needs --ties too' : 'no input: give a folder (people.csv, ties.csv) or --ties F [--people F]',
      );
    }
    return loadFiles({ people: opts.people, ties: opts.ties, relations: opts.relations }, options);
  }
  let isFile: boolean;
  try {
    isFile = (await stat(dir)).isFile();
  } catch {
    isFile = false;
  }
  if (opts.from !== undefined && !SOURCE_FORMATS.includes(opts.from as SourceFormat))
    throw new UsageError(`--from must be one of ${SOURCE_FORMATS.join(', ')}, got "${opts.from}"`);
  const format =
    opts.from !== undefined ? (opts.from as SourceFormat) : await detectSource(dir, options.delimiter ?? ',').catch(() => null);
  if (format !== null && format !== 'csv') return loadSource(dir, format, options);
  if (isFile && dir.toLowerCase().endsWith('.json')) return loadJson(dir, options);
  if (isFile) throw new UsageError(`${dir} is a file: give its folder, a .json file, or --ties ${dir}`);
  return loadFolder(dir, options);
}

/**
 * One-line summary of what lenient ingest dropped or repaired, for commands to print on stderr;
 * null when nothing happened.
 */
export function ingestWarning(report: IngestReport): string | null {
  const { dropped, altered } = rowCounts(report);
  if (report.issueCount === 0 && dropped === 0) return null;
  const first = report.issues[0];
  // NOTE: issue texts are escaped when recorded (IngestContext.problem).
  const where = first ? ` (first: ${first.file}${first.line !== undefined ? `:${first.line}` : ''}: ${first.code} ${first.message})` : '';
  return `orgraph: warning: input had ${report.issueCount} problem(s): ${dropped} row(s) dropped, ${altered} repaired${where}; run \`orgraph validate --lenient\` for the full report`;
}

/** Rows dropped and values repaired over all of a report's files. */
function rowCounts(report: IngestReport): { dropped: number; altered: number } {
  const altered = report.files.reduce((s, f) => s + Object.values(f.altered).reduce((a, b) => a + (b ?? 0), 0), 0);
  return { dropped: droppedRows(report), altered };
}
