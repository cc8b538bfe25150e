"""The ``Store`` interface every backend implements, and the backend-neutral query result."""
from __future__ import annotations

import re
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import BinaryIO, Iterable, Mapping

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from graph.errors import QueryError

# Serialisation formats for dump/load, by our names.
RDF_FORMATS = {
    "nquads": "application/n-quads",
    "trig": "application/trig",
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "rdfxml": "application/rdf+xml",
    "jsonld": "application/ld+json",
}
QUAD_FORMATS = {"nquads", "trig"}
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_LANGUAGE = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


@dataclass
class QueryResult:
    """What a SPARQL query returned: rows of rdflib terms (SELECT), a boolean (ASK) or a graph."""

    kind: str  # "select", "ask" or "graph"
    vars: list[str] = field(default_factory=list)
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None

    def dicts(self) -> list[dict[str, Node | None]]:
        """SELECT rows as dictionaries keyed by variable name."""
        return [dict(zip(self.vars, row)) for row in self.rows]


class Store(ABC):
    """A quad store holding the ontology graph and one named graph per article."""

    location: str
    read_only: bool = False

    @abstractmethod
    def put_graph(self, graph: URIRef, triples: Iterable[tuple[Node, Node, Node]]) -> None:
        """Replace the named graph ``graph`` by ``triples`` in one transaction."""

    def put_graphs(self, graphs: Iterable[tuple[URIRef, Iterable[tuple[Node, Node, Node]]]]) -> None:
        """Replace several named graphs; each one is replaced whole or not at all (a remote store
        may send several in one request, which is then one transaction)."""
        for graph, triples in graphs:
            self.put_graph(graph, triples)

    @abstractmethod
    def drop_graph(self, graph: URIRef) -> None:
        """Remove a named graph and everything in it."""

    @abstractmethod
    def graphs(self) -> list[URIRef]:
        """The IRIs of every named graph."""

    @abstractmethod
    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None,
              timeout: float | None = None) -> QueryResult:
        """Run a SPARQL query over the union of all graphs; ``bindings`` are bound values, never pasted text."""

    @abstractmethod
    def update(self, sparql: str) -> None:
        """Run a SPARQL update."""

    @abstractmethod
    def dump(self, out: BinaryIO, fmt: str, graphs: list[URIRef] | None = None) -> None:
        """Stream the store (or some graphs) to ``out`` in one of ``RDF_FORMATS``; triple formats get the union."""

    @abstractmethod
    def load(self, data: BinaryIO, fmt: str, graph: URIRef | None = None) -> None:
        """Add RDF from ``data``; triple formats go into ``graph``."""

    def bulk_load(self, path, fmt: str, graph: URIRef | None = None) -> None:
        """Load a (large) RDF file; backends with a streaming bulk loader override this."""
        with open(path, "rb") as data:
            self.load(data, fmt, graph)

    def close(self) -> None:
        """Release the store."""

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ----------------------------------------------------------- helpers on top of the primitives

    def article_hashes(self) -> dict[str, str]:
        """Content hash of every stored article, keyed by its graph IRI (to skip unchanged articles)."""
        result = self.query(
            "SELECT ?g ?h WHERE { GRAPH ?g { ?g <https://actorgraph.org/ontology#contentHash> ?h } }"
        )
        return {str(g): str(h) for g, h in result.rows}


# --------------------------------------------------------------------------- terms as SPARQL text

def iri_text(iri: str) -> str:
    """An IRI in angle brackets, refusing characters that could end it early.

    >>> iri_text("https://actorgraph.org/actor/iran")
    '<https://actorgraph.org/actor/iran>'
    """
    if _IRI_FORBIDDEN.search(iri):
        raise QueryError(f"not a valid IRI: {iri!r}")
    return f"<{iri}>"


def term_text(term: Node) -> str:
    """An rdflib term in SPARQL / N-Triples syntax, escaped.

    >>> term_text(Literal('say "no"\\n'))
    '"say \\\\"no\\\\"\\\\n"'
    >>> term_text(Literal("Irak", lang="fr"))
    '"Irak"@fr'
    """
    if isinstance(term, URIRef):
        return iri_text(str(term))
    if isinstance(term, BNode):
        return "_:" + re.sub(r"[^A-Za-z0-9_]", "_", str(term))
    if isinstance(term, Literal):
        text = '"' + "".join(_ESCAPES.get(c, c) for c in str(term)) + '"'
        if term.language:
            if not _LANGUAGE.match(term.language):
                raise QueryError(f"not a valid language tag: {term.language!r}")
            return f"{text}@{term.language}"
        if term.datatype and str(term.datatype) != "http://www.w3.org/2001/XMLSchema#string":
            return f"{text}^^{iri_text(str(term.datatype))}"
        return text
    raise QueryError(f"not an RDF term: {term!r}")


def bind_values(sparql: str, bindings: Mapping[str, Node]) -> str:
    """``sparql`` with a ``VALUES`` block binding each variable, first thing in the WHERE group.

    >>> bind_values("SELECT ?x WHERE { ?x a ?t }", {"t": URIRef("http://e/T")})
    'SELECT ?x WHERE { VALUES (?t) { (<http://e/T>) } ?x a ?t }'
    """
    if not bindings:
        return sparql
    for name in bindings:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"not a SPARQL variable name: {name!r}")
    values = (f"VALUES ({' '.join('?' + n for n in bindings)}) "
              f"{{ ({' '.join(term_text(v) for v in bindings.values())}) }} ")
    brace = _where_brace(sparql)
    return sparql[:brace + 1] + " " + values + sparql[brace + 1:].lstrip()


def _where_brace(sparql: str) -> int:
    """Offset of the ``{`` opening the query pattern, skipping IRIs, strings and comments."""
    masked = _mask(sparql)
    match = re.search(r"\bWHERE\s*\{", masked, re.IGNORECASE)
    if match:
        return match.end() - 1
    form = re.search(r"\b(SELECT|ASK|DESCRIBE)\b", masked, re.IGNORECASE)
    brace = masked.find("{", form.end()) if form else -1
    if brace < 0:
        raise QueryError("cannot bind parameters: the query has no WHERE { … } pattern")
    return brace


def _mask(sparql: str) -> str:
    """The query with IRIs, strings and comments blanked out (same length), so braces in them are not seen."""
    pattern = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                         r'|<[^<>"{}|^`\\\s]*>|#[^\n]*')
    return pattern.sub(lambda m: " " * len(m.group()), sparql)
