/**
 * Seeded org-graph generator
 * Synthetic organisations for benchmarks: Zipf-sized departments split into teams of 6-18
 * (a manager per team, a head per department), dense teams, fewer ties within a department and
 * few across, integer interaction counts as tie strengths.
 * Reference: the org-network shape follows Kossinets, G. & Watts, D. J. (2006). Empirical analysis
 * of an evolving social network. Science 311(5757) (strong focal closure within units).
 *
 * Usage as a script:
 *   npx tsx benchmarks/generate/org-graph.ts --people 100000 [--seed 1] [--degree 20] [--out DIR]
 * writes DIR/people.csv, ties.csv, relations.csv (the datasets format), edges.{src,dst}.i32,
 * edges.w.f64 and meta.json (raw little-endian arrays for the Python peers), default DIR
 * .bench-data/org-n<people>-s<seed>-d<degree>.
 */
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GrowableFloat64 } from '../../src/core/graph/growable.js';
import { OrgGraph, OrgGraphBuilder } from '../../src/model/org-graph.js';
import { createRandom, type Random } from './random.js';

export interface OrgGeneratorOptions {
  /** Number of people. */
  readonly people: number;
  /** PRNG seed: the same options and seed give the same graph. @defaultValue 1 */
  readonly seed?: number;
  /** Target mean number of distinct neighbours per person (2m/n). @defaultValue 20 */
  readonly averageDegree?: number;
  /** Smallest and largest team, manager included. @defaultValue [6, 18] */
  readonly teamSize?: readonly [number, number];
  /** Mean department size; departments = max(1, round(people / this)). @defaultValue 200 */
  readonly peoplePerDepartment?: number;
  /** Zipf exponent of department sizes (size of rank k ~ k^-s). @defaultValue 0.7 */
  readonly departmentSkew?: number;
  /** Probability that two members of a team are tied (each member is always tied to the manager). @defaultValue 0.9 */
  readonly teamDensity?: number;
  /** Share of the ties beyond team and leadership ties that cross departments. @defaultValue 0.3 */
  readonly crossShare?: number;
  /** Randomly permute person indices, so that ids carry no department locality. @defaultValue true */
  readonly shuffle?: boolean;
}

export const DEFAULT_ORG_GENERATOR_OPTIONS = Object.freeze({
  seed: 1,
  averageDegree: 20,
  teamSize: Object.freeze([6, 18]) as readonly [number, number],
  peoplePerDepartment: 200,
  departmentSkew: 0.7,
  teamDensity: 0.9,
  crossShare: 0.3,
  shuffle: true,
});

export type ResolvedOrgGeneratorOptions = Required<OrgGeneratorOptions>;

/** Tie kinds, by where the two people sit. */
export const TIE_KIND = Object.freeze({ team: 0, department: 1, cross: 2 });

/** Person levels. */
export const LEVEL = Object.freeze({ member: 1, teamManager: 2, departmentHead: 3 });

/** The relation every generated tie belongs to (undirected). */
export const GENERATED_RELATION = 'interaction';

/** A generated organisation: numbers only, indexed by person (0..n-1) and by tie (0..m-1). */
export interface GeneratedOrg {
  readonly options: ResolvedOrgGeneratorOptions;
  readonly n: number;
  readonly m: number;
  /** Tie endpoints, each undirected pair once with source < target, sorted by (source, target). */
  readonly sources: Int32Array;
  readonly targets: Int32Array;
  /** Interaction counts (integers >= 1): strengths, more = closer. */
  readonly weights: Float64Array;
  /** {@link TIE_KIND} of each tie. */
  readonly kinds: Uint8Array;
  /** Department, team and {@link LEVEL} of each person. */
  readonly department: Int32Array;
  readonly team: Int32Array;
  readonly level: Uint8Array;
  /** Index of each person's manager; -1 for department heads. */
  readonly manager: Int32Array;
  readonly departmentCount: number;
  readonly teamCount: number;
}

/** Person id of index i (`p<i>`). */
export function personId(i: number): string {
  return `p${i}`;
}

