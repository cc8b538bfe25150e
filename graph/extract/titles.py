"""Title rules: persons named with an office ("Iraqi Prime Minister X", "Hezbollah leader Y",
"Qais al-Khazali, secretary-general of Asaib Ahl al-Haq", "Abdel Rahman al-Jazairi, a PMF official").

The relation follows ANNOTATION.md's "Officials" convention through ``titles.yaml``: the title and
whether the named actor is a country or an organisation give ``leaderOf`` or ``memberOf``; a qualifier
naming a part ("political bureau chief", "the group's Gaza chief") or an indefinite "a commander of"
makes a head title ``memberOf``. A bare title ("President Volodymyr Zelensky") is resolved through the
gazetteer's roles of the person, and so is a title whose gazetteer role names a body that the sentence
also names. Patterns run over the same placeholder text as the relation rules (see ``rules.py``).
"""
from __future__ import annotations

import re
from typing import Iterator

from graph.gazetteer import Actor, Gazetteer, normalise_name
from graph.extract.rules import ALIAS_OPENER, CLASSES, COMPASS, TOKEN, RawClaim, words_alternation

# a person's alias may follow the name: "⟨X⟩, alias "Pipo", the head of ⟨Y⟩"
PERSON = (rf"⟨(?P<per>\d+){CLASSES['PER']}⟩(?:\s*,\s+{ALIAS_OPENER}\s+"
          r"[\"“”'‘’]?[^,;⟨⟩\"“”]{1,30}[\"“”'‘’]?(?=\s*,))?")
# Lower-case words that may stand between an organisation and a head title ("Hamas's senior leader")
_TITLE_ADJECTIVES = frozenset("senior chief new current then top longtime long-time overall main ailing elderly "
                              "charismatic hardline hard-line influential late slain assassinated ousted".split())
# Possessive pronouns among a title's qualifiers: the title is someone else's ("⟨X⟩ killed their chief")
_OTHER_OWNER = frozenset("their its his her our".split())
_AGE = re.compile(r"\d+-year-old")
# the end of a list before its last member: "⟨A⟩, ⟨B⟩ and "
_STATE_LIST_END = re.compile(r"⟩\s*(?:,\s*(?:and\s+)?|\s+and\s+)$")
TOKEN_INDEX = re.compile(r"⟨(\d+)[A-Z][a-z]?⟩")
# "⟨person⟩'s [adjective] ⟨body⟩" or "⟨body⟩'s ⟨person⟩"
_POSSESSED = re.compile(r"⟨(?P<first>\d+)[A-Z][a-z]?⟩(?:'s|'|’s|’)\s+(?:[a-z][\w-]*\s+){0,2}⟨(?P<second>\d+)[A-Z][a-z]?⟩(?!'|’|-)")


def _slot(name: str, cls: str) -> str:
    return rf"⟨(?P<{name}>\d+){CLASSES[cls]}⟩"


