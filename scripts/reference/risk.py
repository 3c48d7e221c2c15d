#!/usr/bin/env python3
"""Reference values for orgraph's key-person risk metrics (task F), from NetworkX.

Reads the repo copy of the real data sets (test/fixtures/datasets/<name>/), builds the undirected
view orgraph's `project(graph, { directed: false })` builds (a pair is tied when any tie of any
relation joins it, in either direction; its strength is the sum of the weights of those ties), and
writes test/fixtures/reference/risk/<name>.json with:

- articulation points, bridges, local bridges with span, biconnected components (NetworkX);
- for every person, the reachable pairs sum_c s_c (s_c - 1) and the number of components after
  removing that person (nx.connected_components on the graph without them);
- on the small data sets: distance-weighted fragmentation (hops and d = 1/w, from NetworkX
  all-pairs shortest paths), and the exhaustive optimum of KPP-Neg (F) and KPP-Pos (reach within
  L = 1, 2) for k = 1..3, by enumerating every k-set;
- group dependency for one group attribute, by a direct Python count (no library implements it).

Usage: python3 scripts/reference/risk.py   (from the repo root; takes about a minute)
"""
import itertools
import json
import math
import os
import platform
import sys

import networkx as nx

from common import DATASETS, ROOT, load as load_dataset, view

OUT = os.path.join(ROOT, "test", "fixtures", "reference", "risk")

# Data sets small enough for exhaustive KPP search and all-pairs distance fragmentation.
SMALL = {"zachary-karate", "krackhardt-hightech", "bank-wiring", "kapferer-tailor", "bk-tech"}
# Sparse single-relation views (trees and near-trees: many cut points), file <name>--<relation>.json.
RELATION_VIEWS = [
    ("krackhardt-hightech", "reports_to"),
    ("manufacturing-email", "reports_to"),
    ("bank-wiring", "friendship"),
    ("kapferer-tailor", "instrumental_t1"),
]
SMALL_VIEWS = {("krackhardt-hightech", "reports_to"), ("bank-wiring", "friendship"),
               ("kapferer-tailor", "instrumental_t1")}
# One group attribute per data set for group dependency.
GROUPS = {
    "zachary-karate": "club",
    "krackhardt-hightech": "department",
    "lazega-lawfirm": "office",
    "email-eu-core": "department",
    "hospital-rfid": "status",
    "uk-faculty": "school",
    "bank-wiring": "role",
}


def load(name, relation=None):
    """The undirected weighted view of a data set (one relation, or all), with dist = 1 / weight."""
    people, ties, relation_directed = load_dataset(name)
    g = view(people, ties, relation_directed, False, True, relations=None if relation is None else [relation])
    for _, _, d in g.edges(data=True):
        d["dist"] = 1.0 / d["weight"]
    return people, g


def pairs_of(components):
    return sum(len(c) * (len(c) - 1) for c in components)


def fragmentation(pairs, r):
    return None if r < 2 else 1 - pairs / (r * (r - 1))


def harmonic_sum(g, weight):
    total = 0.0
    lengths = (nx.all_pairs_dijkstra_path_length(g, weight=weight) if weight
               else nx.all_pairs_shortest_path_length(g))
    for _, dist in lengths:
        total += sum(1.0 / d for d in dist.values() if d > 0)
    return total


def kpp_neg_optimum(g, k):
    best, best_sets = -1.0, []
    r = g.number_of_nodes() - k
    for s in itertools.combinations(sorted(g.nodes()), k):
        h = nx.restricted_view(g, s, [])
        f = fragmentation(pairs_of(nx.connected_components(h)), r)
        if f > best + 1e-12:
            best, best_sets = f, [list(s)]
        elif abs(f - best) <= 1e-12:
            best_sets.append(list(s))
    return {"k": k, "objective": best, "optimal_sets": len(best_sets), "example": best_sets[0]}


def kpp_pos_optimum(g, k, L):
    balls = {v: set(nx.single_source_shortest_path_length(g, v, cutoff=L)) for v in g.nodes()}
    n = g.number_of_nodes()
    best, best_sets = -1, []
    for s in itertools.combinations(sorted(g.nodes()), k):
        covered = set().union(*(balls[v] for v in s))
        reached = len(covered - set(s))
        if reached > best:
            best, best_sets = reached, [list(s)]
        elif reached == best:
            best_sets.append(list(s))
    return {"k": k, "L": L, "reached": best, "objective": best / (n - k), "optimal_sets": len(best_sets),
            "example": best_sets[0]}


