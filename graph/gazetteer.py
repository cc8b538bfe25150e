"""The curated actor gazetteer: loading ``ontology/gazetteer/*.yaml`` and finding actor names in text.

Each YAML file is a list of entries::

    - id: kataeb-hezbollah            # stable identifier, lower-case slug, unique across all files
      type: ArmedGroup                # one of graph.vocab.ACTOR_TYPES
      name: Kataeb Hezbollah          # canonical name (rdfs:label)
      aliases: [Kata'ib Hezbollah, Kataib Hezbollah, Kataib Hizballah, KH]   # skos:altLabel
      parent: popular-mobilization-forces   # optional: umbrella or parent organisation (its id)
      country: iraq                   # optional: state it belongs to (state bodies) or is based in
    - id: iran
      type: Country
      name: Iran
      iso: IR                         # ISO 3166-1 alpha-2; pycountry's names for it become aliases
      capital: Tehran                 # used as a metonym: "Tehran said"
      demonyms: [Iranian, Iranians]   # "Iranian officials" is Iran
      exclude_aliases: []             # pycountry names not to add (ambiguous ones, e.g. "Congo")
    - id: mohammed-shia-al-sudani
      type: Person
      name: Mohammed Shia al-Sudani
      aliases: [Mohammed al-Sudani]
      roles:                          # optional: offices held
        - {role: Prime Minister, org: iraq, relation: leaderOf, from: 2022}

Every surface form (name, alias, capital, demonym) belongs to one actor only: a form claimed by
two actors is an error, because the matcher could not tell them apart. Phrases that contain an
actor's name but do not name an actor ("Latin America", "Bank Sepah") are listed in
``ontology/non_actors.yaml``; they absorb the match. Spelling variants that
differ only in apostrophes or in hyphen versus space are generated, so the data lists each
transliteration once.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import ahocorasick
import yaml

from graph.errors import DataFileError
from graph.settings import ontology_dir
from graph.vocab import ACTOR_TYPES, RELATIONS

# Characters folded to one form before matching; each maps to one character so offsets stay valid.
_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u02bf": "'", "\u02be": "'", "`": "'",
                       "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u00a0": " "})
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Role:
    """An office a person holds or held: ``relation`` is ``leaderOf`` or ``memberOf`` of ``org``."""

    role: str
    org: str
    relation: str = "memberOf"
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Actor:
    """One actor of the gazetteer, or one discovered in a text (``discovered=True``)."""

    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    iso: str | None = None
    capital: str | None = None
    demonyms: tuple[str, ...] = ()
    parent: str | None = None
    country: str | None = None
    roles: tuple[Role, ...] = ()
    discovered: bool = False

    def surface_forms(self) -> Iterator[tuple[str, str]]:
        """Every (form, kind) by which a text may name this actor; kind is name, alias, capital or demonym."""
        yield self.name, "name"
        for alias in self.aliases:
            yield alias, "alias"
        if self.capital:
            yield self.capital, "capital"
        for demonym in self.demonyms:
            yield demonym, "demonym"


@dataclass(frozen=True)
class Match:
    """A gazetteer name found in a text: ``text[start:end]`` names ``actor_id``."""

    start: int
    end: int
    actor_id: str
    surface: str
    kind: str


@dataclass
class Gazetteer:
    """The actors by id, and an Aho-Corasick automaton over all their surface forms."""

    actors: dict[str, Actor]
    non_actors: frozenset[str] = frozenset()
    _forms: dict[str, tuple[str, str]] = field(default_factory=dict, repr=False)
    _automaton: ahocorasick.Automaton | None = field(default=None, repr=False)
    # (state id, "Army" | "Military" | "Armed Forces") -> the state's national forces body (``national_forces``)
    national_forces: dict[tuple[str, str], str] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.national_forces = national_forces(self.actors.values())
        self._forms = _index_forms(self.actors.values(), self.national_forces)
        automaton = ahocorasick.Automaton()
        # Non-actor phrases ("Latin America") enter the automaton too: as longer matches they
        # absorb the actor names inside them, and are then dropped.
        for phrase in self.non_actors:
            automaton.add_word(fold(phrase), (len(phrase), None, "non-actor"))
        for form, (actor_id, kind) in self._forms.items():
            automaton.add_word(form, (len(form), actor_id, kind))
        automaton.make_automaton()
        self._automaton = automaton

    def __len__(self) -> int:
        return len(self.actors)

    def __contains__(self, actor_id: str) -> bool:
        return actor_id in self.actors

    def get(self, actor_id: str) -> Actor:
        return self.actors[actor_id]

    def lookup(self, name: str) -> Actor | None:
        """The actor a name (or alias, capital, demonym) denotes, if any.

        >>> gaz = Gazetteer({"iran": Actor("iran", "Country", "Iran", capital="Tehran")})
        >>> gaz.lookup("Tehran").name
        'Iran'
        """
        hit = self._forms.get(fold(name.strip()))
        return self.actors[hit[0]] if hit else None

    def office_states(self, person: Actor) -> set[str]:
        """The ids of the states in which a person's gazetteer offices lie (the state itself, or the state of
        the body the office is in).

        >>> gaz = Gazetteer({"mali": Actor("mali", "Country", "Mali"),
        ...                  "fama": Actor("fama", "GovernmentOrganization", "Malian Armed Forces", country="mali"),
        ...                  "goita": Actor("goita", "Person", "Assimi Goita", roles=(Role("Colonel", "fama"),))})
        >>> gaz.office_states(gaz.get("goita"))
        {'mali'}
        """
        orgs = [self.actors[role.org] for role in person.roles if role.org in self.actors]
        return {org.id if org.type == "Country" else org.country for org in orgs} - {None}

    def led_state(self, person: Actor) -> Actor | None:
        """The country a person currently heads, by the person's gazetteer roles.

        >>> gaz = Gazetteer({"mali": Actor("mali", "Country", "Mali"),
        ...                  "goita": Actor("goita", "Person", "Assimi Goita", roles=(Role("President", "mali", "leaderOf"),))})
        >>> gaz.led_state(gaz.get("goita")).name
        'Mali'
        """
        for role in person.roles:
            if role.relation == "leaderOf" and role.org in self.actors and role.end is None \
                    and self.actors[role.org].type == "Country":
                return self.actors[role.org]
        return None

    def led_body(self, person: Actor) -> Actor | None:
        """The country a person currently heads, else the one organisation the person currently heads: whose
        aides and deputies are the members ("Hemedti's deputy" is one of the RSF).

        >>> gaz = Gazetteer({"rsf": Actor("rsf", "ArmedGroup", "Rapid Support Forces"),
        ...                  "hemedti": Actor("hemedti", "Person", "Hemedti", roles=(Role("Commander", "rsf", "leaderOf"),))})
        >>> gaz.led_body(gaz.get("hemedti")).name
        'Rapid Support Forces'
        """
        state = self.led_state(person)
        if state is not None:
            return state
        bodies = {role.org for role in person.roles
                  if role.relation == "leaderOf" and role.end is None and role.org in self.actors}
        return self.actors[bodies.pop()] if len(bodies) == 1 else None

    def find(self, text: str) -> list[Match]:
        """Longest non-overlapping gazetteer names in ``text``, on word boundaries, left to right.

        >>> gaz = Gazetteer({"kh": Actor("kh", "ArmedGroup", "Kataeb Hezbollah", aliases=("Kata'ib Hezbollah",)),
        ...                  "hezbollah": Actor("hezbollah", "ArmedGroup", "Hezbollah")})
        >>> [(m.surface, m.actor_id) for m in gaz.find("Kata’ib Hezbollah and Hezbollah met.")]
        [('Kata’ib Hezbollah', 'kh'), ('Hezbollah', 'hezbollah')]
        """
        folded = fold(text)
        candidates = []
        for end_index, (length, actor_id, kind) in self._automaton.iter(folded):
            start, end = end_index - length + 1, end_index + 1
            if _on_word_boundary(folded, start, end):
                candidates.append((start, end, actor_id, kind))
        candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
        matches: list[Match] = []
        last_end = -1
        for start, end, actor_id, kind in candidates:
            if start >= last_end:
                if actor_id is not None:
                    matches.append(Match(start, end, actor_id, text[start:end], kind))
                last_end = end
        return matches


def fold(text: str) -> str:
    """Fold typographic apostrophes, dashes and no-break spaces to plain ones (same length)."""
    return text.translate(_FOLD)


def _on_word_boundary(text: str, start: int, end: int) -> bool:
    """A match must not start or end inside a word; hyphens and "'s" are boundaries ("Iran-backed", "Iran's")."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


