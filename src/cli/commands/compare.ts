/**
 * `orgraph compare`: two periods compared. A period is a folder (its own tie file), relations of the
 * one input that hold the same relation at two times (`--before acquaintance_t1 --after
 * acquaintance_t2`), or a time window of the input's tie times (`--before-window
 * 2010-01-01..2010-05-01`), or both. Groups come from `--group <col>` (read in each period); with
 * none the comparison is per person. `--communities` is refused (exit 2): groups found on the
 * compared ties make the test anti-conservative. Per-person deltas, turnover, ties gained, lost and
 * reweighted, per-group E-I change with a node-level test and BH q-values, and the scorecard of
 * both periods with --objectives (read as every command reads ties: undirected unless --directed).
 * Exit 0 clean, 1 data errors, 2 usage errors.
 */
import { stat } from 'node:fs/promises';
import { parseTime } from '../../ingest/values.js';
import type { OrgGraph } from '../../model/org-graph.js';
import { project, type OrgView } from '../../model/projection.js';
import { compare, MIN_TIES_TO_TEST } from '../../recommend/compare.js';
import { loadObjectives } from '../../recommend/objectives.js';
import { scorecard } from '../../recommend/scorecard.js';
import { loadAndNote } from '../input.js';
import type { CliIo } from '../io.js';
import { inputPaths, refuseInputOverlap } from '../output.js';
import { parseList, UsageError, type RegisterCommand } from '../command-kit.js';
import { smallGroupsSentence } from '../../report/privacy.js';
import { groupCommand, parseMinGroupSize, parseSeed } from '../recommend-kit.js';
import { emit, fmt, scorecardsText, textTable } from '../recommend-kit.js';
import type { RecommendCliOptions } from '../recommend-kit.js';

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
  permutations: string;
  seed: string;
  minGroupSize: string;
};

