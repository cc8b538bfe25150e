"""The relation rule engine: cue patterns over a sentence whose mentions are typed placeholders.

Each sentence is rewritten with every mention replaced by a token ``⟨<index><type>⟩`` (type C country,
G state body, A armed group, O political organisation, I international organisation, P person; a
country named by its demonym gets ``d``, by its capital ``c``; a reference like "the group" gets ``r``):

    "Iran-backed Kataib Hezbollah struck US bases"  ->  "⟨0C⟩-backed ⟨1A⟩ struck ⟨2Cd⟩ bases"

Rules of ``rules/*.yaml`` are regexes over that text with slots for mentions:

- ``{A:ORG}`` one mention of a class (``CLASSES``), ``{A+:ORG}`` a coordinated list ("A, B and C"),
  ``{A&:ORG}`` one whose members take no article of their own (a list under a possessive);
- gaps of up to N words, lazy so that slots bind first: ``{~N}`` plain words (a mention used as a
  modifier counts as a word: "⟨Iranian⟩ nuclear sites", "⟨Iran⟩-backed", "⟨Iran⟩'s"), ``{*N}`` any words,
  ``{-N}`` adjectives (no "and", no comma), ``{=N}`` no oblique preposition ("in", "at", "from" ...),
  ``{!N}`` no auxiliary (active voice only), ``{^N}`` capitalised title words ("Prime Minister"),
  ``{%N}`` plain words that do not open a time clause ("after", "before", "since" ...);
  ``{;N}`` plain words that stay in the clause (none ends in a comma);
  no gap crosses a clause word of ``gap_stops`` ("but", "which" ...);
- ``{REL}`` an optional relative clause or parenthesis after a mention, ``{APPOS}`` an apposition;
- ``{@list}`` a word list of the file, ``{<@list}`` not right after one of its words ("push" before "back");
  a space is whitespace (a comma may precede it).

A rule names its ``subject`` and ``object`` slots (each member of a list slot gives a claim) or a
``pairwise`` list slot (every pair of its members: "talks between A, B and C"), plus a ``subject``
(a host or mediator) that meets each of them. ``scope: match`` marks a relation inside a noun
phrase ("the Iran-backed X"): the clause around it cannot negate or suspend it. A subject that is
embedded in a prepositional phrase ("commanded by General ⟨3⟩, have been ...") is rejected. Title rules
(``titles.yaml``) are built in here too: "<org or country> <title> <person>", "<person>, <title> of <org>".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from graph.errors import DataFileError
from graph.gazetteer import Actor

TYPE_CODES = {"Country": "C", "GovernmentOrganization": "G", "ArmedGroup": "A", "PoliticalOrganization": "O",
              "InternationalOrganization": "I", "Person": "P"}
KIND_FLAGS = {"demonym": "d", "capital": "c", "reference": "r", "collective": "k"}
CLASSES = {
    "ANY": r"[CGAOIP][dcrk]?",
    "ACTOR": r"[CGAOI][dcrk]?",
    "ORG": r"[GAOI][rk]?",
    "GROUP": r"[AO][rk]?",
    "ARMED": r"A[rk]?",
    "NONSTATE": r"[AOP][rk]?",
    "STATE": r"C[dcr]?",
    "COUNTRY": r"C[dr]?",
    "PLACE": r"Cd?",
    "CAPITAL": r"Cc",
    "REF": r"[CGAOIP]r",
    "PER": r"Pr?",
    "AGENT": r"[CGAOIP][dcrk]?",
    "NAMED": r"(?:[GAOIP][rk]?|C[cr]?)",
    "TARGET": r"(?:[GAOIP][rk]?|C[dr]?)",
    "COLLECTIVE": r"Ak",
}
# PARTY: any actor, a demonym too ("alongside ⟨Russian⟩ forces") unless it qualifies a name after it
# ("an ally of the ⟨Afghan⟩ ⟨Taliban⟩", "⟨Syrian⟩ President ⟨X⟩"). Spelled out in full: it needs a lookahead.
PARTY_TOKEN = r"(?:⟨\d+(?:[GAOIP][rk]?|C[cr]?)⟩|⟨\d+Cd⟩(?!\s+(?:⟨|(?-i:[A-Z]))))"
# TARGET: anything but a capital (a place), and not a demonym that qualifies a title or name after it
# ("struck ⟨Somali⟩ President ⟨P⟩'s motorcade" targets the president).
TARGET_TOKEN = r"(?:⟨\d+(?:[GAOIP][rk]?|Cr?)⟩|⟨\d+Cd⟩(?!\s+(?:⟨|(?-i:[A-Z])))|⟨\d+Cc⟩(?='s\s|'\s))"  # a capital's suburbs: its state
# HOST: a named actor, or a state by its demonym before its officials ("talks hosted by ⟨Chinese⟩ officials")
# or as a broker ("⟨Chinese⟩-mediated talks").
HOST_TOKEN = (r"(?:⟨\d+(?:[GAOIP][rk]?|C[cr]?)⟩|⟨\d+Cd⟩(?=\s+(?:officials|mediators|diplomats|negotiators|envoys|"
              r"authorities|government)\b|-(?:mediated|brokered|hosted|facilitated)\b))")  # "⟨Chinese⟩-mediated talks"
HEAD_TITLES = r"(?:leader|chief|commander|spokesman|spokeswoman|official|head|founder|envoy|minister|secretary-general|deputy)"
# Words that show a mention is not the subject of the clause that follows it ("in Baghdad killed ...").
_NOT_SUBJECT = "".join(rf"(?<!\b{w}\s)" for w in ("in", "at", "near", "from", "into", "inside", "to", "via", "across",
                                                   "through", "towards", "toward", "with", "in the", "at the", "from the",
                                                   "near the", "to the", "across the", "with the", "in central",
                                                   "in northern", "in southern", "in eastern", "in western",
                                                   "in downtown", "outside", "in the capital", "visit to",
                                                   "in neighbouring", "in neighboring",
                                                   # "blamed the ⟨Jordan⟩ attack on ⟨X⟩": the place of an attack
                                                   "blamed the", "blames the", "blaming the", "blame the",
                                                   # "a task force reporting to Prime Minister ⟨P⟩ carried out strikes"
                                                   "to President", "to Prime Minister", "to the President",
                                                   "to the Prime Minister", "to General", "to Defence Minister",
                                                   "to Defense Minister"))
# A slot at the end of a pattern is not a possessor or the first part of a compound ("⟨0⟩'s", "⟨0⟩-backed");
# a target may be ("struck ⟨Israel⟩'s airport", "the ⟨Houthi⟩-held port").
# A mention right against the next one owns it ("⟨Petro⟩⟨'s government⟩"): the owned one is the actor meant.
_NO_OWNED = r"(?!⟨)"
_END = (r"(?!'s|'|-|\s+(?:(?-i:[a-z])[\w-]*\s+)?(?:leader|chief|commander|spokesman|spokeswoman|official|head|"
        r"founder|envoy|minister|president|secretary-general|deputy)\s)")
_END_TARGET = r"(?!-(?!held|controlled|run|occupied|ruled|dominated)\w)"
SPACE = r"(?:(?<=\s)|,?\s+)"
TOKEN = re.compile(r"⟨(\d+)[A-Z][a-z]?⟩")
_SLOT = re.compile(r"\{(?P<name>[A-Za-z]\w*)(?P<list>[+&])?:(?P<cls>[A-Z]+)\}")
_GAP = re.compile(r"\{(?P<kind>[~*=!^%;-])(?P<n>\d+)\}")
# The words that introduce another name: ", known as the BLA,", ", alias "Pipo","
ALIAS_OPENER = r"(?:alias|aka|(?:also\s+|better\s+)?known\s+as)"
# An apposition after a mention: ", the Lebanese movement," / ", its closest ally," / another name
# (its mentions are not members of a list slot).
APPOSITION = (r"(?:\s*,\s+(?:the|a|an|its|their|his|her|one\s+of|once|now|also|formerly|" + ALIAS_OPENER + r"|⟨\d+[A-Z][a-z]?⟩(?:'s|')|⟨\d+[A-Z]r⟩"
              # a title after the body it heads: ", ⟨Pakistan's army⟩ chief,"
              r"|⟨\d+[GAOI][a-z]?⟩(?=\s+(?:chief|head|leader|commander|spokesman|spokeswoman)\s*,))\s+[^,;]{1,80}?(?=,))?")
# A relative or participial clause after a mention: ", which the department says," / ", founded in 2013,".
RELATIVE = (r"(?:\s*,\s+(?:(?:which|who|whom|whose(?!\s+(?:[\w-]+\s+){0,2}?[\w-]+\s*,)|founded|based|known|led|once|also|the|a|an|one|another|"
            r"commanded|headed|run|backed|supported|funded|armed|formed|created|established|set\s+up|controlled|"
            r"named|called|dubbed|chaired|"
            r"⟨\d+[A-Z][a-z]?⟩(?:'s|'))\b(?:(?!\band\s+whose\b|,\s+(?:yet|but|while|whereas)\s)[^;]){0,160}?|(?:[^;⟨⟩,]|⟨\d+[A-Z]r⟩){1,60}"
            # a title apposition without a comma inside: ", head of ⟨Egypt⟩'s ⟨GIS⟩,"
            r"|(?:head|chief|leader|commander|director|spokesman|spokeswoman|envoy)\s+of\s+[^;,]{1,80}?),(?!\s+(?:yet|but)\s))?"
            # a relative clause that carries the relation itself: ", which (the department says) receives ..."
            r"(?:\s*,?\s+(?:which|who|that)\s+(?:(?:[^\s,;]+\s+){0,3}?(?:says?|said|claims?|claimed|believes?|"
            r"believed|thinks?|argues?|alleges?|alleged|insists?|reports?|reported)\s+)?)?")
ARTICLE = r"(?:(?<![\w⟩])the\s+)?"  # a slot may open with "the" ("said the ⟨Front⟩ would pay")
# ... and a person's lower-case title ("held meetings with junta chief ⟨P⟩", "struck rebel commander ⟨P⟩")
LOWER_TITLE = (r"(?-i:(?:[a-z][\w-]*\s+)?(?:chief|leader|commander|president|minister|envoy|spokesman|spokeswoman|"
               r"general|head|premier|ruler|strongman|boss|negotiator|counterpart|mediator|ambassador))\s+(?=⟨\d+P)")
CONJUNCTION = r"(?:and(?:\s+(?:also\s+)?with)?|or|as\s+well\s+as|along\s+with|together\s+with|plus)"
COMPASS = (r"(?:northern|southern|eastern|western|central|northwestern|northeastern|southwestern|southeastern|"
           r"north|south|east|west)")
_APPOSITION_IN_SLOT = re.compile(APPOSITION[3:-8] + "(?=,|$)")
_LIST = re.compile(r"\{@(?P<name>[\w-]+)\}")
_NOT_AFTER_LIST = re.compile(r"\{<@(?P<name>[\w-]+)\}")


def placeholder(index: int, actor_type: str, kind: str) -> str:
    flag = KIND_FLAGS.get(kind, "") if actor_type == "Country" or kind in {"reference", "collective"} else ""
    return f"⟨{index}{TYPE_CODES[actor_type]}{flag}⟩"


def words_alternation(words: list[str]) -> str:
    """A regex alternation of a word list, longest first: words are literal, a space is any whitespace, and
    ``\\w+`` / ``\\d+`` stand for any word or number ("on \\w+day", "in \\d+").

    >>> [bool(re.fullmatch(words_alternation(["on \\\\w+day", "in \\\\d+"]), t)) for t in ("on Tuesday", "in 2024", "in May")]
    [True, True, False]
    """
    ordered = sorted({str(w).strip() for w in words if str(w).strip()}, key=len, reverse=True)
    escaped = (re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    return "(?:" + "|".join(re.sub(r"\\\\([wd])\\\+", r"\\\1+", e) for e in escaped) + ")"


@dataclass(frozen=True)
class Rule:
    """One compiled relation rule."""

    id: str
    relation: str
    regex: re.Pattern
    subject: str | None
    object: str | None
    pairwise: str | None
    confidence: float
    modal_ok: bool = False
    scope_match: bool = False
    # One word of each of these sets must be in a sentence for the rule to match there (a cheap pre-filter);
    # empty when the pattern has no word that every match contains.
    keywords: tuple[frozenset[str], ...] = ()
    # the pattern itself reads a relative clause on its subject ("{T:ACTOR}, which, like ..., lists ...")
    subject_relative: bool = False
    # a match right after text this matches (its end anchored at the match) is no claim: "talks between the
    # army and ⟨X⟩ in ⟨C⟩" names where the talks were held, not where ⟨X⟩ operates
    not_after: re.Pattern | None = None
    # the rule reads the sentence as written, never a clause view of it: the words a view leaves out may
    # undo the relation ("at Al Udeid air base in ⟨Qatar⟩, the largest ⟨US⟩ military installation")
    sentence_only: bool = False


@dataclass(frozen=True)
class RawClaim:
    """A rule's finding in one sentence: the two actors, and the match span in the placeholder text
    (for polarity); ``trigger`` is where the rule's wording starts."""

    subject: Actor
    object: Actor
    relation: str
    rule: str
    confidence: float
    span: tuple[int, int]
    trigger: int
    modal_ok: bool
    scope_match: bool = False


