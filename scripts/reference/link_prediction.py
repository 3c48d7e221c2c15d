#!/usr/bin/env python3
"""Reference link-prediction scores from NetworkX for orgraph's tests.

For every data set in test/fixtures/datasets, build the undirected view the way
src/model/projection.ts does with default options (all relations, a pair is tied when any tie runs
between the two people in either direction, self-loops dropped, every person of people.csv a node),
draw a fixed sample of pairs (tied pairs, pairs at distance two, random pairs) and write
NetworkX's common neighbours, Jaccard, Adamic-Adar, resource allocation and preferential attachment
for them to test/fixtures/reference/link-prediction/<dataset>.json.

Usage: python3 scripts/reference/link_prediction.py   (from the repository root)
"""
import csv
import json
import os
import random
import sys

import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATASETS = os.path.join(ROOT, "test", "fixtures", "datasets")
OUT = os.path.join(ROOT, "test", "fixtures", "reference", "link-prediction")
SEED = 20240611
PAIRS = {"tied": 40, "distance2": 120, "random": 80}


def read_view(folder):
    g = nx.Graph()
    with open(os.path.join(folder, "people.csv"), newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            g.add_node(row["id"])
    with open(os.path.join(folder, "ties.csv"), newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            s, t = row["source"], row["target"]
            if s != t:
                g.add_edge(s, t)
    return g


def sample_pairs(g, rng):
    nodes = list(g.nodes())
    edges = sorted(g.edges())
    pairs = []
    pairs += rng.sample(edges, min(PAIRS["tied"], len(edges)))
    # Pairs at distance exactly two: pick a middle person, then two of its neighbours not tied.
    with_two = [w for w in nodes if g.degree(w) >= 2]
    tries = 0
    found = set()
    while with_two and len(found) < PAIRS["distance2"] and tries < 50 * PAIRS["distance2"]:
        tries += 1
        w = rng.choice(with_two)
        a, b = rng.sample(sorted(g.neighbors(w)), 2)
        if not g.has_edge(a, b):
            found.add((a, b))
    pairs += sorted(found)
    for _ in range(PAIRS["random"]):
        a, b = rng.sample(nodes, 2)
        pairs.append((a, b))
    return pairs


def main():
    os.makedirs(OUT, exist_ok=True)
    names = sorted(d for d in os.listdir(DATASETS) if os.path.isdir(os.path.join(DATASETS, d)))
    for name in names:
        g = read_view(os.path.join(DATASETS, name))
        rng = random.Random(f"{SEED}-{name}")
        pairs = sample_pairs(g, rng)
        record = {
            "tool": "networkx",
            "version": nx.__version__,
            "python": sys.version.split()[0],
            "script": "scripts/reference/link_prediction.py",
            "dataset": name,
            "view": "undirected, unweighted, all relations, self-loops dropped",
            "nodes": g.number_of_nodes(),
            "edges": g.number_of_edges(),
            "pairs": [[a, b] for a, b in pairs],
            "commonNeighbours": [len(list(nx.common_neighbors(g, a, b))) for a, b in pairs],
            "jaccard": [p for _, _, p in nx.jaccard_coefficient(g, pairs)],
            "adamicAdar": [p for _, _, p in nx.adamic_adar_index(g, pairs)],
            "resourceAllocation": [p for _, _, p in nx.resource_allocation_index(g, pairs)],
            "preferentialAttachment": [p for _, _, p in nx.preferential_attachment(g, pairs)],
        }
        with open(os.path.join(OUT, f"{name}.json"), "w", encoding="utf-8") as f:
            json.dump(record, f, separators=(",", ":"))
            f.write("\n")
        print(f"{name}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges, {len(pairs)} pairs")


if __name__ == "__main__":
    main()
