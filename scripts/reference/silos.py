#!/usr/bin/env python3
"""Reference values for orgraph's silo and group measures, from NetworkX and igraph.

Writes two fixtures:

test/fixtures/reference/silos/networkx.json -- for every (data set, group attribute) below, on the
undirected view of all relations and, where the data set has directed relations, on the directed
view of all relations; each weighted (weight = summed tie values) and unweighted (every pair 1):
  - E-I index, network level: 1 - 2 x coverage from nx.community.partition_quality (counts);
  - E-I weighted, network level, and E-I per group (counts and weights; on directed views a group's
    external ties are the arcs it sends plus those it receives): plain loops over the edges here;
  - mixing matrix: nx.attribute_mixing_matrix(normalized=False) (counts; NetworkX counts an undirected
    edge inside a group twice on the diagonal); weighted cells by plain loops;
  - nominal assortativity: nx.attribute_assortativity_coefficient (counts);
  - modularity of the formal partition: nx.community.modularity at resolution 1 and 0.5, with
    weight='weight' and weight=None;
  - conductance of each group against the other grouped people: nx.conductance (undirected view;
    for a directed view on a MultiGraph with one undirected edge per arc, i.e. every arc read as
    an undirected tie);
  - density: nx.density of the view and of each group's subgraph;
  - Yule's Q over unordered pairs (a pair is tied when an arc runs either way): plain loops here.

test/fixtures/reference/silos/igraph.json -- for every data set, on the undirected view of all
relations, weighted and unweighted: the best modularity over 30 runs of igraph's
community_multilevel (Louvain; runs seeded 0..29 through Python's random module) and its
membership; and igraph compare_communities NMI and adjusted Rand for pairs of given partitions
(attribute vs attribute, attribute vs the best Louvain membership).

People with a missing attribute value are left out of every group measure with their ties, as
orgraph does by default: the NetworkX graph is the subgraph of people who have a value.

Views are built as orgraph's projection builds them: undirected, a pair's value is the sum of the
weights of every tie between the two people in either direction and of every relation (a tie of an
undirected relation is written once and counts once); directed, a directed relation's tie s -> t adds
to a_st and an undirected relation's tie adds to both a_st and a_ts. Unweighted views keep the pairs
and read each as 1.

Usage: python3 scripts/reference/silos.py   (from anywhere; about a minute)
"""
import json
import math
import os
import platform
import random
import sys
import time

import igraph as ig
import networkx as nx

from common import DATASETS, ROOT, load, view

OUT_DIR = os.path.join(ROOT, 'test', 'fixtures', 'reference', 'silos')

# (data set, group attribute) pairs.
CASES = [
    ('zachary-karate', 'club'),
    ('email-eu-core', 'department'),
    ('krackhardt-hightech', 'department'),
    ('krackhardt-hightech', 'level'),
    ('lazega-lawfirm', 'office'),
    ('lazega-lawfirm', 'practice'),
    ('uk-faculty', 'school'),
    ('manufacturing-email', 'division'),
    ('enron-email', 'role'),
    ('hospital-rfid', 'status'),
    ('freeman-eies', 'discipline'),
    ('bank-wiring', 'role'),
]
# Pairs of attributes compared with igraph compare_communities.
ATTRIBUTE_PAIRS = [
    ('krackhardt-hightech', 'department', 'level'),
    ('lazega-lawfirm', 'office', 'practice'),
    ('lazega-lawfirm', 'status', 'gender'),
    ('manufacturing-email', 'division', 'level'),
    ('enron-email', 'role', 'position'),
]
LOUVAIN_RUNS = 30


def num(x):
    x = float(x)
    return None if math.isnan(x) or math.isinf(x) else x


def ratio(e, i):
    return (e - i) / (e + i) if e + i > 0 else None