export const compareCommand: RegisterCommand = (program, io) => {
  groupCommand(
    program,
    'compare [dir]',
    "two periods compared: deltas, turnover, ties gained and lost, test of each group's E-I change, scorecards",
  )
    .option('--before <dir|relations>', 'first period: a folder, or relations of the input')
    .option('--after <dir|relations>', 'second period: a folder, or relations of the input')
    .option('--before-window <from..to>', 'first period: ties with from <= time < to (ISO 8601 or epoch ms; an end may be left open)')
    .option('--after-window <from..to>', 'second period: ties with from <= time < to')
    .option('--communities [period]', 'refused: groups found on the compared ties cannot be tested (use --group)')
    .option('--objectives <file>', 'objectives file: adds the scorecard of both periods (flows undirected unless --directed)')
    .option('--permutations <n>', 'draws of the group test', '999')
    .option('--seed <n>', 'seed of the group test', '1')
    .action(async (dir: string | undefined, opts: CompareCliOptions) => {
      const hasBefore = opts.before !== undefined || opts.beforeWindow !== undefined;
      const hasAfter = opts.after !== undefined || opts.afterWindow !== undefined;
      if (!hasBefore || !hasAfter)
        throw new UsageError('give both periods: --before and --after (folders or relations) and/or --before-window and --after-window');
      if (opts.communities !== undefined) {
        throw new UsageError(
          '--communities cannot be tested: groups found on the compared ties (even on both periods together) make unchanged groups look changed ' +
            '(9.7% of groups at p <= 0.05 instead of 5% in the calibration of docs/recommend.md); give a group attribute with --group, or compare per person',
        );
      }
      const permutations = Number(opts.permutations);
      if (!Number.isInteger(permutations) || permutations < 0) throw new UsageError('--permutations must be a whole number >= 0');
      const seed = parseSeed(opts.seed);
      const minGroupSize = parseMinGroupSize(opts.minGroupSize);
      const windows = {
        before: opts.beforeWindow !== undefined ? parseWindow(opts.beforeWindow, '--before-window') : null,
        after: opts.afterWindow !== undefined ? parseWindow(opts.afterWindow, '--after-window') : null,
      };
      // Deltas read undirected pairs; the scorecards read ties as every command does (undirected unless --directed).
      const before = await periodView(dir, opts, opts.before, windows.before, '--before-window', io, false);
      const after = await periodView(dir, opts, opts.after, windows.after, '--after-window', io, false);
      const objectives = opts.objectives ? await loadObjectives(opts.objectives) : null;
      const compared = compare(before, after, { attribute: opts.group ?? null, permutations, seed, minGroupSize });
      const card = { attribute: opts.group, minGroupSize };
      const privacy = compared.privacy ? smallGroupsSentence(compared.privacy) : '';
      if (privacy && opts.format !== 'text') io.err(`orgraph: ${privacy}\n`);
      const scorecards = objectives
        ? opts.directed
          ? {
              before: scorecard(await periodView(dir, opts, opts.before, windows.before, '--before-window', io, true), objectives, card),
              after: scorecard(await periodView(dir, opts, opts.after, windows.after, '--after-window', io, true), objectives, card),
            }
          : { before: scorecard(before, objectives, card), after: scorecard(after, objectives, card) }
        : null;
      const r = { ...compared, scorecards };
      const periods = { before: describePeriod(opts.before, opts.beforeWindow), after: describePeriod(opts.after, opts.afterWindow) };
      const document = { periods, ...r };
      // CSV: one row per group with groups, else one row per person.
      const rows = r.groups.length ? r.groups.map((g) => ({ ...g })) : r.people.map((p) => ({ ...p }));
      await emit(opts, io, document, rows, () => {
        let out = `Before: ${periods.before}\nAfter:  ${periods.after}\n`;
        if (privacy) out += `${privacy[0].toUpperCase()}${privacy.slice(1)} (in either period)\n`;
        const tu = r.turnover;
        out += `People: ${r.people.length} in both periods, ${tu.left.length} left (${r.ties.ofLeavers} ties), ${tu.joined.length} joined (${r.ties.ofJoiners} ties)`;
        out += r.attribute !== null ? `, ${tu.changedGroup.length} changed group\n` : '\n';
        out += `Tied pairs among people of both periods: ${r.ties.before} before, ${r.ties.after} after (${r.ties.gained} gained, ${r.ties.lost} lost; of the pairs tied in both, ${r.ties.strengthened} stronger, ${r.ties.weakened} weaker)\n`;
        if (tu.left.length) out += `Left: ${idList(tu.left.map((x) => x.id))}\n`;
        if (tu.joined.length) out += `Joined: ${idList(tu.joined.map((x) => x.id))}\n`;
        if (tu.changedGroup.length)
          out += `Changed group: ${idList(tu.changedGroup.map((x) => `${x.id} (${x.before ?? '-'} -> ${x.after ?? '-'})`))}\n`;
        if (r.attribute !== null) {
          out += `\nE-I of each group on "${r.attribute}" (ties to people without a group left out), among people of both periods; `;
          out += `p: node multiplier test, ${r.diagnostics.permutations} draws; q: Benjamini-Hochberg across groups\n\n`;
          out += textTable(
            ['group', 'E-I before', 'after', 'change', 'p', 'q', 'weighted change', 'p', 'q', 'internal', 'external'],
            r.groups.map((g) => [
              g.group,
              fmt(g.eiBefore, 2),
              fmt(g.eiAfter, 2),
              fmt(g.eiChange, 2),
              fmt(g.pValue, 3),
              fmt(g.qValue, 3),
              fmt(g.eiWeightedChange, 2),
              fmt(g.pValueWeighted, 3),
              fmt(g.qValueWeighted, 3),
              `${g.internalBefore} -> ${g.internalAfter}`,
              `${g.externalBefore} -> ${g.externalAfter}`,
            ]),
          );
          const named = (xs: readonly { group: string }[]) => (xs.length ? xs.map((g) => g.group).join(', ') : 'none');
          const counts = r.groups.filter((g) => g.qValue <= 0.05);
          const strengths = r.groups.filter((g) => g.qValueWeighted <= 0.05);
          const untested = r.groups.filter((g) => Number.isNaN(g.pValue));
          if (counts.length || strengths.length)
            out += `E-I changed at q <= 0.05: on tie counts ${named(counts)}; on tie strengths ${named(strengths)}\n`;
          else if (untested.length < r.groups.length) {
            out += `No group's E-I change is significant (every tested q > 0.05, counts and strengths): the differences above are within what two samples of an unchanged network give.\n`;
          }
          if (untested.length)
            out += `Not tested (fewer than ${MIN_TIES_TO_TEST} ties in a period, or E-I undefined): ${named(untested)}\n`;
          out += `\nTies gained and lost (weight = sum of pair values):\n`;
          out += textTable(
            ['groups', 'gained', 'lost', 'weight before', 'after'],
            r.tieChanges.map((t) => [`${t.groupA} - ${t.groupB}`, fmt(t.gained), fmt(t.lost), fmt(t.weightBefore), fmt(t.weightAfter)]),
          );
        } else {
          out += `\nPer person (no --group: no group tables)\n`;
        }
        const movers = [...r.people]
          .sort(
            (a, b) =>
              Math.abs(b.degreeAfter - b.degreeBefore) - Math.abs(a.degreeAfter - a.degreeBefore) || b.degreeBefore - a.degreeBefore,
          )
          .slice(0, 10);
        out += `\nLargest changes in contacts:\n`;
        out += textTable(
          ['person', 'contacts before', 'after', 'change'],
          movers.map((p) => [p.id, fmt(p.degreeBefore), fmt(p.degreeAfter), signed(p.degreeAfter - p.degreeBefore)]),
        );
        if (r.scorecards) out += '\n' + scorecardsText(r.scorecards.before, r.scorecards.after);
        return out;
      });
    });
};