/** Resolve options against {@link DEFAULT_ORG_GENERATOR_OPTIONS}, checking ranges. */
export function resolveOrgGeneratorOptions(options: OrgGeneratorOptions): ResolvedOrgGeneratorOptions {
  const o = { ...DEFAULT_ORG_GENERATOR_OPTIONS, ...stripUndefined(options) } as ResolvedOrgGeneratorOptions;
  if (!Number.isInteger(o.people) || o.people < 0 || o.people > 20_000_000) {
    throw new RangeError(`people must be an integer in [0, 2e7], got ${o.people}`);
  }
  const [tmin, tmax] = o.teamSize;
  if (!(Number.isInteger(tmin) && Number.isInteger(tmax) && tmin >= 2 && tmax >= 2 * tmin - 1)) {
    throw new RangeError(`teamSize must be integers [min, max] with min >= 2 and max >= 2 min - 1, got [${tmin}, ${tmax}]`);
  }
  if (!(o.averageDegree >= 0) || !(o.teamDensity >= 0 && o.teamDensity <= 1) || !(o.crossShare >= 0 && o.crossShare <= 1)) {
    throw new RangeError('averageDegree >= 0, teamDensity and crossShare in [0, 1]');
  }
  return o;
}

/**
 * Generate an organisation.
 *
 * Layout: D = max(1, round(n / peoplePerDepartment)) departments (fewer if they would be smaller
 * than a team) with sizes ~ Zipf(departmentSkew), each split into teams of uniform size in
 * teamSize; the first member of a team manages it, the manager of a department's first team heads
 * the department; team managers report to the head.
 * Ties (undirected, deduplicated): manager-member always; other team pairs with teamDensity; head -
 * every team manager of the department; each head with 3 other heads; the rest up to
 * averageDegree * n / 2 ties drawn per person in proportion to a log-normal activity (managers 2x,
 * heads 3x): (1 - crossShare) to a random person of another team of the same department,
 * crossShare to a person of another department (half of them in one of the 3 "next" departments).
 * Weights: 1 + Geometric, mean 8 within a team, 3 within a department, 1.6 across.
 *
 * Complexity: O(n + m log m) (one sort of the pair keys). 1M people -> ~10M ties in a few seconds.
 * @example
 * const org = generateOrg({ people: 1000, seed: 7 });
 * org.m; // ~10,000 ties
 */
