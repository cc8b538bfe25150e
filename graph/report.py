"""The centrality report: who is central, who brokers, which blocs, with the evidence, in four formats.

``build_report(network)`` measures the network (``graph.measures``) and assembles a ``Report``;
``render_report(report, fmt)`` formats it as Markdown, CSV (one row per actor, every measure),
JSON, or a standalone HTML page (inline CSS and inline SVG bar charts, no external URL, every
text from an article escaped); ``write_report`` writes it atomically.
"""
from __future__ import annotations

import csv
import io
import json
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from graph.analysis import best_evidence, cite, measure_graph, measure_weight
from graph.errors import ActorgraphError
from graph.files import write_text_atomically
from graph.measures import MEASURES, Measures, brokers, community_bridges, compute_measures

FORMATS = ("md", "csv", "json", "html")
# The measures shown in tables and charts, in order, with their column titles.
SHOWN = {
    "pagerank": "PageRank", "betweenness": "Betweenness", "eigenvector": "Eigenvector", "closeness": "Closeness",
    "weighted_in": "Weighted in", "weighted_out": "Weighted out", "in_degree": "In", "out_degree": "Out",
}
EXPLANATIONS = {
    "in_degree": "How many actors have a tie flowing into this actor (backers, allies, attackers).",
    "out_degree": "How many actors this actor has a tie flowing to (those it backs, leads, attacks, allies with).",
    "weighted_in": "In-degree weighted by evidence: each tie counts its independent articles times its best confidence.",
    "weighted_out": "Out-degree weighted by evidence, the same way.",
    "pagerank": "How much of the network's flow of support, command and force ends up at this actor, "
                "counting ties from central actors more.",
    "betweenness": "How often this actor lies on the shortest chains between two other actors: "
                   "a gatekeeper between parts of the network.",
    "closeness": "How few hops separate this actor from all the others, ties in either direction "
                 "(mean of 1/distance; an unreachable actor adds 0).",
    "eigenvector": "How well connected this actor is to other well connected actors, ties in either direction.",
    "communities": "Blocs of actors tied more densely to each other than to the rest (Louvain).",
    "brokers": "Actors with high betweenness for few ties: they connect parts of the network that are "
               "otherwise apart.",
    "bridges": "The strongest ties between actors of different communities.",
}
ORIENTATION = ("For the measures, support flows from backer to backed (A backedBy B counts as B → A); "
               "partOf, memberOf, leaderOf, attacked, threatened, designated and operatesIn point from subject "
               "to object; alliedWith, hostileTo and metWith count both ways. Rejected and negated claims "
               "are left out.")


@dataclass
class ActorRow:
    """One actor with every measure, its community and its strongest evidence."""

    id: str
    name: str
    type: str
    community: int | None
    measures: dict[str, float]
    evidence: str | None = None
    source: str | None = None
    url: str | None = None


@dataclass
class Report:
    """Everything a report shows, in every format."""

    summary: dict
    actors: list[ActorRow]
    top: dict[str, list[ActorRow]]
    notes: dict[str, str]
    communities: list[dict] = field(default_factory=list)
    brokers: list[dict] = field(default_factory=list)
    bridges: list[dict] = field(default_factory=list)
    by_type: dict[str, list[ActorRow]] = field(default_factory=dict)
    backend: str = "networkx"
    top_n: int = 20

    @property
    def empty(self) -> bool:
        return not self.actors


# --------------------------------------------------------------------------------------- building

