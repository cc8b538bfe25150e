"""Clause views of one placeholder sentence: simpler readings that the relation rules read too.

News packs several statements into one sentence: an apposition or a relative clause between a subject
and its verb ("⟨X⟩, which is led by ⟨P⟩, has been sanctioned by ⟨Y⟩"), adverbials between a verb and its
subject ("⟨X⟩ has for years bombed ⟨Y⟩"), a second verb phrase of the same subject ("⟨X⟩ met ⟨Y⟩ and flew
on to ..."), a participle that carries a statement of its own ("..., killing ⟨Y⟩"). Rather than every rule
allowing for every such insertion, each sentence is also read as a few simpler views:

- the **core**: insertions removed (appositions, relative clauses and participle phrases between commas
  that a predicate follows, parentheses, dashes) and time adverbials left out;
- **relative clauses** read with their antecedent as subject ("⟨X⟩, who heads ⟨Y⟩," -> "⟨X⟩ heads ⟨Y⟩",
  "⟨Y⟩, which ⟨X⟩ founded," -> "⟨X⟩ founded ⟨Y⟩");
- **shared subjects**: later verb phrases read with the sentence's opening subject;
- **participle adjuncts**: "⟨X⟩ ..., killing ⟨Y⟩" read as "⟨X⟩ killing ⟨Y⟩";
- **absolute clauses**: "..., with ⟨X⟩ striking ⟨Y⟩" read as "⟨X⟩ striking ⟨Y⟩".

A view is only ever a reading of the sentence itself: its words in their order, some left out, the
antecedent repeated. Rules and polarity cues apply to a view as to any sentence.

>>> core("⟨0A⟩, which is led by ⟨1P⟩, has on Tuesday been sanctioned by ⟨2C⟩.")
'⟨0A⟩ has been sanctioned by ⟨2C⟩.'
>>> relative_clauses("⟨0A⟩, which is led by ⟨1P⟩, has been sanctioned by ⟨2C⟩.")
['⟨0A⟩ is led by ⟨1P⟩']
>>> relative_clauses("the ⟨0A⟩, the movement that ⟨1C⟩ helped found in 1982, said")
['⟨1C⟩ helped found ⟨0A⟩']
"""
from __future__ import annotations

import re
from typing import Iterator

TOKEN_PATTERN = r"⟨\d+[A-Z][a-z]?⟩"
_TOKEN = re.compile(TOKEN_PATTERN)
_NOT_PREDICATE = ("the a an and or of in on at to for from with by as its their his her which who whom whose "
                  "that this these those including such known based led backed one some all both each many "
                  "other another former".split())
# What follows an insertion's closing comma when the insertion stood between a subject and its predicate:
# a lower-case word that is no determiner, preposition or conjunction ("has", "said", "is", "launched").
_PREDICATE_FOLLOWS = re.compile(r"\s+(?!(?:" + "|".join(_NOT_PREDICATE) + r")\b)(?-i:[a-z])[\w'-]*")
# Openers of an insertion after a mention: an apposition, a relative clause or a participle phrase.
_INSERTION_OPENER = re.compile(
    r",\s+(?=(?:the|a|an|its|their|his|her|one|once|now|also|formerly|another|both|each|whose|who|whom|which|"
    r"led|headed|founded|backed|based|known|commanded|run|created|formed|set\s+up|established|supported|funded|"
    r"armed|named|dubbed|described|considered|seen|regarded|long|widely|itself|themselves|"
    + TOKEN_PATTERN + r"(?:'s|')|(?-i:[A-Z])[\w'-]*\s+(?:[\w'-]+\s+){0,3}of\b)\b|" + TOKEN_PATTERN + r"(?:'s|')"
    r"|(?:(?-i:[A-Z])[\w'-]*\s+){1,3}" + TOKEN_PATTERN + r"(?:'s|'))", re.IGNORECASE)  # ", President ⟨P⟩'s adviser,"
