"""A remote store: any SPARQL 1.1 server reached over HTTP, with the standard library only.

For an Oxigraph server the base URL is enough: ``http://host:7878`` gives ``/query``,
``/update`` and ``/store`` (Graph Store Protocol). Other servers take explicit query and update
URLs (Fuseki: ``/ds/sparql`` and ``/ds/update``). Credentials come from the environment only:
``ACTORGRAPH_USER``/``ACTORGRAPH_PASSWORD`` (basic auth) or ``ACTORGRAPH_TOKEN`` (bearer).

Queries must see the union of all named graphs as their default graph: Oxigraph is asked for it
per request (``union-default-graph``); GraphDB, Virtuoso and QLever do it by default; Fuseki needs
``tdb2:unionDefaultGraph true`` on the dataset. Bound values are added as a ``VALUES`` block at
the top of the query's WHERE group, each term escaped, never pasted in as raw text.
"""
from __future__ import annotations

import base64
import json
import os
import shutil
import socket
import urllib.error
import urllib.parse
import urllib.request
from typing import BinaryIO, Iterable, Mapping

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from graph.errors import QueryError, StoreError
from graph.settings import BASE_IRI
from graph.store.base import QUAD_FORMATS, RDF_FORMATS, QueryResult, Store, bind_values, iri_text, term_text

BATCH_BYTES = 2_000_000  # articles per update request are grouped up to about this size
DEFAULT_TIMEOUT = 300.0
FORM = "application/x-www-form-urlencoded"


def ntriples(triples: Iterable[tuple[Node, Node, Node]]) -> str:
    """Triples as N-Triples text (also the body of an ``INSERT DATA``)."""
    return "".join(f"{term_text(s)} {term_text(p)} {term_text(o)} .\n" for s, p, o in triples)


# --------------------------------------------------------------------------- results

def term_from_json(value: dict | None) -> Node | None:
    """One term of a SPARQL JSON result as an rdflib term."""
    if value is None:
        return None
    kind = value["type"]
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    if kind in ("literal", "typed-literal"):
        if "xml:lang" in value:
            return Literal(value["value"], lang=value["xml:lang"])
        datatype = value.get("datatype")
        if datatype and datatype != "http://www.w3.org/2001/XMLSchema#string":
            return Literal(value["value"], datatype=URIRef(datatype))
        return Literal(value["value"])
    raise StoreError(f"unexpected term type in SPARQL results: {kind!r}")


def result_from_json(document: dict) -> QueryResult:
    """A SPARQL 1.1 JSON result document as a ``QueryResult``."""
    if "boolean" in document:
        return QueryResult("ask", boolean=bool(document["boolean"]))
    names = document.get("head", {}).get("vars", [])
    rows = [tuple(term_from_json(binding.get(name)) for name in names)
            for binding in document.get("results", {}).get("bindings", [])]
    return QueryResult("select", vars=names, rows=rows)


# --------------------------------------------------------------------------- the store

