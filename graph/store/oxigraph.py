"""The embedded store: an Oxigraph database in a folder (the only module that imports pyoxigraph).

Oxigraph parses, stores and answers SPARQL natively; rdflib terms are converted at the edge so
the rest of actorgraph keeps rdflib's API. Writers take an exclusive lock file, so a second
writer fails at once with the PID of the first; readers open the database read-only.
"""
from __future__ import annotations

import fcntl
import os
import threading
from pathlib import Path
from typing import BinaryIO, Iterable, Mapping

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from graph.errors import QueryError, StoreError, StoreLockedError
from graph.store.base import QueryResult, Store

_FORMATS = {
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "jsonld": ox.RdfFormat.JSON_LD,
}
LOCK_NAME = "actorgraph.lock"


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
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"not an Oxigraph term: {term!r}")


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
        path = Path(location)
        try:
            if read_only:
                if not (path / "CURRENT").exists():
                    raise StoreError(f"{path}: no store here yet (run `actorgraph ingest` or `build` first)")
                self._store = ox.Store.read_only(str(path))
            else:
                path.mkdir(parents=True, exist_ok=True)
                self._take_lock(path)
                self._store = ox.Store(str(path))
        except OSError as error:
            self._release_lock()
            raise StoreError(f"{path}: cannot open store ({_first_line(error)})") from None

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
        name = ox.NamedNode(str(graph))
        quads = [ox.Quad(to_ox(s), to_ox(p), to_ox(o), name) for s, p, o in triples]
        store = self._writable()
        try:
            if store.contains_named_graph(name):
                # Re-ingest of a changed article: drop and insert in ONE update, so one transaction,
                # and a crash never leaves a mix of the old and the new graph.
                body = ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES) or b""
                store.update(f"DROP SILENT GRAPH <{graph}> ; INSERT DATA {{ GRAPH <{graph}> {{ {body.decode()} }} }}")
            else:
                store.extend(quads)
        except OSError as error:
            raise StoreError(f"{self.location}: write failed ({_first_line(error)})") from None

    def drop_graph(self, graph: URIRef) -> None:
        self._writable().update(f"DROP SILENT GRAPH <{graph}>")

    def graphs(self) -> list[URIRef]:
        return [URIRef(g.value) for g in self._store.named_graphs() if isinstance(g, ox.NamedNode)]

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

    # ------------------------------------------------------------------ reads

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None,
              timeout: float | None = None) -> QueryResult:
        substitutions = {ox.Variable(k): to_ox(v) for k, v in (bindings or {}).items()}
        if timeout is None:
            return self._run_query(sparql, substitutions)
        outcome: dict = {}

        def work() -> None:
            try:
                outcome["result"] = self._run_query(sparql, substitutions)
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

    def _run_query(self, sparql: str, substitutions: dict) -> QueryResult:
        try:
            result = self._store.query(sparql, use_default_graph_as_union=True, substitutions=substitutions)
            if isinstance(result, ox.QueryBoolean):
                return QueryResult("ask", boolean=bool(result))
            if isinstance(result, ox.QuerySolutions):
                names = [v.value for v in result.variables]
                rows = [tuple(from_ox(solution[name]) for name in names) for solution in result]
                return QueryResult("select", vars=names, rows=rows)
            graph = Graph()
            for triple in result:
                graph.add((from_ox(triple.subject), from_ox(triple.predicate), from_ox(triple.object)))
            return QueryResult("graph", graph=graph)
        except SyntaxError as error:
            raise QueryError(f"SPARQL syntax error: {_first_line(error)}") from None
        except OSError as error:
            raise StoreError(f"{self.location}: query failed ({_first_line(error)})") from None

    def dump(self, out: BinaryIO, fmt: str, graphs: list[URIRef] | None = None) -> None:
        target = rdf_format(fmt)
        if target.supports_datasets and graphs is None:
            self._store.dump(out, format=target)
            return
        if target.supports_datasets:
            for graph in graphs:
                quads = self._store.quads_for_pattern(None, None, None, ox.NamedNode(str(graph)))
                out.write(ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"")
            return
        # Triple formats get the union of the chosen graphs, through a streaming CONSTRUCT.
        scope = "".join(f"FROM <{g}> " for g in graphs or [])
        query = f"CONSTRUCT {{ ?s ?p ?o }} {scope}WHERE {{ ?s ?p ?o }}"
        triples = self._store.query(query, use_default_graph_as_union=not graphs)
        ox.serialize(triples, out, format=target)

def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [error.__class__.__name__])[0]