def build_report(network: nx.MultiDiGraph, top: int = 20, by_type: bool = False, *,
                 backend: str = "auto", measures: Measures | None = None) -> Report:
    """Measure ``network`` and assemble the report: top ``top`` actors per measure (and per type)."""
    measures = measures or compute_measures(measure_graph(network), backend=backend)
    community = measures.community_of()
    evidence = strongest_evidence(network)
    rows = [
        _actor_row(network, node, measures.of(node), community.get(node), evidence.get(node))
        for node in network.nodes
    ]
    rows.sort(key=lambda r: (-r.measures.get("pagerank", 0.0), r.name.casefold(), r.id))
    by_id = {row.id: row for row in rows}
    report = Report(
        summary=_summary(network, measures),
        actors=rows,
        top={m: sorted(rows, key=lambda r: (-r.measures.get(m, 0.0), r.name.casefold(), r.id))[:top] for m in SHOWN},
        notes=dict(measures.notes),
        backend=measures.backend,
        top_n=top,
    )
    report.communities = _communities(network, measures, by_id, top)
    report.brokers = [{"actor": by_id[node], "score": score} for node, score in brokers(measures, top)]
    report.bridges = [_bridge(network, u, v, k, d, community) for u, v, k, d in
                      community_bridges(network, measures, top, weigh=measure_weight)]
    if by_type:
        for row in rows:  # rows are already in PageRank order
            group = report.by_type.setdefault(row.type, [])
            if len(group) < top:
                group.append(row)
        report.by_type = dict(sorted(report.by_type.items()))
    return report


def strongest_evidence(network: nx.MultiDiGraph) -> dict[str, dict]:
    """For every actor, the evidence of its best-supported claim (highest confidence, then most articles)."""
    best: dict[str, tuple] = {}
    for u, v, key, data in network.edges(keys=True, data=True):
        evidence = best_evidence(data)
        if not evidence:
            continue
        rank = (evidence.get("confidence", 0.0), data.get("weight", 0), evidence.get("claim", ""))
        for node in (u, v):
            if node not in best or rank > best[node][0]:
                best[node] = (rank, evidence)
    return {node: evidence for node, (_, evidence) in best.items()}


def _actor_row(network, node: str, values: dict, community: int | None, evidence: dict | None) -> ActorRow:
    data = network.nodes[node]
    return ActorRow(
        id=str(node), name=str(data.get("name", node)), type=str(data.get("type", "Actor")), community=community,
        measures=values, evidence=evidence.get("evidence") if evidence else None,
        source=cite(evidence) or None, url=evidence.get("url") if evidence else None)


def _summary(network: nx.MultiDiGraph, measures: Measures) -> dict:
    docs = {e.get("doc") or e.get("source") for _, _, d in network.edges(data=True) for e in d.get("evidence", [])}
    relation_counts = Counter(d.get("relation", k) for _, _, k, d in network.edges(keys=True, data=True))
    attrs = network.graph
    return {
        "actors": network.number_of_nodes(),
        "relations": network.number_of_edges(),
        "claims": sum(d.get("claims", 0) for _, _, d in network.edges(data=True)),
        "articles": len(docs - {None}),
        "by_relation": dict(sorted(relation_counts.items())),
        "relations_used": attrs.get("relations"),
        "since": attrs.get("since"),
        "until": attrs.get("until"),
        "include_rejected": bool(attrs.get("include_rejected", False)),
        "communities": len(measures.communities),
        "sampled": dict(measures.sampled),
        "orientation": ORIENTATION,
    }


def _communities(network, measures: Measures, by_id: dict[str, ActorRow], top: int) -> list[dict]:
    """Each community: its size, its most central members and the relations that bind it."""
    community = measures.community_of()
    binding: dict[int, Counter] = {}
    for u, v, key, data in network.edges(keys=True, data=True):
        if community.get(u) is not None and community.get(u) == community.get(v):
            binding.setdefault(community[u], Counter())[data.get("relation", key)] += 1
    result = []
    for number, members in enumerate(measures.communities):
        ranked = sorted((by_id[m] for m in members), key=lambda r: (-r.measures.get("pagerank", 0.0), r.name))
        result.append({"number": number, "size": len(members), "members": ranked[:top],
                       "relations": dict(binding.get(number, Counter()).most_common())})
    return result


def _bridge(network, u, v, key, data, community) -> dict:
    evidence = best_evidence(data)
    return {"subject": network.nodes[u].get("name", u), "object": network.nodes[v].get("name", v),
            "relation": data.get("relation", key), "communities": [community.get(u), community.get(v)],
            "articles": data.get("weight", 0), "confidence": data.get("confidence", 0.0),
            "evidence": evidence.get("evidence") if evidence else None, "source": cite(evidence) or None}


# --------------------------------------------------------------------------------------- formats

