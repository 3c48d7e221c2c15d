/**
 * `orgraph metrics`: every per-person metric of the catalog (src/metrics/catalog.ts) for one view
 * of the graph, as JSON or CSV. Generic over the catalog: a family that adds entries there shows
 * up here with no change to this file.
 * Exit 0 done; 1 data errors (bad input, unknown --group attribute, unwritable --out);
 * 2 usage errors (unknown metric, bad option value).
 */
import type { Command } from 'commander';
import { edgeCount } from '../../core/graph/csr.js';
import { METRIC_CATALOG, metricPlan, SharedResults, type MetricContext, type MetricSpec } from '../../metrics/catalog.js';
import { toJsonNumber, type Diagnostics } from '../../metrics/scores.js';
import { OrgraphError } from '../../model/errors.js';
import type { OrgGraph } from '../../model/org-graph.js';
import { project, type OrgView } from '../../model/projection.js';
import { addInputOptions, type InputCliOptions } from '../input.js';
import { readInput } from '../recommend-kit.js';
import { addOutputOptions, toCsv, toJson, writeOutput, type CellValue, type OutputFormat } from '../output.js';
import { parseList, UsageError, type RegisterCommand } from '../command-kit.js';

interface MetricsCliOptions extends InputCliOptions {
  readonly relation?: string;
  readonly directed?: boolean;
  readonly unweighted?: boolean;
  readonly minWeight?: string;
  readonly group?: string;
  readonly labelColumn?: string;
  readonly metrics: string;
  readonly format: OutputFormat;
  readonly out?: string;
  readonly workers?: string;
}

/** One output value: a number, a label from a metric's `format`, or null where undefined. */
export type MetricValue = string | number | boolean | null;

/** The document `orgraph metrics --format json` writes. */
export interface MetricsDocument {
  /** One entry per person in the input, in input order: `id` then one key per metric. */
  readonly people: readonly Readonly<Record<string, MetricValue>>[];
  readonly view: {
    readonly relations: readonly string[];
    readonly directed: boolean;
    readonly weighted: boolean;
    readonly minWeight: number;
    readonly weightKind: 'strength';
    readonly group: string | null;
    readonly people: number;
    readonly ties: number;
  };
  /** What each metric reports about its computation, by output key. */
  readonly diagnostics: Readonly<Record<string, Diagnostics>>;
}

/** The metric keys `--metrics` selects on a view, in output order. E_UNKNOWN_METRIC for unknown names. */
export function selectMetricKeys(list: string, directed: boolean, catalog: readonly MetricSpec[] = METRIC_CATALOG): string[] {
  const applicable = (s: MetricSpec) => directed || !s.directedOnly;
  const names = parseList(list);
  if (names.length === 0) throw new UsageError('--metrics needs at least one metric name, or "all"');
  if (names.length === 1 && names[0].toLowerCase() === 'all') {
    // A key listed by two entries is written once (the first entry wins).
    return [...new Set(catalog.filter(applicable).flatMap((s) => s.keys))];
  }
  const keys: string[] = [];
  for (const name of names) {
    const spec = catalog.find((s) => s.keys.includes(name));
    if (!spec) {
      const known = catalog.flatMap((s) => s.keys).join(', ');
      throw new OrgraphError('E_UNKNOWN_METRIC', `unknown metric "${name}"; metrics: ${known}, or all`, { field: 'metrics' });
    }
    if (!applicable(spec)) throw new UsageError(`metric "${name}" needs a directed view (--directed)`);
    if (!keys.includes(name)) keys.push(name);
  }
  return keys;
}

/**
 * Compute the selected metrics on a view and lay them out per person of the graph (people outside
 * the view get null). Entries that need a group give null without one. Runs on the catalogue's
 * {@link metricPlan}: each entry is computed once, whatever number of its keys is selected, and an
 * intermediate several entries read (exact betweenness for `betweenness` and `bridging`, the
 * ego-tie tables of constraint and effective size) is computed once through one
 * {@link SharedResults} memo for the view (the context's own when it brings one).
 */