def _only_lookaheads(rest: str) -> bool:
    """Whether a pattern's rest is empty or only negative look-aheads ("(?! ⟨)(?! unit)"): a slot before it ends
    the match (a positive look-ahead asks for more text).

    >>> _only_lookaheads(""), _only_lookaheads("(?! (?:a|b)\\b)(?!'s)"), _only_lookaheads("(?! x) y"), _only_lookaheads("(?= as)")
    (True, True, False, False)
    """
    while rest.startswith("(?!"):
        depth = 0
        for index, char in enumerate(rest):
            if rest[index - 1:index] == "\\":
                continue  # an escaped parenthesis
            if char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
                if depth == 0:
                    rest = rest[index + 1:]
                    break
        else:
            return False
    return not rest


class PatternCompiler:
    """Turns the DSL of relations.yaml into regexes.

    A plain gap word is a word, or a mention used as a modifier: a demonym or capital before a
    lower-case word ("⟨Iranian⟩ nuclear sites"), a hyphenated compound ("⟨Iran⟩-backed"), a possessor
    ("⟨Iran⟩'s"), or a reference pronoun before a noun ("⟨its⟩ commander"). Slots are tried first
    (gaps are lazy), so a modifier still binds a slot when the rule wants it.
    """

    def __init__(self, lists: dict[str, list[str]], gap_stops: list[str]):
        self.lists = {name: words_alternation(words) for name, words in lists.items()}
        self.words = lists
        # clause words no gap crosses, and ", yet", which opens a contrasting clause ("its largest barrage yet"
        # stays one clause)
        stops = rf"(?:{words_alternation(gap_stops)}\b|[^\s⟨⟩]*,\s+yet)"
        # a lower-case word follows, but not "and <mention>" (then the mention is one of a pair)
        noun_follows = r"(?=\s+(?-i:[a-z]))(?!\s+(?:and|or)\s+(?:the\s+)?⟨)"
        modifier = (rf"⟨\d+C[dc]⟩{noun_follows}|⟨\d+[A-Z][a-z]?⟩-[\w-]+|⟨\d+[A-Z][a-z]?⟩(?:'s|')(?=\s)"
                    rf"|⟨\d+[A-Z]r⟩{noun_follows}|⟨\d+[A-Z][a-z]?⟩(?=\s+{HEAD_TITLES}\s)")
        self.plain_word = rf"(?:(?:(?!{stops}\b)[^\s⟨⟩;:()\"“”]+|{modifier})\s+)"
        # plain words that do not cross into a time clause ("launched its campaign weeks after the attack on ⟨X⟩")
        subordinate = words_alternation(["after", "before", "since", "following", "amid", "when", "until"])
        self.main_clause_word = rf"(?:(?:(?!(?:{stops}|{subordinate})\b)[^\s⟨⟩;:()\"“”]+|{modifier})\s+)"
        self.any_word = rf"(?:(?!{stops}\b)[^\s;:()\"“”]+\s+)"
        # plain words inside one clause: none ends in a comma ("X, who control the capital, attacked ⟨Y⟩")
        self.clause_word = rf"(?:(?:(?!{stops}\b)[^\s⟨⟩;:,()\"“”]+|{modifier})\s+)"
        # a demonym is an adjective too ("an ⟨Iraqi⟩ Kurdish party"); a preposition never is ("an alliance led by")
        not_adjective = words_alternation(["and", "or", "by", "with", "from", "for", "as"])
        self.adjective = rf"(?:(?:(?!(?:{not_adjective}|{stops})\b)[^\s⟨⟩;:,()\"“”]+|⟨\d+C[dc]⟩)\s+)"
        # ("at least 22 soldiers" is a number, not a place)
        oblique = words_alternation(["in", "near", "from", "by", "with", "for", "during", "since", "after",
                                     "before", "over", "into", "outside", "off"]) + r"|at(?!\s+(?:least|most)\b)"
        self.no_oblique = rf"(?:(?!(?:{oblique}|{stops})\b)(?:[^\s⟨⟩;:()\"“”]+|{modifier})\s+)"
        auxiliary = words_alternation(["was", "were", "been", "being", "is", "are", "be", "get", "got", "gets"])
        self.active = rf"(?:(?!(?:{auxiliary}|{stops})\b)(?:[^\s⟨⟩;:()\"“”]+|{modifier})\s+)"
        titles = HEAD_TITLES
        self.title_zone = rf"(?:(?:(?-i:[A-Z])[\w.'’-]*|⟨\d+C[dc]⟩|⟨\d+[A-Z][a-z]?⟩(?=\s+{titles}\s)|{titles})\s+)"

    def compile(self, pattern: str, where: str) -> re.Pattern:
        def slot(match: re.Match) -> str:
            cls = CLASSES.get(match.group("cls"))
            spelled = {"PARTY": PARTY_TOKEN, "TARGET": TARGET_TOKEN, "HOST": HOST_TOKEN}.get(match.group("cls"))
            if cls is None and spelled is None:
                raise DataFileError(f"{where}: unknown slot class {match.group('cls')!r}")
            one = spelled or rf"⟨\d+{cls}⟩"
            # a slot that ends the pattern is not a possessor or a hyphen compound ("⟨0⟩'s", "⟨0⟩-backed")
            at_end = _only_lookaheads(match.string[match.end():])
            end = (_END_TARGET if match.group("cls") == "TARGET" else _END) if at_end else ""
            # a subject slot opening the pattern is not the object of a locative ("in ⟨Baghdad⟩ killed"), unless
            # the pattern wants it as a possessor or an apposition head
            following = match.string[match.end():]
            possessor = following.startswith(("'s", "(?:'s", "(?:(?:'s|')|", ",", "-"))
            start = _NOT_SUBJECT if match.start() == 0 and not possessor else ""
            # a slot inside the pattern may open with "the"; one that opens it keeps its own look-behinds exact
            article = ARTICLE + f"(?:{LOWER_TITLE})?" if match.start() > 0 and not re.search(r"\(\?<!", match.string[:match.start()]) else ""
            if match.group("list"):
                # a member may carry a compass word ("eastern ⟨Mali⟩ and western ⟨Niger⟩") or a title, also one
                # opened by a demonym ("⟨Ethiopian⟩ Prime Minister ⟨P⟩"; ``slot_indices`` leaves the demonym out)
                # (or be named with its owner: "⟨A⟩ and ⟨B⟩'s ⟨Taliban⟩ government", the owner left out by ``slot_indices``)
                # a "&" list is governed by what stands before it ("⟨C⟩'s ⟨A⟩ and ⟨B⟩"): a member with its own
                # article is outside it ("⟨C⟩'s ⟨A⟩ and the ⟨B⟩ gang")
                # ("his ⟨Jordanian⟩ counterpart ⟨P⟩" is a member too)
                member_article = "" if match.group("list") == "&" else rf"(?:the\s+|{ROLE_MEMBER_OPENER})?"
                element = (rf"{member_article}(?:{COMPASS}\s+)?(?:⟨\d+C[a-z]?⟩(?:'s|')\s+(?=⟨))?(?:⟨\d+[A-Z][a-z]?⟩-[\w-]+\s+)?{ROLE_APPOSITION}(?:⟨\d+C[dc]⟩\s+(?=(?-i:[A-Z]))|⟨\d+C[dc]?⟩\s+{ROLE_NOUN}\s+(?=⟨))?"
                           rf"(?:(?:(?-i:[A-Z])[\w.'-]*\s+){{0,3}}?){one}{APPOSITION}")
                # "A and B", "A, B and C", "A, B, and C"; not "A, and B" (that joins two clauses) unless A has an
                # apposition ("A, the largest gang, and B"), not "A, B"
                tail = (rf"(?:(?:\s*,\s*{element})+(?:\s*,)?\s+{CONJUNCTION}\s+{element}"
                        rf"|(?<![⟩\s])\s*,\s+{CONJUNCTION}\s+{element}"
                        rf"|\s*,\s+(?:as\s+well\s+as|along\s+with|together\s+with)\s+{element}"  # never a clause join
                        rf"|\s+{CONJUNCTION}\s+{element})?")
                # the first member may be a role of a country too ("between ⟨Iranian⟩ envoy ⟨P⟩ and ...")
                first = rf"(?:⟨\d+C[dc]?⟩\s+{ROLE_NOUN}\s+(?=⟨)|⟨\d+C[dc]⟩\s+(?:(?-i:[A-Z])[\w.'-]*\s+){{1,3}}(?=⟨\d+P))?"
                return rf"{start}(?P<{match.group('name')}>{article}{first}{one}{APPOSITION}{tail}){end}{_NO_OWNED}"
            return rf"{start}(?P<{match.group('name')}>{article}{one}){end}{_NO_OWNED}"

        def gap(match: re.Match) -> str:
            word = {"~": self.plain_word, "*": self.any_word, "-": self.adjective, "=": self.no_oblique,
                    "!": self.active, "^": self.title_zone, "%": self.main_clause_word,
                    ";": self.clause_word}[match.group("kind")]
            return rf"{word}{{0,{match.group('n')}}}?"

        def word_list(name: str) -> str:
            if name not in self.lists:
                raise DataFileError(f"{where}: unknown word list {name!r}")
            return self.lists[name]

        def not_after(name: str) -> str:
            """One look-behind per word of the list (a look-behind has a fixed width)."""
            word_list(name)
            return "".join(rf"(?<!\b{re.escape(str(word))}\s)".replace(r"\ ", r"\s") for word in self.words[name])

        text = pattern.strip()
        # a pronoun of a pattern ("its", "they", "he") may have become a reference token ("counts Pakistan as ⟨3Cr⟩ closest ally")
        text = re.sub(r"(?<![\w\\])(its|their|it|they|he|she)(?=[ |)])", r"(?:\1|⟨\\d+[A-Z]r⟩)", text)
        text = text.replace("{REL}", "\x00R").replace("{APPOS}", "\x00A")
        text = _NOT_AFTER_LIST.sub(lambda m: not_after(m.group("name")), text)
        text = _LIST.sub(lambda m: "\x00L" + m.group("name") + "\x00", text)
        text = text.replace(" ", "\x00S")
        text = re.sub(r"\x00L([\w-]+)\x00", lambda m: word_list(m.group(1)), text)
        text = _SLOT.sub(slot, text)
        text = text.replace("\x00R", RELATIVE).replace("\x00A", APPOSITION)
        text = _GAP.sub(gap, text)
        text = text.replace("\x00S", SPACE)
        try:
            return re.compile(text, re.IGNORECASE)
        except re.error as error:
            raise DataFileError(f"{where}: bad pattern {pattern!r} ({error})") from None


