/**
 * Core numbers (k-core decomposition) by bucket-sorted peeling.
 * Reference: Batagelj, V. & Zaversnik, M. (2003). An O(m) algorithm for cores decomposition of
 * networks. arXiv:cs/0310049.
 */

/** A neighbour list in CSR form. */
export interface NeighbourLists {
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
}

/**
 * Core number of every node: the largest k such that the node belongs to a subgraph in which
 * every node has degree >= k. The neighbours of i are the concatenation of its rows in every list
 * of `lists`, with multiplicity (pass the out- and in-lists of a directed graph for in + out degree;
 * a reciprocated pair then counts twice, as NetworkX on a DiGraph).
 * NOTE: four arrays of length n plus one of length maxDegree + 1.
 * Complexity: O(n + m).
 */
export function coreNumbers(n: number, lists: readonly NeighbourLists[]): Int32Array {
  const deg = new Int32Array(n);
  let maxDegree = 0;
  for (let i = 0; i < n; i++) {
    let d = 0;
    for (const l of lists) d += l.offsets[i + 1] - l.offsets[i];
    deg[i] = d;
    if (d > maxDegree) maxDegree = d;
  }
  // Step 1: bucket sort by degree; bin[d] = first position of degree d in `vert`.
  const bin = new Int32Array(maxDegree + 1);
  for (let i = 0; i < n; i++) bin[deg[i]]++;
  for (let d = 0, start = 0; d <= maxDegree; d++) {
    const count = bin[d];
    bin[d] = start;
    start += count;
  }
  const vert = new Int32Array(n);
  const pos = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    pos[i] = bin[deg[i]]++;
    vert[pos[i]] = i;
  }
  for (let d = maxDegree; d > 0; d--) bin[d] = bin[d - 1];
  if (maxDegree >= 0 && n > 0) bin[0] = 0;
  // Step 2: peel in order of current degree; deg[v] is final when v is reached.
  for (let s = 0; s < n; s++) {
    const v = vert[s];
    const dv = deg[v];
    for (const l of lists) {
      for (let p = l.offsets[v]; p < l.offsets[v + 1]; p++) {
        const u = l.targets[p];
        const du = deg[u];
        if (du > dv) {
          // Move u to the front of its bucket, then shrink the bucket from the left.
          const pu = pos[u];
          const pw = bin[du];
          const w = vert[pw];
          if (u !== w) {
            pos[u] = pw;
            vert[pw] = u;
            pos[w] = pu;
            vert[pu] = w;
          }
          bin[du]++;
          deg[u] = du - 1;
        }
      }
    }
  }
  return deg;
}
