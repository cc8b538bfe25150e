"""``actorgraph serve``: the store as a SPARQL 1.1 Protocol endpoint, with the network view and report.

Routes: ``/sparql`` (GET ``?query=``; POST ``application/sparql-query`` or a form with ``query=``;
with ``allow_update`` also POST ``application/sparql-update`` or a form with ``update=``), ``/``
an index page, ``/view`` the network view and ``/report`` the HTML report, both made on request.
Results are negotiated from the ``Accept`` header: SPARQL JSON, XML, CSV and TSV for SELECT and
ASK; Turtle, N-Triples, RDF/XML and JSON-LD for CONSTRUCT and DESCRIBE.

The standard library's ``ThreadingHTTPServer`` keeps it dependency-free; every request runs in
its own thread, and request bodies and query times are bounded.
"""
from __future__ import annotations

import html
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape as xml_escape

from rdflib import BNode, URIRef

from graph.errors import ActorgraphError, QueryError, StoreError
from graph.query import results_csv, results_json
from graph.store import Store, open_store
from graph.store.base import QueryResult

MAX_BODY_BYTES = 10 * 1024 * 1024
DEFAULT_QUERY_TIMEOUT = 60.0

TABLE_TYPES = ["application/sparql-results+json", "application/sparql-results+xml", "text/csv",
               "text/tab-separated-values", "application/json"]
BOOLEAN_TYPES = ["application/sparql-results+json", "application/sparql-results+xml", "application/json"]
GRAPH_TYPES = {"text/turtle": "turtle", "application/n-triples": "nt", "application/rdf+xml": "xml",
               "application/ld+json": "json-ld", "text/plain": "nt"}


# --------------------------------------------------------------------------- serving