# A "whose" clause whose noun phrase an apposition interrupts before its verb.
_WHOSE_INTERRUPTED = re.compile(r"whose\s+(?:[\w'-]+\s+){0,2}?[\w'-]+\s*,", re.IGNORECASE)
# A second relative clause whose noun phrase a comma interrupts: "... and whose uncle,"
_AND_WHOSE = re.compile(r"\band\s+whose\s+(?:[\w'-]+\s+){0,2}?[\w'-]+\s*$", re.IGNORECASE)
_MAX_INSERTION_COMMAS = 3
_MAX_INSERTION_CHARS = 220
# Time and manner adverbials that news puts between a subject, its verb and its object.
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_ADVERBIAL_BODY = (
    rf",?\s+(?:(?:on|by|since|until|late\s+on|early\s+on)\s+{_DAY}(?:\s+(?:night|morning|evening|afternoon))?"
    rf"|(?:on|in|since|early\s+in|late\s+in|in\s+early|in\s+late|in\s+mid-?)\s+{_MONTH}(?:\s+\d{{1,2}})?(?:,?\s+(?:19|20)\d\d)?"
    rf"|(?:in|since|throughout|during)\s+(?:19|20)\d\d(?:s)?"
    rf"|(?:last|this|earlier\s+this|later\s+this|earlier\s+last)\s+(?:week|month|year|weekend|spring|summer|autumn|fall|winter|{_DAY}|{_MONTH})"
    rf"|(?:for|over)\s+(?:years|decades|months|weeks|days|(?:the\s+)?(?:past|last)\s+(?:\w+\s+)?(?:years|decades|months|weeks|days))"
    rf"|(?:in|over)\s+(?:recent|the\s+past|the\s+last)\s+(?:\w+\s+)?(?:days|weeks|months|years)"
    rf"|(?:overnight|yesterday|today|again|repeatedly|previously|recently|also|already|long|now|then|later|earlier|first|"
    rf"separately|jointly|twice|once|regularly|frequently|reportedly|allegedly)"
    rf"|(?:in\s+a|in\s+an)\s+(?:\w+\s+){{0,2}}(?:statement|speech|address|interview|post|video|communique)"
    rf"|(?:on|at)\s+the\s+weekend),?(?=\s+(?-i:[a-z]))")
# Only between an auxiliary and the verb ("⟨X⟩ has for years bombed"), or right after the sentence's subject
# ("⟨X⟩ on Tuesday struck", see ``core``).
_ADVERBIAL = re.compile(r"(?:(?<=\bhas)|(?<=\bhave)|(?<=\bhad)|(?<=\bwas)|(?<=\bwere)|(?<=\bis)|(?<=\bare))"
                        + _ADVERBIAL_BODY, re.IGNORECASE)
_ADVERBIAL_AFTER_SUBJECT = re.compile(_ADVERBIAL_BODY, re.IGNORECASE)
# Adverbials that keep their meaning for polarity: a view must not lose a hedge.
_KEPT_ADVERBIALS = re.compile(r"\b(?:reportedly|allegedly)\b", re.IGNORECASE)
_PARENTHESIS = re.compile(r"\s*\([^()]{0,120}\)")
# A sentence adverbial between commas: "⟨X⟩, in turn, launched ..."
_COMMA_ADVERBIAL = re.compile(r",\s+(?:in turn|meanwhile|however|for (?:its|their|his|her) part|in response|in retaliation|"
                              r"separately|too|also|though|in a statement|on \w+day|last (?:week|month|year)),(?=\s)", re.IGNORECASE)
_DASHES = re.compile(r"\s+(?:—|--|-)\s+[^—;]{1,150}?\s+(?:—|--|-)\s+")


def _insertions(text: str) -> Iterator[tuple[int, int, int]]:
    """(mention start, insertion start, insertion end) of each insertion after a mention: from its comma to
    the comma a predicate follows ("⟨0A⟩, which is led by ⟨1P⟩, has ..." -> ", which is led by ⟨1P⟩,")."""
    for match in re.finditer(TOKEN_PATTERN, text):
        opener = _INSERTION_OPENER.match(text, match.end())
        if opener is None:
            continue
        position = opener.end()
        # ", whose leader, ⟨P⟩, was killed in 2024, still fires": the first verb after a comma is the clause's own
        own_verb_pending = bool(_WHOSE_INTERRUPTED.match(text, position))
        commas = 0
        while commas < _MAX_INSERTION_COMMAS + own_verb_pending:
            commas += 1
            comma = text.find(",", position)
            stop = min((i for i in (text.find(";", position), text.find(":", position)) if i >= 0), default=len(text))
            if comma < 0 or comma > stop or comma - match.end() > _MAX_INSERTION_CHARS:
                break
            if _AND_WHOSE.search(text, position, comma):
                own_verb_pending = True  # "..., who heads ⟨Y⟩ and whose uncle, ⟨P⟩, was killed": the second clause's verb
            if _PREDICATE_FOLLOWS.match(text, comma + 1):
                if not own_verb_pending:
                    yield match.start(), match.end(), comma + 1
                    break
                own_verb_pending = False
            position = comma + 1


def _remove(text: str, spans: list[tuple[int, int]]) -> str:
    parts, position = [], 0
    for start, end in sorted(spans):
        if start < position:
            continue
        parts.append(text[position:start])
        position = end
    parts.append(text[position:])
    return re.sub(r"\s{2,}", " ", "".join(parts))