def group_case(g, people, attribute):
    """All NetworkX / hand-loop values for one view and one attribute (missing values left out)."""
    value = {p['id']: p[attribute] for p in people if p.get(attribute, '') != ''}
    h = g.subgraph(value.keys()).copy()
    nx.set_node_attributes(h, value, 'group')
    names = sorted(set(value.values()))
    members = {name: {v for v in h if value[v] == name} for name in names}
    partition = [members[name] for name in names]
    directed = h.is_directed()
    out = {'people': h.number_of_nodes(), 'ties': h.number_of_edges(), 'missing': len(people) - len(value)}

    # E-I, network level.
    coverage, _ = nx.community.partition_quality(h, partition)
    out['eiNetwork'] = 1 - 2 * coverage
    wi = sum(d['weight'] for u, v, d in h.edges(data=True) if value[u] == value[v])
    we = sum(d['weight'] for u, v, d in h.edges(data=True) if value[u] != value[v])
    out['eiNetworkWeighted'] = ratio(we, wi)

    # E-I per group (internal ties once; external = sent + received on directed views).
    groups = {}
    for name in names:
        ic = ec = iw = ew = 0.0
        for u, v, d in h.edges(data=True):
            inside_u, inside_v = value[u] == name, value[v] == name
            if inside_u and inside_v:
                ic += 1
                iw += d['weight']
            elif inside_u or inside_v:
                ec += 1
                ew += d['weight']
        groups[name] = {
            'size': len(members[name]),
            'internal': ic,
            'external': ec,
            'ei': ratio(ec, ic),
            'internalWeight': iw,
            'externalWeight': ew,
            'eiWeighted': ratio(ew, iw),
        }

    # Conductance (groups vs the other grouped people) and density.
    reading = h
    if directed:
        # Every arc as its own undirected edge (nx.MultiGraph(h) would merge reciprocal arcs).
        reading = nx.MultiGraph()
        reading.add_nodes_from(h)
        reading.add_edges_from(h.edges(data=True))
    for name in names:
        s = members[name]
        t = set(h) - s
        for key, weight in (('conductance', 'weight'), ('conductanceCount', None)):
            try:
                groups[name][key] = num(nx.conductance(reading, s, t, weight=weight))
            except ZeroDivisionError:
                groups[name][key] = None
        groups[name]['density'] = num(nx.density(h.subgraph(s))) if len(s) > 1 else None
    out['density'] = nx.density(h) if h.number_of_nodes() > 1 else None
    out['groups'] = groups

    # Mixing matrix: counts from NetworkX (undirected diagonal counts each edge twice), weights here.
    mapping = {name: k for k, name in enumerate(names)}
    counts = nx.attribute_mixing_matrix(h, 'group', mapping=mapping, normalized=False)
    weights = [[0.0] * len(names) for _ in names]
    for u, v, d in h.edges(data=True):
        a, b = mapping[value[u]], mapping[value[v]]
        weights[a][b] += d['weight']
        if not directed and a != b:
            weights[b][a] += d['weight']
    out['mixing'] = {
        'groups': names,
        'nxCounts': [[float(x) for x in row] for row in counts],
        'weights': weights,
    }

    # Assortativity (counts) and modularity.
    out['assortativity'] = num(nx.attribute_assortativity_coefficient(h, 'group'))
    out['modularity'] = {}
    for label, weight in (('weighted', 'weight'), ('count', None)):
        for gamma in (1, 0.5):
            out['modularity'][f'{label}@{gamma}'] = nx.community.modularity(h, partition, weight=weight, resolution=gamma)

    # Yule's Q over unordered pairs.
    tied = {frozenset((u, v)) for u, v in h.edges()}
    a = sum(1 for p in tied if len({value[x] for x in p}) == 1)
    b = len(tied) - a
    within = sum(len(m) * (len(m) - 1) / 2 for m in members.values())
    n = h.number_of_nodes()
    c = within - a
    dd = n * (n - 1) / 2 - within - b
    out['yulesQ'] = {'a': a, 'b': b, 'c': c, 'd': dd, 'value': ratio(a * dd, b * c) if a * dd + b * c > 0 else None}
    return out


def to_igraph(g):
    nodes = list(g.nodes())
    index = {v: k for k, v in enumerate(nodes)}
    h = ig.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in g.edges()], directed=False)
    h.es['weight'] = [d['weight'] for _, _, d in g.edges(data=True)]
    return nodes, h


