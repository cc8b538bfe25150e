"""The ingest job: one named graph per article, idempotent, unchanged articles skipped."""
from functools import partial

import pytest

from graph.articles import Article
from graph.errors import InputError
from graph.extract import Claim
from graph.gazetteer import Actor
from graph.pipeline import ingest
from graph.rdf import article_iri
from graph.store.oxigraph import OxigraphStore
from graph.vocab import ONTOLOGY_GRAPH

IRAN = Actor("iran", "Country", "Iran", capital="Tehran")
HOUTHIS = Actor("houthis", "ArmedGroup", "Houthis", aliases=("Ansar Allah",))


FakeClaim = partial(Claim, rule="test", confidence=0.9)


class CountingExtractor:
    """Says "Houthis backedBy Iran" for every article that names both; counts its calls."""

    def __init__(self):
        self.calls = 0

    def extract(self, article: Article):
        self.calls += 1
        if "Iran" in article.text and "Houthis" in article.text:
            return [FakeClaim(article.id, HOUTHIS, "backedBy", IRAN, article.text.strip(), 0, len(article.text.strip()))]
        return []


def edge_count(store) -> int:
    result = store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s <https://actorgraph.org/ontology#backedBy> ?o } }")
    return int(result.rows[0][0])


def test_ingest_stores_each_article_in_its_own_graph_and_skips_unchanged(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("A\nIran arms the Houthis.", encoding="utf-8")
    (folder / "b.txt").write_text("B\nNothing here.", encoding="utf-8")
    extractor = CountingExtractor()
    with OxigraphStore(tmp_path / "store") as store:
        first = ingest([folder], store, extractor=extractor)
        assert (first.articles, first.claims) == (2, 1)
        graphs = set(store.graphs())
        assert {article_iri("a"), article_iri("b"), ONTOLOGY_GRAPH} <= graphs
        second = ingest([folder], store, extractor=extractor)
        assert (second.articles, second.unchanged) == (0, 2)
        assert extractor.calls == 2
        assert edge_count(store) == 1


def test_changed_article_replaces_its_old_graph(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("A\nIran arms the Houthis.", encoding="utf-8")
    with OxigraphStore(tmp_path / "store") as store:
        ingest([path], store, extractor=CountingExtractor())
        path.write_text("A\nNo relation now.", encoding="utf-8")
        summary = ingest([path], store, extractor=CountingExtractor())
        assert summary.articles == 1
        assert edge_count(store) == 0


def test_bad_file_stops_ingest_without_losing_what_was_stored(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("G\nIran arms the Houthis.", encoding="utf-8")
    with OxigraphStore(tmp_path / "store") as store:
        with pytest.raises(InputError):
            ingest([good, tmp_path / "missing.txt"], store, extractor=CountingExtractor())
        assert article_iri("good") in store.graphs()
        assert edge_count(store) == 1
