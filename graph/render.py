"""The interactive network view: one self-contained, offline UTF-8 HTML file (the only module importing pyvis).

pyvis builds the vis-network node, edge and option objects; the page itself comes from our own
template (``graph/templates/view.html``) because pyvis's own output has known traps:

- its ``in_line`` mode still loads Bootstrap (and tom-select) from a CDN: our template embeds
  vis-network (``graph/static/``) and our own script and style, and nothing else;
- vis-network 9 shows ``title`` tooltips as plain text: our tooltips ARE plain text, and the
  rich content (evidence, links) goes to a side panel built with ``textContent``;
- ``from_nx`` drops parallel edges and can lose direction: we convert the MultiDiGraph ourselves,
  one vis edge per (subject, object, relation) with a distinct id, curved apart;
- ``write_html`` uses the platform encoding: we write UTF-8, atomically.

Node data is filled straight into pyvis's lists (its ``add_node`` checks membership in a list,
which is quadratic). Above ``PRECOMPUTE_ABOVE`` actors the positions are computed here by a fast
grid-cutoff force layout and physics starts off, so thousands of actors open in seconds.
"""
from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import networkx as nx
import numpy as np
from jinja2 import Environment, FileSystemLoader
from pyvis.edge import Edge
from pyvis.network import Network
from pyvis.node import Node

from graph.errors import ActorgraphError
from graph.files import write_text_atomically
from graph.vocab import ACTOR_TYPES, RELATIONS, SYMMETRIC

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
VIS_JS = "vis-network-9.1.2.min.js"
VIS_CSS = "vis-network-9.1.2.css"

SIZE_MEASURES = ("pagerank", "degree", "betweenness")
PRECOMPUTE_ABOVE = 300  # actors; above this the layout is computed here and physics starts off
EXACT_BETWEENNESS_UP_TO = 500  # actors; above, betweenness is estimated from a sample of sources
EVIDENCE_PER_EDGE = 50  # evidence sentences embedded per edge (the panel says how many more exist)
SPRING_LENGTH = 140  # px: the ideal edge length of the precomputed layout
CELLS = 12  # grid cells per side for the far-field repulsion of the precomputed layout

# Okabe-Ito colours (distinguishable with colour-blindness) and shapes that scale with centrality.
ACTOR_STYLE = {
    "Country": ("#0072B2", "square"),
    "GovernmentOrganization": ("#56B4E9", "hexagon"),
    "ArmedGroup": ("#D55E00", "triangle"),
    "PoliticalOrganization": ("#CC79A7", "diamond"),
    "InternationalOrganization": ("#009E73", "star"),
    "Person": ("#E69F00", "dot"),
}
OTHER_ACTOR_STYLE = ("#8C8C8C", "dot")

# Colour per relation; the arrowhead shape tells relation families apart on a black-and-white print.
RELATION_STYLE = {
    "backedBy": ("#2E7D32", "arrow"),
    "partOf": ("#795548", "vee"),
    "memberOf": ("#A1887F", "vee"),
    "leaderOf": ("#6A1B9A", "diamond"),
    "alliedWith": ("#1565C0", None),
    "hostileTo": ("#E53935", None),
    "attacked": ("#8B0000", "arrow"),
    "threatened": ("#EF6C00", "arrow"),
    "metWith": ("#00838F", None),
    "designated": ("#455A64", "bar"),
    "operatesIn": ("#9E9D24", "circle"),
}
OTHER_RELATION_STYLE = ("#757575", "arrow")
HEDGED_DASHES = [8, 6]


def render_html(network: nx.MultiDiGraph, out: Path, *, size_by: str = "pagerank", top: int | None = None,
                report=None, title: str = "actorgraph") -> Path:
    """Write ``network`` as one self-contained offline HTML view to ``out`` (UTF-8, atomically).

    ``size_by`` picks the centrality that sizes the nodes (pagerank, degree or betweenness);
    ``top`` keeps only the N most central actors by that measure and the edges between them.
    ``report`` (a ``graph.report.Report`` of the same network) supplies the values so the view
    and the report agree without measuring twice; without it they are computed here.
    """
    page = build_page(network, size_by=size_by, top=top, report=report, title=title)
    return write_text_atomically(Path(out), page)


