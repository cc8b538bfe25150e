"""The embedded store: an Oxigraph database in a folder (the only module that imports pyoxigraph).

Oxigraph parses, stores and answers SPARQL natively; rdflib terms are converted at the edge so
the rest of actorgraph keeps rdflib's API. Writers take an exclusive lock file, so a second
writer fails at once with the PID of the first.

Readers open the database read-only, which works beside a running writer with two caveats found
by testing pyoxigraph 0.5 (RocksDB): a reader sees the store as it was when opened, and the
writer's compactions may delete files a reader still refers to ("Corruption: … No such file").
So a read-only store reopens itself when the folder or the writer's log changed since it was
opened, and retries a query that hit a vanished file; the writer flushes every few seconds so
that reopening stays quick (a reader replays the writer's log on opening).
"""
from __future__ import annotations

import fcntl
import os
import threading
import time
from pathlib import Path
from typing import BinaryIO, Iterable, Mapping

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from graph.errors import QueryError, StoreError, StoreLockedError
from graph.store.base import QueryResult, Store, bind_values, iri_text

_FORMATS = {
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "jsonld": ox.RdfFormat.JSON_LD,
}
LOCK_NAME = "actorgraph.lock"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
FLUSH_EVERY_SECONDS = 5.0  # keeps the write-ahead log short, so read-only openers start fast
READ_RETRIES = 5


def to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as an Oxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        datatype = ox.NamedNode(str(term.datatype)) if term.datatype else None
        return ox.Literal(str(term), datatype=datatype)
    raise TypeError(f"not an RDF term: {term!r}")