# British and American spellings of the same words ("Stabilisation"/"Stabilization", "Defence"/"Defense").
_SPELLINGS = [("isation", "ization"), ("ised", "ized"), ("Defence", "Defense"), ("Centre", "Center"),
              ("Theatre", "Theater"), ("Programme", "Program"), ("Organisation", "Organization")]
# Head nouns that news writes in lower case after a name ("the Sudanese army", "Iran's foreign ministry").
_LOWER_HEADS = re.compile(r"(?<=\S )((?:Armed )?Forces|Army|Navy|Air Force|Police|(?:(?:Defen[cs]e|Foreign|Interior|Finance|"
                          r"Justice|Information|Intelligence|Health|Oil|Energy) )?Ministry|Military|Guards?|Coast Guard)$")


def spelling_variants(form: str) -> set[str]:
    """Variants of a form that news spells differently: apostrophes dropped, hyphens as spaces, British or
    American spelling, a trailing head noun in lower case.

    >>> sorted(spelling_variants("Kata'ib al-Imam Ali"))
    ["Kata'ib al Imam Ali", "Kata'ib al-Imam Ali", 'Kataib al Imam Ali', 'Kataib al-Imam Ali']
    >>> sorted(spelling_variants("Somali Armed Forces"))
    ['Somali Armed Forces', 'Somali armed forces']
    >>> sorted(spelling_variants("al-Shabab"))
    ['Al Shabab', 'Al-Shabab', 'al Shabab', 'al-Shabab']
    >>> sorted(spelling_variants("Support and Stabilization Mission"))
    ['Support and Stabilisation Mission', 'Support and Stabilization Mission']
    """
    form = fold(form)
    variants = {form}
    for british, american in _SPELLINGS:
        variants |= {v.replace(british, american) for v in variants} | {v.replace(american, british) for v in variants}
    if "'" in form:
        variants |= {v.replace("'", "") for v in variants}
    if "-" in form:
        variants |= {v.replace("-", " ") for v in variants}
    variants |= {_LOWER_HEADS.sub(lambda m: m.group(1).lower(), v) for v in variants}
    # a name that opens with a lower-case particle opens a sentence capitalised ("al-Shabaab" -> "Al-Shabaab")
    variants |= {v[0].upper() + v[1:] for v in variants if v[:1].islower()}
    return {v for v in variants if v.strip()}


