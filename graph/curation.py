"""Curation that survives rebuilds: analysts' added relations and review decisions, kept as files, applied to the store.

Curated facts and review decisions are data under version control, not edits to the store. The
curation folder (``./curation`` or ``$ACTORGRAPH_CURATION``) holds two YAML files:

``assertions.yaml``: relations added by hand, each with a citation::

    - subject: kataeb-hezbollah        # actor ids (gazetteer ids, or actors already in the store)
      predicate: backedBy              # one of graph.vocab.RELATIONS
      object: irgc
      citation: "US Treasury designation of Kata'ib Hizballah, 2009-07-02"
      date: 2009-07-02                 # optional
      note: Treasury names IRGC-QF support   # optional

``review.yaml``: decisions about extracted claims and actors::

    rejected:
      - claim: 80fcae142acc76de8b4bcd8a           # a claim id (or its full IRI)
      - relation: [houthis, backedBy, iran]       # every claim of this relation
      - pair: [iran, united-states]               # every claim between the two, any relation, either way
        note: wrong entity resolution
    accepted:                                     # an accepted claim stays even when a rejection rule matches it
      - claim: 927eade0c7f7e0f3cc011f6c
    merged:                                       # two ids for the same actor: ``merge`` becomes ``keep``
      - {keep: irgc, merge: islamic-revolutionary-guard-corps}

``apply_curation(store, folder)`` rewrites two named graphs from these files: CURATED_GRAPH holds
each assertion as an ``ag:Claim`` (rule ``curated``, confidence 1.0, ``ag:citation``) plus its
edge; REVIEW_GRAPH holds ``<claim> ag:rejected true`` for every claim a rejection rule matches
and ``<merged> owl:sameAs <kept>`` for every merge. Queries, the network and exports read the
merged id through that ``owl:sameAs`` (a lookup that maps an actor to its canonical id). The
pipeline calls ``apply_curation`` after every ingest, so a rebuild applies the same decisions.

A bad file (malformed YAML, unknown relation or actor id, duplicate entry) raises
``DataFileError`` naming the file, line and entry before anything is written.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Mapping

import yaml
from ruamel.yaml import YAML, CommentedMap, CommentedSeq
from rdflib import OWL, RDF, RDFS, SKOS, XSD, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from graph.errors import DataFileError
from graph.files import write_text_atomically
from graph.gazetteer import Actor
from graph.store.base import Store
from graph.vocab import ACTOR_NS, ACTOR_TYPES, AG, CLAIM_NS, CURATED_GRAPH, RELATIONS, REVIEW_GRAPH, actor_iri

CURATION_ENV = "ACTORGRAPH_CURATION"
ASSERTIONS_FILE = "assertions.yaml"
REVIEW_FILE = "review.yaml"
REVIEW_SECTIONS = ("rejected", "accepted", "merged")
CURATED_RULE = "curated"
_CLAIM_ID = re.compile(r"^[A-Za-z0-9_-]+$")


def curation_dir(folder: str | os.PathLike | None = None) -> Path:
    """The curation folder: ``folder`` if given, else ``$ACTORGRAPH_CURATION``, else ``./curation``."""
    return Path(folder or os.environ.get(CURATION_ENV) or "curation")


# --------------------------------------------------------------------------------------- the records

@dataclass(frozen=True)
class Assertion:
    """A relation an analyst added by hand, with where it comes from."""

    subject: str
    predicate: str
    object: str
    citation: str
    date: str | None = None
    note: str | None = None
    where: str = field(default="", compare=False)

    @property
    def iri(self) -> URIRef:
        """Content-derived, so a rebuild gives the same claim IRI."""
        key = "\x00".join([CURATED_RULE, self.subject, self.predicate, self.object, self.citation])
        return CLAIM_NS["curated-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]]


@dataclass(frozen=True)
class Rule:
    """What a review decision applies to: one claim, every claim of a relation, or every claim between two actors."""

    kind: str  # "claim", "relation" or "pair"
    value: tuple[str, ...]
    note: str | None = field(default=None, compare=False)
    where: str = field(default="", compare=False)

    def describe(self) -> str:
        return f"{self.kind} {' '.join(self.value)}"

    def to_yaml(self) -> dict:
        entry: dict = {self.kind: self.value[0] if self.kind == "claim" else list(self.value)}
        if self.note:
            entry["note"] = self.note
        return entry


@dataclass(frozen=True)
class Merge:
    """Two ids of one actor: ``merge`` is read as ``keep`` everywhere."""

    keep: str
    merge: str
    note: str | None = field(default=None, compare=False)
    where: str = field(default="", compare=False)

    def to_yaml(self) -> dict:
        entry = {"keep": self.keep, "merge": self.merge}
        if self.note:
            entry["note"] = self.note
        return entry


@dataclass
class Review:
    rejected: list[Rule] = field(default_factory=list)
    accepted: list[Rule] = field(default_factory=list)
    merged: list[Merge] = field(default_factory=list)


@dataclass
class Curation:
    """Everything in a curation folder."""

    folder: Path
    assertions: list[Assertion] = field(default_factory=list)
    review: Review = field(default_factory=Review)


@dataclass
class CurationSummary:
    """What ``apply_curation`` wrote."""

    assertions: int = 0
    rejected_claims: int = 0
    merges: int = 0

    def line(self) -> str:
        return (f"curation: {self.assertions} curated relations, {self.rejected_claims} claims rejected, "
                f"{self.merges} actors merged")


# --------------------------------------------------------------------------------------- reading

def load_curation(folder: str | os.PathLike | None = None, known_actors: Mapping[str, Actor] | None = None) -> Curation:
    """Read and check the curation folder (missing files are empty); ``known_actors`` checks actor ids."""
    folder = curation_dir(folder)
    curation = Curation(folder)
    assertions_path, review_path = folder / ASSERTIONS_FILE, folder / REVIEW_FILE
    if assertions_path.is_file():
        data, lines = _read_yaml(assertions_path)
        if data is not None and not isinstance(data, list):
            raise DataFileError(f"{assertions_path}: an assertions file is a YAML list of relations")
        curation.assertions = [_assertion(entry, _where(assertions_path, lines, None, i))
                               for i, entry in enumerate(data or [])]
    if review_path.is_file():
        data, lines = _read_yaml(review_path)
        if data is not None and not isinstance(data, dict):
            raise DataFileError(f"{review_path}: a review file is a mapping with the sections {', '.join(REVIEW_SECTIONS)}")
        curation.review = _review(data or {}, review_path, lines)
    check_curation(curation, known_actors)
    return curation


def _read_yaml(path: Path) -> tuple[object, dict[str | None, list[int]]]:
    """The data of a YAML file and the line of every list item (top-level, or per section of a mapping)."""
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        node = yaml.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise DataFileError(f"{where}: malformed YAML ({problem})") from None
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(f"{path}: cannot read curation file ({error})") from None
    lines: dict[str | None, list[int]] = {}
    if isinstance(node, yaml.SequenceNode):
        lines[None] = [item.start_mark.line + 1 for item in node.value]
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(value, yaml.SequenceNode):
                lines[key.value] = [item.start_mark.line + 1 for item in value.value]
    return data, lines


def _where(path: Path, lines: dict, section: str | None, index: int) -> str:
    known = lines.get(section) or []
    line = f":{known[index]}" if index < len(known) else ""
    return f"{path}{line}: {section + ' ' if section else ''}entry {index + 1}"


def _text(entry: dict, key: str, where: str, required: bool = True) -> str | None:
    value = entry.get(key)
    if value is None or value == "":
        if required:
            raise DataFileError(f"{where}: missing {key!r}")
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    if not isinstance(value, (str, int, float)):
        raise DataFileError(f"{where}: {key!r} must be a single value")
    return str(value).strip()


def _assertion(entry: object, where: str) -> Assertion:
    if not isinstance(entry, dict):
        raise DataFileError(f"{where}: each assertion is a mapping with subject, predicate, object and citation")
    unknown = set(entry) - {"subject", "predicate", "object", "citation", "date", "note"}
    if unknown:
        raise DataFileError(f"{where}: unknown key {sorted(unknown)[0]!r}")
    date = _text(entry, "date", where, required=False)
    if date and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        raise DataFileError(f"{where}: date {date!r} is not YYYY-MM-DD")
    return Assertion(_text(entry, "subject", where), _text(entry, "predicate", where), _text(entry, "object", where),
                     _text(entry, "citation", where), date, _text(entry, "note", where, required=False), where)


def _review(data: dict, path: Path, lines: dict) -> Review:
    unknown = set(data) - set(REVIEW_SECTIONS)
    if unknown:
        raise DataFileError(f"{path}: unknown section {sorted(map(str, unknown))[0]!r} "
                            f"(expected {', '.join(REVIEW_SECTIONS)})")
    review = Review()
    for section in REVIEW_SECTIONS:
        entries = data.get(section) or []
        if not isinstance(entries, list):
            raise DataFileError(f"{path}: section {section!r} must be a YAML list")
        for index, entry in enumerate(entries):
            where = _where(path, lines, section, index)
            if section == "merged":
                review.merged.append(_merge(entry, where))
            else:
                getattr(review, section).append(_rule(entry, where))
    return review


def _rule(entry: object, where: str) -> Rule:
    if not isinstance(entry, dict):
        raise DataFileError(f"{where}: expected a mapping with one of claim, relation or pair")
    kinds = [k for k in ("claim", "relation", "pair") if k in entry]
    if len(kinds) != 1 or set(entry) - {"claim", "relation", "pair", "note"}:
        raise DataFileError(f"{where}: give exactly one of claim, relation or pair (and an optional note)")
    kind, note = kinds[0], _text(entry, "note", where, required=False)
    value = entry[kind]
    if kind == "claim":
        return Rule(kind, (claim_id(str(value), where),), note, where)
    size = 3 if kind == "relation" else 2
    if not isinstance(value, list) or len(value) != size or not all(isinstance(v, str) and v for v in value):
        shape = "[SUBJECT, RELATION, OBJECT]" if kind == "relation" else "[ACTOR, ACTOR]"
        raise DataFileError(f"{where}: {kind} must be a list {shape}")
    return Rule(kind, tuple(v.strip() for v in value), note, where)


def _merge(entry: object, where: str) -> Merge:
    if isinstance(entry, list) and len(entry) == 2:
        entry = {"keep": entry[0], "merge": entry[1]}
    if not isinstance(entry, dict):
        raise DataFileError(f"{where}: a merge is a mapping {{keep: ID, merge: ID}}")
    return Merge(_text(entry, "keep", where), _text(entry, "merge", where), _text(entry, "note", where, required=False),
                 where)


def claim_id(text: str, where: str = "claim") -> str:
    """The local id of a claim given as an id or a full claim IRI.

    >>> claim_id("https://actorgraph.org/claim/80fcae142acc76de8b4bcd8a")
    '80fcae142acc76de8b4bcd8a'
    """
    text = text.strip().strip("<>")
    if text.startswith(str(CLAIM_NS)):
        text = text[len(str(CLAIM_NS)):]
    elif text.startswith("claim:"):
        text = text[len("claim:"):]
    if not _CLAIM_ID.match(text):
        raise DataFileError(f"{where}: {text!r} is not a claim id or claim IRI ({CLAIM_NS}…)")
    return text


# --------------------------------------------------------------------------------------- checking

def check_curation(curation: Curation, known_actors: Mapping[str, Actor] | None) -> None:
    """Unknown relations and actor ids, duplicates, contradictions and merge cycles are errors."""
    def check_actor(actor_id: str, where: str) -> None:
        if known_actors is not None and actor_id not in known_actors:
            raise DataFileError(f"{where}: unknown actor id {actor_id!r} (not in the gazetteer nor in the store)")

    def check_relation(name: str, where: str) -> None:
        if name not in RELATIONS:
            raise DataFileError(f"{where}: unknown relation {name!r} (expected one of {', '.join(RELATIONS)})")

    seen: dict = {}
    for item in curation.assertions:
        check_relation(item.predicate, item.where)
        check_actor(item.subject, item.where)
        check_actor(item.object, item.where)
        _once(seen, ("assertion", item.subject, item.predicate, item.object, item.citation), item.where)
    decided: dict[Rule, str] = {}
    for section in ("rejected", "accepted"):
        for rule in getattr(curation.review, section):
            if rule.kind == "relation":
                check_relation(rule.value[1], rule.where)
                actors = (rule.value[0], rule.value[2])
            else:
                actors = rule.value if rule.kind == "pair" else ()
            for actor_id in actors:
                check_actor(actor_id, rule.where)
            key = rule if rule.kind != "pair" else Rule("pair", tuple(sorted(rule.value)))
            if key in decided:
                raise DataFileError(f"{rule.where}: {rule.describe()} is already {decided[key]}")
            decided[key] = f"{section} ({rule.where})"
    merged_into: dict[str, str] = {}
    for merge in curation.review.merged:
        check_actor(merge.keep, merge.where)
        check_actor(merge.merge, merge.where)
        if merge.keep == merge.merge:
            raise DataFileError(f"{merge.where}: cannot merge {merge.keep!r} with itself")
        if merge.merge in merged_into:
            raise DataFileError(f"{merge.where}: {merge.merge!r} is already merged into {merged_into[merge.merge]!r}")
        merged_into[merge.merge] = merge.keep
    canonical_ids(curation.review.merged)  # raises on a cycle


def _once(seen: dict, key: tuple, where: str) -> None:
    if key in seen:
        raise DataFileError(f"{where}: duplicate entry (same as {seen[key]})")
    seen[key] = where


def canonical_ids(merges: list[Merge]) -> dict[str, str]:
    """Each merged id mapped to the id it finally stands for (chains followed; a cycle is an error).

    >>> canonical_ids([Merge("b", "c"), Merge("a", "b")])
    {'c': 'a', 'b': 'a'}
    """
    parent = {m.merge: m.keep for m in merges}
    where = {m.merge: m.where for m in merges}
    canonical = {}
    for start in parent:
        node, path = start, [start]
        while node in parent:
            node = parent[node]
            if node in path:
                raise DataFileError(f"{where[start]}: merges form a cycle ({' -> '.join(path + [node])})")
            path.append(node)
        canonical[start] = node
    return canonical


# --------------------------------------------------------------------------------------- applying

def known_actors(store: Store | None = None) -> dict[str, Actor]:
    """Actors curation may name: the gazetteer's, and those already in the store (discovered actors)."""
    from graph.gazetteer import load_gazetteer

    actors: dict[str, Actor] = {}
    if store is not None:
        actors.update(store_actors(store))
    try:
        actors.update(load_gazetteer().actors)
    except DataFileError:
        if not actors:
            raise
    return actors


