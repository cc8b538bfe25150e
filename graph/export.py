"""Exports for other tools, and the import of an RDF export back into a store.

- RDF (``turtle``, ``trig``, ``nquads``, ``jsonld``): the store's graphs as they are (the ontology,
  one graph per article, the curated and review graphs; the inferred graph only with
  ``include_inferred``). Without a window or rejected claims they stream straight from the store
  (``Store.dump``). Otherwise the quads are read back and filtered: only claims dated inside the
  window and not rejected stay, with the edges they support, the articles they come from and the
  actors they name. Turtle holds the union of the graphs (it has no named graphs).
- Network (``graphml``, ``gexf``): ``graph.analysis.load_network`` flattened for Gephi: node
  attributes ``label``, ``name``, ``type``, ``aliases``, ``iri``; edge attributes ``relation``,
  ``weight`` (supporting articles), ``claims``, ``confidence``, ``hedged_only``, ``first_seen``,
  ``last_seen``, ``top_evidence`` (lists joined with "; ", missing dates as "").
- ``csv``: one edge per row with its evidence count (``CSV_COLUMNS``).

Every file is written to a temp file in the same folder and renamed, so an interrupted export
never leaves half a file. ``import_rdf`` loads any of the RDF exports into a store.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path


import networkx as nx
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import DCTERMS, RDF

from graph.errors import InputError, StoreError
from graph.files import write_atomically
from graph.rdf import PREFIXES
from graph.store.base import Store
from graph.vocab import ACTOR_NS, AG, GRAPH_NS, INFERRED_GRAPH

RDF_EXPORTS = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "jsonld": "jsonld"}
NETWORK_EXPORTS = ("graphml", "gexf", "csv")
FORMATS = (*RDF_EXPORTS, *NETWORK_EXPORTS)
IMPORT_SUFFIXES = {".ttl": "turtle", ".trig": "trig", ".nq": "nquads", ".jsonld": "jsonld", ".nt": "ntriples"}
CSV_COLUMNS = ("subject", "subject_type", "relation", "object", "object_type", "articles", "claims", "confidence",
               "hedged_only", "first_seen", "last_seen", "top_evidence")
LIST_SEPARATOR = "; "


def export(store: Store, fmt: str, out: Path, *, since: str | None = None, until: str | None = None,
           include_inferred: bool = False) -> Path:
    """Write the graph in ``fmt`` to ``out`` (atomically) and return the path."""
    out = Path(out)
    if fmt in RDF_EXPORTS:
        return write_atomically(out, lambda handle: write_rdf(store, fmt, handle, since=since, until=until,
                                                     include_inferred=include_inferred))
    if fmt in NETWORK_EXPORTS:
        from graph.analysis import load_network

        network = load_network(store, since=since, until=until)
        writer = {"graphml": write_graphml, "gexf": write_gexf, "csv": write_csv}[fmt]
        return write_atomically(out, lambda handle: writer(network, handle))
    raise InputError(f"unknown export format {fmt!r} (expected one of {', '.join(FORMATS)})")


# --------------------------------------------------------------------------------------- RDF

def write_rdf(store: Store, fmt: str, stream, *, since: str | None = None, until: str | None = None,
              include_inferred: bool = False) -> None:
    """The store's graphs in an RDF format, filtered when a window is given or claims were rejected."""
    graphs = [g for g in store.graphs() if include_inferred or g != INFERRED_GRAPH]
    if not (since or until) and not _has_rejected(store):
        if include_inferred or INFERRED_GRAPH not in store.graphs():
            store.dump(stream, fmt)  # the fast path: everything, streamed by the store
        elif fmt == "turtle":
            store.dump(stream, fmt, graphs=graphs)
        else:
            _serialize(_filtered_dataset(store, graphs, None, None), fmt, stream)
        return
    _serialize(_filtered_dataset(store, graphs, since, until), fmt, stream)


def _has_rejected(store: Store) -> bool:
    return bool(store.query("ASK { ?claim <https://actorgraph.org/ontology#rejected> true }").boolean)


