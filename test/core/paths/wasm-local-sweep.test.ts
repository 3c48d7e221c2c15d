/**
 * WasmLocalSweep (src/core/paths/wasm-local-sweep.ts, local-sweep.wat) against `localPathSweep`
 * (core/paths/local-paths.ts) with the same group filter as a callback: the same nodes reached in
 * the same first-reach order and the same CN, RA, RAw, RA3 bit for bit, on a real network with tie
 * strengths and on a graph with multi-edges and unlabelled people; the committed module bytes are
 * the ones the committed text compiles to.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clearLocalPaths, localPathScratch, localPathSweep, type LocalPathScratch } from '../../../src/core/paths/local-paths.js';
import { LOCAL_SWEEP_WASM } from '../../../src/core/paths/local-sweep-wasm.js';
import { useWasmLocalSweep, WasmLocalSweep } from '../../../src/core/paths/wasm-local-sweep.js';
import { strengths, type SortedAdjacency } from '../../../src/core/structure/link-scores.js';
import { mulberry32 } from '../../../src/core/util/random.js';
import { introductionAdjacency } from '../../../src/recommend/introduction-adjacency.js';
import { datasetView } from '../../helpers/datasets.js';
import { wasmBytesOf } from '../../../scripts/wasm/compile.js';

const FIELDS = ['common', 'resourceAllocation', 'resourceAllocationWeighted', 'resourceAllocation3'] as const;

/** The reached nodes in first-reach order, each with its four scores. */
function snapshot(scratch: LocalPathScratch): number[][] {
  const out: number[][] = [];
  for (let t = 0; t < scratch.reached; t++) {
    const j = scratch.touched[t];
    out.push([j, ...FIELDS.map((f) => scratch[f][j])]);
  }
  return out;
}

/** An engine holding `g`, its strengths and the labels. */
function engineOf(g: SortedAdjacency, label: Int32Array): WasmLocalSweep {
  const engine = WasmLocalSweep.create(g.n, g.targets.length);
  expect(engine).not.toBeNull();
  engine!.offsets.set(g.offsets);
  engine!.targets.set(g.targets);
  if (g.weights) engine!.weights.set(g.weights);
  else engine!.weights.fill(1);
  engine!.strength.set(strengths(g));
  for (let i = 0; i < g.n; i++) engine!.degree[i] = g.offsets[i + 1] - g.offsets[i];
  engine!.label.set(label);
  return engine!;
}

/** Every `step`-th source, both filters, two and three steps: the engine against localPathSweep. Returns the pairs compared. */
function compare(g: SortedAdjacency, label: Int32Array, groups: readonly number[], step: number): number {
  const engine = engineOf(g, label);
  const str = strengths(g);
  const ref = localPathScratch(g.n);
  let compared = 0;
  for (const group of groups) {
    for (let s = 0; s < g.n; s += step) {
      for (const threeSteps of [true, false]) {
        localPathSweep(g, str, s, (j) => label[j] === group, ref, threeSteps);
        expect(engine.sweep(s, group, true, 0, threeSteps)).toBe(ref.reached);
        expect(snapshot(engine.scratch)).toEqual(snapshot(ref));
        compared += ref.reached;
        clearLocalPaths(ref);
        engine.clear();
        const from = s + 1;
        localPathSweep(g, str, s, (j) => j >= from && label[j] >= 0 && label[j] !== group, ref, threeSteps);
        engine.sweep(s, group, false, from, threeSteps);
        expect(snapshot(engine.scratch)).toEqual(snapshot(ref));
        compared += ref.reached;
        clearLocalPaths(ref);
        engine.clear();
      }
    }
  }
  return compared;
}

