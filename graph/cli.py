"""The ``actorgraph`` command: parses options, calls library functions, turns errors into one line.

Every command is a thin wrapper: the work is done by functions of the stage modules, which tests
call directly. Library errors (``graph.errors.ActorgraphError``) become ``actorgraph: error: …``
on stderr and a non-zero exit status; nothing here prints a traceback.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from graph import __version__
from graph.errors import ActorgraphError
from graph.settings import default_store
from graph.vocab import RELATIONS

ISO_DATE = click.DateTime(formats=["%Y-%m-%d"])


def _store_options(function):
    """--store, --query-url and --update-url, shared by every command that reads or writes the store."""
    function = click.option(
        "--update-url", envvar="ACTORGRAPH_UPDATE_URL", metavar="URL",
        help="SPARQL Update endpoint of a remote server, when it is not derivable from --store.")(function)
    function = click.option(
        "--query-url", envvar="ACTORGRAPH_QUERY_URL", metavar="URL",
        help="SPARQL query endpoint of a remote server, when it is not derivable from --store.")(function)
    function = click.option(
        "--store", "store_location", default=default_store, show_default="$ACTORGRAPH_STORE or ./actorgraph-data",
        metavar="DIR|URL", help="Store folder (embedded Oxigraph) or http(s):// URL of a SPARQL 1.1 server.")(function)
    return function


def _window_options(function):
    """--since/--until: use only claims from articles dated inside the window."""
    function = click.option("--until", type=ISO_DATE, help="Only claims from articles dated on or before this day (YYYY-MM-DD).")(function)
    function = click.option("--since", type=ISO_DATE, help="Only claims from articles dated on or after this day (YYYY-MM-DD).")(function)
    return function


def _relations_option(function):
    return click.option(
        "--relations", metavar="REL,REL", callback=_parse_relations,
        help=f"Comma-separated relations to keep (default all): {', '.join(RELATIONS)}.")(function)


def _parse_relations(ctx, param, value):
    if not value:
        return None
    names = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [n for n in names if n not in RELATIONS]
    if unknown:
        raise click.BadParameter(f"unknown relation {', '.join(unknown)} (expected {', '.join(RELATIONS)})")
    return names


def _open(store_location: str, query_url=None, update_url=None, read_only=False):
    from graph.store import open_store

    return open_store(store_location, read_only=read_only, query_url=query_url, update_url=update_url)


def _day(value) -> str | None:
    return value.date().isoformat() if value else None


def _warn(message: str) -> None:
    click.echo(f"actorgraph: warning: {message}", err=True)


def _skip(error: Exception) -> None:
    click.echo(f"actorgraph: skipped: {error}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="actorgraph")
def cli() -> None:
    """actorgraph: a geopolitical actor knowledge graph from news articles.

    Feed it articles (.txt, .md, .html, .jsonl, folders); it finds who backs, leads, fights,
    meets, sanctions and allies with whom, keeps the sentence that says so for every claim,
    stores the graph as RDF, and writes centrality reports and an offline network view.

    Start with:  actorgraph build seeds/ --out out/
    """


# --------------------------------------------------------------------------- ingest & extract

def _ingest_options(function):
    """--strict, --jobs and --curation, shared by ingest and build."""
    function = click.option(
        "--curation", "curation_folder", type=click.Path(file_okay=False, path_type=Path), envvar="ACTORGRAPH_CURATION",
        help="Curation folder (review.yaml, assertions.yaml) applied after ingesting; default ./curation.")(function)
    function = click.option("--jobs", "-j", type=click.IntRange(0), default=1, show_default=True,
                            help="Extraction processes (0: one per core); the store is written by one process.")(function)
    function = click.option("--strict", is_flag=True,
                            help="Stop at the first bad file instead of reporting and skipping it.")(function)
    return function


def _ingest_into(store, paths, strict: bool, jobs: int, curation_folder):
    """Run the ingest with a progress bar and print its summary; bad files are reported and skipped."""
    from graph.pipeline import ingest as run_ingest

    with _progress("ingesting") as progress:
        summary = run_ingest(paths, store, jobs=jobs or os.cpu_count() or 1, on_error=None if strict else _skip,
                             on_warning=_warn, progress=progress, curation_folder=curation_folder)
    click.echo(summary.line())
    click.echo(summary.curation)
    return summary


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_store_options
@_ingest_options
def ingest(paths, store_location, query_url, update_url, strict, jobs, curation_folder):
    """Extract relations from articles and store them.

    PATHS are article files (.txt, .md, .html, .jsonl) or folders, read recursively, or RDF files
    (.ttl, .trig, .nq, .nt, .jsonld: an earlier export) loaded as they are. Articles already stored
    with the same content are skipped; a changed article replaces its old version. Each article is
    stored in one transaction: an interrupted ingest can simply be run again.
    """
    with _open(store_location, query_url, update_url) as store:
        summary = _ingest_into(store, paths, strict, jobs, curation_folder)
    if summary.failed and summary.articles == 0 and summary.unchanged == 0 and summary.imported == 0:
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table", "turtle"]), default="table", show_default=True,
              help="jsonl: one relation per line (the scoring format); table: aligned text; turtle: RDF.")
@click.option("--strict", is_flag=True, help="Stop at the first bad file instead of reporting and skipping it.")
def extract(paths, fmt, strict):
    """Extract relations from articles and print them, without storing anything.

    The jsonl lines have the keys doc, subject, subject_type, predicate, object, object_type,
    evidence, confidence, hedged and polarity ("negative" marks a stated denial, which is never
    a relation).
    """
    from graph.articles import read_articles
    from graph.extract import Extractor
    from graph.gazetteer import load_gazetteer

    extractor = Extractor(load_gazetteer())
    articles = read_articles(paths, on_error=None if strict else _skip, on_warning=_warn)
    if fmt == "turtle":
        click.echo(_claims_turtle(articles, extractor), nl=False)
        return
    for article in articles:
        for claim in extractor.extract(article):
            record = claim.to_record()
            if fmt == "jsonl":
                click.echo(json.dumps(record, ensure_ascii=False))
            else:
                flags = ("negated " if claim.polarity == "negative" else "") + ("hedged " if claim.hedged else "")
                click.echo(f"{article.id}\t{record['subject']}\t{claim.predicate}\t{record['object']}\t"
                           f"{claim.confidence:.2f}\t{flags.strip()}")


def _claims_turtle(articles, extractor) -> str:
    from rdflib import Dataset

    from graph.rdf import PREFIXES, article_graph_triples, article_iri

    dataset = Dataset()
    for prefix, iri in PREFIXES.items():
        dataset.bind(prefix, iri)
    for article in articles:
        graph = dataset.graph(article_iri(article.id))
        for triple in article_graph_triples(article, extractor.extract(article)):
            graph.add(triple)
    return dataset.serialize(format="trig")


@cli.command()
@click.argument("corpus", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the figures, misses and false hits as JSON.")
def evaluate(corpus, as_json):
    """Score the extractors on an annotated corpus (the ANNOTATION.md format).

    Prints precision, recall and F1 per relation and overall, then the misses and false hits
    with their evidence sentences. Agrees with the corpus's score.py.
    """
    from graph.evaluate import evaluate as run_evaluate
    from graph.evaluate import format_evaluation

    result = run_evaluate(corpus)
    click.echo(json.dumps(result, indent=2, ensure_ascii=False) if as_json else format_evaluation(result))


# --------------------------------------------------------------------------- query

@cli.command()
@click.argument("query_text", metavar="QUERY")
@_store_options
@_window_options
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a parameter of a canned query (repeatable); values are bound, never pasted into the text.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "turtle"]), default="table", show_default=True,
              help="Output format (turtle for CONSTRUCT/DESCRIBE).")
@click.option("--update", "allow_update", is_flag=True, help="Allow a SPARQL Update (queries are read-only otherwise).")
@click.option("--timeout", type=float, metavar="SECONDS", help="Stop a query that runs longer than this.")
@click.option("--include-rejected", is_flag=True, help="Also show claims rejected in review (marked as such).")
def query(query_text, store_location, query_url, update_url, since, until, params, fmt, allow_update, timeout,
          include_rejected):
    """Run a SPARQL query: QUERY is SPARQL text, a .rq file, or the name of a canned query.

    The ontology's prefixes (ag:, actor:, rdfs:, skos:, prov:, dcterms: ...) are predeclared.
    `actorgraph queries` lists the canned queries and their parameters.
    """
    from graph.query import format_result, run_query

    bindings = dict(_split_param(p) for p in params)
    with _open(store_location, query_url, update_url, read_only=not allow_update) as store:
        result = run_query(store, query_text, bindings, allow_update=allow_update, timeout=timeout,
                           since=_day(since), until=_day(until), include_rejected=include_rejected)
        click.echo(format_result(result, fmt), nl=False)


def _split_param(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise click.BadParameter(f"expected NAME=VALUE, got {text!r}", param_hint="--param")
    return name.strip(), value


@cli.command()
def queries():
    """List the canned queries shipped in ontology/queries/ with their parameters."""
    from graph.query import canned_queries

    for canned in canned_queries().values():
        params = ", ".join(canned.parameters) or "no parameters"
        click.echo(f"{canned.name:<24} {canned.description}  [{params}]")


# --------------------------------------------------------------------------- analysis, view, exports

@cli.command()
@_store_options
@_window_options
@_relations_option
@click.option("--format", "fmt", type=click.Choice(["md", "csv", "json", "html"]), default="md", show_default=True,
              help="Report format.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write to this file instead of stdout.")
@click.option("--top", type=click.IntRange(1), default=20, show_default=True, help="How many actors per table.")
@click.option("--by-type", is_flag=True, help="Rank the most central actors within each actor type.")
def report(store_location, query_url, update_url, since, until, relations, fmt, out, top, by_type):
    """Centrality report: who is central, who brokers, which blocs, with evidence.

    Measures per actor (name and type): in/out degree, weighted degree, PageRank, betweenness,
    eigenvector, closeness; communities; brokers.
    """
    from graph.analysis import load_network
    from graph.report import build_report, render_report, write_report

    with _open(store_location, query_url, update_url, read_only=True) as store:
        network = load_network(store, relations=relations, since=_day(since), until=_day(until))
    result = build_report(network, top=top, by_type=by_type)
    if out:
        click.echo(f"report written to {write_report(result, out, fmt)}")
    else:
        click.echo(render_report(result, fmt), nl=False)


@cli.command()
@_store_options
@_window_options
@_relations_option
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=Path("view.html"), show_default=True,
              help="The HTML file to write.")
@click.option("--size-by", type=click.Choice(["pagerank", "degree", "betweenness"]), default="pagerank",
              show_default=True, help="Which centrality sizes the nodes.")
@click.option("--top", type=click.IntRange(1), help="Keep only the N most central actors and their edges.")
@click.option("--actor", help="Render the neighbourhood of this actor only (name, alias or id).")
@click.option("--depth", type=click.IntRange(1), default=1, show_default=True, help="Hops around --actor.")
def render(store_location, query_url, update_url, since, until, relations, out, size_by, top, actor, depth):
    """Write the interactive network view: one self-contained HTML file that works offline."""
    from graph.analysis import ego_network, load_network
    from graph.render import render_html

    with _open(store_location, query_url, update_url, read_only=True) as store:
        network = load_network(store, relations=relations, since=_day(since), until=_day(until))
    if actor:
        network = ego_network(network, actor, depth=depth)
    path = render_html(network, out, size_by=size_by, top=top)
    click.echo(f"network view written to {path}")


@cli.command()
@_store_options
@_window_options
@click.option("--format", "fmt", required=True,
              type=click.Choice(["turtle", "trig", "nquads", "jsonld", "graphml", "gexf", "csv"]),
              help="RDF (turtle, trig, nquads, jsonld), Gephi (graphml, gexf) or an edge table (csv).")
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The file to write.")
@click.option("--inferred/--no-inferred", default=False, show_default=True,
              help="Include inferred statements (symmetric and inverse relations).")
def export(store_location, query_url, update_url, since, until, fmt, out, inferred):
    """Export the graph for other tools (Gephi, triple stores, spreadsheets)."""
    from graph.export import export as run_export

    with _open(store_location, query_url, update_url, read_only=True) as store:
        path = run_export(store, fmt, out, since=_day(since), until=_day(until), include_inferred=inferred)
    click.echo(f"{fmt} written to {path}")


@cli.command()
@_store_options
def validate(store_location, query_url, update_url):
    """Check the store against the SHACL shapes; exits non-zero and lists each violation."""
    from graph.validate import validate_store

    with _open(store_location, query_url, update_url, read_only=True) as store:
        result = validate_store(store)
    click.echo(result.text())
    if not result.conforms:
        sys.exit(5)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the report, the HTML view and the exports.")
@_store_options
@_ingest_options
@click.option("--top", type=click.IntRange(1), default=20, show_default=True, help="How many actors per report table.")
def build(paths, out, store_location, query_url, update_url, strict, jobs, curation_folder, top):
    """The main job: ingest PATHS, then write the report, the HTML view and the exports into --out.

    Without --store the graph is kept in OUT/store, so a build is self-contained.
    """
    from graph.pipeline import build_outputs

    if store_location == default_store() and "ACTORGRAPH_STORE" not in os.environ:
        store_location = str(out / "store")
    with _open(store_location, query_url, update_url) as store:
        _ingest_into(store, paths, strict, jobs, curation_folder)
        outputs = build_outputs(store, out, top=top)
    click.echo(f"HTML network view: {outputs.files['view']}")
    click.echo(f"centrality report: {outputs.files['report-md']} (also .csv, .json, .html)")
    exports = ", ".join(p.name for k, p in outputs.files.items() if k.startswith("export-"))
    click.echo(f"exports in {out}: {exports}")
    click.echo(f"store: {store_location}")


# --------------------------------------------------------------------------- questions

@cli.command()
@click.argument("source")
@click.argument("target")
@_store_options
@_window_options
@_relations_option
@click.option("--max-paths", type=click.IntRange(1), default=3, show_default=True, help="How many shortest chains to show.")
def path(source, target, store_location, query_url, update_url, since, until, relations, max_paths):
    """The shortest chains of relations linking actor SOURCE to actor TARGET, each hop with its evidence."""
    from graph.analysis import find_paths, format_paths, load_network

    with _open(store_location, query_url, update_url, read_only=True) as store:
        network = load_network(store, relations=relations, since=_day(since), until=_day(until))
    click.echo(format_paths(network, find_paths(network, source, target, max_paths=max_paths)), nl=False)


@cli.command()
@click.argument("actor")
@_store_options
@_window_options
@_relations_option
@click.option("--depth", type=click.IntRange(1), default=1, show_default=True, help="How many hops around ACTOR.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Also write the neighbourhood as an HTML view.")
def ego(actor, store_location, query_url, update_url, since, until, relations, depth, out):
    """ACTOR's neighbourhood: its relations as a table (and as an HTML view with --out)."""
    from graph.analysis import ego_network, format_ego, load_network

    with _open(store_location, query_url, update_url, read_only=True) as store:
        network = load_network(store, relations=relations, since=_day(since), until=_day(until))
    neighbourhood = ego_network(network, actor, depth=depth)
    click.echo(format_ego(neighbourhood, actor), nl=False)
    if out:
        from graph.render import render_html

        click.echo(f"network view written to {render_html(neighbourhood, out)}")