def compile_rules(cues: dict) -> list[Rule]:
    """The relation rules of the cue files, compiled (each rule names the file it came from)."""
    compiler = PatternCompiler(cues["lists"], cues.get("gap_stops", []))
    rules = []
    for number, entry in enumerate(cues["rules"], 1):
        if not isinstance(entry, dict):
            raise DataFileError(f"{cues.get('_path', 'relations.yaml')}: rule {number} is not a mapping")
        label = f"{entry.get('_path', 'relations.yaml')}: rule {entry.get('id', number)}"
        for key in ("id", "relation", "pattern"):
            if key not in entry:
                raise DataFileError(f"{label}: missing {key!r}")
        patterns = entry["pattern"] if isinstance(entry["pattern"], list) else [entry["pattern"]]
        for pattern in patterns:
            regex = compiler.compile(pattern, label)
            groups = set(regex.groupindex)
            for slot in (entry.get("subject"), entry.get("object"), entry.get("pairwise")):
                if slot and slot not in groups:
                    raise DataFileError(f"{label}: slot {slot!r} not in its pattern")
            if not entry.get("pairwise") and not (entry.get("subject") and entry.get("object")):
                raise DataFileError(f"{label}: needs subject and object, or pairwise")
            rules.append(Rule(entry["id"], entry["relation"], regex, entry.get("subject"), entry.get("object"),
                              entry.get("pairwise"), float(entry.get("confidence", 0.8)),
                              bool(entry.get("modal_ok", False)), entry.get("scope") == "match",
                              required_words(pattern, cues["lists"]),
                              bool(entry.get("subject") and re.search(
                                  r"\{" + re.escape(entry["subject"]) + r"\+?:[A-Z]+\}, \(\?:(?:which|who)", pattern)),
                              _not_after(entry, label), entry.get("views", True) is False))
    return rules


