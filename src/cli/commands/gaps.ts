/**
 * `orgraph gaps`: missing cross-functional links. Observed ties between every pair of groups against
 * a null model (ratio, z, one-sided p, Benjamini-Hochberg q), staff and outside stakeholders apart;
 * only pairs with q <= --alpha are declared gaps (and "no significant gap" is said when none is);
 * an optional capability focus.
 * Exit 0 clean, 1 data errors, 2 usage errors.
 */
import { groupGaps, type GroupPairGap } from '../../recommend/group-gaps.js';
import type { CellValue } from '../output.js';
import { smallGroupsSentence } from '../../report/privacy.js';
import { parseList, UsageError, type RegisterCommand } from '../command-kit.js';
import { groupCommand, loadView, parseMinGroupSize, requireGroup } from '../recommend-kit.js';
import { emit, fmt, textTable } from '../recommend-kit.js';
import type { RecommendCliOptions } from '../recommend-kit.js';

/** A pair's test as text cells: groups, ties, expected, ratio, z, p, q. */
const testCells = (p: GroupPairGap): string[] => [
  `${p.groupA} - ${p.groupB}`,
  fmt(p.observedTies),
  fmt(p.expectedTies, 1),
  fmt(p.ratio, 2),
  fmt(p.z, 2),
  fmt(p.pValue, 4),
  fmt(p.qValue, 4),
];

const gapRow = (table: string, p: GroupPairGap): Record<string, CellValue> => ({
  table,
  groupA: p.groupA,
  groupB: p.groupB,
  sizeA: p.sizeA,
  sizeB: p.sizeB,
  observedTies: p.observedTies,
  expectedTies: p.expectedTies,
  ratio: p.ratio,
  sd: p.sd,
  z: p.z,
  pValue: p.pValue,
  qValue: p.qValue,
  gap: p.gap,
  observedWeight: p.observedWeight,
  expectedWeight: p.expectedWeight,
  weightRatio: p.weightRatio,
});

export const gaps: RegisterCommand = (program, io) => {
  groupCommand(
    program,
    'gaps [dir]',
    'missing cross-functional links: group pairs with significantly fewer ties than a null model (BH-controlled)',
  )
    .option(
      '--null-model <model>',
      "auto (rewiring up to --max-rewiring-ties, else configuration), rewiring (degree-preserving), quasi-independence (pair-specific, given each group's outward ties) or configuration (analytic)",
      'auto',
    )
    .option('--alpha <q>', 'false discovery rate: pairs with BH q-value at or below it are gaps', '0.05')
    .option('--draws <n>', 'Monte Carlo draws of the null (p-values are multiples of 1/(draws+1))', '999')
    .option('--max-rewiring-ties <n>', 'largest number of ties for which auto uses rewiring', '50000')
    .option('--seed <n>', 'seed of the null chains', '1')
    .option('--capability <groups>', 'comma-separated groups that must work together (capability focus)')
    .option('--min-ties <n>', 'capability target: ties per pair')
    .option('--min-ratio <x>', 'capability target: observed / expected per pair')
    .option('--top <n>', 'gaps shown in text output', '10')
    .action(async (dir: string | undefined, opts: RecommendCliOptions & Record<string, string | undefined>) => {
      const attribute = requireGroup(opts);
      const minGroupSize = parseMinGroupSize(opts.minGroupSize);
      const nullModel = opts.nullModel;
      if (nullModel !== 'auto' && nullModel !== 'rewiring' && nullModel !== 'quasi-independence' && nullModel !== 'configuration') {
        throw new UsageError(`--null-model must be auto, rewiring, quasi-independence or configuration, got "${nullModel}"`);
      }
      const number = (name: string, v: string | undefined): number | undefined => {
        if (v === undefined) return undefined;
        const x = Number(v);
        if (!Number.isFinite(x)) throw new UsageError(`--${name} must be a number, got "${v}"`);
        return x;
      };
      const alpha = number('alpha', opts.alpha);
      if (alpha !== undefined && !(alpha > 0 && alpha < 1)) throw new UsageError(`--alpha must be between 0 and 1, got "${opts.alpha}"`);
      const draws = number('draws', opts.draws);
      if (draws !== undefined && !(Number.isInteger(draws) && draws >= 1))
        throw new UsageError(`--draws must be a whole number >= 1, got "${opts.draws}"`);
      const view = await loadView(dir, opts, io);
      const result = groupGaps(view, {
        attribute,
        minGroupSize,
        nullModel,
        alpha,
        draws,
        maxRewiringTies: number('max-rewiring-ties', opts.maxRewiringTies),
        seed: number('seed', opts.seed),
        capability: opts.capability
          ? {
              name: 'capability',
              groups: parseList(opts.capability),
              target: { minTies: number('min-ties', opts.minTies), minRatio: number('min-ratio', opts.minRatio) },
            }
          : null,
      });
      const rows = [...result.staff.pairs.map((p) => gapRow('staff', p)), ...result.external.pairs.map((p) => gapRow('external', p))];
      const top = number('top', opts.top) ?? 10;
      const document = { ...result, significantGaps: result.staff.gaps.length > 0, statement: result.staff.statement };
      const withheld = result.privacy.countsWithheld;
      const privacy = [
        smallGroupsSentence(result.privacy),
        withheld > 0
          ? `${withheld} staff or outside-stakeholder count${withheld === 1 ? '' : 's'} of kept groups withheld (a part under ${result.privacy.minGroupSize} people, and its complement; shown as null)`
          : '',
      ]
        .filter(Boolean)
        .join('; ');
      if (privacy && opts.format !== 'text') io.err(`orgraph: ${privacy}\n`);
      await emit(opts, io, document, rows, () => {
        const how = result.null.draws > 0 ? `${result.null.draws} draws, seed ${result.null.seed}` : 'analytic';
        let out = `Group gaps on "${attribute}" (${result.nullModel} null model, ${how}; ${result.null.reason}): ${result.staff.ties} ties between staff, ${result.external.ties} staff-outside ties\n\n`;
        if (privacy) out += `${privacy[0].toUpperCase()}${privacy.slice(1)}\n`;
        out += `${result.staff.statement}\n`;
        if (result.staff.gaps.length) {
          out += `\nSignificant gaps between staff groups (most significant first):\n`;
          out += textTable(['groups', 'ties', 'expected', 'ratio', 'z', 'p', 'q'], result.staff.gaps.slice(0, top).map(testCells));
          if (result.staff.gaps.length > top) out += `(${result.staff.gaps.length - top} more; --top to show them)\n`;
        }
        if (result.external.pairs.length) {
          out += `\nRelationship capital (staff group - outside group): ${result.external.statement}\n`;
          out += textTable(
            ['groups', 'ties', 'expected', 'ratio', 'z', 'p', 'q', 'gap'],
            result.external.pairs.map((p) => [...testCells(p), p.gap ? 'yes' : 'no']),
          );
        }
        if (result.capability) {
          out += `\nCapability focus:\n`;
          out += textTable(
            ['groups', 'ties', 'expected', 'ratio', 'short by', 'status'],
            result.capability.pairs.map((p) => [
              `${p.groupA} - ${p.groupB}`,
              fmt(p.observedTies),
              fmt(p.expectedTies, 1),
              fmt(p.ratio, 2),
              fmt(p.tiesShort),
              p.status,
            ]),
          );
        }
        return out;
      });
    });
};
