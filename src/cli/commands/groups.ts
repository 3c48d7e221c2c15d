/**
 * `orgraph groups`: silos per formal group. One row per group (ties inside and across, E-I with a
 * permutation test, densities, conductance, silo score, how the group splits over Louvain
 * communities), the group-by-group mixing matrix, and network-level figures (E-I, Yule's Q,
 * assortativity, modularity of the formal partition, communities vs the org chart: NMI, ARI).
 * Privacy: groups and communities under --min-group-size people (default 5) are merged by the rule
 * of docs/privacy.md; the output says how many groups were merged, never how many people.
 * Output: a readable table by default (as `orgraph gaps`), --format json or csv.
 * Exit 0 clean, 1 data errors (unknown column...), 2 usage errors.
 */
import { assortativity } from '../../metrics/silos/assortativity.js';
import { louvain } from '../../metrics/silos/communities.js';
import { conductance } from '../../metrics/silos/conductance.js';
import { density, groupDensity } from '../../metrics/silos/density.js';
import { eiIndex, eiIndexWeighted } from '../../metrics/silos/ei-index.js';
import { groupPartition, type GroupPartition } from '../../metrics/silos/groups.js';
import { MAX_MIXING_GROUPS, mixing, mixingCells, type MixingCell } from '../../metrics/silos/mixing.js';
import { modularity } from '../../metrics/silos/modularity.js';
import { partitionComparison } from '../../metrics/silos/partition-comparison.js';
import { siloScore } from '../../metrics/silos/silo-score.js';
import { yulesQ } from '../../metrics/silos/yules-q.js';
import { edgeCount } from '../../core/graph/csr.js';
import type { OrgView } from '../../model/projection.js';
import { project } from '../../model/projection.js';
import { addInputOptions, type InputCliOptions } from '../input.js';
import { recordsToCsv, toJson, writeOutput } from '../output.js';
import { fmt, parseRecommendFormat, readInput, textTable, type RecommendFormat } from '../recommend-kit.js';
import { DEFAULT_MIN_GROUP_SIZE, OTHER_GROUP, type SmallGroupNote } from '../../core/groups/min-group-size.js';
import { mergeSmallLabels, smallGroupsSentence } from '../../report/privacy.js';
import { parseList, UsageError, type RegisterCommand } from '../command-kit.js';

interface GroupsCliOptions extends InputCliOptions {
  readonly group?: string;
  readonly relation?: string;
  readonly directed?: boolean;
  readonly unweighted?: boolean;
  readonly seed?: string;
  readonly permutations?: string;
  readonly resolution?: string;
  readonly missing?: string;
  readonly minGroupSize: string;
  readonly format: RecommendFormat;
  readonly out?: string;
}

/** The settings of one `orgraph groups` run. */
export interface GroupsSettings {
  readonly group: string;
  readonly seed: number;
  readonly permutations: number;
  readonly resolution: number;
  readonly missing: 'exclude' | 'group';
  /** Smallest group (and community) shown; 1 = every group as it is (docs/privacy.md). */
  readonly minGroupSize: number;
}

/** One output row per group (the CSV output; `groups` in JSON). */
export type GroupRow = Record<string, string | number | null>;

/** What `orgraph groups --format json` writes. */
export interface GroupsDocument {
  readonly group: string;
  readonly view: { readonly relations: readonly string[]; readonly directed: boolean; readonly weighted: boolean };
  readonly settings: GroupsSettings;
  readonly network: Record<string, unknown>;
  readonly groups: readonly GroupRow[];
  /** Every ordered pair of groups; null when there are more than MAX_MIXING_GROUPS groups. */
  readonly mixing: readonly MixingCell[] | null;
  /**
   * Formal group x community cells (non-empty); null when the minimum group size is above 1 (a cell
   * can hold fewer people than any group or community shown).
   */
  readonly contingency: readonly { formal: string; informal: string; people: number }[] | null;
  /** What the minimum group size merged or withheld: groups and communities (counts of groups only). */
  readonly privacy: {
    readonly minGroupSize: number;
    readonly groups: SmallGroupNote;
    readonly communities: { readonly merged: number; readonly mergedToProtect: number };
    readonly contingencyWithheld: boolean;
  };
}