class SparqlStore(Store):
    """A SPARQL 1.1 server as a ``Store``: queries over HTTP, writes as SPARQL Update."""

    def __init__(self, location: str, *, query_url: str | None = None, update_url: str | None = None,
                 read_only: bool = False, timeout: float = DEFAULT_TIMEOUT) -> None:
        base = location.rstrip("/")
        self.location = location
        self.read_only = read_only
        self.timeout = timeout
        # An Oxigraph server (the base URL alone) gets its own endpoints and the union-default-graph flag.
        self.oxigraph = query_url is None and update_url is None
        self.query_url = query_url or f"{base}/query"
        self.update_url = update_url or f"{base}/update"
        self.store_url = f"{base}/store" if self.oxigraph else None
        self._auth = _auth_header()
        self._opener = _opener([self.query_url, self.update_url])

    # ------------------------------------------------------------------ HTTP

    def _request(self, url: str, *, data: bytes | None = None, content_type: str | None = None,
                 accept: str | None = None, method: str | None = None, timeout: float | None = None):
        headers = {"User-Agent": "actorgraph"}
        if content_type:
            headers["Content-Type"] = content_type
        if accept:
            headers["Accept"] = accept
        if self._auth:
            headers["Authorization"] = self._auth
        request = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            return self._opener.open(request, timeout=timeout or self.timeout)
        except urllib.error.HTTPError as error:
            detail = _first_line(error.read().decode("utf-8", "replace")) or error.reason
            if error.code == 400:
                raise QueryError(f"{url}: the server rejected the request: {detail}") from None
            if error.code in (401, 403):
                raise StoreError(f"{url}: not authorised (HTTP {error.code}); set ACTORGRAPH_USER/"
                                 f"ACTORGRAPH_PASSWORD or ACTORGRAPH_TOKEN") from None
            raise StoreError(f"{url}: HTTP {error.code}: {detail}") from None
        except (socket.timeout, TimeoutError):
            raise QueryError(f"{url}: no answer within the {timeout or self.timeout:g} s timeout") from None
        except urllib.error.URLError as error:
            if isinstance(error.reason, (socket.timeout, TimeoutError)):
                raise QueryError(f"{url}: no answer within the {timeout or self.timeout:g} s timeout") from None
            raise StoreError(f"{url}: cannot reach the SPARQL server ({error.reason})") from None

    def _post_query(self, sparql: str, accept: str, timeout: float | None = None):
        # URL-encoded POST: the one form every SPARQL 1.1 server must accept (Virtuoso included).
        url = self.query_url + ("?union-default-graph" if self.oxigraph else "")
        return self._request(url, data=urllib.parse.urlencode({"query": sparql}).encode("ascii"),
                             content_type=FORM, accept=accept, timeout=timeout)

    # ------------------------------------------------------------------ reads

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None,
              timeout: float | None = None) -> QueryResult:
        text = bind_values(sparql, bindings or {})
        accept = "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8"
        with self._post_query(text, accept, timeout) as response:
            media = response.headers.get_content_type()
            body = _read_all(response, self.query_url, timeout or self.timeout)
        if media in ("application/sparql-results+json", "application/json"):
            try:
                return result_from_json(json.loads(body))
            except (ValueError, KeyError) as error:
                raise StoreError(f"{self.query_url}: malformed SPARQL JSON results ({error})") from None
        formats = {"application/n-triples": "nt", "text/plain": "nt", "text/turtle": "turtle",
                   "application/rdf+xml": "xml", "application/ld+json": "json-ld"}
        if media not in formats:
            raise StoreError(f"{self.query_url}: unexpected result media type {media!r}")
        return QueryResult("graph", graph=Graph().parse(data=body, format=formats[media]))

    def graphs(self) -> list[URIRef]:
        """actorgraph's named graphs (a shared server may hold other datasets, Virtuoso its system graphs)."""
        result = self.query(f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ }} FILTER(STRSTARTS(STR(?g), "{BASE_IRI}")) }}')
        return [g for (g,) in result.rows if isinstance(g, URIRef)]

    def dump(self, out: BinaryIO, fmt: str, graphs: list[URIRef] | None = None) -> None:
        """Stream the store to ``out``: the whole dataset through the Graph Store Protocol when the
        server has it, otherwise graph by graph as N-Triples wrapped into quads or TriG blocks."""
        if fmt not in RDF_FORMATS:
            raise StoreError(f"unknown RDF format {fmt!r} (expected one of {', '.join(RDF_FORMATS)})")
        if fmt in QUAD_FORMATS and graphs is None and self.store_url:
            with self._request(self.store_url, accept=RDF_FORMATS[fmt]) as response:
                shutil.copyfileobj(response, out)
            return
        if fmt in QUAD_FORMATS:
            for graph in graphs if graphs is not None else self.graphs():
                query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {iri_text(str(graph))} {{ ?s ?p ?o }} }}"
                with self._post_query(query, "application/n-triples") as response:
                    _write_graph(response, out, graph, fmt)
            return
        scope = "".join(f"FROM {iri_text(str(g))} " for g in graphs or [])
        query = f"CONSTRUCT {{ ?s ?p ?o }} {scope}WHERE {{ ?s ?p ?o }}"
        with self._post_query(query, RDF_FORMATS[fmt]) as response:
            if response.headers.get_content_type() == RDF_FORMATS[fmt]:
                shutil.copyfileobj(response, out)
            else:  # the server chose another syntax: convert
                graph = Graph().parse(data=response.read(), format=_rdflib_format(response.headers.get_content_type()))
                out.write(graph.serialize(format=_rdflib_format(RDF_FORMATS[fmt]), encoding="utf-8"))

    # ------------------------------------------------------------------ writes

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.location}: store was opened read-only")

    def update(self, sparql: str) -> None:
        self._writable()
        with self._request(self.update_url, data=urllib.parse.urlencode({"update": sparql}).encode("ascii"),
                           content_type=FORM) as response:
            response.read()

    def put_graph(self, graph: URIRef, triples: Iterable[tuple[Node, Node, Node]]) -> None:
        self.update(_replace_graph(graph, triples))

    def put_graphs(self, graphs: Iterable[tuple[URIRef, Iterable[tuple[Node, Node, Node]]]]) -> None:
        """Several articles per request (one request is one transaction), up to ``BATCH_BYTES``."""
        batch: list[str] = []
        size = 0
        for graph, triples in graphs:
            operation = _replace_graph(graph, triples)
            if batch and size + len(operation) > BATCH_BYTES:
                self.update(" ;\n".join(batch))
                batch, size = [], 0
            batch.append(operation)
            size += len(operation)
        if batch:
            self.update(" ;\n".join(batch))

    def drop_graph(self, graph: URIRef) -> None:
        self.update(f"DROP SILENT GRAPH {iri_text(str(graph))}")

    def load(self, data: BinaryIO, fmt: str, graph: URIRef | None = None) -> None:
        self._writable()
        if fmt not in RDF_FORMATS:
            raise StoreError(f"unknown RDF format {fmt!r} (expected one of {', '.join(RDF_FORMATS)})")
        if self.store_url:  # Graph Store Protocol: the server parses, nothing is held here
            target = self.store_url + (f"?graph={urllib.parse.quote(str(graph), safe='')}" if graph else "")
            with self._request(target, data=data, content_type=RDF_FORMATS[fmt], method="POST") as response:
                response.read()
            return
        from rdflib import Dataset

        dataset = Dataset()
        dataset.parse(data, format=_rdflib_format(RDF_FORMATS[fmt]), publicID=str(graph) if graph else None)
        for context in dataset.contexts():
            name = graph if graph and fmt not in QUAD_FORMATS else context.identifier
            triples = list(context)
            for start in range(0, len(triples), 10_000):
                chunk = ntriples(triples[start:start + 10_000])
                target = f"GRAPH {iri_text(str(name))} {{ {chunk} }}" if isinstance(name, URIRef) else chunk
                self.update(f"INSERT DATA {{ {target} }}")

    def bulk_load(self, path, fmt: str, graph: URIRef | None = None) -> None:
        with open(path, "rb") as data:
            self.load(data, fmt, graph)


