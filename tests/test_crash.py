"""Crash safety: an ingest killed with SIGKILL at random moments leaves a store that opens, holds
every article wholly or not at all, and is completed by a re-run. Real processes, real kills."""
from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

import pytest

from graph.store.oxigraph import OxigraphStore
from helpers_store import write_corpus

ROOT = Path(__file__).resolve().parent.parent
HELPER = Path(__file__).resolve().parent / "helpers_store.py"
KILLS = 5
PER_GRAPH = """SELECT ?g (COUNT(*) AS ?triples) (COUNT(DISTINCT ?claim) AS ?claims)
WHERE { GRAPH ?g { ?s ?p ?o OPTIONAL { ?s a <https://actorgraph.org/ontology#Claim> BIND(?s AS ?claim) } } }
GROUP BY ?g"""


def _contents(store_path: Path) -> dict[str, tuple[int, int]]:
    """(triples, claims) of every named graph; opening the store is itself part of the check."""
    with OxigraphStore(store_path) as store:
        return {str(g): (t.toPython(), c.toPython()) for g, t, c in store.query(PER_GRAPH).rows}


def _run(command: list[str]) -> float:
    started = time.monotonic()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return time.monotonic() - started


def _kill_repeatedly(command: list[str], store: Path, reference: dict,
                     wait: Callable[[subprocess.Popen, random.Random, int], None]) -> None:
    """Start ``command``, let ``wait`` pick the moment, SIGKILL it, check the store; KILLS times, then re-run."""
    rng = random.Random(2024)
    stored_after_kills = []
    for _ in range(KILLS):
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        wait(process, rng, len(reference) - (stored_after_kills[-1] if stored_after_kills else 0))
        process.send_signal(signal.SIGKILL)
        process.wait(30)
        process.stdout.close()
        partial = _contents(store)
        for graph, sizes in partial.items():
            assert sizes == reference[graph], f"{graph} is partly written: {sizes} != {reference[graph]}"
        stored_after_kills.append(len(partial))
    # the kills did land in the middle of the ingest (otherwise this test would prove nothing)
    assert any(1 < stored < len(reference) for stored in stored_after_kills), stored_after_kills
    _run(command)  # the re-run completes the set
    assert _contents(store) == reference


def test_killed_ingests_leave_whole_articles_and_a_rerun_completes(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", 300, sentences=8)
    command = [sys.executable, str(HELPER), "STORE", "--progress", str(corpus)]
    _run([tmp_path.joinpath("clean") if a == "STORE" else a for a in command])
    reference = _contents(tmp_path / "clean")

    def after_some_articles(process, rng, remaining):
        """Kill a few milliseconds after a random number of articles were stored in this run."""
        for _ in range(rng.randint(1, max(2, remaining // 3))):
            if not process.stdout.readline():
                return
        time.sleep(rng.uniform(0, 0.01))

    crashed = [str(tmp_path / "crashed") if a == "STORE" else a for a in command]
    _kill_repeatedly(crashed, tmp_path / "crashed", reference, after_some_articles)


@pytest.mark.slow
def test_killed_cli_ingests_with_the_real_extractor(tmp_path):
    """The same with ``python -m graph ingest`` on copies of the seed and held-out articles."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    sources = sorted((ROOT / "tests" / "fixtures" / "corpus_heldout").glob("*.txt"))
    sources.append(ROOT / "seeds" / "iraq-militias-disarm.txt")
    for copy in range(30):
        for source in sources:
            text = source.read_text(encoding="utf-8")
            (corpus / f"c{copy:02d}-{source.stem}.txt").write_text(f"{text}\n(copy {copy})\n", encoding="utf-8")

    def command(store: Path) -> list[str]:
        return [sys.executable, "-m", "graph", "ingest", str(corpus), "--store", str(store)]

    clean_seconds = _run(command(tmp_path / "clean"))
    reference = _contents(tmp_path / "clean")
    assert sum(claims for _, claims in reference.values()) > 0

    def at_a_random_time(process, rng, remaining):
        time.sleep(rng.uniform(0.3, 0.6) * clean_seconds * remaining / len(reference))

    _kill_repeatedly(command(tmp_path / "crashed"), tmp_path / "crashed", reference, at_a_random_time)
