"""Several processes on one store: a second writer fails at once naming the writer's PID, readers
keep working (and see whole articles only) while a writer runs, and a query timeout exits promptly."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from graph.articles import read_articles
from graph.rdf import article_iri
from graph.store.oxigraph import LOCK_NAME, OxigraphStore
from helpers_store import StubExtractor, write_corpus

ROOT = Path(__file__).resolve().parent.parent
HELPER = Path(__file__).resolve().parent / "helpers_store.py"
CLAIMS_PER_GRAPH = """SELECT ?g (COUNT(?c) AS ?n)
WHERE { GRAPH ?g { ?g a <https://actorgraph.org/ontology#Article> OPTIONAL { ?c a <https://actorgraph.org/ontology#Claim> } } }
GROUP BY ?g"""


def _writer(store: Path, corpus: Path, delay: float) -> subprocess.Popen:
    """An ingest in another process; returns once it holds the store's write lock."""
    process = subprocess.Popen([sys.executable, str(HELPER), str(store), f"--delay={delay}", "--progress", str(corpus)],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout.readline(), process.stderr.read()  # the first article is stored: the lock is held
    return process


def _cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graph", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout)


def test_a_second_writer_fails_at_once_with_the_first_writers_pid(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", 200)
    writer = _writer(tmp_path / "store", corpus, delay=0.05)
    try:
        started = time.monotonic()
        second = _cli("ingest", str(corpus), "--store", str(tmp_path / "store"), timeout=30)
        assert second.returncode == 4
        assert f"store is locked by PID {writer.pid}" in second.stderr
        assert second.stderr.count("\n") == 1  # one line, no traceback
        assert time.monotonic() - started < 15  # failed at once, did not wait for the writer
    finally:
        writer.kill()
        writer.wait()
    assert (tmp_path / "store" / LOCK_NAME).exists()
    with OxigraphStore(tmp_path / "store"):  # the kill released the lock
        pass


def test_readers_keep_working_while_a_writer_runs(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", 300)
    expected = {str(article_iri(a.id)): len(StubExtractor().extract(a)) for a in read_articles([corpus])}
    store = tmp_path / "store"
    writer = _writer(store, corpus, delay=0.01)
    seen: list[int] = []
    try:
        while writer.poll() is None:
            with OxigraphStore(store, read_only=True) as reader:
                for _ in range(3):  # the same reader, queried again while the writer goes on
                    counts = {str(g): n.toPython() for g, n in reader.query(CLAIMS_PER_GRAPH).rows}
                    assert all(counts[g] == expected[g] for g in counts)  # whole articles only
                    seen.append(len(counts))
            time.sleep(0.05)
        assert writer.returncode == 0, writer.stderr.read()
        from_cli = _cli("query", "SELECT (COUNT(?g) AS ?n) WHERE { ?g a ag:Article }", "--store", str(store),
                        "--format", "csv")
        assert from_cli.returncode == 0, from_cli.stderr
        assert from_cli.stdout.split() == ["n", "300"]
    finally:
        writer.kill()
        writer.wait()
    assert len(seen) >= 3 and seen == sorted(seen)
    assert any(0 < n < 300 for n in seen), seen  # some reads really happened during the writing


def test_a_query_past_its_timeout_exits_promptly_with_a_clear_message(tmp_path):
    with OxigraphStore(tmp_path / "store") as store:
        from rdflib import Literal, URIRef

        store.put_graph(URIRef("http://example.org/g"),
                        [(URIRef(f"http://example.org/s{i}"), URIRef("http://example.org/p"), Literal(i))
                         for i in range(3000)])
    started = time.monotonic()
    result = _cli("query", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }",
                  "--store", str(tmp_path / "store"), "--timeout", "0.5", timeout=60)
    assert result.returncode == 3, result.stderr
    assert "timeout" in result.stderr and result.stderr.count("\n") == 1
    assert time.monotonic() - started < 20
