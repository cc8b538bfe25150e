"""Inference: the symmetric and inverse relations of the ontology, materialised into their own named graph.

For every asserted edge backed by a claim that is neither negated nor rejected, the inferred graph
(``graph.vocab.INFERRED_GRAPH``) gets the edge read the other way: ``alliedWith``, ``hostileTo``
and ``metWith`` both ways, ``backs`` for ``backedBy``, and the other inverses of
``graph.vocab.INVERSES``. Each inferred edge is traced to the claims it comes from by a statement
node (an ``rdf:Statement``, deliberately not an ``ag:Claim``, so claim counts and the network
never count it twice)::

    GRAPH <https://actorgraph.org/graph/inferred> {
      actor:irgc ag:backs actor:kataeb-hezbollah .
      <https://actorgraph.org/inferred/3f0c…> a rdf:Statement ;
          rdf:subject actor:irgc ; rdf:predicate ag:backs ; rdf:object actor:kataeb-hezbollah ;
          ag:inferredFrom claim:80fcae14… , claim:927eade0… .
    }

Keeping inferred statements apart from asserted ones lets exports include or omit them. The
``partOf`` chain is not materialised: queries that want it roll it up with ``ag:partOf*``
(see ``ontology/queries/network-of.rq``).
"""
from __future__ import annotations

import hashlib

from rdflib import RDF, Namespace, URIRef

from graph.settings import BASE_IRI
from graph.store.base import Store
from graph.vocab import AG, INFERRED_GRAPH, INVERSES, SYMMETRIC

INFERRED_NS = Namespace(BASE_IRI + "inferred/")


def reverse_relation(relation: str) -> str | None:
    """The relation that reads an edge the other way, if the ontology has one.

    >>> reverse_relation("backedBy"), reverse_relation("backs"), reverse_relation("metWith"), reverse_relation("operatesIn")
    ('backs', 'backedBy', 'metWith', None)
    """
    if relation in SYMMETRIC:
        return relation
    if relation in INVERSES:
        return INVERSES[relation]
    reverse = {inverse: name for name, inverse in INVERSES.items()}
    return reverse.get(relation)


def supporting_claims(store: Store) -> list[tuple[URIRef, URIRef, str, URIRef]]:
    """(claim, subject, relation, object) for every claim that asserts its edge (not negated, not rejected)."""
    result = store.query("""
        PREFIX ag: <https://actorgraph.org/ontology#>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT DISTINCT ?claim ?s ?p ?o WHERE {
          ?claim a ag:Claim ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
          FILTER NOT EXISTS { ?claim ag:negated true }
          FILTER NOT EXISTS { ?claim ag:rejected true }
          FILTER NOT EXISTS { ?claim ag:inferredFrom ?source }
        }""")
    return [(claim, s, str(p).rsplit("#", 1)[-1], o) for claim, s, p, o in result.rows]


def inferred_triples(claims: list[tuple[URIRef, URIRef, str, URIRef]]) -> list[tuple]:
    """The reversed edges of ``claims`` and the statement nodes that trace them to their claims."""
    sources: dict[tuple[URIRef, str, URIRef], set[URIRef]] = {}
    for claim, subject, relation, obj in claims:
        reverse = reverse_relation(relation)
        if reverse and subject != obj:
            sources.setdefault((obj, reverse, subject), set()).add(claim)
    triples = []
    for (subject, relation, obj), claim_set in sorted(sources.items()):
        statement = statement_iri(subject, relation, obj)
        triples += [(subject, AG[relation], obj), (statement, RDF.type, RDF.Statement),
                    (statement, RDF.subject, subject), (statement, RDF.predicate, AG[relation]),
                    (statement, RDF.object, obj)]
        triples += [(statement, AG.inferredFrom, claim) for claim in sorted(claim_set)]
    return triples


def statement_iri(subject: URIRef, relation: str, obj: URIRef) -> URIRef:
    key = "\x00".join([str(subject), relation, str(obj)])
    return INFERRED_NS[hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]]


def materialise_inferences(store: Store) -> int:
    """Replace the inferred graph by the inverses and symmetric readings of the current claims; returns the edge count."""
    triples = inferred_triples(supporting_claims(store))
    store.put_graph(INFERRED_GRAPH, triples)
    return sum(1 for _, predicate, _ in triples if predicate == RDF.type)
