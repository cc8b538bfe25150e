"""Sentence splitting with character offsets, and dropping page furniture.

News text copied from web pages carries lines that are not prose: headlines, datelines
("CAIRO, October 5, 2025"), section labels, video-player controls, photo credits and bylines.
They are recognised by their shape, not by their words: a line that does not end like a
sentence (with ``.``, ``!``, ``?`` or a closing quote) is furniture, and so is a short
trailing fragment after the last full stop of a line (a caption's credit: "... the US. AP").

>>> [s.text for s in split_sentences("Headline here\\n\\nIran met Iraq. Then U.S. officials left. AP\\n")]
['Iran met Iraq.', 'Then U.S. officials left.']
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! ? (optionally followed by a closing quote or bracket) before a space and
# a capital letter, digit or opening quote.
_BOUNDARY = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])")
_TERMINAL = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s*$")
# Tokens after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen lt col maj sgt capt adm cmdr gov sen rep st jr sr prof rev no vs etc "
    "jan feb mar apr jun jul aug sep sept oct nov dec inc corp co ltd dept est approx".split()
)
_INITIALS = re.compile(r"(?:\b[A-Za-z]\.)+[A-Za-z]?\.?$")
MIN_FRAGMENT_WORDS = 5
# A caption: a sentence followed by a short credit ("... with the US. AP", "... by the US. Getty Images").
_CREDITED = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+\S+(?:\s+\S+){0,3}$")


@dataclass(frozen=True)
class Sentence:
    """One sentence: ``text == article_text[start:end]``."""

    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """The prose sentences of ``text`` in order, with their offsets; furniture lines dropped."""
    sentences: list[Sentence] = []
    offset = 0
    for line in text.split("\n"):
        line_start = offset
        offset += len(line) + 1
        stripped = line.strip()
        if not stripped or len(stripped.split()) < 3 or not (_TERMINAL.search(stripped) or _CREDITED.search(stripped)):
            continue
        lead = line_start + (len(line) - len(line.lstrip()))
        sentences.extend(_split_line(text, lead, lead + len(stripped)))
    return sentences


def _split_line(text: str, start: int, end: int) -> list[Sentence]:
    line = text[start:end]
    pieces: list[tuple[int, int]] = []
    piece_start = 0
    for boundary in _BOUNDARY.finditer(line):
        if _is_abbreviation(line[piece_start:boundary.start() + 1]):
            continue
        pieces.append((piece_start, boundary.end()))
        piece_start = boundary.end()
    pieces.append((piece_start, len(line)))
    result = []
    for piece_start, piece_end in pieces:
        piece = line[piece_start:piece_end].rstrip()
        if not piece:
            continue
        if not _TERMINAL.search(piece) and len(piece.split()) < MIN_FRAGMENT_WORDS:
            continue  # a trailing credit or caption fragment ("AP", "Getty Images")
        result.append(Sentence(start + piece_start, start + piece_start + len(piece), piece))
    return result


def _is_abbreviation(text_before: str) -> bool:
    """Whether the full stop that ends ``text_before`` belongs to an abbreviation ("Gen.", "U.S.")."""
    words = text_before.split()
    if not words:
        return False
    last = words[-1]
    if last.rstrip(".").lower() in _ABBREVIATIONS:
        return True
    return bool(_INITIALS.search(last)) and len(last.rstrip(".")) <= 4
