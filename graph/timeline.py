"""Time: which relations appeared and which disappeared between two windows of article dates.

A window is ``FROM..TO`` (either side may be empty), or a single date: for ``--before`` it means
"up to that day", for ``--after`` "from that day on". A relation appeared when some claim in the
later window states it and none in the earlier one does, and disappeared the other way round.
Claims of undated articles (``ag:undated true``) fall in no window; the diff counts them instead
of guessing a date. Negated and rejected claims never count; merged actors are read as the actor
they are merged into.
"""
from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field

from rdflib import Literal
from rdflib.namespace import XSD

from graph.errors import InputError
from graph.rdf import sparql_prefixes
from graph.store.base import Store

_DATE = r"\d{4}-\d{2}-\d{2}"

CLAIMS_QUERY = """
SELECT DISTINCT ?claim ?subject ?subjectName ?relation ?object ?objectName ?date ?evidence ?title ?citation ?since ?until
WHERE {
  ?claim a ag:Claim ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; ag:evidence ?evidence ; dcterms:date ?date .
  FILTER NOT EXISTS { ?claim ag:negated true }
  FILTER NOT EXISTS { ?claim ag:rejected true }
  FILTER(?date >= ?since && ?date <= ?until)
  OPTIONAL { ?s owl:sameAs ?sCanon } OPTIONAL { ?o owl:sameAs ?oCanon }
  BIND(COALESCE(?sCanon, ?s) AS ?subject) BIND(COALESCE(?oCanon, ?o) AS ?object)
  BIND(STRAFTER(STR(?p), STR(ag:)) AS ?relation)
  OPTIONAL { ?subject rdfs:label ?subjectName } OPTIONAL { ?object rdfs:label ?objectName }
  OPTIONAL { ?claim prov:wasDerivedFrom/dcterms:title ?title }
  OPTIONAL { ?claim ag:citation ?citation }
}
ORDER BY ?date ?claim
"""

UNDATED_QUERY = """
SELECT (COUNT(DISTINCT ?claim) AS ?n) WHERE {
  ?claim a ag:Claim .
  FILTER NOT EXISTS { ?claim dcterms:date ?date }
  FILTER NOT EXISTS { ?claim ag:negated true }
  FILTER NOT EXISTS { ?claim ag:rejected true }
}
"""


@dataclass(frozen=True)
class Window:
    """Inclusive ISO dates; None is open-ended."""

    since: str | None = None
    until: str | None = None

    def label(self) -> str:
        return f"{self.since or '…'}..{self.until or '…'}"


@dataclass
class EdgeChange:
    """One relation that appeared or disappeared, with the claims that state it in the window where it holds."""

    subject: str
    subject_name: str
    relation: str
    object: str
    object_name: str
    evidence: list[dict] = field(default_factory=list)


@dataclass
class Diff:
    before: Window
    after: Window
    appeared: list[EdgeChange] = field(default_factory=list)
    disappeared: list[EdgeChange] = field(default_factory=list)
    kept: int = 0
    undated_claims: int = 0


def parse_window(text: str, side: str) -> Window:
    """``FROM..TO`` or a single date; ``side`` ("before"/"after") says which way a single date is open.

    >>> parse_window("2024-01-01", "before"), parse_window("2024-01-01..2024-06-30", "after")
    (Window(since=None, until='2024-01-01'), Window(since='2024-01-01', until='2024-06-30'))
    """
    text = text.strip()
    if ".." in text:
        start, end = (part.strip() or None for part in text.split("..", 1))
    elif side == "before":
        start, end = None, text
    else:
        start, end = text, None
    for value in (start, end):
        if value is not None and not re.fullmatch(_DATE, value):
            raise InputError(f"--{side} {text!r}: expected a date YYYY-MM-DD or a window FROM..TO")
    if start and end and start > end:
        raise InputError(f"--{side} {text!r}: the window starts after it ends")
    return Window(start, end)


def edges_in_window(store: Store, window: Window) -> dict[tuple[str, str, str], EdgeChange]:
    """Every relation stated by a dated claim inside the window, keyed by (subject, relation, object) ids."""
    bindings = {"since": Literal(window.since or "0001-01-01", datatype=XSD.date),
                "until": Literal(window.until or "9999-12-31", datatype=XSD.date)}
    result = store.query(sparql_prefixes() + CLAIMS_QUERY, bindings=bindings)
    edges: dict[tuple[str, str, str], EdgeChange] = {}
    for row in result.dicts():
        key = (_local(row["subject"]), str(row["relation"]), _local(row["object"]))
        edge = edges.setdefault(key, EdgeChange(key[0], str(row["subjectName"] or key[0]), key[1], key[2],
                                                str(row["objectName"] or key[2])))
        if not any(e["claim"] == str(row["claim"]) for e in edge.evidence):
            edge.evidence.append({"claim": str(row["claim"]), "date": str(row["date"]), "evidence": str(row["evidence"]),
                                  "title": str(row["title"] or row["citation"] or "")})
    return edges


def diff_windows(store: Store, before: str | Window, after: str | Window) -> Diff:
    """Relations that appeared and disappeared from the ``before`` window to the ``after`` window."""
    before = before if isinstance(before, Window) else parse_window(before, "before")
    after = after if isinstance(after, Window) else parse_window(after, "after")
    old, new = edges_in_window(store, before), edges_in_window(store, after)
    undated = store.query(sparql_prefixes() + UNDATED_QUERY).rows[0][0]
    return Diff(
        before, after,
        appeared=[new[key] for key in sorted(new.keys() - old.keys())],
        disappeared=[old[key] for key in sorted(old.keys() - new.keys())],
        kept=len(old.keys() & new.keys()),
        undated_claims=int(undated or 0),
    )


def format_diff(diff: Diff, fmt: str = "table") -> str:
    """The diff as readable text (``table``) or JSON."""
    if fmt == "json":
        return json.dumps(asdict(diff), indent=2, ensure_ascii=False) + "\n"
    lines = [f"relations from {diff.before.label()} to {diff.after.label()}: {len(diff.appeared)} appeared, "
             f"{len(diff.disappeared)} disappeared, {diff.kept} in both"]
    for title, changes in (("appeared", diff.appeared), ("disappeared", diff.disappeared)):
        lines.append("")
        lines.append(f"{title.upper()} ({len(changes)})")
        for change in changes:
            lines.append(f"  {change.subject_name} {change.relation} {change.object_name}")
            for item in change.evidence[:3]:
                lines.append(f"    {item['date']}  {item['title']}: \"{_cut(item['evidence'])}\"")
            if len(change.evidence) > 3:
                lines.append(f"    … and {len(change.evidence) - 3} more claims")
    if diff.undated_claims:
        lines.append("")
        lines.append(f"{diff.undated_claims} claims of undated articles are in neither window.")
    return "\n".join(lines) + "\n"


def _cut(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _local(iri) -> str:
    return str(iri).rsplit("/", 1)[-1]