describe('WasmLocalSweep', () => {
  it('the committed module is what scripts/wasm/build.ts makes from local-sweep.wat', async () => {
    const bytes = await wasmBytesOf(readFileSync('src/core/paths/local-sweep.wat', 'utf8'), 'local-sweep.wat');
    expect(Buffer.from(bytes).toString('base64')).toBe(LOCAL_SWEEP_WASM);
  });

  it('equals localPathSweep bit for bit on email-eu-core with 4 random groups, some people unlabelled', async () => {
    const adj = introductionAdjacency(await datasetView('email-eu-core'));
    const random = mulberry32(11);
    const label = Int32Array.from({ length: adj.n }, () => (random() < 0.1 ? -1 : Math.floor(random() * 4)));
    expect(compare(adj, label, [0, 2], 7)).toBeGreaterThan(20000);
  });

  it('equals localPathSweep on a random multigraph with strengths 1-9 and isolated people', () => {
    const random = mulberry32(3);
    const n = 120;
    const rows: number[][] = Array.from({ length: n }, () => []);
    const wts: number[][] = Array.from({ length: n }, () => []);
    for (let e = 0; e < 500; e++) {
      const u = Math.floor(random() * 100);
      const v = Math.floor(random() * 100);
      if (u === v) continue;
      const w = 1 + Math.floor(random() * 9);
      rows[u].push(v);
      wts[u].push(w);
      rows[v].push(u);
      wts[v].push(w);
    }
    const offsets = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + rows[i].length;
    const g: SortedAdjacency = { n, offsets, targets: Int32Array.from(rows.flat()), weights: Float64Array.from(wts.flat()) };
    const label = Int32Array.from({ length: n }, (_, i) => (i % 11 === 0 ? -1 : i % 3));
    expect(compare(g, label, [0, 1, 2], 1)).toBeGreaterThan(5000);
  });

  it('skips hidden arcs as if absent: equals localPathSweep on the rows without them (degrees and strengths of the rest)', async () => {
    const adj = introductionAdjacency(await datasetView('email-eu-core'));
    const random = mulberry32(17);
    const label = Int32Array.from({ length: adj.n }, () => Math.floor(random() * 3));
    const engine = engineOf(adj, label);
    // Hide about 5% of the ties (both arcs), as the score fit hides its held-out ties.
    const kept: number[][] = Array.from({ length: adj.n }, () => []);
    const keptW: number[][] = Array.from({ length: adj.n }, () => []);
    const drop = new Set<string>();
    for (let u = 0; u < adj.n; u++)
      for (let p = adj.offsets[u]; p < adj.offsets[u + 1]; p++) {
        const v = adj.targets[p];
        if (u < v && random() < 0.05) drop.add(`${u} ${v}`);
      }
    for (let u = 0; u < adj.n; u++)
      for (let p = adj.offsets[u]; p < adj.offsets[u + 1]; p++) {
        const v = adj.targets[p];
        if (drop.has(u < v ? `${u} ${v}` : `${v} ${u}`)) engine.hidden[p] = 1;
        else {
          kept[u].push(v);
          keptW[u].push(adj.weights![p]);
        }
      }
    expect(drop.size).toBeGreaterThan(100);
    const offsets = new Int32Array(adj.n + 1);
    for (let i = 0; i < adj.n; i++) offsets[i + 1] = offsets[i] + kept[i].length;
    const train: SortedAdjacency = { n: adj.n, offsets, targets: Int32Array.from(kept.flat()), weights: Float64Array.from(keptW.flat()) };
    const str = strengths(train);
    engine.strength.set(str);
    for (let i = 0; i < adj.n; i++) engine.degree[i] = kept[i].length;
    const ref = localPathScratch(adj.n);
    let compared = 0;
    for (let s = 0; s < adj.n; s += 5) {
      localPathSweep(train, str, s, (j) => label[j] >= 0 && label[j] !== label[s], ref, true);
      engine.sweep(s, label[s], false, 0, true);
      expect(snapshot(engine.scratch)).toEqual(snapshot(ref));
      compared += ref.reached;
      clearLocalPaths(ref);
      engine.clear();
    }
    expect(compared).toBeGreaterThan(20000);
  });

  it('makes no engine when switched off (the score fit then sweeps in JavaScript)', () => {
    const was = useWasmLocalSweep(false);
    try {
      expect(WasmLocalSweep.create(10, 10)).toBeNull();
    } finally {
      useWasmLocalSweep(was);
    }
    expect(WasmLocalSweep.create(10, 10)).not.toBeNull();
  });
});
