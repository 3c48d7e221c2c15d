#!/usr/bin/env python3
"""Benchmark peers for orgraph: time igraph and NetworKit on the very same generated org graph.

Reads the raw edge arrays written by benchmarks/generate/org-graph.ts (edges.src.i32, edges.dst.i32,
edges.w.f64: little-endian, undirected, each pair once, weights are interaction-count STRENGTHS) and
meta.json. Path metrics get lengths 1/w (as orgraph's default d = 1/w); PageRank and eigenvector get
the strengths. Only the algorithm call is timed (graph construction is reported separately).

Usage:
  python3 scripts/bench/peers.py --dir .bench-data/org-n10000-s1-d20 --case betweenness-weighted \
      [--tools igraph,networkit] [--threads 2] [--top 10]
Cases: betweenness, betweenness-weighted, closeness, closeness-weighted, pagerank, eigenvector,
       betweenness-approx (NetworKit KADABRA, all nodes, err 0.01), betweenness-top100 (KADABRA top-100).
Prints one JSON object: {"case", "n", "m", "threads", "python", "tools": {tool: {...}}}. A tool that
is missing or has no such algorithm reports {"available": false, "reason": ...}.
"""
import argparse
import json
import os
import platform
import sys
import time

import numpy as np


def load(d):
    with open(os.path.join(d, "meta.json")) as f:
        meta = json.load(f)
    src = np.fromfile(os.path.join(d, "edges.src.i32"), dtype="<i4")
    dst = np.fromfile(os.path.join(d, "edges.dst.i32"), dtype="<i4")
    w = np.fromfile(os.path.join(d, "edges.w.f64"), dtype="<f8")
    assert len(src) == len(dst) == len(w) == meta["m"], "edge arrays do not match meta.json"
    return meta, src, dst, w


def timed(fn, max_runs=5, budget=5.0, long=2.0):
    """Median time of fn() over up to max_runs runs (one run when a run takes over `long` seconds,
    stopping once `budget` seconds are spent): the same policy as benchmarks/harness.ts."""
    samples = []
    result = None
    while len(samples) < max_runs:
        t0 = time.perf_counter()
        result = fn()
        s = time.perf_counter() - t0
        samples.append(s)
        if s > long or sum(samples) > budget:
            break
    samples.sort()
    mid = len(samples) // 2
    median = samples[mid] if len(samples) % 2 else (samples[mid - 1] + samples[mid]) / 2
    return result, median, len(samples)


def top_k(values, k):
    v = np.asarray(values, dtype=float)
    k = min(k, len(v))
    # stable: highest value first, ties by lower index
    order = np.lexsort((np.arange(len(v)), -v))
    return [int(i) for i in order[:k]]


def run_igraph(case, meta, src, dst, w, args):
    import igraph as ig

    t0 = time.perf_counter()
    g = ig.Graph(n=meta["n"], edges=np.column_stack((src, dst)).tolist(), directed=False)
    lengths = (1.0 / w).tolist()
    strengths = w.tolist()
    build = time.perf_counter() - t0
    calls = {
        "betweenness": lambda: g.betweenness(directed=False),
        "betweenness-weighted": lambda: g.betweenness(directed=False, weights=lengths),
        "closeness": lambda: g.closeness(),
        "closeness-weighted": lambda: g.closeness(weights=lengths),
        "pagerank": lambda: g.pagerank(damping=0.85, weights=strengths),
        "eigenvector": lambda: g.eigenvector_centrality(scale=False, weights=strengths),
    }
    if case not in calls:
        return {"available": False, "reason": f"igraph has no {case}"}
    values, seconds, runs = timed(calls[case])
    return {"available": True, "version": ig.__version__, "seconds": seconds, "runs": runs, "buildSeconds": build,
            "threads": 1, "top": top_k(values, args.top)}


def run_networkit(case, meta, src, dst, w, args):
    import networkit as nk

    nk.setNumberOfThreads(args.threads)
    nk.engineering.setSeed(args.seed, True)
    t0 = time.perf_counter()
    weighted = case in ("betweenness-weighted", "closeness-weighted", "pagerank", "eigenvector")
    g = nk.Graph(meta["n"], weighted=weighted, directed=False)
    s = src.astype(np.uint64)
    t = dst.astype(np.uint64)
    if weighted:
        data = (1.0 / w) if case.endswith("-weighted") else w
        g.addEdges((np.ascontiguousarray(data, dtype=np.float64), (s, t)))
    else:
        g.addEdges((s, t))
    build = time.perf_counter() - t0
    C = nk.centrality
    makers = {
        "betweenness": lambda: C.Betweenness(g, normalized=False),
        "betweenness-weighted": lambda: C.Betweenness(g, normalized=False),
        "closeness": lambda: C.Closeness(g, False, C.ClosenessVariant.GENERALIZED),
        "closeness-weighted": lambda: C.Closeness(g, False, C.ClosenessVariant.GENERALIZED),
        "pagerank": lambda: C.PageRank(g, damp=0.85, tol=1e-9),
        "eigenvector": lambda: C.EigenvectorCentrality(g),
        "betweenness-approx": lambda: C.KadabraBetweenness(g, 0.01, 0.1),
        "betweenness-top100": lambda: C.KadabraBetweenness(g, 0.01, 0.1, False, 100),
    }
    if case not in makers:
        return {"available": False, "reason": f"networkit has no {case}"}

    def call():
        a = makers[case]()
        a.run()
        return a

    algo, seconds, runs = timed(call)
    extra = {"runs": runs}
    if case == "betweenness-top100":
        top = [int(x) for x in algo.topkNodesList()][: args.top]
    else:
        top = top_k(algo.scores(), args.top)
    return {"available": True, "version": nk.__version__, "seconds": seconds, "buildSeconds": build,
            "threads": nk.getMaxNumberOfThreads(), "top": top, **extra}


RUNNERS = {"igraph": run_igraph, "networkit": run_networkit}


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--dir", required=True)
    p.add_argument("--case", required=True)
    p.add_argument("--tools", default="igraph,networkit")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--top", type=int, default=10)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()
    meta, src, dst, w = load(args.dir)
    out = {"case": args.case, "n": meta["n"], "m": meta["m"], "threads": args.threads,
           "python": platform.python_version(), "tools": {}}
    for tool in [x for x in args.tools.split(",") if x]:
        try:
            out["tools"][tool] = RUNNERS[tool](args.case, meta, src, dst, w, args)
        except ImportError as e:
            out["tools"][tool] = {"available": False, "reason": f"import failed: {e}"}
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
