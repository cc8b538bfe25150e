"""Tests of graph.evaluate: score.py's matching semantics, on small corpora written for the test,
and agreement with the corpus's own score.py on the same system output."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from graph.errors import DataFileError, InputError
from graph.evaluate import evaluate, format_evaluation, gazetteer_from_corpus

HELDOUT = Path(__file__).parent / "fixtures" / "corpus_heldout"


def _write_jsonl(path: Path, records: list[dict]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    _write_jsonl(tmp_path / "actors.jsonl", [
        {"name": "Iran", "type": "Country", "aliases": ["Tehran", "Iranian"]},
        {"name": "Kata'ib Hezbollah", "type": "ArmedGroup", "aliases": ["KH"]},
        {"name": "Israel", "type": "Country", "aliases": []},
        {"name": "Hamas", "type": "ArmedGroup", "aliases": []},
    ])
    _write_jsonl(tmp_path / "gold.jsonl", [
        {"doc": "a", "subject": "Kata'ib Hezbollah", "predicate": "backedBy", "object": "Iran", "evidence": "e1"},
        {"doc": "a", "subject": "Israel", "predicate": "hostileTo", "object": "Hamas", "evidence": "e2"},
        {"doc": "a", "subject": "Israel", "predicate": "attacked", "object": "Hamas", "evidence": "e3"},
    ])
    _write_jsonl(tmp_path / "negative.jsonl", [
        {"doc": "a", "subject": "Hamas", "predicate": "backedBy", "object": "Iran", "evidence": "denied"},
    ])
    (tmp_path / "a.txt").write_text("Headline\n\nText.\n", encoding="utf-8")
    return tmp_path


def test_alias_normalisation_symmetry_and_negatives(corpus):
    system = [
        {"doc": "a", "subject": "the Kataib-Hezbollah", "predicate": "backedBy", "object": "TEHRAN"},  # alias + folding
        {"doc": "a", "subject": "Hamas", "predicate": "hostileTo", "object": "Israel"},  # symmetric, reversed
        {"doc": "a", "subject": "Hamas", "predicate": "attacked", "object": "Israel"},  # directed, reversed: wrong
        {"doc": "a", "subject": "Hamas", "predicate": "backedBy", "object": "Iran"},  # a trap, output as positive
        {"doc": "a", "subject": "Hamas", "predicate": "backedBy", "object": "Israel", "polarity": "negative"},
        {"doc": "a", "subject": "Hamas", "predicate": "likes", "object": "Iran"},  # not a relation
        {"doc": "other", "subject": "Hamas", "predicate": "attacked", "object": "Israel"},  # unscored doc
    ]
    result = evaluate(corpus, system)
    overall = result["figures"]["ALL"]
    assert (overall["tp"], overall["fp"], overall["fn"]) == (2, 2, 1)
    assert overall["negated_output"] == 1
    assert result["figures"]["hostileTo"]["precision"] == 1.0
    assert [m["predicate"] for m in result["missed"]] == ["attacked"]
    assert result["missed"][0]["evidence"] == "e3"
    assert {f["object"] for f in result["false"]} == {"Iran", "Israel"}


def test_format_evaluation_lists_misses_and_false_hits(corpus):
    result = evaluate(corpus, [{"doc": "a", "subject": "Hamas", "predicate": "backedBy", "object": "Iran",
                                "evidence": "Hamas gets arms from Iran.", "rule": "receives-from"}])
    text = format_evaluation(result)
    assert "ALL precision=0.000 recall=0.000" in text
    assert "negated-but-output\tHamas backedBy Iran [receives-from]" in text
    assert "missed\tIsrael attacked Hamas" in text


def test_not_a_corpus_and_bad_jsonl(tmp_path, corpus):
    with pytest.raises(InputError):
        evaluate(tmp_path / "nowhere", [])
    (corpus / "gold.jsonl").write_text('{"doc": "a"\n', encoding="utf-8")
    with pytest.raises(DataFileError, match="gold.jsonl:1"):
        evaluate(corpus, [])


def test_gazetteer_from_corpus_recognises_demonyms_and_capitals():
    gazetteer = gazetteer_from_corpus(HELDOUT)
    pakistan = gazetteer.lookup("Pakistan")
    assert "Pakistani" in pakistan.demonyms and pakistan.capital == "Islamabad"
    assert gazetteer.lookup("TTP").name == "Tehreek-e-Taliban Pakistan"


def _score_py() -> Path | None:
    here = Path(__file__).resolve()
    candidates = [Path(os.environ["ACTORGRAPH_SCORER"])] if os.environ.get("ACTORGRAPH_SCORER") else []
    candidates += [p / "shared" / "corpus" / "score.py" for p in here.parents]
    return next((c for c in candidates if c.is_file()), None)


def test_agrees_with_score_py_on_the_same_output(tmp_path):
    scorer = _score_py()
    if scorer is None:
        pytest.skip("the corpus's score.py is not beside this checkout (shared/corpus/score.py)")
    result = evaluate(HELDOUT, gazetteer=gazetteer_from_corpus(HELDOUT))
    # re-extract to records and add noise that exercises every rule of the matching
    from graph.evaluate import extract_corpus
    records = [c.to_record() for c in extract_corpus(HELDOUT, gazetteer_from_corpus(HELDOUT))]
    records += [
        {"doc": "myanmar-arakan-army", "subject": "the AA", "predicate": "backedBy", "object": "china"},
        {"doc": "myanmar-arakan-army.txt", "subject": "Tatmadaw", "predicate": "attacked", "object": "Arakan Army"},
        {"doc": "sudan-rsf-uae", "subject": "Sudanese army", "predicate": "hostileTo", "object": "RSF"},
        {"doc": "sudan-rsf-uae", "subject": "Unknown Front", "predicate": "attacked", "object": "RSF"},
        {"doc": "sudan-rsf-uae", "subject": "Kenya", "predicate": "backedBy", "object": "RSF", "polarity": "negative"},
    ]
    output = tmp_path / "system.jsonl"
    _write_jsonl(output, records)
    completed = subprocess.run([sys.executable, str(scorer), str(HELDOUT), str(output), "--json"],
                               capture_output=True, text=True, check=True)
    theirs = json.loads(completed.stdout[completed.stdout.index("{"):completed.stdout.rindex("}") + 1])
    ours = evaluate(HELDOUT, records)["figures"]
    assert ours == theirs
    assert result["figures"]["ALL"]["tp"] <= ours["ALL"]["tp"] + ours["ALL"]["fn"]
