"""Seed-like stores for the query, export, validation, curation, timeline and inference tests.

Claims are built by hand (the fields of the extractor's ``Claim``) from sentences modelled on the
seed article, so these tests do not depend on the extractor.
"""
from __future__ import annotations

from functools import partial
from pathlib import Path

from graph.articles import Article
from graph.extract import Claim
from graph.gazetteer import Actor
from graph.pipeline import ensure_ontology
from graph.rdf import article_graph_triples, article_iri
from graph.store.oxigraph import OxigraphStore

KH = Actor("kataeb-hezbollah", "ArmedGroup", "Kataeb Hezbollah", aliases=("Kata'ib Hezbollah", "KH"))
IRGC = Actor("irgc", "GovernmentOrganization", "IRGC", aliases=("Islamic Revolutionary Guard Corps",))
IRAN = Actor("iran", "Country", "Iran", iso="IR")
PMF = Actor("popular-mobilization-forces", "ArmedGroup", "Popular Mobilization Forces", aliases=("PMF",))
NUJABA = Actor("al-nujaba", "ArmedGroup", "al-Nujaba", aliases=("Harakat al-Nujaba",))
US = Actor("united-states", "Country", "United States", aliases=("US",), iso="US")
IRAQ = Actor("iraq", "Country", "Iraq", iso="IQ")
SUDANI = Actor("mohammed-shia-al-sudani", "Person", "Mohammed Shia al-Sudani")
HOUTHIS = Actor("houthis", "ArmedGroup", "Houthis", aliases=("Ansar Allah",))
ACTORS = {a.id: a for a in (KH, IRGC, IRAN, PMF, NUJABA, US, IRAQ, SUDANI, HOUTHIS)}


# The real claim type, with a rule and confidence for claims written by hand.
HandClaim = partial(Claim, rule="hand", confidence=0.9)


def _article(doc: str, date: str | None, sentences: list[str]) -> Article:
    return Article(id=doc, title=f"Title of {doc}", text=" ".join(sentences), date=date, source="Test Wire",
                   url=f"https://news.example/{doc}")


def _claims(article: Article, specs) -> list[HandClaim]:
    claims = []
    for subject, predicate, obj, sentence, *flags in specs:
        start = article.text.index(sentence)
        claims.append(HandClaim(article.id, subject, predicate, obj, sentence, start, start + len(sentence),
                                polarity="negative" if "negated" in flags else "positive",
                                hedged="hedged" in flags))
    return claims


S1 = "The militia leaders said Iran's IRGC has given Kataeb Hezbollah their blessing."
S2 = "Kataeb Hezbollah is backed by Iran."
S3 = "Kataeb Hezbollah is a faction of the Popular Mobilization Forces."
S4 = "The IRGC arms Kataeb Hezbollah, officials said."
S5 = "US airstrikes hit Kataeb Hezbollah."
S6 = "Harakat al-Nujaba is part of the PMF."
S7 = "Prime Minister Mohammed Shia al-Sudani leads Iraq."
S8 = "Iran denied backing the Houthis."
S9 = "Iraq and the United States are allies."

ARTICLES = {
    "iraq-militias-disarm": ("2025-04-07", [
        (KH, "backedBy", IRGC, S1), (KH, "backedBy", IRAN, S2), (KH, "partOf", PMF, S3)]),
    "irgc-arms": ("2024-01-10", [
        (KH, "backedBy", IRGC, S4), (US, "attacked", KH, S5), (NUJABA, "partOf", PMF, S6)]),
    "sudani-profile": (None, [
        (SUDANI, "leaderOf", IRAQ, S7), (HOUTHIS, "backedBy", IRAN, S8, "negated"), (IRAQ, "alliedWith", US, S9)]),
}


def article_graphs() -> dict[str, tuple[Article, list[HandClaim]]]:
    """Every hand-made article with its claims."""
    out = {}
    for doc, (date, specs) in ARTICLES.items():
        article = _article(doc, date, [spec[3] for spec in specs])
        out[doc] = (article, _claims(article, specs))
    return out


def make_store(path: Path) -> OxigraphStore:
    """A writable store holding the ontology and the three hand-made articles."""
    store = OxigraphStore(path)
    ensure_ontology(store)
    for article, claims in article_graphs().values():
        store.put_graph(article_iri(article.id), article_graph_triples(article, claims))
    return store