const num = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Compute every group measure of a view (the library calls behind the command). */
export function groupsDocument(view: OrgView, settings: GroupsSettings): GroupsDocument {
  const k = settings.minGroupSize;
  const groups = groupPartition(view, settings.group, { missing: settings.missing, minGroupSize: k });
  const options = { permutations: settings.permutations, seed: settings.seed };
  const ei = eiIndex(view, groups, options);
  const eiW = eiIndexWeighted(view, groups, { permutations: 0 });
  const dens = groupDensity(view, groups);
  const phi = conductance(view, groups);
  const silo = siloScore(view, groups);
  const communities = louvain(view, { seed: settings.seed, resolution: settings.resolution });
  const merged = privateCommunities(communities.partition, k);
  const comparison = partitionComparison(groups, merged.partition);
  const q = yulesQ(view, groups);
  const rows: GroupRow[] = groups.names.map((name, g) => {
    const e = ei.groups[g];
    return {
      group: name,
      size: groups.sizes[g],
      internalTies: e.internal,
      externalTies: e.external,
      internalWeight: eiW.groups[g].internal,
      externalWeight: eiW.groups[g].external,
      eiIndex: num(e.value),
      eiIndexWeighted: num(eiW.groups[g].value),
      eiExpected: num(e.test?.expected ?? NaN),
      eiPLower: num(e.test?.pLower ?? NaN),
      eiPUpper: num(e.test?.pUpper ?? NaN),
      eiPValue: num(e.test?.pValue ?? NaN),
      eiQValue: num(e.qValue),
      internalDensity: num(dens[g].internal),
      externalDensity: num(dens[g].external),
      densityRatio: num(dens[g].ratio),
      conductance: num(phi[g].value),
      insularity: num(silo[g].insularity),
      closure: num(silo[g].closure),
      preference: num(silo[g].preference),
      siloScore: num(silo[g].value),
      communities: comparison.formalSpread[g].spans,
      largestCommunity: comparison.formalSpread[g].largest,
      largestCommunityShare: num(comparison.formalSpread[g].largestShare),
    };
  });
  const o = view.options;
  return {
    group: settings.group,
    view: {
      relations: o.relations && o.relations.length > 0 ? [...o.relations] : view.graph.relations.map((r) => r.name),
      directed: o.directed,
      weighted: o.weighted,
    },
    settings,
    network: {
      people: view.personIds.length,
      grouped: view.personIds.length - groups.missing,
      missing: groups.missing,
      groups: groups.names.length,
      ties: edgeCount(view.csr),
      density: num(density(view)),
      eiIndex: num(ei.network.value),
      internalTies: ei.network.internal,
      externalTies: ei.network.external,
      eiTest: ei.network.test,
      eiIndexWeighted: num(eiW.network.value),
      yulesQ: num(q.value),
      assortativity: num(assortativity(view, groups)),
      modularity: num(modularity(view, groups, { resolution: settings.resolution })),
      communities: {
        count: merged.partition.names.length,
        modularity: num(communities.modularity),
        resolution: communities.resolution,
        seed: communities.seed,
        runs: communities.runs,
        nmi: num(comparison.nmi),
        ari: num(comparison.ari),
        spanning: comparison.informalSpread.map((s) => ({
          community: s.group,
          people: s.people,
          groups: s.spans,
          largestGroup: s.largest,
          largestGroupShare: num(s.largestShare),
        })),
      },
    },
    groups: rows,
    mixing: groups.names.length <= MAX_MIXING_GROUPS ? mixingCells(mixing(view, groups)) : null,
    contingency: k > 1 ? null : comparison.contingency,
    privacy: {
      minGroupSize: k,
      groups: groups.privacy!,
      communities: { merged: merged.merged, mergedToProtect: merged.mergedToProtect },
      contingencyWithheld: k > 1,
    },
  };
}

/** Name of the community that gathers the communities under the minimum size. */
export const OTHER_COMMUNITIES = 'Other (small communities)';

/** Communities under k people merged by the same rule as groups (`mergeSmallLabels`). Complexity: O(n + c log c). */
function privateCommunities(p: GroupPartition, k: number): { partition: GroupPartition; merged: number; mergedToProtect: number } {
  const count = p.names.length;
  const m = mergeSmallLabels(p.labels, count, k);
  const names: string[] = [];
  const index = new Int32Array(count + 1).fill(-1);
  for (let c = 0; c <= count; c++) {
    if (m.sizes[c] > 0) {
      index[c] = names.length;
      names.push(c === count ? OTHER_COMMUNITIES : p.names[c]);
    }
  }
  const labels = m.labels.map((c) => (c < 0 ? -1 : index[c]));
  const sizes = new Int32Array(names.length);
  let missing = 0;
  for (const c of labels) {
    if (c >= 0) sizes[c]++;
    else missing++;
  }
  return { partition: { attribute: null, names, labels, sizes, missing }, merged: m.merged, mergedToProtect: m.mergedToProtect };
}