def _serialize(dataset: Dataset, fmt: str, stream) -> None:
    for prefix, iri in PREFIXES.items():
        dataset.bind(prefix, iri, override=True)
    if fmt == "turtle":
        union = Graph()
        for prefix, iri in PREFIXES.items():
            union.bind(prefix, iri, override=True)
        for graph in dataset.graphs():
            for triple in graph:
                union.add(triple)
        union.serialize(stream, format="turtle")
    else:
        dataset.serialize(stream, format={"trig": "trig", "nquads": "nquads", "jsonld": "json-ld"}[fmt])


def _filtered_dataset(store: Store, graphs: list[URIRef], since: str | None, until: str | None) -> Dataset:
    """The chosen graphs with only the kept claims, the edges they support and what those need."""
    claims = _claims(store)
    kept = {c for c, (date, rejected) in claims.items()
            if not rejected and (not (since or until) or (date and (not since or date >= since)
                                                          and (not until or date <= until)))}
    dropped = set(claims) - kept
    dataset = Dataset()
    for graph_iri in graphs:
        triples = _quads(store, graph_iri)
        named = dataset.graph(graph_iri)
        for triple in _filter_graph(triples, kept, dropped, since, until):
            named.add(triple)
    return dataset


def _claims(store: Store) -> dict[URIRef, tuple[str | None, bool]]:
    result = store.query("""
        SELECT ?claim (SAMPLE(STR(?date)) AS ?day) (MAX(COALESCE(?isRejected, false)) AS ?rejected) WHERE {
          ?claim a <https://actorgraph.org/ontology#Claim> .
          OPTIONAL { ?claim <http://purl.org/dc/terms/date> ?date }
          OPTIONAL { ?claim <https://actorgraph.org/ontology#rejected> ?isRejected }
        } GROUP BY ?claim""")
    return {claim: (str(day) if day is not None else None, bool(rejected and rejected.toPython()))
            for claim, day, rejected in result.rows}


def _quads(store: Store, graph_iri: URIRef) -> list[tuple]:
    return list(store.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }}").rows)


def _statements(triples: list[tuple]) -> dict:
    """Claim and inferred-statement nodes of a graph: node -> ((subject, predicate, object), source claims)."""
    parts: dict = {}
    for s, p, o in triples:
        if p in (RDF.subject, RDF.predicate, RDF.object, AG.inferredFrom):
            parts.setdefault(s, {}).setdefault(p, set()).add(o)
    return {node: ((next(iter(found.get(RDF.subject, {None}))), next(iter(found.get(RDF.predicate, {None}))),
                    next(iter(found.get(RDF.object, {None})))), found.get(AG.inferredFrom, set()))
            for node, found in parts.items()}


def _filter_graph(triples: list[tuple], kept: set, dropped: set, since: str | None, until: str | None) -> list[tuple]:
    """A graph's triples without what depends on a dropped claim.

    A dropped claim's triples go (and ``<claim> ag:rejected true`` about it); an edge stays only
    while a kept claim of the same graph states it (an inferred edge: while one of its source claims
    is kept). With a window, an article graph dated outside it (or undated) goes entirely, and the
    curated graph keeps only the actors its kept claims name.
    """
    windowed = bool(since or until)
    statements = _statements(triples)
    alive = {node for node, (_, sources) in statements.items() if (bool(sources & kept) if sources else node in kept)}
    article_nodes = {s for s, p, o in triples if p == RDF.type and o == AG.Article}
    is_article_graph = bool(article_nodes)
    if windowed and is_article_graph:
        dates = [str(o) for s, p, o in triples if p == DCTERMS.date and s in article_nodes]
        if not dates or not all((not since or d >= since) and (not until or d <= until) for d in dates):
            return []
    stated = {edge for edge, _ in statements.values()}
    kept_edges = {statements[node][0] for node in alive}
    named = {actor for subject, _, obj in kept_edges for actor in (subject, obj)}
    out = []
    for triple in triples:
        subject = triple[0]
        if (subject in statements and subject not in alive) or subject in dropped:
            continue
        if triple in stated and triple not in kept_edges:
            continue
        if windowed and not is_article_graph and statements and _is_actor(subject) and subject not in named:
            continue
        out.append(triple)
    return out


