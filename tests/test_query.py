"""Queries: canned queries with bound parameters, windows, rejected claims, updates, errors and formats."""
import csv
import io
import json

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal
from rdflib.compare import isomorphic

from graph.cli import cli
from graph.errors import QueryError
from graph.query import canned_queries, format_result, run_query
from graph.vocab import AG, REVIEW_GRAPH
from helpers_curation import ARTICLES, make_store

REQUIRED = {"backers", "actor", "relations", "most-cited", "evidence", "claims-per-edge", "undated", "network-of"}


@pytest.fixture
def store(tmp_path):
    with make_store(tmp_path / "store") as opened:
        yield opened


def names(result, column):
    return sorted(str(row[column]) for row in result.dicts())


def triple_count(store):
    return int(store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows[0][0])


def test_canned_queries_document_their_parameters():
    canned = canned_queries()
    assert REQUIRED <= set(canned)
    for query in canned.values():
        assert query.description, query.name
        for name in query.parameters:
            assert f"@param {name}:" in query.text
    assert canned["backers"].parameters.keys() == {"actor"}
    assert set(canned["evidence"].options) == {"since", "until", "windowed", "include_rejected"}


@pytest.mark.parametrize("name", ["Kataeb Hezbollah", "kataeb hezbollah", "KH", "kataeb-hezbollah"])
def test_backers_by_name_alias_or_id(store, name):
    result = run_query(store, "backers", {"actor": name})
    assert names(result, "backer_name") == ["IRGC", "Iran"]
    irgc = next(row for row in result.dicts() if str(row["backer_name"]) == "IRGC")
    assert int(irgc["claims"]) == 2 and int(irgc["articles"]) == 2
    assert "actor" not in result.vars and "since" not in result.vars  # parameter columns are dropped


def test_a_parameter_is_a_bound_value_never_pasted_text(store):
    before = triple_count(store)
    result = run_query(store, "backers", {"actor": 'X" } ; DROP ALL ; #'})
    assert result.rows == []
    assert triple_count(store) == before


def test_window_restricts_claims_to_article_dates(store):
    result = run_query(store, "backers", {"actor": "KH"}, since="2025-01-01")
    claims = {str(row["backer_name"]): int(row["claims"]) for row in result.dicts()}
    assert claims == {"IRGC": 1, "Iran": 1}
    assert run_query(store, "backers", {"actor": "KH"}, until="2023-12-31").rows == []


def test_undated_claims_are_left_out_of_a_window_only(store):
    assert "Iraq" in names(run_query(store, "evidence", {}), "subject")
    assert "Iraq" not in names(run_query(store, "evidence", {}, since="2000-01-01"), "subject")
    undated = run_query(store, "undated", {})
    assert names(undated, "doc") == ["sudani-profile"]


def test_evidence_traces_every_asserted_claim(store):
    result = run_query(store, "evidence", {})
    asserted = sum(1 for _, specs in ARTICLES.values() for spec in specs if "negated" not in spec[4:])
    assert len(result.rows) == asserted
    row = next(r for r in result.dicts() if str(r["evidence"]).startswith("The IRGC arms"))
    assert (str(row["subject"]), str(row["relation"]), str(row["object"])) == ("Kataeb Hezbollah", "backedBy", "IRGC")
    assert str(row["title"]) == "Title of irgc-arms" and str(row["date"]) == "2024-01-10"
    assert str(row["url"]) == "https://news.example/irgc-arms" and str(row["source"]) == "Test Wire"
    assert int(row["end"]) - int(row["start"]) == len(str(row["evidence"]))


def test_claims_per_edge_counts_supporting_articles(store):
    rows = run_query(store, "claims-per-edge", {}).dicts()
    edge = next(r for r in rows if str(r["subject_name"]) == "Kataeb Hezbollah" and str(r["object_name"]) == "IRGC")
    assert int(edge["claims"]) == 2 and str(edge["documents"]) == "iraq-militias-disarm, irgc-arms"


