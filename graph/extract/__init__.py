"""Relation extraction from news articles: typed claims between actors, with the evidence sentence.

The flow, one module per step:

1. ``sentences``: split the text into sentences with offsets, dropping page furniture (datelines,
   captions' credits, video-player lines, bylines) by their shape;
2. ``mentions``: find the actors named in the text: gazetteer names (Aho-Corasick), actors beyond the
   gazetteer (titles, head words, appositions, acronyms), surnames and references ("the group", "its");
3. ``rules`` and ``titles``: in each sentence, mentions become typed placeholders and the cue patterns
   of ``ontology/cues/rules/*.yaml`` and the titles of ``titles.yaml`` match over them, lists expanded,
   over the sentence and over its simpler readings (``clauses``: insertions left out, relative clauses
   and later verb phrases read with their subject);
4. ``polarity``: negated or denied relations become ``polarity="negative"`` claims, hedged ones are
   marked and lose confidence, hypothetical ones (conditions, questions, the future) are dropped;
5. claims are checked against each relation's actor types and deduplicated per sentence.

All patterns are compiled once per ``Extractor``; each step is linear in the text, and rules only
pair mentions within one sentence.

>>> from graph.gazetteer import Actor, Gazetteer
>>> gaz = Gazetteer({"iran": Actor("iran", "Country", "Iran"), "kh": Actor("kh", "ArmedGroup", "Kataib Hezbollah")})
>>> [(c.subject.name, c.predicate, c.object.name) for c in Extractor(gaz).extract_text("The Iran-backed Kataib Hezbollah rejected the plan.")]
[('Kataib Hezbollah', 'backedBy', 'Iran')]
"""
from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from graph.articles import Article
from graph.errors import DataFileError
from graph.gazetteer import Actor, Gazetteer, fold, load_gazetteer, normalise_name
from graph.vocab import RELATIONS, SYMMETRIC
from graph.extract.clauses import views
from graph.extract.cues import load_cues
from graph.extract.mentions import COLLECTIVE_PREFIX, Mention, MentionFinder
from graph.extract.polarity import PolarityJudge
from graph.extract.rules import RawClaim, apply_rules, compile_rules, placeholder, slot_indices, words_alternation
from graph.extract.sentences import Sentence, split_sentences
from graph.extract.titles import TitleRules

__all__ = ["Claim", "Extractor", "extract_article", "HEDGE_FACTOR"]

HEDGE_FACTOR = 0.6  # a hedged claim keeps this share of its rule's confidence
# Relations a title or an apposition states ("Rwandan President X", "X, a faction of Y"): what the clause's
# predicate says after them does not suspend them.
STANDING_RELATIONS = frozenset({"leaderOf", "memberOf", "partOf", "operatesIn"})
VIEW_FACTOR = 0.95  # a claim read in a clause view (a simpler reading of the sentence) is a little less sure


@dataclass(frozen=True)
class Claim:
    """One extracted relation with its evidence sentence."""

    doc: str
    subject: Actor
    predicate: str
    object: Actor
    evidence: str
    start: int
    end: int
    rule: str
    confidence: float
    hedged: bool = False
    polarity: str = "positive"
    # how the article names each actor (``written_names``); the gazetteer's name is ``subject.name``
    subject_text: str = ""
    object_text: str = ""

    def to_record(self) -> dict:
        """The jsonl line of ANNOTATION.md's system format (actors as the article names them), plus the
        gazetteer's names, rule, offsets and actor ids."""
        return {
            "doc": self.doc,
            "subject": self.subject_text or self.subject.name,
            "subject_type": self.subject.type,
            "predicate": self.predicate,
            "object": self.object_text or self.object.name,
            "object_type": self.object.type,
            "evidence": self.evidence,
            "confidence": round(self.confidence, 3),
            "hedged": self.hedged,
            "polarity": self.polarity,
            "rule": self.rule,
            "start": self.start,
            "end": self.end,
            "subject_id": self.subject.id,
            "object_id": self.object.id,
            "subject_name": self.subject.name,
            "object_name": self.object.name,
        }


