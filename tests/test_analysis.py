"""The analysis network (load_network, measure_graph), the measures, paths and neighbourhoods."""
from __future__ import annotations

import math
import random

import networkx as nx
import pytest
from click.testing import CliRunner

from graph.analysis import (ego_network, find_paths, format_ego, format_paths, load_network, measure_graph,
                            resolve_actor)
from graph.cli import cli, main
from graph.errors import ActorNotFound
from graph.measures import MEASURES, NetworkxEngine, compute_measures, igraph_available
from helpers_analysis import middle_east

needs_igraph = pytest.mark.skipif(not igraph_available(), reason="python-igraph not installed (setup.cfg extra: igraph>=0.11)")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    store = middle_east(tmp_path_factory.mktemp("analysis") / "store")
    yield store
    store.close()


@pytest.fixture(scope="module")
def network(store):
    return load_network(store)


def edge(network, subject, obj, relation):
    return network.edges[subject, obj, relation]


# ------------------------------------------------------------------------------------------ load_network

def test_nodes_carry_name_type_aliases_and_iri(network):
    kh = network.nodes["kataeb-hezbollah"]
    assert kh["name"] == "Kataeb Hezbollah"
    assert kh["type"] == "ArmedGroup"
    assert set(kh["aliases"]) == {"KH", "Kata'ib Hezbollah"}
    assert kh["iri"] == "https://actorgraph.org/actor/kataeb-hezbollah"
    assert network.nodes["mohammed-shia-al-sudani"]["type"] == "Person"


def test_an_edge_counts_articles_and_claims_and_keeps_evidence_best_first(network):
    backing = edge(network, "kataeb-hezbollah", "irgc", "backedBy")
    assert backing["relation"] == "backedBy"
    assert (backing["weight"], backing["claims"], backing["confidence"]) == (2, 2, 0.9)
    assert (backing["first_seen"], backing["last_seen"]) == ("2025-01-10", "2025-03-05")
    assert backing["hedged_only"] is False and backing["symmetric"] is False
    best, second = backing["evidence"]
    assert best["evidence"] == "Kataeb Hezbollah is armed by the IRGC."
    assert (best["doc"], best["source"], best["date"], best["url"]) == ("a1", "Reuters", "2025-01-10", "https://example.org/a1")
    assert best["title"] == "Title of a1" and best["rule"] == "test" and best["claim"].startswith("https://actorgraph.org/claim/")
    assert second["confidence"] == 0.6 and second["source"] == "AP"


def test_hedged_only_edge(network):
    assert edge(network, "houthis", "iran", "backedBy")["hedged_only"] is True


def test_negated_and_rejected_claims_make_no_edge(store, network):
    assert not network.has_edge("iran", "houthis")  # "Iran denied being backed by the Houthis"
    assert not network.has_edge("houthis", "united-states")  # rejected in review
    with_rejected = load_network(store, include_rejected=True)
    rejected = edge(with_rejected, "houthis", "united-states", "backedBy")
    assert rejected["evidence"][0]["rejected"] is True


def test_symmetric_relation_is_one_edge_whatever_the_order(network):
    assert not network.has_edge("united-states", "israel", "alliedWith")
    allied = edge(network, "israel", "united-states", "alliedWith")
    assert allied["symmetric"] is True and allied["weight"] == 2 and allied["claims"] == 2


def test_window_keeps_dated_claims_inside_it_only(store, network):
    assert network.has_edge("mohammed-shia-al-sudani", "pmf")  # undated: kept without a window
    window = load_network(store, since="2025-02-01", until="2025-05-01")
    assert sorted((u, v, k) for u, v, k in window.edges(keys=True)) == [
        ("houthis", "iran", "backedBy"), ("houthis", "israel", "attacked"),
        ("israel", "united-states", "alliedWith"), ("kataeb-hezbollah", "irgc", "backedBy")]
    kh = edge(window, "kataeb-hezbollah", "irgc", "backedBy")
    assert kh["weight"] == 1 and kh["first_seen"] == "2025-03-05"
    assert "mohammed-shia-al-sudani" not in load_network(store, since="2000-01-01")
    assert window.graph["since"] == "2025-02-01"


