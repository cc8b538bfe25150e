"""Test helpers of the store tests: generated articles, a stub extractor and free ports.

The stub extractor reads sentences of the form "Alpha attacked Beta." (actor ids are words,
relations are graph.vocab.RELATIONS), so store, crash and concurrency tests do not depend on the
real extractor. Run as a script it ingests a folder with the stub, like ``actorgraph ingest``::

    python tests/helpers_store.py STORE [--jobs=N] [--delay=SECONDS] [--progress] FOLDER…
"""
from __future__ import annotations

import random
import re
import socket
import sys
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from graph.articles import Article  # noqa: E402
from graph.extract import Claim  # noqa: E402
from graph.gazetteer import Actor  # noqa: E402
from graph.vocab import RELATIONS  # noqa: E402

SENTENCE = re.compile(r"\b([a-z][a-z0-9-]*) (" + "|".join(RELATIONS) + r") ([a-z][a-z0-9-]*)( not)?\.")


# The real claim type, with the stub extractor's rule and confidence.
StubClaim = partial(Claim, rule="stub", confidence=0.8)


class StubExtractor:
    """Claims from sentences "subject relation object." ("… object not." is a denial).

    ``delay`` seconds per article stand in for a real extractor's work (crash tests need time to kill).
    """

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay

    def extract(self, article: Article) -> list[StubClaim]:
        if self.delay:
            time.sleep(self.delay)
        claims = []
        for match in SENTENCE.finditer(article.text):
            subject, relation, obj, negated = match.groups()
            claims.append(StubClaim(
                doc=article.id, subject=_actor(subject), predicate=relation, object=_actor(obj),
                evidence=match.group(), start=match.start(), end=match.end(),
                polarity="negative" if negated else "positive"))
        return claims


def _actor(word: str) -> Actor:
    return Actor(id=word, type="ArmedGroup", name=word.title(), aliases=(word.upper(),))


ACTOR_WORDS = [f"group{i}" for i in range(40)]


def write_corpus(folder: Path, count: int, *, sentences: int = 6, seed: int = 7) -> Path:
    """``count`` small articles "a0000.txt" … with ``sentences`` claims each; returns the folder."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        lines = [f"Report {number}"]
        for _ in range(sentences):
            subject, obj = rng.sample(ACTOR_WORDS, 2)
            lines.append(f"{subject} {rng.choice(RELATIONS)} {obj}{' not' if rng.random() < 0.1 else ''}.")
        (folder / f"a{number:04d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main(argv: list[str]) -> None:
    from graph.pipeline import ingest
    from graph.store import open_store

    store_location, *rest = argv
    options = dict((arg[2:] + "=").split("=")[:2] for arg in rest if arg.startswith("--"))
    paths = [arg for arg in rest if not arg.startswith("--")]
    with open_store(store_location) as store:
        progress = (lambda article, claims: print(article.id, flush=True)) if "progress" in options else None
        summary = ingest(paths, store, extractor=StubExtractor(float(options.get("delay", 0))),
                         jobs=int(options.get("jobs", 1)), progress=progress)
    print(summary.line(), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