def _is_actor(node) -> bool:
    return str(node).startswith(str(ACTOR_NS))


# --------------------------------------------------------------------------------------- network

def flat_network(network: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of the network whose attributes are strings and numbers only (what GraphML and GEXF can hold)."""
    flat = nx.MultiDiGraph()
    for node, data in network.nodes(data=True):
        flat.add_node(node, label=str(data.get("name") or node), name=str(data.get("name") or node),
                      type=str(data.get("type") or "Actor"), aliases=LIST_SEPARATOR.join(data.get("aliases") or ()),
                      iri=str(data.get("iri") or ""))
    for subject, obj, key, data in network.edges(keys=True, data=True):
        flat.add_edge(subject, obj, key=key, label=str(data.get("relation", key)), relation=str(data.get("relation", key)),
                      weight=int(data.get("weight", 0)), claims=int(data.get("claims", 0)),
                      confidence=float(data.get("confidence", 0.0)), hedged_only=bool(data.get("hedged_only", False)),
                      symmetric=bool(data.get("symmetric", False)), first_seen=data.get("first_seen") or "",
                      last_seen=data.get("last_seen") or "", top_evidence=top_evidence(data))
    return flat


def top_evidence(data: dict) -> str:
    """The best-supported evidence sentence of an edge, with its article."""
    evidence = data.get("evidence") or []
    if not evidence:
        return ""
    best = evidence[0]
    where = best.get("title") or best.get("doc") or best.get("source") or ""
    return f"{best.get('evidence', '')} ({where})" if where else str(best.get("evidence", ""))


def write_graphml(network: nx.MultiDiGraph, stream) -> None:
    nx.write_graphml(flat_network(network), stream, encoding="utf-8")


def write_gexf(network: nx.MultiDiGraph, stream) -> None:
    flat = flat_network(network)
    flat.graph["mode"] = "static"
    nx.write_gexf(flat, stream, encoding="utf-8")


def write_csv(network: nx.MultiDiGraph, stream) -> None:
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="")
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    rows = []
    for subject, obj, key, data in network.edges(keys=True, data=True):
        rows.append([
            network.nodes[subject].get("name", subject), network.nodes[subject].get("type", ""), data.get("relation", key),
            network.nodes[obj].get("name", obj), network.nodes[obj].get("type", ""), data.get("weight", 0),
            data.get("claims", 0), data.get("confidence", 0.0), str(bool(data.get("hedged_only"))).lower(),
            data.get("first_seen") or "", data.get("last_seen") or "", top_evidence(data)])
    rows.sort(key=lambda r: (-r[5], -r[6], r[0], r[2], r[3]))
    writer.writerows(rows)
    text.flush()
    text.detach()


# --------------------------------------------------------------------------------------- import

def import_rdf(store: Store, path: Path, graph: URIRef | None = None) -> str:
    """Load an RDF file (``.ttl``, ``.trig``, ``.nq``, ``.nt``, ``.jsonld``) into the store; returns its format.

    Dataset formats keep their named graphs; a Turtle or N-Triples file goes into ``graph``
    (default: ``https://actorgraph.org/graph/import/<file stem>``).
    """
    path = Path(path)
    fmt = IMPORT_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: not an RDF file (expected one of {', '.join(IMPORT_SUFFIXES)})")
    target = None if fmt in ("trig", "nquads", "jsonld") else (graph or GRAPH_NS[f"import/{path.stem}"])
    try:
        with path.open("rb") as data:
            store.load(data, fmt, graph=target)
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror or error})") from None
    except StoreError as error:
        raise InputError(f"{path}: {error}") from None
    return fmt