def build_page(network: nx.MultiDiGraph, *, size_by: str = "pagerank", top: int | None = None, report=None,
               title: str = "actorgraph") -> str:
    """The HTML text of the view (what ``render_html`` writes)."""
    view = build_view(network, size_by=size_by, top=top, report=report)
    environment = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True)
    template = environment.get_template("view.html")
    return template.render(
        title=title,
        stats=view["stats"],
        legend_types=view["legend_types"],
        legend_relations=view["legend_relations"],
        size_by=size_by,
        physics=view["options"]["physics"]["enabled"],
        data_json=script_json({"nodes": view["nodes"], "edges": view["edges"], "options": view["options"]}),
        vis_css=static_text(VIS_CSS, "style"),
        vis_js=static_text(VIS_JS, "script"),
        view_css=static_text("view.css", "style"),
        view_js=static_text("view.js", "script"),
    )


def build_view(network: nx.MultiDiGraph, *, size_by: str = "pagerank", top: int | None = None,
               report=None) -> dict:
    """The vis-network nodes, edges and options of the view, plus legend and stats for the page."""
    if top is not None and top < 1:
        raise ActorgraphError(f"--top must be at least 1, got {top}")
    scores = centrality(network, size_by, report)
    if top is not None and top < network.number_of_nodes():
        network = most_central(network, scores, top)
    large = network.number_of_nodes() > PRECOMPUTE_ABOVE
    positions = fast_layout(network) if large else {}

    pyvis_net = Network(directed=True, cdn_resources="in_line")
    pyvis_net.nodes = [_vis_node(network, actor, scores.get(actor, 0.0), positions.get(actor))
                       for actor in network.nodes]
    pyvis_net.edges = _vis_edges(network)
    _set_options(pyvis_net, large=large, count=network.number_of_nodes())
    nodes, edges, _heading, _height, _width, options_json = pyvis_net.get_network_data()
    options = merge_options(json.loads(options_json), _extra_options(large=large, count=network.number_of_nodes()))
    return {
        "nodes": nodes,
        "edges": edges,
        "options": options,
        "legend_types": _legend_types(network),
        "legend_relations": _legend_relations(network),
        "stats": {"actors": network.number_of_nodes(), "relations": len(edges), "precomputed": large},
    }


# --------------------------------------------------------------------------- centrality and selection

def centrality(network: nx.MultiDiGraph, measure: str, report=None) -> dict[str, float]:
    """A centrality score per actor, with the definitions of ``graph.measures`` (so the view agrees with the report).

    With a ``report`` (``graph.report.Report``) covering every actor, its values are reused.
    Otherwise the measure runs on ``graph.analysis.measure_graph`` (edges pointing the way support
    flows): ``pagerank`` weighted and directed, ``degree`` distinct neighbours, ``betweenness``
    directed and normalised, estimated from a fixed sample of sources above
    ``EXACT_BETWEENNESS_UP_TO`` actors (the exact measure is quadratic).

    >>> g = nx.MultiDiGraph()
    >>> for member in ("a", "b", "c"):
    ...     _ = g.add_edge(member, "bloc", key="memberOf", relation="memberOf", weight=1)
    >>> max(centrality(g, "degree"), key=centrality(g, "degree").get)
    'bloc'
    """
    from graph.analysis import measure_graph
    from graph.measures import degrees

    if measure not in SIZE_MEASURES:
        raise ActorgraphError(f"unknown --size-by {measure!r} (expected {', '.join(SIZE_MEASURES)})")
    if network.number_of_nodes() == 0:
        return {}
    reported = _report_values(report, measure)
    if reported is not None and all(actor in reported for actor in network.nodes):
        return reported
    flow = measure_graph(network)
    if measure == "pagerank":
        return nx.pagerank(flow, alpha=0.85, weight="weight")
    if measure == "degree":
        return degrees(flow)["degree"]
    sample = None if len(flow) <= EXACT_BETWEENNESS_UP_TO else EXACT_BETWEENNESS_UP_TO
    return nx.betweenness_centrality(flow, k=sample, seed=1, normalized=True)


def _report_values(report, measure: str) -> dict[str, float] | None:
    """``{actor: value}`` of ``measure`` from a report's actor rows, or None without a usable report."""
    rows = getattr(report, "actors", None)
    if not rows:
        return None
    values = {row.id: row.measures[measure] for row in rows if measure in getattr(row, "measures", {})}
    return values or None


