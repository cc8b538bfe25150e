"""Centrality measures and communities of the measure graph, computed with networkx or igraph.

``compute_measures(flow)`` takes the weighted ``DiGraph`` of ``graph.analysis.measure_graph`` and
returns networkx-shaped results (``{node: value}`` per measure, communities as a list of node
sets) whichever engine computed them. python-igraph, when installed, is an accelerator only:
the same definitions, checked against networkx by the tests. This is the only module importing igraph.

The definitions:

- degrees: ``in_degree``/``out_degree`` count distinct actors on incoming/outgoing measure edges,
  ``weighted_in``/``weighted_out`` add up their weights (articles × confidence); ``degree`` counts
  distinct neighbours in either direction.
- ``pagerank``: directed and weighted, damping 0.85, dangling actors spread evenly.
- ``betweenness``: directed, counting hops (evidence strength does not shorten a chain), normalised
  by (n-1)(n-2). Exact up to ``exact_limit`` actors; above it estimated from ``pivots`` random
  source actors (networkx's ``k`` estimator, fixed seed), the estimate's error measured by
  comparing the two halves of the pivots.
- ``closeness``: harmonic closeness over hops in either direction, the mean of 1/distance to
  every other actor (0 for an unreachable one), so disconnected networks need no special case;
  estimated from the same pivots above ``exact_limit``.
- ``eigenvector``: on the undirected weighted network (direction makes it degenerate on
  networks with sources and sinks), unit Euclidean norm; if the power iteration (ARPACK on large
  networks) does not converge every value is 0 and the note says so. On a disconnected network
  the leading eigenvector sits on one component: the others get (near) 0.
- communities: Louvain with a fixed seed on the undirected weighted network.
"""
from __future__ import annotations

import contextlib
import math
import random
import time
import warnings
from dataclasses import dataclass, field
from typing import Callable

import networkx as nx

SEED = 42
EXACT_LIMIT = {"igraph": 5000, "networkx": 1000}
PIVOTS = {"igraph": 500, "networkx": 100}
MEASURES = ("degree", "in_degree", "out_degree", "weighted_in", "weighted_out",
            "pagerank", "betweenness", "closeness", "eigenvector")


@dataclass
class Measures:
    """Every measure of every actor, the communities, and how each measure was computed."""

    values: dict[str, dict[str, float]]
    communities: list[set[str]]
    notes: dict[str, str] = field(default_factory=dict)
    backend: str = "networkx"
    sampled: dict[str, int] = field(default_factory=dict)  # measure -> number of pivots, when estimated

    def of(self, node: str) -> dict[str, float]:
        """All measures of one actor."""
        return {name: values.get(node, 0.0) for name, values in self.values.items()}

    def community_of(self) -> dict[str, int]:
        """Each actor's community number (0 is the largest community)."""
        return {node: number for number, members in enumerate(self.communities) for node in members}


def igraph_available() -> bool:
    try:
        import igraph  # noqa: F401
    except ImportError:
        return False
    return True


def pick_backend(backend: str = "auto") -> str:
    """``igraph`` when asked for or (``auto``) when installed, else ``networkx``."""
    if backend == "auto":
        return "igraph" if igraph_available() else "networkx"
    if backend not in EXACT_LIMIT:
        raise ValueError(f"unknown backend {backend!r} (expected auto, igraph or networkx)")
    return backend


