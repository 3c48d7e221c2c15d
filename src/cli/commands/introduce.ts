/**
 * `orgraph introduce`: who should be introduced to whom across the declared group gaps (pairs
 * significantly thinner than chance) or the pairs the user names, with the score in two parts
 * (value for the gap, plausibility), the mutual contacts, the introducer and the path each new tie
 * shortens. When no gap is declared it says so and proposes none (exit 0).
 * Exit 0 clean, 1 data errors, 2 usage errors.
 */
import { introductions } from '../../recommend/introductions.js';
import { parseList, UsageError, type RegisterCommand } from '../command-kit.js';
import { createProgress } from '../progress.js';
import { groupCommand, loadView, parseMinGroupSize, requireGroup } from '../recommend-kit.js';
import { emit, fmt, textTable } from '../recommend-kit.js';
import type { RecommendCliOptions } from '../recommend-kit.js';

export const introduce: RegisterCommand = (program, io) => {
  groupCommand(program, 'introduce [dir]', 'recommended introductions across the declared group gaps, with reasons')
    .option('--pairs <list>', 'group pairs to bridge, e.g. "Sales:Support,Eng:Ops" (default: the declared gaps)')
    .option('--gaps <n>', 'declared gaps to bridge, most significant first', '5')
    .option('--per-gap <n>', 'introductions per group pair', '5')
    .option('--max-per-person <n>', 'load cap per person', '2')
    .option('--max-per-introducer <n>', 'load cap per introducer', '3')
    .option('--quiet', 'no progress bar')
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
      const minGroupSize = parseMinGroupSize(opts.minGroupSize);
      const view = await loadView(dir, opts, io);
      const progress = createProgress({ enabled: io.isTTY && !opts.quiet, write: (s) => io.err(s) });
      const r = introductions(view, {
        onProgress: (done, total) => progress.update('introductions', done, total),
        attribute,
        minGroupSize,
        groupPairs,
        gaps: int('gaps', opts.gaps),
        perGap: int('per-gap', opts.perGap),
        maxPerPerson: int('max-per-person', opts.maxPerPerson),
        maxPerIntroducer: int('max-per-introducer', opts.maxPerIntroducer),
      });
      progress.done();
      const rows = r.introductions.map((x) => ({
        groupA: x.groupA,
        groupB: x.groupB,
        personA: x.personA,
        personB: x.personB,
        score: x.score,
        value: x.value.value,
        plausibility: x.plausibility,
        mutualContacts: x.reasons.mutualContactCount,
        introducer: x.reasons.introducer,
        pathBefore: x.reasons.pathBefore.join(' > '),
        hopsBefore: x.reasons.hopsBefore,
        reason: x.reasons.text,
      }));
      await emit(opts, io, r, rows, () => {
        const from = r.pairsFrom === 'named' ? 'the named group pairs' : `the declared gaps (${r.declaredGaps} significant)`;
        let out = `Introductions across ${from} of "${attribute}" (load caps: ${opts.maxPerPerson} per person, ${opts.maxPerIntroducer} per introducer)\n\n`;
        if (r.note) return out + r.note + '\n';
        out += textTable(
          ['groups', 'introduce', 'score', 'value', 'plausib.', 'via', 'why'],
          r.introductions.map((x) => [
            `${x.groupA} - ${x.groupB}`,
            `${x.personA} + ${x.personB}`,
            fmt(x.score),
            fmt(x.value.value),
            fmt(x.plausibility),
            x.reasons.introducer ?? '-',
            x.reasons.text,
          ]),
        );
        const intros = (k: number) => `${k} introduction${k === 1 ? '' : 's'}`;
        out += `\nLargest load: ${intros(r.maxLoad.person)} for one person (as one of the two), ${r.maxLoad.introducer} brokered by one introducer, ${r.maxLoad.any} for one person in either role.\n`;
        out +=
          'score = value (steps saved x novelty: 1 when neither person already has a contact in the other group) x plausibility (link prediction';
        out += r.fitted ? ', weights fitted on held-out ties of this graph)\n' : ', fixed weights)\n';
        return out;
      });
    });
};
