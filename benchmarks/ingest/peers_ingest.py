"""Edge-list load time of the Python peers (case 1, ingest), for benchmarks/ingest/csr.bench.ts.

Reads one prepared edge list `source target weight` (string ids, one space, no header: the
ties.csv of the generated org without its header and relation column, written by csr.bench.ts,
untimed) and times only the reader call:
  networkit: networkit.graphio.EdgeListReader(' ', 0, continuous=False, directed=False).read(path)
             (continuous=False: ids are read as strings and mapped to nodes in first-seen order)
  igraph:    igraph.Graph.Read_Ncol(path, names=True, weights=True, directed=False)
Prints one JSON line: tool, version, threads, seconds (wall), cpuSeconds, nodes, edges,
peakRssMB (the process high-water mark after the load) and rssBeforeMB.

Usage: python3 benchmarks/ingest/peers_ingest.py --tool networkit --file <edges> [--threads 2]
"""

import argparse
import json
import resource
import sys
import time


def rss_mb() -> float:
    with open('/proc/self/statm') as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument('--tool', required=True, choices=['networkit', 'igraph'])
    ap.add_argument('--file', required=True)
    ap.add_argument('--threads', type=int, default=2)
    a = ap.parse_args()
    out = {'tool': a.tool, 'available': True}
    try:
        if a.tool == 'networkit':
            import networkit as nk

            nk.engineering.setNumberOfThreads(a.threads)
            out['version'] = nk.__version__
            out['threads'] = nk.getMaxNumberOfThreads()
            reader = nk.graphio.EdgeListReader(' ', 0, continuous=False, directed=False)
            before = rss_mb()
            c0, t0 = time.process_time(), time.perf_counter()
            g = reader.read(a.file)
            t1, c1 = time.perf_counter(), time.process_time()
            out['nodes'], out['edges'] = g.numberOfNodes(), g.numberOfEdges()
        else:
            import igraph as ig

            out['version'] = ig.__version__
            out['threads'] = 1
            before = rss_mb()
            c0, t0 = time.process_time(), time.perf_counter()
            g = ig.Graph.Read_Ncol(a.file, names=True, weights=True, directed=False)
            t1, c1 = time.perf_counter(), time.process_time()
            out['nodes'], out['edges'] = g.vcount(), g.ecount()
    except ImportError as e:
        print(json.dumps({'tool': a.tool, 'available': False, 'reason': f'not installed ({e})'}))
        return
    out['seconds'] = t1 - t0
    out['cpuSeconds'] = c1 - c0
    out['rssBeforeMB'] = before
    out['peakRssMB'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(out))


if __name__ == '__main__':
    sys.exit(main())
