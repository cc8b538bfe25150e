"""Networks and a headless browser for the view's tests and for scripts/bench_render.py.

The networks have the node and edge attributes of ``graph.analysis.load_network`` (see
contracts.md), built directly so the view can be tested without a store or an extractor.
"""
from __future__ import annotations

import os
import random
import shutil

import networkx as nx

from graph.vocab import ACTOR_TYPES, RELATIONS, SYMMETRIC

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
EVIL = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> </script><!--'


def add_actor(network: nx.MultiDiGraph, actor_id: str, name: str, actor_type: str, aliases=()) -> None:
    network.add_node(actor_id, name=name, type=actor_type, aliases=list(aliases),
                     iri=f"https://actorgraph.org/actor/{actor_id}")


def evidence(sentence: str, doc: str = "doc-1", *, url: str | None = "https://news.example/doc-1",
             title: str = "An article", source: str = "Example News", date: str | None = "2025-03-01",
             confidence: float = 0.8, hedged: bool = False, claim: str | None = None) -> dict:
    return {"claim": claim or f"https://actorgraph.org/claim/{doc}/{abs(hash(sentence))}", "evidence": sentence,
            "doc": doc, "title": title, "source": source, "date": date, "url": url, "confidence": confidence,
            "hedged": hedged, "rule": "test"}


def add_relation(network: nx.MultiDiGraph, source: str, relation: str, target: str, items: list[dict],
                 *, hedged_only: bool | None = None) -> None:
    """An edge as load_network makes it, from its evidence items."""
    items = sorted(items, key=lambda item: -item["confidence"])
    dates = sorted(item["date"] for item in items if item["date"])
    network.add_edge(
        source, target, key=relation, relation=relation, weight=len({item["doc"] for item in items}),
        claims=len(items), confidence=max(item["confidence"] for item in items),
        hedged_only=all(item["hedged"] for item in items) if hedged_only is None else hedged_only,
        first_seen=dates[0] if dates else None, last_seen=dates[-1] if dates else None,
        evidence=items, symmetric=relation in SYMMETRIC)


def demo_network() -> nx.MultiDiGraph:
    """A seed-like network: parallel relations, both directions, symmetric, hedged and hostile evidence."""
    network = nx.MultiDiGraph()
    add_actor(network, "iran", "Iran", "Country", ["Islamic Republic of Iran", "Tehran"])
    add_actor(network, "irgc", "IRGC", "GovernmentOrganization", ["Islamic Revolutionary Guard Corps"])
    add_actor(network, "hezbollah", "Hezbollah", "ArmedGroup", ["Hizbullah", "Hizballah"])
    add_actor(network, "kataeb-hezbollah", "Kata'ib Hezbollah", "ArmedGroup", ["KH"])
    add_actor(network, "israel", "Israel", "Country")
    add_actor(network, "united-states", "United States", "Country", ["US", "Washington"])
    add_actor(network, "un", "United Nations", "InternationalOrganization", ["UN"])
    add_actor(network, "naim-qassem", "Naim Qassem", "Person")
    add_actor(network, "amal", "Amal Movement", "PoliticalOrganization", ["Amal"])
    add_actor(network, "evil-actor", EVIL, "ArmedGroup", [EVIL])
    add_actor(network, "iraq", "Iraq", "Country", ["Baghdad"])
    add_actor(network, "sudan", "Sudān – ساحل", "Country")

    add_relation(network, "hezbollah", "backedBy", "iran", [
        evidence("Hezbollah is funded and armed by Iran.", "a1", title="Iran's proxies", date="2025-01-10"),
        evidence("Tehran has long backed Hezbollah.", "a2", title="Lebanon's war", date="2025-02-03",
                 url="javascript:alert(1)"),
        evidence("Iran supplies Hezbollah with rockets.", "a3", date="2025-02-20", confidence=0.9),
        evidence("Hezbollah receives Iranian money.", "a4", date="2025-03-01", confidence=0.7),
        evidence("Iranian support keeps Hezbollah going.", "a5", date="2025-03-05", confidence=0.6),
    ])
    add_relation(network, "hezbollah", "alliedWith", "iran", [evidence("Hezbollah and Iran are allies.", "a1")])
    add_relation(network, "iran", "alliedWith", "hezbollah", [evidence("Iran and Hezbollah stand together.", "a6")])
    add_relation(network, "kataeb-hezbollah", "backedBy", "irgc", [
        evidence("Kata'ib Hezbollah is reportedly backed by the IRGC.", "a7", hedged=True)])
    add_relation(network, "irgc", "partOf", "iran", [evidence("The IRGC is a branch of Iran's armed forces.", "a8")])
    add_relation(network, "hezbollah", "attacked", "israel", [evidence("Hezbollah fired rockets at Israel.", "a9")])
    add_relation(network, "israel", "attacked", "hezbollah", [evidence("Israel struck Hezbollah positions.", "a9")])
    add_relation(network, "israel", "hostileTo", "hezbollah", [evidence("Israel and Hezbollah are enemies.", "a10")])
    add_relation(network, "united-states", "designated", "hezbollah", [
        evidence("The US designated Hezbollah a terrorist organisation.", "a11")])
    add_relation(network, "naim-qassem", "leaderOf", "hezbollah", [evidence("Naim Qassem leads Hezbollah.", "a12")])
    add_relation(network, "un", "metWith", "iran", [evidence("UN envoys met Iranian officials.", "a13")])
    add_relation(network, "amal", "alliedWith", "hezbollah", [evidence("Amal is allied with Hezbollah.", "a14")])
    add_relation(network, "evil-actor", "threatened", "israel", [
        evidence(EVIL, "evil", title=EVIL, source=EVIL, url="javascript:window.__pwned=3")])
    add_relation(network, "kataeb-hezbollah", "operatesIn", "iraq", [evidence("Kata'ib Hezbollah operates in Iraq.", "a15")])
    add_relation(network, "sudan", "metWith", "un", [evidence("Sudanese envoys met the UN – «talks».", "a16", url=None)])
    return network


def random_network(actors: int, *, edges_per_actor: float = 2.0, seed: int = 0) -> nx.MultiDiGraph:
    """A generated network with a heavy-tailed degree (preferential attachment) and every relation kind."""
    rng = random.Random(seed)
    skeleton = nx.barabasi_albert_graph(actors, max(1, round(edges_per_actor)), seed=seed) if actors > 2 else nx.path_graph(actors)
    network = nx.MultiDiGraph()
    for i in skeleton.nodes:
        add_actor(network, f"actor-{i}", f"Actor {i}", rng.choice(ACTOR_TYPES), [f"A{i}"])
    for u, v in skeleton.edges:
        for relation in rng.sample(RELATIONS, 2 if rng.random() < 0.1 else 1):
            source, target = (u, v) if rng.random() < 0.5 else (v, u)
            items = [evidence(f"Actor {source} {relation} Actor {target} (sentence {k}).", f"doc-{rng.randrange(5000)}",
                              hedged=rng.random() < 0.15, confidence=round(rng.uniform(0.5, 0.95), 2))
                     for k in range(1 + int(rng.expovariate(0.7)))]
            add_relation(network, f"actor-{source}", relation, f"actor-{target}", items)
    return network


def chromium_missing_reason() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the Python package playwright is not installed (.venv/bin/pip install playwright)"
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        return f"no Chromium at {CHROMIUM} (apt-get install -y chromium)"
    return None


def launch_chromium(playwright):
    """Debian's Chromium, headless, with background networking off (never a downloaded browser)."""
    return playwright.chromium.launch(executable_path=CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium"),
                                      args=CHROMIUM_ARGS)
