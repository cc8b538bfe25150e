"""The centrality report: its content, and its Markdown, CSV, JSON and standalone HTML formats."""
from __future__ import annotations

import csv
import io
import json
import re

import networkx as nx
import pytest
from markupsafe import escape

from graph.analysis import load_network, measure_graph
from graph.errors import ActorgraphError
from graph.measures import MEASURES, compute_measures
from graph.report import EXPLANATIONS, build_report, render_report, write_report
from helpers_analysis import middle_east


@pytest.fixture(scope="module")
def network(tmp_path_factory):
    with middle_east(tmp_path_factory.mktemp("report") / "store") as store:
        return load_network(store)


@pytest.fixture(scope="module")
def report(network):
    return build_report(network, top=5, by_type=True, backend="networkx")


def test_top_actors_with_their_strongest_evidence(report):
    leader = report.top["pagerank"][0]
    assert (leader.id, leader.name, leader.type) == ("united-states", "United States", "Country")
    assert leader.evidence == "US strikes hit Kataeb Hezbollah." and leader.source == "Reuters, 2025-01-10"
    assert [r.id for r in report.top["betweenness"]][:1] == ["united-states"]
    assert len(report.actors) == 8 and all(set(MEASURES) <= set(r.measures) for r in report.actors)


def test_communities_brokers_bridges_and_by_type(report):
    blocs = sorted(sorted(r.id for r in c["members"]) for c in report.communities)
    assert blocs == [["houthis", "iran", "israel", "united-states"],
                     ["irgc", "kataeb-hezbollah", "mohammed-shia-al-sudani", "pmf"]]
    assert all(c["relations"] for c in report.communities)
    assert report.brokers[0]["actor"].id == "united-states"
    assert {(b["subject"], b["relation"], b["object"]) for b in report.bridges} == {
        ("United States", "attacked", "Kataeb Hezbollah"), ("IRGC", "partOf", "Iran")}
    assert list(report.by_type) == ["ArmedGroup", "Country", "GovernmentOrganization", "Person"]
    assert [r.id for r in report.by_type["Country"]] == ["united-states", "israel", "iran"]


def test_markdown_has_tables_explanations_and_evidence(report):
    text = render_report(report, "md")
    assert "## What the measures mean" in text and EXPLANATIONS["betweenness"] in text
    assert "| 1 | United States | Country |" in text
    assert "US strikes hit Kataeb Hezbollah. | Reuters, 2025-01-10 |" in text
    assert "### Person" in text and "## Communities (2)" in text and "## Brokers" in text
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "support flows from backer to backed" in text


def test_csv_has_one_row_per_actor_with_every_measure(report):
    rows = list(csv.DictReader(io.StringIO(render_report(report, "csv"))))
    assert len(rows) == 8
    assert set(MEASURES) <= set(rows[0])
    kh = next(r for r in rows if r["id"] == "kataeb-hezbollah")
    assert kh["name"] == "Kataeb Hezbollah" and kh["in_degree"] == "2" and kh["out_degree"] == "1"
    assert float(kh["weighted_in"]) == pytest.approx(0.95 + 1.8)  # US attacked (1×0.95) + IRGC backs (2×0.9)
    assert all(float(r[m]) == float(r[m]) for r in rows for m in MEASURES)  # no NaN


def test_json_is_complete_and_parseable(report):
    data = json.loads(render_report(report, "json"))
    assert data["summary"]["actors"] == 8 and data["summary"]["claims"] == 11 and data["summary"]["articles"] == 5
    assert data["top"]["pagerank"][0] == "united-states"
    assert {a["id"] for a in data["actors"]} == set(data["top"]["pagerank"]) | {a["id"] for a in data["actors"]}
    assert data["notes"]["betweenness"] == "exact" and data["empty"] is False


def test_html_is_standalone_escaped_and_links_the_view(report):
    html = render_report(report, "html")
    assert not re.search(r"(?:src|href)\s*=\s*[\"']?(?:https?:)?//", html) and "http" not in html
    assert "<script" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;Evil&lt;/b&gt; News" in html
    assert '<a href="view.html">' in html and "<style>" in html
    assert html.count("<svg") == 8 and "<rect" in html
    assert str(escape(EXPLANATIONS["pagerank"])) in html


def test_sampled_betweenness_is_stated(network):
    measures = compute_measures(measure_graph(network), backend="networkx", exact_limit=3, pivots=4)
    report = build_report(network, measures=measures)
    assert "estimated from 4 random source actors of 8" in render_report(report, "md")
    assert json.loads(render_report(report, "json"))["summary"]["sampled"] == {"betweenness": 4, "closeness": 4}


@pytest.mark.parametrize("fmt", ["md", "csv", "json", "html"])
def test_empty_network_says_so(fmt):
    text = render_report(build_report(nx.MultiDiGraph(relations=["attacked"])), fmt)
    if fmt == "csv":
        assert text.splitlines()[0].startswith("id,name,type") and len(text.splitlines()) == 1
    elif fmt == "json":
        assert json.loads(text)["empty"] is True
    else:
        assert "The network is empty" in text


@pytest.mark.parametrize("fmt", ["md", "csv", "json", "html"])
def test_one_actor_network(fmt):
    g = nx.MultiDiGraph()
    g.add_node("iran", name="Iran", type="Country", aliases=[], iri="")
    report = build_report(g)
    assert report.actors[0].measures["pagerank"] == pytest.approx(1.0)
    assert "Iran" in render_report(report, fmt)


def test_write_report_is_atomic_and_replaces(report, tmp_path):
    path = tmp_path / "out" / "report.md"
    assert write_report(report, path, "md") == path
    path.write_text("old")
    write_report(report, path, "html")
    assert path.read_text().startswith("<!DOCTYPE html>")
    assert [p.name for p in path.parent.iterdir()] == ["report.md"]  # no temporary file left behind


def test_write_report_errors_are_one_line(report, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ActorgraphError, match=r"report\.md: cannot write"):
        write_report(report, blocker / "report.md", "md")
    with pytest.raises(ActorgraphError, match="unknown report format"):
        render_report(report, "pdf")