def most_central(network: nx.MultiDiGraph, scores: dict[str, float], top: int) -> nx.MultiDiGraph:
    """The subnetwork of the ``top`` highest-scoring actors and the edges between them (ties by id)."""
    ranked = sorted(network.nodes, key=lambda actor: (-scores.get(actor, 0.0), str(actor)))
    return network.subgraph(ranked[:top]).copy()


# --------------------------------------------------------------------------- layout

def fast_layout(network: nx.Graph, *, iterations: int = 60, seed: int = 1) -> dict[str, tuple[int, int]]:
    """Pixel positions from a Fruchterman-Reingold layout whose repulsion is approximated on a grid.

    networkx's ``spring_layout`` computes all n² repulsions (about 25 s for 5,000 actors here).
    Here an actor is repelled exactly by actors closer than one edge length (found with a k-d
    tree) and, further away, by the centre of mass of each occupied grid cell (a one-level
    Barnes-Hut), so an iteration costs about n × cells. Deterministic for a given ``seed``.

    >>> positions = fast_layout(nx.path_graph(3))
    >>> sorted(positions) == [0, 1, 2] and all(isinstance(v, int) for xy in positions.values() for v in xy)
    True
    """
    from scipy.spatial import cKDTree

    actors = list(network.nodes)
    count = len(actors)
    if count == 0:
        return {}
    index = {actor: i for i, actor in enumerate(actors)}
    pairs = {(min(index[u], index[v]), max(index[u], index[v])) for u, v in network.edges() if u != v}
    edges = np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)
    side = math.sqrt(count)  # ideal edge length 1, about one actor per unit square
    position = np.random.default_rng(seed).uniform(0.0, side, size=(count, 2))
    cells = int(min(CELLS, max(2, math.sqrt(count) / 4)))
    step = side / 10
    for _ in range(iterations):
        force = _grid_repulsion(position, cells)
        close = cKDTree(position).query_pairs(1.0, output_type="ndarray")
        if len(close):
            delta = position[close[:, 0]] - position[close[:, 1]]
            squared = np.maximum((delta ** 2).sum(axis=1), 1e-4)
            _accumulate(force, close, delta / squared[:, None])  # repulsion 1/d along the pair
        if len(edges):
            delta = position[edges[:, 0]] - position[edges[:, 1]]
            distance = np.sqrt((delta ** 2).sum(axis=1))
            _accumulate(force, edges, -delta * distance[:, None])  # attraction d² along the edge
        force += (position.mean(axis=0) - position) * (1.0 / side)  # keeps components together
        length = np.maximum(np.sqrt((force ** 2).sum(axis=1)), 1e-9)
        position += force / length[:, None] * np.minimum(length, step)[:, None]
        step = max(step * 0.93, 0.02)
    pixels = (position - position.mean(axis=0)) * SPRING_LENGTH
    return {actor: (int(round(x)), int(round(y))) for actor, (x, y) in zip(actors, pixels)}


def _grid_repulsion(position: np.ndarray, cells: int) -> np.ndarray:
    """Repulsion (mass/d along the line) of every actor by the centre of mass of every other grid cell."""
    low = position.min(axis=0)
    size = np.maximum((position.max(axis=0) - low) / cells, 1e-9)
    cell_xy = np.minimum(((position - low) / size).astype(np.int64), cells - 1)
    cell = cell_xy[:, 0] * cells + cell_xy[:, 1]
    occupied, members = np.unique(cell, return_inverse=True)
    mass = np.bincount(members).astype(float)
    centre = np.stack([np.bincount(members, weights=position[:, axis]) for axis in (0, 1)], axis=1) / mass[:, None]
    delta = position[:, None, :] - centre[None, :, :]
    squared = (delta ** 2).sum(axis=2)
    # Within one edge length the k-d tree pairs give the exact push; a cell's centre of mass can sit
    # on top of an actor, so its push is floored there.
    return (delta * (mass / np.maximum(squared, 1.0))[:, :, None]).sum(axis=1)


def _accumulate(force: np.ndarray, pairs: np.ndarray, push: np.ndarray) -> None:
    """Add ``push`` to the first actor of each pair and subtract it from the second."""
    count = len(force)
    for axis in (0, 1):
        force[:, axis] += np.bincount(pairs[:, 0], weights=push[:, axis], minlength=count)
        force[:, axis] -= np.bincount(pairs[:, 1], weights=push[:, axis], minlength=count)