class FormClash(DataFileError):
    """One surface form claimed by two actors."""

    def __init__(self, form: str, first: str, second: str) -> None:
        super().__init__(f"gazetteer: {form!r} is claimed by both {first!r} and {second!r}")
        self.form, self.first, self.second = form, first, second


def _index_forms(actors: Iterable[Actor], forces: dict[tuple[str, str], str]) -> dict[str, tuple[str, str]]:
    """Map each folded surface form to (actor id, kind); curated clashes raise, generated ones are dropped.
    ``forces`` are the states' national forces bodies, named by demonym where the data do not list the form."""
    actors = list(actors)
    curated: dict[str, tuple[str, str]] = {}
    generated: dict[str, tuple[str, str]] = {}
    clashing: set[str] = set()
    for actor in actors:
        for form, kind in actor.surface_forms():
            key = fold(form.strip())
            if not key:
                continue
            owner = curated.get(key)
            if owner and owner[0] != actor.id:
                raise FormClash(form, owner[0], actor.id)
            curated.setdefault(key, (actor.id, kind))
            for variant in spelling_variants(key) - {key}:
                if variant in generated and generated[variant][0] != actor.id:
                    clashing.add(variant)
                generated.setdefault(variant, (actor.id, kind))
    for form, actor_id in _national_force_forms(actors, forces).items():
        for variant in spelling_variants(form):
            if variant in generated and generated[variant][0] != actor_id:
                clashing.add(variant)
            generated.setdefault(variant, (actor_id, "alias"))
    for variant, owner in generated.items():
        if variant not in curated and variant not in clashing:
            curated[variant] = owner
    return curated


