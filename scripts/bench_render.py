"""Benchmark the network view: file size and time to a stable drawing in headless Chromium.

For generated networks of 100, 1,000 and 5,000 actors (and optionally a real view, e.g. the seed
build's), prints the time to write the file, its size, and the time from navigation start until
vis-network has stabilised and drawn (physics on) or first drawn (precomputed layout, physics off),
as the page itself records it (``window.actorgraph.readyMs``). Ratios are against the 100-actor
network measured in the same run. Goals: seed view under 2 s, 5,000 actors under 10 s.

    .venv/bin/python scripts/bench_render.py
    .venv/bin/python scripts/bench_render.py --view /tmp/out-render/view.html --screenshot docs/view.png
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from graph.render import render_html  # noqa: E402
from helpers_render import chromium_missing_reason, launch_chromium, random_network  # noqa: E402

SIZES = (100, 1_000, 5_000)
GOALS_S = {"seed": 2.0, 5_000: 10.0}
READY = "window.actorgraph && window.actorgraph.ready === true"


def time_to_ready(browser, path: Path, screenshot: Path | None = None) -> float:
    """Seconds from navigation start until the view reports a stable drawing."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:"))
               else route.abort())
    page.goto(path.as_uri())
    page.wait_for_function(READY, timeout=120_000, polling=50)
    ready_ms = page.evaluate("window.actorgraph.readyMs")
    if screenshot:
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(screenshot))
    page.close()
    return ready_ms / 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES),
                        help="actors per generated network (none: only --view)")
    parser.add_argument("--repeat", type=int, default=3, help="page loads per file (the median is shown)")
    parser.add_argument("--view", type=Path, help="also time this existing view file (e.g. the seed build's)")
    parser.add_argument("--screenshot", type=Path, help="save a screenshot of --view (or the first network) here")
    args = parser.parse_args()
    reason = chromium_missing_reason()
    if reason:
        print(f"cannot benchmark: {reason}", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        targets = []
        for size in args.sizes:
            network = random_network(size, seed=size)
            started = time.perf_counter()
            path = render_html(network, Path(folder) / f"view-{size}.html")
            targets.append((f"{size:,} actors, {network.number_of_edges():,} relations", size, path,
                            time.perf_counter() - started))
        if args.view:
            targets.append((f"{args.view}", "seed", args.view, float("nan")))
        for index, (label, key, path, write_s) in enumerate(targets):
            shot = args.screenshot if args.screenshot and (key == "seed" or (not args.view and index == 0)) else None
            loads = [time_to_ready(browser, path, shot if run == 0 else None) for run in range(args.repeat)]
            rows.append((label, key, write_s, path.stat().st_size, statistics.median(loads)))
        browser.close()
    if not rows:
        print("nothing to measure: give --sizes or --view", file=sys.stderr)
        return 1
    reference = rows[0][4]
    print(f"{'view':<44} {'write s':>8} {'size MB':>8} {'ready s':>8} {'× first':>8}  goal")
    for label, key, write_s, size, ready in rows:
        goal = GOALS_S.get(key)
        verdict = "" if goal is None else f"< {goal:g} s {'met' if ready < goal else 'MISSED'}"
        print(f"{label:<44} {write_s:>8.2f} {size / 1e6:>8.2f} {ready:>8.2f} {ready / reference:>8.1f}  {verdict}")
    if args.screenshot:
        print(f"screenshot written to {args.screenshot}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
