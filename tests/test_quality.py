"""Extraction quality on independent held-out sets, written by annotators who never saw the rules.

The floors sit a little under the measured figures (see README, "Extraction quality") so that a
change that loses precision or recall on unseen news fails here; no set may output a denial.
corpus_blind was never used to tune anything.
"""
from pathlib import Path

import pytest

from graph.evaluate import evaluate

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.mark.slow
@pytest.mark.parametrize("corpus, min_precision, min_recall", [
    ("corpus_unseen", 0.92, 0.60),
    ("corpus_final", 0.88, 0.52),
    ("corpus_blind", 0.82, 0.33),
])
def test_independent_held_out_sets_stay_above_their_floors(corpus, min_precision, min_recall):
    figures = evaluate(FIXTURES / corpus)["figures"]["ALL"]
    assert figures["negated_output"] == 0
    assert figures["precision"] >= min_precision, figures
    assert figures["recall"] >= min_recall, figures
