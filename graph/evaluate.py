"""Scoring extracted claims against an annotated corpus (``ANNOTATION.md`` format).

The matching is exactly that of the corpus's ``score.py``: names are normalised (case, diacritics,
apostrophes, hyphens, a leading "the") and resolved through the corpus's ``actors.jsonl`` names and
aliases; symmetric relations match in either direction; claims with negative polarity and predicates
outside the eleven relations are not counted; only documents with gold relations are scored;
``negated_output`` counts asserted claims that the corpus lists in ``negative.jsonl``.

``evaluate`` returns per-relation and overall precision/recall/F1 plus the misses, false hits and
negated outputs with their evidence; ``format_evaluation`` prints them as a table.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterable

from graph.errors import DataFileError, InputError
from graph.gazetteer import Actor, Gazetteer, normalise_name
from graph.vocab import RELATIONS, SYMMETRIC, slugify

CORPUS_FILES = ("gold.jsonl", "actors.jsonl")


def read_jsonl(path: Path) -> list[dict]:
    """The records of a jsonl file; a bad line raises ``DataFileError`` naming file and line."""
    records = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise DataFileError(f"{path}: cannot read ({error.strerror})") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise DataFileError(f"{path}:{number}: not JSON ({error.msg})") from None
        if not isinstance(record, dict):
            raise DataFileError(f"{path}:{number}: expected a JSON object")
        records.append(record)
    return records


def _key(doc: str, subject: str, predicate: str, obj: str) -> tuple[str, str, str, str]:
    if predicate in SYMMETRIC:
        subject, obj = sorted((subject, obj))
    return (doc, subject, predicate, obj)


class _Resolver:
    """Maps a label to the corpus actor name it denotes, or ``?<normalised label>``."""

    def __init__(self, actors: list[dict]):
        self.alias: dict[str, str] = {}
        for actor in actors:
            for name in [actor["name"], *actor.get("aliases", [])]:
                self.alias.setdefault(normalise_name(name), actor["name"])

    def __call__(self, label: str) -> str:
        return self.alias.get(normalise_name(label), "?" + normalise_name(label))


def evaluate(corpus_dir: Path, claims: Iterable | None = None, gazetteer: Gazetteer | None = None) -> dict:
    """Precision, recall and F1 per relation and overall (``"ALL"``, with ``negated_output``), and the
    lists ``missed``, ``false`` and ``negated`` (dicts with doc, subject, predicate, object, evidence).

    ``claims`` are ``Claim`` objects or their records (dicts); without them the corpus's articles are
    extracted with ``gazetteer`` (default: the project gazetteer).
    """
    corpus_dir = Path(corpus_dir)
    for name in CORPUS_FILES:
        if not (corpus_dir / name).is_file():
            raise InputError(f"{corpus_dir}: not an annotated corpus (no {name})")
    resolve = _Resolver(read_jsonl(corpus_dir / "actors.jsonl"))
    gold_records = read_jsonl(corpus_dir / "gold.jsonl")
    gold = {_key(g["doc"], g["subject"], g["predicate"], g["object"]): g for g in gold_records}
    negative_path = corpus_dir / "negative.jsonl"
    negative = {}
    if negative_path.exists():
        negative = {_key(n["doc"], n["subject"], n["predicate"], n["object"]): n for n in read_jsonl(negative_path)}
    docs = {key[0] for key in gold}

    if claims is None:
        claims = extract_corpus(corpus_dir, gazetteer)
    system: dict[tuple, dict] = {}
    for claim in claims:
        record = claim if isinstance(claim, dict) else claim.to_record()
        if record.get("polarity") == "negative" or record.get("predicate") not in RELATIONS:
            continue
        doc = Path(str(record.get("doc", ""))).stem
        if doc not in docs:
            continue
        key = _key(doc, resolve(record["subject"]), record["predicate"], resolve(record["object"]))
        system.setdefault(key, record)

    counts: dict[str, Counter] = defaultdict(Counter)
    for triple in set(gold) | set(system):
        outcome = "tp" if triple in gold and triple in system else ("fn" if triple in gold else "fp")
        counts[triple[2]][outcome] += 1
        counts["ALL"][outcome] += 1
    figures: dict[str, dict] = {}
    for predicate, c in sorted(counts.items()):
        figures[predicate] = _figures(c)
    figures.setdefault("ALL", _figures(Counter()))
    traps = sorted(set(system) & set(negative))
    figures["ALL"]["negated_output"] = len(traps)

    def listing(keys, source) -> list[dict]:
        return [{"doc": k[0], "subject": k[1], "predicate": k[2], "object": k[3],
                 "evidence": source[k].get("evidence", ""), "rule": source[k].get("rule")} for k in sorted(keys)]

    return {
        "figures": figures,
        "missed": listing(set(gold) - set(system), gold),
        "false": listing(set(system) - set(gold), system),
        "negated": listing(traps, system),
    }


def _figures(c: Counter) -> dict:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
            "tp": c["tp"], "fp": c["fp"], "fn": c["fn"]}


def extract_corpus(corpus_dir: Path, gazetteer: Gazetteer | None = None) -> list:
    """The claims of every article (``*.txt``) of an annotated corpus folder."""
    from graph.articles import read_articles
    from graph.extract import Extractor
    from graph.gazetteer import load_gazetteer

    extractor = Extractor(gazetteer if gazetteer is not None else load_gazetteer())
    paths = sorted(Path(corpus_dir).glob("*.txt"))
    return [claim for article in read_articles(paths) for claim in extractor.extract(article)]


def format_evaluation(result: dict, details: bool = True) -> str:
    """The figures as a table (as score.py prints them), then misses, false hits and negated outputs."""
    lines = [f"{'relation':<12} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for predicate, f in result["figures"].items():
        if predicate != "ALL":
            lines.append(f"{predicate:<12} {f['precision']:>6.3f} {f['recall']:>6.3f} {f['f1']:>6.3f} "
                         f"{f['tp']:>5} {f['fp']:>5} {f['fn']:>5}")
    a = result["figures"]["ALL"]
    lines.append(f"ALL precision={a['precision']:.3f} recall={a['recall']:.3f} f1={a['f1']:.3f} "
                 f"tp={a['tp']} fp={a['fp']} fn={a['fn']} negated_output={a['negated_output']}")
    if details:
        for label, key in (("missed", "missed"), ("false", "false"), ("negated-but-output", "negated")):
            for item in result[key]:
                rule = f" [{item['rule']}]" if item.get("rule") else ""
                lines.append(f"{item['doc']}\t{label}\t{item['subject']} {item['predicate']} {item['object']}{rule}"
                             f"\t{item['evidence'][:160]}")
    return "\n".join(lines)


# Demonym-like endings: an alias of a country that shares the name's first letters and ends like a
# demonym ("Iraqi", "Lebanese") is a demonym; other one- or two-word aliases are taken as capitals.
_DEMONYM_ENDINGS = ("i", "is", "an", "ans", "ian", "ians", "ese", "ish", "ic", "ch", "ite", "ites")
_KNOWN_DEMONYMS = {"American", "Americans", "British", "French", "Emirati", "Emiratis", "Dutch", "Swiss", "Afghan",
                   "Afghans", "Burmese", "Congolese", "Welsh", "Irish", "Greek", "Thai"}


def gazetteer_from_corpus(corpus_dir: Path) -> Gazetteer:
    """A gazetteer of the actors of an annotated corpus's ``actors.jsonl`` (for tests and scoring the
    rules apart from the project's gazetteer): countries' demonyms and capitals recognised by shape."""
    actors: dict[str, Actor] = {}
    taken: set[str] = set()
    for record in read_jsonl(Path(corpus_dir) / "actors.jsonl"):
        name, actor_type = record["name"], record["type"]
        aliases, demonyms, capital = [], [], None
        for alias in record.get("aliases", []):
            key = normalise_name(alias)
            if key in taken:
                continue
            taken.add(key)
            if actor_type == "Country" and _looks_like_demonym(alias, name):
                demonyms.append(alias)
            elif actor_type == "Country" and capital is None and _looks_like_capital(alias, name):
                capital = alias
            else:
                aliases.append(alias)
        taken.add(normalise_name(name))
        actor_id = slugify(name)
        actors[actor_id] = Actor(actor_id, actor_type, name, tuple(aliases), capital=capital,
                                 demonyms=tuple(demonyms))
    return Gazetteer(actors)


def _looks_like_demonym(alias: str, name: str) -> bool:
    if alias in _KNOWN_DEMONYMS:
        return True
    if " " in alias or not alias[:1].isupper():
        return False
    return alias.lower().endswith(_DEMONYM_ENDINGS) and alias[:3].lower() == name[:3].lower()


def _looks_like_capital(alias: str, name: str) -> bool:
    words = alias.split()
    return (1 <= len(words) <= 2 and all(w[:1].isupper() for w in words) and not alias.isupper()
            and name.split()[0].lower() not in alias.lower())
