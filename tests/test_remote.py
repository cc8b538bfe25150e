"""The remote store against a real Oxigraph server on loopback: the same checks as the embedded store
(ingest, query with bound values, export), and the CLI pointed at the server by URL."""
from __future__ import annotations

import io
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Literal, URIRef

from graph.cli import cli
from graph.errors import QueryError, StoreError
from graph.pipeline import ingest
from graph.rdf import article_iri
from graph.store import open_store
from graph.store.oxigraph import OxigraphStore
from graph.store.sparql import SparqlStore, _auth_header
from helpers_store import StubExtractor, free_port, write_corpus

OXIGRAPH = Path(sys.executable).parent / "oxigraph"
pytestmark = pytest.mark.skipif(not OXIGRAPH.exists(), reason="the oxigraph server (PyPI 'oxigraph') is not installed")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A fresh Oxigraph server on a free loopback port; its base URL."""
    port = free_port()
    process = subprocess.Popen([str(OXIGRAPH), "serve", "--location", str(tmp_path_factory.mktemp("oxigraph")),
                                "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=1).read()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"oxigraph server did not start: {process.stderr.read().decode()[:500]}")
            time.sleep(0.1)
    yield url
    process.terminate()
    process.wait(10)


@pytest.fixture
def remote(server):
    store = SparqlStore(server)
    store.update("DROP SILENT ALL")
    return store


def _sizes(store) -> dict[str, int]:
    rows = store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g").rows
    return {str(g): n.toPython() for g, n in rows}


def _quads(data: bytes, fmt: str) -> set:
    dataset = Dataset()
    dataset.parse(data=data, format=fmt)
    return {(s, p, o, g) for s, p, o, g in dataset.quads() if g != dataset.default_graph.identifier}


def test_ingest_query_and_export_match_the_embedded_store(remote, tmp_path):
    corpus = write_corpus(tmp_path / "corpus", 25)
    with OxigraphStore(tmp_path / "local") as local:
        ingest([corpus], local, extractor=StubExtractor())
        summary = ingest([corpus], remote, extractor=StubExtractor(), chunk_size=4)
        assert summary.articles == 25 and summary.claims == 150
        assert _sizes(remote) == _sizes(local)
        assert ingest([corpus], remote, extractor=StubExtractor()).unchanged == 25

        claims = "SELECT ?c WHERE { ?c a <https://actorgraph.org/ontology#Claim> ; ?p ?o }"
        bound = {"o": URIRef("https://actorgraph.org/actor/group3")}
        assert sorted(remote.query(claims, bound).rows) == sorted(local.query(claims, bound).rows)

        for fmt in ("nquads", "trig"):
            here, there = io.BytesIO(), io.BytesIO()
            local.dump(here, fmt)
            remote.dump(there, fmt)
            assert _quads(there.getvalue(), fmt) == _quads(here.getvalue(), fmt)
        chosen = io.BytesIO()
        remote.dump(chosen, "nquads", graphs=[article_iri("a0003")])
        assert {q[3] for q in _quads(chosen.getvalue(), "nquads")} == {article_iri("a0003")}
        union = io.BytesIO()
        remote.dump(union, "turtle")
        assert len(union.getvalue()) > 1000


def test_a_changed_article_replaces_its_graph(remote):
    g = URIRef("https://actorgraph.org/article/x")
    a, p = URIRef("http://example.org/a"), URIRef("http://example.org/p")
    remote.put_graph(g, [(a, p, Literal("old")), (a, p, Literal("two"))])
    remote.put_graph(g, [(a, p, Literal("new"))])
    assert remote.query("SELECT ?o WHERE { ?s ?p ?o }").rows == [(Literal("new"),)]
    remote.drop_graph(g)
    assert remote.graphs() == []


def test_bound_values_are_escaped_never_pasted(remote):
    g, a, p = URIRef("http://example.org/g"), URIRef("http://example.org/a"), URIRef("http://example.org/p")
    tricky = 'x" } } ; DROP ALL ; # \n \\ é'
    remote.put_graph(g, [(a, p, Literal(tricky)), (a, p, Literal("plain"))])
    assert remote.query("SELECT ?s WHERE { ?s ?p ?o }", {"o": Literal(tricky)}).rows == [(a,)]
    assert remote.query("SELECT ?o WHERE { ?s ?p ?o FILTER(?o = ?want) }", {"want": Literal("plain")}).rows == \
        [(Literal("plain"),)]
    with pytest.raises(QueryError, match="not a valid IRI"):
        remote.query("SELECT ?s WHERE { ?s ?p ?o }", {"s": URIRef("http://e/> } DROP ALL #")})
    assert len(remote.query("SELECT * WHERE { ?s ?p ?o }").rows) == 2
    assert remote.query("ASK { ?s ?p 'plain' }").boolean is True


def test_errors_are_one_line_store_or_query_errors(remote, server):
    with pytest.raises(QueryError, match="rejected"):
        remote.query("SELEKT")
    with pytest.raises(StoreError, match="read-only"):
        SparqlStore(server, read_only=True).update("DROP ALL")
    with pytest.raises(StoreError, match="cannot reach"):
        SparqlStore(f"http://127.0.0.1:{free_port()}").graphs()


def test_credentials_come_from_the_environment(monkeypatch):
    monkeypatch.delenv("ACTORGRAPH_TOKEN", raising=False)
    monkeypatch.delenv("ACTORGRAPH_USER", raising=False)
    assert _auth_header() is None
    monkeypatch.setenv("ACTORGRAPH_USER", "ana")
    monkeypatch.setenv("ACTORGRAPH_PASSWORD", "s3cret")
    assert _auth_header() == "Basic YW5hOnMzY3JldA=="
    monkeypatch.setenv("ACTORGRAPH_TOKEN", "tok")
    assert _auth_header() == "Bearer tok"


def test_explicit_endpoints_for_other_servers():
    store = open_store("http://fuseki:3030/ds", query_url="http://fuseki:3030/ds/sparql",
                       update_url="http://fuseki:3030/ds/update")
    assert (store.query_url, store.update_url, store.store_url) == \
        ("http://fuseki:3030/ds/sparql", "http://fuseki:3030/ds/update", None)


def test_the_cli_works_against_the_server(remote, server, tmp_path):
    corpus = write_corpus(tmp_path / "corpus", 6)
    ingest([corpus], remote, extractor=StubExtractor())
    runner = CliRunner()
    listed = runner.invoke(cli, ["query", "SELECT ?g WHERE { GRAPH ?g { ?g a ag:Article } } ORDER BY ?g",
                                 "--store", server, "--format", "csv"])
    assert listed.exit_code == 0, listed.output
    assert "a0000" in listed.output and "a0005" in listed.output
    out = tmp_path / "graph.nq"
    exported = runner.invoke(cli, ["export", "--format", "nquads", "--out", str(out)], env={"ACTORGRAPH_STORE": server})
    assert exported.exit_code == 0, exported.output
    assert {q[3] for q in _quads(out.read_bytes(), "nquads")} >= {article_iri(f"a000{i}") for i in range(6)}


def test_cli_ingest_with_the_real_extractor(remote, server, seed_article):
    from graph.errors import DataFileError

    try:
        from graph.extract import Extractor
        from graph.gazetteer import load_gazetteer

        Extractor(load_gazetteer())
    except (ImportError, DataFileError) as error:
        pytest.skip(f"the extractor is not ready: {error}")
    result = CliRunner().invoke(cli, ["ingest", str(seed_article), "--store", server])
    assert result.exit_code == 0, result.output
    assert "1 articles ingested" in result.output
    claims = remote.query("SELECT (COUNT(?c) AS ?n) WHERE { ?c a <https://actorgraph.org/ontology#Claim> }").rows
    assert claims[0][0].toPython() > 0


def test_credentials_are_sent_to_the_server(monkeypatch):
    """A stand-in server that answers only with the right basic credentials."""
    import json
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    seen = []

    class Guarded(BaseHTTPRequestHandler):
        def do_POST(self):
            seen.append(self.headers.get("Authorization"))
            self.rfile.read(int(self.headers["Content-Length"]))  # the form with the query
            ok = self.headers.get("Authorization") == "Basic YW5hOnMzY3JldA=="
            body = json.dumps({"head": {}, "boolean": True}).encode() if ok else b"no"
            self.send_response(200 if ok else 401)
            self.send_header("Content-Type", "application/sparql-results+json" if ok else "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Guarded)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/sparql"
    try:
        monkeypatch.delenv("ACTORGRAPH_TOKEN", raising=False)
        monkeypatch.delenv("ACTORGRAPH_USER", raising=False)
        with pytest.raises(StoreError, match="not authorised"):
            SparqlStore("http://x", query_url=url, update_url=url).query("ASK {}")
        monkeypatch.setenv("ACTORGRAPH_USER", "ana")
        monkeypatch.setenv("ACTORGRAPH_PASSWORD", "s3cret")
        assert SparqlStore("http://x", query_url=url, update_url=url).query("ASK {}").boolean is True
        assert seen == [None, "Basic YW5hOnMzY3JldA=="]
    finally:
        server.shutdown()
        server.server_close()
