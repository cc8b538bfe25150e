"""Time windows: relations that appeared and disappeared between two windows, undated claims kept apart."""
import json

import pytest
from click.testing import CliRunner
from rdflib import Literal

from graph.cli import cli
from graph.errors import InputError
from graph.query import run_query
from graph.timeline import Window, diff_windows, format_diff, parse_window
from graph.vocab import AG, REVIEW_GRAPH
from helpers_curation import make_store


@pytest.fixture
def store(tmp_path):
    with make_store(tmp_path / "store") as opened:
        yield opened


def triples(changes):
    return sorted((c.subject, c.relation, c.object) for c in changes)


def test_diff_lists_appeared_and_disappeared_relations_with_evidence(store):
    diff = diff_windows(store, "2024-12-31", "2025-01-01")
    assert triples(diff.appeared) == [("kataeb-hezbollah", "backedBy", "iran"),
                                      ("kataeb-hezbollah", "partOf", "popular-mobilization-forces")]
    assert triples(diff.disappeared) == [("al-nujaba", "partOf", "popular-mobilization-forces"),
                                         ("united-states", "attacked", "kataeb-hezbollah")]
    assert diff.kept == 1  # KH backedBy IRGC is in both windows
    assert diff.undated_claims == 2  # the undated article's two asserted claims are in neither window
    attacked = next(c for c in diff.disappeared if c.relation == "attacked")
    assert attacked.evidence == [{"claim": attacked.evidence[0]["claim"], "date": "2024-01-10",
                                  "evidence": "US airstrikes hit Kataeb Hezbollah.", "title": "Title of irgc-arms"}]


def test_windows_from_to(store):
    diff = diff_windows(store, "2024-01-01..2024-01-31", "2025-04-01..2025-04-30")
    assert diff.before == Window("2024-01-01", "2024-01-31") and len(diff.appeared) == 2
    empty = diff_windows(store, "2020-01-01..2020-12-31", "2021-01-01..2021-12-31")
    assert empty.appeared == [] and empty.disappeared == []


def test_rejected_claims_do_not_count(store):
    claim = next(r["claim"] for r in run_query(store, "evidence", {}).dicts() if str(r["relation"]) == "attacked")
    store.put_graph(REVIEW_GRAPH, [(claim, AG.rejected, Literal(True))])
    assert ("united-states", "attacked", "kataeb-hezbollah") not in triples(
        diff_windows(store, "2024-12-31", "2025-01-01").disappeared)


@pytest.mark.parametrize("text", ["yesterday", "2024-13..", "2025-01-01..2024-01-01"])
def test_bad_windows(text):
    with pytest.raises(InputError, match="--before"):
        parse_window(text, "before")


def test_formats(store):
    diff = diff_windows(store, "2024-12-31", "2025-01-01")
    table = format_diff(diff, "table")
    assert "2 appeared, 2 disappeared, 1 in both" in table
    assert 'Kataeb Hezbollah backedBy Iran' in table and "2 claims of undated articles" in table
    data = json.loads(format_diff(diff, "json"))
    assert data["before"] == {"since": None, "until": "2024-12-31"} and len(data["appeared"]) == 2


def test_cli_diff(tmp_path):
    make_store(tmp_path / "store").close()
    result = CliRunner().invoke(cli, ["diff", "--before", "2024-12-31", "--after", "2025-01-01",
                                      "--store", str(tmp_path / "store")])
    assert result.exit_code == 0, result.output
    assert "APPEARED (2)" in result.output and "United States attacked Kataeb Hezbollah" in result.output
