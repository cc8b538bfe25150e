"""The main jobs: ``ingest`` (articles → claims → store) and ``build`` (ingest, then report, view, exports).

Each article is written as one named graph in one transaction, so an interrupted ingest leaves
every article wholly present or absent, and a re-run completes it. Unchanged articles (same
content hash) are skipped.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

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
    failed: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def line(self) -> str:
        rate = self.articles / self.seconds if self.seconds else 0.0
        return (f"{self.articles} articles ingested ({self.unchanged} unchanged skipped, {len(self.failed)} failed), "
                f"{self.claims} claims ({self.negated} negated), {rate:.1f} articles/s")


def ensure_ontology(store: Store) -> None:
    """Load the ontology into its own named graph (replacing an older copy)."""
    ontology = Graph().parse(ontology_dir() / "actorgraph.ttl", format="turtle")
    store.put_graph(ONTOLOGY_GRAPH, ontology)


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    *,
    extractor=None,
    on_error: Callable[[InputError], None] | None = None,
    on_warning: Callable[[str], None] | None = None,
    progress: ProgressCallback | None = None,
) -> IngestSummary:
    """Extract claims from every article under ``paths`` and store each article as one named graph.

    Without ``on_error`` the first bad file stops the ingest (articles already stored stay stored).
    """
    from graph.extract import Extractor
    from graph.gazetteer import load_gazetteer

    extractor = extractor or Extractor(load_gazetteer())
    summary = IngestSummary()
    started = time.perf_counter()

    def record_error(error: InputError) -> None:
        summary.failed.append(str(error))
        if on_error is None:
            raise error
        on_error(error)

    ensure_ontology(store)
    known = store.article_hashes()
    for article in read_articles(paths, on_error=record_error, on_warning=on_warning):
        iri = article_iri(article.id)
        if known.get(str(iri)) == article.content_hash:
            summary.unchanged += 1
            if progress:
                progress(article, 0)
            continue
        claims = extractor.extract(article)
        store.put_graph(iri, article_graph_triples(article, claims))
        known[str(iri)] = article.content_hash
        summary.articles += 1
        summary.claims += len(claims)
        summary.negated += sum(1 for c in claims if c.polarity == "negative")
        if progress:
            progress(article, len(claims))
    summary.seconds = time.perf_counter() - started
    return summary


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