def from_ox(term) -> Node | None:
    """An Oxigraph term as an rdflib term."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:  # RDF 1.1: a plain literal IS an xsd:string
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"not an Oxigraph term: {term!r}")


def _cached(convert):
    """``convert`` memoised for the life of one query result."""
    seen: dict = {}

    def lookup(term):
        try:
            return seen[term]
        except KeyError:
            seen[term] = converted = convert(term)
            return converted
    return lookup


def rdf_format(name: str) -> ox.RdfFormat:
    try:
        return _FORMATS[name]
    except KeyError:
        raise StoreError(f"unknown RDF format {name!r} (expected one of {', '.join(_FORMATS)})") from None


class OxigraphStore(Store):
    """An on-disk Oxigraph store; ``read_only`` opens without the write lock."""

    def __init__(self, location: str | os.PathLike, read_only: bool = False) -> None:
        self.location = str(location)
        self.read_only = read_only
        self._lock_handle = None
        self._reopen_lock = threading.Lock()
        self._last_flush = time.monotonic()
        path = Path(location)
        try:
            if read_only:
                if not (path / "CURRENT").exists():
                    raise StoreError(f"{path}: no store here yet (run `actorgraph ingest` or `build` first)")
                self._store = self._open_read_only()
            else:
                path.mkdir(parents=True, exist_ok=True)
                self._take_lock(path)
                self._store = ox.Store(str(path))
        except (OSError, RuntimeError) as error:
            self._release_lock()
            raise StoreError(f"{path}: cannot open store ({_first_line(error)})") from None

    def _folder_stamp(self) -> tuple:
        """Changes whenever a writer creates or deletes a database file or appends to its log."""
        with os.scandir(self.location) as entries:
            logs = tuple(sorted((e.name, e.stat().st_size) for e in entries if e.name.endswith(".log")))
        return os.stat(self.location).st_mtime_ns, logs

    def _open_read_only(self) -> ox.Store:
        for attempt in range(READ_RETRIES):
            self._stamp = self._folder_stamp()
            try:
                return ox.Store.read_only(self.location)
            except (OSError, RuntimeError):
                if attempt == READ_RETRIES - 1:
                    raise
                time.sleep(0.05 * (attempt + 1))  # a compaction removed a file while we opened: try again
        raise AssertionError("unreachable")

    def _fresh(self) -> ox.Store:
        """The open database; a read-only one is reopened first when a writer changed the folder."""
        if self.read_only and self._store is not None and self._folder_stamp() != self._stamp:
            with self._reopen_lock:
                if self._folder_stamp() != self._stamp:
                    self._store = self._open_read_only()
        return self._store

    # ------------------------------------------------------------------ locking

    def _take_lock(self, path: Path) -> None:
        handle = open(path / LOCK_NAME, "a+")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            handle.close()
            raise StoreLockedError(f"{path}: store is locked by PID {holder} (another actorgraph is writing)") from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._lock_handle = handle

    def _release_lock(self) -> None:
        if self._lock_handle is not None:
            fcntl.flock(self._lock_handle, fcntl.LOCK_UN)
            self._lock_handle.close()
            self._lock_handle = None

    def close(self) -> None:
        store = getattr(self, "_store", None)
        if store is not None and not self.read_only:
            store.flush()
        self._store = None
        self._release_lock()

    def _writable(self) -> ox.Store:
        if self.read_only:
            raise StoreError(f"{self.location}: store was opened read-only")
        return self._store

    # ------------------------------------------------------------------ writes

    def put_graph(self, graph: URIRef, triples: Iterable[tuple[Node, Node, Node]]) -> None:
        """Replace one named graph in one transaction (``extend`` and ``update`` are both atomic)."""
        name = ox.NamedNode(str(graph))
        quads = [ox.Quad(to_ox(s), to_ox(p), to_ox(o), name) for s, p, o in triples]
        store = self._writable()
        try:
            if store.contains_named_graph(name):
                # Re-ingest of a changed article: drop and insert in ONE update, so one transaction,
                # and a crash never leaves a mix of the old and the new graph.
                body = ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES) or b""
                name_text = iri_text(str(graph))
                store.update(f"DROP SILENT GRAPH {name_text} ; INSERT DATA {{ GRAPH {name_text} {{ {body.decode()} }} }}")
            else:
                store.extend(quads)
        except OSError as error:
            raise StoreError(f"{self.location}: write failed ({_first_line(error)})") from None
        self._flush_now_and_then(store)

    def _flush_now_and_then(self, store: ox.Store) -> None:
        if time.monotonic() - self._last_flush > FLUSH_EVERY_SECONDS:
            store.flush()
            self._last_flush = time.monotonic()

    def drop_graph(self, graph: URIRef) -> None:
        self._writable().update(f"DROP SILENT GRAPH {iri_text(str(graph))}")

    def graphs(self) -> list[URIRef]:
        return [URIRef(g.value) for g in self._read(lambda store: list(store.named_graphs()))
                if isinstance(g, ox.NamedNode)]

    def update(self, sparql: str) -> None:
        try:
            self._writable().update(sparql)
        except SyntaxError as error:
            raise QueryError(f"SPARQL syntax error: {_first_line(error)}") from None
        except OSError as error:
            raise StoreError(f"{self.location}: update failed ({_first_line(error)})") from None

    def load(self, data: BinaryIO, fmt: str, graph: URIRef | None = None) -> None:
        to_graph = ox.NamedNode(str(graph)) if graph else None
        try:
            self._writable().load(data, format=rdf_format(fmt), to_graph=to_graph)
        except SyntaxError as error:
            raise StoreError(f"cannot parse {fmt}: {_first_line(error)}") from None

    def bulk_load(self, path: str | os.PathLike, fmt: str, graph: URIRef | None = None) -> None:
        """Load a large RDF file fast, streaming it from disk (Oxigraph's bulk loader).

        Not one transaction: an interrupted bulk load leaves part of the file loaded, so use it
        for whole-store loads (re-run it on a fresh store), never for per-article writes.
        """
        to_graph = ox.NamedNode(str(graph)) if graph else None
        try:
            self._writable().bulk_load(path=str(path), format=rdf_format(fmt), to_graph=to_graph)
        except SyntaxError as error:
            raise StoreError(f"{path}: cannot parse {fmt}: {_first_line(error)}") from None
        except OSError as error:
            raise StoreError(f"{path}: bulk load failed ({_first_line(error)})") from None

    # ------------------------------------------------------------------ reads

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None,
              timeout: float | None = None) -> QueryResult:
        # Bound values go in as an escaped VALUES block (as on a remote store), not as Oxigraph
        # substitutions, which refuse a variable that the SELECT does not project.
        sparql = bind_values(sparql, bindings or {})
        if timeout is None:
            return self._run_query(sparql)
        outcome: dict = {}

        def work() -> None:
            try:
                outcome["result"] = self._run_query(sparql)
            except BaseException as error:  # handed to the caller's thread below
                outcome["error"] = error

        worker = threading.Thread(target=work, daemon=True)
        worker.start()
        worker.join(timeout)
        if worker.is_alive():
            raise QueryError(f"query stopped after the {timeout:g} s timeout")
        if "error" in outcome:
            raise outcome["error"]
        return outcome["result"]

    def _run_query(self, sparql: str) -> QueryResult:
        def run(store: ox.Store) -> QueryResult:
            result = store.query(sparql, use_default_graph_as_union=True)
            if isinstance(result, ox.QueryBoolean):
                return QueryResult("ask", boolean=bool(result))
            if isinstance(result, ox.QuerySolutions):
                names = [v.value for v in result.variables]
                convert = _cached(from_ox)  # rows repeat terms, and making rdflib literals is slow
                rows = [tuple(map(convert, solution)) for solution in result]
                return QueryResult("select", vars=names, rows=rows)
            graph = Graph()
            for triple in result:
                graph.add((from_ox(triple.subject), from_ox(triple.predicate), from_ox(triple.object)))
            return QueryResult("graph", graph=graph)

        try:
            return self._read(run)
        except SyntaxError as error:
            raise QueryError(f"SPARQL syntax error: {_first_line(error)}") from None

    def _read(self, work):
        """Run ``work(store)``; a read-only store retries when a writer's compaction removed a file under it."""
        for attempt in range(READ_RETRIES if self.read_only else 1):
            try:
                return work(self._fresh())
            except (OSError, RuntimeError) as error:
                if isinstance(error, RuntimeError) and not _vanished_file(error):
                    raise QueryError(f"query failed: {_first_line(error)}") from None
                if not self.read_only or attempt == READ_RETRIES - 1:
                    raise StoreError(f"{self.location}: read failed ({_first_line(error)})") from None
                time.sleep(0.05 * (attempt + 1))
                with self._reopen_lock:
                    self._store = self._open_read_only()
        raise AssertionError("unreachable")

    def dump(self, out: BinaryIO, fmt: str, graphs: list[URIRef] | None = None) -> None:
        """Stream quads or triples straight from Oxigraph to ``out``; nothing is collected in Python."""
        target = rdf_format(fmt)

        def write(store: ox.Store) -> None:
            if target.supports_datasets and graphs is None:
                store.dump(out, format=target)
            elif target.supports_datasets:
                for graph in graphs:
                    ox.serialize(store.quads_for_pattern(None, None, None, ox.NamedNode(str(graph))), out,
                                 format=target)
            else:  # triple formats get the union of the chosen graphs, through a streaming CONSTRUCT
                scope = "".join(f"FROM <{g}> " for g in graphs or [])
                query = f"CONSTRUCT {{ ?s ?p ?o }} {scope}WHERE {{ ?s ?p ?o }}"
                ox.serialize(store.query(query, use_default_graph_as_union=not graphs), out, format=target)

        self._read(write)


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [error.__class__.__name__])[0]


def _vanished_file(error: BaseException) -> bool:
    """A read-only reader's file was removed by the writer's compaction (worth a retry)."""
    text = str(error)
    return "No such file" in text or "Corruption" in text