def test_relations_and_min_confidence_filter(store):
    support = load_network(store, relations=["backedBy", "partOf", "alliedWith"])
    assert {k for _, _, k in support.edges(keys=True)} == {"backedBy", "partOf", "alliedWith"}
    assert "mohammed-shia-al-sudani" not in support  # actors without a kept relation are left out
    confident = load_network(store, min_confidence=0.85)
    assert not confident.has_edge("kataeb-hezbollah", "pmf")
    assert edge(confident, "kataeb-hezbollah", "irgc", "backedBy")["claims"] == 1


def test_empty_store_gives_an_empty_network(tmp_path):
    from graph.store.oxigraph import OxigraphStore

    with OxigraphStore(tmp_path / "empty") as empty:
        assert load_network(empty).number_of_nodes() == 0


# ------------------------------------------------------------------------------------------ projection

def test_measure_graph_orients_support_from_backer_and_counts_symmetric_both_ways(network):
    flow = measure_graph(network)
    assert flow.has_edge("irgc", "kataeb-hezbollah") and not flow.has_edge("kataeb-hezbollah", "irgc")
    assert flow["irgc"]["kataeb-hezbollah"]["weight"] == pytest.approx(2 * 0.9)
    assert flow.has_edge("united-states", "kataeb-hezbollah")  # attacker → target
    assert flow.has_edge("kataeb-hezbollah", "pmf")  # part → whole
    assert flow["israel"]["united-states"]["weight"] == flow["united-states"]["israel"]["weight"] == pytest.approx(2 * 0.85)


def test_parallel_relations_add_up():
    g = nx.MultiDiGraph()
    g.add_edge("a", "b", key="attacked", relation="attacked", weight=1, confidence=0.5)
    g.add_edge("a", "b", key="hostileTo", relation="hostileTo", weight=2, confidence=1.0)
    flow = measure_graph(g)
    assert flow["a"]["b"]["weight"] == pytest.approx(2.5) and flow["b"]["a"]["weight"] == pytest.approx(2.0)


# ------------------------------------------------------------------------------------------ measures by hand

def digraph(edges, nodes=()):
    g = nx.DiGraph()
    g.add_nodes_from(nodes)
    g.add_edges_from(edges, weight=1.0)
    return g


STAR = digraph([("c", leaf) for leaf in "xyz"] + [(leaf, "c") for leaf in "xyz"])


@pytest.mark.parametrize("backend", ["networkx", pytest.param("igraph", marks=needs_igraph)])
def test_star_measures_by_hand(backend):
    m = compute_measures(STAR, backend=backend).values
    # PageRank: c = 0.15/4 + 0.85·(x+y+z), x = 0.15/4 + 0.85·c/3  →  c = 0.133125/0.2775
    assert m["pagerank"]["c"] == pytest.approx(0.133125 / 0.2775, abs=1e-5)
    assert m["pagerank"]["x"] == pytest.approx((1 - 0.133125 / 0.2775) / 3, abs=1e-5)
    # betweenness: c is on all 6 ordered leaf pairs, normalised by (n-1)(n-2) = 6
    assert (m["betweenness"]["c"], m["betweenness"]["x"]) == (pytest.approx(1.0), 0.0)
    # harmonic closeness: c is 1 hop from all; a leaf is 1 + 1/2 + 1/2 over 3
    assert m["closeness"]["c"] == pytest.approx(1.0) and m["closeness"]["x"] == pytest.approx(2 / 3)
    # eigenvector of the star: centre 1/√2, leaves 1/√6 (weights 2 each way add up evenly)
    assert m["eigenvector"]["c"] == pytest.approx(1 / math.sqrt(2), abs=1e-5)
    assert m["eigenvector"]["x"] == pytest.approx(1 / math.sqrt(6), abs=1e-5)
    assert (m["in_degree"]["c"], m["out_degree"]["c"], m["degree"]["x"]) == (3, 3, 1)
    assert (m["weighted_in"]["c"], m["weighted_out"]["x"]) == (3.0, 1.0)


