#!/usr/bin/env python3
"""Benchmark peers for orgraph's structural-hole measures on a generated org graph.

Reads the raw edge arrays written by benchmarks/generate/org-graph.ts (edges.src.i32, edges.dst.i32,
edges.w.f64: little-endian, undirected, each pair once, weights are STRENGTHS, which is what Burt's
measures read) and meta.json, then times:
  - igraph Graph.constraint(weights=...) on all people;
  - networkx nx.constraint (weight='weight') on all people (its sparse-matrix path), and
    nx.effective_size on all people up to DENSE_LIMIT people; above that its all-people path needs
    a dense n x n array, so the per-person path runs on a seeded sample of people and the time is
    extrapolated to all people (per-person costs are independent; the output says so).
Only the algorithm calls are timed; graph construction is reported separately.
Also prints each tool's values on the sampled people, so the caller can check they agree.

Usage:
  python3 scripts/bench/brokerage_peers.py --dir .bench-data/org-n100000-s1-d20 [--sample 1000] [--seed 1]
Prints one JSON object on the last line.
"""
import argparse
import json
import os
import platform
import random
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from peers import load  # noqa: E402  (the same edge-array reader as the centrality peers)


# Largest graph for which NetworkX's all-people effective size (a dense n x n array) is run.
DENSE_LIMIT = 20000


def nan_to_none(x):
    x = float(x)
    return None if x != x else x


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--dir', required=True)
    ap.add_argument('--sample', type=int, default=1000)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--tools', default='igraph,networkx')
    a = ap.parse_args()
    meta, src, dst, w = load(a.dir)
    n = meta['n']
    rng = random.Random(a.seed)
    sample = sorted(rng.sample(range(n), min(a.sample, n)))
    out = {'n': n, 'm': int(meta['m']), 'python': platform.python_version(), 'sample': sample, 'tools': {}}
    tools = a.tools.split(',')

    if 'igraph' in tools:
        try:
            import igraph as ig
            t0 = time.perf_counter()
            g = ig.Graph(n=n, edges=np.column_stack([src, dst]).tolist(), directed=False)
            g.es['weight'] = w.tolist()
            build = time.perf_counter() - t0
            t0 = time.perf_counter()
            c = g.constraint(weights='weight')
            secs = time.perf_counter() - t0
            out['tools']['igraph'] = {
                'available': True, 'version': ig.__version__, 'build': build,
                'constraint': {'seconds': secs, 'people': n, 'extrapolated': False,
                               'values': [nan_to_none(c[i]) for i in sample]},
            }
        except Exception as e:  # a missing module or a failure is reported, never fatal
            out['tools']['igraph'] = {'available': False, 'reason': f'{type(e).__name__}: {e}'}

    if 'networkx' in tools:
        try:
            import networkx as nx
            t0 = time.perf_counter()
            g = nx.Graph()
            g.add_nodes_from(range(n))
            g.add_weighted_edges_from(zip(src.tolist(), dst.tolist(), w.tolist()))
            build = time.perf_counter() - t0
            entry = {'available': True, 'version': nx.__version__, 'build': build}
            # constraint: the all-people call (NetworkX's sparse-matrix path), timed in full.
            t0 = time.perf_counter()
            r = nx.constraint(g, weight='weight')
            secs = time.perf_counter() - t0
            entry['constraint'] = {'seconds': secs, 'people': n, 'extrapolated': False, 'path': 'sparse',
                                   'values': [nan_to_none(r[i]) for i in sample]}
            # effective size: the all-people sparse path builds a dense n x n array (80 GB at
            # 100k people) and mis-normalises weighted values (networkx PR #8906), so above
            # DENSE_LIMIT people the per-person path runs on the sample and is extrapolated.
            if n <= DENSE_LIMIT:
                t0 = time.perf_counter()
                r = nx.effective_size(g, weight='weight')
                secs = time.perf_counter() - t0
                entry['effectiveSize'] = {'seconds': secs, 'people': n, 'extrapolated': False, 'path': 'sparse',
                                          'values': [nan_to_none(r[i]) for i in sample]}
            else:
                t0 = time.perf_counter()
                r = nx.effective_size(g, nodes=sample, weight='weight')
                secs = time.perf_counter() - t0
                entry['effectiveSize'] = {'seconds': secs * n / len(sample), 'sampleSeconds': secs, 'people': len(sample),
                                          'extrapolated': True, 'path': 'per-person',
                                          'values': [nan_to_none(r[i]) for i in sample]}
            out['tools']['networkx'] = entry
        except Exception as e:
            out['tools']['networkx'] = {'available': False, 'reason': f'{type(e).__name__}: {e}'}

    print(json.dumps(out))


if __name__ == '__main__':
    sys.exit(main())
