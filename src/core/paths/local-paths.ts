/**
 * Local-path sweep
 * From one source, every node within three steps that is not yet tied to it, with the
 * neighbourhood scores of the pair accumulated in one pass: common neighbours, Adamic-Adar,
 * resource allocation (plain and tie-strength-aware) over two-step paths, and resource allocation
 * over three-step paths. The kernel behind introductions and their evaluation.
 * Reference: Lu, L., Jin, C.-H. & Zhou, T. (2009). Similarity index based on local paths for link
 * prediction of complex networks. Phys. Rev. E 80, 046122; Zhou, T., Lu, L. & Zhang, Y.-C. (2009).
 * Predicting missing links via local information. Eur. Phys. J. B 71.
 */
import type { SortedAdjacency } from '../structure/link-scores.js';

/** Scratch buffers reused across sweeps (allocate once per graph with {@link localPathScratch}). */
export interface LocalPathScratch {
  /** Common neighbours with the source. */
  readonly common: Float64Array;
  /** sum over two-step paths s - x - j of 1 / ln k_x. */
  readonly adamicAdar: Float64Array;
  /** sum over two-step paths of 1 / k_x. */
  readonly resourceAllocation: Float64Array;
  /** sum over two-step paths of (a_sx + a_xj) / (2 s_x). */
  readonly resourceAllocationWeighted: Float64Array;
  /** sum over three-step paths s - x - y - j (distinct nodes) of 1 / (k_x k_y). */
  readonly resourceAllocation3: Float64Array;
  /** Nodes reached, in first-reach order; the first `reached` are valid. */
  readonly touched: Int32Array;
  reached: number;
  /** Stamp per node: the sweep number that marked it as the source's neighbour. */
  readonly stamp: Int32Array;
  sweep: number;
}

export function localPathScratch(n: number): LocalPathScratch {
  return {
    common: new Float64Array(n),
    adamicAdar: new Float64Array(n),
    resourceAllocation: new Float64Array(n),
    resourceAllocationWeighted: new Float64Array(n),
    resourceAllocation3: new Float64Array(n),
    touched: new Int32Array(n),
    reached: 0,
    stamp: new Int32Array(n),
    sweep: 0,
  };
}

/**
 * Sweep from `source`: every node j with `accept(j)`, not the source and not tied to it, reached by a
 * path of two or three steps, with
 *
 *   CN  = #{x : s - x - j}          AA = sum_x 1 / ln k_x        RA = sum_x 1 / k_x
 *   RAw = sum_x (a_sx + a_xj) / (2 s_x)                          (s_x = strength of x)
 *   RA3 = sum over s - x - y - j, x != j, y != s, of 1 / (k_x k_y)
 *
 * Results stay in `scratch` (`touched[0 .. reached)`) until {@link clearLocalPaths}. With
 * `threeSteps: false` RA3 is not accumulated and only two-step nodes are reached.
 *
 * Complexity: O(sum_{x in N(s)} d_x) for two steps, O(sum_{x in N(s)} sum_{y in N(x)} d_y) with three.
 * @example
 * const scratch = localPathScratch(g.n);
 * localPathSweep(g, strengths(g), 0, () => true, scratch, true);
 * for (let t = 0; t < scratch.reached; t++) console.log(scratch.touched[t]);
 * clearLocalPaths(scratch);
 */
export function localPathSweep(
  g: SortedAdjacency,
  strength: Float64Array,
  source: number,
  accept: (j: number) => boolean,
  scratch: LocalPathScratch,
  threeSteps: boolean,
): void {
  const { offsets, targets, weights } = g;
  const { common, adamicAdar, resourceAllocation, resourceAllocationWeighted, resourceAllocation3, touched, stamp } = scratch;
  const mark = ++scratch.sweep;
  let reached = 0;
  // Step 1: stamp the source and its neighbours (already tied: never candidates).
  stamp[source] = mark;
  for (let p = offsets[source]; p < offsets[source + 1]; p++) stamp[targets[p]] = mark;
  const fresh = (j: number) => common[j] === 0 && resourceAllocation3[j] === 0;
  // Step 2: two and three steps.
  for (let p = offsets[source]; p < offsets[source + 1]; p++) {
    const x = targets[p];
    const kx = offsets[x + 1] - offsets[x];
    const ax = weights ? weights[p] : 1;
    const sx = strength[x];
    const lnk = Math.log(kx);
    for (let q = offsets[x]; q < offsets[x + 1]; q++) {
      const y = targets[q];
      if (y === source) continue;
      if (stamp[y] !== mark && accept(y)) {
        if (fresh(y)) touched[reached++] = y;
        common[y]++;
        adamicAdar[y] += 1 / lnk;
        resourceAllocation[y] += 1 / kx;
        resourceAllocationWeighted[y] += (ax + (weights ? weights[q] : 1)) / (2 * sx);
      }
      if (!threeSteps) continue;
      const ky = offsets[y + 1] - offsets[y];
      const step = 1 / (kx * ky);
      for (let r = offsets[y]; r < offsets[y + 1]; r++) {
        const j = targets[r];
        if (j === x || stamp[j] === mark || !accept(j)) continue;
        if (fresh(j)) touched[reached++] = j;
        resourceAllocation3[j] += step;
      }
    }
  }
  scratch.reached = reached;
}

/** Reset what a sweep wrote. Complexity: O(reached). */
export function clearLocalPaths(scratch: LocalPathScratch): void {
  for (let t = 0; t < scratch.reached; t++) {
    const j = scratch.touched[t];
    scratch.common[j] = 0;
    scratch.adamicAdar[j] = 0;
    scratch.resourceAllocation[j] = 0;
    scratch.resourceAllocationWeighted[j] = 0;
    scratch.resourceAllocation3[j] = 0;
  }
  scratch.reached = 0;
}