@pytest.mark.parametrize("backend", ["networkx", pytest.param("igraph", marks=needs_igraph)])
def test_chain_and_cycle_by_hand(backend):
    chain = compute_measures(digraph([("a", "b"), ("b", "c")]), backend=backend).values
    assert chain["betweenness"] == {"a": 0.0, "b": pytest.approx(0.5), "c": 0.0}  # 1 pair of 2
    assert chain["closeness"]["a"] == pytest.approx((1 + 1 / 2) / 2)
    # PageRank of a → b → c, c dangling (spread evenly): a = 0.05 + 0.85·c/3, b = a + 0.85·a, c = a + 0.85·b,
    # so b = 1.85·a, c = 2.5725·a and a = 1/5.4225
    a = 1 / 5.4225
    assert chain["pagerank"] == {"a": pytest.approx(a, abs=1e-6), "b": pytest.approx(1.85 * a, abs=1e-6),
                                 "c": pytest.approx(2.5725 * a, abs=1e-6)}
    cycle = compute_measures(digraph([("a", "b"), ("b", "c"), ("c", "a")]), backend=backend).values
    for measure in ("pagerank", "betweenness", "closeness", "eigenvector"):  # ties: all three equal
        assert len({round(v, 6) for v in cycle[measure].values()}) == 1, measure
    assert cycle["pagerank"]["a"] == pytest.approx(1 / 3, abs=1e-6)
    assert cycle["betweenness"]["a"] == pytest.approx(0.5)  # b lies on a→c only: 1 of 2 pairs


@pytest.mark.parametrize("backend", ["networkx", pytest.param("igraph", marks=needs_igraph)])
def test_disconnected_network_and_isolated_actor_get_every_measure(backend):
    g = digraph([("a", "b"), ("b", "a"), ("c", "d"), ("d", "e")], nodes=["lonely"])
    result = compute_measures(g, backend=backend)
    for measure in MEASURES:
        assert set(result.values[measure]) == set(g), measure
        assert all(math.isfinite(v) for v in result.values[measure].values()), measure
    assert result.values["closeness"]["lonely"] == 0.0 and result.values["betweenness"]["lonely"] == 0.0
    assert result.values["pagerank"]["lonely"] > 0
    assert sum(len(c) for c in result.communities) == len(g)


@pytest.mark.parametrize("size", [0, 1])
def test_empty_and_one_node_networks(size):
    result = compute_measures(digraph([], nodes=["solo"][:size]), backend="networkx")
    assert all(len(result.values[m]) == size for m in MEASURES)
    if size:
        assert result.values["pagerank"]["solo"] == pytest.approx(1.0) and result.values["closeness"]["solo"] == 0.0


def test_eigenvector_that_does_not_converge_is_reported(monkeypatch):
    original = nx.eigenvector_centrality
    monkeypatch.setattr(NetworkxEngine, "eigenvector",
                        lambda self: original(self.undirected, max_iter=1, tol=1e-12, weight="weight"))
    result = compute_measures(digraph([("a", "b"), ("b", "c"), ("c", "d")]), backend="networkx")
    assert "did not converge" in result.notes["eigenvector"]
    assert set(result.values["eigenvector"].values()) == {0.0}


def test_sampled_betweenness_is_networkx_k_estimator_and_states_its_pivots():
    g = nx.gnm_random_graph(120, 400, seed=5, directed=True)
    nx.set_edge_attributes(g, 1.0, "weight")
    result = compute_measures(g, backend="networkx", exact_limit=50, pivots=30)
    reference = nx.betweenness_centrality(g, k=30, seed=42)
    assert all(result.values["betweenness"][v] == pytest.approx(reference[v], abs=1e-12) for v in g)
    assert "30 random source actors" in result.notes["betweenness"] and "error" in result.notes["betweenness"]
    assert result.sampled == {"betweenness": 30, "closeness": 30}
    exact = nx.harmonic_centrality(g.to_undirected())
    top = max(exact, key=exact.get)
    assert result.values["closeness"][top] == pytest.approx(exact[top] / 119, rel=0.15)