class TitleRules:
    """Compiled title patterns and the table that maps a title to a relation."""

    def __init__(self, title_cues: dict, mention_cues: dict, gazetteer: Gazetteer | None):
        self.gazetteer = gazetteer
        self.table: dict[str, dict] = {}
        for entry in title_cues["titles"]:
            for title in entry["title"]:
                self.table.setdefault(title.lower(), entry)
        self.part = {w.lower() for w in title_cues["part_qualifiers"]}
        self.whole = {w.lower() for w in title_cues["whole_qualifiers"]}
        self.whole_phrases = [tuple(w.split()) for w in self.whole if " " in w]
        self.bodies = title_cues.get("heads_of_bodies", [])
        self.ranks = {r.lower() for r in title_cues.get("ranks", [])}
        # titles that name the same office ("Defense Secretary", "Secretary of Defense")
        self.synonyms = [frozenset(normalise_name(t) for t in entry["title"]) for entry in self.bodies]
        titles = words_alternation(list(self.table))
        members = words_alternation(list(self.table) + title_cues["member_nouns"])
        honorifics = words_alternation(mention_cues["honorifics"])
        # a place no mention names after a title (not a date): a town or region, where the title holds for a part
        # ("X, the SSPDF commander in Nasir")
        self.local_office = re.compile(rf"\s+in\s+(?:the\s+)?(?!(?:{words_alternation(mention_cues['not_names'])})\b)"
                                       rf"(?-i:[A-Z])[\w'’-]+(?!\s*⟨)")
        # the owner right before the person, nothing between but a civil honorific ("⟨Pakistan⟩'s ⟨Khawaja Asif⟩",
        # "the ⟨Taliban⟩'s Mullah ⟨X⟩"; not "⟨Iran⟩'s jailed ⟨X⟩", nor a rank, which the title rules read)
        civil = words_alternation([h for h in mention_cues["honorifics"] if h.lower() not in self.ranks])
        self.possessed_name = re.compile(rf"⟨\d+(?:C|[GAOI])r?⟩(?:'s|'|’s|’)\s+(?:(?:{civil})\s+)*⟨\d+P⟩")
        # qualifiers before a title; "and the chief of staff" starts another title, not a qualifier
        qual = r"(?P<qual>(?:(?!(?:and|or)\b)[\w'’.-]+\s+){0,3}?)"
        org = _slot("org", "ACTOR")
        # after the organisation no lower-case word but a preposition or clause word, or a head noun that
        # names the organisation itself ("head of the ⟨X⟩ militia", "an official in the ⟨X⟩ administration")
        after_org = (r"(?-i:(?!['’-]|\s+(?!(?:in|on|at|and|or|since|until|who|which|whose|that|from|to|for|over|as|when|"
                     r"after|before|during|following|amid|under|between|last|this|earlier|later|"
                     r"was|is|known|called|dubbed|nicknamed|(?:administration|government|leadership|authorities|regime|movement|"
                     r"group|militia|coalition|alliance|agency|directorate|service|ministry|council|command|force|forces|"
                     r"army|military|intelligence|party|bloc|front|mission|office|state|region|province)(?!['’]))\b)[a-z]))")
        # the possessor of a unit: "the head of the ⟨X⟩'s ⟨Y⟩" leads ⟨Y⟩ and is a member of ⟨X⟩
        owner = (r"(?:(?P<owner>⟨\d+[A-Z][a-z]?⟩)(?:'s|'|’s|’)\s+|(?P<ref>⟨\d+[A-Z]r⟩)\s+(?=⟨)|⟨\d+[A-Z][a-z]?⟩-[\w-]+\s+|⟨\d+"
                 + CLASSES['STATE'] + r"⟩\s+)?")
        # an envoy "to" or "for" a state or body is sent there, not one of its officials ("ambassador to Turkey")
        sent_to = r"(?!(?:ambassador|envoy|special\s+envoy|emissary|representative|permanent\s+representative)s?\s+(?:to|for)\b)"
        of_title = rf"(?P<art>(?:a|an|the|one\s+of\s+the)\s+)?{qual}{sent_to}(?P<title>{titles})s?\s+(?:of|at|for|from|in|with|to)\s+(?:the\s+)?"
        # a clause or phrase that gives the person's office: ", who is also vice-president of", ", ... as chairman of"
        office_clause = (r"(?:(?:who|which)\s+(?:is|was|has\s+been|had\s+been|became|becomes|remains|serves\s+as|served\s+as)"
                         r"\s+(?:(?:also|now|still|currently|previously|formerly|later|then)\s+)?)")
        # more persons after a plural title ("envoys ⟨X⟩ and ⟨Y⟩"), or before one ("⟨X⟩ and ⟨Y⟩, two of the leaders of")
        more_persons = rf"(?P<others>(?:\s*,\s*|\s*,?\s+and\s+)(?:(?:{honorifics})\s+)*⟨\d+{CLASSES['PER']}⟩)*"
        persons_before = rf"(?P<before>(?:⟨\d+{CLASSES['PER']}⟩\s*,\s*)*⟨\d+{CLASSES['PER']}⟩\s*,?\s+and\s+(?=⟨\d+{CLASSES['PER']}⟩\s*,\s+(?:two|three|four|both|all|some)\s+of\b))?"
        self.patterns = [
            # "Hezbollah leader Naim Qassem", "Iran's Supreme Leader Ayatollah Ali Khamenei", "its commander, X"
            ("title-before-name", re.compile(
                rf"(?:\b(?P<pre>deputy|vice|assistant|senior|junior)\s+|(?<!deputy\s)(?<!vice\s)(?<!assistant\s)(?<!senior\s)(?<!junior\s)){org}(?:'s|'|’s|’|,\s+whose)?\s+{qual}(?:then-|ex-)?(?P<title>{titles})(?P<plural>s)?(?:\s+(?:for|to|on)\s+(?:the\s+)?⟨\d+[A-Z][a-z]?⟩\s*,"
                # "⟨C⟩, whose minister of state for foreign affairs, X": the title's own complement
                rf"|\s+(?:of|for|on)\s+(?:(?-i:[a-z])[\w-]*\s+){{0,4}}?(?-i:[a-z])[\w-]*\s*,)?"
                # a plural title names a list of persons: "⟨US⟩ envoys ⟨X⟩ and ⟨Y⟩"
                rf"\s*,?\s+(?:(?:{honorifics})\s+)*{PERSON}(?(plural){more_persons}|)", re.I)),
            # "Qais al-Khazali, secretary-general of Asaib Ahl al-Haq", "X, a commander of Y", "X and Y, two of the leaders of Z"
            ("apposition-title-of", re.compile(
                rf"{persons_before}{PERSON}\s*,\s+(?P<art>(?:a|an|the|(?:one|two|three|four|both|all|some)\s+of\s+the|another)\s+)?{qual}{sent_to}(?P<title>{titles})(?P<plural>s)?\s+"
                # ("the president of the northeastern ⟨Puntland⟩ state")
                rf"(?:of|at|for|from|in|with|to)\s+(?:the\s+)?(?:{COMPASS}\s+)?{owner}{org}{after_org}",
                re.I)),
            # "X, head of the Freedom and Justice group (FJG)": the name spelled out, its acronym the mention
            ("apposition-title-of-acronym", re.compile(
                rf"{PERSON}\s*,\s+{of_title}(?:(?-i:[A-Z])[\w'’-]*,?\s+(?:(?:and|of|for|the|in)\s+)*){{1,8}}"
                rf"(?:(?-i:[a-z])[\w-]*\s+)?\(\s*{org}\s*\)", re.I)),
            # "X, who is also vice-president of the council", "X, the former president who is now deputy chairman of Y"
            ("relative-title-of", re.compile(
                rf"{PERSON}\s*,\s+(?:(?:[^,;⟨⟩]|⟨\d+C[dc]?⟩){{0,50}}?\s)?{office_clause}{of_title}{owner}{org}{after_org}", re.I)),
            # "X, Freedonia's de facto head of state as chairman of the ruling council"; "X served as head of Y"
            ("as-title-of", re.compile(
                rf"{PERSON}(?:\s*,)?\s+(?:(?:[^.;⟨⟩]|⟨\d+C[dc]?⟩(?:'s|’s)?){{0,60}}?\s)?(?:as|became|becomes)\s+"
                rf"(?P<art>(?:a|an|the)\s+)?{qual}(?P<title>{titles})\s+of\s+(?:the\s+)?(?:(?:ruling|governing|interim|transitional)\s+)?"
                rf"{org}{after_org}", re.I)),
            # "X, the security adviser of outgoing Freedonian President Y": an official of that leader's country
            ("title-of-state-leader", re.compile(
                rf"{PERSON}\s*,\s+(?P<art>(?:a|an|the)\s+)?{qual}(?P<title>{titles})\s+(?:of|to)\s+(?:the\s+)?"
                rf"(?:(?:outgoing|incoming|former|then|late|then-)\s*)?⟨(?P<org>\d+){CLASSES['STATE']}⟩\s+"
                rf"(?:(?-i:[A-Z])[\w.-]*\s+){{1,3}}(?:(?:{honorifics})\s+)*⟨\d+{CLASSES['PER']}⟩", re.I)),
            # "Mohammed Deif, the commander of Hamas's military wing": a member of the whole
            ("apposition-title-of-part", re.compile(
                rf"{PERSON}\s*,\s+(?P<art>(?:a|an|the)\s+)?{qual}(?P<title>{titles})\s+of\s+(?:the\s+)?{org}(?:'s|'|’s|’)\s+"
                rf"(?:[\w-]+\s+){{0,2}}(?:wing|branch|unit|bureau|office|arm|brigades|council|command|division|cell)\b", re.I)),
            # "the head of Egypt's General Intelligence Service, Hassan Rashad"
            ("title-of-org-then-name", re.compile(
                rf"(?<![⟩\w])(?P<art>(?:a|an|the|one\s+of\s+the)\s+)?{qual}(?P<title>{titles})\s+of\s+(?:the\s+)?"
                rf"(?:⟨\d+{CLASSES['STATE']}⟩(?:'s|'|’s|’)?\s+)?{org}\s*,\s+(?:(?:{honorifics})\s+)*{PERSON}", re.I)),
            # "Mohammed bin Salman, the kingdom's de facto ruler"
            ("apposition-possessive-title", re.compile(
                rf"{PERSON}\s*,\s+(?P<art>the\s+|one\s+of\s+)?{org}(?:'s|'|’s|’)\s+{qual}(?P<title>{titles})s?\b"
                # not "X, Mali's General ⟨Y⟩" (a list of persons), nor "the group's chief spokesman" (a modifier of
                # another title; "director general" is one title)
                rf"(?!\s+(?:(?:{honorifics})\s+)*⟨)(?!\s+(?!general\b)(?:{titles}|{members})s?\b)", re.I)),
            # "Abdel Rahman al-Jazairi, a PMF official", "X, a senior Houthi official", "X, the Hamas leader"
            ("apposition-member", re.compile(
                rf"{PERSON}\s*,\s+(?P<art>a|an|another|the)\s+(?P<pre>(?:[\w'’-]+\s+){{0,2}}?){org}\s+{qual}(?P<title>{members})\b",
                re.I)),
            # with no article the apposition must close: "X, ⟨Pakistan's army⟩ chief, said", not the next title of
            # a list ("X, ⟨Pentagon⟩ chief ⟨Y⟩ and ...")
            ("apposition-bare-title", re.compile(
                rf"{PERSON}\s*,\s+{org}\s+{qual}(?P<title>{members})(?=\s*(?:,|\.|;|$))",
                re.I)),
            # "President Nicolas Maduro of Venezuela", "Secretary-General Naim Qassem of Hezbollah"
            ("title-name-of", re.compile(
                rf"(?<![⟩'’])\b(?P<title>{titles})\s+(?:(?:{honorifics})\s+)*{PERSON}\s+of\s+(?:the\s+)?{org}"
                rf"(?P<qual>)(?!['’-])", re.I)),
        ]
        # "his Ruritanian and Bordurian counterparts, X and Y", "the foreign ministers of A and B, X and Y": respectively
        states = rf"⟨\d+{CLASSES['STATE']}⟩(?:\s*,\s*⟨\d+{CLASSES['STATE']}⟩)*\s*,?\s+and\s+⟨\d+{CLASSES['STATE']}⟩"
        persons = rf"⟨\d+{CLASSES['PER']}⟩(?:\s*,\s*⟨\d+{CLASSES['PER']}⟩)*\s*,?\s+and\s+⟨\d+{CLASSES['PER']}⟩"
        self.respective = [
            re.compile(rf"(?P<states>{states})\s+(?P<qual>(?:(?-i:[a-z])[\w-]*\s+){{0,2}}?)(?P<title>{titles})s?\s*,\s+(?P<persons>{persons})", re.I),
            re.compile(rf"(?P<qual>(?:(?-i:[a-z])[\w-]*\s+){{0,2}}?)(?P<title>{titles})s?\s+of\s+(?P<states>{states})\s*,\s+(?P<persons>{persons})", re.I),
        ]
        # "X, an aide to President Y", "X, senior adviser for Africa to US President Y", "President Y's envoy, X"
        aides, leader = words_alternation(title_cues.get("aide_titles", [])), _slot("leader", "PER")
        self.aides = [
            re.compile(rf"{PERSON}\s*,\s+(?:(?:a|an|the)\s+)?(?:(?-i:[a-z])[\w-]*\s+){{0,2}}?(?:{aides})\s+"
                       rf"(?:(?:for|on)\s+(?:[\w-]+\s+){{1,3}}?)?(?:to|of)\s+(?:the\s+)?(?:⟨\d+{CLASSES['STATE']}⟩\s+)?"
                       rf"(?:(?-i:[A-Z])[\w.-]*\s+){{0,3}}{leader}(?!['’])", re.I),
            # (or several: "President Y's envoys X and Z")
            re.compile(rf"{leader}(?:'s|’s)\s+(?:(?-i:[a-z])[\w-]*\s+){{0,2}}?(?:{aides})s?\s*,?\s+(?:(?:{honorifics})\s+)*{PERSON}"
                       rf"(?P<others>(?:\s*,\s*|\s*,?\s+and\s+)(?:(?:{honorifics})\s+)*⟨\d+{CLASSES['PER']}⟩)*", re.I),
            # "X, President Y's envoy for Ruritania", "X, ⟨US⟩ President Y's special envoy"
            re.compile(rf"{PERSON}\s*,\s+(?:⟨\d+{CLASSES['STATE']}⟩\s+)?(?:(?-i:[A-Z])[\w.-]*\s+){{0,3}}{leader}(?:'s|’s)\s+(?:(?-i:[a-z])[\w-]*\s+){{0,2}}?"
                       rf"(?:{aides})\b", re.I),
        ]
        self.bare = re.compile(
            rf"(?:^|(?<![⟩'’])(?<!['’]s)\s|(?<![\w-])(?:then|ex)-)(?P<title>{titles})\s+(?:(?:{honorifics})\s+)*{PERSON}"
            # "the rebels and their leader, X": an owner no mention names, so the gazetteer's role says whose
            rf"|\b(?:its|their|his|her)\s+(?:(?-i:[a-z])[\w-]*\s+){{0,2}}?(?P<title2>{titles})\s*,\s+(?:(?:{honorifics})\s+)*⟨(?P<per2>\d+){CLASSES['PER']}⟩", re.I)

    def claims(self, coded: str, actors: list[Actor]) -> Iterator[RawClaim]:
        """The title claims of one placeholder sentence."""
        in_sentence = {a.id for a in actors}
        found: list[tuple[str, RawClaim]] = []  # (title, claim) in pattern order
        for rule_id, pattern in self.patterns:
            for match in _overlapping(pattern, coded):
                org = actors[int(match.group("org"))]
                groups = match.groupdict()
                if groups.get("plural") and _STATE_LIST_END.search(coded, 0, match.start("org") - 1):  # before its "⟨"
                    continue  # "his ⟨British⟩, ⟨French⟩ and ⟨German⟩ counterparts, X, Y and Z": respective offices
                listed = TOKEN_INDEX.findall((groups.get("before") or "") + (groups.get("others") or ""))
                for index in (match.group("per"), *listed):
                    found.extend(self._title_claims(rule_id, match, actors[int(index)], org, actors, in_sentence, coded))
        yield from _counterparts(found)
        yield from self._respective(coded, actors)
        yield from self._possessed_bodies(coded, actors)
        yield from self._aides(coded, actors)
        for match in _overlapping(self.bare, coded):
            person = actors[int(match.group("per") or match.group("per2"))]
            role = self._gazetteer_role(person, match.group("title") or match.group("title2"), None)
            if role is not None:
                relation, org = role
                if relation == "memberOf" and org.id not in in_sentence and org.country and self.gazetteer and org.country in self.gazetteer:
                    org = self.gazetteer.get(org.country)  # "Deputy Foreign Minister X": a member of the state, the ministry unnamed
                yield RawClaim(person, org, relation, "bare-title-role", 0.75, match.span(), match.start(), False, True)

    def _title_claims(self, rule_id: str, match: re.Match, person: Actor, org: Actor, actors: list[Actor],
                      in_sentence: set[str], coded: str) -> list[tuple[str, RawClaim]]:
        """What one title pattern's match says of one person named with it: (title, claim) pairs."""
        found: list[tuple[str, RawClaim]] = []
        title = match.group("title")
        groups = match.groupdict()
        # "a former Estonian prime minister": words before the organisation qualify the title too
        qualifiers = (groups.get("pre") or "").split() + (match.group("qual") or "").split()
        article = re.sub(r"\s+", " ", (groups.get("art") or "").strip().lower())
        indefinite = article in {"a", "an", "another"} or article.endswith("of the")  # "one of the", "two of the"
        relation = "memberOf" if rule_id == "apposition-title-of-part" else self.relation(title, qualifiers, org, indefinite)
        role = self._gazetteer_role(person, title, in_sentence)
        if role is None and _resolved_reference(coded, match.end("org")) and self._other_state(person, org):
            return found  # "army chief General X" after another state's officials: the gazetteer knows X's army
        if role is None and title.lower() in self.ranks:
            # "Niger's General X": a rank is no office; the person's own role with that state or body says which
            role = next(((r.relation, org) for r in person.roles if r.org == org.id and r.end is None), None)
        if role is not None and org.type != "Country" and role[1].type == "Country" and (
                relation == "memberOf" or (relation and org.type == "GovernmentOrganization")):
            # "X, the movement's acting foreign minister", "X, prime minister of the coast-based unity government": the
            # named body, not the state of the gazetteer role
            role = None
        if role is not None:
            relation, org = role
        elif relation == "memberOf" or org.type == "Country":
            org, relation = self._named_body(title, org, relation, actors)
        if not relation:
            return found
        if relation == "leaderOf" and role is None and rule_id != "title-before-name" and self.local_office.match(coded, match.end()):
            relation = "memberOf"  # "X, the SSPDF commander in Nasir": the head of a local part, one of the whole
        confidence = 0.85 if rule_id != "apposition-member" else 0.8
        found.append((title, RawClaim(person, org, relation, rule_id, confidence, match.span(), match.start(), False, True)))
        owner = groups.get("owner")
        if relation == "leaderOf" and owner and role is None:
            parent = actors[int(TOKEN.match(owner).group(1))]
            if parent.type not in {"Country", "Person"} and parent.id != org.id:
                # ANNOTATION.md: the head of a unit is a member of its parent body
                found.append((title, RawClaim(person, parent, "memberOf", rule_id + "+parent", round(confidence * 0.9, 3),
                                              match.span(), match.start(), False, True)))
        return found

    def _possessed_bodies(self, coded: str, actors: list[Actor]) -> Iterator[RawClaim]:
        """A person's body named by possession ("Haftar's Libyan National Army", "Hezbollah's Naim Qassem"): the
        office the gazetteer gives the person in that body, if any (a possessive alone says no more)."""
        for match in _POSSESSED.finditer(coded):
            first, second = actors[int(match.group("first"))], actors[int(match.group("second"))]
            person, body = (first, second) if first.type == "Person" else (second, first)
            if person.type != "Person" or body.type == "Person":
                continue
            role = next((r for r in person.roles if r.org == body.id and r.end is None), None)
            if role is not None:
                yield RawClaim(person, body, role.relation, "possessed-body-role", 0.78, match.span(), match.start(), False, True)
            elif person is second and self.possessed_name.match(coded, match.start()) and self._official_of(person, body):
                # "the foreign ministers, ⟨Armenia⟩'s ⟨X⟩ and ..." names a state's or a group's own: one of its officials
                yield RawClaim(person, body, "memberOf", "possessed-person", 0.7, match.span(), match.start(), False, True)

    def _official_of(self, person: Actor, owner: Actor) -> bool:
        """Whether a person named as an owner's own ("⟨Armenia⟩'s ⟨X⟩") is one of its officials: a person the
        gazetteer gives no office, or one whose office is in a body of that state (its foreign ministry)."""
        if not person.roles:
            return True
        if owner.type != "Country" or self.gazetteer is None:
            return False
        return any(r.end is None and r.org in self.gazetteer and self.gazetteer.get(r.org).country == owner.id
                   for r in person.roles)

    def _aides(self, coded: str, actors: list[Actor]) -> Iterator[RawClaim]:
        """An aide, adviser, envoy or deputy of a head of state is a member of the state that leader heads; of a
        group's or body's head, a member of what that leader heads."""
        for pattern in self.aides:
            for match in _overlapping(pattern, coded):
                leader = actors[int(match.group("leader"))]
                state = self.gazetteer.led_body(leader) if self.gazetteer else None
                others = match.groupdict().get("others") or ""
                for index in (match.group("per"), *TOKEN_INDEX.findall(others)):
                    person = actors[int(index)]
                    if state is not None and person.id != leader.id:
                        yield RawClaim(person, state, "memberOf", "aide-of-leader", 0.78, match.span(), match.start(), False, True)

    def _respective(self, coded: str, actors: list[Actor]) -> Iterator[RawClaim]:
        """Offices of a list of persons after a list of states of the same length, in order: "the foreign
        ministers of ⟨A⟩ and ⟨B⟩, ⟨X⟩ and ⟨Y⟩" gives X memberOf A and Y memberOf B."""
        for pattern in self.respective:
            for match in pattern.finditer(coded):
                states = [actors[int(i)] for i in TOKEN_INDEX.findall(match.group("states"))]
                persons = [actors[int(i)] for i in TOKEN_INDEX.findall(match.group("persons"))]
                if len(states) != len(persons):
                    continue
                for state, person in zip(states, persons):
                    relation = self.relation(match.group("title"), match.group("qual").split(), state, False)
                    if relation:
                        yield RawClaim(person, state, relation, "respective-titles", 0.8, match.span(), match.start(), False, True)

    def relation(self, title: str, qualifiers: list[str], org: Actor, indefinite: bool) -> str | None:
        """The relation a title gives to the named country or organisation."""
        entry = self.table.get(re.sub(r"\s+", " ", title.lower()))
        if entry is None:
            return None
        if org.type == "Country":
            relation = entry.get("state")
        else:  # a state body may have its own relation: the prime minister of a regional government leads it
            relation = entry.get("gov", entry.get("org")) if org.type == "GovernmentOrganization" else entry.get("org")
        # an age says nothing of the office: "Burkina Faso's 37-year-old leader"
        kept = [q for q in qualifiers if not _AGE.fullmatch(q.strip(","))]
        words, qualifiers = [q.lower().strip(",") for q in kept], kept
        if any(w in _OTHER_OWNER or (w.endswith("ed") and w not in self.whole and w not in _TITLE_ADJECTIVES) for w in words):
            return None  # "⟨Israel⟩ killed their longtime chief, X": a verb or another owner between the name and the title
        if relation != "leaderOf":
            return relation
        # "a commander of X" is one of its commanders, "a former commander of a group" one of its past ones (a group
        # has many at once); "a former president of X" and "a former army commander" of a state headed it
        if indefinite and ("former" not in words or (title.lower() == "commander" and org.type != "GovernmentOrganization")):
            return "memberOf"
        for word, original in self._single_qualifiers(words, qualifiers):
            if word in self.part or (original[:1].isupper() and word not in self.whole):
                return "memberOf"  # head of a part: "political bureau chief", "the group's Gaza chief"
            if word not in self.whole and org.type == "InternationalOrganization" and original[:1].islower() \
                    and word not in _TITLE_ADJECTIVES:
                return "memberOf"  # a portfolio of an international body: "the UN aid chief", "the EU's foreign policy chief"
            if word not in self.whole and (org.type == "Country" or word not in _TITLE_ADJECTIVES):
                return None  # "the US following President Trump's threats", "the Treasury sanctioned former President X"
        return relation

    def _single_qualifiers(self, words: list[str], originals: list[str]) -> list[tuple[str, str]]:
        """(word, original) pairs of the qualifiers, a whole qualifier of several words ("de facto") left out."""
        kept, index = [], 0
        while index < len(words):
            phrase = next((p for p in self.whole_phrases if tuple(words[index:index + len(p)]) == p), None)
            if phrase:
                index += len(phrase)
                continue
            kept.append((words[index], originals[index]))
            index += 1
        return kept

    def _gazetteer_role(self, person: Actor, title: str, in_sentence: set[str] | None):
        """(relation, org actor) of the person's gazetteer role that this title names, if the role's
        body is named in the sentence (or the title is bare: ``in_sentence`` None)."""
        if not person.roles or self.gazetteer is None:
            return None
        wanted = normalise_name(title)
        synonyms = next((group for group in self.synonyms if wanted in group), {wanted})
        for role in person.roles:
            have = normalise_name(role.role)
            # "Special envoy X" names the role "Special Envoy to the Middle East"
            if have and (have in synonyms or have.endswith(wanted) or wanted.endswith(have) or _names_role_start(have, wanted)) \
                    and role.org in self.gazetteer:
                if in_sentence is None or role.org in in_sentence:
                    return role.relation, self.gazetteer.get(role.org)
        return None

    def _other_state(self, person: Actor, org: Actor) -> bool:
        """Whether every office the gazetteer knows of the person lies in a state other than the body's."""
        body_state = org.id if org.type == "Country" else org.country
        states = self.gazetteer.office_states(person) if self.gazetteer is not None else set()
        return bool(body_state and states) and body_state not in states

    def _named_body(self, title: str, org: Actor, relation: str | None, actors: list[Actor]):
        """A head-of-body title with its country ("US Secretary of State X") leads the body if the
        sentence names it ("... the State Department said")."""
        wanted = title.lower()
        for entry in self.bodies:
            if wanted not in {t.lower() for t in entry["title"]}:
                continue
            names = {normalise_name(n) for n in entry["body"]}
            for actor in actors:
                if actor.type == "GovernmentOrganization" and (
                    normalise_name(actor.name) in names or any(normalise_name(a) in names for a in actor.aliases)
                ):
                    return actor, "leaderOf"
        return org, relation