def _not_after(entry: dict, label: str) -> re.Pattern | None:
    if not entry.get("not_after"):
        return None
    try:
        return re.compile(f"(?:{entry['not_after']})$", re.IGNORECASE)
    except re.error as error:
        raise DataFileError(f"{label}: not_after: {error}") from None


_WORD = re.compile(r"[a-z]+")


def sentence_words(text: str) -> frozenset[str]:
    """The lower-case words of a (placeholder) sentence, as ``required_words`` tokenises them."""
    return frozenset(_WORD.findall(text.lower()))


def required_words(pattern: str, lists: dict[str, list[str]]) -> tuple[frozenset[str], ...]:
    """Sets of words such that every match of ``pattern`` contains a word of each set: one set per mandatory
    top-level literal word, word list or group of alternatives; empty if it has none (or a top-level "|").
    Only a pre-filter: never wrong, maybe weak.

    >>> [sorted(s) for s in required_words("{A:ANY} struck {B:ANY}", {})]
    [['struck']]
    >>> [sorted(s) for s in required_words("{B:ACTOR}-{@p} {A:ORG} (?:by|from) x", {"p": ["backed", "armed by"]})]
    [['armed', 'backed'], ['by', 'from'], ['x']]
    >>> required_words("(?:a|{B:ANY}) {A:ANY}", {}), required_words("a|b", {})
    ((), ())
    """
    found: list[frozenset[str]] = []
    depth, index, in_class = 0, 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "|" and depth == 0:
            return ()
        elif char == "(":
            if depth == 0:
                group_words = _group_first_words(pattern, index, lists)
                if group_words:
                    found.append(group_words)
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "{":
            close = pattern.find("}", index)
            macro = pattern[index + 1:close]
            optional = close + 1 < len(pattern) and pattern[close + 1] in "?*{"
            if depth == 0 and macro.startswith("@") and macro[1:] in lists and not optional:
                firsts = {(_WORD.findall(str(w).lower()) or [""])[0] for w in lists[macro[1:]]}
                if "" not in firsts:
                    found.append(frozenset(firsts))
            index = close + 1
            continue
        elif depth == 0 and char.isalpha():
            end = index
            while end < len(pattern) and pattern[end].isalpha():
                end += 1
            optional = end < len(pattern) and pattern[end] in "?*{["  # "organi[sz]ation" is no whole word
            if not optional and (index == 0 or (not pattern[index - 1].isalpha() and pattern[index - 1] != "]")):
                found.append(frozenset({pattern[index:end].lower()}))
            index = end
            continue
        index += 1
    # a pronoun of a pattern may match a reference token instead (see ``PatternCompiler.compile``)
    return tuple(words for words in found if not words & {"its", "their", "it", "they", "he", "she"})


