"""RDF vocabulary: the ``AG`` namespace of ``ontology/actorgraph.ttl`` and the IRIs of our resources.

Terms go through rdflib's ``DefinedNamespace``, so a misspelt term fails at import time
instead of writing a wrong IRI into the store:

>>> str(AG.backedBy)
'https://actorgraph.org/ontology#backedBy'
>>> AG.backedByy
Traceback (most recent call last):
...
AttributeError: term 'backedByy' not in namespace 'https://actorgraph.org/ontology#'
"""
from __future__ import annotations

import re
import unicodedata

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from graph.settings import BASE_IRI, ONTOLOGY_IRI


class AG(DefinedNamespace):
    """Terms of the actorgraph ontology (checked against the Turtle by tests/test_vocab.py)."""

    _fail = True
    _NS = Namespace(ONTOLOGY_IRI)

    # classes
    Actor: URIRef
    Organization: URIRef
    Country: URIRef
    GovernmentOrganization: URIRef
    ArmedGroup: URIRef
    PoliticalOrganization: URIRef
    InternationalOrganization: URIRef
    Person: URIRef
    Article: URIRef
    Claim: URIRef
    # relations and their inverses
    backedBy: URIRef
    backs: URIRef
    partOf: URIRef
    hasPart: URIRef
    memberOf: URIRef
    hasMember: URIRef
    leaderOf: URIRef
    ledBy: URIRef
    alliedWith: URIRef
    hostileTo: URIRef
    attacked: URIRef
    attackedBy: URIRef
    threatened: URIRef
    threatenedBy: URIRef
    metWith: URIRef
    designated: URIRef
    designatedBy: URIRef
    operatesIn: URIRef
    # actor attributes
    capital: URIRef
    demonym: URIRef
    isoCode: URIRef
    discovered: URIRef
    # claim and article attributes
    evidence: URIRef
    start: URIRef
    end: URIRef
    confidence: URIRef
    hedged: URIRef
    negated: URIRef
    rule: URIRef
    docId: URIRef
    contentHash: URIRef
    undated: URIRef
    # curation
    rejected: URIRef
    citation: URIRef
    inferredFrom: URIRef


ACTOR_TYPES = (
    "Country",
    "GovernmentOrganization",
    "ArmedGroup",
    "PoliticalOrganization",
    "InternationalOrganization",
    "Person",
)

RELATIONS = (
    "backedBy", "partOf", "memberOf", "leaderOf", "alliedWith", "hostileTo",
    "attacked", "threatened", "metWith", "designated", "operatesIn",
)
SYMMETRIC = frozenset({"alliedWith", "hostileTo", "metWith"})
INVERSES = {
    "backedBy": "backs", "partOf": "hasPart", "memberOf": "hasMember", "leaderOf": "ledBy",
    "attacked": "attackedBy", "threatened": "threatenedBy", "designated": "designatedBy",
}

ACTOR_NS = Namespace(BASE_IRI + "actor/")
ARTICLE_NS = Namespace(BASE_IRI + "article/")
CLAIM_NS = Namespace(BASE_IRI + "claim/")
GRAPH_NS = Namespace(BASE_IRI + "graph/")
ONTOLOGY_GRAPH = GRAPH_NS["ontology"]
ACTORS_GRAPH = GRAPH_NS["actors"]
CURATED_GRAPH = GRAPH_NS["curated"]
INFERRED_GRAPH = GRAPH_NS["inferred"]
REVIEW_GRAPH = GRAPH_NS["review"]


# Letters that Unicode does not decompose into a base letter and a mark
_UNDECOMPOSED = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ħ": "h", "ı": "i",
                               "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss", "þ": "th", "Þ": "Th", "ð": "d"})


def slugify(text: str) -> str:
    """A stable, IRI-safe identifier for a name.

    >>> slugify("Kata'ib Hezbollah")
    'kataib-hezbollah'
    >>> slugify("Ansar Allah al-Awfiya")
    'ansar-allah-al-awfiya'
    >>> slugify("Jarosław Kaczyński"), slugify("Jonas Gahr Støre")
    ('jaroslaw-kaczynski', 'jonas-gahr-store')
    """
    ascii_text = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED)).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"['\u2019`]", "", ascii_text.lower())
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "x"


def actor_iri(actor_id: str) -> URIRef:
    """The IRI of an actor from its gazetteer id."""
    return ACTOR_NS[actor_id]


def relation_iri(name: str) -> URIRef:
    """The property IRI of a relation by its local name; unknown names fail."""
    return AG[name]
