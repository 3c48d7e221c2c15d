/**
 * `orgraph path <dir> <from> <to>`: the strongest chain of contacts from one person to another
 * (shortest path on d = 1/w), with alternatives. The input comes first, as in every command; with
 * `--ties F [--people F]` instead of a folder it is `orgraph path <from> <to> --ties F`. The old
 * order `path <from> <to> <dir>` still works and prints a deprecation note on stderr.
 * Exit 0 clean (also when there is no path), 1 data errors, 2 usage errors.
 */
import { stat } from 'node:fs/promises';
import { introductionPath } from '../../recommend/introduction-path.js';
import { UsageError, type RegisterCommand } from '../command-kit.js';
import { addRecommendOptions, emit, fmt, loadView, type RecommendCliOptions } from '../recommend-kit.js';

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * Which argument is the input. Three arguments: `<dir> <from> <to>`, unless the first names
 * nothing on disk and the last does (the old `<from> <to> <dir>` order, `deprecated` set). Two
 * arguments: `<from> <to>`, the input given by `--ties`/`--people`.
 */
export async function pathArguments(args: readonly string[]): Promise<{ dir?: string; from: string; to: string; deprecated: boolean }> {
  if (args.length === 2) return { from: args[0], to: args[1], deprecated: false };
  const [a, b, c] = args;
  if (!(await exists(a)) && (await exists(c))) return { dir: c, from: a, to: b, deprecated: true };
  return { dir: a, from: b, to: c, deprecated: false };
}

export const path: RegisterCommand = (program, io) => {
  const cmd = program
    .command('path <dir-or-from> <from-or-to> [to]')
    .usage('<dir> <from> <to> [options]  (or <from> <to> --ties F [--people F])')
    .description('strongest chains of contacts between two people (d = 1/w), with alternatives');
  addRecommendOptions(cmd, false)
    .option('--alternatives <n>', 'chains to list', '3')
    .action(async (first: string, second: string, third: string | undefined, opts: RecommendCliOptions & { alternatives: string }) => {
      const k = Number(opts.alternatives);
      if (!Number.isInteger(k) || k < 1) throw new UsageError(`--alternatives must be a whole number >= 1, got "${opts.alternatives}"`);
      const { dir, from, to, deprecated } = await pathArguments(third === undefined ? [first, second] : [first, second, third]);
      if (deprecated)
        io.err(
          `orgraph: note: \`path <from> <to> <dir>\` is deprecated; write \`orgraph path ${dir} ${from} ${to}\` (input first, as in every command)\n`,
        );
      const view = await loadView(dir, opts, io);
      const r = introductionPath(view, from, to, { alternatives: k });
      const rows = r.paths.map((p, rank) => ({
        rank: rank + 1,
        people: p.people.join(' > '),
        hops: p.hops,
        length: p.length,
        weakestTie: p.weakestTie,
      }));
      await emit(opts, io, r, rows, () =>
        r.paths.length === 0
          ? `No chain of contacts from ${from} to ${to}.\n`
          : r.paths
              .map(
                (p, rank) =>
                  `${rank + 1}. ${p.people.join(' > ')}  (${p.hops} ${p.hops === 1 ? 'step' : 'steps'}, length ${fmt(p.length)}, weakest tie ${fmt(p.weakestTie)})`,
              )
              .join('\n') + '\n',
      );
    });
};