def render_report(report: Report, fmt: str) -> str:
    """The report as text in ``fmt``: md, csv, json or html."""
    renderers = {"md": to_markdown, "csv": to_csv, "json": to_json, "html": to_html}
    if fmt not in renderers:
        raise ActorgraphError(f"unknown report format {fmt!r} (expected {', '.join(FORMATS)})")
    return renderers[fmt](report)


def write_report(report: Report, path: str | os.PathLike, fmt: str) -> Path:
    """Write the report to ``path`` atomically (a temporary file in the same folder, then renamed)."""
    return write_text_atomically(path, render_report(report, fmt))


def format_value(measure: str, value: float) -> str:
    """A measure's value for display: counts as integers, weights with 2 decimals, scores with 4.

    >>> format_value("in_degree", 3.0), format_value("weighted_in", 2.5), format_value("pagerank", 0.123456)
    ('3', '2.50', '0.1235')
    """
    if measure in ("degree", "in_degree", "out_degree"):
        return str(int(value))
    if measure.startswith("weighted"):
        return f"{value:.2f}"
    return f"{value:.4f}"


def _window(summary: dict) -> str:
    since, until = summary.get("since"), summary.get("until")
    if not since and not until:
        return "all dates (undated claims included)"
    return f"articles dated {since or '…'} to {until or '…'} (undated claims left out)"


def _md_cell(text) -> str:
    """Text safe inside a Markdown table cell (no pipe, no newline, no raw HTML)."""
    text = "" if text is None else str(text)
    return " ".join(text.split()).replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def _md_table(header: list[str], rows: list[list]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
    return lines + [""]


def to_markdown(report: Report) -> str:
    s = report.summary
    out = ["# actorgraph centrality report", ""]
    if report.empty:
        out += ["**The network is empty**: no relations for the chosen relations and dates "
                f"({_window(s)}; relations: {', '.join(s.get('relations_used') or ['all'])}).", ""]
        return "\n".join(out)
    out += [f"{s['actors']} actors, {s['relations']} relations from {s['claims']} claims in {s['articles']} articles; "
            f"{_window(s)}; relations: {', '.join(s.get('relations_used') or ['all'])}"
            f"{'; rejected claims included' if s['include_rejected'] else ''}.", "",
            ", ".join(f"{r}: {c}" for r, c in s["by_relation"].items()), "", s["orientation"], ""]
    out += ["## What the measures mean", ""]
    out += _md_table(["Measure", "Meaning", "How computed"],
                     [[SHOWN.get(m, m), EXPLANATIONS[m], report.notes.get(m, "exact")]
                      for m in ("pagerank", "betweenness", "eigenvector", "closeness", "in_degree", "out_degree",
                                "weighted_in", "weighted_out")]
                     + [[m.capitalize(), EXPLANATIONS[m], report.notes.get(m, "")] for m in ("communities", "brokers", "bridges")])
    out += [f"Computed with {report.backend}.", ""]
    out += [f"## Most central actors (by PageRank, top {report.top_n})", ""]
    out += _md_table(["#", "Actor", "Type", "Comm."] + list(SHOWN.values()) + ["Strongest evidence", "Source"],
                     [[i, r.name, r.type, r.community] + [format_value(m, r.measures[m]) for m in SHOWN]
                      + [r.evidence, r.source] for i, r in enumerate(report.top["pagerank"], 1)])
    out += ["## Leaders by measure", ""]
    depth = max(len(rows) for rows in report.top.values())
    out += _md_table(["#"] + list(SHOWN.values()),
                     [[i + 1] + [f"{rows[i].name} ({format_value(m, rows[i].measures[m])})" if i < len(rows) else ""
                                 for m, rows in report.top.items()] for i in range(depth)])
    if report.by_type:
        out += ["## Most central actors of each type (by PageRank)", ""]
        for actor_type, rows in report.by_type.items():
            out += [f"### {actor_type}", ""]
            out += _md_table(["#", "Actor", "PageRank", "Betweenness", "Eigenvector", "Closeness", "Strongest evidence", "Source"],
                             [[i, r.name] + [format_value(m, r.measures[m]) for m in ("pagerank", "betweenness", "eigenvector", "closeness")]
                              + [r.evidence, r.source] for i, r in enumerate(rows, 1)])
    out += [f"## Communities ({len(report.communities)})", ""]
    out += _md_table(["#", "Size", "Most central members", "Relations that bind them"],
                     [[c["number"], c["size"], ", ".join(r.name for r in c["members"][:10]) + (" …" if c["size"] > 10 else ""),
                       ", ".join(f"{rel} ×{n}" for rel, n in c["relations"].items()) or "—"] for c in report.communities])
    out += ["## Brokers", "", EXPLANATIONS["brokers"], ""]
    out += _md_table(["Actor", "Type", "Betweenness", "Neighbours", "Betweenness per neighbour"],
                     [[b["actor"].name, b["actor"].type, format_value("betweenness", b["actor"].measures["betweenness"]),
                       format_value("degree", b["actor"].measures["degree"]), f"{b['score']:.4f}"] for b in report.brokers]
                     ) if report.brokers else ["No actor lies between others.", ""]
    out += ["## Bridges between communities", ""]
    out += _md_table(["Subject", "Relation", "Object", "Communities", "Articles", "Evidence", "Source"],
                     [[b["subject"], b["relation"], b["object"], " → ".join(map(str, b["communities"])), b["articles"],
                       b["evidence"], b["source"]] for b in report.bridges]) if report.bridges else ["No tie crosses communities.", ""]
    return "\n".join(out)


def to_csv(report: Report) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["id", "name", "type", "community", *MEASURES, "evidence", "source", "url"])
    for r in report.actors:
        writer.writerow([r.id, r.name, r.type, "" if r.community is None else r.community,
                         *(f"{r.measures[m]:.8g}" for m in MEASURES), r.evidence or "", r.source or "", r.url or ""])
    return buffer.getvalue()


