"""Inference: symmetric and inverse relations materialised apart from the asserted ones."""
import pytest
from rdflib import Literal

from graph.analysis import load_network
from graph.export import export
from graph.inference import materialise_inferences, reverse_relation
from graph.query import run_query
from graph.vocab import AG, INFERRED_GRAPH, INVERSES, REVIEW_GRAPH, SYMMETRIC, actor_iri
from helpers_curation import make_store


@pytest.fixture
def store(tmp_path):
    with make_store(tmp_path / "store") as opened:
        yield opened


def inferred_edges(store):
    rows = store.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{INFERRED_GRAPH}> {{ ?s ?p ?o "
                       "FILTER(STRSTARTS(STR(?s), 'https://actorgraph.org/actor/')) } }").rows
    return {(str(s).rsplit("/", 1)[1], str(p).rsplit("#", 1)[1], str(o).rsplit("/", 1)[1]) for s, p, o in rows}


def test_inverses_and_symmetric_relations_are_materialised(store):
    assert materialise_inferences(store) == 7
    assert inferred_edges(store) == {
        ("irgc", "backs", "kataeb-hezbollah"), ("iran", "backs", "kataeb-hezbollah"),
        ("popular-mobilization-forces", "hasPart", "kataeb-hezbollah"), ("popular-mobilization-forces", "hasPart", "al-nujaba"),
        ("kataeb-hezbollah", "attackedBy", "united-states"), ("iraq", "ledBy", "mohammed-shia-al-sudani"),
        ("united-states", "alliedWith", "iraq")}
    # the negated "Iran denied backing the Houthis" infers nothing
    assert not any(edge[2] == "houthis" or edge[0] == "houthis" for edge in inferred_edges(store))


def test_inferred_edges_trace_to_their_claims(store):
    materialise_inferences(store)
    rows = store.query("""
        SELECT ?claim ?evidence WHERE {
          ?st <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> <https://actorgraph.org/ontology#backs> ;
              <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> <https://actorgraph.org/actor/irgc> ;
              <https://actorgraph.org/ontology#inferredFrom> ?claim .
          ?claim <https://actorgraph.org/ontology#evidence> ?evidence }""").rows
    assert len({r[0] for r in rows}) == 2


def test_inferred_statements_are_not_claims(store):
    before = len(run_query(store, "evidence", {}).rows)
    network = load_network(store)
    materialise_inferences(store)
    assert len(run_query(store, "evidence", {}).rows) == before
    assert sorted(load_network(store).edges(keys=True)) == sorted(network.edges(keys=True))


def test_rerun_replaces_and_rejected_claims_infer_nothing(store):
    materialise_inferences(store)
    claims = [r["claim"] for r in run_query(store, "evidence", {}).dicts() if str(r["object"]) == "IRGC"]
    store.put_graph(REVIEW_GRAPH, [(c, AG.rejected, Literal(True)) for c in claims])
    assert materialise_inferences(store) == 6
    assert ("irgc", "backs", "kataeb-hezbollah") not in inferred_edges(store)


def test_exports_include_inferred_only_when_asked(store, tmp_path):
    materialise_inferences(store)
    backs = f"<{actor_iri('irgc')}> <{AG.backs}> <{actor_iri('kataeb-hezbollah')}>"
    assert backs not in export(store, "nquads", tmp_path / "a.nq").read_text()
    assert backs in export(store, "nquads", tmp_path / "b.nq", include_inferred=True).read_text()


def test_every_relation_has_a_reverse_reading_or_none():
    for relation, inverse in INVERSES.items():
        assert reverse_relation(relation) == inverse and reverse_relation(inverse) == relation
    for relation in SYMMETRIC:
        assert reverse_relation(relation) == relation
    assert reverse_relation("operatesIn") is None


def test_network_of_rolls_up_part_of_chains(store):
    # a sub-unit of Kataeb Hezbollah is in the PMF's network through the partOf chain
    from helpers_curation import HandClaim, KH
    from graph.articles import Article
    from graph.gazetteer import Actor
    from graph.rdf import article_graph_triples, article_iri

    brigade = Actor("brigade-45", "ArmedGroup", "Brigade 45")
    text = "Brigade 45 is a unit of Kataeb Hezbollah."
    article = Article("brigade", "Brigade", text, date="2025-05-01")
    store.put_graph(article_iri("brigade"), article_graph_triples(
        article, [HandClaim("brigade", brigade, "partOf", KH, text, 0, len(text))]))
    members = {str(r["member_name"]) for r in run_query(store, "network-of", {"actor": "Popular Mobilization Forces"}).dicts()}
    assert "Brigade 45" in members
