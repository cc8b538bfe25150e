"""The network view in a real browser: headless Debian Chromium driven by Playwright.

Needs ``apt-get install -y chromium`` and ``pip install playwright`` (never ``playwright install``).
Without them these tests skip with the reason, unless ACTORGRAPH_REQUIRE_BROWSER=1 (CI), where a
missing browser fails. A screenshot of the demo view is saved to test-output/view.png.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from graph.render import PRECOMPUTE_ABOVE, render_html

sys.path.insert(0, str(Path(__file__).resolve().parent))
from helpers_render import EVIL, chromium_missing_reason, demo_network, launch_chromium, random_network  # noqa: E402

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parent.parent
READY = "window.actorgraph && window.actorgraph.ready === true"


@pytest.fixture(scope="module")
def browser():
    reason = chromium_missing_reason()
    if reason:
        if os.environ.get("ACTORGRAPH_REQUIRE_BROWSER") == "1":
            pytest.fail(f"ACTORGRAPH_REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


class Visit:
    """A page with every request, console error and page error it produced recorded."""

    def __init__(self, browser, path: Path) -> None:
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        # Anything that is not the file itself or inline data is refused, so it could not leave anyway.
        self.page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:"))
                        else route.abort())
        self.page.goto(path.as_uri())
        self.page.wait_for_function(READY, timeout=30_000)

    def outside(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(("file:", "data:"))]

    def click_node(self, actor: str) -> None:
        """A real mouse click on the actor's node, wherever the layout put it."""
        x, y = self.page.evaluate(
            """actor => { const n = window.actorgraph.network; const p = n.canvasToDOM(n.getPositions([actor])[actor]);
                          const box = document.getElementById('network').getBoundingClientRect();
                          return [box.left + p.x, box.top + p.y]; }""", actor)
        self.page.mouse.click(x, y)


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory) -> Path:
    return render_html(demo_network(), tmp_path_factory.mktemp("view") / "view.html", title="actorgraph demo")


def test_demo_view_loads_offline_without_errors(browser, demo_path):
    visit = Visit(browser, demo_path)
    network = demo_network()
    assert visit.page.evaluate("[actorgraph.nodes.length, actorgraph.edges.length]") == [
        network.number_of_nodes(), network.number_of_edges() - 1]  # alliedWith stated both ways is drawn once
    assert visit.page.evaluate("actorgraph.network.body.data.nodes.length") == network.number_of_nodes()
    assert visit.outside() == [] and visit.errors == []
    out = ROOT / "test-output"
    out.mkdir(exist_ok=True)
    visit.page.screenshot(path=str(out / "view.png"))
    visit.page.close()


def test_clicking_a_node_shows_its_panel(browser, demo_path):
    visit = Visit(browser, demo_path)
    visit.click_node("iran")
    panel = visit.page.locator("#panel")
    assert panel.locator("h2").inner_text() == "Iran"
    text = panel.inner_text()
    assert "Country" in text and "Islamic Republic of Iran" in text and "Top relations" in text
    assert "Hezbollah · backedBy → Iran (5 articles)" in text
    # from a relation in the actor's panel to its evidence
    panel.get_by_role("button", name="Hezbollah · backedBy → Iran (5 articles)").click()
    assert panel.locator("blockquote").count() == 3  # the first few ...
    panel.get_by_role("button", name="Show all 5 evidence sentences").click()
    assert panel.locator("blockquote").count() == 5  # ... then all of them
    links = panel.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert links == ["https://news.example/doc-1"] * 4  # the javascript: URL did not become a link
    assert visit.errors == [] and visit.outside() == []


def test_markup_in_evidence_is_shown_as_text_and_never_runs(browser, demo_path):
    visit = Visit(browser, demo_path)
    visit.page.evaluate("actorgraph.showEdge('evil-actor|threatened|israel')")
    panel = visit.page.locator("#panel")
    assert panel.locator("blockquote").inner_text() == EVIL.strip()
    assert panel.locator("script, img").count() == 0 and panel.locator("a").count() == 0
    visit.click_node("evil-actor")
    assert panel.locator("h2").inner_text() == EVIL.strip()
    visit.page.hover("#network")
    assert visit.page.evaluate("window.__pwned === undefined")
    assert visit.errors == [] and visit.outside() == []


def test_search_filters_and_physics_toggle(browser, demo_path):
    visit = Visit(browser, demo_path)
    page = visit.page
    page.fill("#search", "hizbullah")  # an alias, any case
    page.press("#search", "Enter")
    assert page.locator("#panel h2").inner_text() == "Hezbollah"
    assert page.evaluate("actorgraph.network.getSelectedNodes()") == ["hezbollah"]
    page.fill("#search", "nobody at all")
    page.press("#search", "Enter")
    assert "No actor matches" in page.locator("#search-status").inner_text()

    attacked = page.evaluate("actorgraph.edges.get({filter: e => e.relation === 'attacked'}).length")
    before = page.evaluate("actorgraph.edgeView.length")
    page.uncheck("input[data-filter=relation][value=attacked]")
    assert page.evaluate("actorgraph.edgeView.length") == before - attacked
    page.uncheck("input[data-filter=type][value=Country]")
    assert "Iran" not in page.evaluate("actorgraph.nodeView.get().map(n => n.label)")
    assert page.evaluate("actorgraph.edgeView.get().every(e => e.from !== 'iran' && e.to !== 'iran')")

    assert page.evaluate("actorgraph.network.physics.options.enabled") is True
    page.uncheck("#physics")
    assert page.evaluate("actorgraph.network.physics.options.enabled") is False
    assert visit.errors == []


def test_large_network_opens_with_precomputed_layout(browser, tmp_path):
    network = random_network(PRECOMPUTE_ABOVE * 2, seed=5)
    visit = Visit(browser, render_html(network, tmp_path / "large.html"))
    assert visit.page.evaluate("actorgraph.nodes.length") == network.number_of_nodes()
    assert visit.page.evaluate("actorgraph.network.physics.options.enabled") is False
    assert visit.page.locator("#physics").is_checked() is False
    visit.click_node("actor-0")  # the first, best connected actor of the generated network
    assert visit.page.locator("#panel h2").inner_text() == "Actor 0"
    assert visit.errors == [] and visit.outside() == []