def without_insertions(text: str) -> str:
    """The text without the appositions and relative clauses between a mention and its predicate: cues inside
    them ("⟨X⟩, which has refused to talk, has stepped up attacks") are not the main clause's.

    >>> without_insertions("⟨0A⟩, which has refused to negotiate, has stepped up attacks on ⟨1G⟩")
    '⟨0A⟩ has stepped up attacks on ⟨1G⟩'
    """
    return _remove(text, [(start, end) for _, start, end in _insertions(text)])


# A time phrase that opens the sentence before its subject: "Between April and late May, ⟨X⟩ and ⟨Y⟩ held ..."
_OPENING_TIME = re.compile(r"^(?:Between|From|In|On|Since|During|By|Last|Earlier|Later|Early|Late)\s+(?:[\w-]+\s+){0,5}?"
                           r"[\w-]+,\s+(?=(?:the\s+)?⟨)")


def core(text: str) -> str:
    """The sentence without its insertions, parentheses, asides between dashes and time adverbials; a
    hedge adverb ("reportedly") stays."""
    text = without_insertions(text)
    text = _COMMA_ADVERBIAL.sub("", text)
    text = _PARENTHESIS.sub("", text)
    text = _DASHES.sub(" ", text)
    text = _OPENING_TIME.sub("", text)
    drop = (lambda m: m.group() if _KEPT_ADVERBIALS.search(m.group()) else "")
    opening = _OPENING_SUBJECT.match(text)
    if opening is not None:  # "⟨X⟩ on Tuesday struck ...": right after the sentence's subject too
        adverbial = _ADVERBIAL_AFTER_SUBJECT.match(text, opening.end())
        if adverbial is not None:
            text = text[:opening.end()] + drop(adverbial) + text[adverbial.end():]
    text = _ADVERBIAL.sub(drop, text)
    return re.sub(r"\s+([,.;:])", r"\1", re.sub(r"\s{2,}", " ", text)).strip()


# A plural apposition needs no article: "⟨X⟩, ⟨Congolese⟩ pro-government militias that fight alongside ⟨Y⟩".
_PLURAL_GROUP_NOUNS = ("militias|groups|factions|rebels|insurgents|fighters|forces|gangs|movements|organisations|"
                       "organizations|paramilitaries|jihadists|guerrillas|militants|brigades|parties|outfits|countries|"
                       "states|nations|governments|powers|mediators|guarantors")
_RELATIVE = re.compile(rf"(?P<head>{TOKEN_PATTERN}),\s+(?:(?:the|a|an)\s+(?:[^,;⟨⟩]|⟨\d+C[dc]?⟩|⟨\d+[AO]⟩(?=\s+[a-z])){{1,60}}?\s+"
                       rf"|(?:⟨\d+(?:C[dc]?|A)⟩\s+)?(?:[\w-]+\s+){{0,4}}(?:{_PLURAL_GROUP_NOUNS})\s+)?(?P<pron>who|which|that|whom)\s+",
                       re.IGNORECASE)
# "General ⟨P⟩ of ⟨C⟩, who ...": the person that "who" after the state refers to
_PERSON_OF = re.compile(rf"(?P<person>⟨\d+P[a-z]?⟩)\s+of\s+(?:the\s+)?{TOKEN_PATTERN}$")
# An object relative: the clause opens with its own subject ("which ⟨1C⟩ helped found", "that ⟨1C⟩ backs").
_OBJECT_RELATIVE = re.compile(rf"(?P<subject>(?:the\s+)?{TOKEN_PATTERN}(?:\s+(?:and|or)\s+(?:the\s+)?{TOKEN_PATTERN})?)\s+(?P<verb>[\w'-]+(?:\s+[\w'-]+){{0,3}}?)(?=\s*(?:,|$|\s+(?:in|on|since|for|last|this|after|before)\b))", re.IGNORECASE)


# A relative clause's own statement ends where a clause of another subject begins ("who took over after ...").
_SUBORDINATE = re.compile(r"\s+(?:after|before|when|while|as|because|since|until|although|though|if|unless|where|whereas|"
                          r"that|which|who|whom|whose)\s", re.IGNORECASE)


