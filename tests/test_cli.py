"""The actorgraph command end to end on the seed article, and its one-line errors."""
import json
import re
import subprocess
import sys

import networkx as nx
import pyoxigraph
import pytest
import click
from click.testing import CliRunner

from graph.cli import cli

KH, IRGC = "https://actorgraph.org/actor/kataeb-hezbollah", "https://actorgraph.org/actor/irgc"


def run(*args, ok=True):
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory):
    from pathlib import Path

    out = tmp_path_factory.mktemp("build") / "out"
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    result = run("build", seeds, "--out", out)
    return out, result.output


def test_build_writes_report_view_and_exports(seed_build):
    out, output = seed_build
    for name in ("view.html", "report.md", "report.csv", "report.json", "report.html", "graph.ttl", "graph.trig",
                 "graph.nq", "graph.jsonld", "network.graphml", "network.gexf", "edges.csv"):
        assert (out / name).is_file() and (out / name).stat().st_size > 0, name
    assert "view.html" in output and "report.md" in output


def test_owner_triple_is_stored_with_its_evidence(seed_build):
    out, _ = seed_build
    sparql = f"""SELECT ?evidence WHERE {{ ?c rdf:subject <{KH}> ; rdf:predicate ag:backedBy ;
                 rdf:object <{IRGC}> ; ag:evidence ?evidence ; ag:negated false . <{KH}> ag:backedBy <{IRGC}> }}"""
    result = run("query", sparql, "--store", out / "store", "--format", "json")
    rows = json.loads(result.output)["results"]["bindings"]
    assert rows, "Kataeb Hezbollah backedBy IRGC is not in the store"
    assert any("Islamic Revolutionary Guard Corps" in row["evidence"]["value"] for row in rows)


def test_canned_backers_query_names_irgc_and_iran(seed_build):
    out, _ = seed_build
    result = run("query", "backers", "--param", "actor=Kataeb Hezbollah", "--store", out / "store", "--format", "csv")
    assert "IRGC" in result.output and "Iran" in result.output


def test_view_loads_no_external_script_or_stylesheet(seed_build):
    out, _ = seed_build
    html = (out / "view.html").read_text(encoding="utf-8")
    external = re.findall(r"<(?:script|link)\b[^>]*(?:src|href)\s*=\s*[\"']?(?:https?:)?//", html, re.I)
    assert external == []
    assert "vis" in html.lower()


@pytest.mark.parametrize("name, fmt", [("graph.ttl", pyoxigraph.RdfFormat.TURTLE),
                                       ("graph.trig", pyoxigraph.RdfFormat.TRIG),
                                       ("graph.nq", pyoxigraph.RdfFormat.N_QUADS),
                                       ("graph.jsonld", pyoxigraph.RdfFormat.JSON_LD)])
def test_rdf_exports_parse_back_with_oxigraph(seed_build, name, fmt):
    out, _ = seed_build
    quads = list(pyoxigraph.parse(path=str(out / name), format=fmt))
    assert any(q.predicate.value.endswith("#backedBy") for q in quads)


def test_network_exports_open_in_networkx(seed_build):
    out, _ = seed_build
    for network in (nx.read_graphml(out / "network.graphml"), nx.read_gexf(out / "network.gexf")):
        assert network.number_of_nodes() > 5 and network.number_of_edges() > 5


def test_extract_jsonl_has_the_scoring_keys(seed_article):
    lines = run("extract", seed_article, "--format", "jsonl").output.splitlines()
    records = [json.loads(line) for line in lines]
    assert records
    for key in ("doc", "subject", "subject_type", "predicate", "object", "object_type", "evidence",
                "confidence", "hedged", "polarity"):
        assert key in records[0]
    assert any(r["subject"] == "Kataeb Hezbollah" and r["predicate"] == "backedBy" and r["object"] == "IRGC"
               for r in records)


def one_line_error(args, tmp_path):
    """Run the installed entry point in a subprocess: stderr must be one line, exit non-zero, no traceback."""
    proc = subprocess.run([sys.executable, "-m", "graph", *map(str, args)], capture_output=True, text=True,
                          cwd=tmp_path)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    return lines[0]


def test_missing_file_is_a_one_line_error(tmp_path):
    message = one_line_error(["extract", "--strict", tmp_path / "nope.txt"], tmp_path)
    assert "nope.txt" in message


def test_sparql_syntax_error_is_a_one_line_error(tmp_path, seed_article):
    store = tmp_path / "store"
    run("ingest", seed_article, "--store", store)
    message = one_line_error(["query", "SELEC ?x WHERE { ?x ?y ?z", "--store", store], tmp_path)
    assert "syntax" in message.lower()


def test_query_on_a_missing_store_is_a_one_line_error(tmp_path):
    message = one_line_error(["query", "SELECT * WHERE { ?s ?p ?o }", "--store", tmp_path / "none"], tmp_path)
    assert "no store" in message


def test_every_command_has_help_text():
    for name, command in cli.commands.items():
        assert command.help and command.help.strip(), name
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, f"{name} --{param.name} has no help"


def test_rejected_and_curated_claims_survive_a_rebuild_from_scratch(tmp_path, seeds_dir):
    curation = tmp_path / "curation"
    curation.mkdir()
    (curation / "assertions.yaml").write_text(
        "- subject: houthis\n  predicate: backedBy\n  object: quds-force\n"
        "  citation: \"UN Panel of Experts on Yemen, final report 2024\"\n", encoding="utf-8")
    first = tmp_path / "first"
    run("build", seeds_dir, "--out", first, "--curation", curation)
    run("review", "reject", "--relation", "Donald Trump", "leaderOf", "United States",
        "--curation", curation, "--store", first / "store")
    assert "donald-trump, leaderOf, united-states" in (curation / "review.yaml").read_text(encoding="utf-8")

    rebuilt = tmp_path / "rebuilt"
    run("build", seeds_dir, "--out", rebuilt, "--curation", curation)
    edges = (rebuilt / "edges.csv").read_text(encoding="utf-8")
    assert "Quds Force" in edges and "UN Panel of Experts" in edges
    assert not any("Donald Trump" in line and "leaderOf" in line for line in edges.splitlines())
    hidden = run("query", "evidence", "--store", rebuilt / "store", "--format", "csv").output
    shown = run("query", "evidence", "--store", rebuilt / "store", "--format", "csv", "--include-rejected").output
    assert "leaderOf" in shown and "Donald Trump" in shown
    assert not any("Donald Trump" in line and "leaderOf" in line for line in hidden.splitlines())


def test_validate_passes_on_the_seed_build(seed_build):
    out, _ = seed_build
    result = run("validate", "--store", out / "store")
    assert "conforms" in result.output
