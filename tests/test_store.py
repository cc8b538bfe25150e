"""The embedded Oxigraph store: transactions per graph, SPARQL with bound values, streamed dumps,
bulk loads, read-only readers, timeouts, and parallel ingest."""
from __future__ import annotations

import io
import time

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDFS, XSD

from graph.errors import QueryError, StoreError, StoreLockedError
from graph.pipeline import ingest
from graph.rdf import article_iri
from graph.store import open_store
from graph.store.oxigraph import OxigraphStore
from helpers_store import StubExtractor, write_corpus

EX = "http://example.org/"
G1, G2 = URIRef(EX + "g1"), URIRef(EX + "g2")
A, B, P = URIRef(EX + "a"), URIRef(EX + "b"), URIRef(EX + "p")


@pytest.fixture
def store(tmp_path):
    with OxigraphStore(tmp_path / "store") as opened:
        yield opened


def test_put_graph_replaces_the_whole_graph(store):
    store.put_graph(G1, [(A, P, Literal("old")), (A, RDFS.label, Literal("A"))])
    store.put_graph(G1, [(A, P, Literal("new"))])
    rows = store.query("SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }").rows
    assert rows == [(Literal("new"),)]
    assert store.graphs() == [G1]


def test_query_runs_over_the_union_of_graphs_with_bound_values(store):
    store.put_graph(G1, [(A, P, B)])
    store.put_graph(G2, [(B, P, Literal('say "no" } #'))])
    both = store.query("SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?s")
    assert [row[0] for row in both.rows] == [A, B]
    bound = store.query("SELECT ?s WHERE { ?s ?p ?o }", bindings={"o": Literal('say "no" } #')})
    assert bound.rows == [(B,)]
    assert bound.dicts() == [{"s": B}]


def test_plain_strings_come_back_as_plain_literals(store):
    store.put_graph(G1, [(A, P, Literal("x")), (A, P, Literal(3)), (A, P, Literal("y", lang="en"))])
    objects = {row[0] for row in store.query("SELECT ?o WHERE { ?s ?p ?o }").rows}
    assert objects == {Literal("x"), Literal(3), Literal("y", lang="en")}


def test_ask_construct_and_syntax_errors(store):
    store.put_graph(G1, [(A, P, B)])
    assert store.query("ASK { ?s ?p ?o }").boolean is True
    graph = store.query("CONSTRUCT { ?o ?p ?s } WHERE { ?s ?p ?o }").graph
    assert set(graph) == {(B, P, A)}
    with pytest.raises(QueryError, match="syntax"):
        store.query("SELEKT nothing")


def test_a_slow_query_stops_at_the_timeout(store):
    # 300 triples cubed: a few seconds of work, so the abandoned query soon ends in the background too
    store.put_graph(G1, [(URIRef(f"{EX}s{i}"), P, Literal(i)) for i in range(300)])
    started = time.monotonic()
    with pytest.raises(QueryError, match="timeout"):
        store.query("SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }", timeout=0.2)
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("fmt", ["nquads", "trig"])
def test_dump_and_load_round_trip_keeps_graphs(store, tmp_path, fmt):
    store.put_graph(G1, [(A, P, B)])
    store.put_graph(G2, [(B, P, Literal("é", lang="fr"))])
    out = io.BytesIO()
    store.dump(out, fmt)
    dataset = Dataset()
    dataset.parse(data=out.getvalue(), format=fmt)
    assert (A, P, B, G1) in dataset
    with OxigraphStore(tmp_path / "copy") as copy:
        copy.load(io.BytesIO(out.getvalue()), fmt)
        assert sorted(copy.graphs()) == [G1, G2]


def test_dump_of_chosen_graphs_and_triple_formats(store):
    store.put_graph(G1, [(A, P, B)])
    store.put_graph(G2, [(B, P, A)])
    out = io.BytesIO()
    store.dump(out, "nquads", graphs=[G2])
    assert out.getvalue().decode().strip() == f"<{B}> <{P}> <{A}> <{G2}> ."
    out = io.BytesIO()
    store.dump(out, "ntriples")
    assert sorted(out.getvalue().decode().splitlines()) == [f"<{A}> <{P}> <{B}> .", f"<{B}> <{P}> <{A}> ."]
    with pytest.raises(StoreError, match="unknown RDF format"):
        store.dump(io.BytesIO(), "yaml")