def store_actors(store: Store) -> dict[str, Actor]:
    """The actors described in the store: id, type and label."""
    types = " ".join(f"ag:{t}" for t in ACTOR_TYPES)
    result = store.query(
        "PREFIX ag: <https://actorgraph.org/ontology#>\n"
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        f"SELECT DISTINCT ?actor ?type ?label WHERE {{ VALUES ?type {{ {types} }} ?actor a ?type ; rdfs:label ?label }}"
    )
    actors = {}
    for actor, kind, label in result.rows:
        if str(actor).startswith(str(ACTOR_NS)):
            actor_id = str(actor)[len(str(ACTOR_NS)):]
            actors.setdefault(actor_id, Actor(actor_id, str(kind).rsplit("#", 1)[-1], str(label)))
    return actors


def apply_curation(store: Store, curation_folder: str | os.PathLike | None = None) -> CurationSummary:
    """(Re)write the curated and review graphs from the curation folder; checks the files before writing."""
    actors = known_actors(store)
    curation = load_curation(curation_folder, actors)
    curated = list(curated_triples(curation.assertions, actors))
    canonical = canonical_ids(curation.review.merged)
    rejected = rejected_claims(store, curation.review, canonical, curated_assertions=curation.assertions)
    review = [(iri, AG.rejected, Literal(True)) for iri in sorted(rejected)]
    review += [(actor_iri(merged), OWL.sameAs, actor_iri(kept)) for merged, kept in sorted(canonical.items())]
    store.put_graph(CURATED_GRAPH, curated)
    store.put_graph(REVIEW_GRAPH, review)
    return CurationSummary(len(curation.assertions), len(rejected), len(canonical))