# --------------------------------------------------------------------------- nodes and edges

def _vis_node(network: nx.MultiDiGraph, actor: str, score: float, position: tuple[int, int] | None) -> dict:
    data = network.nodes[actor]
    actor_type = data.get("type") or "Actor"
    colour, shape = ACTOR_STYLE.get(actor_type, OTHER_ACTOR_STYLE)
    name = str(data.get("name") or actor)
    aliases = [str(alias) for alias in data.get("aliases") or () if str(alias) != name]
    extra = {
        "title": _node_tooltip(network, actor, name, actor_type, aliases),
        "color": {"background": colour, "border": _darker(colour),
                  "highlight": {"background": colour, "border": "#111111"},
                  "hover": {"background": colour, "border": "#111111"}},
        "value": round(score, 6),
        "atype": actor_type,
        "aliases": aliases,
        "score": round(score, 6),
    }
    if position is not None:
        extra["x"], extra["y"] = position
    return Node(str(actor), shape, name, **extra).options


def _node_tooltip(network: nx.MultiDiGraph, actor: str, name: str, actor_type: str, aliases: list[str]) -> str:
    """Plain text (vis-network 9 shows tooltips as text): name, type, aliases, strongest relations."""
    lines = [name, f"type: {actor_type}"]
    if aliases:
        lines.append("aliases: " + ", ".join(aliases[:6]) + (" …" if len(aliases) > 6 else ""))
    relations = sorted(
        [(data.get("weight", 1), data.get("relation", key), network.nodes[target].get("name", target), "→")
         for _, target, key, data in network.out_edges(actor, keys=True, data=True)]
        + [(data.get("weight", 1), data.get("relation", key), network.nodes[source].get("name", source), "←")
           for source, _, key, data in network.in_edges(actor, keys=True, data=True)],
        key=lambda row: (-row[0], row[1], str(row[2])))
    for weight, relation, other, arrow in relations[:3]:
        lines.append(f"{arrow} {relation} {other} ({weight})")
    if len(relations) > 3:
        lines.append(f"… {len(relations) - 3} more relations: click for details")
    return "\n".join(lines)


def _vis_edges(network: nx.MultiDiGraph) -> list[dict]:
    """One vis edge per (subject, object, relation); parallel ones between a pair curve apart."""
    merged = _merge_symmetric(network)
    by_pair: dict[frozenset, list[tuple]] = defaultdict(list)
    for source, target, relation, data in merged:
        by_pair[frozenset((source, target))].append((source, target, relation, data))
    edges = []
    for group in by_pair.values():
        group.sort(key=lambda edge: (edge[2], str(edge[0])))
        anchor = min(str(group[0][0]), str(group[0][1]))
        for position, (source, target, relation, data) in enumerate(group):
            edges.append(_vis_edge(network, source, target, relation, data,
                                   _curve(position, len(group), forward=str(source) == anchor)))
    return edges


def _merge_symmetric(network: nx.MultiDiGraph) -> list[tuple[str, str, str, dict]]:
    """Edges as (source, target, relation, data); a symmetric relation stated both ways becomes one edge."""
    edges: dict[tuple, tuple[str, str, str, dict]] = {}
    for source, target, key, data in network.edges(keys=True, data=True):
        relation = str(data.get("relation") or key)
        symmetric = bool(data.get("symmetric", relation in SYMMETRIC))
        ident = (frozenset((source, target)), relation) if symmetric else (source, target, relation)
        if ident in edges:
            edges[ident] = (*edges[ident][:3], _combine(edges[ident][3], data))
        else:
            edges[ident] = (source, target, relation, dict(data, symmetric=symmetric))
    return list(edges.values())


def _combine(first: dict, second: dict) -> dict:
    """One edge's attributes from the two directions of a symmetric relation."""
    evidence = {item.get("claim") or id(item): item for item in [*first.get("evidence", []), *second.get("evidence", [])]}
    ordered = sorted(evidence.values(), key=lambda item: -(item.get("confidence") or 0.0))
    documents = {item.get("doc") for item in ordered if item.get("doc")}
    seen = [day for day in (first.get("first_seen"), second.get("first_seen")) if day]
    last = [day for day in (first.get("last_seen"), second.get("last_seen")) if day]
    return dict(
        first,
        evidence=ordered,
        weight=max(len(documents), first.get("weight", 1), second.get("weight", 1)),
        claims=len(ordered) or first.get("claims", 1) + second.get("claims", 1),
        confidence=max(first.get("confidence") or 0.0, second.get("confidence") or 0.0),
        hedged_only=bool(first.get("hedged_only")) and bool(second.get("hedged_only")),
        first_seen=min(seen) if seen else None,
        last_seen=max(last) if last else None,
    )


