"""The analysis network: the store's claims projected into networkx, and the questions asked of it.

``load_network`` runs ONE SPARQL SELECT (``ontology/queries/network-edges.rq``) and folds its rows
into a ``networkx.MultiDiGraph``: one node per actor (key = actor id), one edge per
(subject, object, relation) carrying how many articles and claims support it and their evidence.
A symmetric relation (alliedWith, hostileTo, metWith) is one edge whatever the order the articles
named the two actors in, stored from the smaller to the larger id.

For the measures (``graph.measures``) the multigraph is projected by ``measure_graph`` into a
weighted ``DiGraph`` whose edges point the way influence flows:

==============  =================  ================================================
relation        measure edge       why
==============  =================  ================================================
A backedBy B    B → A              support flows from the backer to the backed
A partOf B      A → B              the unit feeds the whole
A memberOf B    A → B              the member feeds the organisation
A leaderOf B    A → B              command flows from the leader
A attacked B    A → B              force flows from attacker to target
A threatened B  A → B              as attacked
A designated B  A → B              the designating state acts on the designated
A operatesIn B  A → B              the actor acts in the place
symmetric       A → B and B → A    alliedWith, hostileTo, metWith count both ways
==============  =================  ================================================

A measure edge weighs ``articles × confidence`` (independent supporting articles times the
highest claim confidence); parallel relations between the same two actors add up.

``find_paths``/``format_paths`` answer "how are A and B linked", ``ego_network``/``format_ego``
"what surrounds A"; both take actors by id, name or alias (``resolve_actor``).
"""
from __future__ import annotations

import difflib
import itertools
from typing import Iterable
from urllib.parse import unquote

import networkx as nx

from graph.errors import ActorNotFound
from graph.vocab import ACTOR_NS, ACTOR_TYPES, RELATIONS, SYMMETRIC

REVERSED_FOR_MEASURES = frozenset({"backedBy"})
NETWORK_QUERY = "network-edges"


# --------------------------------------------------------------------------------------- loading

def load_network(store, *, relations: Iterable[str] | None = None, since: str | None = None,
                 until: str | None = None, include_rejected: bool = False,
                 min_confidence: float = 0.0) -> nx.MultiDiGraph:
    """The actor network of the store's claims (see the module docstring for its shape).

    Negated and inferred claims never make an edge; rejected claims only with ``include_rejected``;
    with ``since``/``until`` (ISO dates) only claims of articles dated inside the window count.
    """
    from graph.query import run_query

    result = run_query(store, NETWORK_QUERY, {}, since=since, until=until, include_rejected=include_rejected)
    wanted = set(relations) if relations else set(RELATIONS)
    network = nx.MultiDiGraph(relations=sorted(wanted), since=since, until=until,
                              include_rejected=include_rejected, min_confidence=min_confidence)
    actors: dict[str, dict] = {}
    claims: dict[str, dict] = {}
    for row in result.dicts():
        if row.get("actor") is not None:
            _add_actor_row(actors, row)
        elif row.get("claim") is not None and str(row["relation"]) in wanted:
            claim = _claim_from_row(row)
            if claim["confidence"] >= min_confidence:
                claims.setdefault(claim["claim"], claim)  # OPTIONAL rows may repeat a claim
    for claim in claims.values():
        _add_claim(network, claim)
    for node in network.nodes:
        info = actors.get(node) or {"name": None, "types": set(), "aliases": set()}
        name = info["name"] or node  # an actor without a label is shown by its id
        network.nodes[node].update(name=name, type=_pick_type(info["types"]), iri=str(ACTOR_NS[node]),
                                   aliases=sorted(info["aliases"] - {name}))
    for _, _, data in network.edges(data=True):
        del data["_docs"]  # bookkeeping of _add_claim, not part of the edge
        data["evidence"].sort(key=lambda e: (-e["confidence"], e["date"] or "", e["claim"]))
    return network


def actor_id(iri) -> str:
    """The actor id of an actor IRI.

    >>> actor_id("https://actorgraph.org/actor/kataeb-hezbollah")
    'kataeb-hezbollah'
    """
    text = str(iri)
    return unquote(text[len(str(ACTOR_NS)):]) if text.startswith(str(ACTOR_NS)) else text