def curated_triples(assertions: list[Assertion], actors: Mapping[str, Actor]) -> Iterator[tuple]:
    """Each assertion as an edge and an ``ag:Claim`` with its citation, plus the actors it names."""
    named: dict[str, Actor] = {}
    for item in assertions:
        claim, subject, obj = item.iri, actor_iri(item.subject), actor_iri(item.object)
        yield subject, AG[item.predicate], obj
        yield claim, RDF.type, AG.Claim
        yield claim, RDF.type, PROV.Entity
        yield claim, RDF.subject, subject
        yield claim, RDF.predicate, AG[item.predicate]
        yield claim, RDF.object, obj
        yield claim, AG.evidence, Literal(item.note or item.citation)
        yield claim, AG.citation, Literal(item.citation)
        yield claim, AG.confidence, Literal("1.0", datatype=XSD.decimal)
        yield claim, AG.hedged, Literal(False)
        yield claim, AG.negated, Literal(False)
        yield claim, AG.rule, Literal(CURATED_RULE)
        if item.date:
            yield claim, DCTERMS.date, Literal(item.date, datatype=XSD.date)
        named[item.subject], named[item.object] = actors[item.subject], actors[item.object]
    for actor in named.values():
        node = actor_iri(actor.id)
        yield node, RDF.type, AG[actor.type]
        yield node, RDFS.label, Literal(actor.name)
        for alias in actor.aliases:
            yield node, SKOS.altLabel, Literal(alias)