# A state's national forces by their name ("Pakistan Army", "Armed Forces of the Philippines"), not a
# branch, command or unit of them; the land army is told apart from the armed forces as a whole.
_NATIONAL_FORCES = re.compile(r"\b(?:Armed Forces|Defen[cs]e Forces?|Army|Military)\b")
_NOT_NATIONAL_FORCES = re.compile(r"\b(?:Air|Naval|Navy|Command|Ministry|Intelligence|Special|Division|Brigade|Corps|"
                                  r"Guards?|Reserve|Militia|Mobili[sz]ation|Republican|Presidential|Staff|Commission)\b")


def _national_force_forms(actors: Iterable[Actor], forces: dict[tuple[str, str], str]) -> dict[str, str]:
    """Forms news uses for a state's forces that the data need not list ("Saudi army", "Ethiopian military"),
    mapped to the state's national forces body; "army" prefers a body named as the land army, while
    "military" is only ever the armed forces as a whole (the US Army is not the American military).

    >>> chad = [Actor("chad", "Country", "Chad", demonyms=("Chadian",)),
    ...     Actor("chad-forces", "GovernmentOrganization", "Chadian Armed Forces", country="chad"),
    ...     Actor("chad-army", "GovernmentOrganization", "Chadian National Army", country="chad"),
    ...     Actor("chad-air", "GovernmentOrganization", "Chadian Air Force", country="chad")]
    >>> forces = _national_force_forms(chad, national_forces(chad))
    >>> forces["Chadian Army"], forces["Chadian Military"], forces["Chadian Armed Forces"]
    ('chad-army', 'chad-forces', 'chad-forces')
    """
    states = {a.id: a for a in actors if a.type == "Country"}
    forms: dict[str, str] = {}
    for (state_id, head), body_id in forces.items():
        for demonym in states[state_id].demonyms:  # "Mali's military" is read from "Malian military" in the mentions
            forms[f"{demonym} {head}"] = body_id
    return forms


def national_forces(actors: Iterable[Actor]) -> dict[tuple[str, str], str]:
    """(state id, head) -> the state's national forces body for "Army", "Military" and "Armed Forces", where
    the data name one candidate ("army" prefers a body named as the land army).

    >>> national_forces([Actor("drc", "Country", "DR Congo"),
    ...     Actor("fardc", "GovernmentOrganization", "Armed Forces of the DR Congo", country="drc")])[("drc", "Army")]
    'fardc'
    """
    actors = list(actors)
    states = {a.id for a in actors if a.type == "Country"}
    bodies: dict[str, list[Actor]] = {}
    for actor in actors:
        if actor.type == "GovernmentOrganization" and actor.country in states and _NATIONAL_FORCES.search(actor.name) \
                and not _NOT_NATIONAL_FORCES.search(actor.name):
            bodies.setdefault(actor.country, []).append(actor)
    found: dict[tuple[str, str], str] = {}
    for state_id, candidates in bodies.items():
        armies = [a for a in candidates if a.name.endswith("Army")]
        whole = [a for a in candidates if not a.name.endswith("Army")]
        for head, preferred in (("Army", armies or whole), ("Military", whole), ("Armed Forces", whole)):
            if len(preferred) == 1:  # two candidates: the data must say which one the text means
                found[(state_id, head)] = preferred[0].id
    return found


def _pycountry_names(iso: str) -> list[str]:
    import pycountry

    country = pycountry.countries.get(alpha_2=iso)
    if country is None:
        return []
    names = [getattr(country, attr, None) for attr in ("name", "official_name", "common_name")]
    # pycountry writes some names inverted ("Iran, Islamic Republic of"); news never does.
    return [n for n in names if n and "," not in n]