def best_louvain(h, weighted):
    best = None
    for seed in range(LOUVAIN_RUNS):
        random.seed(seed)
        c = h.community_multilevel(weights='weight' if weighted else None, resolution=1)
        q = h.modularity(c.membership, weights='weight' if weighted else None)
        if best is None or q > best[0] + 1e-12:
            best = (q, c.membership)
    return best


def main():
    started = time.time()
    names = sorted(d for d in os.listdir(DATASETS) if os.path.isdir(os.path.join(DATASETS, d)))
    nx_cases = []
    for name, attribute in CASES:
        people, ties, relation_directed = load(name)
        has_directed = any(relation_directed.get(t['relation'], True) for t in ties)
        for directed in ([False, True] if has_directed else [False]):
            for weighted in (True, False):
                g = view(people, ties, relation_directed, directed, weighted)
                case = group_case(g, people, attribute)
                case.update({'dataset': name, 'attribute': attribute, 'directed': directed, 'weighted': weighted})
                nx_cases.append(case)

    ig.set_random_number_generator(random)
    louvain = []
    comparisons = []
    for name in names:
        people, ties, relation_directed = load(name)
        for weighted in (True, False):
            g = view(people, ties, relation_directed, False, weighted)
            nodes, h = to_igraph(g)
            if h.ecount() == 0:
                continue
            q, membership = best_louvain(h, weighted)
            louvain.append({
                'dataset': name,
                'weighted': weighted,
                'people': nodes,
                'bestModularity': q,
                'membership': membership,
                'communities': len(set(membership)),
                'runs': LOUVAIN_RUNS,
            })
            if weighted:
                for _, attribute in [c for c in CASES if c[0] == name]:
                    keep = [k for k, v in enumerate(nodes) if people_attr(people, v, attribute) != '']
                    labels = [people_attr(people, nodes[k], attribute) for k in keep]
                    comparisons.append({
                        'dataset': name,
                        'formal': attribute,
                        'informal': 'louvain-best-weighted',
                        'nmi': ig.compare_communities(codes(labels), [membership[k] for k in keep], method='nmi'),
                        'ari': ig.compare_communities(codes(labels), [membership[k] for k in keep], method='ari'),
                    })
    for name, first, second in ATTRIBUTE_PAIRS:
        people, _, _ = load(name)
        keep = [p for p in people if p[first] != '' and p[second] != '']
        a = codes([p[first] for p in keep])
        b = codes([p[second] for p in keep])
        comparisons.append({
            'dataset': name,
            'formal': first,
            'informal': second,
            'people': len(keep),
            'nmi': ig.compare_communities(a, b, method='nmi'),
            'ari': ig.compare_communities(a, b, method='ari'),
        })

    os.makedirs(OUT_DIR, exist_ok=True)
    common = {
        'script': 'scripts/reference/silos.py',
        'python': platform.python_version(),
        'generated': time.strftime('%Y-%m-%d', time.gmtime()),
    }
    with open(os.path.join(OUT_DIR, 'networkx.json'), 'w') as f:
        json.dump({'tool': 'networkx', 'version': nx.__version__, **common, 'cases': nx_cases}, f, indent=1)
        f.write('\n')
    with open(os.path.join(OUT_DIR, 'igraph.json'), 'w') as f:
        json.dump({'tool': 'python-igraph', 'version': ig.__version__, **common,
                   'louvain': louvain, 'comparisons': comparisons}, f, indent=1)
        f.write('\n')
    print(f'wrote {len(nx_cases)} NetworkX cases, {len(louvain)} Louvain bests, {len(comparisons)} comparisons '
          f'in {time.time() - started:.1f}s', file=sys.stderr)


def people_attr(people, pid, attribute):
    for p in people:
        if p['id'] == pid:
            return p.get(attribute, '')
    return ''


def codes(values):
    index = {}
    return [index.setdefault(v, len(index)) for v in values]


if __name__ == '__main__':
    main()
