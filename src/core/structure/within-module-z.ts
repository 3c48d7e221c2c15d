/**
 * Within-module degree z-score kernel: how well connected a node is inside its own group,
 * relative to the other members of that group.
 * Reference: Guimerà, R. & Amaral, L. A. N. (2005). Functional cartography of complex metabolic
 * networks. Nature 433, 895-900.
 */

/**
 * z_i = (k_{i,g(i)} - mean_{j in g(i)} k_{j,g(j)}) / sd_{j in g(i)} k_{j,g(j)}
 *
 * Mean and standard deviation are over every member of the group (population sd, divisor n_s);
 * z = 0 when the group's sd is 0 (a group of one, or members all alike). Complexity: O(n).
 *
 * @param withinDegree k_{i,g(i)} per node
 * @param groups group code per node in [0, groupCount)
 * @example
 * withinModuleZKernel(Float64Array.from([2, 1, 1]), Int32Array.from([0, 0, 0]), 1);
 */
export function withinModuleZKernel(withinDegree: Float64Array, groups: Int32Array, groupCount: number): Float64Array {
  const n = withinDegree.length;
  const count = new Float64Array(groupCount);
  const sum = new Float64Array(groupCount);
  for (let i = 0; i < n; i++) {
    count[groups[i]]++;
    sum[groups[i]] += withinDegree[i];
  }
  // Two passes (mean, then squared deviations) for a stable sd.
  const mean = new Float64Array(groupCount);
  for (let s = 0; s < groupCount; s++) mean[s] = count[s] > 0 ? sum[s] / count[s] : 0;
  const squares = new Float64Array(groupCount);
  for (let i = 0; i < n; i++) {
    const dev = withinDegree[i] - mean[groups[i]];
    squares[groups[i]] += dev * dev;
  }
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = groups[i];
    const sd = Math.sqrt(squares[s] / count[s]);
    z[i] = sd > 0 ? (withinDegree[i] - mean[s]) / sd : 0;
  }
  return z;
}
