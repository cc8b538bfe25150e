"""The offline network view (graph/render.py), checked on the written HTML without a browser.

tests/test_browser.py loads the same pages in headless Chromium.
"""
from __future__ import annotations

import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest

from graph.errors import ActorgraphError
from graph.render import PRECOMPUTE_ABOVE, centrality, fast_layout, render_html, safe_url, script_json

sys.path.insert(0, str(Path(__file__).resolve().parent))
from helpers_render import EVIL, add_actor, add_relation, demo_network, evidence, random_network  # noqa: E402


class _Page(HTMLParser):
    """Every tag with its attributes, and the text of each <script>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self._script: dict | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script = dict(attrs)
            self.scripts.append((self._script, ""))

    def handle_data(self, data):
        if self._script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def view_data(path: Path) -> dict:
    (data,) = [text for attrs, text in parse(path).scripts if attrs.get("id") == "actorgraph-data"]
    return json.loads(data)


@pytest.fixture
def demo_view(tmp_path) -> Path:
    return render_html(demo_network(), tmp_path / "view.html")


def test_view_is_one_utf8_file_that_fetches_nothing(demo_view):
    html = demo_view.read_bytes().decode("utf-8")  # strict: the file is UTF-8 whatever the platform
    page = parse(demo_view)
    assert re.search(r'<meta charset="utf-8">', html)
    fetched = [(tag, attrs) for tag, attrs in page.tags
               for name in ("src", "href") if attrs.get(name) is not None]
    assert fetched == []  # no <script src>, <link href>, <img src>: everything is inline
    assert not [tag for tag, _ in page.tags if tag in ("link", "iframe", "img", "object", "embed")]
    assert "@import" not in html and "@font-face" not in html
    assert "Sudān – ساحل" in json.dumps(view_data(demo_view), ensure_ascii=False)
    # vis-network is embedded, licence header included
    assert "vis.js is dual licensed" in html and "Apache 2.0 License" in html


def test_hostile_text_cannot_open_a_script_element(demo_view):
    page = parse(demo_view)
    # exactly our three scripts: the data, vis-network and the view's code
    assert [attrs.get("id") for attrs, _ in page.scripts] == ["actorgraph-data", None, None]
    html = demo_view.read_text(encoding="utf-8")
    assert "window.__pwned" not in html.split('id="actorgraph-data">', 1)[0]
    data = view_data(demo_view)
    evil_edge = next(edge for edge in data["edges"] if edge["relation"] == "threatened")
    assert evil_edge["evidence"][0]["evidence"] == EVIL  # the text survives intact, as data
    assert evil_edge["evidence"][0]["url"] is None  # a javascript: URL is never kept


def test_script_json_escapes_closing_tags_and_comments():
    text = script_json({"a": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><!-- & \u2028"}


def test_only_http_urls_are_kept():
    assert safe_url("http://example.org/x") == "http://example.org/x"
    assert safe_url(" HTTPS://Example.org ") == "HTTPS://Example.org"
    for bad in ("javascript:alert(1)", "data:text/html,<b>", "file:///etc/passwd", "//host/x", "", None, "example.org"):
        assert safe_url(bad) is None


def test_nodes_styled_by_type_and_sized_by_centrality(demo_view):
    nodes = {node["id"]: node for node in view_data(demo_view)["nodes"]}
    assert nodes["iran"]["shape"] == "square" and nodes["hezbollah"]["shape"] == "triangle"
    assert nodes["un"]["shape"] == "star" and nodes["naim-qassem"]["shape"] == "dot"
    assert nodes["iran"]["color"]["background"] != nodes["hezbollah"]["color"]["background"]
    assert nodes["iran"]["atype"] == "Country" and "Tehran" in nodes["iran"]["aliases"]
    # Iran is backed-by target of Hezbollah (5 articles) and of IRGC's partOf: it outranks a leaf
    assert nodes["iran"]["value"] > nodes["naim-qassem"]["value"]
    assert "type: Country" in nodes["iran"]["title"] and "<" not in nodes["iran"]["title"]


def test_edges_styled_by_relation_direction_weight_and_hedging(demo_view):
    edges = view_data(demo_view)["edges"]
    by_id = {edge["id"]: edge for edge in edges}
    backed = by_id["hezbollah|backedBy|iran"]
    assert backed["arrows"]["to"]["enabled"] is True and backed["weight"] == 5
    allied = [edge for edge in edges if edge["relation"] == "alliedWith" and {edge["from"], edge["to"]} == {"iran", "hezbollah"}]
    assert len(allied) == 1  # stated both ways, drawn once
    assert allied[0]["arrows"]["to"]["enabled"] is False and allied[0]["weight"] == 2
    assert len(allied[0]["evidence"]) == 2
    assert backed["width"] > by_id["irgc|partOf|iran"]["width"]
    assert by_id["kataeb-hezbollah|backedBy|irgc"]["dashes"] and backed["dashes"] is False
    assert backed["color"]["color"] != by_id["hezbollah|attacked|israel"]["color"]["color"]


def test_parallel_relations_all_drawn_with_distinct_ids_and_curves(demo_view):
    edges = view_data(demo_view)["edges"]
    assert len({edge["id"] for edge in edges}) == len(edges)
    pair = [edge for edge in edges if {edge["from"], edge["to"]} == {"hezbollah", "israel"}]
    assert sorted(edge["relation"] for edge in pair) == ["attacked", "attacked", "hostileTo"]
    # the two attacks run opposite ways; every one of the three has its own bend
    bends = {(edge["smooth"]["type"] if edge["from"] == "hezbollah" else _flip(edge["smooth"]["type"]),
              edge["smooth"]["roundness"]) for edge in pair}
    assert len(bends) == 3 and all(edge["smooth"]["enabled"] for edge in pair)
    single = next(edge for edge in edges if edge["relation"] == "operatesIn")
    assert single["smooth"] == {"enabled": False}


def _flip(kind: str) -> str:
    return {"curvedCW": "curvedCCW", "curvedCCW": "curvedCW"}[kind]


def test_evidence_keeps_source_date_and_only_safe_links(demo_view):
    edges = {edge["id"]: edge for edge in view_data(demo_view)["edges"]}
    items = edges["hezbollah|backedBy|iran"]["evidence"]
    assert len(items) == 5 and edges["hezbollah|backedBy|iran"]["claims"] == 5
    assert [item["confidence"] for item in items] == sorted((item["confidence"] for item in items), reverse=True)
    tehran = next(item for item in items if item["evidence"] == "Tehran has long backed Hezbollah.")
    assert tehran["url"] is None and tehran["date"] == "2025-02-03" and tehran["title"] == "Lebanon's war"
    assert all(item["url"] == "https://news.example/doc-1" for item in items if item is not tehran)


def test_legend_lists_present_types_and_relations(demo_view):
    html = demo_view.read_text(encoding="utf-8")
    page = parse(demo_view)
    filters = {(attrs["data-filter"], attrs["value"]) for tag, attrs in page.tags if "data-filter" in attrs}
    assert ("type", "InternationalOrganization") in filters and ("relation", "operatesIn") in filters
    assert ("relation", "memberOf") not in filters  # no memberOf edge in this network
    assert "hedged only" in html and "supporting articles" in html


@pytest.mark.parametrize("measure", ["pagerank", "degree", "betweenness"])
def test_size_by_each_centrality(tmp_path, measure):
    network = demo_network()
    nodes = {node["id"]: node for node in view_data(render_html(network, tmp_path / "v.html", size_by=measure))["nodes"]}
    expected = centrality(network, measure)
    assert nodes["hezbollah"]["value"] == pytest.approx(expected["hezbollah"], abs=1e-6)
    assert max(nodes, key=lambda actor: nodes[actor]["value"]) == max(expected, key=expected.get)


def test_values_of_a_report_are_reused(tmp_path):
    from types import SimpleNamespace

    network = demo_network()
    rows = [SimpleNamespace(id=actor, measures={"pagerank": 0.5 if actor == "sudan" else 0.01}) for actor in network]
    nodes = {node["id"]: node for node in
             view_data(render_html(network, tmp_path / "v.html", report=SimpleNamespace(actors=rows)))["nodes"]}
    assert nodes["sudan"]["value"] == 0.5 and nodes["iran"]["value"] == 0.01


def test_size_by_degree_differs_from_pagerank():
    network = nx.MultiDiGraph()
    for actor in ("x1", "x2", "x3", "hub", "top"):
        add_actor(network, actor, actor, "ArmedGroup")
    for actor in ("x1", "x2", "x3"):
        add_relation(network, actor, "partOf", "hub", [evidence(f"{actor} is part of hub.")])
    add_relation(network, "hub", "partOf", "top", [evidence("hub is part of top.")])
    degree, pagerank = centrality(network, "degree"), centrality(network, "pagerank")
    assert max(degree, key=degree.get) == "hub" and degree["hub"] == 4.0
    assert max(pagerank, key=pagerank.get) == "top"  # all of hub's rank flows on to it


def test_top_keeps_the_most_central_actors_and_their_edges(tmp_path):
    data = view_data(render_html(demo_network(), tmp_path / "v.html", size_by="degree", top=2))
    kept = {node["id"] for node in data["nodes"]}
    assert kept == {"hezbollah", "iran"}  # 5 and 3 distinct neighbours; every other actor has at most 2
    assert data["edges"] and all(edge["from"] in kept and edge["to"] in kept for edge in data["edges"])


def test_small_network_uses_physics_large_one_precomputed_positions(tmp_path):
    small = view_data(render_html(demo_network(), tmp_path / "small.html"))
    assert small["options"]["physics"]["enabled"] is True
    assert not any("x" in node for node in small["nodes"])
    large = view_data(render_html(random_network(PRECOMPUTE_ABOVE + 50, seed=3), tmp_path / "large.html"))
    assert large["options"]["physics"]["enabled"] is False
    assert large["options"]["layout"]["improvedLayout"] is False
    assert all(isinstance(node["x"], int) and isinstance(node["y"], int) for node in large["nodes"])


def test_fast_layout_places_neighbours_closer_than_strangers():
    network = nx.connected_caveman_graph(12, 6)  # 12 cliques in a ring
    positions = fast_layout(network)
    assert positions == fast_layout(network)  # deterministic
    assert len(positions) == 72 and len(set(positions.values())) == 72

    def distance(a, b):
        return ((positions[a][0] - positions[b][0]) ** 2 + (positions[a][1] - positions[b][1]) ** 2) ** 0.5

    linked = [distance(u, v) for u, v in network.edges()]
    strangers = [distance(u, v) for u in network for v in network if u < v and not network.has_edge(u, v)]
    assert sum(linked) / len(linked) < 0.4 * sum(strangers) / len(strangers)


def test_empty_network_still_renders(tmp_path):
    path = render_html(nx.MultiDiGraph(), tmp_path / "empty.html")
    assert view_data(path)["nodes"] == [] and "network is empty" in path.read_text(encoding="utf-8")


def test_written_atomically_into_a_new_folder_and_overwritten(tmp_path):
    out = tmp_path / "new" / "folder" / "view.html"
    render_html(demo_network(), out)
    network = nx.MultiDiGraph()
    add_actor(network, "a", "Only A", "Person")
    add_actor(network, "b", "Only B", "Country")
    add_relation(network, "a", "memberOf", "b", [evidence("A is a member of B.")])
    render_html(network, out, title="second <run>")
    assert [p.name for p in out.parent.iterdir()] == ["view.html"]  # no temp file left behind
    assert "<title>second &lt;run&gt;</title>" in out.read_text(encoding="utf-8")
    assert len(view_data(out)["nodes"]) == 2


def test_bad_arguments_and_unwritable_output_are_one_line_errors(tmp_path):
    with pytest.raises(ActorgraphError, match="unknown --size-by 'closeness'"):
        render_html(demo_network(), tmp_path / "v.html", size_by="closeness")
    with pytest.raises(ActorgraphError, match="--top must be at least 1"):
        render_html(demo_network(), tmp_path / "v.html", top=0)
    (tmp_path / "dir.html").mkdir()
    with pytest.raises(ActorgraphError, match="dir\.html: cannot write") as caught:
        render_html(demo_network(), tmp_path / "dir.html")
    assert "\n" not in str(caught.value)


def test_cli_render_writes_the_view(tmp_path):
    """End to end through the store once graph.analysis (load_network) exists."""
    pytest.importorskip("graph.analysis", reason="graph/analysis.py (load_network) is not written yet")
    from types import SimpleNamespace

    from click.testing import CliRunner

    from graph.articles import Article
    from graph.cli import cli
    from graph.gazetteer import Actor
    from graph.rdf import article_graph_triples, article_iri
    from graph.store.oxigraph import OxigraphStore

    iran = Actor(id="iran", type="Country", name="Iran", aliases=("Tehran",))
    hezbollah = Actor(id="hezbollah", type="ArmedGroup", name="Hezbollah")
    israel = Actor(id="israel", type="Country", name="Israel")
    text = "Hezbollah is backed by Iran. Hezbollah attacked Israel."
    article = Article(id="a1", title="Two claims", text=text, date="2025-03-01", source="Example",
                      url="https://news.example/a1")

    def claim(subject, predicate, obj, sentence):
        start = text.index(sentence)
        return SimpleNamespace(doc="a1", subject=subject, predicate=predicate, object=obj, evidence=sentence,
                               start=start, end=start + len(sentence), rule="test", confidence=0.9,
                               hedged=False, polarity="positive")

    claims = [claim(hezbollah, "backedBy", iran, "Hezbollah is backed by Iran."),
              claim(hezbollah, "attacked", israel, "Hezbollah attacked Israel.")]
    store_dir = tmp_path / "store"
    with OxigraphStore(store_dir) as store:
        store.put_graph(article_iri(article.id), article_graph_triples(article, claims))
    out = tmp_path / "view.html"
    result = CliRunner().invoke(cli, ["render", "--store", str(store_dir), "--out", str(out), "--size-by", "degree",
                                      "--relations", "backedBy"])
    assert result.exit_code == 0, result.output
    data = view_data(out)
    assert {node["id"] for node in data["nodes"]} == {"hezbollah", "iran"}
    assert [edge["relation"] for edge in data["edges"]] == ["backedBy"]
    assert data["edges"][0]["evidence"][0]["url"] == "https://news.example/a1"
