"""The ``Store`` interface every backend implements, and the backend-neutral query result."""
from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import BinaryIO, Iterable, Mapping

from rdflib import Graph, URIRef
from rdflib.term import Node

# Serialisation formats for dump/load, by our names.
RDF_FORMATS = {
    "nquads": "application/n-quads",
    "trig": "application/trig",
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "rdfxml": "application/rdf+xml",
}
QUAD_FORMATS = {"nquads", "trig"}


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
