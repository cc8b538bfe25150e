"""Our SPARQL endpoint (`actorgraph serve`) answering real clients: SPARQLWrapper, rdflib's
SPARQLStore and plain HTTP, with content negotiation, read-only protection and the HTML pages."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, XML, SPARQLWrapper

from graph.pipeline import ingest
from graph.serve import make_server
from graph.store.oxigraph import OxigraphStore
from helpers_store import StubExtractor, write_corpus

ROOT = Path(__file__).resolve().parent.parent
AG = "https://actorgraph.org/ontology#"
COUNT_ARTICLES = f"SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{ ?a a <{AG}Article> }}"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("serve")
    with OxigraphStore(folder / "store") as opened:
        ingest([write_corpus(folder / "corpus", 12)], opened, extractor=StubExtractor())
        yield opened


def _start(store, allow_update=False, timeout=30.0):
    server = make_server(store, "127.0.0.1", 0, allow_update=allow_update, timeout=timeout)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="module")
def endpoint(store):
    server, url = _start(store)
    yield url
    server.shutdown()
    server.server_close()


def _get(url: str, accept: str | None = None, data: bytes | None = None, content_type: str | None = None):
    headers = {k: v for k, v in (("Accept", accept), ("Content-Type", content_type)) if v}
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data, headers=headers), timeout=20) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get_content_type(), error.read()


def test_sparqlwrapper_json_and_xml(endpoint):
    client = SPARQLWrapper(endpoint + "/sparql")
    client.setQuery(COUNT_ARTICLES)
    client.setReturnFormat(JSON)
    bindings = client.query().convert()["results"]["bindings"]
    assert bindings[0]["n"]["value"] == "12"
    client.setReturnFormat(XML)
    document = client.query().convert()
    assert document.getElementsByTagName("literal")[0].firstChild.data == "12"
    client.setMethod("POST")
    client.setReturnFormat(JSON)
    client.setQuery(f"ASK {{ ?a a <{AG}Article> }}")
    assert client.query().convert()["boolean"] is True


def test_rdflib_sparqlstore_select_and_construct(endpoint):
    graph = Graph(store=SPARQLStore(endpoint + "/sparql"))
    rows = list(graph.query(f"SELECT ?a ?title WHERE {{ ?a a <{AG}Article> ; <http://purl.org/dc/terms/title> ?title }}"
                            " ORDER BY ?a"))
    assert len(rows) == 12 and rows[0][1] == Literal("Report 0")
    built = graph.query(f"CONSTRUCT {{ ?a <{AG}hasTitle> ?t }} WHERE {{ ?a <http://purl.org/dc/terms/title> ?t }}")
    assert len(built.graph) == 12


@pytest.mark.parametrize("accept", ["text/csv", "text/tab-separated-values", "application/sparql-results+json",
                                    "application/sparql-results+xml"])
def test_content_negotiation_for_select(endpoint, accept):
    query = urllib.parse.urlencode({"query": f"SELECT ?a WHERE {{ ?a a <{AG}Article> }} ORDER BY ?a LIMIT 2"})
    status, media, body = _get(f"{endpoint}/sparql?{query}", accept)
    assert (status, media) == (200, accept)
    text = body.decode()
    if accept == "text/csv":
        assert list(csv.reader(io.StringIO(text)))[0] == ["a"] and "https://actorgraph.org/article/a0000" in text
    elif accept == "text/tab-separated-values":
        assert text.splitlines()[:2] == ["?a", "<https://actorgraph.org/article/a0000>"]
    elif accept.endswith("json"):
        assert json.loads(text)["head"]["vars"] == ["a"]
    else:
        assert "<uri>https://actorgraph.org/article/a0000</uri>" in text


def test_construct_as_turtle_or_ntriples_and_406(endpoint):
    query = f"CONSTRUCT {{ ?a <{AG}t> ?t }} WHERE {{ ?a <http://purl.org/dc/terms/title> ?t }}"
    for accept, fmt in (("text/turtle", "turtle"), ("application/n-triples", "nt")):
        status, media, body = _get(endpoint + "/sparql", accept, query.encode(), "application/sparql-query")
        assert (status, media) == (200, accept)
        assert len(Graph().parse(data=body, format=fmt)) == 12
    status, _, body = _get(endpoint + "/sparql", "text/csv", query.encode(), "application/sparql-query")
    assert status == 406 and b"text/turtle" in body


def test_form_post_bad_query_and_unknown_page(endpoint):
    form = urllib.parse.urlencode({"query": COUNT_ARTICLES}).encode()
    status, _, body = _get(endpoint + "/sparql", "application/sparql-results+json", form,
                           "application/x-www-form-urlencoded")
    assert status == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"] == "12"
    status, _, body = _get(endpoint + "/sparql", None, b"SELEKT", "application/sparql-query")
    assert status == 400 and b"syntax" in body
    assert _get(endpoint + "/nowhere")[0] == 404
    status, media, body = _get(endpoint + "/")
    assert status == 200 and media == "text/html" and b"/sparql" in body


def test_read_only_unless_started_with_allow_update(endpoint, store):
    before = sorted(store.graphs())
    drop = b"DROP ALL"
    status, _, body = _get(endpoint + "/sparql", None, drop, "application/sparql-update")
    assert status == 403 and b"--allow-update" in body
    form = urllib.parse.urlencode({"update": "DROP ALL"}).encode()
    assert _get(endpoint + "/sparql", None, form, "application/x-www-form-urlencoded")[0] == 403
    assert sorted(store.graphs()) == before and len(before) > 12  # the articles and the ontology, untouched

    server, url = _start(store, allow_update=True)
    try:
        insert = b"INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/a> <http://example.org/p> 1 } }"
        assert _get(url + "/sparql", None, insert, "application/sparql-update")[0] == 204
        assert URIRef("http://example.org/g") in store.graphs()
        form = urllib.parse.urlencode({"update": "DROP GRAPH <http://example.org/g>"}).encode()
        assert _get(url + "/sparql", None, form, "application/x-www-form-urlencoded")[0] == 204
        assert URIRef("http://example.org/g") not in store.graphs()
    finally:
        server.shutdown()
        server.server_close()


def test_a_slow_query_is_stopped(tmp_path):
    # 300 triples cubed: a few seconds of work, so the abandoned query soon ends in the background too
    small = OxigraphStore(tmp_path / "small")
    small.put_graph(URIRef("http://example.org/g"),
                    [(URIRef(f"http://example.org/s{i}"), URIRef("http://example.org/p"), Literal(i)) for i in range(300)])
    server, url = _start(small, timeout=0.2)
    try:
        slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
        status, _, body = _get(url + "/sparql", None, slow.encode(), "application/sparql-query")
        assert status == 503 and b"timeout" in body
    finally:
        server.shutdown()
        server.server_close()
        small.close()


@pytest.mark.parametrize("page", ["/view", "/report"])
def test_view_and_report_pages(endpoint, page):
    status, media, body = _get(endpoint + page)
    assert (status, media) == (200, "text/html"), body[:300]
    assert b"<html" in body.lower() and b"group1" in body.lower()


def test_the_serve_command_runs_the_endpoint(store, tmp_path):
    """`actorgraph serve` in its own process, on a copy of the store, stopped at the end."""
    from helpers_store import free_port

    folder = tmp_path / "store"
    with OxigraphStore(folder) as copy:
        copy.put_graph(URIRef("http://example.org/g"), [(URIRef("http://example.org/a"), URIRef(AG + "p"), Literal(1))])
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "graph", "serve", "--port", str(port), "--store", str(folder)],
                               cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        banner = process.stderr.readline()
        assert f"http://127.0.0.1:{port}/sparql" in banner and "read-only" in banner
        client = SPARQLWrapper(f"http://127.0.0.1:{port}/sparql")
        client.setQuery(f"SELECT ?a WHERE {{ ?a <{AG}p> 1 }}")
        client.setReturnFormat(JSON)
        assert client.query().convert()["results"]["bindings"] == [{"a": {"type": "uri", "value": "http://example.org/a"}}]
    finally:
        process.terminate()
        process.wait(10)