@cli.command()
@_store_options
@click.option("--before", required=True, metavar="DATE|FROM..TO", help="The earlier window: up to DATE, or FROM..TO.")
@click.option("--after", required=True, metavar="DATE|FROM..TO", help="The later window: from DATE on, or FROM..TO.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="table: readable text; json: for further work.")
def diff(store_location, query_url, update_url, before, after, fmt):
    """Relations that appeared or disappeared between two time windows, with evidence."""
    from graph.timeline import diff_windows, format_diff

    with _open(store_location, query_url, update_url, read_only=True) as store:
        changes = diff_windows(store, before, after)
    click.echo(format_diff(changes, fmt), nl=False)


@cli.group()
def review():
    """Curate the graph: reject or accept claims, merge actors; decisions survive rebuilds.

    Decisions are kept in a review file under version control (default ./curation/review.yaml,
    or $ACTORGRAPH_CURATION), not as edits to the store, and applied again on every ingest.
    """


def _review_options(function):
    """--curation and the store options shared by the review subcommands."""
    function = _store_options(function)
    return click.option(
        "--curation", "curation_folder", type=click.Path(file_okay=False, path_type=Path), envvar="ACTORGRAPH_CURATION",
        default=Path("curation"), show_default="$ACTORGRAPH_CURATION or ./curation",
        help="The curation folder holding review.yaml and assertions.yaml.")(function)


def _decide(section, target, relation, pair, note, curation_folder, store_location, query_url, update_url):
    """Record a reject/accept decision in review.yaml, then apply the curation to the store if there is one."""
    from graph.curation import Rule, claim_id, resolve_actor_id

    given = [x for x in (target, relation, pair) if x]
    if len(given) != 1:
        raise click.UsageError("give exactly one of CLAIM, --relation S P O or --pair A B")

    def work(store, known):
        if target:
            rule = Rule("claim", (claim_id(target),), note)
        elif relation:
            subject, name, obj = relation
            rule = Rule("relation", (resolve_actor_id(subject, known), name, resolve_actor_id(obj, known)), note)
        else:
            rule = Rule("pair", tuple(resolve_actor_id(a, known) for a in pair), note)
        return rule

    _record_and_apply(section, work, curation_folder, store_location, query_url, update_url)


def _record_and_apply(section, make_rule, curation_folder, store_location, query_url, update_url):
    from graph.curation import apply_curation, known_actors, record_decision
    from graph.inference import materialise_inferences

    exists = store_location.startswith(("http://", "https://")) or (Path(store_location) / "CURRENT").exists()
    store = _open(store_location, query_url, update_url) if exists else None
    try:
        known = known_actors(store)
        rule = make_rule(store, known)
        path = record_decision(curation_folder, section, rule, known)
        click.echo(f"{section}: {rule.describe() if hasattr(rule, 'describe') else f'{rule.merge} -> {rule.keep}'} "
                   f"(recorded in {path})")
        if store is not None:
            summary = apply_curation(store, curation_folder)
            materialise_inferences(store)
            click.echo(f"applied to {store_location}: {summary.line()}")
        else:
            click.echo(f"no store at {store_location} yet: the decision is applied at the next ingest or build")
    finally:
        if store is not None:
            store.close()


@review.command("reject")
@click.argument("target", metavar="[CLAIM]", required=False)
@click.option("--relation", nargs=3, metavar="S P O", help="Reject every claim of this relation (actor ids or names).")
@click.option("--pair", nargs=2, metavar="A B", help="Reject every claim between these two actors, any relation.")
@click.option("--note", help="Why (kept in review.yaml).")
@_review_options
def review_reject(target, relation, pair, note, curation_folder, store_location, query_url, update_url):
    """Reject a claim (by id or IRI), a relation, or every claim between two actors.

    Rejected claims leave reports, views, exports and canned queries (query --include-rejected
    still shows them, marked rejected).
    """
    _decide("rejected", target, relation, pair, note, curation_folder, store_location, query_url, update_url)


@review.command("accept")
@click.argument("target", metavar="[CLAIM]", required=False)
@click.option("--relation", nargs=3, metavar="S P O", help="Accept every claim of this relation (actor ids or names).")
@click.option("--pair", nargs=2, metavar="A B", help="Accept every claim between these two actors, any relation.")
@click.option("--note", help="Why (kept in review.yaml).")
@_review_options
def review_accept(target, relation, pair, note, curation_folder, store_location, query_url, update_url):
    """Accept a claim, a relation or a pair: it stays even when a rejection rule matches it (and undoes the same rejection)."""
    _decide("accepted", target, relation, pair, note, curation_folder, store_location, query_url, update_url)


@review.command("merge")
@click.argument("keep")
@click.argument("merge")
@click.option("--note", help="Why (kept in review.yaml).")
@_review_options
def review_merge(keep, merge, note, curation_folder, store_location, query_url, update_url):
    """Record that MERGE is the same actor as KEEP (ids or names): MERGE is read as KEEP everywhere."""
    from graph.curation import Merge, resolve_actor_id

    def make(store, known):
        return Merge(resolve_actor_id(keep, known), resolve_actor_id(merge, known), note)

    _record_and_apply("merged", make, curation_folder, store_location, query_url, update_url)


@review.command("list")
@click.option("--curation", "curation_folder", type=click.Path(file_okay=False, path_type=Path),
              envvar="ACTORGRAPH_CURATION", default=Path("curation"), show_default="$ACTORGRAPH_CURATION or ./curation",
              help="The curation folder holding review.yaml and assertions.yaml.")
def review_list(curation_folder):
    """List the review decisions and curated relations."""
    from graph.curation import format_review, load_curation

    click.echo(format_review(load_curation(curation_folder)), nl=False)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@_store_options
@click.option("--allow-update", is_flag=True, help="Accept SPARQL Update requests (read-only otherwise).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=60.0, show_default=True,
              metavar="SECONDS", help="Stop a query that runs longer than this.")
def serve(host, port, store_location, query_url, update_url, allow_update, timeout):
    """Serve the store as a SPARQL 1.1 Protocol endpoint (/sparql), with the network view and report.

    GET /sparql?query=… or POST (application/sparql-query, or a form); results as SPARQL JSON,
    XML, CSV or TSV (Turtle or N-Triples for CONSTRUCT) by the Accept header. /view is the
    network view, /report the centrality report. Read-only unless --allow-update.
    """
    from graph.serve import serve as run_server

    run_server(store_location, host=host, port=port, allow_update=allow_update,
               query_url=query_url, update_url=update_url, timeout=timeout)


# --------------------------------------------------------------------------- progress & entry point

class _progress:
    """A rich progress bar on stderr: articles, claims (relations) and articles per second;
    silent when stderr is not a terminal."""

    def __init__(self, label: str) -> None:
        self.label = label
        self._bar = None

    def __enter__(self):
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        console = Console(stderr=True)
        if not console.is_terminal:
            return None
        self._bar = Progress(SpinnerColumn(), TextColumn("{task.description}"),
                             TextColumn("{task.completed} articles"), TextColumn("{task.fields[claims]} relations"),
                             TextColumn("{task.fields[rate]:.1f} articles/s"), TimeElapsedColumn(),
                             console=console, transient=True)
        self._bar.start()
        self._task = self._bar.add_task(self.label, total=None, claims=0, rate=0.0)
        return self._advance

    def _advance(self, article, claims: int) -> None:
        task = self._bar.tasks[0]
        elapsed = task.elapsed or 0.0
        self._bar.update(self._task, advance=1, claims=task.fields["claims"] + claims,
                         rate=(task.completed + 1) / elapsed if elapsed > 0 else 0.0)

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.stop()


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; library errors become one line on stderr and a non-zero exit."""
    try:
        cli.main(args=argv, prog_name="actorgraph", standalone_mode=False)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except click.Abort:
        click.echo("actorgraph: aborted", err=True)
        sys.exit(130)
    except ActorgraphError as error:
        click.echo(f"actorgraph: error: {error}", err=True)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        click.echo("actorgraph: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as error:  # a bug: still one line, with a way to see the traceback
        if os.environ.get("ACTORGRAPH_DEBUG"):
            raise
        click.echo(f"actorgraph: internal error: {error.__class__.__name__}: {error} "
                   f"(set ACTORGRAPH_DEBUG=1 for the traceback)", err=True)
        sys.exit(70)
