/**
 * `orgraph introduce`: who should be introduced to whom across the largest group gaps, with the
 * score, the mutual contacts, the introducer and the path each new tie shortens.
 * Exit 0 clean, 1 data errors, 2 usage errors.
 */
import { introductions } from '../../recommend/introductions.js';
import { parseList, UsageError, type RegisterCommand } from '../command-kit.js';
import { addRecommendOptions, emit, fmt, loadView, requireGroup, textTable, type RecommendCliOptions } from '../recommend-kit.js';

export const introduce: RegisterCommand = (program, io) => {
  const cmd = program.command('introduce [dir]').description('recommended introductions across group gaps, with reasons');
  addRecommendOptions(cmd, true)
    .option('--pairs <list>', 'group pairs to bridge, e.g. "Sales:Support,Eng:Ops" (default: the largest gaps)')
    .option('--gaps <n>', 'largest gaps to bridge', '5')
    .option('--per-gap <n>', 'introductions per group pair', '5')
    .option('--max-per-person <n>', 'load cap per person', '2')
    .option('--max-per-introducer <n>', 'load cap per introducer', '3')
    .action(async (dir: string | undefined, opts: RecommendCliOptions & Record<string, string | undefined>) => {
      const attribute = requireGroup(opts);
      const int = (name: string, v: string | undefined) => {
        const x = Number(v);
        if (!Number.isInteger(x) || x < 0) throw new UsageError(`--${name} must be a whole number >= 0, got "${v}"`);
        return x;
      };
      const groupPairs = opts.pairs
        ? parseList(opts.pairs).map((p) => {
            const parts = p.split(':');
            if (parts.length !== 2 || !parts[0] || !parts[1]) throw new UsageError(`--pairs: "${p}" is not GROUP:GROUP`);
            return [parts[0], parts[1]] as const;
          })
        : null;
      const view = await loadView(dir, opts, io);
      const r = introductions(view, {
        attribute,
        groupPairs,
        gaps: int('gaps', opts.gaps),
        perGap: int('per-gap', opts.perGap),
        maxPerPerson: int('max-per-person', opts.maxPerPerson),
        maxPerIntroducer: int('max-per-introducer', opts.maxPerIntroducer),
      });
      const rows = r.introductions.map((x) => ({
        groupA: x.groupA,
        groupB: x.groupB,
        personA: x.personA,
        personB: x.personB,
        score: x.score,
        mutualContacts: x.reasons.mutualContactCount,
        introducer: x.reasons.introducer,
        pathBefore: x.reasons.pathBefore.join(' > '),
        hopsBefore: x.reasons.hopsBefore,
        reason: x.reasons.text,
      }));
      await emit(opts, io, r, rows, () => {
        let out = `Introductions across groups of "${attribute}" (load caps: ${opts.maxPerPerson} per person, ${opts.maxPerIntroducer} per introducer)\n\n`;
        out += r.introductions.length
          ? textTable(['groups', 'introduce', 'score', 'via', 'why'], r.introductions.map((x) => [`${x.groupA} - ${x.groupB}`, `${x.personA} + ${x.personB}`, fmt(x.score), x.reasons.introducer ?? '-', x.reasons.text]))
          : '(no candidate pairs)\n';
        return out;
      });
    });
};
