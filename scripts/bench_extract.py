#!/usr/bin/env python3
"""Speed benchmark of relation extraction against a raw Aho-Corasick pass over the same text.

Generates synthetic wire-style articles from sentence templates filled with gazetteer names (seeded,
so every run sees the same text), then times in one run:

- the reference: ``Gazetteer.find`` (the Aho-Corasick automaton alone) over every article;
- ``Extractor.extract`` over every article;

and prints articles/s and MB/s of both and their ratio.

Usage: scripts/bench_extract.py [--articles 1000] [--seed 7] [--corpus DIR]
(``--corpus`` builds the gazetteer from an annotated corpus's actors.jsonl instead of ontology/gazetteer.)
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.articles import Article  # noqa: E402
from graph.extract import Extractor  # noqa: E402
from graph.gazetteer import Gazetteer, load_gazetteer  # noqa: E402

TEMPLATES = [
    "The {country}-backed {group} attacked {group2} positions near the border on {day}, officials said.",
    "{person}, a senior {group} official, said the movement would not disarm.",
    "{country_a} designated {group}, {group2} and {group3} as terrorist organisations.",
    "Tehran has denied arming {group}, a charge {country_a} rejected.",
    "{group} is reportedly funded by {country}, according to two diplomats.",
    "{country_a} held talks with {country_b} in {capital} on {day} about a truce.",
    "If {country_a} strikes {group}, the region could be drawn into war.",
    "Fighters of {group} in {country_b} have clashed with {group2} for years.",
    "{group}, one of the factions inside {group3}, threatened to strike {country_a} bases.",
    "Analysts said the conflict had displaced thousands of people and left towns without power.",
    "The ceasefire, brokered last year, has largely held despite sporadic violations in the north.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def synthetic_articles(gazetteer: Gazetteer, count: int, seed: int) -> list[Article]:
    """``count`` articles of 8-20 template sentences with names drawn from the gazetteer."""
    rng = random.Random(seed)
    by_type: dict[str, list] = {}
    for actor in gazetteer.actors.values():
        by_type.setdefault(actor.type, []).append(actor)
    countries = by_type.get("Country") or list(gazetteer.actors.values())
    groups = by_type.get("ArmedGroup") or list(gazetteer.actors.values())
    people = by_type.get("Person") or list(gazetteer.actors.values())
    articles = []
    for number in range(count):
        sentences = []
        for _ in range(rng.randint(8, 20)):
            country_a, country_b = rng.choice(countries), rng.choice(countries)
            sentences.append(rng.choice(TEMPLATES).format(
                country=rng.choice(countries).name, country_a=country_a.name, country_b=country_b.name,
                capital=country_b.capital or country_b.name, group=rng.choice(groups).name,
                group2=rng.choice(groups).name, group3=rng.choice(groups).name, person=rng.choice(people).name,
                day=rng.choice(DAYS)))
        paragraphs = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
        text = f"Synthetic headline {number}\n\n" + "\n\n".join(paragraphs) + "\n"
        articles.append(Article(id=f"bench-{number}", title=f"Synthetic headline {number}", text=text))
    return articles


def _time(function, articles: list[Article]) -> tuple[float, int]:
    start = time.perf_counter()
    found = sum(len(function(article)) for article in articles)
    return time.perf_counter() - start, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--corpus", type=Path, help="annotated corpus whose actors.jsonl is the gazetteer")
    args = parser.parse_args()

    if args.corpus:
        from graph.evaluate import gazetteer_from_corpus
        gazetteer = gazetteer_from_corpus(args.corpus)
    else:
        gazetteer = load_gazetteer()
    extractor = Extractor(gazetteer)
    articles = synthetic_articles(gazetteer, args.articles, args.seed)
    megabytes = sum(len(a.text.encode("utf-8")) for a in articles) / 1e6
    extractor.extract(articles[0])  # warm caches (cue files, compiled patterns)

    reference_seconds, matches = _time(lambda a: gazetteer.find(a.text), articles)
    extract_seconds, claims = _time(extractor.extract, articles)
    print(f"{len(articles)} synthetic articles, {megabytes:.2f} MB, gazetteer of {len(gazetteer)} actors")
    print(f"reference  Aho-Corasick find: {reference_seconds:7.3f} s  {len(articles) / reference_seconds:9.1f} articles/s  "
          f"{megabytes / reference_seconds:7.2f} MB/s  ({matches} matches)")
    print(f"extraction Extractor.extract: {extract_seconds:7.3f} s  {len(articles) / extract_seconds:9.1f} articles/s  "
          f"{megabytes / extract_seconds:7.2f} MB/s  ({claims} claims)")
    print(f"ratio extraction / reference: {extract_seconds / reference_seconds:.1f}x slower")


if __name__ == "__main__":
    main()