def relative_clauses(text: str) -> list[str]:
    """Each non-restrictive relative clause after a mention, read with the mention as its subject (or, when
    the clause has a subject of its own, as its object): "⟨X⟩, who heads ⟨Y⟩," -> "⟨X⟩ heads ⟨Y⟩"."""
    views = []
    for match in _RELATIVE.finditer(text):
        head = match.group("head")
        if match.group("pron").lower() == "which" and re.match(r"⟨\d+P", head):
            # "the ⟨A⟩, the faction of commander ⟨P⟩, which ...": "which" refers to the thing the apposition describes
            things = re.findall(rf"({TOKEN_PATTERN}),\s", text[:match.start()])
            things = [t for t in things if not re.match(r"⟨\d+P", t)]
            if not things:
                continue
            head = things[-1]
        elif match.group("pron").lower() == "who" and not re.match(r"⟨\d+P", head):
            # "General ⟨P⟩ of ⟨C⟩, who toppled ...": "who" is the person, not the state after "of"
            owner = _PERSON_OF.search(text, 0, match.end("head"))
            head = owner.group("person") if owner else head
        rest = text[match.end():]
        end = _clause_end(rest)
        clause = _SUBORDINATE.split(rest[:end], 1)[0].strip()
        if not clause:
            continue
        own = _OBJECT_RELATIVE.match(clause) if match.group("pron").lower() in {"which", "that", "whom"} else None
        if own is not None:
            views.append(f"{own.group('subject')} {own.group('verb')} {head}")
        elif not re.match(TOKEN_PATTERN, clause):
            views.append(f"{head} {clause}")
    return views


def _clause_end(rest: str) -> int:
    """Where a relative clause ends: at the comma a predicate follows, a semicolon, or the sentence end."""
    position = 0
    for _ in range(_MAX_INSERTION_COMMAS + 1):
        comma = rest.find(",", position)
        hard = min((i for i in (rest.find(";", position), rest.find(":", position)) if i >= 0), default=len(rest))
        if comma < 0 or comma > hard:
            return hard if hard < len(rest) else len(rest.rstrip(".!?\"'”"))
        if position == 0 and not re.match(r",\s+(?:the\s+)?⟨", rest[comma:]):
            return comma  # the first comma ends it unless a list of mentions goes on ("which ⟨A⟩, ⟨B⟩ and ⟨C⟩ founded")
        if _PREDICATE_FOLLOWS.match(rest, comma + 1) or re.match(rf",\s+(?:and|but|while|as|after|before)\b", rest[comma:]):
            return comma
        position = comma + 1
    return len(rest)


# The subject that opens a sentence: "⟨S⟩", "The ⟨S⟩", "⟨Nigerian⟩ President ⟨S⟩", "On Monday, ⟨S⟩", the person
# after an organisation's title ("⟨M23⟩ spokesman ⟨S⟩", "The ⟨UN⟩ special envoy for ⟨Libya⟩, ⟨S⟩"); not a possessor
# or a compound ("⟨S⟩'s forces", "⟨S⟩-backed") and not the first of a pair ("⟨S⟩ and ⟨T⟩ met").
_TITLE_WORD = (r"(?:[A-Z][\w.'-]*|special|spokesman|spokeswoman|spokesperson|envoy|leader|chief|commander|official|"
               r"minister|secretary-general|deputy|head|founder|president|senior|top|foreign|defence|defense|army|"
               r"military|prime|secretary|general|ambassador|representative|negotiator)")
_OPENING_SUBJECT = re.compile(
    r"^(?:(?:On|In|Last|Earlier|Later|Late|Early|Hours|Days|Weeks|Months|The next day)\b[^,⟨⟩]{0,30},\s+)?"
    r"(?:[Tt]he\s+)?(?:⟨\d+[A-Z][a-z]?⟩(?:'s)?\s+(?:" + _TITLE_WORD + r"\s+){0,3}" + _TITLE_WORD + r",?\s+(?:(?:for|of)\s+(?:the\s+)?"
    r"⟨\d+[A-Z][a-z]?⟩,?\s+)?(?=⟨\d+P)|⟨\d+C[dc]⟩\s+(?=[A-Z]))?(?:[A-Z][\w.'-]*\s+){0,4}?"
    r"(?P<s>⟨\d+[A-Z][a-z]?⟩)(?!'s|'|-|\s+(?:and|or)\s)")
# Words between the subject and "and" that open a clause of another subject ("..., when ⟨P⟩ flew in and held talks").
_OTHER_CLAUSE = re.compile(r"\b(?:which|who|whom|whose|when|while|whereas|after|because|although|though|as|if|unless|"
                           r"until|where|whether)\b", re.IGNORECASE)
# A second verb phrase of the same subject: "..., and flew to Benghazi for talks with ⟨Z⟩", "... and he warned ⟨B⟩".
_IRREGULAR_PAST = ("met", "held", "led", "took", "gave", "sent", "struck", "hit", "made", "began", "fled", "won", "lost", "said",
                   "told", "fought", "shot", "left", "kept", "went", "came", "brought", "put", "set", "ran", "broke",
                   "drove", "flew", "spoke", "sought", "threw", "withdrew", "overran", "rode", "saw", "became", "built",
                   "bought", "paid", "laid", "meant", "stood", "understood", "wrote", "swore", "vowed", "got", "cut",
                   "bombed", "quit", "spent", "lent", "bore", "stole", "sank", "shut", "split", "spread", "taught")
