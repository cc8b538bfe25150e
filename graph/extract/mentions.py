"""Actor mentions in an article: gazetteer names, actors beyond the gazetteer, and references.

In order, over the whole text (each step one linear pass of a compiled pattern):

1. gazetteer names (the Aho-Corasick matcher of ``graph.gazetteer``);
2. discovered actors: persons after a title or rank ("spokesman Yahya Saree") or before an apposition
   that names a role ("Izzat al-Shahbandar, a senior politician"), organisations ending in a head word
   ("the X Brigades", "X Movement", "X militias") or defined with an acronym ("Estado Mayor Central (EMC)");
   a discovered name replaces the gazetteer names it strictly contains ("Defence Minister Israel Katz");
3. within-document names: acronyms defined in the text ("Kataib Hezbollah (KH)") and surnames of persons
   named in full earlier ("Sudani" after "Mohammed Shia al-Sudani");
4. references: "the group", "the kingdom", "its", "it" ... to a fitting actor named before;
5. collectives: "the Iran-backed militias", "Tehran's proxies", "these four militias" become collective
   mentions that the extractor resolves to the named groups the article describes as such militias.

Discovered actors get the id ``x-<slug of the name>``: the same name gives the same id in every article.
"""
from __future__ import annotations

import re
import bisect
from dataclasses import dataclass
from typing import Iterable

from graph.gazetteer import Actor, Gazetteer, Role, fold
from graph.extract.sentences import Sentence, split_sentences
from graph.vocab import slugify

DISCOVERED_PREFIX = "x-"
HOME_MARGIN = 1.3  # the article's state is named this many times more often than any other state
LEAD_SHARE = 0.5  # ... or named first in headline and lede, and at least half as often as the state named most
COLLECTIVE_PREFIX = "collective-"  # ids of collectives ("the Iran-backed militias"): resolved, never output
# Not a collective but a description of named groups: "one of the Iran-backed factions", "Kataib Hezbollah and
# other Tehran-aligned factions", "the oldest of Iraq's Tehran-aligned groups", "Turkish-backed factions of the SNA".
SP = r"[^\S\n]+"  # the space inside a name: names do not run across lines (a headline into a dateline)
_PARTITIVE_BEFORE = re.compile(r"(?:\b(?:one|each|any|another|first|last|most\s+\w+|\w+est)\s+(?:of|among)\s+"
                               r"(?:the\s+|its\s+|their\s+|\S+(?:'s|')\s+)?|\b(?:other|fellow)\s+)$", re.IGNORECASE)
_PARTITIVE_AFTER = re.compile(r"\s+(?:of|from|within|inside)\b")
_OWNED_UNIT = re.compile(r"(?P<owner>.+?)(?:'s|')\s+(?P<unit>.+)$")
_FORCES_OFFICIALS = re.compile(r"\s+(?:officers|officials|commanders|sources|delegates|delegations?|negotiators)\b")
# "it" as a subject ("a week later it imposed sanctions"), not an object ("designated it a terrorist group")
_SUBJECT_IT = re.compile(r"\s+(?:(?:also|then|later|now|still|again|has|had|have|is|was|would|will|could|can|did|does)\b|(?-i:[a-z])\w*(?:ed|es)\b)")
# Two mentions joined as a pair: "⟨A⟩ and ⟨B⟩", "⟨A⟩ and the ⟨B⟩", "⟨A⟩-⟨B⟩"
_PAIR_JOIN = re.compile(r"(?:'s)?\s+and\s+(?:the\s+)?|-")
_LIST_JOIN = re.compile(r"(?:'s)?(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?|-")
PAIR_LOOKBACK = 6  # sentences a pair reference ("the two sides") may reach back for a joined pair
PAIR_NEAR = 150  # characters within which two mentions count as named together
# A state's forces named by whose they are, not by name: "government forces", "federal troops"
_GOVERNMENT_FORCES = re.compile(r"(?<![\w'-])(?:(?:the|pro-government)\s+)?(?:government|federal|regime|junta|state)\s+"
                                r"(?:forces|troops|soldiers)\b", re.IGNORECASE)
_FORCES_RULER = re.compile(r"\s+(?:ruler|rulers|leader|leaders|leadership|government|junta|regime|strongman|authorities)\b")
# The portfolio words before "Minister" ("Communications Minister", "Public Security Minister")
_PORTFOLIO = re.compile(r"(?<![\w'-])(?:[A-Z][a-z]+\s+){1,2}(?=\Z)")
# "the rebels and their ...": a common plural noun phrase right before "their"
_COMMON_PLURAL_BEFORE = re.compile(r"\bthe\s+(?:(?-i:[a-z])[\w-]*\s+)?(?-i:[a-z])[\w-]*s\s+(?:and|or)\s+$")
_DEMONYM_FORCE = re.compile(r"(?P<who>.+?)\s+(?:military|army|armed\s+forces)$", re.IGNORECASE)
_CAPITALS = re.compile(r"(?<![\w-])[A-Z]{2,5}(?![\w-])")


# a reference noun phrase that owns what follows ("the group's", "the movement's armed wing")
_POSSESSIVE_REFERENCE = re.compile(r"the\s+(?:[\w-]+\s+){0,2}?[\w-]+(?:'s|\u2019s|')\s")


_FOR_ITS_PART = re.compile(r"(?:for|on)\s+(?:its|their|his|her)\s+part\b", re.IGNORECASE)

# a pronoun that opens a condition: "... if it does not disarm"
_CONDITION_BEFORE = re.compile(r"\b(?:if|unless)\s+$", re.IGNORECASE)


def _coordinate_clause_owner(text: str, at: int, before: list[Mention], sentence_start: int,
                             types: frozenset[str]) -> tuple[bool, Actor | None]:
    """For "its"/"their" opening a coordinate clause (", and its jets bomb ..."): (True, the subject that opens the
    sentence), as the subject of the clause before is the likeliest owner; (True, None) when that subject is a
    common noun this pass does not resolve ("The military branded the NUG a terrorist group, and its aircraft ...":
    not the NUG's); (False, None) when the pronoun opens no such clause."""
    if not _COORDINATE_CLAUSE_END.search(text, sentence_start, at):
        return False, None
    first = next((m for m in before if m.start >= sentence_start and m.kind != "collective"), None)
    if first is not None and _SENTENCE_OPENING.fullmatch(text, sentence_start, first.start) \
            and not text.startswith(("'s", "'", "’"), first.end):
        return (True, first.actor) if first.actor.type in types else (False, None)
    return (True, None) if _COMMON_NOUN_SUBJECT.match(text, sentence_start) else (False, None)


_PLACE_PREPOSITION = re.compile(r"\b(?:at|on|to|from|along|near|toward|towards|behind)\s+$", re.IGNORECASE)
_COORDINATE_CLAUSE_END = re.compile(r"(?:,\s+and|;|,\s+but|,\s+while)\s+$")
_SENTENCE_OPENING = re.compile(r"\s*(?:[Tt]he\s+)?")
# "The military branded", "The rebel army has": a sentence opening with a common noun and its verb
_COMMON_NOUN_SUBJECT = re.compile(r"\s*The\s+(?:(?-i:[a-z])[\w-]*\s+){1,2}?(?:has|have|had|is|was|were|are|(?-i:[a-z]+(?:ed|es)))\b")


def _appositive_owner(text: str, mention: Mention) -> bool:
    """Whether the mention owns an apposition that describes the actor before it ("Al-Shabaab, al-Qaeda's
    East African affiliate"): it is then no antecedent of a later "the insurgents" or "it"."""
    return text.startswith(("'s ", "' "), mention.end) and bool(re.search(r"\w,\s+(?:the\s+)?$", text[max(0, mention.start - 8):mention.start]))


def _initials(name: str) -> str:
    """The initials of a name of two or more capitalised words, small words left out; '' otherwise.

    >>> _initials("Government of National Unity"), _initials("Hamas")
    ('GNU', '')
    """
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in {"of", "the", "and", "for", "al"}]
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words)


# A dateline: a line that opens with a city in capitals and a comma, a date or an agency ("BEIRUT, August 29").
_DATELINE = re.compile(r"(?m)^\s*(?P<city>[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,2})\s*(?:,\s*(?P<state>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}),|,|\(|—|-\s)")


@dataclass(frozen=True)
class Mention:
    """``text[start:end]`` names ``actor``; ``kind`` says how it was found (name, alias, capital, demonym,
    discovered, acronym, surname, reference, described: a text's own words for a known actor)."""

    start: int
    end: int
    actor: Actor
    kind: str
    others: tuple[Actor, ...] = ()  # further actors of a pair reference ("the two sides": actor and others[0])


def discovered_actor(name: str, actor_type: str) -> Actor:
    """The actor for a name the gazetteer lacks; stable id across articles.

    >>> discovered_actor("Izzat al-Shahbandar", "Person").id
    'x-izzat-al-shahbandar'
    """
    return Actor(id=DISCOVERED_PREFIX + slugify(name), type=actor_type, name=name, discovered=True)


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first, with flexible inner spaces."""
    ordered = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


# A state's possessive a word or two before a forces noun: "India's deputy army chief"
_STATE_POSSESSIVE_BEFORE = re.compile(r"(?P<token>\S+?)'s\s+(?:(?-i:[a-z])[\w-]*\s+){1,2}$")
_STATE_TITLE_AFTER = re.compile(r"(?:'s)?\s+(?:(?-i:[A-Z])[\w-]*\s+){0,2}(?-i:Minister|Secretary)\b")
# A time phrase that may open a sentence before its subject: "In May, ⟨X⟩ ..."
_TIME_OPENER = re.compile(r"(?:(?:In|On|Last|Early|Late|Earlier|Later)\b[^,⟨⟩.]{0,25}?,?\s+)?")
_FORCE_TITLE_AFTER = re.compile(r"\s+(?:chief|commander|spokesman|spokeswoman|head|officers?|officials?|generals?)\b")


# "It is led by ...": a passive that says something of a group, so "It" is no expletive
_PASSIVE_OF_A_GROUP = (r"(?:also\s+|now\s+|still\s+)?(?:led|headed|run|commanded|chaired|backed|funded|armed|based|controlled|"
                       r"supported|sponsored|designated|listed|sanctioned|blamed|accused|allied|aligned|linked)\b")


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding offset ``at`` starts (after ". " or a line break)."""
    dot = text.rfind(". ", 0, at)
    return max(dot + 2 if dot >= 0 else 0, text.rfind("\n", 0, at) + 1)