def rejected_claims(store: Store, review: Review, canonical: Mapping[str, str] | None = None,
                    curated_assertions: list[Assertion] = ()) -> set[URIRef]:
    """The IRIs of the claims a rejection rule matches and no acceptance rule rescues.

    Relation and pair rules match an actor by its own id or by the id it is merged into.
    """
    canonical = canonical or {}
    claims = [(URIRef(c), _local(s), _local(p, "#"), _local(o)) for c, s, p, o in store.query(
        "SELECT DISTINCT ?c ?s ?p ?o WHERE { ?c a <https://actorgraph.org/ontology#Claim> ; "
        "<http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?s ; "
        "<http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> ?p ; "
        "<http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?o }").rows]
    claims += [(a.iri, a.subject, a.predicate, a.object) for a in curated_assertions]  # before they are stored

    def ids(actor_id: str) -> set[str]:
        return {actor_id, canonical.get(actor_id, actor_id)}

    def matches(rule: Rule, claim: tuple) -> bool:
        iri, s, p, o = claim
        if rule.kind == "claim":
            return str(iri) == str(CLAIM_NS[rule.value[0]])
        if rule.kind == "relation":
            a, relation, b = rule.value
            return relation == p and bool(ids(s) & ids(a)) and bool(ids(o) & ids(b))
        a, b = rule.value
        return (bool(ids(s) & ids(a)) and bool(ids(o) & ids(b))) or (bool(ids(s) & ids(b)) and bool(ids(o) & ids(a)))

    return {claim[0] for claim in claims
            if any(matches(r, claim) for r in review.rejected) and not any(matches(r, claim) for r in review.accepted)}


