"""Benchmark: the network report's betweenness (igraph, :func:`analysis.reports.network.betweenness`)
against what a user would otherwise call, ``networkx.betweenness_centrality(g, weight="distance",
normalized=True)``, on the co-participation network of the whole record and of one period.

Each time is the median of --repeat runs in this process. Both results are held against the exact
betweenness (networkx on Fraction distances, where shortest paths of equal length tie exactly): the
largest difference of each. Usage: python benchmarks/bench_network.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import time
from fractions import Fraction

import networkx as nx

import analysis
from analysis.reports import network
from analysis.reports.select import select


def median_seconds(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    rec = analysis.load()
    print("| network | actors | ties | networkx | igraph (the report) | ratio | largest difference from exact: networkx | igraph |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for label, period in (("whole record", ""), ("2018-2025", "2018-2025")):
        g = network.graph(select(rec, period=period))
        slow = median_seconds(lambda g=g: nx.betweenness_centrality(g, weight="distance", normalized=True), args.repeat)
        fast = median_seconds(lambda g=g: network.betweenness(g), args.repeat)
        h = g.copy()
        for _, _, d in h.edges(data=True):
            d["exact"] = Fraction(1, d["weight"])
        exact = nx.betweenness_centrality(h, weight="exact", normalized=True)
        a = nx.betweenness_centrality(g, weight="distance", normalized=True)
        b = network.betweenness(g)
        off_nx = max(abs(a[k] - float(v)) for k, v in exact.items())
        off_ig = max(abs(b[k] - float(v)) for k, v in exact.items())
        print(f"| {label} | {g.number_of_nodes()} | {g.number_of_edges()} | {slow:.2f} s | {fast:.3f} s | "
              f"{slow / fast:.0f}x | {off_nx:.1e} | {off_ig:.1e} |")


if __name__ == "__main__":
    main()
