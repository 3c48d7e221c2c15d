#!/usr/bin/env python3
"""Reference null distribution of ties between group pairs under degree-preserving rewiring, from
NetworkX double_edge_swap.

Writes test/fixtures/reference/gaps/networkx.json: for each (data set, relation, group attribute)
below, the undirected view of that relation (a pair is tied when a tie runs either way), restricted
to ties whose two ends both have a value for the attribute (as orgraph's groupGaps counts and
rewires them). Starting from the observed graph, nx.double_edge_swap runs BURN_IN_PER_EDGE * m
swaps, then `draws` times `swaps per draw per edge` * m swaps, and after each the number of ties
between (and inside) every pair of groups is recorded. Per pair: observed ties, the mean and sd
(n - 1 denominator) over the draws. The chain is seeded (numpy-free: a random.Random passed as
seed). double_edge_swap keeps every degree and the graph simple, as orgraph's rewiring does.

Usage: python3 scripts/reference/gaps.py   (about 4 minutes on a busy 2-core machine)
"""
import datetime
import json
import math
import os
import random
import sys

import networkx as nx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT, load, view  # noqa: E402

# (data set, relation, attribute, draws, swaps per draw per edge); the largest case gets fewer,
# shorter draws to keep the script to a few minutes (pure-Python swaps).
CASES = [
    ('krackhardt-hightech', 'advice', 'department', 1000, 1),
    ('lazega-lawfirm', 'cowork', 'office', 1000, 1),
    ('manufacturing-email', 'email', 'division', 300, 0.5),
]
BURN_IN_PER_EDGE = 10
SEED = 20261206


def case(name, relation, attribute, draws, swaps_per_draw):
    people, ties, relation_directed = load(name)
    rels = {t['relation'] for t in ties}
    if relation not in rels:
        raise SystemExit(f'{name}: no relation {relation} (has {sorted(rels)})')
    g = view(people, ties, relation_directed, directed=False, weighted=False, relations={relation})
    group = {p['id']: p.get(attribute, '').strip() for p in people}
    keep = [v for v in g.nodes if group.get(v, '')]
    h = nx.Graph(g.subgraph(keep))
    h.remove_nodes_from([v for v in list(h.nodes) if h.degree(v) == 0])
    names = sorted({group[v] for v in h.nodes})
    index = {x: i for i, x in enumerate(names)}
    k = len(names)
    m = h.number_of_edges()

    def counts(graph):
        c = [[0] * k for _ in range(k)]
        for a, b in graph.edges():
            i, j = index[group[a]], index[group[b]]
            if i > j:
                i, j = j, i
            c[i][j] += 1
        return c

    observed = counts(h)
    rng = random.Random(SEED)
    nx.double_edge_swap(h, nswap=BURN_IN_PER_EDGE * m, max_tries=1000 * m, seed=rng)
    s = [[0.0] * k for _ in range(k)]
    ss = [[0.0] * k for _ in range(k)]
    for _ in range(draws):
        nx.double_edge_swap(h, nswap=max(1, round(swaps_per_draw * m)), max_tries=1000 * m, seed=rng)
        c = counts(h)
        for i in range(k):
            for j in range(i, k):
                s[i][j] += c[i][j]
                ss[i][j] += c[i][j] ** 2
    pairs = []
    for i in range(k):
        for j in range(i, k):
            mean = s[i][j] / draws
            var = max(0.0, (ss[i][j] - draws * mean * mean) / (draws - 1))
            pairs.append({'groupA': names[i], 'groupB': names[j], 'observed': observed[i][j], 'mean': mean, 'sd': math.sqrt(var)})
    print(f'{name} {relation} {attribute}: m={m}, k={k}', file=sys.stderr)
    return {'dataset': name, 'relation': relation, 'attribute': attribute, 'ties': m, 'groups': names,
            'draws': draws, 'swapsPerDrawPerEdge': swaps_per_draw, 'pairs': pairs}


def main():
    out = {
        'tool': 'networkx',
        'version': nx.__version__,
        'script': 'scripts/reference/gaps.py',
        'python': sys.version.split()[0],
        'generated': datetime.date.today().isoformat(),
        'function': 'networkx.double_edge_swap',
        'burnInSwapsPerEdge': BURN_IN_PER_EDGE,
        'seed': SEED,
        'cases': [case(*c) for c in CASES],
    }
    path = os.path.join(ROOT, 'test', 'fixtures', 'reference', 'gaps', 'networkx.json')
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(out, f, indent=1)
        f.write('\n')


if __name__ == '__main__':
    main()