# ------------------------------------------------------------------------------------------ igraph agreement

@needs_igraph
@pytest.mark.parametrize("sampled", [False, True])
def test_igraph_backend_agrees_with_networkx_on_small_graphs(sampled):
    g = nx.gnm_random_graph(80, 240, seed=11, directed=True)
    for u, v in g.edges():
        g[u][v]["weight"] = 1 + (u * v) % 3
    options = {"exact_limit": 20, "pivots": 25} if sampled else {}
    ours_nx = compute_measures(g, backend="networkx", **options)
    ours_ig = compute_measures(g, backend="igraph", **options)
    for measure in MEASURES:
        for node in g:
            assert ours_ig.values[measure][node] == pytest.approx(ours_nx.values[measure][node], abs=1e-5), (measure, node)
    assert ours_ig.notes["betweenness"] == ours_nx.notes["betweenness"]


@needs_igraph
def test_igraph_and_networkx_find_the_same_clear_communities():
    g = nx.DiGraph()
    for group in ("abcde", "vwxyz"):
        g.add_edges_from(((u, v) for u in group for v in group if u < v), weight=1.0)
    g.add_edge("e", "v", weight=1.0)
    expected = [set("abcde"), set("vwxyz")]
    assert sorted(compute_measures(g, backend="networkx").communities, key=min) == expected
    assert sorted(compute_measures(g, backend="igraph").communities, key=min) == expected


@needs_igraph
@pytest.mark.slow
def test_networkx_measures_match_igraph_on_a_generated_network():
    """Our networkx reference, sampled as on large networks, against python-igraph's own functions on 3000 actors."""
    import igraph
    import numpy as np

    rng = random.Random(3)
    g = nx.DiGraph()
    for u, v in nx.barabasi_albert_graph(3000, 3, seed=3).edges():
        g.add_edge(*((u, v) if rng.random() < 0.5 else (v, u)), weight=float(rng.randint(1, 4)))
    k = 60
    result = compute_measures(g, backend="networkx", exact_limit=1000, pivots=k)
    ours = result.values
    assert result.sampled["betweenness"] == k
    nodes = list(g)
    index = {n: i for i, n in enumerate(nodes)}
    ig = igraph.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in g.edges()], directed=True)
    ig.es["weight"] = [w for _, _, w in g.edges(data="weight")]
    n = len(nodes)
    pivots = random.Random(42).sample(nodes, k)  # the documented pivots: seed 42, networkx's sampling
    is_pivot = np.isin(np.arange(n), [index[p] for p in pivots])
    raw = np.array(ig.betweenness(directed=True, sources=[index[p] for p in pivots]))
    hops = np.array(ig.distances(source=[index[p] for p in pivots], mode="all"), dtype=float)
    with np.errstate(divide="ignore"):
        inverse = np.where(hops > 0, 1.0 / hops, 0.0).sum(axis=0)
    undirected = ig.as_undirected(mode="collapse", combine_edges="sum")
    eigen = np.array(undirected.eigenvector_centrality(weights="weight"))
    expected = {
        "pagerank": ig.pagerank(weights="weight"),
        "betweenness": raw / (np.where(is_pivot, k - 1, k) * (n - 2)),
        "closeness": inverse / np.where(is_pivot, k - 1, k),
        "eigenvector": eigen / np.linalg.norm(eigen),
        "in_degree": ig.indegree(),
        "weighted_out": ig.strength(mode="out", weights="weight"),
    }
    for measure, values in expected.items():
        for node, value in zip(nodes, values):
            assert ours[measure][node] == pytest.approx(value, rel=1e-4, abs=1e-7), (measure, node)


# ------------------------------------------------------------------------------------------ actors, paths, ego