class Extractor:
    """Extracts claims from articles with one gazetteer and one set of cue files."""

    def __init__(self, gazetteer: Gazetteer | None = None, cues_dir: Path | None = None):
        self.gazetteer = gazetteer if gazetteer is not None else load_gazetteer()
        cues = load_cues(Path(cues_dir) if cues_dir else None)
        self.mentions = MentionFinder(self.gazetteer, cues["mentions"], cues["titles"])
        self.rules = compile_rules(cues["relations"])
        self.titles = TitleRules(cues["titles"], cues["mentions"], self.gazetteer)
        self.polarity = PolarityJudge(cues["polarity"])
        self.signatures = _signatures(cues["relations"])
        member = words_alternation(cues["mentions"].get("member_nouns", []))
        group = r"⟨\d+A⟩"
        listed = rf"{group}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?{group})*"
        # "the A, B and C groups", "militias such as A and B", "A, the most powerful Shiite militia"
        self._members = [
            re.compile(rf"(?P<m>{listed})\s+{member}\b"),
            re.compile(rf"\b{member}\s*(?:,|such\s+as|including|like|namely|:)\s+(?:the\s+)?(?P<m>{listed})"),
            re.compile(rf"(?P<m>{group}),\s+(?:the|a|an|one\s+of\s+the|another)\s+[^,;⟨⟩]{{0,50}}?\b{member}\b"),
        ]

    def extract(self, article: Article) -> list[Claim]:
        """The claims of one article, one per (subject, predicate, object, sentence)."""
        return self.extract_text(article.text, article.id)

    def extract_text(self, text: str, doc: str = "") -> list[Claim]:
        mentions = self.mentions.find(text)
        starts = [m.start for m in mentions]
        claims: dict[tuple, Claim] = {}
        members: dict[str, Actor] = {}
        for sentence in split_sentences(text):
            first = bisect.bisect_left(starts, sentence.start)
            last = bisect.bisect_left(starts, sentence.end)
            inside = [m for m in mentions[first:last] if m.end <= sentence.end]
            if not inside:
                continue
            coded, actors = _code(text, sentence, inside)
            members.update(self._collective_members(coded, actors))
            for claim in self._name_claims(doc, sentence, text, inside):
                claims.setdefault(_key(claim), claim)
            if len(inside) < 2 and inside[0].actor.type != "Person":
                continue  # one person alone may still hold an office the gazetteer knows ("President X said")
            for claim in self._sentence_claims(doc, sentence, coded, actors):
                key = _key(claim)
                kept = claims.get(key)
                if kept is None or _better(claim, kept):
                    claims[key] = claim
        named = {m.actor.id for m in mentions}
        for claim in self._unit_leaders(list(claims.values()), named):
            claims.setdefault(_key(claim), claim)
        for claim in _resolve_collectives(list(claims.values()), list(members.values())):
            key = _key(claim)
            if key not in claims or _better(claim, claims[key]):
                claims[key] = claim
        claims = {k: c for k, c in claims.items() if not _is_collective(c.subject) and not _is_collective(c.object)}
        names = written_names(text, mentions)
        found = [dataclasses.replace(c, subject_text=names.get(c.subject.id, c.subject.name),
                                     object_text=names.get(c.object.id, c.object.name)) for c in claims.values()]
        return sorted(found, key=lambda c: (c.start, c.predicate, c.subject.name, c.object.name))

    def _name_claims(self, doc: str, sentence: Sentence, text: str, inside: list[Mention]) -> Iterator[Claim]:
        """What a name itself says: a group or mission named after the country it works in operates there
        ("the UN Interim Force in Lebanon", "the AU Mission in Somalia", "Islamic State in Somalia").

        >>> from graph.gazetteer import Actor, Gazetteer
        >>> gaz = Gazetteer({"lebanon": Actor("lebanon", "Country", "Lebanon"),
        ...     "unifil": Actor("unifil", "InternationalOrganization", "UN Interim Force in Lebanon")})
        >>> [(c.subject.name, c.predicate, c.object.name) for c in Extractor(gaz).extract_text("The UN Interim Force in Lebanon left.")]
        [('UN Interim Force in Lebanon', 'operatesIn', 'Lebanon')]
        """
        for mention in inside:
            if mention.actor.type not in _PLACE_NAMED_TYPES or mention.kind not in _NAMING_KINDS:
                continue
            place = _PLACE_IN_NAME.search(text[mention.start:mention.end])
            state = self.gazetteer.lookup(place.group("place")) if place else None
            if state is not None and state.type == "Country" and state.id != mention.actor.id:
                yield Claim(doc, mention.actor, "operatesIn", state, sentence.text, sentence.start, sentence.end,
                            "place-in-name", 0.85)

    def _unit_leaders(self, claims: list[Claim], named: set[str]) -> list[Claim]:
        """ANNOTATION.md: the commander of a unit leads the unit and is a member of its parent body. The
        parent is the state body the article says the unit is part of, or the unit's gazetteer parent when
        the article names that parent (``named``: the ids of the article's actors)."""
        parents: dict[str, Actor] = {}
        for claim in claims:
            if claim.predicate == "partOf" and claim.polarity == "positive" and not claim.hedged:
                parents.setdefault(claim.subject.id, claim.object)
        derived = []
        for claim in claims:
            if claim.predicate != "leaderOf" or claim.polarity != "positive" or claim.object.type == "Country":
                continue
            parent = parents.get(claim.object.id)
            if parent is None and claim.object.parent in named and claim.object.parent in self.gazetteer:
                parent = self.gazetteer.get(claim.object.parent)
            if (parent is not None and parent.type == "GovernmentOrganization" and claim.object.type == "GovernmentOrganization"
                    and parent.id != claim.subject.id):
                derived.append(Claim(claim.doc, claim.subject, "memberOf", parent, claim.evidence, claim.start,
                                     claim.end, "unit-leader-member-of-parent", round(claim.confidence * 0.75, 3),
                                     claim.hedged, "positive"))
        return derived

    def _collective_members(self, coded: str, actors: list[Actor]) -> dict[str, Actor]:
        """Named armed groups this sentence describes as militias, groups or factions."""
        found = {}
        for pattern in self._members:
            for match in pattern.finditer(coded):
                for index in slot_indices(match.group("m")):
                    actor = actors[index]
                    if actor.type == "ArmedGroup" and not _is_collective(actor):
                        found[actor.id] = actor
        return found

    def _sentence_claims(self, doc: str, sentence: Sentence, coded: str, actors: list[Actor]):
        """The claims of one sentence: of its placeholder text and of its clause views (``clauses``), each
        judged for polarity in the text it was read from."""
        for text, factor, suffix in [(coded, 1.0, ""), *((view, VIEW_FACTOR, "+clause") for view in views(coded))]:
            raw = list(apply_rules(self.rules, text, actors, view=bool(suffix))) + list(self.titles.claims(text, actors))
            for found in raw:
                if found.subject.id == found.object.id or not self._fits(found):
                    continue
                modality = self.polarity.judge(text, found.span[0], found.span[1], found.trigger, found.scope_match,
                                               found.relation in STANDING_RELATIONS)
                if modality.hypothetical and not found.modal_ok and not modality.negated:
                    continue
                confidence = found.confidence * factor * (HEDGE_FACTOR if modality.hedged else 1.0)
                yield Claim(doc, found.subject, found.relation, found.object, sentence.text, sentence.start,
                            sentence.end, found.rule + suffix, round(confidence, 3), modality.hedged,
                            "negative" if modality.negated else "positive")

    def _fits(self, found: RawClaim) -> bool:
        subjects, objects = self.signatures.get(found.relation, (None, None))
        return (subjects is None or found.subject.type in subjects) and (objects is None or found.object.type in objects)


