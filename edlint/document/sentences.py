"""Sentence and word boundaries inside prose blocks, as offsets.

A small rule-based splitter tuned for news copy: it knows honorifics and
abbreviations (Mr, Dr, Gen, U.S.), initials, decimal numbers, and that a
closing quote mark can follow the full stop. It is deliberately conservative:
a missed boundary joins two sentences; a wrong one would cut an attribution
from its quote.
"""
from __future__ import annotations

import bisect
import re

from edlint.document.lazyre import lazy
from edlint.document.marks import offsets_of
from edlint.records import FrozenRecord

# Abbreviations that never end a sentence in news copy, in any case.
ABBREVIATIONS = frozenset([
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cdr", "adm", "rev", "st",
    "mt", "ft", "jr", "sr", "supt", "insp", "cllr", "rt", "vs", "v", "al", "approx", "dept", "govt", "e.g", "i.e",
    "u.s", "u.k", "u.n", "u.s.a", "a.m", "p.m",
])
# Only abbreviations when capitalised: "Sat." is Saturday, "sat." ends a sentence.
CAPITALISED_ABBREVIATIONS = frozenset([
    "Sen", "Rep", "Gov", "Pres", "Det", "Hon", "No", "Nos", "Vol", "Vols", "Fig", "Figs", "Co", "Corp", "Inc", "Ltd",
    "Bros", "Est", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue",
    "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
])

_LONGEST_ABBREVIATION = max(6, *(len(w) for w in ABBREVIATIONS | CAPITALISED_ABBREVIATIONS))  # 6: "approx", "U.S.A."
_BOUNDARY = lazy(
    r"""([.?!\u2026]+)          # terminal punctuation
        ([\"'\u201d\u2019)\]]*)  # closing quotes or brackets
        (\s+)                    # whitespace
        (?=[\"'\u201c\u2018(\[]?[A-Z0-9\u00c0-\u024f])""",
    re.X,
)
_TERMINALS = ".?!\u2026"
_WORD = lazy(r"[^\W\d_](?:[\w\u2019'\-]*[^\W_])?", re.U)


class Sentence(FrozenRecord):
    """A sentence of one block, as offsets (a document makes dozens: slots, and ``__init__`` written out)."""

    __slots__ = ("start", "end", "block")
    _fields = ("start", "end", "block")

    def __init__(self, start: int, end: int, block: int) -> None:
        self.start = start
        self.end = end
        self.block = block  # index into Document.blocks


class Word(FrozenRecord):
    _fields = ("start", "end", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text


def terminal_marks(prose: str) -> list[int]:
    """Offsets of every full stop, ``?``, ``!`` and ``…`` in ``prose``, in order.

    A sentence boundary starts at one of them: the splitter tries its pattern
    there alone (plain ``str.find`` locates them several times faster than
    the pattern engine scans for a character class).
    """
    return offsets_of(prose, _TERMINALS)


def split_sentences(prose: str, start: int, end: int, marks: list[int] | None = None) -> list[tuple[int, int]]:
    """Sentence spans inside prose[start:end], trimmed of surrounding whitespace.

    ``marks`` are ``terminal_marks(prose)``, worked out once for a document of
    many blocks. The boundary pattern is tried at each mark not inside the
    previous boundary: the same boundaries a scan of the block finds.
    """
    if marks is None:
        marks = terminal_marks(prose)
    match = _BOUNDARY.compiled().match
    spans = []
    s = pos = start
    for k in range(bisect.bisect_left(marks, start), len(marks)):
        j = marks[k]
        if j >= end:
            break
        if j < pos:
            continue  # inside the last boundary ("?!", "...")
        m = match(prose, j, end)
        if m is None:
            continue
        pos = m.end()
        e = m.end(2)
        if e == j + 1 and prose[j] == "." and _abbreviation(prose, start, j):
            continue  # a lone full stop, no closing mark, after Mr, U.S., an initial
        if e > s:
            spans.append((s, e))
        s = pos
    if s < end:
        spans.append((s, end))
    if spans and (prose[spans[0][0]].isspace() or prose[spans[-1][1] - 1].isspace()):
        _trim_ends(prose, spans)
    return spans


def _trim_ends(prose: str, spans: list[tuple[int, int]]) -> None:
    """Whitespace off the ends of the spans (in place); a span of whitespace only is dropped.

    Only the first span can start, and the last end, with whitespace: every
    other one starts where a boundary's spaces end, before a capital, and ends
    at its full stop or closing mark.
    """
    for i in (-1, 0) if len(spans) > 1 else (0,):
        a, b = spans[i]
        if prose[a].isspace() or prose[b - 1].isspace():
            while a < b and prose[a].isspace():
                a += 1
            while b > a and prose[b - 1].isspace():
                b -= 1
            if b > a:
                spans[i] = (a, b)
            else:
                del spans[i]


def _abbreviation(prose: str, start: int, j: int) -> bool:
    """Does the full stop at ``j`` end an abbreviation (Mr., U.S., Gen., an initial)?

    The token is the run of letters and full stops before it. Every abbreviation
    is at most six characters long, so the run is read back at most seven: a
    longer one is an ordinary word, whatever it is. Most tokens are a word of
    letters after a space, told by two string tests.
    """
    lo = j - _LONGEST_ABBREVIATION - 1
    raw = prose[lo if lo > start else start : j]
    if raw.isalpha():
        if len(raw) > _LONGEST_ABBREVIATION:
            return False  # a word longer than any abbreviation
    else:
        raw = raw[raw.rfind(" ") + 1 :]
        if not raw.isalpha():
            return _dotted_abbreviation(prose, start, j)
    token = raw.lower()
    return token in ABBREVIATIONS or raw in CAPITALISED_ABBREVIATIONS or (len(token) == 1 and raw.isupper())


def _dotted_abbreviation(prose: str, start: int, j: int) -> bool:
    """``_abbreviation`` for a token that is not letters after a space (U.S., "(Mr"), read a character at a time."""
    lo = max(start, j - _LONGEST_ABBREVIATION - 1)
    k = j
    while k > lo and (prose[k - 1].isalpha() or prose[k - 1] == "."):
        k -= 1
    if k == lo and k > start and (prose[k - 1].isalpha() or prose[k - 1] == "."):
        return False  # a word longer than any abbreviation
    raw = prose[k:j]
    token = raw.lower()
    if token in ABBREVIATIONS or raw in CAPITALISED_ABBREVIATIONS or (len(token) == 1 and prose[k].isupper()):
        return True
    return "." in token and len(token) <= 6  # U.S., a.m.


def words_in(prose: str, start: int, end: int) -> list[Word]:
    return [Word(m.start(), m.end(), m.group()) for m in _WORD.finditer(prose, start, end)]