def group_dependency(people, g, attribute):
    group = {p["id"]: p[attribute] for p in people if p.get(attribute, "") != ""}
    out = {}
    for name in sorted(set(group.values())):
        members = [v for v in g.nodes() if group.get(v) == name]
        per = {}
        for v in members:
            others = [group[u] for u in g[v] if u in group and group[u] != name]
            per[v] = {"crossTies": len(others), "groupsReached": sorted(set(others))}
        linkers = {}
        for v, d in per.items():
            for h in d["groupsReached"]:
                linkers[h] = linkers.get(h, 0) + 1
        cross = sum(d["crossTies"] for d in per.values())
        rows = []
        for v, d in per.items():
            if d["crossTies"] == 0:
                continue
            rows.append({"id": v, "crossTies": d["crossTies"], "groupsReached": d["groupsReached"],
                         "soleLinkTo": [h for h in d["groupsReached"] if linkers[h] == 1]})
        out[name] = {"size": len(members), "crossTies": cross, "groupsReached": sorted(linkers),
                     "members": sorted(rows, key=lambda r: r["id"])}
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    names = sorted(d for d in os.listdir(DATASETS) if os.path.isdir(os.path.join(DATASETS, d)))
    jobs = [(name, None) for name in names] + RELATION_VIEWS
    for name, relation in jobs:
        people, g = load(name, relation)
        n = g.number_of_nodes()
        components = list(nx.connected_components(g))
        removal = {}
        for v in g.nodes():
            parts = list(nx.connected_components(nx.restricted_view(g, [v], [])))
            removal[v] = [pairs_of(parts), len(parts)]
        local = [[u, v, (None if math.isinf(span) else span)]
                 for u, v, span in nx.local_bridges(g, with_span=True)]
        out = {
            "tool": f"networkx {nx.__version__}",
            "python": platform.python_version(),
            "script": "scripts/reference/risk.py",
            "dataset": name,
            "relations": None if relation is None else [relation],
            "view": "undirected; pair strength = sum of tie weights in either direction",
            "n": n,
            "edges": g.number_of_edges(),
            "components": len(components),
            "reachablePairs": pairs_of(components),
            "articulationPoints": sorted(nx.articulation_points(g)),
            "bridges": [list(e) for e in nx.bridges(g)],
            "localBridges": local,
            "biconnectedComponents": sorted(sorted(c) for c in nx.biconnected_components(g)),
            "removal": removal,
        }
        if (relation is None and name in SMALL) or (name, relation) in SMALL_VIEWS:
            out["distanceFragmentation"] = {
                "hops": fragmentation(harmonic_sum(g, None), n),
                "inverseWeight": fragmentation(harmonic_sum(g, "dist"), n),
            }
            first_two = [p["id"] for p in people[:2]]
            h = g.copy()
            h.remove_nodes_from(first_two)
            out["distanceFragmentationWithout"] = {
                "removed": first_two,
                "hops": fragmentation(harmonic_sum(h, None), n - 2),
                "inverseWeight": fragmentation(harmonic_sum(h, "dist"), n - 2),
            }
            out["kppNeg"] = [kpp_neg_optimum(g, k) for k in (1, 2, 3)]
            out["kppPos"] = [kpp_pos_optimum(g, k, L) for L in (1, 2) for k in (1, 2, 3)]
        if name in GROUPS and relation is None:
            out["groupDependency"] = {"attribute": GROUPS[name],
                                      "groups": group_dependency(people, g, GROUPS[name])}
        path = os.path.join(OUT, f"{name}.json" if relation is None else f"{name}--{relation}.json")
        with open(path, "w") as f:
            json.dump(out, f, indent=1, sort_keys=False)
            f.write("\n")
        print(f"{name} {relation or ''}: n={n} m={g.number_of_edges()} ap={len(out['articulationPoints'])} "
              f"bridges={len(out['bridges'])} local={len(local)}", file=sys.stderr)


if __name__ == "__main__":
    main()