_SHARED_SUBJECT_VERB = re.compile(
    r"(?<!ing)(?<!ing,)(?:,\s+|\s+)(?:and|but)\s+(?:then\s+|later\s+|also\s+|has\s+|have\s+|had\s+)?(?:(?:he|she|it|they)\s+)?"
    r"(?=(?-i:[a-z]))"
    # "... and is active across ⟨C⟩": a copula before where the subject is
    r"(?:(?=(?:is|are|was|were|remains|remain)\s+(?:also\s+|now\s+|still\s+)?(?:active|based|present|deployed|stationed|"
    r"headquartered|operating|entrenched)\b)|"
    # "... and is led by ⟨P⟩": a passive with its copula is a verb phrase of the subject
    r"(?=(?:is|are|was|were)\s+(?:also\s+|now\s+|still\s+)?(?:led|headed|commanded|run|chaired|backed|funded|armed|"
    r"supported)\s+by\b)|"
    # "... and is ⟨B⟩'s closest backer", "... and was a member of ⟨B⟩": a copula before a noun phrase
    r"(?=(?:is|are|was|were|remains|remain|remained)\s+(?:also\s+|now\s+|still\s+)?(?:the|a|an|one\s+of|"
    r"⟨\d+[A-Z][a-z]?⟩(?:'s|'))\s)|"
    r"(?!(?:the|a|an|its|their|his|her|this|that|these|those|other|others|many|some|several|in|on|at|"
    r"for|with|from|to|of|by|as|after|before|since|then|now|is|are|was|were|not|no|more|most|two|three)\b)"
    r"(?![a-z]+\s+by\b)"  # "is armed and funded by ⟨B⟩": a passive participle shares the clause, not the subject
    # a verb: a past form, a modal, or a present form before its object ("⟨A⟩ and police" is no verb phrase)
    r"(?=[a-z]+ed\b|(?:" + "|".join(_IRREGULAR_PAST) + r")\b|(?:will|would|could|can|may|might|must|should|did|does|do)\b"
    r"|[a-z]+s\s+(?:[a-z]+ly\s|the|a|an|its|their|his|her|to|⟨)))")
# (after an -ing word, "and" joins two gerunds of one verb: "accuses ⟨A⟩ of sheltering and arming ⟨B⟩" ...
# unless the -ing word is a noun after its article: "⟨P⟩ attended the meeting and later met ⟨Q⟩")
_SHARED_SUBJECT_VERB_AFTER_NOUN = re.compile(
    r"(?:(?<=\bthe\s)|(?<=\ban\s)|(?<=\ba\s))[a-z]+ing,?" + _SHARED_SUBJECT_VERB.pattern.removeprefix(r"(?<!ing)(?<!ing,)"))


_SANCTIONS = re.compile(r"\b(?:sanction|designat|blacklist|embargo|asset freeze|travel ban)", re.IGNORECASE)
_TARGETING = re.compile(r"target(?:ing|ed|s)\b", re.IGNORECASE)


def shared_subject_clauses(coded: str) -> Iterator[str]:
    """Later verb phrases of a sentence whose subject opens it, each rewritten with that subject in front;
    rules then read "⟨S⟩ met ⟨Y⟩ ... and flew to Benghazi for talks
    with ⟨Z⟩" as "⟨S⟩ flew to Benghazi for talks with ⟨Z⟩" too.

    >>> list(shared_subject_clauses("⟨0P⟩ met ⟨1P⟩ on Sunday and flew to Benghazi for talks with ⟨2P⟩."))
    ['⟨0P⟩ flew to Benghazi for talks with ⟨2P⟩.']
    >>> list(shared_subject_clauses("⟨0C⟩ and ⟨1C⟩ met and agreed a truce."))
    []
    >>> list(shared_subject_clauses("⟨0C⟩ accuses the ⟨1A⟩ of sheltering and arming ⟨2A⟩."))
    []
    >>> list(shared_subject_clauses("⟨0P⟩ attended the meeting and later met ⟨1P⟩."))
    ['⟨0P⟩ met ⟨1P⟩.']
    >>> list(shared_subject_clauses("⟨0G⟩ is led by ⟨1P⟩ and backed by ⟨2P⟩."))
    ['⟨0G⟩ backed by ⟨2P⟩.']
    >>> list(shared_subject_clauses("⟨0A⟩ spokesman ⟨1P⟩ said ⟨2A⟩ would talk, and he warned ⟨3C⟩ that ..."))
    ['⟨1P⟩ warned ⟨3C⟩ that ...']
    """
    opening = _OPENING_SUBJECT.match(coded)
    if opening is None:
        return
    prefix = opening.group("s") + " "
    for verb in _later_verbs(coded, opening.end()):
        conjunction = re.search(r"(?:,\s+|\s+)(?:and|but)\s", verb.group())
        between = coded[opening.end():verb.start() + (conjunction.start() if conjunction else 0)]
        if _OTHER_CLAUSE.search(between):
            return  # the later verb may belong to that clause's subject
        if _TOKEN.search(between) is None and not verb.group().startswith(",") and len(between.split()) <= 2:
            continue  # "is armed and funded by": one verb phrase, two verbs (a participle after a comma is its own)
        if _SANCTIONS.search(between) and _TARGETING.match(coded, verb.end()):
            continue  # "adopted sanctions against ⟨X⟩, targeting 200 vessels": what sanctions target is not attacked
        yield prefix + coded[verb.end():]