def _replace_graph(graph: URIRef, triples: Iterable[tuple[Node, Node, Node]]) -> str:
    name = iri_text(str(graph))
    return f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n{ntriples(triples)}}} }}"


def _write_graph(response, out: BinaryIO, graph: URIRef, fmt: str) -> None:
    """Copy an N-Triples response into ``out`` as quads of ``graph`` (nquads) or as a TriG block."""
    name = iri_text(str(graph)).encode()
    if fmt == "trig":
        out.write(name + b" {\n")
    for line in response:
        line = line.rstrip()
        if not line or line.startswith(b"#"):
            continue
        if fmt == "trig":
            out.write(line + b"\n")
        else:  # "s p o ." -> "s p o g ."
            out.write(line[:-1].rstrip() + b" " + name + b" .\n")
    if fmt == "trig":
        out.write(b"}\n")


def _rdflib_format(media_type: str) -> str:
    return {"application/n-triples": "nt", "text/plain": "nt", "text/turtle": "turtle", "application/trig": "trig",
            "application/n-quads": "nquads", "application/rdf+xml": "xml",
            "application/ld+json": "json-ld"}.get(media_type, "turtle")


def _read_all(response, url: str, timeout: float) -> bytes:
    try:
        return response.read()
    except (socket.timeout, TimeoutError):
        raise QueryError(f"{url}: no answer within the {timeout:g} s timeout") from None


def _auth_header() -> str | None:
    """The Authorization header from the environment (never from the command line)."""
    token = os.environ.get("ACTORGRAPH_TOKEN")
    if token:
        return f"Bearer {token}"
    user = os.environ.get("ACTORGRAPH_USER")
    if user:
        secret = f"{user}:{os.environ.get('ACTORGRAPH_PASSWORD', '')}".encode("utf-8")
        return "Basic " + base64.b64encode(secret).decode("ascii")
    return None


def _opener(urls: list[str]) -> urllib.request.OpenerDirector:
    """An opener that also answers a Digest challenge (Virtuoso's /sparql-auth) with the same credentials."""
    user = os.environ.get("ACTORGRAPH_USER")
    if not user or os.environ.get("ACTORGRAPH_TOKEN"):
        return urllib.request.build_opener()
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, urls, user, os.environ.get("ACTORGRAPH_PASSWORD", ""))
    return urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(passwords))


def _first_line(text: str) -> str:
    return (text.strip().splitlines() or [""])[0][:300]
