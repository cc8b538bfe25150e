"""Extraction quality on annotated articles: the dev corpus, the author's own held-out articles, and
independent sets written by annotators who never saw the rules (see README, "Extraction quality").

The floors sit a little under the measured figures, so that a change that loses precision or recall
fails here; no set may output a denial. The issue's targets (precision >= 0.90, recall >= 0.75 on unseen
news) are checked on the author's own held-out articles; the independent sets show how far the rules
are from them on news unlike the samples. corpus_blind21 and corpus_blind22 were measured, never analysed;
corpus_blind9 and corpus_blind18 were analysed for their false hits only.
"""
from pathlib import Path

import pytest

from graph.evaluate import evaluate

FIXTURES = Path(__file__).resolve().parent / "fixtures"
DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
TARGET_PRECISION, TARGET_RECALL = 0.90, 0.75


@pytest.mark.slow
@pytest.mark.parametrize("corpus, min_precision, min_recall", [
    ("corpus_unseen", 0.95, 0.77),
    ("corpus_final", 0.94, 0.82),
    ("corpus_blind", 0.94, 0.72),
    ("corpus_blind2", 0.89, 0.55),
    ("corpus_blind3", 0.92, 0.61),
    ("corpus_blind4", 0.94, 0.64),
    ("corpus_blind5", 0.90, 0.60),
    ("corpus_blind6", 0.90, 0.51),
    ("corpus_blind7", 0.92, 0.50),
    ("corpus_blind8", 0.86, 0.54),
    ("corpus_blind9", 0.85, 0.44),
    ("corpus_blind10", 0.84, 0.41),
    ("corpus_blind11", 0.88, 0.50),
    ("corpus_blind12", 0.89, 0.51),
    ("corpus_blind13", 0.84, 0.44),
    ("corpus_blind14", 0.86, 0.44),
    ("corpus_blind15", 0.90, 0.52),
    ("corpus_blind16", 0.89, 0.48),
    ("corpus_blind17", 0.89, 0.41),
    ("corpus_blind18", 0.84, 0.51),
    ("corpus_blind19", 0.90, 0.60),
    ("corpus_blind20", 0.88, 0.52),
    ("corpus_blind21", 0.85, 0.45),
    ("corpus_blind22", 0.87, 0.50),
])
def test_independent_sets_stay_above_their_floors(corpus, min_precision, min_recall):
    figures = evaluate(FIXTURES / corpus)["figures"]["ALL"]
    assert figures["negated_output"] == 0
    assert figures["precision"] >= min_precision, figures
    assert figures["recall"] >= min_recall, figures


@pytest.mark.slow
def test_own_held_out_articles_meet_the_unseen_news_targets():
    figures = evaluate(FIXTURES / "corpus_heldout")["figures"]["ALL"]
    assert figures["negated_output"] == 0
    assert figures["precision"] >= TARGET_PRECISION, figures
    assert figures["recall"] >= TARGET_RECALL, figures


@pytest.mark.slow
@pytest.mark.skipif(not DEV.is_dir(), reason="the shared dev corpus is not beside this checkout")
def test_dev_corpus_meets_its_targets():
    figures = evaluate(DEV)["figures"]["ALL"]
    assert figures["negated_output"] == 0
    assert figures["precision"] >= 0.95, figures
    assert figures["recall"] >= 0.85, figures
