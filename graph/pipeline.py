"""The main jobs: ``ingest`` (articles → claims → store) and ``build`` (ingest, then report, view, exports).

Each article is written as one named graph in one transaction, so an interrupted ingest leaves
every article wholly present or absent, and a re-run completes it. Unchanged articles (same
content hash) are skipped.
"""
from __future__ import annotations

import multiprocessing
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from rdflib import Graph

from graph.articles import Article, read_articles
from graph.errors import InputError
from graph.rdf import article_graph_triples, article_iri
from graph.settings import ontology_dir
from graph.store import Store
from graph.vocab import ONTOLOGY_GRAPH

ProgressCallback = Callable[[Article, int], None]


@dataclass
class IngestSummary:
    """What an ingest did."""

    articles: int = 0
    unchanged: int = 0
    claims: int = 0
    negated: int = 0
    imported: int = 0
    inferred: int = 0
    curation: str = ""
    failed: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def line(self) -> str:
        rate = self.articles / self.seconds if self.seconds else 0.0
        imported = f", {self.imported} RDF files imported" if self.imported else ""
        return (f"{self.articles} articles ingested ({self.unchanged} unchanged skipped, {len(self.failed)} failed)"
                f"{imported}, {self.claims} claims ({self.negated} negated), {self.inferred} inferred edges, "
                f"{rate:.1f} articles/s")


def ensure_ontology(store: Store) -> None:
    """Load the ontology into its own named graph (replacing an older copy)."""
    ontology = Graph().parse(ontology_dir() / "actorgraph.ttl", format="turtle")
    store.put_graph(ONTOLOGY_GRAPH, ontology)


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    *,
    extractor=None,
    jobs: int = 1,
    chunk_size: int = 8,
    on_error: Callable[[InputError], None] | None = None,
    on_warning: Callable[[str], None] | None = None,
    progress: ProgressCallback | None = None,
    curation_folder: str | Path | None = None,
) -> IngestSummary:
    """Extract claims from every article under ``paths`` and store each article as one named graph.

    RDF files named in ``paths`` (an earlier export: ``.ttl .trig .nq .nt .jsonld``) are loaded
    as they are. Afterwards the analysts' curation (``curation_folder``, default ``./curation``
    or ``$ACTORGRAPH_CURATION``) is applied again and the inferred graph rebuilt, so review
    decisions survive every rebuild; the curation files are checked before anything is written.

    Articles stream from disk; with ``jobs`` > 1 extraction runs in that many worker processes,
    fed ``chunk_size`` articles at a time with a bounded number of chunks in flight, while this
    process alone writes to the store. Without ``on_error`` the first bad file stops the ingest
    (articles already stored stay stored).
    """
    summary = IngestSummary()
    started = time.perf_counter()

    def record_error(error: InputError) -> None:
        summary.failed.append(str(error))
        if on_error is None:
            raise error
        on_error(error)

    from graph.curation import apply_curation, load_curation
    from graph.export import IMPORT_SUFFIXES, import_rdf
    from graph.inference import materialise_inferences

    load_curation(curation_folder)  # a malformed curation file stops us before any write
    paths = [Path(p) for p in paths]
    rdf_files = [p for p in paths if p.suffix.lower() in IMPORT_SUFFIXES and p.is_file()]
    paths = [p for p in paths if p not in rdf_files]
    ensure_ontology(store)
    for rdf_file in rdf_files:
        import_rdf(store, rdf_file)
        summary.imported += 1
    known = store.article_hashes() if paths else {}

    def changed_articles() -> Iterator[Article]:
        for article in read_articles(paths, on_error=record_error, on_warning=on_warning):
            iri = str(article_iri(article.id))
            if known.get(iri) == article.content_hash:
                summary.unchanged += 1
                if progress:
                    progress(article, 0)
                continue
            known[iri] = article.content_hash  # a repeated id later in the same run is then skipped too
            yield article

    if paths:
        for results in _extracted_chunks(_chunks(changed_articles(), chunk_size), extractor, jobs):
            store.put_graphs((article_iri(r.article.id), r.triples) for r in results)
            for result in results:
                summary.articles += 1
                summary.claims += result.claims
                summary.negated += result.negated
                if progress:
                    progress(result.article, result.claims)
    summary.curation = apply_curation(store, curation_folder).line()
    summary.inferred = materialise_inferences(store)
    summary.seconds = time.perf_counter() - started
    return summary


