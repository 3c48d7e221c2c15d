/**
 * `orgraph compare --before X --after Y`: two periods compared. X and Y are folders (two tie files)
 * or relation lists of the one input (e.g. `--before advice --after friendship`). Per-person and
 * per-group deltas, ties gained and lost across groups, a permutation test of each group's E-I
 * change, and the scorecard of both periods with --objectives. Exit 0 clean, 1 data errors, 2 usage errors.
 */
import { stat } from 'node:fs/promises';
import { project, type OrgView } from '../../model/projection.js';
import { compare } from '../../recommend/compare.js';
import { loadObjectives } from '../../recommend/objectives.js';
import { loadInput } from '../input.js';
import { parseList, UsageError, type RegisterCommand } from '../shared.js';
import { addRecommendOptions, emit, fmt, loadView, requireGroup, textTable, type RecommendCliOptions } from './gaps.js';
import { scorecardText } from './scorecard.js';

async function isDir(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

export const compareCommand: RegisterCommand = (program, io) => {
  const cmd = program.command('compare [dir]').description('two periods compared: deltas, ties gained and lost, permutation test, scorecards');
  addRecommendOptions(cmd, true)
    .option('--before <dir|relations>', 'first period: a folder, or relations of the input')
    .option('--after <dir|relations>', 'second period: a folder, or relations of the input')
    .option('--objectives <file>', 'objectives file: adds the scorecard of both periods')
    .option('--permutations <n>', 'permutations of the group test', '1000')
    .option('--seed <n>', 'seed of the permutation test', '1')
    .action(async (dir: string | undefined, opts: RecommendCliOptions & Record<string, string | undefined>) => {
      const attribute = requireGroup(opts);
      if (!opts.before || !opts.after) throw new UsageError('--before and --after are required');
      const permutations = Number(opts.permutations);
      if (!Number.isInteger(permutations) || permutations < 0) throw new UsageError('--permutations must be a whole number >= 0');
      const periodView = async (spec: string): Promise<OrgView> => {
        if (await isDir(spec)) return loadView(spec, { ...opts, people: undefined, ties: undefined }, io);
        const { graph } = await loadInput(dir, opts);
        return project(graph, { relations: parseList(spec), directed: Boolean(opts.directed), weighted: !opts.unweighted });
      };
      const before = await periodView(opts.before);
      const after = await periodView(opts.after);
      const objectives = opts.objectives ? await loadObjectives(opts.objectives) : null;
      const r = compare(before, after, { attribute, permutations, seed: Number(opts.seed), objectives });
      const rows = r.groups.map((g) => ({ ...g }));
      await emit(opts, io, r, rows, () => {
        let out = `Compared on "${attribute}": ${r.diagnostics.changedDyads} pairs changed; ${r.diagnostics.permutations} permutations\n\n`;
        out += textTable(['group', 'E-I before', 'E-I after', 'change', 'p', 'internal', 'external'], r.groups.map((g) => [g.group, fmt(g.eiBefore, 2), fmt(g.eiAfter, 2), fmt(g.eiChange, 2), fmt(g.p, 3), `${g.internalBefore} -> ${g.internalAfter}`, `${g.externalBefore} -> ${g.externalAfter}`]));
        out += `\nTies gained and lost:\n`;
        out += textTable(['groups', 'gained', 'lost'], r.tieChanges.map((t) => [`${t.groupA} - ${t.groupB}`, fmt(t.gained), fmt(t.lost)]));
        const movers = [...r.people].sort((a, b) => Math.abs(b.degreeAfter - b.degreeBefore) - Math.abs(a.degreeAfter - a.degreeBefore)).slice(0, 10);
        out += `\nLargest changes in contacts:\n`;
        out += textTable(['person', 'contacts before', 'after'], movers.map((p) => [p.id, fmt(p.degreeBefore), fmt(p.degreeAfter)]));
        if (r.scorecards) out += '\n' + scorecardText(r.scorecards.before, 'Scorecard, before') + '\n' + scorecardText(r.scorecards.after, 'Scorecard, after');
        return out;
      });
    });
};
