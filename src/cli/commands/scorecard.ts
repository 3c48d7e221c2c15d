/**
 * `orgraph scorecard --objectives FILE`: directed group-to-group flows and each objective's actual
 * value, target and status (met / at risk / missed). Exit 0 clean, 1 data errors (bad objectives
 * file, unknown group), 2 usage errors.
 */
import { loadObjectives } from '../../recommend/objectives.js';
import { scorecard, type ScorecardResult } from '../../recommend/scorecard.js';
import { UsageError, type RegisterCommand } from '../shared.js';
import { addRecommendOptions, emit, fmt, loadView, textTable, type RecommendCliOptions } from './gaps.js';

/** Readable text of one scorecard. */
export function scorecardText(r: ScorecardResult, title: string): string {
  let out = `${title}: ${r.summary.met} met, ${r.summary.atRisk} at risk, ${r.summary.missed} missed\n`;
  out += textTable(
    ['objective', 'actual', 'target', 'status'],
    r.objectives.map((o) => [o.label, fmt(o.actual), [o.min !== null ? `>= ${o.min}` : '', o.max !== null ? `<= ${o.max}` : ''].filter(Boolean).join(' '), o.status]),
  );
  return out;
}

export const scorecardCommand: RegisterCommand = (program, io) => {
  const cmd = program.command('scorecard [dir]').description('influence scorecard: group-to-group flows against objectives (JSON or YAML file)');
  addRecommendOptions(cmd, true)
    .option('--objectives <file>', 'objectives file (JSON or YAML)')
    .option('--undirected', 'read ties as undirected (default: directed flows)')
    .action(async (dir: string | undefined, opts: RecommendCliOptions & { objectives?: string; undirected?: boolean }) => {
      if (!opts.objectives) throw new UsageError('--objectives <file> is required');
      const objectives = await loadObjectives(opts.objectives);
      const view = await loadView(dir, { ...opts, directed: !opts.undirected }, io);
      const r = scorecard(view, objectives, { attribute: opts.group });
      const rows = r.objectives.map((o) => ({ objective: o.label, kind: o.kind, subject: o.subject, metric: o.metric, actual: o.actual, min: o.min, max: o.max, status: o.status }));
      await emit(opts, io, r, rows, () => {
        let out = scorecardText(r, `Scorecard on "${r.attribute}"`);
        out += `\nFlows (from -> to):\n`;
        out += textTable(['flow', 'ties', 'weight', 'reciprocity', 'reach'], r.flows.filter((f) => f.ties > 0).map((f) => [`${f.from} -> ${f.to}`, fmt(f.ties), fmt(f.weight), fmt(f.reciprocity, 2), fmt(f.reach, 2)]));
        return out;
      });
    });
};