def _add_actor_row(actors: dict[str, dict], row: dict) -> None:
    """Fold one label, type or alias row of an actor (each comes on its own row)."""
    info = actors.setdefault(actor_id(row["actor"]), {"name": None, "types": set(), "aliases": set()})
    if row.get("type") is not None:
        info["types"].add(str(row["type"]).rsplit("#", 1)[-1])
    if row.get("alias") is not None:
        info["aliases"].add(str(row["alias"]))
    if row.get("label") is None:
        return
    label = str(row["label"])
    if row.get("merged") is not None and row["merged"].toPython():
        info["aliases"].add(label)  # a merged actor's name is another name of the canonical actor
    elif info["name"] is None or label < info["name"]:  # several labels: the same one every time
        if info["name"] is not None:
            info["aliases"].add(info["name"])
        info["name"] = label
    elif label != info["name"]:
        info["aliases"].add(label)


def _pick_type(types: set[str]) -> str:
    """The most specific known actor type (articles may disagree on a discovered actor's type)."""
    known = [t for t in ACTOR_TYPES if t in types]
    return known[0] if known else "Actor"


def _text(value) -> str | None:
    return None if value is None else str(value)


def _claim_from_row(row: dict) -> dict:
    doc = _text(row.get("doc"))
    return {
        "claim": str(row["claim"]),
        "subject": actor_id(row["subject"]),
        "object": actor_id(row["object"]),
        "relation": str(row["relation"]),
        "evidence": _text(row.get("evidence")) or "",
        "doc": _text(row.get("doc_id")) or (unquote(doc.rsplit("/", 1)[-1]) if doc else None),
        "title": _text(row.get("title")),
        "source": _text(row.get("source")) or _text(row.get("citation")),
        "date": _text(row.get("date")),
        "url": _text(row.get("url")),
        "confidence": float(row["confidence"].toPython()) if row.get("confidence") is not None else 0.0,
        "hedged": bool(row["hedged"].toPython()) if row.get("hedged") is not None else False,
        "rule": _text(row.get("rule")),
        "rejected": bool(row["rejected"].toPython()) if row.get("rejected") is not None else False,
    }


def _add_claim(network: nx.MultiDiGraph, claim: dict) -> None:
    subject, obj, relation = claim.pop("subject"), claim.pop("object"), claim["relation"]
    symmetric = relation in SYMMETRIC
    if symmetric and obj < subject:
        subject, obj = obj, subject
    if not network.has_edge(subject, obj, key=relation):
        network.add_edge(subject, obj, key=relation, relation=relation, symmetric=symmetric, weight=0, claims=0,
                         confidence=0.0, hedged_only=True, first_seen=None, last_seen=None, evidence=[], _docs=set())
    edge = network.edges[subject, obj, relation]
    docs = edge["_docs"]
    docs.add(claim["doc"] or claim["source"] or claim["claim"])  # a curated claim is its own source
    edge["weight"] = len(docs)
    edge["claims"] += 1
    edge["confidence"] = max(edge["confidence"], claim["confidence"])
    edge["hedged_only"] = edge["hedged_only"] and claim["hedged"]
    if claim["date"]:
        edge["first_seen"] = min(filter(None, [edge["first_seen"], claim["date"]]))
        edge["last_seen"] = max(filter(None, [edge["last_seen"], claim["date"]]))
    del claim["relation"]
    edge["evidence"].append(claim)


# --------------------------------------------------------------------------------------- projection

def measure_weight(data: dict) -> float:
    """How much an edge counts in the measures: independent articles times the best confidence.

    >>> measure_weight({"weight": 3, "confidence": 0.5})
    1.5
    """
    return data.get("weight", 1) * (data.get("confidence") or 1.0)