export function generateOrg(options: OrgGeneratorOptions): GeneratedOrg {
  const o = resolveOrgGeneratorOptions(options);
  const n = o.people;
  const rng = createRandom(o.seed);
  const [tmin, tmax] = o.teamSize;

  // Step 1: department sizes (Zipf), each at least one minimal team.
  let D = Math.max(1, Math.round(n / o.peoplePerDepartment));
  D = Math.max(1, Math.min(D, Math.floor(n / tmin)));
  const deptSize = new Int32Array(D);
  if (n > 0) {
    const minSize = n >= D * tmin ? tmin : 0;
    const rest = n - D * minSize;
    let wsum = 0;
    for (let k = 0; k < D; k++) wsum += Math.pow(k + 1, -o.departmentSkew);
    let assigned = 0;
    for (let k = 0; k < D; k++) {
      deptSize[k] = minSize + Math.floor((rest * Math.pow(k + 1, -o.departmentSkew)) / wsum);
      assigned += deptSize[k];
    }
    for (let k = 0; assigned < n; k = (k + 1) % D, assigned++) deptSize[k]++;
  }

  // Step 2: teams inside departments, by position (positions are contiguous per team).
  const deptOf = new Int32Array(n);
  const teamOf = new Int32Array(n);
  const levelOf = new Uint8Array(n).fill(LEVEL.member);
  const managerPos = new Int32Array(n).fill(-1);
  const deptStart = new Int32Array(D + 1);
  const teamStarts: number[] = [];
  const deptFirstTeam = new Int32Array(D + 1);
  let pos = 0;
  for (let d = 0; d < D; d++) {
    deptStart[d] = pos;
    deptFirstTeam[d] = teamStarts.length;
    const end = pos + deptSize[d];
    const head = pos;
    while (pos < end) {
      const remaining = end - pos;
      let s: number;
      if (remaining <= tmax) s = remaining;
      else {
        s = rng.range(tmin, tmax);
        if (remaining - s < tmin) s = remaining - tmin;
      }
      const t = teamStarts.length;
      teamStarts.push(pos);
      for (let q = pos; q < pos + s; q++) {
        deptOf[q] = d;
        teamOf[q] = t;
        managerPos[q] = pos;
      }
      levelOf[pos] = LEVEL.teamManager;
      managerPos[pos] = head;
      pos += s;
    }
    if (deptSize[d] > 0) {
      levelOf[head] = LEVEL.departmentHead;
      managerPos[head] = -1;
    }
  }
  deptStart[D] = n;
  deptFirstTeam[D] = teamStarts.length;
  const T = teamStarts.length;
  teamStarts.push(n);

  // Step 3: person index of each position.
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  if (o.shuffle) {
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      const x = perm[i];
      perm[i] = perm[j];
      perm[j] = x;
    }
  }

  // Step 4: candidate pairs as keys min * n + max (exact in a double for n <= 2e7... up to 4e14).
  const target = (o.averageDegree * n) / 2;
  const keys = new GrowableFloat64(Math.ceil(target * 1.1) + 16);
  const pushPair = (u: number, v: number) => {
    const a = perm[u];
    const b = perm[v];
    keys.push(a < b ? a * n + b : b * n + a);
  };
  let structural = 0;
  for (let t = 0; t < T; t++) {
    const start = teamStarts[t];
    const end = teamStarts[t + 1];
    for (let u = start + 1; u < end; u++) {
      pushPair(start, u);
      structural++;
      for (let v = u + 1; v < end; v++) {
        if (rng.next() < o.teamDensity) {
          pushPair(u, v);
          structural++;
        }
      }
    }
  }
  for (let d = 0; d < D; d++) {
    const head = deptStart[d];
    for (let t = deptFirstTeam[d] + 1; t < deptFirstTeam[d + 1]; t++) {
      pushPair(head, teamStarts[t]);
      structural++;
    }
    if (D > 1) {
      for (let r = 0; r < 3; r++) {
        let e = rng.int(D - 1);
        if (e >= d) e++;
        pushPair(head, deptStart[e]);
        structural++;
      }
    }
  }

  // Step 5: activity-driven department and cross-department ties.
  const remaining = Math.max(0, target - structural);
  const activity = new Float64Array(n);
  let activitySum = 0;
  for (let q = 0; q < n; q++) {
    const factor = levelOf[q] === LEVEL.departmentHead ? 3 : levelOf[q] === LEVEL.teamManager ? 2 : 1;
    activity[q] = factor * Math.exp(0.5 * rng.normal() - 0.125);
    activitySum += activity[q];
  }
  const deptRate = activitySum > 0 ? ((1 - (D > 1 ? o.crossShare : 0)) * remaining) / activitySum : 0;
  const crossRate = activitySum > 0 && D > 1 ? (o.crossShare * remaining) / activitySum : 0;
  for (let q = 0; q < n; q++) {
    const d = deptOf[q];
    const dStart = deptStart[d];
    const dSize = deptStart[d + 1] - dStart;
    const multiTeam = deptFirstTeam[d + 1] - deptFirstTeam[d] > 1;
    let k = stochasticRound(activity[q] * deptRate, rng);
    while (multiTeam && k-- > 0) {
      for (let attempt = 0; attempt < 16; attempt++) {
        const v = dStart + rng.int(dSize);
        if (teamOf[v] !== teamOf[q]) {
          pushPair(q, v);
          break;
        }
      }
    }
    k = stochasticRound(activity[q] * crossRate, rng);
    while (k-- > 0) {
      for (let attempt = 0; attempt < 16; attempt++) {
        let v: number;
        if (rng.next() < 0.5) {
          const e = (d + 1 + rng.int(3)) % D;
          v = deptStart[e] + rng.int(deptStart[e + 1] - deptStart[e]);
        } else {
          v = rng.int(n);
        }
        if (deptOf[v] !== d) {
          pushPair(q, v);
          break;
        }
      }
    }
  }

  // Step 6: sort, deduplicate, decode; weights by kind.
  const sorted = keys.view().sort();
  let m = 0;
  for (let p = 0; p < sorted.length; p++) if (p === 0 || sorted[p] !== sorted[p - 1]) sorted[m++] = sorted[p];
  const department = new Int32Array(n);
  const team = new Int32Array(n);
  const level = new Uint8Array(n);
  const manager = new Int32Array(n);
  for (let q = 0; q < n; q++) {
    const i = perm[q];
    department[i] = deptOf[q];
    team[i] = teamOf[q];
    level[i] = levelOf[q];
    manager[i] = managerPos[q] < 0 ? -1 : perm[managerPos[q]];
  }
  const sources = new Int32Array(m);
  const targets = new Int32Array(m);
  const weights = new Float64Array(m);
  const kinds = new Uint8Array(m);
  for (let e = 0; e < m; e++) {
    const key = sorted[e];
    const a = Math.floor(key / n);
    const b = key - a * n;
    sources[e] = a;
    targets[e] = b;
    const kind = team[a] === team[b] ? TIE_KIND.team : department[a] === department[b] ? TIE_KIND.department : TIE_KIND.cross;
    kinds[e] = kind;
    weights[e] = rng.geometric(kind === TIE_KIND.team ? 1 / 8 : kind === TIE_KIND.department ? 1 / 3 : 1 / 1.6);
  }
  return { options: o, n, m, sources, targets, weights, kinds, department, team, level, manager, departmentCount: D, teamCount: T };
}