def report_dict(report: Report) -> dict:
    """The report as plain JSON-ready data."""
    return {
        "summary": report.summary,
        "backend": report.backend,
        "notes": report.notes,
        "explanations": EXPLANATIONS,
        "empty": report.empty,
        "actors": [vars(r) for r in report.actors],  # vars, not asdict: no deep copy of 100k rows
        "top": {m: [r.id for r in rows] for m, rows in report.top.items()},
        "by_type": {t: [r.id for r in rows] for t, rows in report.by_type.items()},
        "communities": [{**c, "members": [r.id for r in c["members"]]} for c in report.communities],
        "brokers": [{"actor": b["actor"].id, "score": b["score"]} for b in report.brokers],
        "bridges": report.bridges,
    }


def to_json(report: Report) -> str:
    return json.dumps(report_dict(report), indent=2, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------------------- HTML

CHART_BARS = 10
CHART_WIDTH, BAR_HEIGHT, LABEL_WIDTH = 640, 20, 220


def bar_chart(report: Report, measure: str, bars: int = CHART_BARS) -> dict:
    """Geometry of one inline SVG bar chart of the top actors by ``measure`` (text escaped by the template)."""
    rows = report.top[measure][:bars]
    peak = max((r.measures[measure] for r in rows), default=0.0) or 1.0
    span = CHART_WIDTH - LABEL_WIDTH - 70
    return {
        "measure": measure, "title": SHOWN[measure], "width": CHART_WIDTH, "height": BAR_HEIGHT * len(rows) + 8,
        "label_width": LABEL_WIDTH,
        "bars": [{"y": 4 + i * BAR_HEIGHT, "width": max(1.0, span * r.measures[measure] / peak),
                  "name": r.name if len(r.name) <= 30 else r.name[:29] + "…", "full": f"{r.name} ({r.type})",
                  "value": format_value(measure, r.measures[measure])} for i, r in enumerate(rows)],
    }


def to_html(report: Report) -> str:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    environment = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                              autoescape=select_autoescape(default=True, default_for_string=True))
    environment.filters["value"] = lambda value, measure: format_value(measure, value)
    template = environment.get_template("report.html")
    return template.render(report=report, summary=report.summary, window=_window(report.summary), shown=SHOWN,
                           explanations=EXPLANATIONS, charts=[bar_chart(report, m) for m in SHOWN] if not report.empty else [])