def _group_first_words(pattern: str, start: int, lists: dict[str, list[str]]) -> frozenset[str]:
    """For a mandatory top-level group "(?:met|held talks) ..." the first words of its alternatives, if
    every alternative starts with a word or a word list; else empty."""
    depth, index, bars = 0, start, [start + 1]
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                break
        elif char == "|" and depth == 1:
            bars.append(index + 1)
        index += 1
    if index >= len(pattern) or (index + 1 < len(pattern) and pattern[index + 1] in "?*{"):
        return frozenset()
    words: set[str] = set()
    for begin, end in zip(bars, [b - 1 for b in bars[1:]] + [index]):
        alternative = pattern[begin:end]
        alternative = alternative[2:] if alternative.startswith("?:") else alternative
        sets = required_words(alternative, lists) if alternative[:1].isalpha() or alternative.startswith("{@") else ()
        found = sets[0] if sets else frozenset()
        if not found:
            return frozenset()
        words |= found
    return frozenset(words)


def slot_indices(text: str, after: str = "") -> list[int]:
    """The mention indices of a slot's text, leaving out those inside appositions and modifiers
    ("⟨0⟩ and ⟨1⟩, ⟨2r⟩ closest ally" gives 0 and 1); ``after`` is the sentence text that follows the slot
    (a demonym that ends the slot may qualify a title after it).

    >>> slot_indices("⟨0Cd⟩", " Foreign Minister ⟨1P⟩")
    []
    >>> slot_indices("⟨0C⟩ and ⟨1Cd⟩ envoy ⟨2P⟩")
    [0, 2]
    >>> slot_indices("⟨0Cd⟩", " B-2 bombers hit"), slot_indices("⟨0C⟩, the ⟨1C⟩ and the ⟨2I⟩"), slot_indices("⟨0C⟩, the largest donor,")
    ([0], [0, 1, 2], [0])
    """
    text = _APPOSITION_IN_SLOT.sub(_apposition_or_list, text)
    limit = len(text)
    context = text + after[:40]
    return [int(m.group(1)) for m in TOKEN.finditer(text)
            if not re.match(r"'s|'|-", text[m.end():m.end() + 2]) and not _QUALIFIER.match(text, m.start())
            and not _QUALIFIER_BEFORE_NAME.match(context, m.start(), limit + 40)]