# How a mention names its actor outright (not by a reference, a demonym or a capital)
_NAMING_KINDS = frozenset({"name", "alias", "acronym", "discovered"})
# A name that ends with the country its bearer works in ("Mission in Somalia", "Force in Lebanon")
_PLACE_IN_NAME = re.compile(r"\s(?:in|for)\s+(?:the\s+)?(?P<place>[A-Z][\w'-]*(?:\s+(?:of\s+the\s+|of\s+)?[A-Z][\w'-]*){0,3})$")
_PLACE_NAMED_TYPES = frozenset({"ArmedGroup", "InternationalOrganization", "PoliticalOrganization"})


def written_names(text: str, mentions: list[Mention]) -> dict[str, str]:
    """Each actor's name as the article writes it: the gazetteer's name when the article uses it, else the
    article's fullest form ("Abdulghani al-Kikli" where the gazetteer says "Abdul Ghani al-Kikli"). States
    keep the gazetteer's name (articles name them by demonym and capital too).

    >>> from graph.gazetteer import Actor
    >>> kikli = Actor("kikli", "Person", "Abdul Ghani al-Kikli")
    >>> written_names("Abdulghani al-Kikli was killed. Kikli ...", [Mention(0, 19, kikli, "alias"), Mention(32, 37, kikli, "surname")])
    {'kikli': 'Abdulghani al-Kikli'}
    """
    forms: dict[str, dict[str, int]] = {}
    actors: dict[str, Actor] = {}
    for mention in mentions:
        # a name, not a common noun that the text uses for a known body ("the Guards' ground forces")
        surface = text[mention.start:mention.end]
        if (mention.kind in _NAMING_KINDS and mention.actor.type != "Country" and surface[:1].isupper()
                and not re.search(r"['’]s?\s", surface)):  # "Myanmar's military" is a description, no name
            counts = forms.setdefault(mention.actor.id, {})
            surface = re.sub(r"\s+", " ", surface)
            counts[surface] = counts.get(surface, 0) + 1
            actors[mention.actor.id] = mention.actor
    names = {}
    for actor_id, counts in forms.items():
        canonical = normalise_name(actors[actor_id].name)
        if any(normalise_name(form) == canonical for form in counts):
            continue
        names[actor_id] = max(counts, key=lambda form: (len(form), counts[form]))
    return names