def test_bulk_load_streams_a_file_into_the_store(store, tmp_path):
    source = tmp_path / "big.nq"
    source.write_text("".join(f'<{EX}s{i}> <{P}> "{i}"^^<{XSD.integer}> <{EX}g{i % 7}> .\n'
                              for i in range(5000)))
    store.bulk_load(source, "nquads")
    count = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0]
    assert count.toPython() == 5000
    assert len(store.graphs()) == 7
    bad = tmp_path / "bad.nq"
    bad.write_text("<a> <b> .\n")
    with pytest.raises(StoreError, match="bad.nq"):
        store.bulk_load(bad, "nquads")


def test_read_only_store_needs_an_existing_store_and_refuses_writes(tmp_path):
    with pytest.raises(StoreError, match="no store here yet"):
        OxigraphStore(tmp_path / "nothing", read_only=True)
    with OxigraphStore(tmp_path / "s") as writer:
        writer.put_graph(G1, [(A, P, B)])
    with OxigraphStore(tmp_path / "s", read_only=True) as reader:
        assert reader.graphs() == [G1]
        with pytest.raises(StoreError, match="read-only"):
            reader.put_graph(G2, [])


def test_a_reader_sees_what_a_writer_wrote_after_it_opened(tmp_path):
    with OxigraphStore(tmp_path / "s") as writer:
        writer.put_graph(G1, [(A, P, B)])
        writer._store.flush()
        with OxigraphStore(tmp_path / "s", read_only=True) as reader:
            assert reader.graphs() == [G1]
            writer.put_graph(G2, [(B, P, A)])  # not flushed: still in the writer's log
            assert sorted(reader.graphs()) == [G1, G2]


def test_a_second_writer_is_refused_with_the_holders_pid(tmp_path):
    with OxigraphStore(tmp_path / "s"):
        with pytest.raises(StoreLockedError, match=r"locked by PID \d+"):
            OxigraphStore(tmp_path / "s")
    with OxigraphStore(tmp_path / "s"):  # released on close
        pass


def test_open_store_picks_the_backend_from_the_location(tmp_path):
    from graph.store.sparql import SparqlStore

    remote = open_store("http://127.0.0.1:9/", read_only=True)
    assert isinstance(remote, SparqlStore) and remote.query_url == "http://127.0.0.1:9/query"
    with open_store(str(tmp_path / "s")) as local:
        assert isinstance(local, OxigraphStore)


def _graph_sizes(store) -> dict[str, int]:
    rows = store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g").rows
    return {str(g): n.toPython() for g, n in rows}


def test_parallel_ingest_gives_the_same_store_as_a_serial_one(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", 40)
    with OxigraphStore(tmp_path / "serial") as serial:
        first = ingest([corpus], serial, extractor=StubExtractor())
        serial_sizes = _graph_sizes(serial)
    with OxigraphStore(tmp_path / "parallel") as parallel:
        seen = []
        second = ingest([corpus], parallel, extractor=StubExtractor(), jobs=2, chunk_size=3,
                        progress=lambda article, claims: seen.append(article.id))
        assert _graph_sizes(parallel) == serial_sizes
        again = ingest([corpus], parallel, extractor=StubExtractor(), jobs=2)
    assert (first.articles, first.claims) == (second.articles, second.claims) == (40, 240)
    assert seen == sorted(seen) and len(seen) == 40  # articles come back in input order
    assert again.articles == 0 and again.unchanged == 40
    assert str(article_iri("a0000")) in serial_sizes


def test_a_bad_file_stops_a_parallel_ingest_after_storing_what_came_before(tmp_path):
    from graph.errors import InputError

    corpus = write_corpus(tmp_path / "corpus", 5)
    with OxigraphStore(tmp_path / "store") as store:
        with pytest.raises(InputError, match="missing.txt"):
            ingest([corpus, tmp_path / "missing.txt"], store, extractor=StubExtractor(), jobs=2)
        assert len([g for g in store.graphs() if "/article/" in g]) == 5