def _apposition_or_list(match: re.Match) -> str:
    """An apposition is left out of a slot; ", the ⟨2⟩ and the ⟨3⟩" is the rest of a list ("⟨1⟩, the ⟨2⟩ and the ⟨3⟩"), and
    so is ", his ⟨Jordanian⟩ counterpart ⟨3⟩ and ⟨4⟩"."""
    return match.group() if _BARE_LIST.fullmatch(match.group()) or _ROLE_MEMBER.match(match.group()) else " "


_BARE_LIST = re.compile(r"(?:\s*,?\s+(?:the|and|or)|\s*,?\s*⟨\d+[A-Z][a-z]?⟩)+\s*", re.IGNORECASE)


# A lower-case role between a country and a person: "⟨US⟩ envoy ⟨P⟩", "⟨Iran⟩'s special envoy ⟨P⟩".
ROLE_NOUN = (r"(?:(?:special|peace|chief|top|senior|deputy)\s+)?(?:envoy|negotiator|ambassador|diplomat|official|"
             r"minister|mediator|representative|aide|adviser|advisor|counterpart)")
# A person named after a role in a list: "⟨A⟩ and his chief of staff, ⟨P⟩", "the ⟨EU⟩'s foreign policy chief, ⟨P⟩".
ROLE_APPOSITION = (r"(?:(?:(?:his|her|its|their|the)\s+(?:⟨\d+[A-Z][a-z]?⟩(?:'s|')\s+|⟨\d+C[dc]⟩\s+)?|⟨\d+[A-Z]r⟩\s+)(?:(?-i:[a-z])[\w-]*\s+){0,3}"
                   r"(?-i:[a-z])[\w-]*(?:\s+of\s+(?:the\s+)?(?-i:[a-z])[\w-]*)?,\s+(?=⟨\d+P))?")
# A list member named as someone's role: "his ⟨Jordanian⟩ counterpart ⟨P⟩"
ROLE_MEMBER_OPENER = rf"(?:his|her|their)\s+(?=⟨\d+C[dc]?⟩\s+{ROLE_NOUN}\s+⟨)"
_ROLE_MEMBER = re.compile(rf"\s*,\s+{ROLE_MEMBER_OPENER}", re.IGNORECASE)
# A demonym or capital before a capitalised word qualifies it ("⟨Ethiopian⟩ Prime Minister ⟨P⟩"), a country
# before a lower-case role and a person too ("⟨US⟩ envoy ⟨P⟩").
_QUALIFIER = re.compile(rf"⟨\d+C[dc]⟩\s+(?-i:[A-Z])|⟨\d+C[dc]?⟩\s+{ROLE_NOUN}\s+⟨"
                        r"|⟨\d+C[dc]⟩\s+(?:(?-i:[a-z])[\w-]*\s+){0,3}(?-i:[a-z])[\w-]*,\s+⟨\d+P")