# "he"/"she" opening a later clause: the sentence's subject when that is a person ("⟨P⟩ flew to ⟨C⟩, where he met ⟨Q⟩")
_PERSON_PRONOUN_CLAUSE = re.compile(r"(?:,\s+|\s+)(?:where|when|while|after|before|as|and|but)\s+(?:he|she)\s+(?=(?-i:[a-z]))",
                                    re.IGNORECASE)


def pronoun_clauses(coded: str) -> Iterator[str]:
    """Later clauses whose subject is "he" or "she", read with the person who opens the sentence.

    >>> list(pronoun_clauses("⟨0P⟩ was on a visit to ⟨1Cc⟩, where he held talks with ⟨2P⟩."))
    ['⟨0P⟩ held talks with ⟨2P⟩.']
    >>> list(pronoun_clauses("⟨0C⟩ hosted talks, where he met ⟨2P⟩."))
    []
    """
    opening = _OPENING_SUBJECT.match(coded)
    if opening is None or not re.match(r"⟨\d+Pr?⟩", opening.group("s")):
        return
    for clause in _PERSON_PRONOUN_CLAUSE.finditer(coded, opening.end()):
        if re.search(r"⟨\d+Pr?⟩", coded[opening.end():clause.start()]):
            return  # another person named before the pronoun may be the one it means
        yield opening.group("s") + " " + coded[clause.end():]


# A participle adjunct of the subject: "⟨S⟩ overran the base, killing ⟨Y⟩" (not "including", "according", "saying").
_PARTICIPLE = re.compile(r",\s+(?=(?!(?:including|according|citing|saying|adding|noting|during|following|regarding|"
                         r"concerning|excluding|involving|bring|king|thing|nothing|something|anything|everything)\b)"
                         r"(?-i:[a-z])[a-z]+ing\s)")


# A second passive after the agent of the first: "⟨X⟩ is led by ⟨P⟩ and backed by ⟨Q⟩" is also "⟨X⟩ backed by ⟨Q⟩"
_PASSIVE_AFTER_AGENT = re.compile(r"by\s+" + TOKEN_PATTERN + r"\s+and\s+(?=(?:[a-z]+ly\s+)?[a-z]+ed\s+by\b)")


def _later_verbs(coded: str, start: int) -> list[re.Match]:
    """Where later verb phrases of the opening subject begin: after "and"/"but", or a participle after a comma."""
    found = [*_SHARED_SUBJECT_VERB.finditer(coded, start), *_SHARED_SUBJECT_VERB_AFTER_NOUN.finditer(coded, start),
             *_PASSIVE_AFTER_AGENT.finditer(coded, start), *_PARTICIPLE.finditer(coded, start)]
    return sorted(found, key=lambda m: m.start())


# A subject named by its members: "Fighters from the ⟨X⟩ in ⟨C⟩ raided ..." reads as "⟨X⟩ fighters raided ..."
_MEMBERS_SUBJECT = re.compile(
    r"^(?P<lead>(?:(?:On|In|Last|Early|Late|Earlier|Later)\b[^,⟨⟩]{0,30},\s+)?)(?P<noun>fighters|militants|gunmen|members|jihadists|"
    r"insurgents|rebels|commandos|troops|soldiers|forces|loyalists|operatives)\s+(?:from|of|belonging\s+to|loyal\s+to)\s+"
    r"(?:the\s+)?(?P<x>" + TOKEN_PATTERN + r")(?:\s+in\s+(?:the\s+)?(?:[a-z]+\s+)?" + TOKEN_PATTERN + r")?(?=\s+[a-z])",
    re.IGNORECASE)


