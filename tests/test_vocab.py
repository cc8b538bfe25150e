"""The AG namespace of graph/vocab.py and the ontology Turtle define the same terms."""
import pytest
from rdflib import Graph, URIRef

from graph.settings import ONTOLOGY_IRI, ontology_dir
from graph.vocab import AG, ACTOR_TYPES, INVERSES, RELATIONS, SYMMETRIC


def turtle_terms() -> set[str]:
    graph = Graph().parse(ontology_dir() / "actorgraph.ttl", format="turtle")
    return {str(s)[len(ONTOLOGY_IRI):] for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(ONTOLOGY_IRI)}


def namespace_terms() -> set[str]:
    return set(AG.__annotations__)


def test_every_ag_term_is_defined_in_the_turtle():
    assert namespace_terms() - turtle_terms() == set()


def test_every_term_of_the_turtle_is_in_ag():
    assert turtle_terms() - namespace_terms() == set()


def test_relation_lists_name_ontology_terms():
    terms = turtle_terms()
    assert set(RELATIONS) | set(INVERSES.values()) | set(ACTOR_TYPES) | SYMMETRIC <= terms


def test_a_misspelt_term_raises():
    with pytest.raises(AttributeError):
        AG.backedByy  # noqa: B018
    assert str(AG.backedBy) == ONTOLOGY_IRI + "backedBy"