def _code(text: str, sentence: Sentence, inside: list[Mention]) -> tuple[str, list[Actor]]:
    """The sentence with its mentions replaced by typed placeholders, and the actors by token index.
    A parenthesis right after a mention ("Kurdistan Workers' Party (PKK)") is left out."""
    parts, actors, position = [], [], sentence.start
    for mention in inside:
        if mention.start < position:
            continue  # inside a parenthesis already left out
        parts.append(fold(text[position:mention.start]))
        # a pair reference ("the two sides") reads as the coordination of its actors: "⟨0Cr⟩ and ⟨1Cr⟩"
        parts.append(" and ".join(placeholder(len(actors) + i, actor.type, mention.kind)
                                  for i, actor in enumerate((mention.actor, *mention.others))))
        actors.extend((mention.actor, *mention.others))
        position = mention.end
        aside = _PARENTHESIS.match(text, position, sentence.end)
        if aside:
            position = aside.end()
    parts.append(fold(text[position:sentence.end]))
    # "the Syrian government" acts as Syria: its token loses the demonym flag (it is no adjective now)
    return _STATE_BODY.sub(lambda m: m.group("states").replace("d⟩", "⟩"), "".join(parts)), actors


_PARENTHESIS = re.compile(r"\s*\([^()]{1,60}\)")
# ANNOTATION.md's "officials" convention: a state's government, officials or regime act as the state
# ("Somalia's government", "Iraqi officials", "Myanmar's junta"): the words are left out after its token.
# "Lebanese and Israeli military officers" are the two states.
_STATE_BODY = re.compile(r"(?P<states>(?:⟨\d+C[dc]?⟩\s*,?\s+(?:and\s+)?)?⟨\d+C[dc]?⟩)(?:(?:'s|')?\s+(?:new\s+|interim\s+|transitional\s+|federal\s+|central\s+|"
                         r"military\s+|ruling\s+)?(?:government|authorities|administration|regime|leadership|junta|state(?!-)|"
                         r"officials|officers|military government))\b(?!\s+(?:of|in)\b|\s+[\w-]*(?:leader|chief|head|spokes\w*|"
                         r"official|minister|envoy|adviser|advisor)\b)")


