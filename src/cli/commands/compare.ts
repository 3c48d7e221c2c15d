/**
 * `orgraph compare`: two periods compared. A period is a folder (its own tie file), relations of the
 * one input (`--before advice --after friendship`), or a time window of the input's tie times
 * (`--before-window 2010-01-01..2010-05-01`), or both a relation list and a window. Groups come from
 * `--group <col>`, or from `--communities [before|after]` (Louvain communities of one period,
 * followed into the other) for data without a group attribute; with neither, the comparison is per
 * person. Per-person and per-group deltas, ties gained and lost across groups, a permutation test
 * of each group's E-I change, and the scorecard of both periods with --objectives (directed flows,
 * as `orgraph scorecard`, unless --undirected).
 * Exit 0 clean, 1 data errors, 2 usage errors.
 */
import { stat } from 'node:fs/promises';
import { parseTime } from '../../ingest/values.js';
import type { OrgGraph } from '../../model/org-graph.js';
import { project, type OrgView } from '../../model/projection.js';
import { communityGroups, type CommunityGroups } from '../../recommend/community-groups.js';
import { compare } from '../../recommend/compare.js';
import { loadObjectives } from '../../recommend/objectives.js';
import { scorecard } from '../../recommend/scorecard.js';
import { ingestWarning, loadInput } from '../input.js';
import type { CliIo } from '../io.js';
import { inputPaths, refuseInputOverlap } from '../output.js';
import { parseList, UsageError, type RegisterCommand } from '../command-kit.js';
import { addRecommendOptions, communitiesLine, emit, fmt, parseSeed, scorecardText, textTable, type RecommendCliOptions } from '../recommend-kit.js';

