/**
 * Shared test helpers for the structural-hole and brokerage-role measures: repo data sets,
 * reference fixtures (NetworkX, R sna), small hand-built graphs, and a tolerant comparison.
 */
import { expect } from 'vitest';
import { OrgGraph } from '../../../src/model/org-graph.js';
import type { NodeScores } from '../../../src/metrics/scores.js';
import { referenceJson } from '../../helpers/reference.js';

type Values = (number | null)[];

export interface NxBlock {
  constraint: Values;
  effectiveSize: Values;
  /** When present, effectiveSize holds values for these people (indices) only. */
  effectiveSizePeople?: number[];
  hierarchy?: Values;
  group?: string;
  participation?: Values;
  withinModuleZ?: Values;
  outDegree?: number[];
}

export interface NxFixture {
  tool: string;
  version: string;
  script: string;
  undirected: Record<string, { relations: null; people: string[]; weighted: NxBlock; unweighted: NxBlock }>;
  directed: Record<string, { relations: string[]; people: string[]; weighted: NxBlock; unweighted: NxBlock }>;
}

export type RoleKey = 'coordinator' | 'itinerant' | 'representative' | 'gatekeeper' | 'liaison' | 'total';

export interface SnaCase {
  dataset: string;
  relation: string;
  group: string;
  directed: boolean;
  people: string[];
  arcs: number;
  density: number;
  raw: Record<RoleKey, Values>;
  expected: Record<RoleKey, Values>;
  sd: Record<RoleKey, Values>;
  z: Record<RoleKey, Values>;
  network: Record<'raw' | 'expected' | 'sd' | 'z', Record<RoleKey, number | null>>;
}

export const NX = referenceJson<NxFixture>('brokerage/networkx.json');
export const SNA = referenceJson<{ tool: string; version: string; script: string; cases: SnaCase[] }>('brokerage/sna.json');

/** A view of a data set from test/fixtures/datasets, loaded through the ingest (see test/helpers/datasets.ts). */
export { datasetView } from '../../helpers/datasets.js';

/**
 * A small graph from 'a-b' (undirected relation 'tie') or 'a>b' (directed relation 'arc') specs,
 * optionally 'a-b:3' with a value; `groups` gives each person's `group` attribute.
 */
export function toy(specs: readonly string[], groups: Record<string, string> = {}, extraPeople: readonly string[] = []): OrgGraph {
  const people = new Set<string>();
  const ties: { source: string; target: string; weight: number; relation: string }[] = [];
  for (const spec of specs) {
    const m = /^(\w+)([->])(\w+)(?::([\d.]+))?$/.exec(spec);
    if (!m) throw new Error(`bad tie spec ${spec}`);
    people.add(m[1]);
    people.add(m[3]);
    ties.push({ source: m[1], target: m[3], weight: m[4] ? Number(m[4]) : 1, relation: m[2] === '-' ? 'tie' : 'arc' });
  }
  for (const p of extraPeople) people.add(p);
  for (const p of Object.keys(groups)) people.add(p);
  return OrgGraph.from({
    relations: [
      { name: 'tie', directed: false },
      { name: 'arc', directed: true },
    ],
    people: [...people]
      .sort()
      .map((id) => ({ id, attributes: groups[id] === undefined ? ({} as Record<string, string>) : { group: groups[id] } })),
    ties,
  });
}

/** Reference effective sizes aligned with all people; `sampled(i)` says whether person i has one. */
export function effectiveSizeReference(block: NxBlock, n: number): { values: Values; sampled: (i: number) => boolean } {
  if (!block.effectiveSizePeople) return { values: block.effectiveSize, sampled: () => true };
  const values: Values = new Array<number | null>(n).fill(null);
  const inSample = new Uint8Array(n);
  block.effectiveSizePeople.forEach((i, k) => {
    values[i] = block.effectiveSize[k];
    inSample[i] = 1;
  });
  return { values, sampled: (i) => inSample[i] === 1 };
}

/** Value of one person in scores. */
export function at(scores: NodeScores, id: string): number {
  const v = scores.get(id);
  if (v === undefined) throw new Error(`no person ${id}`);
  return v;
}

/**
 * Expect every value to match the reference to relative 1e-9 (absolute 1e-12 near zero); null in
 * the reference means NaN. `skip` lists indices not to compare.
 */
export function expectValues(
  actual: ArrayLike<number>,
  expected: readonly (number | null)[],
  label: string,
  skip?: (i: number) => boolean,
): number {
  expect(actual.length, `${label}: length`).toBe(expected.length);
  let compared = 0;
  for (let i = 0; i < expected.length; i++) {
    if (skip?.(i)) continue;
    const e = expected[i];
    const a = actual[i];
    if (e === null) {
      expect(Number.isNaN(a), `${label}[${i}] expected NaN, got ${a}`).toBe(true);
    } else {
      const ok = Math.abs(a - e) <= 1e-9 * Math.abs(e) + 1e-12;
      if (!ok) expect(a, `${label}[${i}]`).toBe(e);
    }
    compared++;
  }
  return compared;
}