def compute_measures(flow: nx.DiGraph, *, backend: str = "auto", exact_limit: int | None = None,
                     pivots: int | None = None, seed: int = SEED, timings: dict | None = None) -> Measures:
    """Every measure of ``graph.measures.MEASURES`` for every node of ``flow``, and its communities.

    ``timings``, if given, receives the seconds each step took (for scripts/bench_analysis.py).
    """
    backend = pick_backend(backend)
    clock = _Clock(timings)
    with clock("setup"):
        engine = IgraphEngine(flow) if backend == "igraph" else NetworkxEngine(flow)
    n = flow.number_of_nodes()
    values = degrees(flow)
    measures = Measures(values, [], backend=backend)
    if n == 0:
        for name in MEASURES:
            values.setdefault(name, {})
        return measures
    limit = EXACT_LIMIT[backend] if exact_limit is None else exact_limit
    sample = None
    if n > limit:
        k = min(n, max(2, pivots or PIVOTS[backend]))
        sample = random.Random(seed).sample(list(flow.nodes), k)

    with clock("pagerank"):
        values["pagerank"] = engine.pagerank()
    measures.notes["pagerank"] = "exact (damping 0.85)"
    with clock("betweenness"):
        values["betweenness"], measures.notes["betweenness"] = _betweenness(engine, flow, sample)
    with clock("closeness"):
        values["closeness"], measures.notes["closeness"] = _closeness(engine, n, sample)
    if sample:
        measures.sampled = {"betweenness": len(sample), "closeness": len(sample)}
    try:
        with clock("eigenvector"):
            values["eigenvector"] = engine.eigenvector()
        measures.notes["eigenvector"] = "exact (undirected, weighted)"
    except (nx.PowerIterationFailedConvergence, ArithmeticError, RuntimeError) as error:
        values["eigenvector"] = dict.fromkeys(flow, 0.0)
        measures.notes["eigenvector"] = f"did not converge ({error.__class__.__name__}); all values set to 0"
    with clock("communities"):
        measures.communities = sorted(engine.communities(seed), key=lambda c: (-len(c), min(c)))
    measures.notes["communities"] = f"Louvain, seed {seed}"
    for name in MEASURES:  # no NaN anywhere: an undefined value is 0
        values[name] = {node: _finite(values[name].get(node, 0.0)) for node in flow}
    return measures


class _Clock:
    """Context managers adding the seconds of each step to a dict (or doing nothing without one)."""

    def __init__(self, timings: dict | None) -> None:
        self.timings = timings

    @contextlib.contextmanager
    def __call__(self, step: str):
        started = time.perf_counter()
        try:
            yield
        finally:
            if self.timings is not None:
                self.timings[step] = self.timings.get(step, 0.0) + time.perf_counter() - started


def degrees(flow: nx.DiGraph) -> dict[str, dict[str, float]]:
    """Degree measures (distinct actors, and summed weights), every node present."""
    return {
        "degree": {n: float(len(set(flow.predecessors(n)) | set(flow.successors(n)))) for n in flow},
        "in_degree": {n: float(d) for n, d in flow.in_degree()},
        "out_degree": {n: float(d) for n, d in flow.out_degree()},
        "weighted_in": {n: float(d) for n, d in flow.in_degree(weight="weight")},
        "weighted_out": {n: float(d) for n, d in flow.out_degree(weight="weight")},
    }


def _finite(value: float) -> float:
    return float(value) if value is not None and math.isfinite(value) else 0.0


def _betweenness(engine, flow: nx.DiGraph, sample: list | None) -> tuple[dict[str, float], str]:
    """Normalised directed betweenness; estimated from ``sample`` (networkx's k-pivot estimator) if given."""
    n = flow.number_of_nodes()
    if n <= 2:
        return dict.fromkeys(flow, 0.0), "exact"
    if sample is None:
        raw = engine.betweenness_from(None)
        return {v: b / ((n - 1) * (n - 2)) for v, b in raw.items()}, "exact"
    half = len(sample) // 2
    raw_a, raw_b = engine.betweenness_from(sample[:half]), engine.betweenness_from(sample[half:])
    k, sources = len(sample), set(sample)
    values = {v: (raw_a[v] + raw_b[v]) / ((k - 1 if v in sources else k) * (n - 2)) for v in flow}
    error = _split_half_error(raw_a, raw_b, half, k - half, values)
    return values, (f"estimated from {k} random source actors of {n} (seed {SEED}); "
                    f"estimated relative error of the top values about {error:.0%}")


