"""Curation: curated relations and review decisions kept as files, applied to the store, surviving rebuilds."""
import pytest
import yaml
from click.testing import CliRunner

from graph.analysis import load_network
from graph.cli import cli
from graph.curation import (apply_curation, load_curation, record_decision, Rule, Merge, rejected_claims,
                            canonical_ids)
from graph.errors import DataFileError
from graph.query import run_query
from graph.rdf import article_graph_triples, article_iri
from graph.vocab import CURATED_GRAPH, REVIEW_GRAPH
from helpers_curation import ACTORS, article_graphs, make_store


@pytest.fixture
def store(tmp_path):
    with make_store(tmp_path / "store") as opened:
        yield opened


def write(folder, name, data):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(data if isinstance(data, str) else yaml.safe_dump(data), encoding="utf-8")


def backers(store, actor="KH", **options):
    return sorted(str(r["backer_name"]) for r in run_query(store, "backers", {"actor": actor}, **options).dicts())


def graph_size(store, graph):
    return int(store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}").rows[0][0])


def test_curated_assertion_becomes_a_cited_claim(store, tmp_path):
    folder = tmp_path / "curation"
    write(folder, "assertions.yaml", [{"subject": "houthis", "predicate": "backedBy", "object": "irgc",
                                       "citation": "UN Panel of Experts report S/2024/0", "date": "2024-02-01"}])
    summary = apply_curation(store, folder)
    assert summary.assertions == 1
    rows = run_query(store, "actor", {"actor": "Houthis"}).dicts()
    curated = [r for r in rows if r["citation"] is not None]
    assert [(str(r["relation"]), str(r["object"]), str(r["citation"])) for r in curated] == [
        ("backedBy", "IRGC", "UN Panel of Experts report S/2024/0")]
    assert backers(store, "Houthis") == ["IRGC"]
    edge = load_network(store).edges["houthis", "irgc", "backedBy"]
    assert edge["claims"] == 1 and edge["evidence"][0]["rule"] == "curated" and edge["confidence"] == 1.0


def test_reject_by_claim_relation_and_pair(store, tmp_path):
    folder = tmp_path / "curation"
    claim = next(str(r["claim"]) for r in run_query(store, "evidence", {}).dicts()
                 if str(r["evidence"]).startswith("The IRGC arms"))
    write(folder, "review.yaml", {"rejected": [{"claim": claim}, {"relation": ["kataeb-hezbollah", "backedBy", "iran"]},
                                               {"pair": ["kataeb-hezbollah", "united-states"]}]})
    assert apply_curation(store, folder).rejected_claims == 3
    assert backers(store) == ["IRGC"]  # one IRGC claim is left, from the other article
    evidence = run_query(store, "evidence", {}).dicts()
    assert not any(str(r["relation"]) == "attacked" for r in evidence)
    shown = run_query(store, "evidence", {}, include_rejected=True).dicts()
    assert sum(r["rejected"].toPython() for r in shown) == 3
    network = load_network(store)
    assert not network.has_edge("united-states", "kataeb-hezbollah")
    assert network.edges["kataeb-hezbollah", "irgc", "backedBy"]["claims"] == 1


def test_accept_overrides_a_broader_rejection(store, tmp_path):
    folder = tmp_path / "curation"
    claim = next(str(r["claim"]) for r in run_query(store, "evidence", {}).dicts()
                 if str(r["evidence"]).startswith("The IRGC arms"))
    write(folder, "review.yaml", {"rejected": [{"relation": ["kataeb-hezbollah", "backedBy", "irgc"]}],
                                  "accepted": [{"claim": claim}]})
    assert apply_curation(store, folder).rejected_claims == 1
    assert backers(store) == ["IRGC", "Iran"]


def test_merge_reads_the_merged_id_as_the_kept_one(store, tmp_path):
    folder = tmp_path / "curation"
    write(folder, "review.yaml", {"merged": [{"keep": "iran", "merge": "irgc"}]})
    apply_curation(store, folder)
    result = run_query(store, "backers", {"actor": "KH"}).dicts()
    assert [(str(r["backer_name"]), int(r["claims"])) for r in result] == [("Iran", 3)]
    assert backers(store, "Islamic Revolutionary Guard Corps") == []  # IRGC is not backed; names still resolve
    assert "irgc" not in load_network(store).nodes


def test_decisions_survive_a_rebuild(store, tmp_path):
    folder = tmp_path / "curation"
    write(folder, "review.yaml", {"rejected": [{"relation": ["kataeb-hezbollah", "backedBy", "iran"]}]})
    apply_curation(store, folder)
    for article, claims in article_graphs().values():  # re-ingest: article graphs are rewritten
        store.put_graph(article_iri(article.id), article_graph_triples(article, claims))
    apply_curation(store, folder)
    assert backers(store) == ["IRGC"]
    assert backers(store, include_rejected=True) == ["IRGC", "Iran"]