/** Department, team and level names as they appear in people.csv. */
export function departmentName(d: number): string {
  return `D${d}`;
}
export function teamName(t: number): string {
  return `T${t}`;
}

/**
 * The generated organisation as an OrgGraph: people `p<i>` in index order with attributes
 * department, team, level ("1" member, "2" team manager, "3" department head) and manager (id;
 * absent for heads), and one undirected relation `interaction`.
 * @example
 * const graph = toOrgGraph(generateOrg({ people: 1000 }));
 */
export function toOrgGraph(org: GeneratedOrg): OrgGraph {
  const b = new OrgGraphBuilder();
  b.declareAttributes(['department', 'team', 'level', 'manager']);
  const rel = b.relation(GENERATED_RELATION, false);
  for (let i = 0; i < org.n; i++) {
    b.addPerson(personId(i), {
      department: departmentName(org.department[i]),
      team: teamName(org.team[i]),
      level: String(org.level[i]),
      manager: org.manager[i] < 0 ? null : personId(org.manager[i]),
    });
  }
  for (let e = 0; e < org.m; e++) b.addTie(org.sources[e], org.targets[e], org.weights[e], rel);
  return b.build();
}

/** Where {@link writeOrgFiles} put things. */
export interface OrgFiles {
  readonly dir: string;
  readonly people: string;
  readonly ties: string;
  readonly relations: string;
  /** Raw little-endian arrays: int32 sources, int32 targets, float64 weights (strengths). */
  readonly edgeSources: string;
  readonly edgeTargets: string;
  readonly edgeWeights: string;
  readonly meta: string;
}

/** Contents of meta.json beside the files. */
export interface OrgFilesMeta {
  readonly generator: 'orgraph benchmarks/generate/org-graph.ts';
  readonly version: number;
  readonly options: ResolvedOrgGeneratorOptions;
  readonly n: number;
  readonly m: number;
  readonly directed: false;
  readonly weightKind: 'strength';
  readonly departmentCount: number;
  readonly teamCount: number;
}

/** Bump when the generator's output for a given seed changes, so cached files are rebuilt. */
export const GENERATOR_VERSION = 1;

export function orgFilesIn(dir: string): OrgFiles {
  return {
    dir,
    people: join(dir, 'people.csv'),
    ties: join(dir, 'ties.csv'),
    relations: join(dir, 'relations.csv'),
    edgeSources: join(dir, 'edges.src.i32'),
    edgeTargets: join(dir, 'edges.dst.i32'),
    edgeWeights: join(dir, 'edges.w.f64'),
    meta: join(dir, 'meta.json'),
  };
}

/**
 * Write people.csv / ties.csv / relations.csv (the datasets format; streamed, never one big string)
 * plus the raw edge arrays and meta.json. meta.json is written last, so its presence marks a
 * complete set.
 */
export async function writeOrgFiles(org: GeneratedOrg, dir: string): Promise<OrgFiles> {
  const f = orgFilesIn(dir);
  mkdirSync(dir, { recursive: true });
  await writeLines(f.people, 'id,department,team,level,manager\n', org.n, (i) => {
    const mgr = org.manager[i] < 0 ? '' : personId(org.manager[i]);
    return `${personId(i)},${departmentName(org.department[i])},${teamName(org.team[i])},${org.level[i]},${mgr}\n`;
  });
  await writeLines(
    f.ties,
    'source,target,weight,relation\n',
    org.m,
    (e) => `p${org.sources[e]},p${org.targets[e]},${org.weights[e]},${GENERATED_RELATION}\n`,
  );
  writeFileSync(f.relations, `relation,directed\n${GENERATED_RELATION},false\n`);
  writeFileSync(f.edgeSources, littleEndian(org.sources));
  writeFileSync(f.edgeTargets, littleEndian(org.targets));
  writeFileSync(f.edgeWeights, littleEndian(org.weights));
  const meta: OrgFilesMeta = {
    generator: 'orgraph benchmarks/generate/org-graph.ts',
    version: GENERATOR_VERSION,
    options: org.options,
    n: org.n,
    m: org.m,
    directed: false,
    weightKind: 'strength',
    departmentCount: org.departmentCount,
    teamCount: org.teamCount,
  };
  writeFileSync(f.meta, JSON.stringify(meta, null, 2) + '\n');
  return f;
}

/** Default cache folder of a generated organisation. */
export function defaultOrgDir(options: OrgGeneratorOptions, root = '.bench-data'): string {
  const o = resolveOrgGeneratorOptions(options);
  const shape = (x: object) => JSON.stringify({ ...x, people: 0, seed: 0, averageDegree: 0 });
  const extra = shape(o) === shape(DEFAULT_ORG_GENERATOR_OPTIONS) ? '' : '-custom';
  return resolve(root, `org-n${o.people}-s${o.seed}-d${o.averageDegree}${extra}`);
}

