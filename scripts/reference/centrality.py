#!/usr/bin/env python3
"""Reference centrality values for orgraph's tests, computed with NetworkX.

For every data set in test/fixtures/datasets (the repo copy), build the four views exactly as
src/model/projection.ts defines them (all relations; people in people.csv order):
  undirected: a pair's value is the sum of every tie between the two people in either direction
              (a tie of an undirected relation is written once in ties.csv and counted once);
  directed:   each tie s -> t adds its weight to the arc s -> t; a tie of an undirected relation
              adds to both s -> t and t -> s;
  unweighted: every pair (arc) present has value 1.
and write test/fixtures/reference/centrality/<dataset>.json with every metric of the
`orgraph metrics` JSON (null where undefined).

Conventions mirrored from orgraph (docs/metrics/centrality.md):
  betweenness, closeness, harmonic: path lengths dist = 1 / w on weighted views, hops otherwise.
  eigenvector: nx.eigenvector_centrality_numpy when the view is (strongly) connected; otherwise the
    eigenvector of A^T for the eigenvalue of largest real part from a dense LAPACK solve
    (numpy.linalg.eig), defined only when that eigenvalue is > 0 and simple; null otherwise.
  pagerank: nx.pagerank(alpha=0.85) with tol=1e-15 so the fixture is the exact vector.
  katz: alpha = 0.1 if 0.1 * lambda_max < 1 else 0.9 / lambda_max, lambda_max = max |eig(A)|;
    nx.katz_centrality_numpy(beta=1, normalized=True).
  clustering: nx.clustering(G, weight='weight') on weighted views, nx.clustering(G) otherwise.

Run from the repository root:  python3 scripts/reference/centrality.py [dataset ...]
"""
import json
import math
import os
import sys
import time

import networkx as nx
import numpy as np
import scipy

from common import DATASETS, ROOT, load, view

OUT = os.path.join(ROOT, 'test', 'fixtures', 'reference', 'centrality')

VIEWS = [
    ('undirected-weighted', False, True),
    ('undirected-unweighted', False, False),
    ('directed-weighted', True, True),
    ('directed-unweighted', True, False),
]


def build_view(people, ties, relation_directed, directed, weighted):
    """The view (see common.view) with dist = 1 / weight on every edge."""
    G = view(people, ties, relation_directed, directed, weighted)
    for _, _, data in G.edges(data=True):
        data['dist'] = 1.0 / data['weight']
    return G


def clean(values):
    out = []
    for v in values:
        v = float(v)
        out.append(v if math.isfinite(v) else None)
    return out


def aligned(d, ids):
    return clean(d[i] for i in ids)


def eigenvector(G, ids):
    connected = nx.is_strongly_connected(G) if G.is_directed() else nx.is_connected(G)
    if G.number_of_edges() == 0:
        return [None] * len(ids), {'eigenvectorDefined': False, 'eigenvectorMethod': 'none (no ties)'}
    if connected:
        ev = nx.eigenvector_centrality_numpy(G, weight='weight')
        return aligned(ev, ids), {'eigenvectorDefined': True, 'eigenvectorMethod': 'nx.eigenvector_centrality_numpy'}
    A = nx.to_numpy_array(G, nodelist=ids, weight='weight')
    w, V = np.linalg.eig(A.T)
    k = int(np.argmax(w.real))
    rho = float(w[k].real)
    close = int(np.sum(np.abs(w - rho) <= 1e-6 * max(1.0, rho)))
    method = 'numpy.linalg.eig (disconnected view)'
    if rho <= 1e-9 or close > 1:
        return [None] * len(ids), {'eigenvectorDefined': False, 'eigenvectorMethod': method}
    x = V[:, k].real
    x = x / (np.sign(x.sum()) * np.linalg.norm(x))
    return clean(x), {'eigenvectorDefined': True, 'eigenvectorMethod': method}


def katz(G, ids):
    A = nx.to_numpy_array(G, nodelist=ids, weight='weight')
    lam = float(np.max(np.abs(np.linalg.eigvals(A)))) if len(ids) else 0.0
    alpha = 0.1 if 0.1 * lam < 1 else 0.9 / lam
    k = nx.katz_centrality_numpy(G, alpha=alpha, beta=1.0, normalized=True, weight='weight')
    return aligned(k, ids), {'katzAlpha': alpha, 'lambdaMax': lam}