def measure_graph(network: nx.MultiDiGraph) -> nx.DiGraph:
    """The weighted ``DiGraph`` the measures run on, edges pointing the way influence flows.

    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("kh", "irgc", key="backedBy", relation="backedBy", weight=2, confidence=0.5)
    'backedBy'
    >>> list(measure_graph(g).edges(data="weight"))
    [('irgc', 'kh', 1.0)]
    """
    flow = nx.DiGraph()
    flow.add_nodes_from(network.nodes)
    for subject, obj, data in network.edges(data=True):
        relation = data.get("relation")
        pairs = [(obj, subject)] if relation in REVERSED_FOR_MEASURES else [(subject, obj)]
        if relation in SYMMETRIC:
            pairs = [(subject, obj), (obj, subject)]
        for source, target in pairs:
            if source == target:
                continue  # a self-loop says nothing about position in the network
            weight = measure_weight(data)
            if flow.has_edge(source, target):
                flow[source][target]["weight"] += weight
            else:
                flow.add_edge(source, target, weight=weight)
    return flow


# --------------------------------------------------------------------------------------- actors

def resolve_actor(network: nx.MultiDiGraph, text: str) -> str:
    """The node id of an actor named by id, name or alias (case-insensitive).

    >>> g = nx.MultiDiGraph(); g.add_node("kataeb-hezbollah", name="Kataeb Hezbollah", aliases=["KH"])
    >>> resolve_actor(g, "kh")
    'kataeb-hezbollah'
    """
    if text in network:
        return text
    wanted = " ".join(text.split()).casefold()
    by_id = [n for n in network if str(n).casefold() == wanted]
    if by_id:
        return by_id[0]
    by_name = [n for n, d in network.nodes(data=True) if str(d.get("name", "")).casefold() == wanted]
    if len(by_name) == 1:
        return by_name[0]
    by_alias = [n for n, d in network.nodes(data=True) if any(a.casefold() == wanted for a in d.get("aliases", ()))]
    matches = sorted(set(by_name or by_alias))
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise ActorNotFound(f"actor {text!r} is ambiguous: it names {', '.join(matches)}; give the id")
    names = {str(d.get("name", n)).casefold(): d.get("name", n) for n, d in network.nodes(data=True)}
    close = difflib.get_close_matches(wanted, list(names), n=3, cutoff=0.6)
    hint = f" (did you mean {', '.join(names[c] for c in close)}?)" if close else ""
    if network.number_of_nodes() == 0:
        hint = " (the network is empty for these relations and dates)"
    raise ActorNotFound(f"no actor {text!r} in the network{hint}")


def label(network: nx.MultiDiGraph, node: str) -> str:
    """An actor's name for display."""
    return str(network.nodes[node].get("name", node)) if node in network else str(node)


def strongest_edge(network: nx.MultiDiGraph, a: str, b: str) -> tuple[str, str, str, dict]:
    """The best-supported edge between two adjacent actors, either way: (subject, object, relation, data)."""
    candidates = [(a, b, k, d) for k, d in (network.get_edge_data(a, b) or {}).items()]
    candidates += [(b, a, k, d) for k, d in (network.get_edge_data(b, a) or {}).items()]
    return max(candidates, key=lambda c: (c[3].get("weight", 0), c[3].get("confidence", 0), c[2]))


def best_evidence(data: dict) -> dict | None:
    """The highest-confidence evidence of an edge (evidence is kept best first)."""
    evidence = data.get("evidence") or []
    return evidence[0] if evidence else None


def cite(evidence: dict | None) -> str:
    """Where a piece of evidence comes from, in one short phrase.

    >>> cite({"source": "Reuters", "date": "2025-04-07", "doc": "a1", "title": "T"})
    'Reuters, 2025-04-07'
    """
    if not evidence:
        return ""
    parts = [evidence.get("source") or evidence.get("title") or evidence.get("doc"), evidence.get("date") or "undated"]
    return ", ".join(p for p in parts if p)


# --------------------------------------------------------------------------------------- paths