/** The readable text of `orgraph groups`: network figures, then one line per group. */
export function groupsText(doc: GroupsDocument): string {
  const n = doc.network as Record<string, number | null> & { communities: { count: number; nmi: number | null } };
  let out = `Groups on "${doc.group}": ${n.people} people, ${n.groups} groups, ${n.ties} ties\n`;
  out += `E-I ${fmt(n.eiIndex, 3)} (-1 = all ties inside groups), Yule's Q ${fmt(n.yulesQ, 3)}, modularity ${fmt(n.modularity, 3)}, `;
  out += `${n.communities.count} communities (NMI with the groups ${fmt(n.communities.nmi, 3)})\n`;
  if (n.missing) out += `${n.missing} people without a group value are left out of the group figures\n`;
  out += privacyLine(doc);
  out += '\n';
  out += textTable(
    ['group', 'size', 'inside', 'across', 'E-I', 'p', 'density in', 'density out', 'silo score'],
    doc.groups.map((g) => [
      String(g.group),
      fmt(g.size as number),
      fmt(g.internalTies as number),
      fmt(g.externalTies as number),
      fmt(g.eiIndex as number | null, 3),
      fmt(g.eiPValue as number | null, 4),
      fmt(g.internalDensity as number | null, 3),
      fmt(g.externalDensity as number | null, 3),
      fmt(g.siloScore as number | null, 3),
    ]),
  );
  out += '\n--format json for every figure (mixing matrix, tests, communities), --format csv for this table with all columns\n';
  return out;
}

/** One line saying what the minimum group size merged or withheld (never how many people). */
function privacyLine(doc: GroupsDocument): string {
  const sentence = smallGroupsSentence(doc.privacy.groups);
  return sentence ? sentence[0].toUpperCase() + sentence.slice(1) + '\n' : '';
}

function parseInteger(value: string | undefined, name: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const x = Number(value);
  if (value.trim() === '' || !Number.isInteger(x) || x < min)
    throw new UsageError(`${name} must be a whole number >= ${min}, got "${value}"`);
  return x;
}

export const groups: RegisterCommand = (program, io) => {
  const cmd = addInputOptions(
    program
      .command('groups')
      .description(
        'silos per formal group: E-I (with a permutation test), densities, conductance, silo score, mixing matrix, communities vs the org chart',
      )
      .argument('[dir]', 'folder with people.csv and ties.csv (optional relations.csv), or a .json file'),
  )
    .option('--group <column>', 'people attribute naming the formal group (department, location, level...)')
    .option('--relation <list>', 'comma-separated relations to include (default: all)')
    .option('--directed', "keep tie direction (default: undirected, a pair's value is the sum both ways)")
    .option('--unweighted', 'read every tie present as 1')
    .option('--missing <mode>', 'people without a group value: exclude (default) or group (one "(missing)" group)')
    .option('--seed <n>', 'seed of the permutation test and of Louvain (default 1)')
    .option('--permutations <n>', 'label permutations for the E-I test, 0 to skip (default 1000)')
    .option('--resolution <gamma>', 'modularity resolution for Louvain and the formal partition (default 1)')
    .option(
      '--min-group-size <k>',
      `groups and communities under k people are merged into "${OTHER_GROUP}" (and the smallest others until it reaches k); 1 shows every group`,
      String(DEFAULT_MIN_GROUP_SIZE),
    )
    .option('--format <format>', 'output: text (readable, the default), json or csv', parseRecommendFormat, 'text')
    .option('--out <file>', 'write the output to this file instead of standard output');
  cmd.action(async (dir: string | undefined, opts: GroupsCliOptions) => {
    // Step 1: check the options before reading any data.
    if (opts.group === undefined || opts.group.trim() === '') throw new UsageError('groups needs --group <column>');
    const missing = opts.missing ?? 'exclude';
    if (missing !== 'exclude' && missing !== 'group') throw new UsageError(`--missing must be exclude or group, got "${missing}"`);
    const seed = parseInteger(opts.seed, '--seed', 1, 0);
    const permutations = parseInteger(opts.permutations, '--permutations', 1000, 0);
    const minGroupSize = parseInteger(opts.minGroupSize, '--min-group-size', DEFAULT_MIN_GROUP_SIZE, 1);
    const resolution = opts.resolution === undefined ? 1 : Number(opts.resolution);
    if (!Number.isFinite(resolution) || resolution <= 0)
      throw new UsageError(`--resolution must be a number > 0, got "${opts.resolution}"`);
    const relations = opts.relation !== undefined ? parseList(opts.relation) : null;
    // Step 2: read and project.
    const { graph, inputs } = await readInput(dir, opts, io, opts.group);
    const view = project(graph, { relations, directed: opts.directed ?? false, weighted: !opts.unweighted });
    // Step 3: compute and write.
    const doc = groupsDocument(view, { group: opts.group, seed, permutations, resolution, missing, minGroupSize });
    if (doc.mixing === null)
      io.err(`orgraph: warning: ${doc.groups.length} groups: the mixing matrix is left out (more than ${MAX_MIXING_GROUPS})\n`);
    if (opts.format !== 'text') {
      const line = privacyLine(doc);
      if (line) io.err(`orgraph: ${line[0].toLowerCase()}${line.slice(1)}`);
    }
    const text = opts.format === 'csv' ? recordsToCsv(doc.groups) : opts.format === 'json' ? toJson(doc) : groupsText(doc);
    await writeOutput(text, opts.out, io, inputs);
  });
};
