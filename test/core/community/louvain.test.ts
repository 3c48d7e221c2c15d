import { describe, expect, it } from 'vitest';
import { csrFromEdges, type Csr } from '../../../src/core/graph/csr.js';
import { mulberry32 } from '../../../src/core/util/random.js';
import { louvainCommunities, type LouvainKernelOptions } from '../../../src/core/community/louvain.js';

const base = (seed = 1): LouvainKernelOptions => ({ resolution: 1, weighted: true, random: mulberry32(seed) });

function graph(n: number, edges: [number, number, number?][]): Csr {
  return csrFromEdges(n, { sources: edges.map((e) => e[0]), targets: edges.map((e) => e[1]), weights: edges.map((e) => e[2] ?? 1) }, false);
}

/** r cliques of size s in a ring, clique c's last node tied to clique c+1's first node. */
function ringOfCliques(r: number, s: number, weight = 1): Csr {
  const edges: [number, number, number][] = [];
  for (let c = 0; c < r; c++) {
    for (let a = 0; a < s; a++) for (let b = a + 1; b < s; b++) edges.push([c * s + a, c * s + b, weight]);
    edges.push([c * s + s - 1, ((c + 1) % r) * s, weight]);
  }
  return graph(r * s, edges);
}

/** Modularity of labels, straight from the definition (for checks only). */
function q(g: Csr, labels: Int32Array, gamma = 1): number {
  let twoM = 0;
  const k = new Float64Array(g.n);
  for (let i = 0; i < g.n; i++) for (let p = g.offsets[i]; p < g.offsets[i + 1]; p++) k[i] += g.weights[p];
  for (let i = 0; i < g.n; i++) twoM += k[i];
  let sum = 0;
  for (let i = 0; i < g.n; i++) {
    for (let p = g.offsets[i]; p < g.offsets[i + 1]; p++) if (labels[g.targets[p]] === labels[i]) sum += g.weights[p];
    for (let j = 0; j < g.n; j++) if (labels[j] === labels[i]) sum -= (gamma * k[i] * k[j]) / twoM;
  }
  return sum / twoM;
}

describe('louvainCommunities: degenerate inputs', () => {
  it('empty graph: no community', () => {
    const r = louvainCommunities(graph(0, []), base());
    expect(r.count).toBe(0);
    expect(r.labels.length).toBe(0);
  });

  it('no edges: every node alone, nothing built', () => {
    const r = louvainCommunities(graph(3, []), base());
    expect(Array.from(r.labels)).toEqual([0, 1, 2]);
    expect(r).toMatchObject({ count: 3, levels: 0, moves: 0 });
  });

  it('two triangles with a bridge and an isolate: the triangles; the isolate alone', () => {
    // 0-1-2 and 3-4-5 triangles, bridge 2-3, node 6 isolated.
    const g = graph(7, [
      [0, 1],
      [1, 2],
      [0, 2],
      [3, 4],
      [4, 5],
      [3, 5],
      [2, 3],
    ]);
    for (let seed = 1; seed <= 5; seed++) {
      const r = louvainCommunities(g, base(seed));
      // Numbered by first appearance in node order.
      expect(Array.from(r.labels)).toEqual([0, 0, 0, 1, 1, 1, 2]);
      expect(r.count).toBe(3);
    }
  });
});

describe('louvainCommunities: ring of cliques', () => {
  // 6 cliques K5 in a ring: m = 6 x 10 + 6 = 66, every clique has degree sum 2 x 10 + 2 = 22.
  // Merging two neighbouring cliques changes Q by 1/m - 2 (22 x 22) / (2m)^2 = 0.01515 - 0.05556 < 0,
  // so the cliques themselves are best: Q = 6 (10/66 - (22/132)^2) = 0.742424...
  const g = ringOfCliques(6, 5);
  const cliques = Array.from({ length: 30 }, (_, i) => Math.floor(i / 5));

  it('finds the cliques, with and without Leiden refinement, for several seeds', () => {
    for (const leiden of [true, false]) {
      for (let seed = 1; seed <= 5; seed++) {
        const r = louvainCommunities(g, { ...base(seed), leiden });
        expect(Array.from(r.labels)).toEqual(cliques);
        expect(q(g, r.labels)).toBeCloseTo(6 * (10 / 66 - (22 / 132) ** 2), 12);
      }
    }
  });

  it('a tiny resolution merges everything: Q_gamma = 1 - gamma for one community beats the cliques', () => {
    // gamma = 0.01: one community 1 - 0.01 = 0.99; the cliques 60/66 - 0.01 x 6 (1/6)^2 = 0.9074.
    const r = louvainCommunities(g, { ...base(), resolution: 0.01 });
    expect(r.count).toBe(1);
  });

  it('a large resolution splits the cliques further', () => {
    expect(louvainCommunities(g, { ...base(), resolution: 20 }).count).toBeGreaterThan(6);
  });
});