def _entry_to_actor(entry: dict, where: str) -> Actor:
    if not isinstance(entry, dict):
        raise DataFileError(f"{where}: each entry must be a mapping")
    for key in ("id", "type", "name"):
        if not entry.get(key):
            raise DataFileError(f"{where}: entry {entry.get('id') or entry.get('name') or entry!r} has no {key!r}")
    actor_id, actor_type = str(entry["id"]), str(entry["type"])
    label = f"{where}: entry {actor_id!r}"
    if not ID_PATTERN.match(actor_id):
        raise DataFileError(f"{label}: id must be a lower-case slug (a-z, 0-9, -)")
    if actor_type not in ACTOR_TYPES:
        raise DataFileError(f"{label}: unknown type {actor_type!r} (expected one of {', '.join(ACTOR_TYPES)})")
    roles = []
    for role in entry.get("roles") or ():
        relation = role.get("relation", "memberOf")
        if relation not in RELATIONS:
            raise DataFileError(f"{label}: unknown relation {relation!r} in roles")
        roles.append(Role(str(role.get("role", "")), str(role["org"]), relation, role.get("from"), role.get("until")))
    aliases = [str(a) for a in entry.get("aliases") or ()]
    if entry.get("iso"):
        excluded = set(entry.get("exclude_aliases") or ())
        aliases += [n for n in _pycountry_names(str(entry["iso"]))
                    if n != entry["name"] and n not in aliases and n not in excluded]
    return Actor(
        id=actor_id,
        type=actor_type,
        name=str(entry["name"]),
        aliases=tuple(aliases),
        iso=entry.get("iso"),
        capital=entry.get("capital"),
        demonyms=tuple(str(d) for d in entry.get("demonyms") or ()),
        parent=entry.get("parent"),
        country=entry.get("country"),
        roles=tuple(roles),
    )


def load_entries(path: Path) -> list[Actor]:
    """The actors of one gazetteer YAML file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise DataFileError(f"{path}: cannot read gazetteer file ({error})") from None
    if data is None:
        return []
    if not isinstance(data, list):
        raise DataFileError(f"{path}: a gazetteer file is a YAML list of entries")
    return [_entry_to_actor(entry, str(path)) for entry in data]


def load_gazetteer(folder: Path | None = None) -> Gazetteer:
    """Load every ``*.yaml`` of the gazetteer folder, checking ids and references."""
    return _load_cached(Path(folder) if folder else ontology_dir() / "gazetteer")


@functools.lru_cache(maxsize=4)
def _load_cached(folder: Path) -> Gazetteer:
    actors: dict[str, Actor] = {}
    origin: dict[str, Path] = {}
    files = sorted(folder.glob("*.yaml"))
    non_actors = _load_non_actors(folder.parent / "non_actors.yaml")
    if not files:
        raise DataFileError(f"{folder}: no gazetteer files (*.yaml)")
    for path in files:
        for actor in load_entries(path):
            if actor.id in actors:
                raise DataFileError(f"{path}: duplicate actor id {actor.id!r} (first in {origin[actor.id].name})")
            actors[actor.id] = actor
            origin[actor.id] = path
    for actor in actors.values():
        for ref in [actor.parent, actor.country, *(r.org for r in actor.roles)]:
            if ref and ref not in actors:
                raise DataFileError(f"{origin[actor.id]}: entry {actor.id!r} refers to unknown actor {ref!r}")
    try:
        return Gazetteer(actors, non_actors=non_actors)
    except FormClash as clash:
        raise DataFileError(f"{origin[clash.second]}: entry {clash.second!r}: {clash.form!r} is claimed by both "
                            f"{clash.first!r} ({origin[clash.first].name}) and {clash.second!r}") from None


def _load_non_actors(path: Path) -> frozenset[str]:
    """Phrases that contain actor names without naming an actor (a YAML list of strings)."""
    if not path.is_file():
        return frozenset()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError) as error:
        raise DataFileError(f"{path}: cannot read ({error})") from None
    if not isinstance(data, list) or not all(isinstance(p, str) for p in data):
        raise DataFileError(f"{path}: expected a YAML list of phrases")
    return frozenset(data)


def normalise_name(name: str) -> str:
    """The matching key of ANNOTATION.md: case, diacritics, apostrophes, hyphens and a leading "the" folded.

    >>> normalise_name("The Kata’ib Hezbollah")
    'kataib hezbollah'
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[\u2019'`\u2018\u02bc\u02bf\u02be]", "", text)
    text = re.sub(r"[-\u2010-\u2015_./,]", " ", text)
    text = re.sub(r"^the\s+", "", text.strip())
    return re.sub(r"\s+", " ", text).strip()
