"""CPU seconds per source of igraph's exact betweenness on a sample of sources.

Extrapolates igraph's all-sources time on a large org (where the full run takes over an hour)
from `Graph.betweenness(sources=...)`, the same Brandes sweep restricted to the sampled sources;
sources are every (n / k)-th node, as benchmarks/metrics/centrality/brandes-ab.ts samples them.
Usage: python3 benchmarks/peers/igraph-sampled-betweenness.py DIR [sources] [weighted|unweighted]
DIR holds meta.json and edges.{src,dst}.i32 / edges.w.f64 (benchmarks/generate/org-graph.ts --out).
"""
import json
import os
import sys
import time

import numpy as np


def main():
    d = sys.argv[1]
    k = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    weighted = (sys.argv[3] if len(sys.argv) > 3 else "weighted") == "weighted"
    import igraph as ig

    with open(os.path.join(d, "meta.json")) as f:
        meta = json.load(f)
    n = meta["n"]
    src = np.fromfile(os.path.join(d, "edges.src.i32"), dtype="<i4")
    dst = np.fromfile(os.path.join(d, "edges.dst.i32"), dtype="<i4")
    w = np.fromfile(os.path.join(d, "edges.w.f64"), dtype="<f8")
    g = ig.Graph(n=n, edges=np.column_stack((src, dst)).tolist(), directed=False)
    lengths = (1.0 / w).tolist() if weighted else None
    step = max(1, n // k)
    sources = list(range(0, n, step))[:k]
    c0 = time.process_time()
    t0 = time.perf_counter()
    g.betweenness(directed=False, weights=lengths, sources=sources)
    cpu = time.process_time() - c0
    wall = time.perf_counter() - t0
    print(
        json.dumps(
            {
                "tool": "igraph",
                "version": ig.__version__,
                "n": n,
                "m": meta["m"],
                "weighted": weighted,
                "sources": len(sources),
                "cpuUsPerSource": cpu / len(sources) * 1e6,
                "wallUsPerSource": wall / len(sources) * 1e6,
                "projectedCpuSecondsAllSources": cpu / len(sources) * n,
            }
        )
    )


if __name__ == "__main__":
    main()
