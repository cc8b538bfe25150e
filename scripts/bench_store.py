"""Store benchmark: actorgraph's store against pyoxigraph used directly (the limit) and rdflib's
in-memory Dataset (what a user would otherwise do), then an end-to-end ``build``.

For each size (100k and 1M quads of a synthetic actorgraph-shaped dataset): load, four SPARQL
queries (a selective lookup, an aggregate, a two-hop path, a degree GROUP BY) and an N-Quads
export, each the median of several runs, printed with ratios measured in the same run. rdflib
steps are capped (``--cap`` seconds each) and shown as "> cap" when they exceed it. Then
``actorgraph build`` over generated news articles in a child process: articles per second and
peak memory (``resource.getrusage`` of the children).

    scripts/bench            # 100k and 1M quads, 10,000 articles
    scripts/bench --quick    # 100k quads, 1,000 articles
"""
from __future__ import annotations

import argparse
import gc
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pyoxigraph as ox  # noqa: E402
import yaml  # noqa: E402

from graph.store.oxigraph import OxigraphStore  # noqa: E402

AG = "https://actorgraph.org/ontology#"
ACTOR = "https://actorgraph.org/actor/"
ARTICLE = "https://actorgraph.org/article/"
CLAIM = "https://actorgraph.org/claim/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
PROV = "http://www.w3.org/ns/prov#"
DCT = "http://purl.org/dc/terms/"
RELATIONS = ["backedBy", "alliedWith", "hostileTo", "attacked", "metWith", "memberOf", "designated", "threatened"]

PREFIXES = f"PREFIX ag: <{AG}>\nPREFIX rdf: <{RDF}>\nPREFIX actor: <{ACTOR}>\n"
QUERIES = {
    "lookup": PREFIXES + "SELECT ?claim ?object WHERE { ?claim rdf:subject actor:a42 ; rdf:object ?object }",
    "aggregate": PREFIXES + "SELECT ?relation (COUNT(?claim) AS ?n) (AVG(?c) AS ?confidence) "
                            "WHERE { ?claim a ag:Claim ; rdf:predicate ?relation ; ag:confidence ?c } GROUP BY ?relation",
    "two-hop": PREFIXES + "SELECT DISTINCT ?far WHERE { VALUES ?r1 { " + " ".join(f"ag:{r}" for r in RELATIONS) +
                          " } VALUES ?r2 { " + " ".join(f"ag:{r}" for r in RELATIONS) +
                          " } actor:a42 ?r1 ?mid . ?mid ?r2 ?far }",
    "degree": PREFIXES + "SELECT ?actor (COUNT(?claim) AS ?degree) WHERE { { ?claim rdf:subject ?actor } UNION "
                         "{ ?claim rdf:object ?actor } } GROUP BY ?actor ORDER BY DESC(?degree) LIMIT 20",
}
STEPS = ["load", *QUERIES, "export"]


# --------------------------------------------------------------------------- synthetic data

def write_quads(path: Path, quads: int, seed: int = 1) -> int:
    """An actorgraph-shaped N-Quads file of about ``quads`` quads: one graph per article, each with
    its metadata, claims (reified, with their edges) and actor descriptions. Returns the count."""
    rng = random.Random(seed)
    actors = max(500, quads // 200)
    written = 0
    article = 0
    with path.open("w", encoding="utf-8") as out:
        while written < quads:
            graph = f"<{ARTICLE}n{article}>"
            lines = [f'{graph} <{RDF}type> <{AG}Article> {graph} .',
                     f'{graph} <{DCT}title> "Synthetic report {article}" {graph} .',
                     f'{graph} <{DCT}date> "2025-{1 + article % 12:02d}-{1 + article % 28:02d}"^^<{XSD}date> {graph} .']
            named = set()
            for number in range(rng.randint(2, 8)):
                # a skewed choice of actors, so that some are hubs as in real news
                subject, obj = (int(actors * rng.random() ** 2) for _ in range(2))
                relation = rng.choice(RELATIONS)
                claim = f"<{CLAIM}n{article}-{number}>"
                s, o = f"<{ACTOR}a{subject}>", f"<{ACTOR}a{obj}>"
                named.update((subject, obj))
                lines += [f"{s} <{AG}{relation}> {o} {graph} .",
                          f"{claim} <{RDF}type> <{AG}Claim> {graph} .",
                          f"{claim} <{RDF}subject> {s} {graph} .",
                          f"{claim} <{RDF}predicate> <{AG}{relation}> {graph} .",
                          f"{claim} <{RDF}object> {o} {graph} .",
                          f'{claim} <{AG}evidence> "Actor {subject} {relation} actor {obj}, officials said." {graph} .',
                          f'{claim} <{AG}confidence> "{rng.choice(["0.6", "0.75", "0.9"])}"^^<{XSD}decimal> {graph} .',
                          f"{claim} <{PROV}wasDerivedFrom> {graph} {graph} ."]
            for actor in named:
                lines += [f"<{ACTOR}a{actor}> <{RDF}type> <{AG}ArmedGroup> {graph} .",
                          f'<{ACTOR}a{actor}> <{RDFS}label> "Actor {actor}" {graph} .']
            out.write("\n".join(lines) + "\n")
            written += len(lines)
            article += 1
    return written


# --------------------------------------------------------------------------- the three contenders

class Capped(Exception):
    """A step ran past its cap."""


def _timed(work, cap: float | None = None) -> float:
    """Seconds ``work()`` took; with ``cap``, raises ``Capped`` once it runs longer (SIGALRM
    interrupts rdflib's pure-Python code between bytecodes)."""
    gc.collect()
    if cap:
        def stop(signum, frame):
            raise Capped()
        signal.signal(signal.SIGALRM, stop)
        signal.setitimer(signal.ITIMER_REAL, cap)
    started = time.perf_counter()
    try:
        work()
    finally:
        if cap:
            signal.setitimer(signal.ITIMER_REAL, 0)
    return time.perf_counter() - started


def run_actorgraph(data: Path, folder: Path) -> dict[str, float]:
    times = {}
    with OxigraphStore(folder / "actorgraph") as store:
        times["load"] = _timed(lambda: store.bulk_load(data, "nquads"))
        for name, query in QUERIES.items():
            times[name] = _timed(lambda: store.query(query).rows)
        with open(folder / "actorgraph.nq", "wb") as out:
            times["export"] = _timed(lambda: store.dump(out, "nquads"))
    return times


def run_pyoxigraph(data: Path, folder: Path) -> dict[str, float]:
    times = {}
    store = ox.Store(str(folder / "pyoxigraph"))
    times["load"] = _timed(lambda: store.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS))
    for name, query in QUERIES.items():
        times[name] = _timed(lambda: list(store.query(query, use_default_graph_as_union=True)))
    with open(folder / "pyoxigraph.nq", "wb") as out:
        times["export"] = _timed(lambda: store.dump(out, format=ox.RdfFormat.N_QUADS))
    del store
    return times


