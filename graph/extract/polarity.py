"""Polarity and modality of a matched relation: negated or denied, hedged, hypothetical.

The cues (``polarity.yaml``) are looked for in the trigger's clause: from the last clause boundary
before the match to the end of the match. Negation and denial there make the claim negative (recorded,
never asserted); a hedge ("allegedly", "accused of", "believed to") makes it hedged with lower
confidence; a condition, question, future or wish ("if", "would", "plans to", "?") makes it
hypothetical, and hypothetical claims are not emitted (threats excepted: they are made of such words).

>>> judge = PolarityJudge({"negation": ["not"], "denial": ["denied"], "hedge": ["reportedly"],
...                        "modal": ["would"], "boundaries": [";", " but "]})
>>> judge.judge("Tehran has denied arming the Houthis.", 0, 36)
Modality(negated=True, hedged=False, hypothetical=False)
>>> judge.judge("Iran reportedly armed them; Syria would not.", 0, 25)
Modality(negated=False, hedged=True, hypothetical=False)
>>> ongoing = PolarityJudge({"negation": [], "denial": [], "hedge": [], "modal": ["will", "if"], "boundaries": [],
...                          "ongoing": ["will keep"]})
>>> ongoing.judge("Turkey will keep arming the SNA", 0, 31).hypothetical, ongoing.judge("if Turkey will keep arming it", 0, 29).hypothetical
(False, True)
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from graph.extract.clauses import without_insertions


@dataclass(frozen=True)
class Modality:
    negated: bool
    hedged: bool
    hypothetical: bool


def _body(words: list[str]) -> str:
    """Cue words as one alternation; "its"/"their" in a cue also match a mention token ("held ⟨3Ar⟩ fire")."""
    ordered = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    return re.sub(r"\b(its|their)\b", r"(?:\1|⟨\\d+[A-Z][a-z]?⟩)", body)


def _word_pattern(words: list[str], flags: int = re.IGNORECASE) -> re.Pattern:
    return re.compile(rf"(?<![\w'])(?:{_body(words)})(?![\w])", flags)


def _governing_pattern(words: list[str]) -> re.Pattern:
    """A cue that governs the clause after it: "... denied that" / "... has alleged that" at the end of a text."""
    return re.compile(rf"(?<![\w'])(?:{_body(words)})\s+(?:[^\s]+\s+){{0,3}}?(?:that|whether)\s*$", re.IGNORECASE)


# A negation or denial whose object is a plain noun phrase closed by "and <verb>" ("rejected the pause and
# vowed to ...") does not reach the verb phrase after "and"; a denied report ("denied the claims and ...") does.
_CLOSED_OBJECT = re.compile(
    r"\s+(?:the|a|an|this|that|its|their|his|her|⟨\d+[A-Z]r⟩)\s+(?!(?:[\w-]+\s+){0,2}?(?:claims?|reports?|allegations?|"
    r"accusations?|charges?|suggestions?|assertions?|statements?|accounts?)\b)(?:[\w-]+\s+){0,2}?[\w-]+,?\s+and\s+"
    r"(?!(?:the|a|an|its|their|his|her|that|any|all|other|of|to)\b)(?:[\w-]+\s+){0,2}?(?=\S)", re.IGNORECASE)


_FOLLOWING_PREDICATE = re.compile(
    r"\s+(?:(?P<modal>could|would|might|may|will|shall|should|can|is\s+expected\s+to|are\s+expected\s+to|"
    r"is\s+due\s+to|are\s+due\s+to|was\s+due\s+to|were\s+due\s+to|is\s+planned|are\s+planned|is\s+scheduled|are\s+scheduled)"
    r"|(?P<negation>has\s+not|have\s+not|had\s+not|did\s+not|does\s+not|do\s+not|never|cannot|won't|wouldn't|"
    r"couldn't|hasn't|haven't|didn't|were\s+not|was\s+not|collapsed|broke\s+down|were\s+cancelled|was\s+cancelled|"
    r"were\s+called\s+off|was\s+called\s+off|fell\s+through))\b", re.IGNORECASE)


# A mention that is the subject of a condition clause: "if the ⟨X⟩"
_CONDITION_SUBJECT = re.compile(r"\b(?:if|unless|until|whether)\s+(?:the\s+)?⟨\d+[A-Z][a-z]?⟩$", re.IGNORECASE)


class PolarityJudge:
    """Judges one match in a sentence; patterns compiled once from the cue lists."""

    def __init__(self, cues: dict):
        self.negation = _word_pattern(list(cues["negation"]) + list(cues["denial"]))
        # "would not hesitate to strike", "did not rule out strikes": a negation word that asserts
        affirming = cues.get("affirming") or []
        self.affirming = _word_pattern(affirming) if affirming else None
        self.hedge = _word_pattern(cues["hedge"])
        # "claimed responsibility for", "an attack that ⟨X⟩ claimed": an admission, not a hedge
        admissions = cues.get("admissions") or []
        self.admission = re.compile(
            (rf"(?<![\w'])(?:{_body(admissions)})(?![\w])|" if admissions else "")
            + r"(?:that|which)\s+⟨\d+[A-Z][a-z]?⟩\s+(?:later\s+)?claimed\b(?!\s+(?:that|it|they|to)\b)", re.IGNORECASE)
        # modal verbs are matched in lower case only: "May 14" is a date ("If" is listed capitalised too)
        self.modal = _word_pattern(cues["modal"], 0)
        # "will keep arming X" states ongoing support: the phrase does not count as a modal
        self.ongoing = _word_pattern(cues.get("ongoing", [])) if cues.get("ongoing") else None
        # a clause governed by a denial or a hedge just before it: "Moscow denied that Wagner operates in Mali"
        self.denied_clause = _governing_pattern(list(cues["denial"]) + list(cues.get("negated_clause", [])))
        self.hedged_clause = _governing_pattern(cues["hedge"])
        conditions = cues.get("trailing_condition") or []
        self.trailing_condition = _word_pattern(conditions, 0) if conditions else None
        ordered = sorted(cues["boundaries"], key=len, reverse=True)
        self.boundary = re.compile("|".join(re.escape(b) for b in ordered), re.IGNORECASE)

    def clause_start(self, sentence: str, start: int) -> int:
        """Offset just after the last clause boundary before ``start`` (0 if none)."""
        last = 0
        for match in self.boundary.finditer(sentence, 0, start):
            last = match.end()
        return last

    def clause_end(self, sentence: str, end: int) -> int:
        """Offset of the first clause boundary after ``end`` (the sentence's length if none)."""
        match = self.boundary.search(sentence, end)
        return match.start() if match else len(sentence)

    def _conditioned(self, sentence: str, end: int) -> bool:
        """A condition in the rest of the clause after the match: "... the Houthis unless Washington ..."."""
        if self.trailing_condition is None:
            return False
        return bool(self.trailing_condition.search(sentence, end, self.clause_end(sentence, end)))

    def _negated(self, clause: str) -> bool:
        """A negation cue in the clause that governs the relation at its end.

        >>> judge = PolarityJudge({"negation": ["not"], "denial": ["rejected"], "hedge": [], "modal": [], "boundaries": [],
        ...                        "affirming": ["not hesitate"]})
        >>> judge._negated("Ruritania rejected the truce and vowed to keep shelling ⟨1A⟩"), judge._negated("it rejected claims it armed ⟨1A⟩")
        (False, True)
        >>> judge._negated("it would not hesitate to strike ⟨1A⟩"), judge._negated("it rejected the claims and accusations that it armed ⟨1A⟩")
        (False, True)
        """
        if self.affirming is not None:
            clause = self.affirming.sub(" ", clause)
        for cue in self.negation.finditer(clause):
            closed = _CLOSED_OBJECT.match(clause, cue.end())
            if closed is None or closed.end() >= len(clause):
                return True
        return False

    def _without_ongoing(self, clause: str) -> str:
        return self.ongoing.sub(" ", clause) if self.ongoing else clause

    def judge(self, sentence: str, start: int, end: int, trigger_start: int | None = None,
              scope_match: bool = False, holds_across: bool = False) -> Modality:
        """The modality of the relation matched at ``sentence[start:end]``.

        ``trigger_start`` (default ``start``) is where the clause is taken to begin looking back from:
        for a relation whose subject stands far before its verb, pass the verb's offset. ``holds_across``: the
        relation is a standing one that a title or apposition states ("Rwandan President X"), which the
        predicate after it does not suspend ("... is expected to travel").
        """
        lead = ""
        if scope_match:  # a relation inside a noun phrase ("the Iran-backed X") ignores the clause around it
            clause = sentence[start:end]
        else:
            clause_start = self.clause_start(sentence, trigger_start if trigger_start is not None else start)
            clause, lead = without_insertions(sentence[clause_start:end]), sentence[max(0, clause_start - 80):clause_start]
        # a relation named by a noun phrase is suspended or negated by the predicate that follows it: "a meeting
        # between X and Y could take place ...", "talks between X and Y have not resumed"
        follows = None if scope_match or holds_across else _FOLLOWING_PREDICATE.match(sentence, end)
        if follows and _CONDITION_SUBJECT.search(sentence, max(0, end - 80), end):
            follows = None  # "... would strike if ⟨X⟩ did not disband": the predicate is the condition's own
        return Modality(
            negated=(self._negated(clause) or bool(self.denied_clause.search(lead))
                     or bool(follows and follows.group("negation"))),
            hedged=bool(self.hedge.search(self.admission.sub(" ", clause)) or self.hedged_clause.search(lead)),
            hypothetical=(bool(self.modal.search(self._without_ongoing(clause))) or sentence.rstrip().endswith("?")
                          or (not scope_match and self._conditioned(sentence, end))
                          or bool(follows and follows.group("modal"))),
        )