def metrics_for(G, ids, directed, weighted, timings):
    m = {}
    diag = {}

    def timed(key, fn):
        t0 = time.perf_counter()
        r = fn()
        timings[key] = timings.get(key, 0.0) + time.perf_counter() - t0
        return r

    m['degree'] = aligned(dict(G.degree()), ids)
    m['strength'] = aligned(dict(G.degree(weight='weight')), ids)
    if directed:
        m['inDegree'] = aligned(dict(G.in_degree()), ids)
        m['outDegree'] = aligned(dict(G.out_degree()), ids)
        m['inStrength'] = aligned(dict(G.in_degree(weight='weight')), ids)
        m['outStrength'] = aligned(dict(G.out_degree(weight='weight')), ids)
    dist = 'dist' if weighted else None
    m['betweenness'] = timed('betweenness', lambda: aligned(nx.betweenness_centrality(G, weight=dist, normalized=True), ids))
    m['closeness'] = timed('closeness', lambda: aligned(nx.closeness_centrality(G, distance=dist, wf_improved=True), ids))
    m['harmonic'] = timed('harmonic', lambda: aligned(nx.harmonic_centrality(G, distance=dist), ids))
    ev, d = timed('eigenvector', lambda: eigenvector(G, ids))
    m['eigenvector'] = ev
    diag.update(d)
    m['pagerank'] = timed('pagerank', lambda: aligned(nx.pagerank(G, alpha=0.85, weight='weight', tol=1e-15, max_iter=100000), ids))
    kz, d = timed('katz', lambda: katz(G, ids))
    m['katz'] = kz
    diag.update(d)
    m['clustering'] = timed('clustering', lambda: aligned(nx.clustering(G, weight='weight' if weighted else None), ids))
    m['coreNumber'] = aligned(nx.core_number(G), ids)
    return m, diag


def main(names):
    os.makedirs(OUT, exist_ok=True)
    for name in names:
        t0 = time.perf_counter()
        people, ties, relation_directed = load(name)
        ids = [p['id'] for p in people]
        timings = {}
        views = {}
        for key, directed, weighted in VIEWS:
            G = build_view(people, ties, relation_directed, directed, weighted)
            metrics, diag = metrics_for(G, ids, directed, weighted, timings)
            views[key] = {
                'options': {'directed': directed, 'weighted': weighted},
                'ties': G.number_of_edges(),
                'diagnostics': diag,
                'metrics': metrics,
            }
        doc = {
            'tool': 'networkx',
            'version': nx.__version__,
            'numpy': np.__version__,
            'scipy': scipy.__version__,
            'python': sys.version.split()[0],
            'script': 'scripts/reference/centrality.py',
            'dataset': name,
            'conventions': {
                'pathLength': 'dist = 1 / w on weighted views, hops on unweighted views',
                'betweenness': 'nx.betweenness_centrality(G, weight=dist, normalized=True)',
                'closeness': 'nx.closeness_centrality(G, distance=dist, wf_improved=True)',
                'harmonic': 'nx.harmonic_centrality(G, distance=dist)',
                'eigenvector': 'nx.eigenvector_centrality_numpy(weight) if (strongly) connected, else numpy.linalg.eig of A^T (null unless the top eigenvalue is > 0 and simple)',
                'pagerank': 'nx.pagerank(alpha=0.85, weight, tol=1e-15)',
                'katz': 'nx.katz_centrality_numpy(alpha, beta=1, normalized=True, weight); alpha = 0.1 if 0.1*lambdaMax < 1 else 0.9/lambdaMax',
                'clustering': "nx.clustering(G, weight='weight') on weighted views, nx.clustering(G) on unweighted",
                'coreNumber': 'nx.core_number(G)',
            },
            'personIds': ids,
            'views': views,
        }
        path = os.path.join(OUT, f'{name}.json')
        with open(path, 'w', encoding='utf-8') as f:
            # One metric array per line: compact yet diff-able. Floats are written by repr (full precision).
            f.write(json.dumps(doc, separators=(',', ':'), allow_nan=False).replace('],"', '],\n"'))
            f.write('\n')
        total = time.perf_counter() - t0
        slow = ', '.join(f'{k} {v:.1f}s' for k, v in sorted(timings.items(), key=lambda kv: -kv[1])[:3])
        print(f'{name}: {len(ids)} people, {total:.1f}s ({slow}) -> {os.path.relpath(path, ROOT)}', flush=True)


if __name__ == '__main__':
    wanted = sys.argv[1:] or sorted(d for d in os.listdir(DATASETS) if os.path.isdir(os.path.join(DATASETS, d)))
    main(wanted)