def serve(store_location: str, *, host: str = "127.0.0.1", port: int = 8000, allow_update: bool = False,
          query_url: str | None = None, update_url: str | None = None,
          timeout: float = DEFAULT_QUERY_TIMEOUT) -> None:
    """Open the store and serve it until interrupted (Ctrl-C)."""
    with open_store(store_location, read_only=not allow_update, query_url=query_url, update_url=update_url) as store:
        server = make_server(store, host, port, allow_update=allow_update, timeout=timeout)
        where = f"http://{host}:{server.server_address[1]}"
        print(f"actorgraph: SPARQL endpoint {where}/sparql ({'read-write' if allow_update else 'read-only'}); "
              f"network view {where}/view, report {where}/report. Ctrl-C stops.", file=sys.stderr, flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()


def make_server(store: Store, host: str = "127.0.0.1", port: int = 0, *, allow_update: bool = False,
                timeout: float = DEFAULT_QUERY_TIMEOUT) -> ThreadingHTTPServer:
    """A server bound to ``host:port`` (0: any free port); call ``serve_forever`` to run it."""
    server = ThreadingHTTPServer((host, port), SparqlHandler)
    server.daemon_threads = True
    server.store = store
    server.allow_update = allow_update
    server.query_timeout = timeout
    server.update_lock = threading.Lock()  # one update at a time
    return server


class SparqlHandler(BaseHTTPRequestHandler):
    """One request: route it, run the query, negotiate the answer's media type."""

    server_version = "actorgraph"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        pass  # quiet: a SPARQL client may send many requests

    # ------------------------------------------------------------------ routing

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        params = parse_qs(url.query, keep_blank_values=True)
        if url.path == "/sparql":
            if "query" in params:
                self._answer_query(params["query"][0])
            elif "update" in params:
                self._send_text(405, "SPARQL Update must be sent with POST")
            else:
                self._send_html(200, _index_page(self.server.allow_update))
        elif url.path in ("/", "/index.html"):
            self._send_html(200, _index_page(self.server.allow_update))
        elif url.path == "/view":
            self._send_generated(_network_view)
        elif url.path == "/report":
            self._send_generated(_report_page)
        else:
            self._send_text(404, f"no such page: {url.path} (try /sparql, /view or /report)")

    def do_HEAD(self) -> None:
        self._send_text(200 if urlsplit(self.path).path in ("/", "/sparql", "/view", "/report") else 404, "")

    def do_OPTIONS(self) -> None:
        self.send_response(204)
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self._finish_headers(0)

    def do_POST(self) -> None:
        if urlsplit(self.path).path != "/sparql":
            self._send_text(404, "POST to /sparql")
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY_BYTES:
            self._send_text(413, f"request body over {MAX_BODY_BYTES // 1024 // 1024} MB")
            self.close_connection = True
            return
        body = self.rfile.read(length).decode("utf-8", "replace")
        media = self.headers.get_content_type()
        if media == "application/sparql-query":
            self._answer_query(body)
        elif media == "application/sparql-update":
            self._answer_update(body)
        elif media == "application/x-www-form-urlencoded":
            form = parse_qs(body, keep_blank_values=True)
            if "query" in form:
                self._answer_query(form["query"][0])
            elif "update" in form:
                self._answer_update(form["update"][0])
            else:
                self._send_text(400, "the form has neither a query nor an update field")
        else:
            self._send_text(415, f"unsupported content type {media!r} (use application/sparql-query, "
                                 f"application/sparql-update or a form)")

    # ------------------------------------------------------------------ SPARQL

    def _answer_query(self, text: str) -> None:
        try:
            result = self.server.store.query(text, timeout=self.server.query_timeout)
        except QueryError as error:
            self._send_text(503 if "timeout" in str(error) else 400, str(error))
            return
        except ActorgraphError as error:
            self._send_text(500, str(error))
            return
        offered = GRAPH_TYPES if result.kind == "graph" else BOOLEAN_TYPES if result.kind == "ask" else TABLE_TYPES
        accept = self.headers.get("Accept", "")
        media = negotiate(accept, list(offered))
        if media is None and "text/html" in accept:  # a browser submitting the index page's form
            media = next(iter(offered))
        if media is None:
            self._send_text(406, f"cannot answer this query as {self.headers.get('Accept')} "
                                 f"(available: {', '.join(offered)})")
            return
        self._send(200, media, serialize_result(result, media))

    def _answer_update(self, text: str) -> None:
        if not self.server.allow_update:
            self._send_text(403, "this endpoint is read-only (start it with --allow-update to accept updates)")
            return
        try:
            with self.server.update_lock:
                self.server.store.update(text)
        except QueryError as error:
            self._send_text(400, str(error))
            return
        except StoreError as error:
            self._send_text(500, str(error))
            return
        self._send_text(204, "")

    # ------------------------------------------------------------------ pages

    def _send_generated(self, make_page) -> None:
        try:
            page = make_page(self.server.store)
        except ImportError as error:
            self._send_text(503, f"not available in this installation yet ({error})")
            return
        except ActorgraphError as error:
            self._send_text(500, str(error))
            return
        self._send(200, "text/html; charset=utf-8", page.encode("utf-8"))

    # ------------------------------------------------------------------ sending

    def _send_text(self, status: int, text: str) -> None:
        self._send(status, "text/plain; charset=utf-8", (text + "\n").encode("utf-8") if text else b"")

    def _send_html(self, status: int, page: str) -> None:
        self._send(status, "text/html; charset=utf-8", page.encode("utf-8"))

    def _send(self, status: int, media: str, body: bytes) -> None:
        self.send_response(status)
        if status != 204:
            if "charset" not in media and (media.startswith("text/") or "json" in media or "xml" in media):
                media += "; charset=utf-8"
            self.send_header("Content-Type", media)
        self._finish_headers(0 if status == 204 else len(body))
        if status != 204 and self.command != "HEAD":
            self.wfile.write(body)

    def _finish_headers(self, length: int) -> None:
        self.send_header("Content-Length", str(length))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Vary", "Accept")
        self.end_headers()


# --------------------------------------------------------------------------- content negotiation

def negotiate(accept: str, offered: list[str]) -> str | None:
    """The offered media type the ``Accept`` header likes best (the first offered one for ``*/*``).

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", ["application/sparql-results+json",
    ...           "application/sparql-results+xml", "text/csv"])
    'application/sparql-results+xml'
    >>> negotiate("", ["text/turtle"])
    'text/turtle'
    >>> negotiate("image/png", ["text/turtle"]) is None
    True
    """
    wanted: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept.split(",")):
        media, *options = [p.strip() for p in part.split(";")]
        quality = 1.0
        for option in options:
            if option.startswith("q="):
                try:
                    quality = float(option[2:])
                except ValueError:
                    quality = 0.0
        if media:
            wanted.append((quality, -position, media.lower()))
    if not wanted:
        return offered[0]
    best: tuple[float, int, int, str] | None = None
    for quality, position, media in wanted:
        if quality <= 0:
            continue
        for rank, candidate in enumerate(offered):
            if media == candidate or media == "*/*" or (media.endswith("/*") and candidate.startswith(media[:-1])):
                specificity = 0 if "*" in media else 1
                key = (quality, specificity, position, -rank)
                if best is None or key > best[:4]:
                    best = (*key, candidate)
    return best[4] if best else None


