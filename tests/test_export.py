"""Exports: RDF formats round-trip, Gephi formats open in networkx, CSV has one edge per row; windows and rejections apply."""
import csv

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal
from rdflib.compare import isomorphic

from graph.errors import InputError
from graph.export import CSV_COLUMNS, export, import_rdf
from graph.inference import materialise_inferences
from graph.query import run_query
from graph.rdf import article_iri
from graph.store.oxigraph import OxigraphStore
from graph.vocab import AG, REVIEW_GRAPH
from helpers_curation import ARTICLES, make_store

RDF_FILES = {"turtle": "graph.ttl", "trig": "graph.trig", "nquads": "graph.nq", "jsonld": "graph.jsonld"}
OX_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS,
              "jsonld": ox.RdfFormat.JSON_LD}


@pytest.fixture
def store(tmp_path):
    with make_store(tmp_path / "store") as opened:
        materialise_inferences(opened)
        yield opened


def graph_of(store, iri) -> Graph:
    return store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}").graph


def union_of(store, skip=()) -> Graph:
    union = Graph()
    for iri in store.graphs():
        if iri not in skip:
            for triple in graph_of(store, iri):
                union.add(triple)
    return union


@pytest.mark.parametrize("fmt", ["trig", "nquads", "jsonld"])
def test_dataset_formats_round_trip_article_graphs(store, tmp_path, fmt):
    path = export(store, fmt, tmp_path / RDF_FILES[fmt])
    assert list(ox.parse(path=str(path), format=OX_FORMATS[fmt]))  # an independent parser reads it
    with OxigraphStore(tmp_path / "copy") as copy:
        assert import_rdf(copy, path) == fmt
        for doc in ARTICLES:
            assert isomorphic(graph_of(copy, article_iri(doc)), graph_of(store, article_iri(doc))), doc


def test_turtle_round_trips_the_union(store, tmp_path):
    from graph.vocab import INFERRED_GRAPH

    path = export(store, "turtle", tmp_path / "graph.ttl")
    assert list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    with OxigraphStore(tmp_path / "copy") as copy:
        import_rdf(copy, path)
        assert isomorphic(union_of(copy), union_of(store, skip={INFERRED_GRAPH}))


def test_graphml_and_gexf_open_in_networkx(store, tmp_path):
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        network = reader(export(store, fmt, tmp_path / f"network.{fmt}"))
        assert network.nodes["kataeb-hezbollah"]["type"] == "ArmedGroup"
        assert "KH" in network.nodes["kataeb-hezbollah"]["aliases"]
        edges = [d for u, v, d in network.edges(data=True) if (u, v) == ("kataeb-hezbollah", "irgc")]
        assert len(edges) == 1
        edge = edges[0]
        assert edge["relation"] == "backedBy" and float(edge["weight"]) == 2 and int(edge["claims"]) == 2
        assert (edge["first_seen"], edge["last_seen"]) == ("2024-01-10", "2025-04-07")
        assert "IRGC" in edge["top_evidence"]


def test_csv_one_edge_per_row(store, tmp_path):
    with export(store, "csv", tmp_path / "edges.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 7  # asserted, non-negated relations; inferred ones are not edges of their own
    top = rows[0]
    assert (top["subject"], top["relation"], top["object"], top["articles"], top["claims"]) == (
        "Kataeb Hezbollah", "backedBy", "IRGC", "2", "2")
    assert top["subject_type"] == "ArmedGroup" and top["hedged_only"] == "false"


def test_window_keeps_only_claims_inside_it(store, tmp_path):
    path = export(store, "nquads", tmp_path / "window.nq", since="2025-01-01")
    with OxigraphStore(tmp_path / "copy") as copy:
        import_rdf(copy, path)
        dates = {str(r["date"]) for r in run_query(copy, "evidence", {}).dicts()}
        assert dates == {"2025-04-07"}
        assert article_iri("irgc-arms") not in copy.graphs() and article_iri("sudani-profile") not in copy.graphs()
    with export(store, "csv", tmp_path / "window.csv", until="2024-12-31").open() as handle:
        assert {(r["relation"], r["object"]) for r in csv.DictReader(handle)} == {
            ("backedBy", "IRGC"), ("attacked", "Kataeb Hezbollah"), ("partOf", "Popular Mobilization Forces")}


def test_rejected_claims_never_reach_exports(store, tmp_path):
    claim = next(r["claim"] for r in run_query(store, "evidence", {}).dicts() if str(r["relation"]) == "attacked")
    store.put_graph(REVIEW_GRAPH, [(claim, AG.rejected, Literal(True))])
    path = export(store, "trig", tmp_path / "graph.trig")
    text = path.read_text()
    assert "US airstrikes" not in text
    assert "Harakat al-Nujaba is part of the PMF." in text  # the rest of that article stays
    with OxigraphStore(tmp_path / "copy") as copy:
        import_rdf(copy, path)
        assert copy.query("ASK { ?s ag:attacked ?o }".replace("ag:", "<https://actorgraph.org/ontology#")
                          .replace("attacked ", "attacked> ")).boolean is False
    with export(store, "csv", tmp_path / "edges.csv").open() as handle:
        assert "attacked" not in {r["relation"] for r in csv.DictReader(handle)}


def test_import_rejects_non_rdf(tmp_path):
    with OxigraphStore(tmp_path / "copy") as copy:
        (tmp_path / "notes.txt").write_text("hello")
        with pytest.raises(InputError, match="not an RDF file"):
            import_rdf(copy, tmp_path / "notes.txt")
        (tmp_path / "broken.ttl").write_text("<a> <b> .")
        with pytest.raises(InputError, match="broken.ttl"):
            import_rdf(copy, tmp_path / "broken.ttl")


def test_unknown_format_and_atomic_write(store, tmp_path):
    with pytest.raises(InputError, match="unknown export format"):
        export(store, "xlsx", tmp_path / "x.xlsx")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
