/**
 * Plumbing shared by the recommend commands (gaps, introduce, path, scorecard, compare): their
 * input, view and output options, loading the view, text tables and number formatting, and the
 * readable text of a scorecard. Commands import this module, never each other.
 */
import type { Command } from 'commander';
import { project, type OrgView } from '../model/projection.js';
import type { OrgGraph } from '../model/org-graph.js';
import type { CommunityGroups } from '../recommend/community-groups.js';
import type { ObjectiveStatus, ScorecardResult } from '../recommend/scorecard.js';
import { addInputOptions, loadAndNote, type InputCliOptions } from './input.js';
import type { CliIo } from './io.js';
import { inputPaths, recordsToCsv, refuseInputOverlap, toJson, writeOutput, type CellValue } from './output.js';
import { parseList, UsageError } from './command-kit.js';
import { DEFAULT_MIN_GROUP_SIZE } from '../core/groups/min-group-size.js';

/** Output formats of the recommend commands: readable text (default), JSON or CSV. */
export type RecommendFormat = 'text' | 'json' | 'csv';

export interface RecommendCliOptions extends InputCliOptions {
  readonly group?: string;
  readonly relation?: string;
  readonly directed?: boolean;
  readonly unweighted?: boolean;
  readonly format: RecommendFormat;
  readonly out?: string;
}

export function parseRecommendFormat(value: string): RecommendFormat {
  const v = value.trim().toLowerCase();
  if (v === 'text' || v === 'json' || v === 'csv') return v;
  throw new UsageError(`--format must be one of text, json, csv, got "${value}"`);
}

/** Input, view and output options shared by gaps, introduce, path, scorecard and compare. */
export function addRecommendOptions(cmd: Command, needsGroup: boolean): Command {
  addInputOptions(cmd);
  if (needsGroup) cmd.option('--group <col>', 'people attribute that defines the groups (department, location, level...)');
  return cmd
    .option('--relation <list>', 'comma-separated relations to use (default: all)')
    .option('--directed', 'directed view (default: undirected)')
    .option('--unweighted', 'read every tie as 1')
    .option('--format <format>', 'output: text (readable), json or csv', parseRecommendFormat, 'text')
    .option('--out <file>', 'write the output to this file');
}

/**
 * Read a command's input: refuse an `--out` file that is, or would overwrite, an input (before
 * anything is read), load the input, print its ingest warning on stderr, and check that `group`
 * (when given) names an attribute (`E_UNKNOWN_ATTRIBUTE`, exit 1). Returns the graph and the input
 * paths, for `writeOutput`.
 */
export async function readInput(
  dir: string | undefined,
  opts: InputCliOptions & { readonly out?: string },
  io: CliIo,
  group?: string,
): Promise<{ graph: OrgGraph; inputs: string[] }> {
  const inputs = inputPaths(dir, opts);
  const out = opts.out;
  if (out !== undefined && out !== '' && out !== '-') refuseInputOverlap(out, inputs, 'file');
  const { graph } = await loadAndNote(dir, opts, io);
  if (group !== undefined) graph.attribute(group);
  return { graph, inputs };
}

/** Load the input and project it as the options say. */
export async function loadView(
  dir: string | undefined,
  opts: RecommendCliOptions,
  io: CliIo,
  defaults: { directed?: boolean } = {},
): Promise<OrgView> {
  const { graph } = await readInput(dir, opts, io);
  return project(graph, {
    relations: opts.relation ? parseList(opts.relation) : null,
    directed: opts.directed ?? defaults.directed ?? false,
    weighted: !opts.unweighted,
  });
}

export function requireGroup(opts: RecommendCliOptions): string {
  if (!opts.group) throw new UsageError('--group <col> is required');
  return opts.group;
}

/** A number for text output: 3 significant decimals, '-' when undefined. */
export function fmt(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '-';
  return Number.isInteger(x) ? String(x) : x.toFixed(digits);
}

/** A plain text table with aligned columns. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const width = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((s, c) => s.padEnd(width[c]))
      .join('  ')
      .trimEnd();
  return [line(header), line(width.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}

/** Write JSON, CSV (from rows) or text. */
export async function emit(
  opts: RecommendCliOptions,
  io: CliIo,
  document: unknown,
  csvRows: readonly Record<string, CellValue>[],
  text: () => string,
): Promise<void> {
  const body = opts.format === 'json' ? toJson(document) : opts.format === 'csv' ? recordsToCsv(csvRows) : text();
  await writeOutput(body, opts.out, io);
}

/** Help of `--min-group-size` in the group commands (docs/privacy.md). */
const MIN_GROUP_SIZE_HELP =
  'groups under k people are merged into "Other (small groups)" (and the smallest others until it reaches k; docs/privacy.md); 1 shows every group';

/** Add `--min-group-size <k>` (default 5) to a group command. */
export function addMinGroupSizeOption(cmd: Command): Command {
  return cmd.option('--min-group-size <k>', MIN_GROUP_SIZE_HELP, String(DEFAULT_MIN_GROUP_SIZE));
}

