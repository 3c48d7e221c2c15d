#!/usr/bin/env python3
"""Reference values for orgraph's structural-hole measures, from NetworkX.

Writes test/fixtures/reference/brokerage/networkx.json with, for every data set in
test/fixtures/datasets/:
  - nx.constraint and nx.effective_size on the undirected view of all relations, weighted
    (weight='weight') and unweighted (weight=None);
  - hierarchy (Burt 1992) computed here from nx.local_constraint, since no library has it;
  - participation coefficient and within-module z (Guimera & Amaral 2005) computed here in plain
    Python from the definition, for data sets with a group attribute;
and nx.constraint / nx.effective_size on directed views of single relations.

The undirected view is built as orgraph's projection builds it: a pair's value is the sum of the
weights of every tie between the two people, in either direction and of every relation (a tie of an
undirected relation is written once and so counts once). An unweighted view keeps the pairs and
reads each as 1. A directed view of one relation keeps arcs apart (an undirected relation's tie
would count both ways; the relations chosen here are directed).

NOTE: nx.effective_size is called with nodes=list(G). Without `nodes`, NetworkX 3.6 takes a
sparse-matrix path whose max-normalisation divides by the wrong axis (m_jq scaled by q's largest
tie instead of j's), which changes weighted and directed values (networkx PR #8906, open); the
per-node path is Burt's definition and agrees with UCINET and igraph.

Usage: python3 scripts/reference/brokerage.py   (from the repository root; takes a few minutes)
"""
import json
import math
import os
import platform
import random
import sys
import time

import networkx as nx

from common import DATASETS, ROOT, load, view

OUT = os.path.join(ROOT, 'test', 'fixtures', 'reference', 'brokerage', 'networkx.json')

# Group attribute used for participation / within-module z, where a data set has one.
GROUPS = {
    'krackhardt-hightech': 'department',
    'lazega-lawfirm': 'office',
    'email-eu-core': 'department',
    'zachary-karate': 'club',
    'hospital-rfid': 'status',
    'uk-faculty': 'school',
    'bank-wiring': 'role',
}
# Largest sum of d^3 for which hierarchy is computed through nx.local_constraint.
HIERARCHY_BUDGET = 1e7
# People sampled for weighted effective size on data sets over that budget.
ES_SAMPLE = 40
# Directed single-relation views.
DIRECTED = [('krackhardt-hightech', 'advice'), ('lazega-lawfirm', 'advice'), ('freeman-eies', 'messages')]


def num(x):
    return None if x is None or (isinstance(x, float) and (math.isnan(x) or math.isinf(x))) else x


def hierarchy(g, weight):
    """Burt's hierarchy from NetworkX's local constraint c_ij (METRICS.md formula)."""
    out = {}
    for v in g:
        nbrs = set(nx.all_neighbors(g, v))
        k = len(nbrs)
        if k == 0:
            out[v] = float('nan')
            continue
        if k == 1:
            out[v] = 0.0
            continue
        c = {j: nx.local_constraint(g, v, j, weight=weight) for j in nbrs}
        mean = sum(c.values()) / k
        out[v] = sum((x / mean) * math.log(x / mean) for x in c.values()) / (k * math.log(k))
    return out


def participation_and_z(g, groups, weighted):
    """P_i = 1 - sum_s (k_is/k_i)^2 (0 when k_i = 0); z over each group, population sd, 0 if sd = 0."""
    p, within = {}, {}
    for v in g:
        per = {}
        for u in g[v]:
            w = g[v][u]['weight'] if weighted else 1.0
            per[groups[u]] = per.get(groups[u], 0.0) + w
        k = sum(per.values())
        p[v] = 0.0 if k == 0 else 1.0 - sum((x / k) ** 2 for x in per.values())
        within[v] = per.get(groups[v], 0.0)
    members = {}
    for v in g:
        members.setdefault(groups[v], []).append(v)
    z = {}
    for vs in members.values():
        mean = sum(within[v] for v in vs) / len(vs)
        sd = math.sqrt(sum((within[v] - mean) ** 2 for v in vs) / len(vs))
        for v in vs:
            z[v] = 0.0 if sd == 0 else (within[v] - mean) / sd
    return p, z