def _curve(position: int, count: int, *, forward: bool) -> dict:
    """Smoothing of the ``position``-th of ``count`` edges between one pair: alternate sides, growing bends.

    ``forward`` says whether the edge runs from the pair's first actor; curvedCW seen from the
    other end bends the other way, so the type flips to keep each edge on its own side.
    """
    if count == 1:
        return {"enabled": False}
    side_cw = (position % 2 == 0) == forward
    return {"enabled": True, "type": "curvedCW" if side_cw else "curvedCCW", "roundness": 0.18 + 0.16 * (position // 2)}


def _vis_edge(network: nx.MultiDiGraph, source: str, target: str, relation: str, data: dict, smooth: dict) -> dict:
    colour, arrowhead = RELATION_STYLE.get(relation, OTHER_RELATION_STYLE)
    symmetric = bool(data.get("symmetric"))
    weight = int(data.get("weight") or 1)
    evidence = [_evidence_item(item) for item in (data.get("evidence") or [])]
    source_name = network.nodes[source].get("name", source)
    target_name = network.nodes[target].get("name", target)
    options = {
        "id": f"{source}|{relation}|{target}",
        "title": f"{source_name} {relation} {target_name}\n{weight} article{'s' if weight != 1 else ''}"
                 + (" (hedged only)" if data.get("hedged_only") else ""),
        "color": {"color": colour, "highlight": colour, "hover": colour, "opacity": 0.85},
        "width": edge_width(weight),
        "dashes": HEDGED_DASHES if data.get("hedged_only") else False,
        "arrows": {"to": {"enabled": not symmetric and arrowhead is not None, "type": arrowhead or "arrow",
                          "scaleFactor": 0.7}},
        "smooth": smooth,
        "relation": relation,
        "symmetric": symmetric,
        "weight": weight,
        "claims": int(data.get("claims") or len(evidence) or 1),
        "confidence": round(float(data.get("confidence") or 0.0), 3),
        "hedged_only": bool(data.get("hedged_only")),
        "first_seen": _text_or_none(data.get("first_seen")),
        "last_seen": _text_or_none(data.get("last_seen")),
        "evidence": evidence[:EVIDENCE_PER_EDGE],
        "evidence_total": len(evidence),
    }
    # pyvis's Edge sets the endpoints (and would set a plain arrow, which ours already overrides).
    return Edge(str(source), str(target), directed=True, **options).options


def edge_width(weight: int) -> float:
    """Line width in px for an edge backed by ``weight`` articles: grows with the log, capped at 9.

    >>> edge_width(1), edge_width(4), edge_width(1000)
    (1.5, 4.5, 9.0)
    """
    return round(min(1.5 + 1.5 * math.log2(max(weight, 1)), 9.0), 2)


def _evidence_item(item: dict) -> dict:
    return {
        "evidence": str(item.get("evidence") or ""),
        "title": _text_or_none(item.get("title")),
        "source": _text_or_none(item.get("source")),
        "date": _text_or_none(item.get("date")),
        "url": safe_url(item.get("url")),
        "doc": _text_or_none(item.get("doc")),
        "confidence": round(float(item.get("confidence") or 0.0), 3),
        "hedged": bool(item.get("hedged")),
    }


def safe_url(url) -> str | None:
    """``url`` if it is an absolute http(s) URL (the only kind the view turns into a link), else None.

    >>> safe_url("https://example.org/a?b=1"), safe_url("javascript:alert(1)"), safe_url("//evil.example")
    ('https://example.org/a?b=1', None, None)
    """
    if not url:
        return None
    text = str(url).strip()
    parts = urlsplit(text)
    return text if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _text_or_none(value) -> str | None:
    return None if value is None or value == "" else str(value)


def _darker(colour: str, factor: float = 0.7) -> str:
    """``#rrggbb`` scaled towards black (node borders).

    >>> _darker("#ffffff", 0.5)
    '#808080'
    """
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(channel * factor):02x}" for channel in (red, green, blue))


# --------------------------------------------------------------------------- options and legend

def _set_options(pyvis_net: Network, *, large: bool, count: int) -> None:
    """Physics, smoothing and interaction through pyvis's option builders."""
    pyvis_net.barnes_hut(gravity=-6000, central_gravity=0.25, spring_length=SPRING_LENGTH, spring_strength=0.03,
                         damping=0.2, overlap=0.2)
    pyvis_net.toggle_physics(not large and count > 0)
    pyvis_net.toggle_stabilization(True)
    pyvis_net.options.physics.stabilization.iterations = 300
    pyvis_net.options.physics.stabilization.updateInterval = 100
    pyvis_net.inherit_edge_colors(False)
    # Straight lines by default; parallel edges carry their own curve (see _curve).
    pyvis_net.options.edges.smooth.enabled = False
    pyvis_net.options.edges.smooth.type = "continuous"
    pyvis_net.toggle_hide_edges_on_drag(large)


def _extra_options(*, large: bool, count: int) -> dict:
    """vis-network options pyvis has no builder for: node scaling, readable labels, layout."""
    return {
        "nodes": {
            "borderWidth": 1.5,
            "scaling": {
                "min": 8, "max": 42,
                # labels grow with centrality; when zoomed out only the big ones stay readable
                "label": {"enabled": True, "min": 12, "max": 26, "maxVisible": 28, "drawThreshold": 7},
            },
            "font": {"face": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "color": "#1a1a1a",
                     "strokeWidth": 4, "strokeColor": "#ffffff"},
        },
        "edges": {"selectionWidth": 2, "hoverWidth": 1},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnZoom": large, "multiselect": False},
        # Kamada-Kawai seeding is slow for many actors and pointless when positions are given.
        "layout": {"improvedLayout": not large and count <= 100, "randomSeed": 7},
    }


def merge_options(base: dict, extra: dict) -> dict:
    """``base`` with ``extra`` merged in, nested dicts key by key.

    >>> merge_options({"edges": {"smooth": False, "width": 1}}, {"edges": {"width": 2}, "nodes": {}})
    {'edges': {'smooth': False, 'width': 2}, 'nodes': {}}
    """
    merged = dict(base)
    for key, value in extra.items():
        merged[key] = merge_options(merged[key], value) if isinstance(value, dict) and isinstance(
            merged.get(key), dict) else value
    return merged


def _legend_types(network: nx.MultiDiGraph) -> list[dict]:
    counts = Counter(data.get("type") or "Actor" for _, data in network.nodes(data=True))
    names = [name for name in ACTOR_TYPES if counts[name]] + sorted(set(counts) - set(ACTOR_TYPES))
    return [{"name": name, "colour": ACTOR_STYLE.get(name, OTHER_ACTOR_STYLE)[0],
             "shape": ACTOR_STYLE.get(name, OTHER_ACTOR_STYLE)[1], "count": counts[name]} for name in names]


def _legend_relations(network: nx.MultiDiGraph) -> list[dict]:
    counts = Counter(str(data.get("relation") or key) for _, _, key, data in network.edges(keys=True, data=True))
    names = [name for name in RELATIONS if counts[name]] + sorted(set(counts) - set(RELATIONS))
    return [{"name": name, "colour": RELATION_STYLE.get(name, OTHER_RELATION_STYLE)[0],
             "directed": name not in SYMMETRIC, "count": counts[name]} for name in names]


# --------------------------------------------------------------------------- embedding and writing

def script_json(value) -> str:
    """JSON safe inside a ``<script>`` element: ``<``, ``>`` and ``&`` escaped, so no ``</script>`` or ``<!--``.

    >>> script_json({"text": "</script><!--"})
    '{"text": "\\\\u003c/script\\\\u003e\\\\u003c!--"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":") if _is_big(value) else None)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def _is_big(value) -> bool:
    return isinstance(value, dict) and len(value.get("nodes", ())) > 50


def static_text(name: str, element: str) -> str:
    """A file of ``graph/static/`` as text to embed in a ``<script>`` or ``<style>`` element."""
    text = (STATIC / name).read_text(encoding="utf-8")
    if f"</{element}" in text.lower():
        raise ActorgraphError(f"{STATIC / name} contains '</{element}' and cannot be embedded in the view")
    return text