def run_rdflib(data: Path, folder: Path, cap: float) -> dict[str, float]:
    """rdflib's in-memory Dataset; a step past ``cap`` is recorded as infinity ("> cap")."""
    from rdflib import Dataset

    times: dict[str, float] = {}
    dataset = Dataset(default_union=True)
    try:
        times["load"] = _timed(lambda: dataset.parse(str(data), format="nquads"), cap)
    except Capped:
        return dict.fromkeys(STEPS, float("inf"))
    for name, query in QUERIES.items():
        try:
            times[name] = _timed(lambda: list(dataset.query(query)), cap)
        except Capped:
            times[name] = float("inf")
    try:
        times["export"] = _timed(lambda: dataset.serialize(str(folder / "rdflib.nq"), format="nquads"), cap)
    except Capped:
        times["export"] = float("inf")
    return times


def median_times(runner, runs: int, *args) -> dict[str, float]:
    results = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="actorgraph-bench-") as folder:
            results.append(runner(*args[:1], Path(folder), *args[1:]))
    return {step: statistics.median(r[step] for r in results) for step in STEPS}


# --------------------------------------------------------------------------- end-to-end build

TEMPLATES = [
    "{a} is backed by {b}, officials said.",
    "{a} attacked positions held by {b} on Tuesday.",
    "{a} met {b} in the capital to discuss a ceasefire.",
    "{a} and {b} signed an alliance agreement.",
    "{a} threatened {b} with retaliation.",
    "The {a} designated {b} as a terrorist organisation.",
    "{a} denied any links to {b}.",
    "{a}, which is supported by {b}, claimed the strike.",
    "Fighters from {a} clashed with {b} near the border.",
    "{a} sanctioned {b} over the attacks.",
]


def write_articles(folder: Path, count: int, seed: int = 3) -> None:
    """``count`` news-like articles naming gazetteer actors, with a meta.jsonl sidecar."""
    names = []
    for path in sorted((ROOT / "ontology" / "gazetteer").glob("*.yaml")):
        names += [entry["name"] for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or [] if "name" in entry]
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    filler = ("Analysts said the situation remained volatile. Residents reported heavy traffic on the main road. "
              "The statement did not give further details.")
    with (folder / "meta.jsonl").open("w", encoding="utf-8") as meta:
        for number in range(count):
            sentences = [rng.choice(TEMPLATES).format(a=rng.choice(names), b=rng.choice(names)) for _ in range(8)]
            paragraphs = [" ".join(sentences[i:i + 2]) + " " + filler for i in range(0, 8, 2)]
            doc = f"n{number:05d}"
            (folder / f"{doc}.txt").write_text(f"Synthetic report {number}\n\n" + "\n\n".join(paragraphs) + "\n",
                                               encoding="utf-8")
            meta.write(f'{{"doc": "{doc}", "date": "2025-{1 + number % 12:02d}-{1 + number % 28:02d}", '
                       f'"source": "bench"}}\n')


