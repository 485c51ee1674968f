"""Sentence and word boundaries inside prose blocks, as offsets.

A small rule-based splitter tuned for news copy: it knows honorifics and
abbreviations (Mr, Dr, Gen, U.S.), initials, decimal numbers, and that a
closing quote mark can follow the full stop. It is deliberately conservative:
a missed boundary joins two sentences; a wrong one would cut an attribution
from its quote.
"""
from __future__ import annotations

import re

from edlint.document.lazyre import lazy
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
_WORD = lazy(r"[^\W\d_](?:[\w\u2019'\-]*[^\W_])?", re.U)


class Sentence(FrozenRecord):
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


def split_sentences(prose: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside prose[start:end], trimmed of surrounding whitespace."""
    spans = []
    s = start
    for m in _BOUNDARY.compiled().finditer(prose, start, end):
        if m.group(1) == "." and not m.group(2) and _abbreviation(prose, start, m.start(1)):
            continue
        e = m.end(2)
        if e > s:
            spans.append((s, e))
        s = m.end(3)
    if s < end:
        spans.append((s, end))
    out = []
    for a, b in spans:
        if prose[a].isspace() or prose[b - 1].isspace():
            while a < b and prose[a].isspace():
                a += 1
            while b > a and prose[b - 1].isspace():
                b -= 1
        if b > a:
            out.append((a, b))
    return out


def _abbreviation(prose: str, start: int, j: int) -> bool:
    """Does the full stop at ``j`` end an abbreviation (Mr., U.S., Gen., an initial)?

    The token is the run of letters and full stops before it. Every abbreviation
    is at most six characters long, so the run is read back at most seven: a
    longer one is an ordinary word, whatever it is.
    """
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