# Past the slot's end only a title before a name counts ("⟨Iranian⟩ Foreign Minister ⟨P⟩", not "⟨American⟩ B-2 bombers").
_QUALIFIER_BEFORE_NAME = re.compile(rf"⟨\d+C[dc]⟩\s+(?:(?-i:[A-Z])[\w.'-]*\s+){{1,4}}⟨|⟨\d+C[dc]?⟩\s+{ROLE_NOUN}\s+⟨")


def overlapping_matches(regex: re.Pattern, text: str) -> Iterator[re.Match]:
    """Every leftmost match of ``regex`` from each start position on, so that one match does not hide
    another that starts inside it ("A and B struck C" gives both "A ... struck C" and "B struck C")."""
    position = 0
    while position <= len(text):
        match = regex.search(text, position)
        if match is None:
            return
        yield match
        position = match.start() + 1


# After a subject and a comma, words that open an apposition or clause rather than the predicate.
_APPOSITION_OPENERS = re.compile(
    r",\s+(?:the|a|an|its|their|his|her|one|once|now|also|which|who|whose|whom|another|both|each|including|such|"
    r"known|based|led|backed|commanded|⟨)", re.IGNORECASE)
_EMBEDDED = re.compile(r"\b(?:by|of|with|to|from|in|at|near|into|for|against|on|under|between|among)\s+"
                       r"(?:the\s+|a\s+|an\s+)?(?:⟨\d+[A-Z][a-z]?⟩(?:'s|')\s+)?(?:(?:[\w.'-]+|⟨\d+Cd⟩)\s+){0,3}$", re.IGNORECASE)
# "founded by ⟨P⟩, who ..., has waged": an agent of a passive or a possessed head is no subject even before a relative
# "Secretary of State ⟨P⟩", "Minister of Defence ⟨P⟩": a title, not a preposition that embeds the subject
_TITLE_OF = re.compile(r"(?:^|⟩(?:'s|')?\s+|,\s+|\bthe\s+)(?:(?-i:[A-Z])[\w-]*\s+){0,2}(?-i:Secretary|Minister|Chief|Chairman|"
                       r"Chairwoman|Chair|Director|Head|Commander|President|Governor|Speaker|Deputy|Secretary-General)\s+"
                       r"of\s+(?:the\s+)?(?:(?-i:[A-Z])[\w-]*\s+){1,3}$")
_AGENT_OR_HEAD = re.compile(r"\b(?:by|of)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w.'-]*\s+){0,3}$", re.IGNORECASE)
_TITLE_COMPLEMENT = re.compile(r"\b(?:envoy|representative|minister|commissioner|coordinator|rapporteur|ambassador|"
                               r"adviser|advisor)\s+(?:for|to|on)\s+(?:the\s+)?$", re.IGNORECASE)
# a relative clause that names its head ("which calls itself ⟨X⟩") says who acts, it does not end before the subject
_RELATIVE_BEFORE = re.compile(r"⟩,\s+(?:which|who)\s+(?!(?:calls|called)\s+(?:itself|themselves)|(?:is|are|was|were)\s+"
                              r"(?:also\s+|better\s+)?(?:known|called|named)\b)[^,;⟨⟩]{0,60}$", re.IGNORECASE)
_RELATIVE_OPENER = re.compile(r",\s+(?:who|which|whose)\b\s*", re.IGNORECASE)
_INDEFINITE_APPOSITION = re.compile(r"⟩,\s+(?:a|an)\s+$", re.IGNORECASE)
_BESIDE = re.compile(r"\b(?:alongside|beside|among)\s+(?:the\s+)?(?:⟨\d+C[dc]?⟩(?:'s)?\s+)?(?:(?-i:[A-Z])[\w.-]*\s+){0,4}$",
                     re.IGNORECASE)
_CAPITAL_TOKEN = re.compile(r"⟨\d+Cc⟩$")
# ("in ⟨Abuja⟩" is left alone: "a court in ⟨Abuja⟩ proscribed X" is the state acting)
_PLACE_BEFORE = re.compile(r"\b(?:to|from|near|into|on|visited|visiting|visit|visits|toured|reached|left|via)\s+$", re.IGNORECASE)
_WHICH = re.compile(r"(?:,\s+(?:also\s+|better\s+)?known\s+as\s+⟨\d+Pr?⟩)?,\s+which\b", re.IGNORECASE)


_POSTMODIFIER = re.compile(r"⟩\s+of\s+(?:the\s+)?(?:⟨\d+[A-Z][a-z]?⟩(?:'s|')\s+)?$")