def test_relations_and_network_of_roll_up_parts(store):
    assert names(run_query(store, "relations", {"relation": "partOf"}), "subject_name") == ["Kataeb Hezbollah", "al-Nujaba"]
    members = set(names(run_query(store, "network-of", {"actor": "PMF"}), "member_name"))
    assert members == {"Popular Mobilization Forces", "Kataeb Hezbollah", "al-Nujaba"}


def test_rejected_claims_hidden_unless_asked(store):
    claim = next(row["claim"] for row in run_query(store, "evidence", {}).dicts()
                 if str(row["evidence"]).startswith("Kataeb Hezbollah is backed by Iran"))
    store.put_graph(REVIEW_GRAPH, [(claim, AG.rejected, Literal(True))])
    assert names(run_query(store, "backers", {"actor": "KH"}), "backer_name") == ["IRGC"]
    shown = run_query(store, "evidence", {}, include_rejected=True)
    flags = {str(r["claim"]): r["rejected"].toPython() for r in shown.dicts()}
    assert flags[str(claim)] is True and sum(flags.values()) == 1
    assert "rejected" not in run_query(store, "evidence", {}).vars


def test_update_needs_allow_update(store):
    update = "INSERT DATA { GRAPH <urn:x> { actor:a rdfs:label 'A' } }"
    with pytest.raises(QueryError, match="this is an update; pass --update"):
        run_query(store, update, {})
    assert run_query(store, update, {}, allow_update=True) is None
    assert run_query(store, "ASK { actor:a rdfs:label 'A' }", {}).boolean is True


def test_syntax_error_names_line_and_column(store):
    with pytest.raises(QueryError) as error:
        run_query(store, "SELECT * WHERE {\n  ?s ?p }", {})
    message = str(error.value)
    assert "line 2, column" in message and "\n" not in message


def test_unknown_canned_query_and_parameters(store):
    with pytest.raises(QueryError, match="unknown canned query"):
        run_query(store, "no-such-query", {})
    with pytest.raises(QueryError, match="needs -p actor"):
        run_query(store, "backers", {})
    with pytest.raises(QueryError, match="no parameter"):
        run_query(store, "backers", {"actor": "KH", "colour": "red"})
    with pytest.raises(QueryError, match="--since/--until apply"):
        run_query(store, "SELECT * WHERE { ?s ?p ?o }", {}, since="2025-01-01")


def test_rq_file_and_timeout(store, tmp_path):
    path = tmp_path / "labels.rq"
    path.write_text("SELECT DISTINCT ?label WHERE { actor:iran rdfs:label ?label }")
    result = run_query(store, str(path), {}, timeout=30)
    assert [str(r[0]) for r in result.rows] == ["Iran"]


def test_formats(store):
    result = run_query(store, "backers", {"actor": "KH"})
    table = format_result(result, "table")
    assert table.splitlines()[0].split()[:2] == ["backer", "backer_name"] and "actor:irgc" in table
    rows = list(csv.DictReader(io.StringIO(format_result(result, "csv"))))
    assert rows[0]["backer"] == "https://actorgraph.org/actor/irgc"
    data = json.loads(format_result(result, "json"))
    assert data["head"]["vars"] == result.vars
    assert data["results"]["bindings"][0]["backer"] == {"type": "uri", "value": "https://actorgraph.org/actor/irgc"}
    assert data["results"]["bindings"][0]["claims"]["datatype"].endswith("#integer")
    construct = run_query(store, "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s a ag:Country ; rdfs:label ?l }", {})
    assert isomorphic(Graph().parse(data=format_result(construct, "turtle"), format="turtle"), construct.graph)
    with pytest.raises(QueryError):
        format_result(result, "turtle")
    assert json.loads(format_result(run_query(store, "ASK { ?s ?p ?o }", {}), "json")) == {"head": {}, "boolean": True}


def test_cli_query(tmp_path):
    make_store(tmp_path / "store").close()
    runner = CliRunner()
    result = runner.invoke(cli, ["query", "backers", "-p", "actor=Kataeb Hezbollah", "--store", str(tmp_path / "store"),
                                 "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert {row["backer_name"] for row in csv.DictReader(io.StringIO(result.output))} == {"IRGC", "Iran"}
    listed = runner.invoke(cli, ["queries"])
    assert "backers" in listed.output and "actor" in listed.output