def main():
    names = sorted(n for n in os.listdir(DATASETS) if os.path.isdir(os.path.join(DATASETS, n)))
    out = {
        'tool': 'networkx',
        'version': nx.__version__,
        'python': platform.python_version(),
        'script': 'scripts/reference/brokerage.py',
        'generated': time.strftime('%Y-%m-%d'),
        'notes': 'constraint/effectiveSize: nx.constraint / nx.effective_size(nodes=list(G)) (the '
        'per-node path; the all-nodes sparse path of 3.6 mis-normalises weighted values, PR #8906); hierarchy from '
        'nx.local_constraint by the METRICS.md formula; participation/withinModuleZ in plain Python '
        'from the definition. null = NaN (isolates).',
        'undirected': {},
        'directed': {},
    }
    for name in names:
        t0 = time.time()
        people, ties, relation_directed = load(name)
        ids = [p['id'] for p in people]
        entry = {'relations': None, 'people': ids}
        for weighted in (True, False):
            g = view(people, ties, relation_directed, False, weighted)
            w = 'weight' if weighted else None
            c = nx.constraint(g, weight=w)
            cubes = sum(k ** 3 for _, k in g.degree())
            block = {'constraint': [num(c[i]) for i in ids]}
            # The per-node weighted path costs O(d^3) per person: on the two largest data sets it
            # runs on a seeded sample of people, listed in effectiveSizePeople (indices into people).
            if weighted and cubes > HIERARCHY_BUDGET:
                sample = sorted(random.Random(1).sample(range(len(ids)), ES_SAMPLE))
                es = nx.effective_size(g, nodes=[ids[i] for i in sample], weight=w)
                block['effectiveSizePeople'] = sample
                block['effectiveSize'] = [num(es[ids[i]]) for i in sample]
            else:
                es = nx.effective_size(g, nodes=list(g), weight=w)
                block['effectiveSize'] = [num(es[i]) for i in ids]
            # nx.local_constraint costs O(d^2) per pair: hierarchy only where sum d^3 is small.
            if cubes <= HIERARCHY_BUDGET:
                h = hierarchy(g, w)
                block['hierarchy'] = [num(h[i]) for i in ids]
            if name in GROUPS:
                groups = {p['id']: p.get(GROUPS[name]) or None for p in people}
                pp, zz = participation_and_z(g, groups, weighted)
                block['group'] = GROUPS[name]
                block['participation'] = [num(pp[i]) for i in ids]
                block['withinModuleZ'] = [num(zz[i]) for i in ids]
            entry['weighted' if weighted else 'unweighted'] = block
        out['undirected'][name] = entry
        print(f'{name}: n={len(ids)} ties={len(ties)} {time.time() - t0:.1f}s', file=sys.stderr)
    for name, relation in DIRECTED:
        people, ties, relation_directed = load(name)
        ids = [p['id'] for p in people]
        g = view(people, ties, relation_directed, True, True, relations=[relation])
        entry = {'relations': [relation], 'people': ids}
        for weighted in (True, False):
            w = 'weight' if weighted else None
            c = nx.constraint(g, weight=w)
            es = nx.effective_size(g, nodes=list(g), weight=w)
            # NOTE: on a DiGraph NetworkX gives NaN to people with in-ties only (it tests
            # len(G[v]), the successors); orgraph treats them as tied. Recorded as null here.
            entry['weighted' if weighted else 'unweighted'] = {
                'constraint': [num(c[i]) for i in ids],
                'effectiveSize': [num(es[i]) for i in ids],
                'outDegree': [g.out_degree(i) for i in ids],
            }
        out['directed'][f'{name}:{relation}'] = entry
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, 'w') as f:
        json.dump(out, f, separators=(',', ':'))
        f.write('\n')
    print(f'wrote {OUT}', file=sys.stderr)


if __name__ == '__main__':
    main()