def _embedded_subject(match: re.Match, rule: Rule, coded: str) -> bool:
    """A subject that is the object of a preposition and then followed by ", <verb>" belongs to a phrase
    inside the clause ("commanded by General ⟨3P⟩, have been at war with ..."), and one that follows
    "<mention> of" modifies that mention; neither is the clause's subject."""
    opening = next((slot for slot in (rule.subject, rule.object)
                    if slot and match.start(slot) == match.start()), None)  # the actor that opens the clause
    if opening is None:
        return False
    after = re.sub(r"^\s+(?:troops|forces|fighters|soldiers|officials|militants)\b", "",
                   coded[match.end(opening):match.end(opening) + 40])
    if opening == rule.subject and _INDEFINITE_APPOSITION.search(coded[max(0, match.start() - 10):match.start()]):
        return True  # "⟨X⟩, a ⟨Y⟩ dissident faction, has ...": ⟨Y⟩ qualifies the apposition's noun
    if opening == rule.subject and _BESIDE.search(coded[max(0, match.start() - 60):match.start()]):
        return True  # "made the announcement alongside ⟨Ecuadorean⟩ Foreign Minister ⟨P⟩ after meeting ...": no subject
    if opening == rule.subject and _CAPITAL_TOKEN.match(match.group(opening)) and _PLACE_BEFORE.search(coded[max(0, match.start() - 20):match.start()]):
        return True  # "who visited ⟨Ouagadougou⟩ for talks with ...", "an offensive on ⟨Tripoli⟩": a capital as a place does not act
    if opening == rule.subject and _TITLE_COMPLEMENT.search(coded[max(0, match.start() - 30):match.start()]):
        return True  # "⟨P⟩, ⟨C⟩'s special envoy for ⟨Myanmar⟩ affairs, met ...": the title's complement does not act
    if not after.startswith((",", "'", "-")) and _POSTMODIFIER.search(coded[max(0, match.start() - 30):match.start()]):
        return True  # "President ⟨1P⟩ of ⟨2C⟩ met ...": the subject is ⟨1P⟩
    if not after.startswith(","):
        return False
    if _WHICH.match(after) and match.group(opening).endswith(("P⟩", "Pr⟩")):
        return True  # "the faction of commander ⟨P⟩, which has ...": "which" is not said of a person
    if _APPOSITION_OPENERS.match(after):
        if opening != rule.subject:
            return False  # "the branch of the ⟨X⟩, which ⟨Y⟩ lists as ...": the rule reads a clause about ⟨X⟩
        return bool(not rule.subject_relative and _RELATIVE_OPENER.match(after) and _AGENT_OR_HEAD.search(coded[max(0, match.start() - 60):match.start()]))
    if rule.scope_match and opening != rule.subject:
        return False  # "run by the ⟨X⟩, chaired by ⟨P⟩": a noun phrase's own relation holds wherever it stands
    before = coded[max(0, match.start() - 60):match.start()]
    if opening == rule.subject and _RELATIVE_BEFORE.search(before):
        return True  # "⟨X⟩, which controls eastern ⟨Y⟩, launched ...": ⟨Y⟩ ends the relative clause; ⟨X⟩ is the subject
    return bool(_EMBEDDED.search(before)) and not _TITLE_OF.search(before)


def apply_rules(rules: list[Rule], coded: str, actors: list[Actor], view: bool = False) -> Iterator[RawClaim]:
    """All raw claims of the rules in one placeholder sentence (or, with ``view``, a clause view of it);
    ``actors[i]`` is the actor of token ``i``."""
    words = sentence_words(coded)
    for rule in rules:
        if any(required.isdisjoint(words) for required in rule.keywords) or (view and rule.sentence_only):
            continue
        for match in overlapping_matches(rule.regex, coded):
            if _embedded_subject(match, rule, coded) or (
                    rule.not_after is not None and rule.not_after.search(coded, 0, match.start())):
                continue
            trigger = _trigger_offset(match, rule)
            if rule.pairwise:
                members = _members(match, rule.pairwise, coded)
                for i, a in enumerate(members):
                    for b in members[i + 1:]:
                        yield RawClaim(actors[a], actors[b], rule.relation, rule.id, rule.confidence, match.span(), trigger,
                                       rule.modal_ok, rule.scope_match)
                if rule.subject:  # a mediator or host with the pair: "talks hosted by S between A and B"
                    for s in _members(match, rule.subject, coded):
                        for m in members:
                            yield RawClaim(actors[s], actors[m], rule.relation, rule.id, rule.confidence, match.span(), trigger,
                                           rule.modal_ok, rule.scope_match)
                continue
            objects = _members(match, rule.object, coded)
            if _SPEAKER_AFTER.match(coded, match.end(rule.object)):
                # "struck a boat that President ⟨P⟩ said was ...", "met ⟨P⟩ and ⟨C⟩ announced ...": the last one
                # speaks in a clause of its own
                objects = objects[:-1]
            for s in _members(match, rule.subject, coded):
                for o in objects:
                    yield RawClaim(actors[s], actors[o], rule.relation, rule.id, rule.confidence, match.span(), trigger,
                                   rule.modal_ok, rule.scope_match)


# A speech verb right after a mention (no comma between) opens a clause with that mention as its subject
_SPEAKER_AFTER = re.compile(r"\s+(?:has\s+|had\s+|have\s+)?(?:said|says|say|told|claimed|claims|announced|alleged|"
                            r"alleges|insisted|insists|reported|reports)\b")


def _members(match: re.Match, slot: str, coded: str) -> list[int]:
    return slot_indices(match.group(slot), coded[match.end(slot):])


def _trigger_offset(match: re.Match, rule: Rule) -> int:
    """Where the rule's wording begins: after the first slot that opens the match (the subject of
    "A, which ..., struck B" should not pull the clause start back before A)."""
    first_group_end = min((match.end(g) for g in match.re.groupindex if match.start(g) == match.start()),
                          default=match.start())
    if rule.subject_relative:  # "Iran denied arming ⟨A⟩, who are part of ⟨B⟩": the relative clause states it
        opener = _RELATIVE_OPENER.match(match.string, first_group_end)
        if opener is not None:  # past the space too, so that the " who " boundary opens the clause
            return opener.end()
    return first_group_end