@pytest.mark.parametrize("name, text, expected", [
    ("review.yaml", "rejected:\n  - pair: [iran, irgc\n", r"review.yaml:\d+: malformed YAML"),
    ("review.yaml", "rejected:\n  - relation: [kataeb-hezbollah, funds, iran]\n",
     r"review.yaml:2: rejected entry 1: unknown relation 'funds'"),
    ("review.yaml", "rejected:\n  - pair: [iran, atlantis]\n", r"review.yaml:2: rejected entry 1: unknown actor id 'atlantis'"),
    ("review.yaml", "rejected:\n  - pair: [iran, irgc]\n  - pair: [irgc, iran]\n", r"review.yaml:3: rejected entry 2: .*already"),
    ("review.yaml", "rejected:\n  - relation: [iran, backedBy, irgc]\naccepted:\n  - relation: [iran, backedBy, irgc]\n",
     r"review.yaml:4: accepted entry 1: .*already rejected"),
    ("review.yaml", "merged:\n  - {keep: iran, merge: irgc}\n  - {keep: irgc, merge: iran}\n", r"review.yaml:\d+: .*"),
    ("review.yaml", "colours: []\n", r"unknown section 'colours'"),
    ("assertions.yaml", "- {subject: iran, predicate: backs, object: irgc, citation: x}\n",
     r"assertions.yaml:1: entry 1: unknown relation 'backs'"),
    ("assertions.yaml", "- {subject: iran, predicate: backedBy, object: irgc}\n", r"assertions.yaml:1: entry 1: missing 'citation'"),
    ("assertions.yaml", "- {subject: iran, predicate: backedBy, object: irgc, citation: x}\n"
                        "- {subject: iran, predicate: backedBy, object: irgc, citation: x}\n",
     r"assertions.yaml:2: entry 2: duplicate entry"),
])
def test_bad_curation_files_are_rejected_before_writing(store, tmp_path, name, text, expected):
    good = tmp_path / "good"
    write(good, "assertions.yaml", [{"subject": "iran", "predicate": "alliedWith", "object": "iraq", "citation": "c"}])
    apply_curation(store, good)
    before = graph_size(store, CURATED_GRAPH), graph_size(store, REVIEW_GRAPH)
    bad = tmp_path / "bad"
    write(bad, name, text)
    with pytest.raises(DataFileError, match=expected):
        apply_curation(store, bad)
    assert (graph_size(store, CURATED_GRAPH), graph_size(store, REVIEW_GRAPH)) == before


def test_merge_chains_and_cycles():
    assert canonical_ids([Merge("b", "c"), Merge("a", "b")]) == {"c": "a", "b": "a"}
    with pytest.raises(DataFileError, match="cycle"):
        canonical_ids([Merge("a", "b", where="r.yaml:2"), Merge("b", "a", where="r.yaml:3")])


def test_record_decision_replaces_the_opposite_one(tmp_path):
    folder = tmp_path / "curation"
    rule = Rule("relation", ("kataeb-hezbollah", "backedBy", "iran"))
    record_decision(folder, "rejected", rule, ACTORS)
    assert load_curation(folder, ACTORS).review.rejected == [rule]
    record_decision(folder, "accepted", rule, ACTORS)
    review = load_curation(folder, ACTORS).review
    assert review.rejected == [] and review.accepted == [rule]
    with pytest.raises(DataFileError, match="already accepted"):
        record_decision(folder, "accepted", rule, ACTORS)


def test_recording_a_decision_keeps_hand_written_comments(tmp_path):
    folder = tmp_path / "curation"
    folder.mkdir()
    (folder / "review.yaml").write_text(
        "# our team's review file\n"
        "rejected:\n"
        "  # the Reuters piece misread this\n"
        "  - relation: [houthis, backedBy, iran]  # checked by Dana\n"
        "    note: wire error\n"
        "accepted: []\n", encoding="utf-8")
    record_decision(folder, "rejected", Rule("pair", ("iran", "houthis")), ACTORS)
    text = (folder / "review.yaml").read_text(encoding="utf-8")
    for comment in ("# our team's review file", "# the Reuters piece misread this", "# checked by Dana"):
        assert comment in text
    review = load_curation(folder, ACTORS).review
    assert [r.kind for r in review.rejected] == ["relation", "pair"]
    assert review.rejected[0].note == "wire error"
    record_decision(folder, "accepted", Rule("relation", ("houthis", "backedBy", "iran")), ACTORS)
    review = load_curation(folder, ACTORS).review
    assert [r.kind for r in review.rejected] == ["pair"] and [r.kind for r in review.accepted] == ["relation"]
    assert "# our team's review file" in (folder / "review.yaml").read_text(encoding="utf-8")


def test_cli_review_reject_list_and_merge(tmp_path, monkeypatch):
    make_store(tmp_path / "store").close()
    folder = tmp_path / "curation"
    runner = CliRunner()
    common = ["--curation", str(folder), "--store", str(tmp_path / "store")]
    result = runner.invoke(cli, ["review", "reject", "--relation", "Kataeb Hezbollah", "backedBy", "Iran",
                                 "--note", "misread", *common])
    assert result.exit_code == 0, result.output
    assert "1 claims rejected" in result.output
    assert yaml.safe_load((folder / "review.yaml").read_text())["rejected"] == [
        {"relation": ["kataeb-hezbollah", "backedBy", "iran"], "note": "misread"}]
    listed = runner.invoke(cli, ["review", "list", "--curation", str(folder)])
    assert "rejected  relation kataeb-hezbollah backedBy iran  (misread)" in listed.output
    merged = runner.invoke(cli, ["review", "merge", "iran", "irgc", *common])
    assert merged.exit_code == 0, merged.output
    # the rejected relation now also covers the IRGC claims, which read as Iran after the merge
    queried = runner.invoke(cli, ["query", "backers", "-p", "actor=KH", "--store", str(tmp_path / "store"), "--format",
                                  "csv", "--include-rejected"])
    assert queried.output.splitlines()[1:] == ["https://actorgraph.org/actor/iran,Iran,"
                                               "https://actorgraph.org/ontology#Country,3,2,0.9,3"]
    bad = runner.invoke(cli, ["review", "reject", "--pair", "iran", "atlantis", *common])
    assert bad.exit_code != 0 and "unknown actor id 'atlantis'" in str(bad.exception or bad.output)


def test_rejected_claims_matches_merged_ids(store):
    review = load_curation.__globals__["Review"](rejected=[Rule("pair", ("kataeb-hezbollah", "persia"))])
    assert rejected_claims(store, review, {"iran": "persia"}) and not rejected_claims(store, review, {})