describe('louvainCommunities: weights and reproducibility', () => {
  it('all weights 1 gives what the unweighted reading gives', () => {
    const g = ringOfCliques(8, 4, 1);
    const a = louvainCommunities(g, { ...base(7), weighted: true });
    const b = louvainCommunities(g, { ...base(7), weighted: false });
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
  });

  it('weights are read: a heavy tie pulls its ends together', () => {
    // Path 0-1-2-3. Unweighted (m = 3, degrees 1 2 2 1): {0,1}{2,3} gives 2 (1/3 - (3/6)^2) = 1/6.
    // Weights 1, 10, 1 (2m = 24, strengths 1 11 11 1): one community gives 24/24 - 1 = 0;
    // {0,1,2}{3}: 22/24 - (23/24)^2 - (1/24)^2 = -0.0035; {0}{1,2}{3}: 20/24 - (1 + 484 + 1)/576
    // = -0.0104; {0,1}{2,3}: 4/24 - 2 (12/24)^2 = -1/3: the heavy tie keeps everyone together.
    // Both readings are also checked against a brute force over all labellings.
    const g = graph(4, [
      [0, 1, 1],
      [1, 2, 10],
      [2, 3, 1],
    ]);
    const best = (weighted: boolean) => {
      const h = weighted
        ? g
        : graph(4, [
            [0, 1],
            [1, 2],
            [2, 3],
          ]);
      let top = -Infinity;
      for (let code = 0; code < 4 ** 4; code++) {
        const l = Int32Array.from({ length: 4 }, (_, i) => Math.floor(code / 4 ** i) % 4);
        top = Math.max(top, q(h, l));
      }
      return { h, top };
    };
    for (const weighted of [true, false]) {
      const { h, top } = best(weighted);
      const r = louvainCommunities(g, { ...base(), weighted });
      expect(q(h, r.labels)).toBeCloseTo(top, 12);
    }
    expect(Array.from(louvainCommunities(g, { ...base(), weighted: false }).labels)).toEqual([0, 0, 1, 1]);
    expect(Array.from(louvainCommunities(g, { ...base(), weighted: true }).labels)).toEqual([0, 0, 0, 0]);
  });

  it('same seed, same labels; the labels are numbered by first appearance', () => {
    // A random graph with planted groups of 10 (p_in = 0.5, p_out = 0.02), from a fixed seed.
    const rnd = mulberry32(99);
    const edges: [number, number, number][] = [];
    for (let i = 0; i < 200; i++) {
      for (let j = i + 1; j < 200; j++) {
        if (rnd() < (Math.floor(i / 10) === Math.floor(j / 10) ? 0.5 : 0.02)) edges.push([i, j, 1 + Math.floor(rnd() * 5)]);
      }
    }
    const g = graph(200, edges);
    const a = louvainCommunities(g, base(3));
    const b = louvainCommunities(g, base(3));
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    let next = 0;
    for (const l of a.labels) {
      expect(l).toBeLessThanOrEqual(next);
      if (l === next) next++;
    }
    expect(next).toBe(a.count);
    // One more pass never lowers modularity (a pass is kept only if it improves it).
    const one = louvainCommunities(g, { ...base(3), iterations: 1 });
    expect(q(g, a.labels)).toBeGreaterThanOrEqual(q(g, one.labels) - 1e-12);
  });
});
