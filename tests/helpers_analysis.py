"""Test stores for the analysis and report tests, built without the extractor."""
from __future__ import annotations

from functools import partial
from pathlib import Path

from rdflib import Literal

from graph.articles import Article
from graph.extract import Claim
from graph.gazetteer import Actor
from graph.rdf import article_graph_triples, article_iri, claim_iri
from graph.store.oxigraph import OxigraphStore
from graph.vocab import AG, REVIEW_GRAPH

IRAN = Actor("iran", "Country", "Iran", aliases=("Islamic Republic of Iran",), capital="Tehran")
IRGC = Actor("irgc", "GovernmentOrganization", "IRGC", aliases=("Islamic Revolutionary Guard Corps",))
KH = Actor("kataeb-hezbollah", "ArmedGroup", "Kataeb Hezbollah", aliases=("KH", "Kata'ib Hezbollah"))
PMF = Actor("pmf", "ArmedGroup", "Popular Mobilization Forces", aliases=("PMF",))
HOUTHIS = Actor("houthis", "ArmedGroup", "Houthis", aliases=("Ansar Allah",))
USA = Actor("united-states", "Country", "United States", aliases=("US",))
ISRAEL = Actor("israel", "Country", "Israel")
SUDANI = Actor("mohammed-shia-al-sudani", "Person", "Mohammed Shia al-Sudani")


# The real claim type, with a rule and confidence for test claims.
FakeClaim = partial(Claim, rule="test", confidence=0.9)


def claim(doc: str, subject: Actor, predicate: str, obj: Actor, evidence: str | None = None, **fields) -> Claim:
    evidence = evidence or f"{subject.name} {predicate} {obj.name}."
    start = fields.pop("start", len(evidence))
    return FakeClaim(doc, subject, predicate, obj, evidence, start=start, end=fields.pop("end", start + len(evidence)),
                     **fields)


def make_store(path: Path, articles: list[tuple[Article, list[Claim]]], rejected: list[Claim] = ()) -> OxigraphStore:
    """A store holding each article's graph; ``rejected`` claims are marked rejected in the review graph."""
    store = OxigraphStore(path)
    for article, claims in articles:
        store.put_graph(article_iri(article.id), article_graph_triples(article, claims))
    if rejected:
        store.put_graph(REVIEW_GRAPH, [(claim_iri(c), AG.rejected, Literal(True)) for c in rejected])
    return store


def article(doc: str, date: str | None = "2025-04-07", source: str | None = "Reuters", title: str | None = None) -> Article:
    return Article(id=doc, title=title or f"Title of {doc}", text=f"text of {doc}", date=date, source=source,
                   url=f"https://example.org/{doc}")


def middle_east(path: Path) -> OxigraphStore:
    """A small store: a support chain Iran → IRGC → KH, a conflict pair, a hedged claim, a negated
    claim, a rejected claim, an undated article and a claim with HTML in its evidence."""
    a1, a2, a3, a4, a5 = (article("a1", "2025-01-10"), article("a2", "2025-03-05", "AP"),
                          article("a3", "2025-06-01", "Al Jazeera"), article("a4", None, None),
                          article("a5", "2025-02-01", "<b>Evil</b> News"))
    rejected = claim("a3", HOUTHIS, "backedBy", USA, "The Houthis are backed by Washington, one blog said.", confidence=0.4)
    articles = [
        (a1, [claim("a1", KH, "backedBy", IRGC, "Kataeb Hezbollah is armed by the IRGC.", confidence=0.9),
              claim("a1", IRGC, "partOf", IRAN, "The IRGC, a branch of Iran's armed forces.", confidence=0.8),
              claim("a1", KH, "partOf", PMF, "KH is part of the PMF.", confidence=0.7),
              claim("a1", USA, "attacked", KH, "US strikes hit Kataeb Hezbollah.", confidence=0.95)]),
        (a2, [claim("a2", KH, "backedBy", IRGC, "The IRGC funds Kataeb Hezbollah.", confidence=0.6),
              claim("a2", HOUTHIS, "backedBy", IRAN, "Iran may be arming the Houthis.", confidence=0.5, hedged=True),
              claim("a2", IRAN, "backedBy", HOUTHIS, "Iran denied being backed by the Houthis.", polarity="negative"),
              claim("a2", USA, "alliedWith", ISRAEL, "The US and Israel are allies.", confidence=0.85)]),
        (a3, [rejected,
              claim("a3", ISRAEL, "alliedWith", USA, "Israel and its ally the United States.", confidence=0.75),
              claim("a3", USA, "hostileTo", IRAN, "Washington's hostility toward Tehran.", confidence=0.8)]),
        (a4, [claim("a4", SUDANI, "leaderOf", PMF, "Sudani commands the PMF.", confidence=0.9)]),
        (a5, [claim("a5", HOUTHIS, "attacked", ISRAEL, "Houthis fired <script>alert(1)</script> missiles & drones.",
                    confidence=0.9)]),
    ]
    return make_store(path, articles, rejected=[rejected])