def _resolved_reference(coded: str, index_end: int) -> bool:
    """Whether the token whose index ends at ``index_end`` is a reference ("the army", "its") resolved to
    an actor, not a name."""
    close = coded.find("⟩", index_end)
    return close > 0 and coded[index_end:close].endswith("r")


def _names_role_start(role: str, title: str) -> bool:
    """A title of several words that opens a role's name, not its "of" complement: "special envoy" names
    "special envoy to the middle east"; "secretary" does not name "secretary of defense".

    >>> _names_role_start("special envoy to the middle east", "special envoy"), _names_role_start("secretary of defense", "secretary")
    (True, False)
    """
    rest = role[len(title):] if role.startswith(title + " ") else ""
    return " " in title and bool(rest) and not rest.startswith((" of ", " for "))


def _counterparts(found: list[tuple[str, RawClaim]]) -> Iterator[RawClaim]:
    """The claims, with "his Malian counterpart, Colonel X" read as the office of the person it is set
    against: after a head of state ("Burkina Faso's leader, Captain Y"), the counterpart leads his country too."""
    by_position = sorted(found, key=lambda item: item[1].span[0])
    for title, claim in found:
        if title.lower() == "counterpart" and claim.object.type == "Country":
            before = [c for t, c in by_position if c.span[0] < claim.span[0] and t.lower() != "counterpart"
                      and c.subject.id != claim.subject.id]
            if before and before[-1].relation == "leaderOf" and before[-1].object.type == "Country":
                claim = RawClaim(claim.subject, claim.object, "leaderOf", claim.rule + "+counterpart", claim.confidence,
                                 claim.span, claim.trigger, claim.modal_ok, claim.scope_match)
        yield claim


def _overlapping(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    position = 0
    while position <= len(text):
        match = pattern.search(text, position)
        if match is None:
            return
        yield match
        position = match.start() + 1