def test_resolve_actor_by_id_name_or_alias(network):
    assert resolve_actor(network, "kataeb-hezbollah") == "kataeb-hezbollah"
    assert resolve_actor(network, "kataeb  HEZBOLLAH") == "kataeb-hezbollah"
    assert resolve_actor(network, "Ansar Allah") == "houthis"
    with pytest.raises(ActorNotFound, match="did you mean Kataeb Hezbollah"):
        resolve_actor(network, "Kataeb Hezbolah")


def test_ambiguous_alias_is_an_error():
    g = nx.MultiDiGraph()
    g.add_node("a", name="A", aliases=["Same"])
    g.add_node("b", name="B", aliases=["same"])
    with pytest.raises(ActorNotFound, match="ambiguous"):
        resolve_actor(g, "same")


def test_shortest_chain_with_direction_evidence_and_source(network):
    paths = find_paths(network, "KH", "Israel", max_paths=2)
    assert paths[0] == ["kataeb-hezbollah", "united-states", "israel"]
    assert len(paths) == 2 and len(paths[1]) > 3
    text = format_paths(network, paths)
    assert "United States → attacked → Kataeb Hezbollah" in text  # the real direction, not the walking one
    assert "Israel ↔ alliedWith ↔ United States" in text
    assert '"US strikes hit Kataeb Hezbollah." (Reuters, 2025-01-10)' in text


def test_no_chain_and_unknown_actor(store):
    conflict = load_network(store, relations=["attacked"])
    assert find_paths(conflict, "Kataeb Hezbollah", "Israel") == []
    assert "No chain" in format_paths(conflict, [])
    with pytest.raises(ActorNotFound):
        find_paths(conflict, "Atlantis", "Israel")


def test_ego_network_by_depth(network):
    one = ego_network(network, "kh")
    assert set(one) == {"kataeb-hezbollah", "irgc", "pmf", "united-states"}
    two = ego_network(network, "kh", depth=2)
    assert {"iran", "israel", "mohammed-shia-al-sudani"} <= set(two) and "houthis" not in two
    assert two.nodes["iran"]["hops"] == 2
    text = format_ego(one, "KH")
    first_row = text.splitlines()[2]
    assert text.startswith("Kataeb Hezbollah (ArmedGroup, id kataeb-hezbollah): 3 neighbouring actors, 3 relations")
    assert "backedBy" in first_row and "Kataeb Hezbollah is armed by the IRGC." in first_row  # strongest first


# ------------------------------------------------------------------------------------------ CLI

def test_cli_path_ego_and_report(store, tmp_path, capsys):
    runner = CliRunner()
    location = store.location
    store.close()  # the CLI opens the store itself
    try:
        result = runner.invoke(cli, ["path", "KH", "Israel", "--store", location, "--max-paths", "1"])
        assert result.exit_code == 0, result.output
        assert "Chain 1 (2 hops)" in result.output and "Chain 2" not in result.output
        result = runner.invoke(cli, ["ego", "IRGC", "--store", location, "--relations", "backedBy"])
        assert result.exit_code == 0 and "IRGC (GovernmentOrganization" in result.output and "partOf" not in result.output
        view = tmp_path / "ego.html"
        result = runner.invoke(cli, ["ego", "KH", "--store", location, "--depth", "2", "--out", str(view)])
        assert result.exit_code == 0 and "network view written" in result.output
        assert "Kataeb Hezbollah" in view.read_text(encoding="utf-8")
        with pytest.raises(SystemExit) as done:
            main(["ego", "Atlantis", "--store", location])
        assert done.value.code == 2
        assert capsys.readouterr().err == "actorgraph: error: no actor 'Atlantis' in the network\n"
        result = runner.invoke(cli, ["report", "--store", location, "--by-type", "--top", "3"])
        assert result.exit_code == 0 and "### Person" in result.output
        out = tmp_path / "r.html"
        result = runner.invoke(cli, ["report", "--store", location, "--format", "html", "--out", str(out),
                                     "--since", "2030-01-01"])
        assert result.exit_code == 0 and "The network is empty" in out.read_text()
    finally:
        store.__init__(location)  # reopen for the module-scoped fixture's teardown