/**
 * Files of a generated organisation, generating and writing them only when `dir` does not already
 * hold a complete set made with the same options and generator version.
 */
export async function ensureOrgFiles(
  options: OrgGeneratorOptions,
  dir = defaultOrgDir(options),
): Promise<{ files: OrgFiles; meta: OrgFilesMeta; generated: boolean }> {
  const o = resolveOrgGeneratorOptions(options);
  const f = orgFilesIn(dir);
  if (existsSync(f.meta)) {
    const meta = JSON.parse(readFileSync(f.meta, 'utf8')) as OrgFilesMeta;
    if (meta.version === GENERATOR_VERSION && JSON.stringify(meta.options) === JSON.stringify(o))
      return { files: f, meta, generated: false };
  }
  const org = generateOrg(o);
  await writeOrgFiles(org, dir);
  const meta = JSON.parse(readFileSync(f.meta, 'utf8')) as OrgFilesMeta;
  return { files: f, meta, generated: true };
}

/** Read the raw edge arrays written by {@link writeOrgFiles}. */
export function readEdgeArrays(files: OrgFiles): { sources: Int32Array; targets: Int32Array; weights: Float64Array } {
  const read = <T>(path: string, ctor: { new (b: ArrayBuffer): T }): T => {
    const buf = readFileSync(path);
    const copy = new ArrayBuffer(buf.byteLength);
    new Uint8Array(copy).set(buf);
    return new ctor(copy);
  };
  return {
    sources: read(files.edgeSources, Int32Array),
    targets: read(files.edgeTargets, Int32Array),
    weights: read(files.edgeWeights, Float64Array),
  };
}

/** Summary figures used by tests and the docs: mean degree and the share of ties by kind. */
export function orgSummary(org: GeneratedOrg): {
  averageDegree: number;
  teamShare: number;
  departmentShare: number;
  crossShare: number;
  maxDegree: number;
} {
  const deg = new Int32Array(org.n);
  const byKind = [0, 0, 0];
  for (let e = 0; e < org.m; e++) {
    deg[org.sources[e]]++;
    deg[org.targets[e]]++;
    byKind[org.kinds[e]]++;
  }
  let maxDegree = 0;
  for (let i = 0; i < org.n; i++) if (deg[i] > maxDegree) maxDegree = deg[i];
  const m = Math.max(1, org.m);
  return {
    averageDegree: org.n > 0 ? (2 * org.m) / org.n : 0,
    teamShare: byKind[0] / m,
    departmentShare: byKind[1] / m,
    crossShare: byKind[2] / m,
    maxDegree,
  };
}

// ---------------------------------------------------------------------------------------------

function stochasticRound(x: number, rng: Random): number {
  const f = Math.floor(x);
  return f + (rng.next() < x - f ? 1 : 0);
}

function littleEndian(a: Int32Array | Float64Array): Uint8Array {
  // NOTE: every platform Node supports in practice is little-endian; checked once here.
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new Error('big-endian platform not supported');
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

async function writeLines(path: string, header: string, count: number, line: (k: number) => string): Promise<void> {
  const out = createWriteStream(path);
  let chunk = header;
  for (let k = 0; k < count; k++) {
    chunk += line(k);
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

// Script entry: generate and write files.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string): string | undefined => {
    const k = args.indexOf(`--${name}`);
    return k >= 0 ? args[k + 1] : undefined;
  };
  const people = Number(arg('people') ?? '1000');
  const options: OrgGeneratorOptions = { people, seed: Number(arg('seed') ?? 1), averageDegree: Number(arg('degree') ?? 20) };
  const dir = arg('out') ?? defaultOrgDir(options);
  const t0 = performance.now();
  const org = generateOrg(options);
  const t1 = performance.now();
  await writeOrgFiles(org, dir);
  const t2 = performance.now();
  const s = orgSummary(org);
  console.log(
    `org n=${org.n} m=${org.m} departments=${org.departmentCount} teams=${org.teamCount} ` +
      `avgDegree=${s.averageDegree.toFixed(2)} team/dept/cross=${s.teamShare.toFixed(3)}/${s.departmentShare.toFixed(3)}/${s.crossShare.toFixed(3)} ` +
      `maxDegree=${s.maxDegree}; generated in ${((t1 - t0) / 1000).toFixed(2)} s, written to ${dir} in ${((t2 - t1) / 1000).toFixed(2)} s`,
  );
}