async function isDir(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/** A time window `FROM..TO` (ISO 8601 date or date-time, UTC unless an offset is given, or epoch ms; either end may be left open). */
export interface TimeWindow {
  readonly from?: number;
  readonly to?: number;
}

/**
 * Parse `--before-window` / `--after-window`: `FROM..TO`, ties with FROM <= time < TO. UsageError
 * naming the option for a missing `..`, an unreadable time or FROM >= TO.
 * @example parseWindow('2010-01-01..2010-05-01', '--before-window') // { from: 1262304000000, to: 1272672000000 }
 */
export function parseWindow(text: string, option: string): TimeWindow {
  const parts = text.split('..');
  if (parts.length !== 2) throw new UsageError(`${option} must be FROM..TO (e.g. 2010-01-01..2010-05-01), got "${text}"`);
  const end = (s: string): number | undefined => {
    if (s.trim() === '') return undefined;
    const t = parseTime(s);
    if (!t.ok) throw new UsageError(`${option}: ${t.reason}`);
    return t.value;
  };
  const from = end(parts[0]);
  const to = end(parts[1]);
  if (from !== undefined && to !== undefined && from >= to) throw new UsageError(`${option}: the window ends before it starts ("${text}")`);
  return { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
}

type CompareCliOptions = RecommendCliOptions & {
  before?: string;
  after?: string;
  beforeWindow?: string;
  afterWindow?: string;
  communities?: string | boolean;
  objectives?: string;
  undirected?: boolean;
  permutations: string;
  seed: string;
};

export const compareCommand: RegisterCommand = (program, io) => {
  const cmd = program.command('compare [dir]').description('two periods compared: deltas, ties gained and lost, permutation test, scorecards');
  addRecommendOptions(cmd, true)
    .option('--before <dir|relations>', 'first period: a folder, or relations of the input')
    .option('--after <dir|relations>', 'second period: a folder, or relations of the input')
    .option('--before-window <from..to>', 'first period: ties with from <= time < to (ISO 8601 or epoch ms; an end may be left open)')
    .option('--after-window <from..to>', 'second period: ties with from <= time < to')
    .option('--communities [period]', 'groups = Louvain communities of one period (before, the default, or after), followed into the other; for data without a group attribute')
    .option('--objectives <file>', 'objectives file: adds the scorecard of both periods')
    .option('--undirected', 'scorecard flows read ties as undirected (default: directed, as `orgraph scorecard`); the deltas always read pairs')
    .option('--permutations <n>', 'permutations of the group test', '1000')
    .option('--seed <n>', 'seed of the permutation test and of Louvain', '1')
    .action(async (dir: string | undefined, opts: CompareCliOptions) => {
      const hasBefore = opts.before !== undefined || opts.beforeWindow !== undefined;
      const hasAfter = opts.after !== undefined || opts.afterWindow !== undefined;
      if (!hasBefore || !hasAfter) throw new UsageError('give both periods: --before and --after (folders or relations) and/or --before-window and --after-window');
      if (opts.directed) throw new UsageError('compare reads tied pairs, and its scorecards directed flows already: drop --directed (use --undirected for undirected scorecard flows)');
      if (opts.group && opts.communities !== undefined) throw new UsageError('give either --group or --communities, not both');
      const communitiesOf = opts.communities === undefined ? null : opts.communities === true ? 'before' : opts.communities;
      if (communitiesOf !== null && communitiesOf !== 'before' && communitiesOf !== 'after') throw new UsageError(`--communities takes before or after, got "${communitiesOf}"`);
      const permutations = Number(opts.permutations);
      if (!Number.isInteger(permutations) || permutations < 0) throw new UsageError('--permutations must be a whole number >= 0');
      const seed = parseSeed(opts.seed);
      const windows = {
        before: opts.beforeWindow !== undefined ? parseWindow(opts.beforeWindow, '--before-window') : null,
        after: opts.afterWindow !== undefined ? parseWindow(opts.afterWindow, '--after-window') : null,
      };
      const before = await periodView(dir, opts, opts.before, windows.before, '--before-window', io, false);
      const after = await periodView(dir, opts, opts.after, windows.after, '--after-window', io, false);
      let groups: CommunityGroups | null = null;
      if (communitiesOf) groups = communityGroups(communitiesOf === 'before' ? before : after, { seed, weighted: !opts.unweighted });
      const objectives = opts.objectives ? await loadObjectives(opts.objectives) : null;
      const compared = compare(before, after, { attribute: opts.group ?? null, groups, permutations, seed });
      // The scorecards read directed flows (as `orgraph scorecard`) unless --undirected; the deltas read pairs.
      const card = { attribute: opts.group, groups };
      const scorecards = objectives
        ? opts.undirected
          ? { before: scorecard(before, objectives, card), after: scorecard(after, objectives, card) }
          : {
              before: scorecard(await periodView(dir, opts, opts.before, windows.before, '--before-window', io, true), objectives, card),
              after: scorecard(await periodView(dir, opts, opts.after, windows.after, '--after-window', io, true), objectives, card),
            }
        : null;
      const r = { ...compared, scorecards };
      const periods = { before: describePeriod(opts.before, opts.beforeWindow), after: describePeriod(opts.after, opts.afterWindow) };
      const document = {
        periods,
        ...(groups ? { communities: { period: communitiesOf, count: groups.count, modularity: groups.modularity, seed: groups.seed, resolution: groups.resolution, members: Object.fromEntries(groups.groupOf) } } : {}),
        ...r,
      };
      // CSV: one row per group with groups, else one row per person.
      const rows = r.groups.length ? r.groups.map((g) => ({ ...g })) : r.people.map((p) => ({ ...p }));
      await emit(opts, io, document, rows, () => {
        let out = `Before: ${periods.before}\nAfter:  ${periods.after}\n`;
        out += `Tied pairs: ${r.ties.before} before, ${r.ties.after} after (${r.ties.gained} gained, ${r.ties.lost} lost)`;
        out += r.diagnostics.peopleInOneOnly ? `; ${r.diagnostics.peopleInOneOnly} people in one period only, left out\n` : '\n';
        if (groups) out += '\n' + communitiesLine(groups, `the ${communitiesOf} period`);
        if (r.attribute !== null) {
          out += `\nCompared on "${r.attribute}": ${r.diagnostics.changedDyads} pairs changed; ${r.diagnostics.permutations} permutations\n\n`;
          out += textTable(['group', 'E-I before', 'E-I after', 'change', 'p', 'internal', 'external'], r.groups.map((g) => [g.group, fmt(g.eiBefore, 2), fmt(g.eiAfter, 2), fmt(g.eiChange, 2), fmt(g.p, 3), `${g.internalBefore} -> ${g.internalAfter}`, `${g.externalBefore} -> ${g.externalAfter}`]));
          out += `\nTies gained and lost:\n`;
          out += textTable(['groups', 'gained', 'lost'], r.tieChanges.map((t) => [`${t.groupA} - ${t.groupB}`, fmt(t.gained), fmt(t.lost)]));
        } else {
          out += `\nPer person (no --group or --communities: no group tables)\n`;
        }
        const movers = [...r.people]
          .sort((a, b) => Math.abs(b.degreeAfter - b.degreeBefore) - Math.abs(a.degreeAfter - a.degreeBefore) || b.degreeBefore - a.degreeBefore)
          .slice(0, 10);
        out += `\nLargest changes in contacts:\n`;
        out += textTable(['person', 'contacts before', 'after', 'change'], movers.map((p) => [p.id, fmt(p.degreeBefore), fmt(p.degreeAfter), signed(p.degreeAfter - p.degreeBefore)]));
        if (r.scorecards) out += '\n' + scorecardText(r.scorecards.before, 'Scorecard, before') + '\n' + scorecardText(r.scorecards.after, 'Scorecard, after');
        return out;
      });
    });
};

function signed(x: number): string {
  return x > 0 ? `+${x}` : String(x);
}

function describePeriod(spec: string | undefined, window: string | undefined): string {
  const parts = [spec !== undefined ? spec : 'all relations', window !== undefined ? `ties with time in [${window.replace('..', ', ')})` : ''];
  return parts.filter(Boolean).join(', ');
}

const inputs = new WeakMap<object, Map<string, OrgGraph>>();

/** One period's view: a folder or relations of the main input, optionally cut to a time window. */
async function periodView(
  dir: string | undefined,
  opts: CompareCliOptions,
  spec: string | undefined,
  window: TimeWindow | null,
  option: string,
  io: CliIo,
  directed: boolean,
): Promise<OrgView> {
  const folder = spec !== undefined && (await isDir(spec));
  const graph = folder ? await load(spec, { ...opts, people: undefined, ties: undefined, relations: undefined }, io) : await load(dir, opts, io);
  const relations = folder || spec === undefined ? (opts.relation ? parseList(opts.relation) : null) : parseList(spec);
  if (window) {
    if (!graph.tieTimes) throw new UsageError(`${option} needs tie times, and the input's ties have none (add a time column to ties.csv)`);
    const use = new Set(relations ?? graph.relations.map((r) => r.name));
    let untimed = 0;
    for (let e = 0; e < graph.tieCount; e++) if (use.has(graph.relations[graph.tieRelations[e]].name) && Number.isNaN(graph.tieTimes[e])) untimed++;
    if (untimed && !directed) io.err(`orgraph: warning: ${untimed} tie(s) have no time; they count in both periods\n`);
  }
  return project(graph, { relations, directed, weighted: !opts.unweighted, timeWindow: window });
}

/** Load an input once per command run (both periods often read the same one). */
async function load(dir: string | undefined, opts: CompareCliOptions, io: CliIo): Promise<OrgGraph> {
  let cache = inputs.get(opts);
  if (!cache) inputs.set(opts, (cache = new Map()));
  const key = dir ?? `--ties ${opts.ties}`;
  const hit = cache.get(key);
  if (hit) return hit;
  if (opts.out !== undefined && opts.out !== '' && opts.out !== '-') refuseInputOverlap(opts.out, inputPaths(dir, opts), 'file');
  const { graph, report } = await loadInput(dir, opts);
  const warning = ingestWarning(report);
  if (warning) io.err(`${warning}\n`);
  cache.set(key, graph);
  return graph;
}
