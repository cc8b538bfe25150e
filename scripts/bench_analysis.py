"""Benchmark of the analysis: each measure with networkx and with igraph on the same generated network,
and the whole report (measures, assembly and the four formats) as ``actorgraph report`` runs it.

    .venv/bin/python scripts/bench_analysis.py                 # 1k, 10k and 100k actors
    .venv/bin/python scripts/bench_analysis.py --sizes 1000,10000

The networks are Barabási–Albert graphs with 5 ties per new actor (10k actors ≈ 50k relations),
each tie given a random direction, relation, article count and confidence. Both engines run with
the same settings (networkx's defaults: exact up to 1000 actors, else 100 pivots) so their times
compare; the report then runs with the defaults of the engine installed.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import networkx as nx  # noqa: E402

from graph.analysis import measure_graph  # noqa: E402
from graph.measures import EXACT_LIMIT, PIVOTS, compute_measures, igraph_available  # noqa: E402
from graph.report import build_report, render_report  # noqa: E402
from graph.vocab import ACTOR_TYPES, RELATIONS, SYMMETRIC  # noqa: E402

STEPS = ("setup", "pagerank", "betweenness", "closeness", "eigenvector", "communities")


def generated_network(n: int, seed: int = 7) -> nx.MultiDiGraph:
    """A network shaped like ``load_network``'s, with ``n`` actors and about 5n relations."""
    rng = random.Random(seed)
    network = nx.MultiDiGraph()
    for i in range(n):
        network.add_node(f"actor-{i}", name=f"Actor {i}", type=rng.choice(ACTOR_TYPES), aliases=[], iri="")
    for u, v in nx.barabasi_albert_graph(n, 5, seed=seed).edges():
        if rng.random() < 0.5:
            u, v = v, u
        relation = rng.choice(RELATIONS)
        confidence = round(rng.uniform(0.4, 1.0), 2)
        evidence = [{"claim": f"c{u}-{v}", "evidence": f"Actor {u} {relation} Actor {v}.", "doc": f"doc{u}",
                     "title": "t", "source": "Generated", "date": "2025-01-01", "url": None,
                     "confidence": confidence, "hedged": False, "rule": "bench"}]
        network.add_edge(f"actor-{u}", f"actor-{v}", key=relation, relation=relation, weight=rng.randint(1, 3),
                         claims=1, confidence=confidence, hedged_only=False, first_seen="2025-01-01",
                         last_seen="2025-01-01", evidence=evidence, symmetric=relation in SYMMETRIC)
    return network


def timed(function, *args, **kwargs) -> tuple[object, float]:
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - started


def bench(n: int, skip_networkx_above: int) -> None:
    network, seconds = timed(generated_network, n)
    print(f"\n== {n:,} actors, {network.number_of_edges():,} relations (generated in {seconds:.1f} s)")
    flow, seconds = timed(measure_graph, network)
    print(f"projection to the measure graph: {seconds:.2f} s")
    engines = ["igraph"] if igraph_available() else []
    if n <= skip_networkx_above:
        engines.append("networkx")
    times: dict[str, dict[str, float]] = {}
    for engine in engines:
        times[engine] = {}
        compute_measures(flow, backend=engine, exact_limit=EXACT_LIMIT["networkx"], pivots=PIVOTS["networkx"],
                         timings=times[engine])
    mode = "exact" if n <= EXACT_LIMIT["networkx"] else f"sampled, {PIVOTS['networkx']} pivots"
    print(f"measures at identical settings (betweenness and closeness {mode}):")
    print(f"  {'step':<12} {'networkx s':>11} {'igraph s':>10} {'nx/igraph':>10}")
    for step in STEPS:
        nx_s, ig_s = times.get("networkx", {}).get(step), times.get("igraph", {}).get(step)
        ratio = f"{nx_s / ig_s:10.1f}" if nx_s is not None and ig_s else f"{'—':>10}"
        print(f"  {step:<12} {_cell(nx_s, 11)} {_cell(ig_s, 10)} {ratio}")
    for engine in engines:
        print(f"  {'total ' + engine:<24} {sum(times[engine].values()):.2f} s")
    started = time.perf_counter()
    report = build_report(network, top=20, by_type=True)
    built = time.perf_counter() - started
    rendered = {fmt: timed(render_report, report, fmt)[1] for fmt in ("md", "csv", "json", "html")}
    total = built + sum(rendered.values())
    print(f"full report with {report.backend} defaults (betweenness: {report.notes['betweenness']}):")
    print(f"  build {built:.2f} s + formats {', '.join(f'{f} {s:.2f} s' for f, s in rendered.items())} "
          f"= {total:.2f} s")


def _cell(value: float | None, width: int) -> str:
    return f"{value:{width}.2f}" if value is not None else f"{'—':>{width}}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated numbers of actors")
    parser.add_argument("--skip-networkx-above", type=int, default=10**9,
                        help="time only igraph on networks larger than this")
    args = parser.parse_args()
    if not igraph_available():
        print("python-igraph is not installed: networkx only, no ratios")
    for size in (int(s) for s in args.sizes.split(",") if s.strip()):
        bench(size, args.skip_networkx_above)


if __name__ == "__main__":
    main()
