/**
 * Triangle sums: for every node, the sum over the triangles through it of the product of the
 * three edge values, by the degree-ordered ("forward") enumeration that visits each triangle once.
 * Reference: Schank, T. & Wagner, D. (2005). Finding, counting and listing all triangles in large
 * graphs, an experimental study. WEA 2005, LNCS 3503, 606-609; Latapy, M. (2008). Main-memory
 * triangle computations for very large (sparse (power-law)) graphs. Theor. Comput. Sci. 407.
 */

/**
 * For a symmetric CSR (every edge in both rows, equal values b_ij = b_ji, no self-loops):
 *
 *   t_i = sum_{j, k} b_ij b_jk b_ki     (ordered pairs j != k, so each triangle counts twice)
 *
 * With all b = 1, t_i = 2 T_i where T_i is the number of triangles through i.
 * Edges are oriented from lower to higher (degree, index) rank; each triangle u < v < w is found
 * once from u and its product added twice to each of its three nodes.
 * NOTE: O(n + m) scratch; the oriented copy of the graph holds m/2 arcs.
 * Complexity: O(m^1.5) worst case, O(m * arboricity) in practice.
 */
export function triangleSums(n: number, offsets: Int32Array, targets: Int32Array, values: Float64Array): Float64Array {
  const t = new Float64Array(n);
  // Step 1: rank by (degree, index) with a counting sort on degree.
  let maxDegree = 0;
  for (let i = 0; i < n; i++) maxDegree = Math.max(maxDegree, offsets[i + 1] - offsets[i]);
  const bucketStart = new Int32Array(maxDegree + 2);
  for (let i = 0; i < n; i++) bucketStart[offsets[i + 1] - offsets[i] + 1]++;
  for (let d = 0; d <= maxDegree; d++) bucketStart[d + 1] += bucketStart[d];
  const rank = new Int32Array(n);
  for (let i = 0; i < n; i++) rank[i] = bucketStart[offsets[i + 1] - offsets[i]]++;
  // Step 2: keep only arcs towards higher rank.
  const fwdOffsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    let c = 0;
    for (let p = offsets[i]; p < offsets[i + 1]; p++) if (rank[targets[p]] > rank[i]) c++;
    fwdOffsets[i + 1] = fwdOffsets[i] + c;
  }
  const fwdTargets = new Int32Array(fwdOffsets[n]);
  const fwdValues = new Float64Array(fwdOffsets[n]);
  for (let i = 0, w = 0; i < n; i++) {
    for (let p = offsets[i]; p < offsets[i + 1]; p++) {
      if (rank[targets[p]] > rank[i]) {
        fwdTargets[w] = targets[p];
        fwdValues[w] = values[p];
        w++;
      }
    }
  }
  // Step 3: for each u, mark its forward neighbours, then close wedges u -> v -> w.
  const markedBy = new Int32Array(n).fill(-1);
  const valueFromU = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    const start = fwdOffsets[u];
    const end = fwdOffsets[u + 1];
    if (end - start < 2) continue;
    for (let p = start; p < end; p++) {
      markedBy[fwdTargets[p]] = u;
      valueFromU[fwdTargets[p]] = fwdValues[p];
    }
    for (let p = start; p < end; p++) {
      const v = fwdTargets[p];
      const buv = fwdValues[p];
      for (let q = fwdOffsets[v]; q < fwdOffsets[v + 1]; q++) {
        const w = fwdTargets[q];
        if (markedBy[w] !== u) continue;
        const prod = 2 * buv * fwdValues[q] * valueFromU[w];
        t[u] += prod;
        t[v] += prod;
        t[w] += prod;
      }
    }
  }
  return t;
}
