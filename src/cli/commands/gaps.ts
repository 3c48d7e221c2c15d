/**
 * `orgraph gaps`: missing cross-functional links. Observed ties between every pair of groups against
 * a degree-preserving null model (ratio, z), staff and outside stakeholders apart, largest gaps first,
 * and an optional capability focus. Also the shared plumbing of the recommend commands.
 * Exit 0 clean, 1 data errors, 2 usage errors.
 */
import type { Command } from 'commander';
import { project, type OrgView } from '../../model/projection.js';
import { groupGaps, type GroupPairGap } from '../../recommend/group-gaps.js';
import { addInputOptions, ingestWarning, loadInput, type InputCliOptions } from '../input.js';
import type { CliIo } from '../main.js';
import { recordsToCsv, toJson, writeOutput, type CellValue } from '../output.js';
import { parseList, UsageError, type RegisterCommand } from '../command-kit.js';

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

/** Load the input and project it as the options say. */
export async function loadView(dir: string | undefined, opts: RecommendCliOptions, io: CliIo, defaults: { directed?: boolean } = {}): Promise<OrgView> {
  const { graph, report } = await loadInput(dir, opts);
  const warning = ingestWarning(report);
  if (warning) io.err(`${warning}\n`);
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
  const line = (cells: readonly string[]) => cells.map((s, c) => s.padEnd(width[c])).join('  ').trimEnd();
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

const gapRow = (table: string, p: GroupPairGap): Record<string, CellValue> => ({
  table,
  groupA: p.groupA,
  groupB: p.groupB,
  sizeA: p.sizeA,
  sizeB: p.sizeB,
  observedTies: p.observedTies,
  expectedTies: p.expectedTies,
  ratio: p.ratio,
  z: p.z,
  observedWeight: p.observedWeight,
  expectedWeight: p.expectedWeight,
  weightRatio: p.weightRatio,
});

export const gaps: RegisterCommand = (program, io) => {
  const cmd = program
    .command('gaps [dir]')
    .description('missing cross-functional links: ties between groups against a degree-preserving null model');
  addRecommendOptions(cmd, true)
    .option('--null-model <model>', 'configuration (exact, fast) or rewiring (simulated)', 'configuration')
    .option('--samples <n>', 'rewired graphs for --null-model rewiring', '200')
    .option('--seed <n>', 'seed of the rewiring chain', '1')
    .option('--capability <groups>', 'comma-separated groups that must work together (capability focus)')
    .option('--min-ties <n>', 'capability target: ties per pair')
    .option('--min-ratio <x>', 'capability target: observed / expected per pair')
    .option('--top <n>', 'gaps shown in text output', '10')
    .action(async (dir: string | undefined, opts: RecommendCliOptions & Record<string, string | undefined>) => {
      const attribute = requireGroup(opts);
      const nullModel = opts.nullModel;
      if (nullModel !== 'configuration' && nullModel !== 'rewiring') throw new UsageError('--null-model must be configuration or rewiring');
      const number = (name: string, v: string | undefined): number | undefined => {
        if (v === undefined) return undefined;
        const x = Number(v);
        if (!Number.isFinite(x)) throw new UsageError(`--${name} must be a number, got "${v}"`);
        return x;
      };
      const view = await loadView(dir, opts, io);
      const result = groupGaps(view, {
        attribute,
        nullModel,
        samples: number('samples', opts.samples),
        seed: number('seed', opts.seed),
        capability: opts.capability
          ? { name: 'capability', groups: parseList(opts.capability), target: { minTies: number('min-ties', opts.minTies), minRatio: number('min-ratio', opts.minRatio) } }
          : null,
      });
      const rows = [...result.staff.pairs.map((p) => gapRow('staff', p)), ...result.external.pairs.map((p) => gapRow('external', p))];
      const top = number('top', opts.top) ?? 10;
      await emit(opts, io, result, rows, () => {
        let out = `Group gaps on "${attribute}" (${result.nullModel} null model): ${result.staff.ties} ties between staff, ${result.external.ties} staff-outside ties\n\n`;
        out += `Largest gaps between staff groups (fewest ties against expected):\n`;
        out += result.staff.gaps.length
          ? textTable(['groups', 'ties', 'expected', 'ratio', 'z'], result.staff.gaps.slice(0, top).map((p) => [`${p.groupA} - ${p.groupB}`, fmt(p.observedTies), fmt(p.expectedTies, 1), fmt(p.ratio, 2), fmt(p.z, 2)]))
          : '(none)\n';
        if (result.external.pairs.length) {
          out += `\nRelationship capital (staff group - outside group):\n`;
          out += textTable(['groups', 'ties', 'expected', 'ratio', 'z'], result.external.pairs.map((p) => [`${p.groupA} - ${p.groupB}`, fmt(p.observedTies), fmt(p.expectedTies, 1), fmt(p.ratio, 2), fmt(p.z, 2)]));
        }
        if (result.capability) {
          out += `\nCapability focus:\n`;
          out += textTable(['groups', 'ties', 'expected', 'ratio', 'short by', 'status'], result.capability.pairs.map((p) => [`${p.groupA} - ${p.groupB}`, fmt(p.observedTies), fmt(p.expectedTies, 1), fmt(p.ratio, 2), fmt(p.tiesShort), p.status]));
        }
        return out;
      });
    });
};
