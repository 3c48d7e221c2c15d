/**
 * `orgraph path A B`: the strongest chain of contacts from one person to another (shortest path on
 * d = 1/w), with alternatives. Exit 0 clean (also when there is no path), 1 data errors, 2 usage errors.
 */
import { introductionPath } from '../../recommend/introduction-path.js';
import { UsageError, type RegisterCommand } from '../command-kit.js';
import { addRecommendOptions, emit, fmt, loadView, type RecommendCliOptions } from './gaps.js';

export const path: RegisterCommand = (program, io) => {
  const cmd = program
    .command('path <from> <to> [dir]')
    .description('strongest chains of contacts between two people (d = 1/w), with alternatives');
  addRecommendOptions(cmd, false)
    .option('--alternatives <n>', 'chains to list', '3')
    .action(async (from: string, to: string, dir: string | undefined, opts: RecommendCliOptions & { alternatives: string }) => {
      const k = Number(opts.alternatives);
      if (!Number.isInteger(k) || k < 1) throw new UsageError(`--alternatives must be a whole number >= 1, got "${opts.alternatives}"`);
      const view = await loadView(dir, opts, io);
      const r = introductionPath(view, from, to, { alternatives: k });
      const rows = r.paths.map((p, rank) => ({ rank: rank + 1, people: p.people.join(' > '), hops: p.hops, length: p.length, weakestTie: p.weakestTie }));
      await emit(opts, io, r, rows, () =>
        r.paths.length === 0
          ? `No chain of contacts from ${from} to ${to}.\n`
          : r.paths.map((p, rank) => `${rank + 1}. ${p.people.join(' > ')}  (${p.hops} ${p.hops === 1 ? 'step' : 'steps'}, length ${fmt(p.length)}, weakest tie ${fmt(p.weakestTie)})`).join('\n') + '\n',
      );
    });
};