def _local(iri, sep: str = "/") -> str:
    return str(iri).rsplit(sep, 1)[-1]


# --------------------------------------------------------------------------------------- editing the review file

def record_decision(folder: str | os.PathLike | None, section: str, rule: Rule | Merge,
                    known: Mapping[str, Actor] | None = None) -> Path:
    """Add a decision to ``review.yaml`` (removing the opposite decision on the same thing), check, write atomically."""
    folder = curation_dir(folder)
    curation = load_curation(folder, known)
    review = curation.review
    if isinstance(rule, Merge):
        review.merged.append(rule)
    else:
        opposite = "accepted" if section == "rejected" else "rejected"
        setattr(review, opposite, [r for r in getattr(review, opposite) if _same(r, rule) is False])
        if any(_same(r, rule) for r in getattr(review, section)):
            raise DataFileError(f"{folder / REVIEW_FILE}: {rule.describe()} is already {section}")
        getattr(review, section).append(rule)
    check_curation(Curation(folder, curation.assertions, review), known)
    return write_review(folder, review)


def _same(a: Rule, b: Rule) -> bool:
    if a.kind != b.kind:
        return False
    return sorted(a.value) == sorted(b.value) if a.kind == "pair" else a.value == b.value


def write_review(folder: Path, review: Review) -> Path:
    """Write ``review.yaml`` (to a temp file in the same folder, then renamed). An existing file is edited
    in place with ruamel.yaml's round trip, so hand-written comments and entries' order survive."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / REVIEW_FILE
    document = _round_trip_document(path)
    for section, wanted in (("rejected", review.rejected), ("accepted", review.accepted), ("merged", review.merged)):
        document[section] = _edited_section(document.get(section), wanted, section, path)
    stream = io.StringIO()
    _round_trip_yaml().dump(document, stream)
    return write_text_atomically(path, stream.getvalue())


_REVIEW_HEADER = ("# Review decisions, applied to the store on every ingest/build (see graph/curation.py).\n"
                  "# Edit by hand or with `actorgraph review reject|accept|merge`.\n")


def _flow_lists(entry: dict) -> dict:
    """``relation: [a, backedBy, b]`` on one line, as people write it."""
    for key, value in entry.items():
        if isinstance(value, list):
            entry[key] = CommentedSeq(value)
            entry[key].fa.set_flow_style()
    return entry


def _round_trip_yaml():
    round_trip = YAML()  # the default: round trip, keeps comments
    round_trip.width = 120
    round_trip.indent(mapping=2, sequence=4, offset=2)
    return round_trip


def _round_trip_document(path: Path):
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    document = _round_trip_yaml().load(text or _REVIEW_HEADER + "rejected: []\n")
    if not isinstance(document, CommentedMap):  # a file of comments only
        document = _round_trip_yaml().load(_REVIEW_HEADER + "rejected: []\n")
    return document


def _edited_section(entries, wanted: list, section: str, path: Path):
    """The section's entries that are still wanted, as written (with their comments), then the new ones."""
    kept, present = CommentedSeq(), []
    for index, entry in enumerate(entries or []):
        decision = _merge(entry, f"{path}: {section}[{index}]") if section == "merged" else _rule(entry, f"{path}: {section}[{index}]")
        if decision in wanted and decision not in present:
            kept.append(entry)
            present.append(decision)
    if entries is not None and hasattr(entries, "ca"):
        kept._yaml_comment = entries.ca  # comments after the section's last entry stay with the section
    for decision in wanted:
        if decision not in present:
            kept.append(_flow_lists(decision.to_yaml()))
    if not kept:
        kept.fa.set_flow_style()
    return kept