@dataclass
class Extracted:
    """One article after extraction: the triples of its named graph and its claim counts."""

    article: Article
    triples: list
    claims: int
    negated: int


_worker_extractor = None  # the extractor of a worker process, set once by _start_worker
_worker_error: Exception | None = None  # why it could not be made (raised with the first chunk)


def _start_worker(extractor) -> None:
    global _worker_extractor, _worker_error
    try:
        _worker_extractor = extractor or _default_extractor()
    except Exception as error:  # a failing initializer would only break the pool: report it per chunk
        _worker_error = error


def _default_extractor():
    from graph.extract import Extractor
    from graph.gazetteer import load_gazetteer

    return Extractor(load_gazetteer())


def extract_chunk(articles: list[Article], extractor=None) -> list[Extracted]:
    """Extract a chunk of articles (in a worker process, with its extractor, unless one is given)."""
    if extractor is None and _worker_error is not None:
        raise _worker_error
    extractor = extractor or _worker_extractor
    results = []
    for article in articles:
        claims = extractor.extract(article)
        results.append(Extracted(article, article_graph_triples(article, claims), len(claims),
                                 sum(1 for c in claims if c.polarity == "negative")))
    return results


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    """Lists of ``size`` items; when reading fails, the items read so far still come out first."""
    chunk: list = []
    try:
        for item in items:
            chunk.append(item)
            if len(chunk) == size:
                yield chunk
                chunk = []
    except Exception:
        if chunk:
            yield chunk
        raise
    if chunk:
        yield chunk


def _extracted_chunks(chunks: Iterator[list[Article]], extractor, jobs: int) -> Iterator[list[Extracted]]:
    """Extracted chunks in input order; with ``jobs`` > 1, from a process pool with at most
    ``2 * jobs`` chunks in flight, so memory stays flat however large the corpus."""
    if jobs <= 1:
        extractor = extractor or _default_extractor()
        for chunk in chunks:
            yield extract_chunk(chunk, extractor)
        return
    # "spawn": workers must not inherit the open store's database threads and locks.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker,
                             initargs=(extractor,)) as pool:
        pending: deque = deque()
        try:
            try:
                for chunk in chunks:
                    pending.append(pool.submit(extract_chunk, chunk))
                    if len(pending) >= 2 * jobs:
                        yield pending.popleft().result()
            except Exception:  # a bad file stops the ingest: still store what was read before it
                while pending:
                    yield pending.popleft().result()
                raise
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


@dataclass
class BuildOutputs:
    """The files a build wrote."""

    folder: Path
    files: dict[str, Path] = field(default_factory=dict)


EXPORT_FILES = {
    "turtle": "graph.ttl",
    "trig": "graph.trig",
    "nquads": "graph.nq",
    "jsonld": "graph.jsonld",
    "graphml": "network.graphml",
    "gexf": "network.gexf",
    "csv": "edges.csv",
}


def build_outputs(store: Store, out_dir: Path, *, top: int = 20) -> BuildOutputs:
    """Write the centrality report (Markdown, CSV, JSON, HTML), the HTML network view and every export."""
    from graph.analysis import load_network
    from graph.export import export
    from graph.render import render_html
    from graph.report import build_report, write_report

    out_dir.mkdir(parents=True, exist_ok=True)
    outputs = BuildOutputs(out_dir)
    network = load_network(store)
    report = build_report(network, top=top)
    outputs.files["view"] = render_html(network, out_dir / "view.html", report=report)
    for fmt, name in (("md", "report.md"), ("csv", "report.csv"), ("json", "report.json"), ("html", "report.html")):
        outputs.files[f"report-{fmt}"] = write_report(report, out_dir / name, fmt)
    for fmt, name in EXPORT_FILES.items():
        outputs.files[f"export-{fmt}"] = export(store, fmt, out_dir / name)
    return outputs
