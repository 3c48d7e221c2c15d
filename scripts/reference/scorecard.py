#!/usr/bin/env python3
"""Reference values for orgraph's scorecard metrics, counted independently of orgraph.

Writes test/fixtures/reference/scorecard/krackhardt-hightech.json: the actual value of each of the
six objectives of test/fixtures/objectives/krackhardt-hightech.yaml (groups = department), on the
advice and friendship relations of test/fixtures/datasets/krackhardt-hightech, in three readings:
  - "undirected": a NetworkX Graph (a pair is tied when a tie runs either way), as every orgraph
    command reads ties by default;
  - "directed": a NetworkX DiGraph with arcs as written (advice: seeker -> adviser);
  - "influence": the DiGraph reversed (G.reverse()), i.e. advice read with influence target -> source.
The metrics are plain loops over the NetworkX graphs, written from the definitions in
docs/recommend.md (scorecard section), not from orgraph's code:
  flow ties / reach / eiIndex / gatekeepers, group eiIndex (E = ties between the group and other
  departments, sent and received; I = ties inside) and group gatekeepers (Gould-Fernandez
  gatekeeper: open two-path i -> j -> k, i != k, no i -> k, dept(i) != dept(j) = dept(k)).

Run: python3 scripts/reference/scorecard.py   (NetworkX 3.x)
"""
import json
import os

import networkx as nx

from common import ROOT, load, view


def arcs(g):
    """Every tie as arcs: both ways on a Graph."""
    if g.is_directed():
        return list(g.edges())
    return [(u, v) for u, v in g.edges()] + [(v, u) for u, v in g.edges()]


def succ(g, u):
    return set(g.successors(u)) if g.is_directed() else set(g.neighbors(u))


def pred(g, u):
    return set(g.predecessors(u)) if g.is_directed() else set(g.neighbors(u))


def ties_between(g, S, T):
    """Arcs S -> T on a DiGraph; pairs with one end in S and the other in T (each once) on a Graph."""
    if g.is_directed():
        return sum(1 for u, v in g.edges() if u in S and v in T and u != v)
    return sum(1 for u, v in g.edges() if u != v and ((u in S and v in T) or (v in S and u in T)))


def flow_reach(g, S, T):
    return sum(1 for j in T if any(i in S and i != j for i in pred(g, j))) / len(T)


def flow_ei(g, S, T):
    internal = ties_between(g, S, S) + ties_between(g, T, T)
    external = ties_between(g, S, T) + (ties_between(g, T, S) if g.is_directed() else 0)
    return (external - internal) / (external + internal)


def flow_gatekeepers(g, S, T):
    count = 0
    for j in T:
        found = False
        for i in pred(g, j):
            if i not in S or i == j:
                continue
            for k in succ(g, j):
                if k in T and k != i and k != j and k not in succ(g, i):
                    found = True
        count += found
    return count


def group_ei(g, G, grouped):
    internal = ties_between(g, G, G)
    others = grouped - G
    external = ties_between(g, G, others) + (ties_between(g, others, G) if g.is_directed() else 0)
    return (external - internal) / (external + internal)


def group_gatekeepers(g, G, dept):
    count = 0
    for j in G:
        n = 0
        for i in pred(g, j):
            for k in succ(g, j):
                if i != k and i != j and k != j and k not in succ(g, i) and dept[i] != dept[j] and dept[k] == dept[j]:
                    n += 1
        count += n > 0
    return count


def main():
    people, ties, rel = load('krackhardt-hightech')
    dept = {p['id']: p['department'] for p in people}
    members = lambda d: {i for i, x in dept.items() if x == d}
    grouped = set(dept)
    cases = []
    for relation in ['advice', 'friendship']:
        for reading in ['undirected', 'directed', 'influence']:
            g = view(people, ties, rel, reading != 'undirected', True, [relation])
            if reading == 'influence':
                g = g.reverse(copy=True)
            values = [
                ties_between(g, members('1'), members('2')),
                flow_ei(g, members('2'), members('1')),
                flow_gatekeepers(g, members('3'), members('4')),
                flow_reach(g, members('4'), members('3')),
                group_ei(g, members('2'), grouped),
                group_gatekeepers(g, members('1'), dept),
            ]
            cases.append({'relation': relation, 'reading': reading, 'actual': values})
    out = os.path.join(ROOT, 'test', 'fixtures', 'reference', 'scorecard', 'krackhardt-hightech.json')
    with open(out, 'w') as f:
        json.dump({'tool': 'networkx', 'version': nx.__version__, 'script': 'scripts/reference/scorecard.py',
                   'objectives': 'test/fixtures/objectives/krackhardt-hightech.yaml', 'cases': cases}, f, indent=1)


if __name__ == '__main__':
    main()