def members_subject(text: str) -> str:
    """The sentence with a subject named by its members rewritten as the group's ("⟨X⟩ fighters ...").

    >>> members_subject("Fighters from the ⟨0A⟩ in ⟨1C⟩ raided a base, killing two ⟨2Cd⟩ soldiers.")
    '⟨0A⟩ fighters raided a base, killing two ⟨2Cd⟩ soldiers.'
    """
    match = _MEMBERS_SUBJECT.match(text)
    if match is None:
        return text
    return f"{match.group('lead')}{match.group('x')} {match.group('noun').lower()}{text[match.end():]}"


# A plural noun of actors that a list of named ones spells out: "fighting Rohingya armed groups, among them ⟨A⟩ and ⟨B⟩"
_SPELLED_OUT = re.compile(
    r"\b(?:the\s+|several\s+|other\s+|two\s+|three\s+|four\s+|many\s+|some\s+|various\s+|rival\s+)?"
    # the noun's modifiers: no verb, auxiliary or preposition ("fighting Rohingya armed groups": "Rohingya armed")
    r"(?:(?:(?!(?:is|are|was|were|be|been|has|have|had|also|and|or|with|against|by|of|to|from|on|in|at|for)\b)"
    r"(?:armed|[\w-]+(?<!ing)(?<!ed))|" + TOKEN_PATTERN + r")\s+){0,3}?(?:groups|militias|factions|rebel\s+groups|gangs|organisations|"
    r"organizations|movements|countries|states|nations|governments|allies|partners|parties|armed\s+groups)\s*,?\s+"
    r"(?:including|among\s+them|notably|such\s+as|namely)\s+(?=(?:the\s+)?⟨)", re.IGNORECASE)


# "⟨A⟩ and five other ⟨Mexican⟩ criminal organisations, ⟨B⟩, ⟨C⟩ and ⟨D⟩": the count's names join the first one
_COUNTED_OTHERS = re.compile(
    r"(?P<first>" + TOKEN_PATTERN + r")\s+and\s+(?:the\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several)\s+"
    r"other\s+(?:(?:[\w-]+|" + TOKEN_PATTERN + r")\s+){0,3}?(?:groups|militias|factions|gangs|cartels|organisations|"
    r"organizations|movements|countries|states|nations|governments|parties)\s*,\s+(?=(?:the\s+)?⟨)", re.IGNORECASE)


def spelled_out_lists(coded: str) -> str:
    """The sentence with a plural noun of actors replaced by the named ones it lists.

    >>> spelled_out_lists("The ⟨0A⟩ is also fighting Rohingya armed groups, among them the ⟨1A⟩ and the ⟨2A⟩.")
    'The ⟨0A⟩ is also fighting the ⟨1A⟩ and the ⟨2A⟩.'
    >>> spelled_out_lists("⟨0G⟩ designated the ⟨1A⟩ and two other cartels, the ⟨2A⟩ and the ⟨3A⟩, as terrorists.")
    '⟨0G⟩ designated the ⟨1A⟩, the ⟨2A⟩ and the ⟨3A⟩, as terrorists.'
    """
    return _COUNTED_OTHERS.sub(r"\g<first>, ", _SPELLED_OUT.sub("", coded))


# A person named after a possessive title and paired with another ("⟨C⟩'s top diplomat, ⟨P⟩, and ⟨Q⟩ held talks")
_TITLED_FIRST = re.compile(r"(?:the\s+)?⟨\d+C[a-z]?⟩(?:'s|')\s+(?:(?-i:[a-z])[\w-]*\s+){0,3}(?-i:[a-z])[\w-]*,\s+"
                           r"(?P<person>⟨\d+P⟩),(?=\s+and\s+⟨)")


# A group named as another's part: "the ⟨X⟩'s armed wing, the ⟨Y⟩" is ⟨Y⟩ wherever it stands
_NAMED_PART = re.compile(r"(?:the\s+)?" + TOKEN_PATTERN + r"(?:'s|')\s+(?:(?-i:[a-z])[\w-]*\s+){0,2}?(?:wing|branch|arm|affiliate|unit|faction|"
                         r"offshoot)\s*,\s+(?:the\s+)?(?P<part>" + TOKEN_PATTERN + r")(?!['’-])")


def named_parts(coded: str) -> str:
    """The sentence with a part named after its owner ("⟨X⟩'s armed wing, the ⟨Y⟩") read as the part alone.

    >>> named_parts("⟨0C⟩ kept up ⟨1Cr⟩ campaign against ⟨2A⟩'s armed wing, the ⟨3A⟩.")
    '⟨0C⟩ kept up ⟨1Cr⟩ campaign against ⟨3A⟩.'
    """
    return _NAMED_PART.sub(r"\g<part>", coded)


