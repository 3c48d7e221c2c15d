#!/usr/bin/env python3
"""Reference values for orgraph's path-based centralities, from NetworkX.

Writes test/fixtures/reference/paths/<case>.json for a few small real data sets in
test/fixtures/datasets/. Each file holds the projected view itself (people and aggregated ties, so
the test rebuilds exactly this view without depending on ingest) and NetworkX's values for:
  - betweenness_centrality(G, weight='dist') normalised and not, with dist = 1 / w (strength -> length);
  - betweenness_centrality(G) on hop counts;
  - closeness_centrality(G, distance='dist') and on hops (wf_improved=True, incoming on digraphs);
  - harmonic_centrality(G, distance='dist') and on hops.

The view is built as orgraph's projection builds it: a pair's (or, directed, an arc's) value is the
sum of the weights of every selected tie; in a directed view a tie of an undirected relation counts
both ways; self-loops are dropped; every person in people.csv is a node (isolates included).

Usage: python3 scripts/reference/paths.py   (from the repository root; takes seconds)
"""
import csv
import json
import os
import sys

import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "test", "fixtures", "datasets")
OUT = os.path.join(ROOT, "test", "fixtures", "reference", "paths")

# (case name, data set, relations or None for all, directed view)
CASES = [
    ("krackhardt-advice-directed", "krackhardt-hightech", ["advice"], True),
    ("kapferer-all-directed", "kapferer-tailor", None, True),
    ("kapferer-all-undirected", "kapferer-tailor", None, False),
    ("eies-messages-directed", "freeman-eies", ["messages"], True),
    ("karate-undirected", "zachary-karate", None, False),
    ("lazega-cowork-undirected", "lazega-lawfirm", ["cowork"], False),
    ("manufacturing-email-directed", "manufacturing-email", ["email"], True),
]


def read_rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def view(dataset, relations, directed):
    people = [r["id"] for r in read_rows(os.path.join(DATA, dataset, "people.csv"))]
    undirected_relations = set()
    rel_path = os.path.join(DATA, dataset, "relations.csv")
    if os.path.exists(rel_path):
        for r in read_rows(rel_path):
            if r["directed"].strip().lower() == "false":
                undirected_relations.add(r["relation"])
    values = {}
    order = []

    def add(s, t, w):
        key = (s, t) if directed else tuple(sorted((s, t), key=people.index))
        if key not in values:
            values[key] = 0.0
            order.append(key)
        values[key] += w

    for r in read_rows(os.path.join(DATA, dataset, "ties.csv")):
        rel = r.get("relation") or "tie"
        if relations is not None and rel not in relations:
            continue
        s, t, w = r["source"], r["target"], float(r.get("weight") or 1)
        if s == t:
            continue
        add(s, t, w)
        if directed and rel in undirected_relations:
            add(t, s, w)
    return people, [[s, t, values[(s, t)]] for (s, t) in order]


def graph(people, ties, directed):
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(people)
    for s, t, w in ties:
        G.add_edge(s, t, weight=w, dist=1.0 / w)
    return G


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, dataset, relations, directed in CASES:
        people, ties = view(dataset, relations, directed)
        G = graph(people, ties, directed)
        results = {
            "betweenness.weighted": nx.betweenness_centrality(G, weight="dist"),
            "betweenness.weighted.raw": nx.betweenness_centrality(G, weight="dist", normalized=False),
            "betweenness.hops": nx.betweenness_centrality(G),
            "betweenness.hops.raw": nx.betweenness_centrality(G, normalized=False),
            "closeness.weighted": nx.closeness_centrality(G, distance="dist"),
            "closeness.hops": nx.closeness_centrality(G),
            "harmonic.weighted": nx.harmonic_centrality(G, distance="dist"),
            "harmonic.hops": nx.harmonic_centrality(G),
        }
        doc = {
            "tool": "networkx",
            "version": nx.__version__,
            "python": sys.version.split()[0],
            "script": "scripts/reference/paths.py",
            "dataset": dataset,
            "relations": relations,
            "directed": directed,
            "lengths": "dist = 1 / weight (weight = summed tie strength of the pair/arc)",
            "people": people,
            "ties": ties,
            "results": {k: [float(v[p]) for p in people] for k, v in results.items()},
        }
        with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=None, separators=(",", ":"))
            f.write("\n")
        print(f"{name}: n={len(people)} ties={len(ties)}")


if __name__ == "__main__":
    main()