export async function computeMetricsDocument(
  graph: OrgGraph,
  view: OrgView,
  keys: readonly string[],
  context: MetricContext,
  catalog: readonly MetricSpec[] = METRIC_CATALOG,
): Promise<MetricsDocument> {
  const columns = new Map<string, { values: Float64Array | null; format?: MetricSpec['format'] }>();
  const diagnostics: Record<string, Diagnostics> = {};
  const runContext: MetricContext = context.shared ? context : { ...context, shared: new SharedResults() };
  for (const spec of metricPlan(keys, catalog).steps) {
    const wanted = spec.keys.filter((k) => keys.includes(k) && !columns.has(k));
    if (wanted.length === 0) continue;
    if (spec.needsGroup && context.group === undefined) {
      for (const k of wanted) {
        columns.set(k, { values: null });
        diagnostics[k] = { defined: false, reason: 'needs --group' };
      }
      continue;
    }
    const scores = await spec.compute(view, runContext);
    spec.keys.forEach((k, at) => {
      if (!wanted.includes(k)) return;
      columns.set(k, { values: scores[at].values, format: spec.format });
      diagnostics[k] = scores[at].diagnostics;
    });
  }
  const people: Record<string, MetricValue>[] = [];
  for (let p = 0; p < graph.personCount; p++) {
    const id = graph.personIds[p];
    const i = view.indexOf(id);
    const row: Record<string, MetricValue> = { id };
    for (const k of keys) {
      const col = columns.get(k)!;
      if (i < 0 || col.values === null) row[k] = null;
      else {
        const x = col.values[i];
        row[k] = col.format ? (Number.isNaN(x) ? null : col.format(x)) : toJsonNumber(x);
      }
    }
    people.push(row);
  }
  const o = view.options;
  return {
    people,
    view: {
      relations: o.relations && o.relations.length > 0 ? [...o.relations] : graph.relations.map((r) => r.name),
      directed: o.directed,
      weighted: o.weighted,
      minWeight: o.minWeight,
      weightKind: view.weightKind,
      group: context.group ?? null,
      people: view.csr.n,
      ties: edgeCount(view.csr),
    },
    diagnostics,
  };
}

/** CSV of a metrics document: `id`, the `leading` columns (name, group), then the metric keys, one row per person. */
export function metricsCsv(doc: MetricsDocument, keys: readonly string[], leading: readonly string[] = []): string {
  const header = ['id', ...leading, ...keys];
  return toCsv(
    header,
    doc.people.map((row) => header.map((k) => row[k] as CellValue)),
  );
}

function parseMinWeight(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const w = Number(value);
  if (value.trim() === '' || !Number.isFinite(w) || w < 0) throw new UsageError(`--min-weight must be a number >= 0, got "${value}"`);
  return w;
}

function parseWorkers(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const w = Number(value);
  if (!Number.isInteger(w) || w < 1) throw new UsageError(`--workers must be a whole number >= 1, got "${value}"`);
  return w;
}

export const metrics: RegisterCommand = (program, io) => {
  const cmd: Command = program
    .command('metrics')
    .description('per-person metrics (centrality, brokerage, silos) for one view of the graph')
    .argument('[dir]', 'folder with people.csv and ties.csv (or a .json file)');
  addInputOptions(cmd);
  cmd
    .option('--relation <list>', 'comma-separated relations to include (default: all)')
    .option('--directed', "keep tie direction (default: undirected, a pair's value is the sum both ways)")
    .option('--unweighted', 'read every tie present as 1')
    .option('--min-weight <w>', 'drop pairs whose summed value is below w')
    .option('--group <column>', 'people attribute naming the formal group (needed by group metrics; written beside each id)')
    .option('--label-column <column>', 'people attribute with display names, written beside each id (default: name when present)')
    .option('--metrics <list>', `comma-separated metric keys, or all (${METRIC_CATALOG.flatMap((s) => s.keys).join(', ')})`, 'all')
    .option('--workers <n>', 'worker threads for path metrics (default: all cores)');
  addOutputOptions(cmd, 'json');
  cmd.action(async (dir: string | undefined, opts: MetricsCliOptions) => {
    // Step 1: check the options before reading any data.
    const directed = opts.directed ?? false;
    const keys = selectMetricKeys(opts.metrics, directed);
    const minWeight = parseMinWeight(opts.minWeight);
    const workers = parseWorkers(opts.workers);
    const relations = opts.relation !== undefined ? parseList(opts.relation) : null;
    // Step 2: read and project.
    const { graph, inputs } = await readInput(dir, opts, io, opts.group);
    const view = project(graph, { relations, directed, weighted: !opts.unweighted, minWeight });
    // Step 3: compute and write.
    const computed = await computeMetricsDocument(graph, view, keys, { group: opts.group, workers });
    const { doc, leading } = withLabels(computed, graph, opts);
    const text = opts.format === 'csv' ? metricsCsv(doc, keys, leading) : toJson(doc);
    await writeOutput(text, opts.out, io, inputs);
  });
};

/**
 * The name (`--label-column`, default `name` when the people have it) and group (`--group`) of
 * each person, put beside the id in every row, so a spreadsheet reader need not join files.
 */
function withLabels(doc: MetricsDocument, graph: OrgGraph, opts: MetricsCliOptions): { doc: MetricsDocument; leading: string[] } {
  const label = opts.labelColumn ?? (graph.hasAttribute('name') ? 'name' : undefined);
  const leading: [string, readonly (string | null)[]][] = [];
  if (label !== undefined) leading.push(['name', graph.attribute(label)]); // E_UNKNOWN_ATTRIBUTE (exit 1) when absent
  if (opts.group !== undefined) leading.push(['group', graph.attribute(opts.group)]);
  if (leading.length === 0) return { doc, leading: [] };
  const people = doc.people.map((row, p) => {
    const out: Record<string, MetricValue> = { id: row.id };
    for (const [key, values] of leading) out[key] = values[p];
    return { ...out, ...row, id: row.id };
  });
  return { doc: { ...doc, people }, leading: leading.map(([key]) => key) };
}