function idList(ids: readonly string[]): string {
  return ids.length > 20 ? `${ids.slice(0, 20).join(', ')}, ... (${ids.length})` : ids.join(', ');
}

function signed(x: number): string {
  return x > 0 ? `+${x}` : String(x);
}

function describePeriod(spec: string | undefined, window: string | undefined): string {
  const parts = [
    spec !== undefined ? spec : 'all relations',
    window !== undefined ? `ties with time in [${window.replace('..', ', ')})` : '',
  ];
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
  const graph = folder
    ? await load(spec, { ...opts, people: undefined, ties: undefined, relations: undefined }, io)
    : await load(dir, opts, io);
  const relations = folder || spec === undefined ? (opts.relation ? parseList(opts.relation) : null) : parseList(spec);
  if (window) {
    if (!graph.tieTimes) throw new UsageError(`${option} needs tie times, and the input's ties have none (add a time column to ties.csv)`);
    const use = new Set(relations ?? graph.relations.map((r) => r.name));
    let untimed = 0;
    for (let e = 0; e < graph.tieCount; e++)
      if (use.has(graph.relations[graph.tieRelations[e]].name) && Number.isNaN(graph.tieTimes[e])) untimed++;
    if (untimed && !directed) io.err(`orgraph: warning: ${untimed} tie(s) have no time; they count in both periods\n`);
  }
  return project(graph, { relations, directed, weighted: !opts.unweighted, timeWindow: window, influence: directed });
}

/** Load an input once per command run (both periods often read the same one). */
async function load(dir: string | undefined, opts: CompareCliOptions, io: CliIo): Promise<OrgGraph> {
  let cache = inputs.get(opts);
  if (!cache) inputs.set(opts, (cache = new Map()));
  const key = dir ?? `--ties ${opts.ties}`;
  const hit = cache.get(key);
  if (hit) return hit;
  if (opts.out !== undefined && opts.out !== '' && opts.out !== '-') refuseInputOverlap(opts.out, inputPaths(dir, opts), 'file');
  const { graph } = await loadAndNote(dir, opts, io);
  cache.set(key, graph);
  return graph;
}