def named_pairs(coded: str) -> str:
    """The sentence with a first person's possessive title left out, so that the pair reads as one subject.

    >>> named_pairs("⟨0C⟩'s top diplomat, ⟨1P⟩, and ⟨2P⟩ held talks.")
    '⟨1P⟩ and ⟨2P⟩ held talks.'
    """
    return _TITLED_FIRST.sub(r"\g<person>", coded)


# "Unlike ⟨A⟩ and ⟨B⟩, ⟨C⟩ does not list ⟨X⟩ as ...": what the contrast says ⟨A⟩ and ⟨B⟩ do
_CONTRAST = re.compile(
    rf"^Unlike\s+(?P<others>(?:the\s+)?{TOKEN_PATTERN}(?:(?:\s*,\s*|\s*,?\s+and\s+)(?:the\s+)?{TOKEN_PATTERN})*)\s*,\s+"
    rf"(?:the\s+)?{TOKEN_PATTERN}\s+(?P<aux>does|do|did|has|have|had)\s+not\s+(?P<rest>(?-i:[a-z]).*)$", re.IGNORECASE)


def contrasted(coded: str) -> str:
    """The statement a contrast makes of the actors it opens with.

    >>> contrasted("Unlike the ⟨0C⟩ and the ⟨1I⟩, ⟨2Cc⟩ does not list ⟨3A⟩ as a terrorist organisation.")
    'the ⟨0C⟩ and the ⟨1I⟩ list ⟨3A⟩ as a terrorist organisation.'
    >>> contrasted("Unlike ⟨0C⟩, ⟨1C⟩ has not designated ⟨2A⟩."), contrasted("Like ⟨0C⟩, ⟨1C⟩ lists ⟨2A⟩.")
    ('⟨0C⟩ have designated ⟨2A⟩.', '')
    """
    match = _CONTRAST.match(coded)
    if match is None:
        return ""
    aux = "have " if match.group("aux").lower() in {"has", "have", "had"} else ""
    return f"{match.group('others')} {aux}{match.group('rest')}"


# "..., with ⟨X⟩ striking ⟨Y⟩ and ⟨Z⟩ launching ...": an absolute clause, its actor the subject of its participle
# (a demonym qualifies a noun there: "with ⟨Saudi⟩ backing"; nor is every word in -ing a participle: "with ⟨US⟩ funding")
_ABSOLUTE_PARTICIPLE = (r"(?:the\s+)?⟨\d+(?:[GAOIP][a-z]?|C[cr]?)⟩\s+(?:(?-i:[a-z])\w*ly\s+)?"
                        r"(?!(?:backing|funding|financing|training|blessing|bidding|meeting|building)\b)(?-i:[a-z])\w+ing\b")
_ABSOLUTE_START = re.compile(rf"(?:^|,\s+|\s)with\s+(?={_ABSOLUTE_PARTICIPLE})", re.IGNORECASE)
_ABSOLUTE_NEXT = re.compile(rf"\s*,?\s+and\s+(?={_ABSOLUTE_PARTICIPLE})", re.IGNORECASE)


def absolute_clauses(coded: str) -> list[str]:
    """The absolute clauses of a sentence ("with ⟨X⟩ striking ⟨Y⟩"), each read as a clause of its own.

    >>> absolute_clauses("They fought for days, with ⟨0C⟩ striking ⟨1Cd⟩ bases and ⟨2C⟩ launching drones at ⟨3G⟩ sites.")
    ['⟨0C⟩ striking ⟨1Cd⟩ bases', '⟨2C⟩ launching drones at ⟨3G⟩ sites.']
    >>> absolute_clauses("⟨0C⟩ met with ⟨1C⟩ envoys.")
    []
    """
    start = _ABSOLUTE_START.search(coded)
    return _ABSOLUTE_NEXT.split(coded[start.end():]) if start else []


def views(coded: str) -> list[str]:
    """The clause views of a placeholder sentence, other than the sentence itself, without repeats.

    >>> views("⟨0A⟩, which ⟨1C⟩ arms, has for years attacked ⟨2C⟩, killing ⟨3P⟩.")
    ['⟨0A⟩ has attacked ⟨2C⟩, killing ⟨3P⟩.', '⟨1C⟩ arms ⟨0A⟩', '⟨0A⟩ killing ⟨3P⟩.']
    """
    simple = core(members_subject(named_pairs(coded)))
    relatives = relative_clauses(coded)
    found = [simple, *relatives, *shared_subject_clauses(coded), *shared_subject_clauses(simple),
             *(view for relative in relatives for view in shared_subject_clauses(relative)),
             *pronoun_clauses(simple), spelled_out_lists(coded), named_parts(simple), contrasted(coded),
             *absolute_clauses(coded)]
    return [view for view in dict.fromkeys(found) if view and view != coded]