def find_paths(network: nx.MultiDiGraph, source: str, target: str, max_paths: int = 3) -> list[list[str]]:
    """Up to ``max_paths`` shortest chains of actors linking ``source`` to ``target``, shortest first.

    Relations are followed in either direction (a chain A backedBy B, C backedBy B links A and C);
    ``format_paths`` shows each hop's real direction.
    """
    start, end = resolve_actor(network, source), resolve_actor(network, target)
    if start == end:
        return [[start]]
    undirected = nx.Graph(network.to_undirected(as_view=True))
    try:
        return list(itertools.islice(nx.shortest_simple_paths(undirected, start, end), max_paths))
    except nx.NetworkXNoPath:
        return []


def path_hops(network: nx.MultiDiGraph, path: list[str]) -> list[tuple[str, str, str, dict]]:
    """The strongest edge of each hop of a path: (subject, object, relation, data)."""
    return [strongest_edge(network, a, b) for a, b in zip(path, path[1:])]


def format_paths(network: nx.MultiDiGraph, paths: list[list[str]]) -> str:
    """The chains as text: each hop with its relation, direction, evidence sentence, source and date."""
    if not paths:
        return "No chain of relations links these actors (for the chosen relations and dates).\n"
    lines: list[str] = []
    for number, path in enumerate(paths, 1):
        names = " — ".join(label(network, n) for n in path)
        lines.append(f"Chain {number} ({len(path) - 1} hop{'s' if len(path) != 2 else ''}): {names}")
        for subject, obj, relation, data in path_hops(network, path):
            arrow = "↔" if data.get("symmetric") else "→"
            support = f"{data.get('weight', 0)} article(s), confidence {data.get('confidence', 0):.2f}"
            lines.append(f"  {label(network, subject)} {arrow} {relation} {arrow} {label(network, obj)}  [{support}]")
            evidence = best_evidence(data)
            if evidence:
                lines.append(f"      \"{evidence['evidence']}\" ({cite(evidence)})")
        lines.append("")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------- ego

def ego_network(network: nx.MultiDiGraph, actor: str, depth: int = 1) -> nx.MultiDiGraph:
    """The actors within ``depth`` hops of ``actor`` (either direction) and every relation among them."""
    center = resolve_actor(network, actor)
    reach = nx.single_source_shortest_path_length(network.to_undirected(as_view=True), center, cutoff=depth)
    neighbourhood = network.subgraph(reach).copy()
    neighbourhood.graph.update(center=center, depth=depth)
    for node, hops in reach.items():
        neighbourhood.nodes[node]["hops"] = hops
    return neighbourhood


def format_ego(network: nx.MultiDiGraph, actor: str) -> str:
    """An actor's neighbourhood as a text table, the actor's own relations first, strongest first."""
    center = resolve_actor(network, actor)
    hops = nx.get_node_attributes(network, "hops")
    data = network.nodes[center]
    edges = sorted(network.edges(keys=True, data=True),
                   key=lambda e: (center not in e[:2], min(hops.get(e[0], 0), hops.get(e[1], 0)),
                                  -e[3].get("weight", 0), -e[3].get("confidence", 0), e[2], e[0], e[1]))
    lines = [f"{data.get('name', center)} ({data.get('type', 'Actor')}, id {center}): "
             f"{network.number_of_nodes() - 1} neighbouring actors, {network.number_of_edges()} relations"]
    if not edges:
        lines.append("  no relations for the chosen relations and dates")
    rows = [("subject", "relation", "object", "articles", "conf.", "evidence (source, date)")]
    for subject, obj, relation, edge in edges:
        evidence = best_evidence(edge)
        sentence = f"\"{evidence['evidence']}\" ({cite(evidence)})" if evidence else ""
        arrow = "↔" if edge.get("symmetric") else "→"
        rows.append((label(network, subject), f"{arrow} {relation}", label(network, obj), str(edge.get("weight", 0)),
                     f"{edge.get('confidence', 0):.2f}", sentence))
    if edges:
        widths = [max(len(r[i]) for r in rows) for i in range(5)]
        for row in rows:
            cells = [cell.ljust(width) for cell, width in zip(row[:5], widths)]
            lines.append("  " + "  ".join(cells + [row[5]]).rstrip())
    return "\n".join(lines) + "\n"
