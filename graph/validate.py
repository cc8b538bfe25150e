"""Validation: the store checked against the SHACL shapes of ``ontology/shapes.ttl`` (the only module importing pyshacl).

The data graph is the union of the store's graphs (one SPARQL CONSTRUCT) plus the ontology, so
``sh:class`` and ``sh:targetClass`` follow ``rdfs:subClassOf`` without RDFS inference (which
would also apply ``rdfs:domain`` and hide the very violations we look for). Each violation names
the actor, claim or article (by its label) and the rule it breaks, one line each::

    claim 3f0c… (Kataeb Hezbollah backedBy IRGC): claim confidence must be one decimal between 0 and 1 (ag:confidence) [ClaimShape]
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyshacl
from rdflib import RDFS, Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF

from graph.errors import DataFileError
from graph.settings import ontology_dir
from graph.store.base import Store

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True)
class Violation:
    """One broken rule: the node, how we name it, the shape and constraint, and the shape's message."""

    focus: str
    label: str
    shape: str
    constraint: str
    message: str

    def line(self) -> str:
        return f"{self.label}: {self.message} [{self.shape}]"


@dataclass
class ValidationResult:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    checked_triples: int = 0

    def text(self) -> str:
        """One line per violation, or one line saying the store conforms."""
        if self.conforms:
            return f"the store conforms to the shapes ({self.checked_triples} triples checked)\n"
        lines = [v.line() for v in self.violations]
        lines.append(f"{len(self.violations)} violation{'s' if len(self.violations) != 1 else ''}")
        return "\n".join(lines) + "\n"


def load_shapes(path: Path | None = None) -> Graph:
    path = path or ontology_dir() / "shapes.ttl"
    try:
        return Graph().parse(path, format="turtle")
    except Exception as error:  # rdflib raises several parser exception types
        raise DataFileError(f"{path}: cannot read the SHACL shapes ({str(error).splitlines()[0]})") from None


def store_data_graph(store: Store) -> Graph:
    """The union of every graph of the store, plus the ontology (for rdfs:subClassOf)."""
    data = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }").graph or Graph()
    data.parse(ontology_dir() / "actorgraph.ttl", format="turtle")
    return data


def validate_store(store: Store, shapes: Graph | None = None) -> ValidationResult:
    """Validate the store's data against the shapes."""
    return validate_graph(store_data_graph(store), shapes)


def validate_graph(data: Graph, shapes: Graph | None = None) -> ValidationResult:
    """Validate an rdflib graph (the ontology should be in it) against the shapes."""
    shapes = shapes if shapes is not None else load_shapes()
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=False,
                                           abort_on_first=False, allow_warnings=False)
    violations = sorted({_violation(report, result, data) for result in report.subjects(RDF.type, SH.ValidationResult)},
                        key=lambda v: (v.label, v.message))
    return ValidationResult(bool(conforms), violations, len(data))


def _violation(report: Graph, result, data: Graph) -> Violation:
    focus = report.value(result, SH.focusNode)
    shape = report.value(result, SH.sourceShape)
    constraint = report.value(result, SH.sourceConstraintComponent)
    message = report.value(result, SH.resultMessage)
    path = report.value(result, SH.resultPath)
    return Violation(
        focus=str(focus),
        label=describe(data, focus),
        shape=_local(shape) if isinstance(shape, URIRef) else _local(path) or "shape",
        constraint=_local(constraint),
        message=str(message) if message is not None else f"violates {_local(constraint)}",
    )


def describe(data: Graph, node) -> str:
    """How a violation names its node: an actor by its label, a claim by its relation, an article by its title."""
    label = data.value(node, RDFS.label)
    if (node, RDF.type, URIRef("https://actorgraph.org/ontology#Claim")) in data:
        subject, predicate, obj = (data.value(node, p) for p in (RDF.subject, RDF.predicate, RDF.object))
        relation = " ".join(_name(data, x) for x in (subject, predicate, obj) if x is not None)
        return f"claim {_local(node)} ({relation})"
    if label is not None:
        return f"{label} ({_local(node)})"
    title = data.value(node, DCTERMS.title)
    if title is not None:
        return f"article {_local(node)} ({title})"
    return _local(node) or str(node)


def _name(data: Graph, node) -> str:
    label = data.value(node, RDFS.label)
    return str(label) if label is not None and not str(node).startswith("https://actorgraph.org/ontology#") \
        else _local(node)


def _local(node) -> str:
    if node is None:
        return ""
    text = str(node)
    return text.rsplit("#", 1)[-1] if "#" in text else text.rsplit("/", 1)[-1]