def _split_half_error(raw_a: dict, raw_b: dict, size_a: int, size_b: int, values: dict, top: int = 10) -> float:
    """Relative standard error of the estimate for the top actors, from the disagreement of the two halves."""
    leaders = sorted(values, key=values.get, reverse=True)[:top]
    errors = []
    for v in leaders:
        a, b = raw_a[v] / max(size_a, 1), raw_b[v] / max(size_b, 1)
        if a + b > 0:
            errors.append(abs(a - b) / (a + b))
    return sum(errors) / len(errors) if errors else 0.0


def _closeness(engine, n: int, sample: list | None) -> tuple[dict[str, float], str]:
    """Harmonic closeness over hops in either direction, exact or averaged over the pivots."""
    if n == 1:
        return {node: 0.0 for node in engine.nodes}, "exact"
    if sample is None:
        return engine.harmonic(), "exact (harmonic, either direction)"
    totals = engine.inverse_distance_sums(sample)
    sources = set(sample)
    k = len(sample)
    values = {v: totals[v] / (k - 1 if v in sources else k) for v in engine.nodes}
    return values, f"estimated from the same {k} source actors (harmonic, either direction)"


def undirected_weights(flow: nx.DiGraph) -> nx.Graph:
    """The undirected network, the weights of both directions added."""
    graph = nx.Graph()
    graph.add_nodes_from(flow)
    for u, v, w in flow.edges(data="weight", default=1.0):
        if graph.has_edge(u, v):
            graph[u][v]["weight"] += w
        else:
            graph.add_edge(u, v, weight=w)
    return graph


# --------------------------------------------------------------------------------------- engines

class NetworkxEngine:
    """The reference implementation: networkx (pure Python, scipy for PageRank)."""

    def __init__(self, flow: nx.DiGraph) -> None:
        self.flow = flow
        self.nodes = list(flow)
        self.undirected = undirected_weights(flow)

    def pagerank(self) -> dict[str, float]:
        return nx.pagerank(self.flow, alpha=0.85, weight="weight", tol=1e-10, max_iter=1000)

    def betweenness_from(self, sources: list | None) -> dict[str, float]:
        """Unnormalised directed betweenness counting only shortest paths from ``sources`` (all if None)."""
        return nx.betweenness_centrality_subset(self.flow, list(sources if sources is not None else self.flow),
                                                self.nodes, normalized=False)

    def harmonic(self) -> dict[str, float]:
        n = len(self.nodes)
        return {v: h / (n - 1) for v, h in nx.harmonic_centrality(self.undirected).items()}

    def inverse_distance_sums(self, sources: list) -> dict[str, float]:
        totals = dict.fromkeys(self.nodes, 0.0)
        for source in sources:
            for target, hops in nx.single_source_shortest_path_length(self.undirected, source).items():
                if hops:
                    totals[target] += 1.0 / hops
        return totals

    def eigenvector(self) -> dict[str, float]:
        if len(self.nodes) <= EXACT_LIMIT["networkx"]:
            return nx.eigenvector_centrality(self.undirected, max_iter=1000, tol=1e-8, weight="weight")
        # Pure-Python power iteration takes minutes on 100k actors; ARPACK (scipy) takes a second.
        # (networkx's eigenvector_centrality_numpy refuses disconnected networks, so scipy directly.)
        import numpy as np
        from scipy.sparse.linalg import ArpackNoConvergence, eigsh

        matrix = nx.to_scipy_sparse_array(self.undirected, nodelist=self.nodes, weight="weight", dtype=float)
        try:
            _, vectors = eigsh(matrix, k=1, which="LA", maxiter=10_000, tol=1e-10)
        except ArpackNoConvergence as error:
            raise ArithmeticError(str(error)) from None
        vector = np.abs(vectors[:, 0])
        return dict(zip(self.nodes, (vector / (np.linalg.norm(vector) or 1.0)).tolist()))

    def communities(self, seed: int) -> list[set[str]]:
        return [set(c) for c in nx.community.louvain_communities(self.undirected, weight="weight", seed=seed)]