def _lead_state(mentions: list[Mention], headline_end: int) -> str | None:
    """The state that both the headline and the story's first body mention of a state name first, if any."""
    if headline_end <= 0:
        return None
    states = [m for m in sorted(mentions, key=lambda m: m.start)
              if m.actor.type == "Country" and m.kind not in {"reference", "collective"}]
    in_headline = [m for m in states if m.end <= headline_end]
    in_body = [m for m in states if m.start > headline_end]
    if in_headline and in_body and in_headline[0].actor.id == in_body[0].actor.id:
        return in_headline[0].actor.id
    return None


class MentionFinder:
    """Finds the mentions of one article; patterns compiled once from ``mentions.yaml`` and ``titles.yaml``."""

    def __init__(self, gazetteer: Gazetteer, mention_cues: dict, title_cues: dict):
        self.gazetteer = gazetteer
        self.cues = mention_cues
        particles = _alternation(mention_cues["name_particles"])
        self.not_names = frozenset(mention_cues["not_names"])
        # A name token: a capitalised word (hyphenated parts capitalised too: "Abdul-Malik", not "Iran-backed"),
        # or a particle-prefixed word ("al-Sudani", "bin").
        cap = r"[A-Z][\w'\u2019]*(?:-[A-Z][\w'\u2019]*)*"
        token = rf"(?:{cap}|(?:{particles})-{cap}|(?:{particles})(?={SP}[A-Z]))"
        self._name = rf"{cap}(?:{SP}{token}){{1,5}}"
        honorifics = _alternation(mention_cues["honorifics"])
        self._leading_honorifics = re.compile(rf"^(?:(?:{honorifics})\s+)+(?=\S+\s+\S)")
        titles = [t for entry in title_cues["titles"] for t in entry["title"]]
        triggers = _alternation(titles + mention_cues["person_triggers"])
        # "spokesman Yahya Saree", "China's special envoy for Myanmar, Deng Xijun"
        self._person_after_title = re.compile(
            rf"(?:(?<![\w-])|(?<=\bthen-)|(?<=\bex-))(?P<trigger>(?i:{triggers}))(?:\s+(?:for|to|on)\s+(?:the\s+)?{cap}(?:\s+{cap}){{0,3}},|,)?\s+"
            rf"(?:(?i:{honorifics})\s+)*(?P<name>{self._name})")
        # "Izzat al-Shahbandar, a senior politician", "X, one of the group's commanders", "X, head of the SSA",
        # "X, Colombia's defence minister,"
        person_nouns = _alternation(mention_cues['person_nouns'])
        self._person_before_role = re.compile(
            rf"(?:^|(?<=[.;:]\s)|(?<=\n)|(?<=,\s)|(?<=\b[a-z]\s)|(?<=[a-z]{{2}}\s))(?P<name>{self._name}),\s+"
            rf"(?:(?:a|an|the|one\s+of\s+(?:the|its|their|[\w-]+'s?))\s+[^,.;()]{{0,60}}?\b(?:{person_nouns})s?\b"
            rf"|(?:(?-i:[a-z])[\w-]*\s+){{0,2}}(?:{person_nouns})\s+(?:of|to|for|on)\s"
            # "Iris Marin, Colombia's ombudswoman,": a possessor's office
            rf"|(?:(?-i:[A-Z])[\w.-]*\s+){{0,2}}(?-i:[A-Z])[\w.-]*(?:'s|')\s+(?:(?-i:[a-z])[\w-]*\s+){{0,3}}?(?:{person_nouns})\b(?=\s*[,.;]))")
        # "killed Abu Baqir al-Saadi, who oversaw ...": a name of two to four words before ", who"/", whom"
        self._person_before_who = re.compile(
            rf"(?:(?<=[a-z,]\s)|(?<=[a-z]\s\w\s))(?P<name>{cap}(?:{SP}{token}){{1,3}}),\s+(?:who|whom)\s")
        heads = mention_cues["org_heads"]
        self._head_type = {w: t for t, words in heads.items() for w in words}
        org_token = rf"(?:[A-Z0-9][\w'\u2019]*(?:-[A-Z][\w'\u2019]*)*|(?:{particles})-{cap}|of|for|the|and)"
        self._org = re.compile(
            rf"(?<![\w-])(?P<name>(?:{cap}|(?!(?:19|20)\d\d\b)\d+(?:st|nd|rd|th)?)(?:{SP}{org_token}){{0,5}}?{SP}(?P<head>{_alternation(self._head_type)}))(?![\w-])")
        self._state_force_heads = frozenset(mention_cues.get("state_force_heads", []))
        # "Chief of Army Staff": a head word followed by these is inside a title, no name ends there
        continuations = _alternation(mention_cues.get("org_head_continuations", []))
        if continuations:
            self._org = re.compile(self._org.pattern + rf"(?!\s+(?:{continuations})\b)")
        self._of_heads = {**self._head_type, **{w: t for t, words in mention_cues.get("of_name_heads", {}).items() for w in words}}
        lower_heads = mention_cues.get("org_heads_lowercase", {})
        self._lower_head_type = {w: t for t, words in lower_heads.items() for w in words}
        self._org_lower = re.compile(
            # "ethnic Amhara militias" names a people's militias, no organisation
            rf"(?<![\w-])(?<!\ba\s)(?<!\ban\s)(?<!\bethnic\s)(?<!\bEthnic\s)(?P<name>{cap}(?:{SP}{cap}){{0,3}}){SP}(?:{_alternation(self._lower_head_type)})\b")
        self.agencies = frozenset(mention_cues.get("news_agencies", []))
        self.name_possessives = frozenset(mention_cues.get("name_possessives", []))
        affiliate_nouns = _alternation(mention_cues.get("affiliate_nouns", ["branch"]))
        self._affiliate_of = re.compile(rf"\s+(?:{affiliate_nouns})\s+of\s+(?:the\s+)?", re.IGNORECASE)
        self._affiliate_after = re.compile(rf"\s+(?:{affiliate_nouns})\b", re.IGNORECASE)
        self._branches: dict[tuple[str, str], list[Actor]] = {}
        for actor in gazetteer.actors.values():
            if actor.parent and actor.country:
                self._branches.setdefault((actor.parent, actor.country), []).append(actor)
        self._acronym = re.compile(r"\((?P<acr>[A-Z][A-Za-z0-9-]{1,9})\)")
        self._phrase_token = re.compile(rf"(?:{org_token}|{particles}|wal|in|de|del|la)$")
        self.generic = frozenset(mention_cues["generic_modifiers"])
        self._anaphora = {k.lower(): set(v) for k, v in mention_cues["anaphora"].items()}
        nouns = {k.lower().removeprefix("the ").strip(): set(v) for k, v in mention_cues["anaphora"].items()}
        self._anaphora = nouns
        adjectives = _alternation(mention_cues.get("anaphora_adjectives", []))
        self._reference = re.compile(
            # a noun with its own "of" phrase describes something new ("the largest coalition of X holdouts"; but
            # "accused the group of carrying out ..."); "the front line" is no front
            rf"(?<![\w-])(?:the\s+(?:(?:{adjectives})\s+)?(?P<noun>{_alternation(nouns)})(?![\w-])(?!\s+of\s+(?!\w+ing\b))(?!\s+lines?\b)|(?P<pron>{_alternation(mention_cues['pronouns'])}))(?![\w-])",
            re.IGNORECASE)
        self._compound_reference = re.compile(
            rf"(?<![\w-])the\s+(?:[\w'’]+\s+)?[\w'’.]+(?:\s+[\w'’.]+)?-(?:backed|aligned|allied|funded|led|based|linked)\s+"
            rf"(?P<noun>{_alternation(nouns)})(?![\w-])", re.IGNORECASE)
        self.name_only = frozenset(n.lower() for n in mention_cues.get("anaphora_name_only", []))
        self.by_name = frozenset(n.lower() for n in mention_cues.get("anaphora_by_name", [])) | self.name_only
        self.home_nouns = frozenset(n.lower().removeprefix("the ") for n in mention_cues.get("anaphora_home", []))
        collective_nouns = _alternation(mention_cues.get("collective_nouns", []))
        self._collective = re.compile(
            rf"(?:-(?:backed|aligned|allied|funded|sponsored|supported|armed)\s+"
            rf"(?P<noun>(?:(?:Shiite|Sunni|Shia|armed|paramilitary|militant|rebel|allied|local)\s+)*(?:{collective_nouns}))"
            rf"|(?:'s|')\s+(?:regional\s+)?(?P<proxies>proxies|proxy groups|proxy militias|proxy forces))(?![\w-])"
            rf"|(?<![\w-])(?:these|those|the)\s+(?P<bare>(?:\w+\s+)?(?:{_alternation(mention_cues.get('bare_collectives', []))}))(?![\w-])",
            re.IGNORECASE)
        self.collective_counts = frozenset("two three four five six seven several".split())
        self._person_pronoun_noun = re.compile(
            rf"\w+\s+(?:[\w-]+\s+){{0,2}}(?:{_alternation(mention_cues.get('person_pronoun_nouns', []))})\b", re.IGNORECASE)
        self.person_pronouns = frozenset(p.lower() for p in mention_cues.get("person_pronouns", []))
        self._state_owned_noun = re.compile(
            rf"\s+(?:{_alternation(mention_cues.get('state_owned_nouns', []))})(?![\w-])", re.IGNORECASE)
        self.subject_person_pronouns = frozenset(p.lower() for p in mention_cues.get("subject_person_pronouns", []))
        self.group_pronouns = frozenset(p.lower() for p in mention_cues.get("group_pronouns", []))
        self.pronouns = frozenset(p.lower() for p in mention_cues["pronouns"])
        self.pronoun_types = frozenset(mention_cues["pronoun_types"])
        self.window = int(mention_cues.get("reference_window", 600))
        self._ambiguous_states = {form: (entry.get("kind", "name"), [s for s in entry["actors"] if s in gazetteer])
                                  for entry in mention_cues.get("ambiguous_forms", []) for form in entry["form"]}
        self._ambiguous_form = re.compile(rf"(?<![\w'-])(?:{_alternation(self._ambiguous_states)})(?![\w-])") \
            if self._ambiguous_states else None
        self._pair_types = {re.sub(r"\s+", " ", k.lower()): frozenset(v) for k, v in mention_cues.get("pair_references", {}).items()}
        self._pair_reference = re.compile(
            rf"(?<![\w-])(?:{_alternation(mention_cues.get('pair_determiners', []))})\s+(?P<noun>{_alternation(self._pair_types)})(?![\w-])",
            re.IGNORECASE)
        self._subject_types = {k.lower(): frozenset(v) for k, v in mention_cues.get("subject_pronouns", {}).items()}
        self._expletive = re.compile(rf"\s+(?:{_alternation(mention_cues.get('expletive_followers', []))})\b")
        self._subject_pronoun = re.compile(
            rf"[\"'\u201c]?(?P<pron>{_alternation(k.capitalize() for k in self._subject_types)})\s+"
            rf"(?!(?:{_alternation(mention_cues.get('expletive_followers', []))})\b(?!\s+{_PASSIVE_OF_A_GROUP}))(?=[a-z])")
        self._owned_government = frozenset(n.lower() for n in mention_cues.get("government_nouns", []))
        owned = [*self._owned_government, *mention_cues.get("person_party_nouns", [])]
        self._owned_body = re.compile(rf"(?<![\w-])(?:his|her)\s+(?P<noun>{_alternation(owned)})(?![\w-])", re.IGNORECASE)
        self.dateline_min = int(mention_cues.get("dateline_min_mentions", 2))
        self.dateline_share = float(mention_cues.get("dateline_min_share", 0.6))
        self._forces = self._state_forces(gazetteer)
        self._force_ids = frozenset(a.id for a in self._forces.values())
        self._modifier_use = re.compile(rf"-(?:{_alternation(mention_cues.get('modifier_suffixes', []))})\b")
        self._state_force = re.compile(
            rf"(?<![\w'-])(?:(?P<the>the)\s+)?(?P<noun>{_alternation(mention_cues.get('state_force_nouns', []))})(?![\w])",
            re.IGNORECASE)
        self._force_blockers = frozenset(w.lower() for w in mention_cues.get("state_force_blockers", []))
        self._verbish = frozenset(w.lower() for w in mention_cues.get("state_force_followers", []))
        self._state_government = re.compile(
            rf"(?<![\w'-])the\s+(?:(?:{_alternation(mention_cues.get('government_adjectives', []))})\s+)?"
            # not "the government of X" or "the government and parliament"; "the government and the ELN" is
            rf"(?P<noun>{_alternation(mention_cues.get('government_nouns', []))})(?![\w-])(?!\s+(?:of|in)\b)"
            rf"(?!\s+and\s+(?!(?:the\s+)?(?-i:[A-Z])))(?!(?<=junta)\s+and\b)",  # a junta is also its army
            re.IGNORECASE)
        # "the group" is one group, never an umbrella of several ("Iran's Axis of Resistance", "the X Alliance")
        self._umbrella_name = re.compile(rf"\b(?:{_alternation(mention_cues.get('umbrella_name_words', []))})\b")
        self._umbrella_nouns = frozenset(n.lower() for n in mention_cues.get("umbrella_nouns", []))
        self._army_juntas = frozenset(mention_cues.get("army_juntas", []))
        self._junta_states = frozenset(mention_cues.get("junta_states", []))
        self._junta_nouns = frozenset(n.lower() for n in mention_cues.get("junta_nouns", []))
        self._junta_modifier = re.compile(
            rf"(?<![\w'-])junta(?=\s+(?:{_alternation(mention_cues.get('junta_modified_nouns', []))})\b)", re.IGNORECASE)
        self._leader_government = re.compile(
            rf"(?:'s|')\s+(?:(?:{_alternation(mention_cues.get('government_adjectives', []))})\s+)?"
            rf"(?:{_alternation(mention_cues.get('government_nouns', []))})(?![\w-])"
            r"(?!\s+of\s+(?-i:[A-Z]))", re.IGNORECASE)  # "Dbeibah's Government of National Unity" is a name
        self.context_titles = {t.lower() for t in mention_cues.get("context_state_titles", [])}
        self._title_relation = {t.lower(): entry.get("state") for entry in title_cues["titles"] for t in entry["title"]}
        person_titles = _alternation(titles + mention_cues["honorifics"])
        self._compound_patterns = [
            (re.compile(r"^(?P<pre>.+?)(?:'s|')\s+(?P<rest>.+)$"), "rest", "pre"),
            (re.compile(r"^(?P<rest>.+?)\s+of\s+(?P<post>.+)$"), "rest", "post"),
            (re.compile(rf"^(?:(?P<pre>.+?)\s+)?(?:{person_titles})\s+(?:(?:{person_titles})\s+)*(?P<rest>.+)$"), "rest", "pre"),
        ]

    # -- the steps -------------------------------------------------------------------------------
    def find(self, text: str) -> list[Mention]:
        """All mentions of ``text``, sorted by start, non-overlapping."""
        folded = fold(text)
        mentions = [
            Mention(m.start, m.end, self.gazetteer.get(m.actor_id), m.kind) for m in self.gazetteer.find(text)
        ]
        mentions = [part for m in mentions for part in self._split_compound(folded, m)]
        mentions = self._merge(mentions, self._ambiguous(folded, mentions))
        mentions = [self._forces_officials(folded, m) for m in mentions]
        mentions = self._merge(mentions, self._discover(folded, mentions))
        mentions = self._redefine_acronyms(folded, mentions)
        mentions = self._merge(mentions, self._acronyms(folded, mentions))
        mentions = self._merge(mentions, self._surnames(folded, mentions))
        home = self._home_country(mentions, folded.find("\n"), self._dateline_state(folded))
        mentions = self._merge(mentions, self._references(folded, mentions, home))
        mentions = self._state_references(folded, mentions)
        mentions = self._merge(mentions, self._sentence_references(text, folded, mentions))
        mentions = self._merge(mentions, self._affiliates(folded, mentions))
        return self._merge(mentions, self._collectives(folded, mentions))

    def _affiliates(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """"the Somali branch of Islamic State", "al-Qaeda's Yemeni affiliate": the gazetteer's one group whose
        parent is the organisation named and whose country is the demonym's state."""
        found = []
        ordered = sorted(mentions, key=lambda m: m.start)
        for first, second in zip(ordered, ordered[1:]):
            between = text[first.end:second.start]
            if first.kind == "demonym" and self._affiliate_of.fullmatch(between):
                state, parent, end = first.actor, second.actor, second.end
            elif second.kind == "demonym" and re.fullmatch(r"(?:'s|')\s+", between) and self._affiliate_after.match(text, second.end):
                state, parent, end = second.actor, first.actor, self._affiliate_after.match(text, second.end).end()
            else:
                continue
            branches = self._branches.get((parent.id, state.id), [])
            if len(branches) == 1:
                found.append(Mention(first.start, end, branches[0], "discovered"))
        return found

    def _forces_officials(self, text: str, mention: Mention) -> Mention:
        """"Israeli military officers", "Venezuelan military officials": unnamed officials of a state's forces
        act for the state (ANNOTATION.md officials), so the demonym names the state, not the forces. In "Mali's
        military ruler" or "the Sudanese military government" the state's name is the state before a title."""
        surface = text[mention.start:mention.end]
        officials = _FORCES_OFFICIALS.match(text, mention.end)
        if mention.actor.type != "GovernmentOrganization" or not (officials or _FORCES_RULER.match(text, mention.end)):
            return mention
        demonym = _DEMONYM_FORCE.match(surface)
        who = re.sub(r"(?:'s|')$", "", demonym.group("who")) if demonym else ""
        state = self.gazetteer.lookup(who) if who else None
        if state is None or state.type != "Country" or state.id != mention.actor.country:
            return mention
        if officials:
            return Mention(mention.start, mention.end, state, "demonym")
        return Mention(mention.start, mention.start + len(who), state, "demonym" if who in state.demonyms else "name")

    def _ambiguous(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """Forms shared by several actors ("Congolese", "Congo"): they name the one candidate that the
        article names unambiguously, else the one state whose own bodies or groups it names ("the M23 ...
        inside Congo"), else the one body of a state it names (of the article's state, if it names several), and
        nothing when it names none or several."""
        if self._ambiguous_form is None:
            return []
        named = {m.actor.id for m in mentions}
        homes = {m.actor.country for m in mentions if m.actor.country}
        home = None  # the article's state: found only when the states of two candidate bodies are named
        found = []
        for match in self._ambiguous_form.finditer(text):
            kind, states = self._ambiguous_states[match.group()]
            bodies = [body for body in states if self.gazetteer.get(body).country in named]
            if len(bodies) > 1:
                home = home or self._home_country(mentions, text.find("\n"), self._dateline_state(text))
                bodies = [body for body in bodies if self.gazetteer.get(body).country == home]
            present = [state for state in states if state in named] or [state for state in states if state in homes] \
                or bodies
            if len(present) == 1 and not self._inside(match.start(), mentions):
                found.append(Mention(match.start(), match.end(), self.gazetteer.get(present[0]), kind))
        return found

    def _collectives(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """Generic plural groups tied to a named actor ("the Iran-backed militias", "Tehran's proxies") or
        pointed at ("these four militias", "the militia leaders"). Each becomes a mention of a collective
        actor (``collective-<offset>``) that the extractor resolves to the named groups the article describes
        as such militias. A partitive ("the most powerful of the Iran-backed factions") is not a collective:
        it describes the group it follows."""
        starts_by_end = {m.end: m.start for m in mentions}
        found = []
        for match in self._collective.finditer(text):
            if match.group("bare"):
                group = "bare"
                phrase = match.group(0).lower()
                if not phrase.startswith(("these", "those")) and not phrase.endswith(("leaders", "chiefs", "commanders")):
                    continue
            elif match.start() in starts_by_end:
                group = "noun" if match.group("noun") else "proxies"
                lead = text[max(0, starts_by_end[match.start()] - 40):starts_by_end[match.start()]]
                if _PARTITIVE_BEFORE.search(lead) or _PARTITIVE_AFTER.match(text, match.end()):
                    continue
            else:
                continue
            start = match.start() if group == "bare" else match.start(group)  # "the militia leaders" whole
            actor = Actor(f"{COLLECTIVE_PREFIX}{start}", "ArmedGroup", f"the {match.group(group)}", discovered=True)
            found.append(Mention(start, match.end(group), actor, "collective"))
        return found

    def _discover(self, text: str, known: list[Mention]) -> list[Mention]:
        found: list[Mention] = []
        home = self._home_country(known, text.find("\n"), self._dateline_state(text))
        for pattern in (self._person_after_title, self._person_before_role, self._person_before_who):
            for match in pattern.finditer(text):
                name = self._trim_name(match.group("name"))
                if pattern is self._person_before_who and not self._personal_name(name):
                    continue
                name_start = match.start("name") + match.group("name").find(name)
                if name and self.gazetteer.lookup(name) is None:
                    actor = discovered_actor(name, "Person")
                    if home and pattern is self._person_after_title:
                        actor = self._with_context_role(text, match, actor, home, known)
                    found.append(Mention(name_start, name_start + len(name), actor, "discovered"))
        known_ends = {m.end for m in known}
        by_end = {m.end: m for m in known}
        units: dict[str, Actor] = {}
        for match in self._org.finditer(text):
            listed = self._after_listed_name(text, match.start("name"), match.group("name"), known_ends)
            owned = _OWNED_UNIT.match(listed)  # "IRGC's Aerospace Force": the owner is named apart
            owner = by_end.get(match.end("name") - len(listed) + owned.end("owner")) if owned else None
            if owner is not None and owner.actor.type != "Country":  # "Syria's Defence Ministry" stays whole
                listed = owned.group("unit")
            elif owned and owner is None and owned.group("owner").split()[-1] not in self.name_possessives:
                # "Haftar's Libyan National Army", "Dbeibah's Government of National Unity": an owner, then the name
                if self.gazetteer.lookup(owned.group("unit")) is not None:
                    continue
                listed = owned.group("unit")
            # a unit owned by armed forces keeps its generic words ("the military's Western Command")
            owner_type = self._force_owner(text, match.end("name") - len(listed), by_end)
            name = listed if owner_type else self._trim_org(listed)
            # "the E3 and the European Union's foreign policy chief": two names joined, the last one the owner
            name = name.rsplit(" and the ", 1)[-1]
            start = match.end("name") - len(name)
            if owned and owner is not None and owner.actor.type == "Country" and name == listed:
                # "Syria's Defence Ministry": the gazetteer's "Syrian Defence Ministry" when it knows it
                body = next((self.gazetteer.lookup(f"{form} {owned.group('unit')}") for form in owner.actor.demonyms
                             if self.gazetteer.lookup(f"{form} {owned.group('unit')}") is not None), None)
                if body is not None and body.type == "GovernmentOrganization" and body.country == owner.actor.id:
                    found.append(Mention(start, match.end("name"), body, "discovered"))
                    continue
            if name in units:  # "the IRGC's Aerospace Force ... The Aerospace Force": the unit named before
                found.append(Mention(start, match.end("name"), units[name], "discovered"))
                continue
            if name and (self._is_org_name(name) or owner_type) and self.gazetteer.lookup(name) is None:
                # a unit of a state body is a state body ("the IRGC's Aerospace Force"), the gazetteer's
                # "IRGC Aerospace Force" when it knows the unit under its owner's name
                actor_type = owner_type if owner_type == "GovernmentOrganization" else self._head_type[match.group("head")]
                actor = self._owned_unit(text, owner, name) if owner_type else None
                if actor is None:
                    actor = discovered_actor(name, self._state_body_type(name, actor_type))
                if owner_type:
                    units.setdefault(name, actor)
                found.append(Mention(start, match.end("name"), actor, "discovered"))
        for match in self._org_lower.finditer(text):
            name = self._trim_org(match.group("name"))
            start = match.end("name") - len(name) if name else 0
            if name and self.gazetteer.lookup(name) is None and not self._inside(start, known):
                found.append(Mention(start, start + len(name), discovered_actor(name, "ArmedGroup"), "discovered"))
        return found

    def _owned_unit(self, text: str, owner: Mention | None, unit: str) -> Actor | None:
        """The gazetteer's actor for "<owner> <unit>" ("IRGC Aerospace Force" for "the IRGC's Aerospace Force")."""
        if owner is None:
            return None
        for form in (text[owner.start:owner.end], owner.actor.name, *owner.actor.aliases):
            actor = self.gazetteer.lookup(f"{form} {unit}")
            if actor is not None and actor.type != "Person":
                return actor
        return None

    def _state_body_type(self, name: str, actor_type: str) -> str:
        """"Iranian Armed Forces", "Chadian Army": a state's name or demonym before only generic words and an
        armed-forces head is that state's forces, a state body, not an armed group."""
        words = name.split()
        state = self.gazetteer.lookup(words[0]) if len(words) >= 2 else None
        if actor_type == "ArmedGroup" and state is not None and state.type == "Country" \
                and words[-1] in self._state_force_heads and all(w in self.generic for w in words[1:-1]):
            return "GovernmentOrganization"
        return actor_type

    @staticmethod
    def _force_owner(text: str, start: int, by_end: dict[int, Mention]) -> str | None:
        """The type of the armed forces or armed group that owns the name at ``start`` ("the military's
        Western Command", "the IRGC's Aerospace Force"), if any: a name of generic words is then their unit."""
        lead = text[max(0, start - 40):start]
        owner = re.search(r"(?:'s|')\s$", lead)
        if owner is None:
            return None
        mention = by_end.get(start - len(owner.group()))
        if mention is not None:
            return mention.actor.type if mention.actor.type in {"GovernmentOrganization", "ArmedGroup"} else None
        if re.search(r"\b(?:army|military|armed forces)(?:'s|')\s$", lead, re.IGNORECASE):
            return "GovernmentOrganization"
        return None

    def _redefine_acronyms(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """An acronym the article defines for another actor than the gazetteer's ("the Coalition of Patriots
        for Change (CPC)" against the gazetteer's CPC, a party) names that actor throughout the article; a name
        found only from the text and followed by a gazetteer acronym is that acronym's actor ("the Islamic State
        group's Sahel Province (ISSP)")."""
        by_end = {m.end: m for m in mentions}
        redefined: dict[str, Actor] = {}
        known_as: dict[str, Actor] = {}  # discovered actor id -> the gazetteer actor its acronym names
        for match in self._acronym.finditer(text):
            acronym, owner = match.group("acr"), by_end.get(match.start() - 1)
            known = self.gazetteer.lookup(acronym)
            if owner is None or known is None or known.id == owner.actor.id or owner.actor.type == "Person" \
                    or owner.kind in {"reference", "collective"} or known.type == "Person":
                continue
            if owner.kind == "discovered":
                known_as.setdefault(owner.actor.id, known)
            elif text[owner.start:owner.end].upper().startswith(acronym[0]):
                redefined.setdefault(acronym, owner.actor)
        if not redefined and not known_as:
            return mentions
        return [Mention(m.start, m.end, redefined[text[m.start:m.end]], "acronym")
                if text[m.start:m.end] in redefined and m.kind in {"name", "alias"}
                else Mention(m.start, m.end, known_as[m.actor.id], "described") if m.actor.id in known_as
                else m for m in mentions]

    def _acronyms(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """Acronyms defined in parentheses after a name, and their later uses."""
        by_end = {m.end: m for m in mentions}
        defined: dict[str, Actor] = {}
        new: list[Mention] = []
        for match in self._acronym.finditer(text):
            acronym = match.group("acr")
            before = match.start() - 1
            if self.gazetteer.lookup(acronym) is not None or acronym in self.agencies:
                continue  # "BAMAKO (Reuters) -": a news agency's credit, no actor
            owner = by_end.get(before)
            if owner is None:
                name = self._phrase_before(text, before)
                if not name:
                    continue
                actor_type = self._phrase_type(name)
                owner = Mention(before - len(name), before, discovered_actor(name, actor_type), "discovered")
                new.append(owner)
            if owner.actor.type != "Person":
                defined.setdefault(acronym, owner.actor)
        if defined:
            pattern = re.compile(rf"(?<![\w-])(?:{_alternation(defined)})(?![\w])")
            for match in pattern.finditer(text):
                new.append(Mention(match.start(), match.end(), defined[match.group()], "acronym"))
        return new + self._initialisms(text, mentions, set(defined))

    def _initialisms(self, text: str, mentions: list[Mention], defined: set[str]) -> list[Mention]:
        """An undefined capitals token that spells the initials of an organisation the article named before
        ("PA President Mahmoud Abbas" after "the Palestinian Authority"); a clash of two such names drops it."""
        first: dict[str, tuple[int, Actor]] = {}
        clashes: set[str] = set()
        for mention in mentions:
            if mention.actor.type == "Person" or mention.kind in {"reference", "collective"}:
                continue
            for name in (mention.actor.name, text[mention.start:mention.end]):
                initials = _initials(name)
                seen = first.get(initials)
                if seen is not None and seen[1].id != mention.actor.id:
                    clashes.add(initials)
                elif initials and seen is None:
                    first[initials] = (mention.end, mention.actor)
        new = []
        for match in _CAPITALS.finditer(text):
            acronym = match.group()
            seen = first.get(acronym)
            if seen is None or acronym in clashes or acronym in defined or match.start() < seen[0] \
                    or self.gazetteer.lookup(acronym) is not None:
                continue
            new.append(Mention(match.start(), match.end(), seen[1], "acronym"))
        return new

    def _surnames(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """Uses of a person's surname ("Sudani", "al-Sudani") in an article that names the person in full. A
        surname two persons share goes to the gazetteer's one when only one is known, else to the one the
        sentence names before it, else to the one the article names first ("Haftar" after "Saddam Haftar, the
        field marshal's son" in a story that opened with Khalifa Haftar). A known person's surname may come
        before the full name (a headline); a discovered person's only after it."""
        named: dict[str, list[tuple[int, Actor]]] = {}
        given: dict[str, list[tuple[int, Actor]]] = {}
        for mention in sorted(mentions, key=lambda m: m.start):
            if mention.actor.type != "Person" or mention.kind == "reference":
                continue
            written = text[mention.start:mention.end]
            for key in self._surname_keys(written, mention.actor):
                persons = named.setdefault(key, [])
                if all(actor.id != mention.actor.id for _, actor in persons):
                    persons.append((mention.end, mention.actor))
            if len(written.split()) >= 2:
                given.setdefault(written.split()[0], []).append((mention.end, mention.actor))
        # relatives who share a surname go by their first names ("Saddam" after Khalifa and Saddam Haftar)
        first_names = {uses[0][1].id: (first, uses[0]) for first, uses in given.items()
                       if len(first) >= 3 and first not in self.not_names and len({a.id for _, a in uses}) == 1}
        for persons in [p for p in named.values() if len({actor.id for _, actor in p}) > 1]:
            for first, use in (first_names[actor.id] for _, actor in persons if actor.id in first_names):
                named.setdefault(first, [use])
        keys = {k: v for k, v in named.items() if self.gazetteer.lookup(k) is None}
        if not keys:
            return []
        found = []
        # not a first name that a longer name goes on from ("Ahmed Abdi Godane" is no use of Abiy Ahmed's surname)
        for match in re.finditer(rf"(?<![\w-])(?:{_alternation(keys)})(?![\w])(?!\s+(?-i:[A-Z])[\w-]*[a-z])", text):
            persons = keys[match.group()]
            known = [(end, actor) for end, actor in persons if not actor.discovered]
            if len(known) == 1:
                actor = known[0][1]
            else:
                candidates = known or persons
                sentence_start = _sentence_start(text, match.start())
                same_sentence = [actor for end, actor in candidates if sentence_start <= end <= match.start()]
                actor = same_sentence[-1] if same_sentence else candidates[0][1]
                if actor.discovered and match.start() < candidates[0][0]:
                    continue
            found.append(Mention(match.start(), match.end(), actor, "surname"))
        return found

    def _surname_keys(self, name: str, person: Actor | None = None) -> list[str]:
        """The words by which news names a person again after the full name: the surname, which comes first
        in the states of ``surname_first_states`` ("Xi", "Kim"), and the given name in those of
        ``given_name_states`` ("Abiy", "Getachew"), where a person has no surname.

        >>> from graph.extract.cues import load_cues
        >>> china = Actor("china", "Country", "China")
        >>> xi = Actor("xi-jinping", "Person", "Xi Jinping", roles=(Role("President", "china", "leaderOf"),))
        >>> finder = MentionFinder(Gazetteer({"china": china, "xi-jinping": xi}), load_cues()["mentions"], load_cues()["titles"])
        >>> finder._surname_keys("Khalifa al-Haftar"), finder._surname_keys("Xi Jinping", xi)
        (['Haftar', 'Al-Haftar'], ['Xi'])
        """
        words = name.split()
        if len(words) < 2:
            return []
        convention = self._naming_convention(person)
        last = words[0] if convention else words[-1]
        keys = [last]
        bare = re.sub(r"^(?:al|el|Al|El)-", "", last)
        if bare != last:
            keys += [bare, "Al-" + bare]
        shortest = 2 if convention == "surname_first" else 3  # "Xi", "Li"
        return [k for k in keys if len(k) >= shortest and k[0].isupper() and k not in self.not_names]

    def _naming_convention(self, person: Actor | None) -> str | None:
        """"surname_first" or "given_name" for a known person whose offices lie in a state of that naming
        convention (``mentions.yaml``), else None (the surname is the last word)."""
        if person is None or person.discovered:
            return None
        states = self.gazetteer.office_states(person)
        for convention in ("surname_first", "given_name"):
            if states & set(self.cues.get(f"{convention}_states", [])):
                return convention
        return None

    def _references(self, text: str, mentions: list[Mention], home: str | None = None) -> list[Mention]:
        """'the group', 'the kingdom', 'its' ... resolved to a fitting actor named before them: for a noun,
        the nearest of a fitting type (or, for nouns like "force", the nearest whose name ends in the noun);
        for a pronoun, the first group of the sentence, else the nearest organisation or state."""
        ordered = sorted(mentions, key=lambda m: m.start)
        starts = [m.start for m in ordered]
        found: list[Mention] = []
        for match in self._compound_reference.finditer(text):
            # "the Iran-aligned movement": the noun refers back, the compound's actor stays a mention of its own
            noun = re.sub(r"\s+", " ", match.group("noun").lower())
            before = ordered[:bisect.bisect_left(starts, match.start())]
            actor = self._noun_antecedent(text, match.start(), noun, before, home)
            if actor is not None:
                found.append(Mention(match.start("noun"), match.end("noun"), actor, "reference"))
        by_start = {m.start: m for m in ordered}
        for match in self._reference.finditer(text):
            before = ordered[:bisect.bisect_left(starts, match.start())]
            described = by_start.get(match.end() + 1) if text[match.end():match.end() + 1] == " " else None
            if match.group("noun") and described is not None:
                # "the Islamist group Hayat Tahrir al-Sham": the noun describes the name after it
                found.append(Mention(match.start(), match.end(), described.actor, "reference"))
                continue
            if match.group("pron"):
                # the previous sentence's subject may itself be a reference ("The coalition now controls ... Its fighters")
                earlier = sorted([*before, *(r for r in found if r.end <= match.start())], key=lambda m: m.start)
                actor = self._pronoun_antecedent(text, match.start(), earlier, match.group("pron").lower())
            else:
                noun = re.sub(r"\s+", " ", match.group("noun").lower())
                actor = (self._continued_subject(text, match.start(), noun, before, found)
                         or self._noun_antecedent(text, match.start(), noun, before, home))
            if actor is not None:
                found.append(Mention(match.start(), match.end(), actor, "reference"))
        return found

    def _continued_subject(self, text: str, at: int, noun: str, before: list[Mention], resolved: list[Mention]) -> Actor | None:
        """A sentence-initial "The group" (after a time phrase or not) that continues the previous sentence's
        subject: the actor, or a reference to it, that opens that sentence ("In May its fighters stormed Djibo,
        killing members of the ⟨VDP⟩. The group, ..." is the one "its" meant, not the ⟨VDP⟩ named last)."""
        sentence_start = _sentence_start(text, at)
        if at == 0 or not _TIME_OPENER.fullmatch(text, sentence_start, at) or noun in self.home_nouns:
            return None  # "The group ..." or "On June 1 the group ..."
        previous_start = _sentence_start(text, max(0, sentence_start - 2))
        opening = [m for m in (*before, *resolved) if previous_start <= m.start < min(previous_start + 40, sentence_start)]
        if not opening:
            return None
        first = min(opening, key=lambda m: m.start)
        if first.kind != "collective" and first.actor.type in self._anaphora[noun] \
                and _TIME_OPENER.fullmatch(text, previous_start, first.start):
            return first.actor
        return None

    def _noun_antecedent(self, text: str, at: int, noun: str, before: list[Mention], home: str | None = None) -> Actor | None:
        types = self._anaphora[noun]
        candidates = [m for m in reversed(before) if at - m.end <= self.window and m.actor.type in types
                      and m.kind not in {"reference", "collective"} and not self._modifier_use.match(text, m.end)
                      and not _appositive_owner(text, m)
                      and (noun in self._umbrella_nouns or not self._umbrella_name.search(m.actor.name))]
        if candidates and re.fullmatch(r",\s*", text[candidates[0].end:at]) and _POSSESSIVE_REFERENCE.match(text, at):
            candidates = candidates[1:]  # "the ⟨Majeed Brigade⟩, the group's suicide squad": the group is another
        if noun in self.home_nouns and home is not None and home in self.gazetteer:
            return self.gazetteer.get(home)  # "the country" of a story about one state is that state
        if noun not in self.by_name:
            return candidates[0].actor if candidates else None
        if noun in self.name_only and _PLACE_PREPOSITION.search(text, max(0, at - 8), at):
            return None  # "soldiers at the front", "sent to the front": a place, not the group
        stem = noun.rstrip("s")
        for mention in candidates:  # "the corps": a name whose head word is the noun (not "X of the ... Corps")
            if any(form.lower().split()[-1].rstrip("s") == stem and " of " not in form
                   for form in (mention.actor.name, *mention.actor.aliases) if form.split()):
                return mention.actor
        if noun in self.name_only:  # no looser match: "the front" of a story whose groups are no fronts
            return None
        for mention in candidates:
            if any(stem in form.lower() for form in (mention.actor.name, *mention.actor.aliases)):
                return mention.actor
        return candidates[0].actor if candidates else None

    def _pronoun_antecedent(self, text: str, at: int, before: list[Mention], pronoun: str = "its") -> Actor | None:
        sentence_start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
        if _FOR_ITS_PART.match(text, max(0, at - 4)):
            return None  # "The army, for its part, ...": a turn of phrase, no possession
        same_sentence = [m for m in reversed(before) if m.start >= sentence_start and m.kind not in {"reference", "collective"}
                         and not self._modifier_use.match(text, m.end) and not _appositive_owner(text, m)]
        if pronoun in self.subject_person_pronouns:
            if at <= sentence_start + 1 or not _SUBJECT_IT.match(text, at + len(pronoun)):
                return None  # sentence-initial "He" is read in ``_sentence_references``; "he" as no subject is left
            person = next((m.actor for m in reversed(same_sentence) if m.actor.type == "Person"), None)
            return person or self._previous_subject(text, sentence_start, before, {"Person"}, groups_first=False)
        if pronoun in self.person_pronouns:
            # only as the owner of a relation noun ("Moscow, his main foreign backer"): the nearest person
            if not self._person_pronoun_noun.match(text, at):
                return None
            return next((m.actor for m in same_sentence if m.actor.type == "Person"), None)
        if pronoun == "their" and _COMMON_PLURAL_BEFORE.search(text[max(0, at - 40):at]):
            return None  # "the rebels and their leader": "their" is the rebels', a noun phrase that names no actor
        if same_sentence and re.fullmatch(r",\s*", text[same_sentence[0].end:at]):
            same_sentence = same_sentence[1:]  # "the United States and Britain, its closest ally": not Britain
        elif same_sentence and re.fullmatch(r"\s+and\s+", text[same_sentence[0].end:at]) \
                and same_sentence[0].actor.type != "Person":
            return same_sentence[0].actor  # "sanctions on Iran and its national airline": Iran's
        decided, actor = _coordinate_clause_owner(text, at, before, sentence_start, self.pronoun_types)
        if not decided:
            actor = self._organisation_antecedent(text, at, pronoun, same_sentence, sentence_start, before)
        if actor is not None and actor.type == "ArmedGroup" and self._state_owned_noun.match(text, at + len(pronoun)):
            # "Its president", "its capital": an armed group has none, a state does (a party may have a president)
            state = next((m.actor for m in reversed(same_sentence) if m.actor.type == "Country"), None)
            return state or self._previous_subject(text, sentence_start, before, {"Country"}, groups_first=False)
        return actor

    def _organisation_antecedent(self, text: str, at: int, pronoun: str, same_sentence: list[Mention],
                                 sentence_start: int, before: list[Mention]) -> Actor | None:
        """For "it"/"its"/"their": the sentence's first group, else its body or state, else the previous sentence's."""
        starts = {m.start for m in same_sentence}
        if _CONDITION_BEFORE.search(text, max(0, at - 12), at):
            # "would strike the ⟨SDF⟩ if it does not disarm": a condition is set on the group just named
            nearest = next((m.actor for m in same_sentence if m.actor.type in {"ArmedGroup", "PoliticalOrganization"}), None)
            if nearest is not None:
                return nearest
        for mention in reversed(same_sentence):  # the first group of the sentence: usually its subject
            if mention.actor.type in {"ArmedGroup", "PoliticalOrganization"} \
                    and not (text.startswith("'s ", mention.end) and mention.end + 3 in starts):
                return mention.actor  # not a possessor of the next group ("the ⟨X⟩'s ⟨Sahel Province⟩ ... its")
        if pronoun in self.group_pronouns and re.search(r"\bwhat\s+$", text[max(0, at - 6):at]):
            return None  # "struck what it called terrorist camps": the clause's own subject, a state as often as a group
        if pronoun in self.group_pronouns:  # "it" refers to a group here, never to a state ("Oman said it ...")
            body = next((m.actor for m in reversed(same_sentence) if m.actor.type in {"GovernmentOrganization", "InternationalOrganization"}), None)
            if body is not None and _SUBJECT_IT.match(text, at + len(pronoun)):
                return body  # "the Treasury sanctioned X, and a week later it imposed sanctions on Y": the sentence's body
            if at <= sentence_start + 1 or self._expletive.match(text, at + len(pronoun)):
                return None  # "It was unclear ...": sentence-initial "It" is read in ``_sentence_references``
            return self._previous_subject(text, sentence_start, before, {"ArmedGroup", "PoliticalOrganization"})
        # else the sentence's first organisation or state; "their" is a state's only when its people are meant
        types = self.pronoun_types - {"Country"} if pronoun == "their" else self.pronoun_types
        for mention in reversed(same_sentence):
            if mention.actor.type in types or (mention.actor.type == "Country" and mention.kind == "demonym"):
                return mention.actor
        return None if same_sentence else self._previous_subject(text, sentence_start, before, types)

    def _previous_subject(self, text: str, sentence_start: int, before: list[Mention], types,
                          groups_first: bool = True) -> Actor | None:
        """For "it"/"its" in a sentence that names no fitting actor before it: the first group the sentence
        before names ("Washington listed the Front as ... Its founder"), else that sentence's subject when it
        is of a fitting type."""
        end = len(text[:sentence_start].rstrip())  # the previous sentence ends before the blank lines of a paragraph break
        start = max(text.rfind(". ", 0, max(0, end - 1)), text.rfind("\n", 0, end)) + 1
        previous = [m for m in before if start <= m.start < sentence_start and m.kind != "collective"
                    and not self._modifier_use.match(text, m.end) and not _appositive_owner(text, m)]
        group = next((m.actor for m in previous if m.actor.type in {"ArmedGroup", "PoliticalOrganization"}), None) if groups_first else None
        if group is not None or not previous:
            return group
        return self._subject(text, Sentence(start, sentence_start, ""), previous, frozenset(types))

    # -- references across sentences: "It ...", "He ...", "the two sides", "her government" ---------
    def _sentence_references(self, original: str, text: str, mentions: list[Mention]) -> list[Mention]:
        """References resolved by sentence: a sentence-initial "It"/"He"/"They" to the previous sentence's
        subject, "the two sides"/"both governments" to the two actors of the nearest sentence that names
        exactly two fitting ones, "his government"/"her party" to the state the person leads or the party the
        person belongs to. Left unresolved whenever the antecedent is not clear."""
        ordered = sorted(mentions, key=lambda m: m.start)
        starts = [m.start for m in ordered]
        sentences = split_sentences(original)
        found: list[Mention] = []
        subjects: dict[int, Actor] = {}  # sentence index -> actor of its sentence-initial pronoun
        pairs: list[tuple[Actor, Actor]] = []  # the pairs that pair references resolved to, in order
        for index, sentence in enumerate(sentences):
            inside = ordered[bisect.bisect_left(starts, sentence.start):bisect.bisect_left(starts, sentence.end)]
            pronoun = self._subject_pronoun.match(text, sentence.start)
            if pronoun and index > 0 and not self._inside(sentence.start, inside):
                previous = sentences[index - 1]
                before = ordered[bisect.bisect_left(starts, previous.start):bisect.bisect_left(starts, previous.end)]
                word = pronoun.group("pron").lower()
                pair = self._pair(text, previous, before, self._subject_types[word]) if word == "they" else None
                actor = subjects.get(index - 1) or self._subject(text, previous, before, self._subject_types[word])
                if actor is not None and actor.type not in self._subject_types[word]:
                    actor = None
                if pair:
                    found.append(Mention(pronoun.start("pron"), pronoun.end("pron"), pair[0], "reference", pair[1:]))
                elif actor is not None:
                    subjects[index] = actor
                    found.append(Mention(pronoun.start("pron"), pronoun.end("pron"), actor, "reference"))
            for match in self._pair_reference.finditer(text, sentence.start, sentence.end):
                types = self._pair_types[re.sub(r"\s+", " ", match.group("noun").lower())]
                earlier = [m for m in inside if m.end <= match.start()]
                pair = self._pair(text, Sentence(sentence.start, match.start(), ""), earlier, types)
                if pair and not re.search(r"[,;:]", text[max(m.end for m in earlier if m.actor in pair):match.start()]):
                    pair = None  # "X and Y brokered talks between the two sides": a pair in the same clause is not it
                if pair is None and index > 0:
                    previous = sentences[index - 1]
                    before = ordered[bisect.bisect_left(starts, previous.start):bisect.bisect_left(starts, previous.end)]
                    if len(self._distinct(earlier, types)) < 2:
                        pair = (self._pair(text, previous, before, types)
                                or self._joined_pair(text, sentences[max(0, index - PAIR_LOOKBACK):index], ordered, starts, types)
                                or (None if self._distinct(earlier, types) else
                                    next((p for p in reversed(pairs) if p[0].type in types and p[1].type in types), None)
                                    or self._main_pair(ordered[:bisect.bisect_left(starts, match.start())], types)))
                if pair:
                    pairs.append(pair)  # "the two generals ... both commanders": a later pair reference may mean the same
                    found.append(Mention(match.start(), match.end(), pair[0], "reference", pair[1:]))
            for match in self._owned_body.finditer(text, sentence.start, sentence.end):
                # the owner is the sentence's first person, else the previous sentence's subject
                person = next((m.actor for m in inside if m.end <= match.start() and m.actor.type == "Person"), None)
                if person is None and index > 0:
                    previous = sentences[index - 1]
                    before = ordered[bisect.bisect_left(starts, previous.start):bisect.bisect_left(starts, previous.end)]
                    person = subjects.get(index - 1) or self._subject(text, previous, before, frozenset({"Person"}))
                actor = self._person_body(match.group("noun").lower(), person) if person is not None else None
                if actor is not None:
                    found.append(Mention(match.start(), match.end(), actor, "reference"))
        return found

    def _joined_pair(self, text: str, sentences: list[Sentence], ordered: list[Mention], starts: list[int],
                     types: frozenset[str]) -> tuple[Actor, Actor] | None:
        """The most recent pair of fitting actors that earlier sentences join ("⟨A⟩ and ⟨B⟩", "between ⟨A⟩ and ⟨B⟩",
        "⟨A⟩-⟨B⟩ talks"): what "the two sides" most often points back to."""
        for sentence in reversed(sentences):
            inside = [m for m in ordered[bisect.bisect_left(starts, sentence.start):bisect.bisect_left(starts, sentence.end)]
                      if m.actor.type in types and m.kind not in {"reference", "collective"}]
            runs: list[list[Mention]] = []  # mentions joined into lists: "⟨A⟩, ⟨B⟩ and ⟨C⟩" is no pair
            for mention in inside:
                if runs and _LIST_JOIN.fullmatch(text[runs[-1][-1].end:mention.start]):
                    runs[-1].append(mention)
                else:
                    runs.append([mention])
            for run in reversed(runs):
                if len(run) == 2 and run[0].actor.id != run[1].actor.id and _PAIR_JOIN.fullmatch(text[run[0].end:run[1].start]):
                    return run[0].actor, run[1].actor
        return None

    @staticmethod
    def _main_pair(before: list[Mention], types: frozenset[str]) -> tuple[Actor, Actor] | None:
        """The two fitting actors the article has named most often so far, when they clearly stand out (each
        named at least twice, the second more often than the third, or named near the first more often than
        the third is): the sides of the story's conflict."""
        fitting = [m for m in before if m.actor.type in types and m.kind != "collective"]
        counts: dict[str, int] = {}
        actors: dict[str, Actor] = {}
        for mention in fitting:
            counts[mention.actor.id] = counts.get(mention.actor.id, 0) + 1
            actors[mention.actor.id] = mention.actor
        ranked = sorted(counts, key=lambda a: -counts[a])
        if len(ranked) < 2 or counts[ranked[1]] < 2:
            return None
        rivals = [a for a in ranked[1:] if counts[a] == counts[ranked[1]]]
        if len(rivals) > 1:  # a tie for second place: the one named near the first more often
            near = {a: sum(1 for m in fitting if m.actor.id == a for n in fitting
                           if n.actor.id == ranked[0] and abs(m.start - n.start) <= PAIR_NEAR) for a in rivals}
            best = sorted(rivals, key=lambda a: -near[a])
            if near[best[0]] == near[best[1]]:
                return None
            return actors[ranked[0]], actors[best[0]]
        return actors[ranked[0]], actors[ranked[1]]

    @staticmethod
    def _distinct(mentions: list[Mention], types: frozenset[str]) -> list[Actor]:
        actors: dict[str, Actor] = {}
        for mention in mentions:
            if mention.actor.type in types and mention.kind not in {"reference", "collective"}:
                actors.setdefault(mention.actor.id, mention.actor)
        return list(actors.values())

    def _pair(self, text: str, sentence: Sentence, inside: list[Mention], types: frozenset[str]) -> tuple[Actor, Actor] | None:
        """The two actors of fitting types a sentence names, if it names exactly two (a mediator or host of
        another type does not count: "talks between X and Y hosted by Z")."""
        actors = self._distinct(inside, types)
        return (actors[0], actors[1]) if len(actors) == 2 else None

    def _subject(self, text: str, sentence: Sentence, inside: list[Mention], types: frozenset[str]) -> Actor | None:
        """The subject of a sentence: its first mention of a fitting type, when only a few words (a title, a
        date) stand before it and, for a group or state, when it is not a possessive ("Iran's envoy")."""
        for mention in inside:
            if mention.kind == "collective":
                return None
            if mention.actor.type not in types:
                if mention.actor.type == "Person" or mention.kind == "demonym" or text.startswith(("'s ", "' "), mention.end):
                    continue  # "Chad's President X", "Iranian envoy X": the person may still be the subject
                return None
            lead = text[sentence.start:mention.start]
            if len(lead.split()) > 8 or (mention.actor.type != "Person" and text.startswith(("'s ", "' "), mention.end)):
                return None
            return mention.actor
        return None

    def _person_body(self, noun: str, person: Actor) -> Actor | None:
        """"her government": the state the person leads; "his party": the one party the person belongs to."""
        if person.type != "Person":
            return None
        if noun in self._owned_government:
            return self.gazetteer.led_state(person)
        parties = {r.org for r in person.roles if r.org in self.gazetteer and r.end is None
                   and self.gazetteer.get(r.org).type == "PoliticalOrganization"}
        return self.gazetteer.get(parties.pop()) if len(parties) == 1 else None

    # -- the state behind "the army", "the government" ---------------------------------------------
    def _state_forces(self, gazetteer: Gazetteer) -> dict[tuple[str, str], Actor]:
        """(country id, noun) -> the gazetteer body a bare "the army" / "the military" / "the armed forces"
        names in an article about that country: the body named "<demonym> army", "<country>'s military" ..."""
        forces: dict[tuple[str, str], Actor] = {}
        nouns = [n.lower() for n in self.cues.get("state_force_nouns", [])]
        for country in (a for a in gazetteer.actors.values() if a.type == "Country"):
            names = [country.name, *country.aliases, *country.demonyms]
            for noun in nouns:
                for name in names:
                    body = gazetteer.lookup(f"{name} {noun}") or gazetteer.lookup(f"{name}'s {noun}")
                    if body is not None and body.type == "GovernmentOrganization":
                        forces[(country.id, noun)] = body
                        break
            for noun in nouns:  # "the Congolese army" of a state whose data list no "<demonym> army" form
                derived = gazetteer.national_forces.get((country.id, noun.title()))
                if (country.id, noun) not in forces and derived is not None:
                    forces[(country.id, noun)] = gazetteer.get(derived)
            found = [forces[(country.id, n)] for n in nouns if (country.id, n) in forces]
            for noun in nouns:  # "the army" of a state whose one body is its "military", and the reverse
                if found and (country.id, noun) not in forces and len({a.id for a in found}) == 1:
                    forces[(country.id, noun)] = found[0]
        return forces

    def _home_country(self, mentions: list[Mention], headline_end: int = 0, dateline: str | None = None) -> str | None:
        """The state an article is about: the state of the dateline's capital if the text names it at least
        ``dateline_min_mentions`` times; else the country named most often (by name, demonym, capital, one of
        its bodies or its head of state or government), a headline mention counting three times, if named
        at least twice and clearly more often than any other state.

        >>> from graph.gazetteer import Actor, Gazetteer
        >>> from graph.extract.cues import load_cues
        >>> gaz = Gazetteer({"mali": Actor("mali", "Country", "Mali"), "niger": Actor("niger", "Country", "Niger")})
        >>> finder = MentionFinder(gaz, load_cues()["mentions"], load_cues()["titles"])
        >>> finder._home_country([Mention(0, 4, gaz.get("mali"), "name")] * 3 + [Mention(9, 14, gaz.get("niger"), "name")])
        'mali'
        >>> finder._home_country([Mention(0, 4, gaz.get("mali"), "name")] * 3 + [Mention(9, 14, gaz.get("niger"), "name")] * 3)
        """
        counts: dict[str, int] = {}
        for mention in mentions:
            actor = mention.actor
            if mention.kind in {"reference", "collective"}:
                continue
            if actor.type == "Person":
                state = self.gazetteer.led_state(actor)
                country = state.id if state is not None else None
            else:
                country = actor.id if actor.type == "Country" else actor.country if actor.type == "GovernmentOrganization" else None
            if country:
                counts[country] = counts.get(country, 0) + (3 if mention.end <= headline_end else 1)
        if not counts:
            return None
        if dateline is not None and counts.get(dateline, 0) >= max(self.dateline_min, self.dateline_share * max(counts.values())) \
                and dateline in self.gazetteer:
            return dateline  # the story is filed from this state's capital and is about it, not just a venue
        lead = _lead_state(mentions, headline_end)
        if lead is not None and counts[lead] >= LEAD_SHARE * max(counts.values()) and lead in self.gazetteer:
            return lead  # the headline and the lede both name it first: the story's state ("Myanmar junta heads to polls")
        best = max(counts, key=lambda c: counts[c])  # dicts keep first-seen order: ties go to the first named
        runner_up = max((n for c, n in counts.items() if c != best), default=0)
        # an article about two states ("Israel strikes Lebanon") has no one home state
        if counts[best] < 2 or counts[best] < HOME_MARGIN * runner_up or best not in self.gazetteer:
            return None
        return best

    def _dateline_state(self, text: str) -> str | None:
        """The state whose capital opens the dateline ("BEIRUT, August 29, 2025"; "KINSHASA (Reuters) -").

        >>> from graph.gazetteer import Actor, Gazetteer
        >>> from graph.extract.cues import load_cues
        >>> gaz = Gazetteer({"lebanon": Actor("lebanon", "Country", "Lebanon", capital="Beirut")})
        >>> MentionFinder(gaz, load_cues()["mentions"], load_cues()["titles"])._dateline_state("Title\\n\\nBEIRUT, May 2\\n")
        'lebanon'
        """
        match = _DATELINE.search(text[:400])
        if match is None:
            return None
        actor = self.gazetteer.lookup(match.group("city").title())
        if actor is None or actor.type != "Country":  # "MAIDUGURI, Nigeria, May 14": the state follows the city
            actor = self.gazetteer.lookup(match.group("state") or "")
        return actor.id if actor is not None and actor.type == "Country" else None

    def _state_references(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """A state's armed forces and government named without the state: "the army", "army positions",
        "Congolese army" (a demonym before the noun), "the military", "the junta", "the government",
        "Petro's government" (the government a leader heads). "The army" is the state body named most
        recently as a state's forces, else the forces of the article's state (``_home_country``)."""
        mentions = sorted(mentions, key=lambda m: m.start)
        home = self._home_country(mentions, text.find("\n"), self._dateline_state(text))
        by_end = {m.end: m for m in mentions}
        new: list[Mention] = []
        for mention in mentions:  # "Petro's government" is Colombia: "'s government" names it, Petro stays
            if mention.actor.type == "Person" and mention.kind != "reference":
                match = self._leader_government.match(text, mention.end)
                state = self.gazetteer.led_state(mention.actor)
                if match and state is not None:
                    new.append(Mention(mention.end, match.end(), state, "reference"))
        headline_state = next((m.actor.id for m in mentions if m.end <= text.find("\n") and m.actor.type == "Country"), None)
        for match in self._state_force.finditer(text):
            noun = re.sub(r"\s+", " ", match.group("noun").lower())
            owner = self._owner(text, match.start(), by_end)
            held = _STATE_POSSESSIVE_BEFORE.search(text, max(0, match.start() - 40), match.start())
            state = by_end.get(held.end("token")) if owner is None and held is not None else None
            if state is not None and state.actor.type == "Country":
                # "India's deputy army chief": that state's army, never the one a bare "army" would name
                body = self._forces.get((state.actor.id, noun))
                if body is not None and _FORCE_TITLE_AFTER.match(text, match.end()):  # not "Ukraine's largest military backer"
                    new.append(Mention(match.start(), match.end(), body, "discovered"))
                continue
            if owner is not None and owner.actor.type == "Country" and not match.group("the"):
                body = self._forces.get((owner.actor.id, noun))  # "Rwandan army", "Myanmar's military"
                if body is not None and owner.kind in {"demonym", "name", "alias"} \
                        and not _FORCES_RULER.match(text, match.end()):
                    new.append(Mention(owner.start, match.end(), body, "discovered"))
                continue
            if not self._bare_force(text, match, noun):
                continue
            # the forces named in the last few sentences, else the article's state's ("the army" of a Congo story)
            recent = [m.actor for m in mentions if match.start() - self.window <= m.end <= match.start() and m.actor.id in self._force_ids]
            # else the one state's forces the story named, if the headline names that state first
            earlier = {m.actor.id: m.actor for m in (*mentions, *new) if m.end <= match.start() and m.actor.id in self._force_ids}
            named = next(iter(earlier.values())) if len(earlier) == 1 else None
            # a state under military rule that the article names: "the military" there is its ruler's forces
            owner_state = self._ruled_state(match.start(), mentions, home)
            body = recent[-1] if recent else self._forces.get((owner_state, noun)) if owner_state else \
                named if named is not None and named.country == headline_state else None
            if body is not None:
                new.append(Mention(match.start(), match.end(), body, "reference"))
        for match in _GOVERNMENT_FORCES.finditer(text):
            # "government forces", "federal troops" act for the story's state, as "Syrian forces" do for Syria
            owner = self._owner(text, match.start(), by_end)
            if home and (owner is None or owner.actor.type != "Country"):
                new.append(Mention(match.start(), match.end(), self.gazetteer.get(home), "reference"))
        for match in self._state_government.finditer(text):
            if match.group("noun").lower() in self._junta_nouns:
                ruler = self._junta(match.start(), mentions, home)
            else:
                ruler = self.gazetteer.get(home) if home else None
            if ruler is not None:
                new.append(Mention(match.start(), match.end(), ruler, "reference"))
        for match in self._junta_modifier.finditer(text):  # "junta troops", "junta aircraft"
            ruler = self._junta(match.start(), mentions, home)
            if ruler is not None:
                new.append(Mention(match.start(), match.end(), ruler, "reference"))
        return self._merge(mentions, new)

    def _ruled_state(self, at: int, mentions: list[Mention], home: str | None) -> str | None:
        """The military-ruled state the article names (the one named last before ``at`` when it names several),
        else the article's state."""
        ruled = [m for m in mentions if m.actor.type == "Country" and m.actor.id in self._junta_states]
        states = {m.actor.id for m in ruled}
        earlier = [m.actor.id for m in ruled if m.start < at]
        return (next(iter(states)) if len(states) == 1 else earlier[-1] if earlier else None) or home

    def _junta(self, at: int, mentions: list[Mention], home: str | None) -> Actor | None:
        """Who "the junta" at ``at`` is: the state of ``_ruled_state``, or its forces where its junta is its army."""
        state = self._ruled_state(at, mentions, home)
        if state is None:
            return None
        army = self._forces.get((state, "military")) or self._forces.get((state, "army"))
        return army if state in self._army_juntas and army is not None else self.gazetteer.get(state)

    @staticmethod
    def _owner(text: str, at: int, by_end: dict[int, Mention]) -> Mention | None:
        """The mention right before ``at`` ("Rwandan army", "Myanmar's military"), if any."""
        if text[at - 1:at] != " ":
            return None
        if text[at - 3:at - 1] == "'s":
            return by_end.get(at - 3)
        return by_end.get(at - 1)

    def _bare_force(self, text: str, match: re.Match, noun: str) -> bool:
        """Whether "army" / "the military" here names a state's forces: not part of a name ("the
        National Army"), not someone's army ("its army", "a rebel army"), and "military" as a noun
        ("the military said", not "the military operation")."""
        before = text[max(0, match.start() - 30):match.start()].split()
        previous = before[-1] if before else ""
        if not match.group("the"):
            if noun != "army" or (previous[:1].isupper() and not previous.endswith((".", ",", ":"))) \
                    or previous.lower() in self._force_blockers:
                return False
        elif noun != "army" and match.group("noun")[:1].isupper() and previous[:1].isupper():
            return False
        if re.match(r"\s+of\b", text[match.end():match.end() + 4]):
            return False  # "the army of ...": the name that follows says whose
        if noun == "military":
            rest = text[match.end():match.end() + 30]
            if re.match(r"(?:'s|')?\s*[,.;:)\"]|'s\b", rest):
                return True
            word = (rest.split() or [""])[0].lower().strip(",.;:\"")
            return word in self._verbish or word.endswith("ed")
        return True

    def _with_context_role(self, text: str, match: re.Match, actor: Actor, home: str, known: list[Mention]) -> Actor:
        """A discovered person after a bare government title ("Defence Minister Ivan Velasquez" with no
        state named before the title) holds that office in the article's state (ANNOTATION.md officials):
        the title rules resolve the bare title through this role."""
        title = re.sub(r"\s+", " ", match.group("trigger")).lower()
        relation = self._title_relation.get(title)
        if title not in self.context_titles or relation is None:
            return actor
        start = match.start()
        portfolio = _PORTFOLIO.search(text, max(0, start - 40), start) if title in {"minister", "secretary"} else None
        if portfolio and not self.gazetteer.lookup(portfolio.group().strip()):
            start = portfolio.start()  # "Communications Minister X": a ministry's portfolio, not its state
        lead = text[max(0, start - 40):start]
        if any(start - 3 <= m.end <= start for m in known):
            return actor  # "Rwandan Foreign Minister X": the state is named
        previous = lead.split()[-1] if lead.split() else ""
        if previous[:1].isupper() and not previous.endswith((".", ",", ":", '"')) or previous.endswith(("'s", "'")):
            return actor  # "Interim Defence Minister X", "the country's Foreign Minister X": the owner is named
        after = re.match(r"\s+of\s+(?:the\s+)?", text[match.end():match.end() + 12])
        if after and any(m.start == match.end() + after.end() for m in known):
            return actor  # "Lieutenant General X of India": the state follows the name
        whose = re.search(r",\s+whose\s+$", lead)
        if whose:
            comma = start - len(lead) + whose.start()
            owner = next((m.actor for m in known if m.end == comma), None)
            if owner is None or owner.type != "Country":
                return actor  # "the group, whose leader X": not the article's state
            home = owner.id  # "Trinidad and Tobago, whose Prime Minister X"
        state = self._listed_officials_state(text, start, known) or home
        return Actor(actor.id, actor.type, actor.name, discovered=True,
                     roles=(Role(match.group("trigger"), state, relation),))

    def _listed_officials_state(self, text: str, start: int, known: list[Mention]) -> str | None:
        """The state of an earlier official in the same sentence, named with a title ("Venezuelan Interior
        Minister X said ..., and Communications Minister Y ..."): a list of one government's officials."""
        sentence_start = _sentence_start(text, start)
        for mention in sorted((m for m in known if sentence_start <= m.start and m.end <= start), key=lambda m: -m.start):
            if mention.actor.type == "Country" and _STATE_TITLE_AFTER.match(text, mention.end):
                return mention.actor.id
        return None

    def _after_listed_name(self, text: str, start: int, name: str, known_ends: set[int]) -> str:
        """"the TTP and the Baloch Liberation Army": the name is what follows the "and" when a known
        name ends right before it."""
        for part in re.finditer(r"\s+and\s+(?:the\s+)?", name):
            if start + part.start() in known_ends or re.search(r"\b[A-Z]{2,}$", name[:part.start()]):
                return name[part.end():]
        return name

    def _split_compound(self, text: str, mention: Mention) -> list[Mention]:
        """A gazetteer form that embeds another actor or a title is split so that rules see both:
        "Yemen's Houthis" -> Yemen + Houthis, "Quds Force of Iran's Revolutionary Guards" -> Quds Force +
        Iran + Revolutionary Guards, "US President Donald Trump" -> US + Donald Trump."""
        surface = text[mention.start:mention.end]
        for pattern, head_group, other_group in self._compound_patterns:
            if other_group == "pre" and "(?:(?P<pre>" in pattern.pattern and mention.actor.type != "Person":
                continue  # titles split persons only
            match = pattern.match(surface)
            if not match:
                continue
            other = match.group(other_group) if other_group else None
            others = self._whole_matches(text, mention.start + match.start(other_group), mention.start + match.end(other_group)) if other else []
            if other and not others:
                continue
            if any(o.actor.id == mention.actor.id for o in others):
                continue
            named = self.gazetteer.lookup(match.group(head_group))
            if other_group == "post" and (named is None or named.id != mention.actor.id):
                continue  # "Heart of Moldova" is one name; "Quds Force of Iran's Revolutionary Guards" names the force twice
            head = Mention(mention.start + match.start(head_group), mention.start + match.end(head_group),
                           mention.actor, mention.kind)
            return sorted([head, *[p for o in others for p in self._split_compound(text, o)]], key=lambda m: m.start)
        return [mention]

    def _whole_matches(self, text: str, start: int, end: int) -> list[Mention]:
        """Gazetteer mentions covering exactly ``text[start:end]`` (one, or several with only spaces between)."""
        found = self.gazetteer.find(text[start:end])
        if not found or found[0].start != 0 or found[-1].end != end - start:
            return []
        return [Mention(start + m.start, start + m.end, self.gazetteer.get(m.actor_id), m.kind) for m in found[:1]] \
            if len(found) == 1 else []

    # -- helpers ---------------------------------------------------------------------------------
    def _trim_name(self, name: str) -> str:
        """Drop trailing particles and non-name words, and leading ranks, from a captured name; '' when too short."""
        name = self._leading_honorifics.sub("", name)
        words = name.split()
        owner_end = next((i for i, w in enumerate(words) if w.endswith(("'s", "\u2019s"))), None)
        if owner_end is not None:  # "Colonel Musa's Northern Front": the person is the owner, not the whole
            words = words[:owner_end] + [words[owner_end][:-2]]
        while words and (words[-1].lower() in {"al", "bin", "ibn", "de", "abu"} or words[-1] in self.not_names):
            words.pop()
        while words and words[0] in self.not_names:
            words.pop(0)
        return " ".join(words) if len(words) >= 2 else ""

    def _personal_name(self, name: str) -> bool:
        """Whether a name before ", who" is a person's: no organisation head word, no generic modifier, no
        demonym or state name inside ("Abu Baqir al-Saadi", not "Syrian Democratic Forces")."""
        words = name.split()
        return bool(words) and not any(w in self._head_type or w in self.generic or w in self.not_names
                                       or self.gazetteer.lookup(w) is not None for w in words)

    def _trim_org(self, name: str) -> str:
        words = name.split()
        for index in range(1, len(words) - 2):  # "Members of the 444 Brigade", not "Army of the Men of ..."
            if words[index] == "of" and words[index + 1] == "the" and words[index - 1] not in self._of_heads:
                words = words[index + 2:]
                break
        while words and (words[0] in {"The", "the", "of", "and", "for"} | self.not_names - {"Islamic", "National"}
                         or re.fullmatch(r"(?:19|20)\d\d", words[0])):  # "In 2024 Parliament": no name
            words.pop(0)
        return " ".join(words)

    def _is_org_name(self, name: str) -> bool:
        words = name.split()
        modifiers = [w for w in words[:-1] if w[0].isupper() or w[0].isdigit()]
        return bool(modifiers) and not all(w in self.generic for w in modifiers)

    @staticmethod
    def _inside(start: int, known: list[Mention]) -> bool:
        return any(m.start <= start < m.end for m in known)

    def _phrase_before(self, text: str, end: int) -> str:
        """The capitalised phrase that ends at ``end`` ("Estado Mayor Central"), if it looks like a name."""
        segment = text[max(0, end - 120):end]
        words = segment[segment.rfind("\n") + 1:].split()  # a name does not run across lines
        phrase: list[str] = []
        for word in reversed(words):
            if word[-1] in ",.;:" or not self._phrase_token.match(word):
                break
            phrase.insert(0, word)
        while phrase and (phrase[0][0].islower() or phrase[0] in {"The"}):
            phrase.pop(0)
        owner = next((i for i, w in enumerate(phrase) if w.endswith(("'s", "’s"))), None)
        if owner is not None:
            phrase = phrase[owner + 1:]  # "Dbeibah's Government of National Unity (GNU)": the owner is no part of the name
        # "Fighters of the Estado Mayor Central": the name starts after the last "of"/"the" when what
        # follows is itself a name of two or more words
        for index in range(len(phrase) - 1, 0, -1):
            if phrase[index] == "of" and phrase[index - 1] in self._of_heads:
                break  # "Government of National Unity", "Council of Ministers": one name
            if phrase[index] in {"of", "the"}:
                tail = phrase[index + 1:]
                if sum(w[0].isupper() for w in tail) >= 2:
                    phrase = tail
                break
        capitalised = [w for w in phrase if w[0].isupper()]
        return " ".join(phrase) if len(capitalised) >= 2 else ""

    def _phrase_type(self, name: str) -> str:
        """The actor type of a discovered name by its head word: the last word, or the word before "of"
        ("Government of National Unity"); an armed group when neither is a known head."""
        words = name.split()
        if "of" in words and words.index("of") > 0:
            head = words[words.index("of") - 1]
            if head in self._of_heads:
                return self._of_heads[head]
        return self._of_heads.get(words[-1], "ArmedGroup")  # "Kurdistan Regional Government (KRG)"

    @staticmethod
    def _merge(mentions: list[Mention], new: list[Mention]) -> list[Mention]:
        """Add ``new`` mentions: one that strictly contains existing non-person mentions replaces them;
        one that overlaps anything else is dropped."""
        result = sorted(mentions, key=lambda m: m.start)
        for candidate in sorted(new, key=lambda m: (m.start, -(m.end - m.start))):
            overlapping = [m for m in result if m.start < candidate.end and candidate.start < m.end]
            if not overlapping:
                result.append(candidate)
            elif candidate.kind in {"discovered", "collective"} and all(
                candidate.start <= m.start and m.end <= candidate.end and (m.end - m.start) < (candidate.end - candidate.start)
                and m.actor.type != "Person" and (candidate.kind == "discovered" or m.kind == "reference")
                for m in overlapping
            ):  # "Defence Minister Israel Katz" over "Israel"; "the militia leaders" over "the militia"
                result = [m for m in result if m not in overlapping] + [candidate]
            else:
                continue
            result.sort(key=lambda m: m.start)
        return result


