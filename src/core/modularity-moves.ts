/**
 * Modularity local moves
 * Louvain's first phase on an undirected CSR, started from a given partition: move single nodes to
 * the neighbouring community that most increases modularity until no move helps. Used to refine a
 * partition found on an aggregated graph (multi-level refinement).
 * Reference: Blondel et al. (2008), J. Stat. Mech. P10008, phase 1; Rotta, R. & Noack, A. (2011).
 * Multilevel local search algorithms for modularity clustering. ACM J. Exp. Algorithmics 16, 2.3.
 */
import type { Csr } from './csr.js';

/**
 * Refine `labels` (values in [0, k), undirected graph) in place by single-node moves.
 *
 *   gain(i -> c) = w_ic - gamma * tot_c * k_i / 2m      (tot_c without i)
 *
 * Nodes are visited in the order of `order` each sweep; a node moves only for a strictly larger
 * gain (1e-12) than staying. Edge values are read when `weighted`, else 1.
 * Complexity: O(sweeps x (n + m)).
 * @returns the number of moves made and of sweeps run
 */
export function modularityLocalMoves(
  g: Csr,
  labels: Int32Array,
  k: number,
  gamma: number,
  weighted: boolean,
  order: Int32Array,
  maxSweeps = 50,
): { moves: number; sweeps: number } {
  const n = g.n;
  const strength = new Float64Array(n);
  let twoM = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let p = g.offsets[i]; p < g.offsets[i + 1]; p++) s += weighted ? g.weights[p] : 1;
    strength[i] = s;
    twoM += s;
  }
  if (twoM === 0) return { moves: 0, sweeps: 0 };
  const total = new Float64Array(k);
  for (let i = 0; i < n; i++) total[labels[i]] += strength[i];
  const toCommunity = new Float64Array(k);
  const touched = new Int32Array(k);
  let moves = 0;
  let sweeps = 0;
  for (; sweeps < maxSweeps; ) {
    sweeps++;
    let moved = 0;
    for (let t = 0; t < order.length; t++) {
      const i = order[t];
      const own = labels[i];
      // Step 1: ties from i to each neighbouring community.
      let count = 0;
      for (let p = g.offsets[i]; p < g.offsets[i + 1]; p++) {
        const c = labels[g.targets[p]];
        if (toCommunity[c] === 0) touched[count++] = c;
        toCommunity[c] += weighted ? g.weights[p] : 1;
      }
      // Step 2: best community for i, i taken out of its own.
      const ki = strength[i];
      total[own] -= ki;
      let best = own;
      let bestGain = toCommunity[own] - (gamma * total[own] * ki) / twoM;
      for (let q = 0; q < count; q++) {
        const c = touched[q];
        const gain = toCommunity[c] - (gamma * total[c] * ki) / twoM;
        if (gain > bestGain + 1e-12) {
          bestGain = gain;
          best = c;
        }
      }
      total[best] += ki;
      if (best !== own) {
        labels[i] = best;
        moved++;
      }
      for (let q = 0; q < count; q++) toCommunity[touched[q]] = 0;
      toCommunity[own] = 0;
    }
    moves += moved;
    if (moved === 0) break;
  }
  return { moves, sweeps };
}
