"""Shared plumbing of the reference scripts: read a data set of test/fixtures/datasets and build
its NetworkX view the way orgraph's projection builds it.

A view keeps every person (isolates too) and drops self-ties. A pair's value is the sum of the
weights of every tie between the two people: undirected views merge both directions; directed views
keep arcs apart, and a tie of an undirected relation (relations.csv, directed=false) counts both
ways. An unweighted view keeps the pairs and reads each as 1.
"""
import csv
import os

import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATASETS = os.path.join(ROOT, 'test', 'fixtures', 'datasets')


def read_csv(path):
    with open(path, newline='', encoding='utf-8') as f:
        return list(csv.DictReader(f))


def load(name):
    """(people rows, tie rows, {relation: directed}) of a data set; relations not listed are directed."""
    d = os.path.join(DATASETS, name)
    people = read_csv(os.path.join(d, 'people.csv'))
    ties = read_csv(os.path.join(d, 'ties.csv'))
    relation_directed = {}
    rel_path = os.path.join(d, 'relations.csv')
    if os.path.exists(rel_path):
        for r in read_csv(rel_path):
            relation_directed[r['relation']] = r['directed'].strip().lower() == 'true'
    return people, ties, relation_directed


def view(people, ties, relation_directed, directed, weighted, relations=None):
    """The nx.Graph / nx.DiGraph of the people and ties (only `relations` when given), edge
    attribute 'weight' = the pair's summed value (1.0 when not weighted)."""
    g = nx.DiGraph() if directed else nx.Graph()
    g.add_nodes_from(p['id'] for p in people)

    def add(s, t, w):
        if g.has_edge(s, t):
            g[s][t]['weight'] += w
        else:
            g.add_edge(s, t, weight=w)

    for t in ties:
        s, u, w = t['source'], t['target'], float(t['weight'])
        if s == u or (relations is not None and t['relation'] not in relations):
            continue
        add(s, u, w)
        if directed and not relation_directed.get(t['relation'], True):
            add(u, s, w)
    if not weighted:
        for _, _, data in g.edges(data=True):
            data['weight'] = 1.0
    return g