class IgraphEngine:
    """The accelerator: the same measures through python-igraph's C core."""

    CHUNK = 64  # pivots per distance matrix, to bound memory on large networks

    def __init__(self, flow: nx.DiGraph) -> None:
        import igraph

        self.igraph = igraph
        self.nodes = list(flow)
        index = {node: i for i, node in enumerate(self.nodes)}
        edges = [(index[u], index[v]) for u, v in flow.edges()]
        self.graph = igraph.Graph(n=len(self.nodes), edges=edges, directed=True)
        self.graph.es["weight"] = [w for _, _, w in flow.edges(data="weight", default=1.0)]
        self.index = index
        self.undirected = self.graph.as_undirected(mode="collapse", combine_edges={"weight": "sum"})

    def _by_node(self, values) -> dict[str, float]:
        return dict(zip(self.nodes, values))

    def pagerank(self) -> dict[str, float]:
        return self._by_node(self.graph.pagerank(directed=True, damping=0.85, weights="weight"))

    def betweenness_from(self, sources: list | None) -> dict[str, float]:
        if sources is None:
            return self._by_node(self.graph.betweenness(directed=True))
        indices = [self.index[s] for s in sources]
        return self._by_node(self.graph.betweenness(directed=True, sources=indices) if indices else [0.0] * len(self.nodes))

    def harmonic(self) -> dict[str, float]:
        return self._by_node(self.graph.harmonic_centrality(mode="all", normalized=True))

    def inverse_distance_sums(self, sources: list) -> dict[str, float]:
        import numpy as np

        totals = np.zeros(len(self.nodes))
        indices = [self.index[s] for s in sources]
        for start in range(0, len(indices), self.CHUNK):
            hops = np.asarray(self.graph.distances(source=indices[start:start + self.CHUNK], mode="all"), dtype=float)
            with np.errstate(divide="ignore"):
                inverse = np.where((hops > 0) & np.isfinite(hops), 1.0 / hops, 0.0)
            totals += inverse.sum(axis=0)
        return self._by_node(totals.tolist())

    def eigenvector(self) -> dict[str, float]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # igraph warns on disconnected networks
            try:
                values = self.undirected.eigenvector_centrality(weights="weight")
            except self.igraph.InternalError as error:
                raise ArithmeticError(str(error)) from None
        norm = math.sqrt(sum(v * v for v in values)) or 1.0  # networkx's scale: unit Euclidean norm
        return self._by_node(v / norm for v in values)

    def communities(self, seed: int) -> list[set[str]]:
        self.igraph.set_random_number_generator(random.Random(seed))
        try:
            clustering = self.undirected.community_multilevel(weights="weight")
        finally:
            self.igraph.set_random_number_generator(random)
        return [{self.nodes[i] for i in members} for members in clustering]


# --------------------------------------------------------------------------------------- roles

def brokers(measures: Measures, top: int = 10) -> list[tuple[str, float]]:
    """Actors with high betweenness for their degree: (node, betweenness per neighbour), best first."""
    betweenness, degree = measures.values["betweenness"], measures.values["degree"]
    scores = {v: b / degree[v] for v, b in betweenness.items() if b > 0 and degree[v] > 0}
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:top]


def community_bridges(network: nx.MultiDiGraph, measures: Measures, top: int = 10,
                      weigh: Callable[[dict], float] | None = None) -> list[tuple[str, str, str, dict]]:
    """The strongest relations between actors of different communities: (subject, object, relation, data)."""
    community = measures.community_of()
    weigh = weigh or (lambda d: d.get("weight", 0) * (d.get("confidence") or 1.0))
    crossing = [(u, v, k, d) for u, v, k, d in network.edges(keys=True, data=True)
                if community.get(u) is not None and community.get(v) is not None and community[u] != community[v]]
    crossing.sort(key=lambda e: (-weigh(e[3]), e[0], e[1], e[2]))
    return crossing[:top]
