"""Property-based tests: random and adversarial input never crashes and always gives valid output."""
import json
import math

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.analysis import measure_graph
from graph.articles import Article, read_articles
from graph.errors import InputError
from graph.extract import Extractor
from graph.gazetteer import load_gazetteer
from graph.measures import MEASURES, compute_measures
from graph.query import run_query
from graph.rdf import article_graph_triples, article_iri
from graph.store.oxigraph import OxigraphStore
from graph.vocab import RELATIONS

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
NAMES = ["Iran", "Hezbollah", "the IRGC", "Tehran", "Kataeb Hezbollah", "US", "Houthis", "Israel", "Iraqi",
         "President Trump", "the group", "its", "Hamas"]
WORDS = ["backed", "-backed", "attacked", "met", "talks with", "denied", "allegedly", "if", "not", "said", ",",
         "and", "(", ")", "\u201c", "\u2019s", "<script>alert(1)</script>", "onerror=", ".", "\n", "part of",
         "designated", "leader of", "in", "warned", "allied with", "?"]
sentence_text = st.lists(st.sampled_from(NAMES + WORDS) | st.text(max_size=12), max_size=40).map(" ".join)


@pytest.fixture(scope="module")
def extractor():
    return Extractor(load_gazetteer())


@FUZZ
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".md", ".html", ".jsonl"]))
def test_article_readers_never_crash_on_random_bytes(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"doc{suffix}"
    path.write_bytes(data)
    errors, warnings = [], []
    articles = list(read_articles([path], on_error=errors.append, on_warning=warnings.append))
    assert all(isinstance(e, InputError) and "\n" not in str(e) for e in errors)
    for article in articles:
        assert article.text.strip() and article.id


@FUZZ
@given(records=st.lists(st.dictionaries(st.sampled_from(["id", "text", "title", "date", "url", "source"]),
                                        st.none() | st.integers() | st.text(max_size=30)), max_size=5))
def test_jsonl_reader_reports_bad_records_and_keeps_good_ones(tmp_path_factory, records):
    path = tmp_path_factory.mktemp("fuzz") / "batch.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    errors = []
    articles = list(read_articles([path], on_error=errors.append))
    assert len(articles) + len(errors) == len(records)  # every line is an article or a named error
    assert all(f"{path}:" in str(e) for e in errors)


@FUZZ
@given(text=sentence_text)
def test_extractor_output_is_always_valid(extractor, text):
    article = Article("fuzz", "Fuzz", text)
    for claim in extractor.extract(article):
        assert claim.predicate in RELATIONS
        assert 0.0 <= claim.confidence <= 1.0
        assert claim.polarity in ("positive", "negative")
        assert article.text[claim.start:claim.end] == claim.evidence
        assert claim.subject.id != claim.object.id
        record = claim.to_record()
        json.dumps(record)
    article_graph_triples(article, extractor.extract(article))  # always serialisable to RDF terms


@FUZZ
@given(edges=st.lists(st.tuples(st.integers(0, 12), st.integers(0, 12), st.sampled_from(RELATIONS)), max_size=40),
       isolated=st.integers(0, 3))
def test_every_actor_gets_every_measure_on_random_graphs(edges, isolated):
    network = nx.MultiDiGraph()
    for node in range(13 + isolated):
        network.add_node(f"a{node}", name=f"Actor {node}", type="ArmedGroup", aliases=[])
    for a, b, relation in edges:
        if a != b:
            network.add_edge(f"a{a}", f"a{b}", key=relation, relation=relation, weight=1, claims=1,
                             confidence=0.8, hedged_only=False, evidence=[], symmetric=False)
    flow = measure_graph(network)
    measures = compute_measures(flow, backend="networkx")
    for name in MEASURES:
        values = measures.values[name]
        assert set(values) == set(flow.nodes)
        assert all(math.isfinite(v) for v in values.values())


@pytest.fixture(scope="module")
def small_store(tmp_path_factory, extractor):
    store = OxigraphStore(tmp_path_factory.mktemp("store") / "store")
    article = Article("a1", "Test", "Kataeb Hezbollah, an Iran-backed militia, attacked US forces in Iraq.")
    store.put_graph(article_iri(article.id), article_graph_triples(article, extractor.extract(article)))
    yield store
    store.close()


def store_size(store) -> int:
    return int(store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows[0][0])


@FUZZ
@given(value=st.text(max_size=60) | st.sampled_from(['X" } ; DROP ALL ; #', "x> } DROP ALL { <y", "\\u0022 }",
                                                        "Iran' . ?s ?p ?o . FILTER('", "}}}}", "\x00"]))
def test_canned_query_parameters_are_values_never_sparql(small_store, value):
    before = store_size(small_store)
    try:
        result = run_query(small_store, "backers", {"actor": value})
    except Exception as error:  # a value that no SPARQL literal can hold is refused, never run
        from graph.errors import ActorgraphError
        assert isinstance(error, ActorgraphError)
    else:
        assert result is not None and result.kind == "select"
        kataeb = load_gazetteer().get("kataeb-hezbollah")
        names = {n.casefold() for n in (kataeb.id, kataeb.name, *kataeb.aliases)}
        if value.strip().casefold() not in names:
            assert result.rows == []
    assert store_size(small_store) == before
