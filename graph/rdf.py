"""The RDF model of claims: an article and its claims become the triples of one named graph.

One named graph per article (its IRI is the article's IRI) holds everything that article says,
so re-ingesting or dropping an article is one graph operation::

    GRAPH <https://actorgraph.org/article/iraq-militias-disarm> {
      <…/actor/kataeb-hezbollah> ag:backedBy <…/actor/irgc> .             # the asserted edge
      <…/claim/9c1e…> a ag:Claim, prov:Entity ;                           # the claim behind it
          rdf:subject <…/actor/kataeb-hezbollah> ; rdf:predicate ag:backedBy ; rdf:object <…/actor/irgc> ;
          ag:evidence "…" ; ag:start 1520 ; ag:end 1702 ; ag:confidence 0.9 ; ag:hedged false ;
          ag:negated false ; ag:rule "possessive-blessing" ; dcterms:date "2025-04-07"^^xsd:date ;
          prov:wasDerivedFrom <…/article/iraq-militias-disarm> .
      <…/article/iraq-militias-disarm> a ag:Article, prov:Entity ; dcterms:title "…" ;
          dcterms:date "2025-04-07"^^xsd:date ; dcterms:source "…" ; ag:contentHash "…" .
      <…/actor/irgc> a ag:GovernmentOrganization ; rdfs:label "IRGC" ; skos:altLabel "…" .
    }

A negated claim (a stated denial) is recorded as a claim with ``ag:negated true`` and no edge.
Actor descriptions travel with each article graph, so an article is wholly present or absent.
"""
from __future__ import annotations

import hashlib
from typing import Iterable, Iterator
from urllib.parse import quote

from rdflib import RDF, RDFS, SKOS, XSD, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV

from graph.articles import Article
from graph.gazetteer import Actor
from graph.vocab import AG, ARTICLE_NS, CLAIM_NS, actor_iri, relation_iri

SCHEMA = Namespace("https://schema.org/")
Triple = tuple[URIRef, URIRef, object]
PREFIXES = {
    "ag": str(AG),
    "actor": "https://actorgraph.org/actor/",
    "article": str(ARTICLE_NS),
    "claim": str(CLAIM_NS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "skos": str(SKOS),
    "xsd": str(XSD),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "schema": str(SCHEMA),
    "owl": "http://www.w3.org/2002/07/owl#",
}


def article_iri(doc_id: str) -> URIRef:
    """The IRI of an article, which is also the IRI of its named graph.

    >>> article_iri("iraq militias/1")
    rdflib.term.URIRef('https://actorgraph.org/article/iraq%20militias%2F1')
    """
    return ARTICLE_NS[quote(doc_id, safe="")]


def claim_iri(claim) -> URIRef:
    """A content-derived claim IRI: the same claim from the same text always gets the same IRI."""
    key = "\x00".join(
        [claim.doc, claim.subject.id, claim.predicate, claim.object.id, str(claim.start), str(claim.end), claim.polarity]
    )
    return CLAIM_NS[hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]]


def actor_triples(actor: Actor) -> Iterator[Triple]:
    """Type, label and aliases of an actor."""
    node = actor_iri(actor.id)
    yield node, RDF.type, AG[actor.type]
    yield node, RDFS.label, Literal(actor.name)
    for alias in actor.aliases:
        yield node, SKOS.altLabel, Literal(alias)
    if actor.iso:
        yield node, AG.isoCode, Literal(actor.iso)
    if actor.discovered:
        yield node, AG.discovered, Literal(True)


def article_triples(article: Article) -> Iterator[Triple]:
    """Metadata of an article (Dublin Core terms); an undated article says so, it is never given a date."""
    node = article_iri(article.id)
    yield node, RDF.type, AG.Article
    yield node, RDF.type, PROV.Entity
    yield node, AG.docId, Literal(article.id)
    yield node, DCTERMS.title, Literal(article.title)
    yield node, AG.contentHash, Literal(article.content_hash)
    if article.date:
        yield node, DCTERMS.date, Literal(article.date, datatype=XSD.date)
    else:
        yield node, AG.undated, Literal(True)
    if article.source:
        yield node, DCTERMS.source, Literal(article.source)
    if article.url:
        yield node, SCHEMA.url, Literal(article.url, datatype=XSD.anyURI)


def claim_triples(claim, article: Article) -> Iterator[Triple]:
    """The claim as a PROV-O entity reifying its relation, and the edge itself unless negated."""
    node = claim_iri(claim)
    subject, obj, predicate = actor_iri(claim.subject.id), actor_iri(claim.object.id), relation_iri(claim.predicate)
    negated = claim.polarity == "negative"
    if not negated:
        yield subject, predicate, obj
    yield node, RDF.type, AG.Claim
    yield node, RDF.type, PROV.Entity
    yield node, RDF.subject, subject
    yield node, RDF.predicate, predicate
    yield node, RDF.object, obj
    yield node, AG.evidence, Literal(claim.evidence)
    yield node, AG.start, Literal(claim.start)
    yield node, AG.end, Literal(claim.end)
    yield node, AG.confidence, Literal(round(float(claim.confidence), 3), datatype=XSD.decimal)
    yield node, AG.hedged, Literal(bool(claim.hedged))
    yield node, AG.negated, Literal(negated)
    yield node, AG.rule, Literal(claim.rule)
    yield node, PROV.wasDerivedFrom, article_iri(article.id)
    if article.date:
        yield node, DCTERMS.date, Literal(article.date, datatype=XSD.date)


def article_graph_triples(article: Article, claims: Iterable) -> list[Triple]:
    """Every triple of an article's named graph: metadata, claims, edges and the actors they name."""
    triples = list(article_triples(article))
    actors: dict[str, Actor] = {}
    for claim in claims:
        triples.extend(claim_triples(claim, article))
        actors.setdefault(claim.subject.id, claim.subject)
        actors.setdefault(claim.object.id, claim.object)
    for actor in actors.values():
        triples.extend(actor_triples(actor))
    return list(dict.fromkeys(triples))


def sparql_prefixes() -> str:
    """PREFIX lines for every prefix of ``PREFIXES``, to put before a query."""
    return "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())