def format_review(curation: Curation) -> str:
    """The review decisions and curated assertions as readable lines."""
    lines = []
    for section in ("rejected", "accepted"):
        for rule in getattr(curation.review, section):
            lines.append(f"{section:<9} {rule.describe()}" + (f"  ({rule.note})" if rule.note else ""))
    for merge in curation.review.merged:
        lines.append(f"{'merged':<9} {merge.merge} -> {merge.keep}" + (f"  ({merge.note})" if merge.note else ""))
    for item in curation.assertions:
        lines.append(f"{'asserted':<9} {item.subject} {item.predicate} {item.object}  [{item.citation}]")
    return "\n".join(lines) + "\n" if lines else f"no curation decisions in {curation.folder}\n"


def resolve_actor_id(text: str, known: Mapping[str, Actor]) -> str:
    """An actor id from an id, name or alias (case-insensitive); unknown text is returned as given (checked later).

    >>> resolve_actor_id("Islamic Revolutionary Guard Corps", {"irgc": Actor("irgc", "GovernmentOrganization", "IRGC",
    ...                  aliases=("Islamic Revolutionary Guard Corps",))})
    'irgc'
    """
    if text in known:
        return text
    wanted = text.strip().casefold()
    for actor in known.values():
        if wanted == actor.name.casefold() or wanted in (alias.casefold() for alias in actor.aliases):
            return actor.id
    return text