# --------------------------------------------------------------------------- result serialisation

def serialize_result(result: QueryResult, media: str) -> bytes:
    """A query result in the SPARQL results (or RDF) format of ``media``."""
    if result.kind == "graph":
        return result.graph.serialize(format=GRAPH_TYPES[media], encoding="utf-8")
    if media in ("application/sparql-results+json", "application/json"):
        return results_json(result).encode("utf-8")
    if media == "application/sparql-results+xml":
        return results_xml(result).encode("utf-8")
    if media == "text/csv":
        return results_csv(result).encode("utf-8")
    return results_tsv(result).encode("utf-8")


def results_xml(result: QueryResult) -> str:
    """SPARQL Query Results XML."""
    out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
    if result.kind == "ask":
        out.append(f"</head>\n<boolean>{'true' if result.boolean else 'false'}</boolean>\n</sparql>\n")
        return "".join(out)
    out.extend(f'<variable name="{name}"/>' for name in result.vars)
    out.append("</head>\n<results>\n")
    for row in result.rows:
        out.append("<result>")
        for name, term in zip(result.vars, row):
            if term is not None:
                out.append(f'<binding name="{name}">{_xml_term(term)}</binding>')
        out.append("</result>\n")
    out.append("</results>\n</sparql>\n")
    return "".join(out)


def _xml_term(term) -> str:
    if isinstance(term, URIRef):
        return f"<uri>{xml_escape(str(term))}</uri>"
    if isinstance(term, BNode):
        return f"<bnode>{xml_escape(str(term))}</bnode>"
    if term.language:
        return f'<literal xml:lang="{xml_escape(term.language)}">{xml_escape(str(term))}</literal>'
    if term.datatype:
        return f'<literal datatype="{xml_escape(str(term.datatype))}">{xml_escape(str(term))}</literal>'
    return f"<literal>{xml_escape(str(term))}</literal>"


def results_tsv(result: QueryResult) -> str:
    """SPARQL 1.1 TSV results: terms in Turtle syntax."""
    from graph.store.sparql import term_text

    lines = ["\t".join(f"?{name}" for name in result.vars)]
    for row in result.rows:
        lines.append("\t".join("" if t is None else _tsv_term(t, term_text) for t in row))
    return "\n".join(lines) + "\n"


def _tsv_term(term, term_text) -> str:
    try:
        return term_text(term)
    except ActorgraphError:  # an IRI that is not valid SPARQL syntax: still show it
        return f"<{term}>"


# --------------------------------------------------------------------------- pages

def _network_view(store: Store) -> str:
    from graph.analysis import load_network
    from graph.render import render_html
    from graph.report import build_report

    network = load_network(store)
    with tempfile.TemporaryDirectory(prefix="actorgraph-view-") as folder:
        path = render_html(network, Path(folder) / "view.html", report=build_report(network))
        return Path(path).read_text(encoding="utf-8")


def _report_page(store: Store) -> str:
    from graph.analysis import load_network
    from graph.report import build_report, render_report

    return render_report(build_report(load_network(store)), "html")


def _index_page(allow_update: bool) -> str:
    mode = "read-write: SPARQL Update accepted" if allow_update else "read-only"
    example = html.escape("SELECT ?actor ?label WHERE { ?actor a ?type ; "
                          "<http://www.w3.org/2000/01/rdf-schema#label> ?label } LIMIT 20")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>actorgraph SPARQL endpoint</title></head>
<body style="font-family: sans-serif; max-width: 50em; margin: 2em auto">
<h1>actorgraph</h1>
<p>SPARQL 1.1 endpoint at <code>/sparql</code> ({mode}). Queries see the union of all graphs.</p>
<ul><li><a href="/view">network view</a></li><li><a href="/report">centrality report</a></li></ul>
<form action="/sparql" method="post">
<textarea name="query" rows="8" cols="80">{example}</textarea><br>
<button type="submit">Run query</button>
</form>
</body></html>
"""