/**
 * A group command (gaps, introduce, scorecard, compare, timeline) registered on `program`: its name
 * and arguments, its description, then the options every group command shares, in this order:
 * input, `--group`, view and output ({@link addRecommendOptions}), and `--min-group-size`. The
 * command adds its own options after them.
 */
export function groupCommand(program: Command, nameAndArgs: string, description: string): Command {
  return addMinGroupSizeOption(addRecommendOptions(program.command(nameAndArgs).description(description), true));
}

/** `--min-group-size` as a whole number >= 1 (default 5); UsageError otherwise. */
export function parseMinGroupSize(value: string | undefined): number {
  const k = Number(value ?? String(DEFAULT_MIN_GROUP_SIZE));
  if (!Number.isInteger(k) || k < 1) throw new UsageError(`--min-group-size must be a whole number >= 1, got "${value}"`);
  return k;
}

/** `--seed` as a whole number (default 1); UsageError otherwise. */
export function parseSeed(value: string | undefined): number {
  const seed = Number(value ?? '1');
  if (!Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number, got "${value}"`);
  return seed;
}

/** Lines describing community groups and their members (12 shown per community), for the readable output. */
export function communitiesLine(c: CommunityGroups, on: string): string {
  const members = new Map<string, string[]>();
  for (const [id, g] of c.groupOf) members.set(g, [...(members.get(g) ?? []), id]);
  let out = `Groups: ${c.count} Louvain communities of ${on} (seed ${c.seed}, resolution ${c.resolution}, modularity ${fmt(c.modularity, 3)}), named 1..${c.count} by decreasing size\n`;
  for (let g = 1; g <= c.count; g++) {
    const ids = members.get(String(g)) ?? [];
    out += `  ${g}: ${ids.slice(0, 12).join(', ')}${ids.length > 12 ? `, ... (${ids.length} people)` : ''}\n`;
  }
  return out;
}

function targetText(o: ObjectiveStatus): string {
  return [o.min !== null ? `>= ${o.min}` : '', o.max !== null ? `<= ${o.max}` : ''].filter(Boolean).join(' ');
}

function ownerText(o: ObjectiveStatus): string {
  return [o.owner, o.initiative].filter((x) => x !== null).join(' / ');
}

/** "3 met, 1 at risk, 0 missed" (", 1 withheld" when objectives were withheld for privacy). */
function summaryText(s: ScorecardResult['summary']): string {
  return `${s.met} met, ${s.atRisk} at risk, ${s.missed} missed${s.withheld > 0 ? `, ${s.withheld} withheld (privacy)` : ''}`;
}

/** Readable text of one scorecard. */
export function scorecardText(r: ScorecardResult, title: string): string {
  let out = `${title}: ${summaryText(r.summary)}\n`;
  const bsc = r.objectives.some((o) => o.owner !== null || o.initiative !== null);
  out += textTable(
    ['objective', 'actual', 'target', 'status', ...(bsc ? ['owner / initiative'] : [])],
    r.objectives.map((o) => [o.label, fmt(o.actual), targetText(o), o.status, ...(bsc ? [ownerText(o)] : [])]),
  );
  return out;
}

/**
 * The trend of one objective between two periods: `up` / `down` / `same` (or `-` when either value
 * is undefined), and whether that moves toward the target (`better`), away from it (`worse`) or not.
 * Toward = up for a min-only target, down for a max-only one; with both, toward the band.
 * @example trend({ actual: 3, min: 5, max: null }, { actual: 4, min: 5, max: null }) // 'up, better'
 */
export function trend(
  before: Pick<ObjectiveStatus, 'actual' | 'min' | 'max'>,
  after: Pick<ObjectiveStatus, 'actual' | 'min' | 'max'>,
): string {
  const a = before.actual;
  const b = after.actual;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return '-';
  if (a === b) return 'same';
  const gap = (x: number) => Math.max(0, (before.min ?? -Infinity) - x, x - (before.max ?? Infinity));
  const dir = b > a ? 'up' : 'down';
  const ga = gap(a);
  const gb = gap(b);
  if (gb < ga) return `${dir}, better`;
  if (gb > ga) return `${dir}, worse`;
  // Both inside the target (or equally far): further inside a one-sided target is better.
  if (before.min !== null && before.max === null) return `${dir}, ${b > a ? 'better' : 'worse'}`;
  if (before.max !== null && before.min === null) return `${dir}, ${b < a ? 'better' : 'worse'}`;
  return dir;
}

/** Two scorecards of the same objectives (before, after) side by side, with each objective's trend. */
export function scorecardsText(before: ScorecardResult, after: ScorecardResult): string {
  let out = `Scorecard, before: ${summaryText(before.summary)}; after: ${summaryText(after.summary)}\n`;
  const bsc = before.objectives.some((o) => o.owner !== null || o.initiative !== null);
  out += textTable(
    ['objective', 'target', 'before', 'status', 'after', 'status', 'trend', ...(bsc ? ['owner / initiative'] : [])],
    before.objectives.map((o, x) => {
      const a = after.objectives[x];
      return [o.label, targetText(o), fmt(o.actual), o.status, fmt(a.actual), a.status, trend(o, a), ...(bsc ? [ownerText(o)] : [])];
    }),
  );
  return out;
}