def run_build(articles: int, jobs: int) -> dict[str, float] | str:
    """``actorgraph build`` (and ``ingest --jobs``) over generated articles in child processes."""
    with tempfile.TemporaryDirectory(prefix="actorgraph-build-") as folder:
        corpus = Path(folder) / "corpus"
        write_articles(corpus, articles)
        results: dict[str, float] = {}
        for label, command in (
            ("build", ["build", str(corpus), "--out", str(Path(folder) / "out")]),
            (f"ingest --jobs {jobs}", ["ingest", str(corpus), "--store", str(Path(folder) / "store"), "--jobs", str(jobs)]),
        ):
            started = time.perf_counter()
            done = subprocess.run([sys.executable, "-c", MEASURED, sys.executable, "-m", "graph", *command], cwd=ROOT,
                                  capture_output=True, text=True)
            seconds = time.perf_counter() - started
            if done.returncode != 0:
                return f"{label} failed: {(done.stderr.strip().splitlines() or ['?'])[-1]}"
            *output, peak_kib = done.stdout.strip().splitlines()
            results[f"{label} seconds"] = seconds
            results[f"{label} articles/s"] = articles / seconds
            results[f"{label} summary"] = output[0] if output else ""
            results[f"{label} peak MB (largest process)"] = int(peak_kib) / 1024
        return results


# Runs a command and prints, last, the peak resident set (KiB) of the largest process it started:
# ru_maxrss of RUSAGE_CHILDREN covers every waited-for descendant (the ingest's workers too).
MEASURED = """import resource, subprocess, sys
code = subprocess.call(sys.argv[1:])
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(code)"""


# --------------------------------------------------------------------------- report

def _fmt(seconds: float, cap: float) -> str:
    if seconds == float("inf"):
        return f"> {cap:g} s"
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def _ratio(a: float, b: float, cap: float) -> str:
    """a / b; when ``a`` hit its cap the ratio is at least cap / b."""
    if b <= 0:
        return "n/a"
    return f"> {cap / b:.0f}x" if a == float("inf") else f"{a / b:.2f}x"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="100k quads and 1,000 articles only")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument("--rdflib-runs-1m", type=int, default=1, help="rdflib runs at 1M quads (each takes minutes)")
    parser.add_argument("--cap", type=float, default=60.0, help="seconds allowed per rdflib step")
    parser.add_argument("--articles", type=int, help="articles for the build (default 10,000; 1,000 with --quick)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="--jobs for the parallel ingest")
    parser.add_argument("--skip-build", action="store_true", help="only the store measurements")
    parser.add_argument("--build-only", action="store_true", help="only the end-to-end build")
    options = parser.parse_args(argv)
    sizes = [100_000] if options.quick else [100_000, 1_000_000]
    articles = options.articles or (1_000 if options.quick else 10_000)

    if not options.build_only:
        store_benchmark(sizes, options)
    if options.skip_build:
        return
    print(f"\nend-to-end over {articles} generated articles ({options.jobs} jobs for the parallel ingest):", flush=True)
    build = run_build(articles, options.jobs)
    if isinstance(build, str):
        print(f"  {build}")
        return
    for key, value in build.items():
        print(f"  {key:<36} {value if isinstance(value, str) else f'{value:,.1f}'}")


def store_benchmark(sizes: list[int], options) -> None:
    """The load / query / export table for each size."""
    print(f"actorgraph store benchmark: medians of {options.runs} runs; rdflib capped at {options.cap:g} s per step; "
          f"{os.cpu_count()} cores", flush=True)
    header = f"{'quads':>9}  {'step':<9} {'actorgraph':>11} {'pyoxigraph':>11} {'rdflib':>11}  {'ag/pyox':>8} {'rdflib/ag':>10}"
    rows = []
    with tempfile.TemporaryDirectory(prefix="actorgraph-data-") as folder:
        for size in sizes:
            data = Path(folder) / f"{size}.nq"
            count = write_quads(data, size)
            ours = median_times(run_actorgraph, options.runs, data)
            direct = median_times(run_pyoxigraph, options.runs, data)
            rdflib_runs = options.runs if size < 1_000_000 else options.rdflib_runs_1m
            theirs = median_times(run_rdflib, rdflib_runs, data, options.cap)
            for step in STEPS:
                rows.append(f"{count:>9}  {step:<9} {_fmt(ours[step], options.cap):>11} "
                            f"{_fmt(direct[step], options.cap):>11} {_fmt(theirs[step], options.cap):>11}  "
                            f"{_ratio(ours[step], direct[step], options.cap):>8} {_ratio(theirs[step], ours[step], options.cap):>10}")
            print("\n".join([header, *rows[-len(STEPS):]]), flush=True)
            if rdflib_runs != options.runs:
                print(f"(rdflib at {count} quads: {rdflib_runs} run)", flush=True)
            data.unlink()
    if len(sizes) > 1:
        print()
        print(header)
        print("\n".join(rows))


if __name__ == "__main__":
    main()