# What a collective's members inherit: the collective as subject of these relations, as object of those.
COLLECTIVE_AS_SUBJECT = frozenset({"backedBy", "operatesIn", "metWith"})
COLLECTIVE_AS_OBJECT = frozenset({"threatened", "metWith"})
COLLECTIVE_FACTOR = 0.7


def _is_collective(actor: Actor) -> bool:
    return actor.id.startswith(COLLECTIVE_PREFIX)


def _resolve_collectives(claims: list[Claim], members: list[Actor]) -> list[Claim]:
    """Claims about "the Iran-backed militias" hold for each named group the article lists as such militias."""
    resolved = []
    for claim in claims:
        if _is_collective(claim.subject) and claim.predicate in COLLECTIVE_AS_SUBJECT and not _is_collective(claim.object):
            pairs = [(member, claim.object) for member in members]
        elif _is_collective(claim.object) and claim.predicate in COLLECTIVE_AS_OBJECT and not _is_collective(claim.subject):
            pairs = [(claim.subject, member) for member in members]
        else:
            continue
        for subject, obj in pairs:
            if subject.id != obj.id:
                resolved.append(Claim(claim.doc, subject, claim.predicate, obj, claim.evidence, claim.start, claim.end,
                                      claim.rule + "+collective", round(claim.confidence * COLLECTIVE_FACTOR, 3),
                                      claim.hedged, claim.polarity))
    return resolved


def _key(claim: Claim) -> tuple:
    subject, obj = claim.subject.id, claim.object.id
    if claim.predicate in SYMMETRIC:
        subject, obj = sorted((subject, obj))
    return (subject, claim.predicate, obj, claim.start)


def _better(new: Claim, kept: Claim) -> bool:
    """Within one sentence a negated reading wins over an asserted one; otherwise the surer claim."""
    if new.polarity != kept.polarity:
        return new.polarity == "negative"
    return new.confidence > kept.confidence


def _signatures(cues: dict) -> dict[str, tuple[frozenset | None, frozenset | None]]:
    where = cues.get("_path", "relations.yaml")
    result = {}
    for relation, entry in (cues.get("signatures") or {}).items():
        if relation not in RELATIONS:
            raise DataFileError(f"{where}: signatures: unknown relation {relation!r}")
        subjects, objects = entry.get("subject"), entry.get("object")
        result[relation] = (frozenset(subjects) if subjects else None, frozenset(objects) if objects else None)
    for rule in cues["rules"]:
        if rule.get("relation") not in RELATIONS:
            raise DataFileError(f"{rule.get('_path', where)}: rule {rule.get('id')!r}: unknown relation {rule.get('relation')!r}")
    return result


@functools.lru_cache(maxsize=1)
def _default_extractor() -> Extractor:
    return Extractor(load_gazetteer())


_EXTRACTORS: dict[int, tuple[Gazetteer, Extractor]] = {}


def extract_article(article: Article, gazetteer: Gazetteer | None = None) -> list[Claim]:
    """Convenience: the claims of one article with a cached default ``Extractor`` (or a cached one for
    ``gazetteer``: compiling the cue patterns is the costly part)."""
    if gazetteer is None:
        return _default_extractor().extract(article)
    cached = _EXTRACTORS.get(id(gazetteer))
    if cached is None or cached[0] is not gazetteer:
        cached = _EXTRACTORS[id(gazetteer)] = (gazetteer, Extractor(gazetteer))
    return cached[1].extract(article)
