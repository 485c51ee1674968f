"""One pass over a document for every literal term of every rule.

All literal terms (data rules' swap lists, variant spellings, phrase packs)
go into one Aho-Corasick automaton per run; each document is scanned once and
the hits are handed to the rule that asked for them. Matching is
case-insensitive and only whole words count (a term must not start or end in
the middle of a word).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any
from collections.abc import Iterable

from edlint.core.rule import LiteralHit
from edlint.document.lazyre import lazy


def _fold(s: str) -> str:
    """Lower-case without changing length, so offsets in the folded text are offsets in the original."""
    low = s.lower()
    if len(low) == len(s):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in s)


def _normalise_marks(s: str) -> str:
    # Curly and straight apostrophes match each other: "don't" finds "don’t".
    return s.replace("\u2019", "'").replace("\u2018", "'")


def find_all(automaton, text: str) -> list[tuple[int, int, int]]:
    """Every match of an ``ahocorasick_rs`` automaton in ``text``, overlapping ones included, as
    (term index, start, end) in characters.

    The automaton reads UTF-8, which a lone surrogate (a file's undecodable byte kept
    by ``surrogateescape``) cannot be: such text is searched with each surrogate
    replaced by U+FFFD, one character for one, so every offset stays right.
    """
    try:
        return automaton.find_matches_as_indexes(text, overlapping=True)
    except UnicodeEncodeError:
        return automaton.find_matches_as_indexes(_LONE_SURROGATE.sub("\ufffd", text), overlapping=True)


_LONE_SURROGATE = lazy(r"[\ud800-\udfff]")  # escapes the pattern engine reads: the source stays UTF-8


class LiteralMatcher:
    """Every rule's literal terms in one automaton; ``scan`` hands each rule the hits of its own terms."""

    def __init__(self) -> None:
        self._terms: dict[str, list[tuple[str, Any]]] = defaultdict(list)
        self._automaton = None
        self._found: list[list[tuple[str, Any]]] = []

    def add(self, owner: str, term: str, payload: Any) -> None:
        """A term for rule ``owner``; the payload comes back with each hit (a replacement, a group)."""
        self.add_all(owner, ((term, payload),))

    def add_all(self, owner: str, terms: Iterable[tuple[str, Any]]) -> None:
        """``add`` for many terms: the loop a rule set makes of a few thousand curated forms at every start."""
        table = self._terms
        for term, payload in terms:
            key = _fold(term.strip())
            if "\u2019" in key or "\u2018" in key:
                key = _normalise_marks(key)
            if key:
                table[key].append((owner, payload))
        self._automaton = None

    def __getstate__(self) -> dict:
        # The automaton cannot be pickled: a copy sent elsewhere builds its own on its first scan.
        return {"_terms": self._terms, "_automaton": None, "_found": []}

    def __len__(self) -> int:
        return len(self._terms)

    def _build(self):
        """The automaton, built on the first scan after a term was added (loading it costs; most runs add once).

        ``ahocorasick_rs`` reports every match, overlapping ones included, as the
        term's index and character offsets; ``_found`` holds, by that index, the
        rules that asked for the term and their payloads.
        """
        from ahocorasick_rs import AhoCorasick

        keys = list(self._terms)
        self._found = [self._terms[k] for k in keys]
        self._automaton = AhoCorasick(keys)
        return self._automaton

    def scan(self, text: str) -> dict[str, list[LiteralHit]]:
        """The whole-word hits in ``text``, by the rule that owns each term, with offsets into ``text``."""
        if not self._terms:
            return {}
        a = self._automaton or self._build()
        folded = _normalise_marks(_fold(text))
        n = len(text)
        found_by = self._found
        out: dict[str, list[LiteralHit]] = defaultdict(list)
        for i, start, end in find_all(a, folded):
            if start > 0 and folded[start - 1].isalnum() and folded[start].isalnum():
                continue
            if end < n and folded[end].isalnum() and folded[end - 1].isalnum():
                continue
            found = text[start:end]
            for owner, payload in found_by[i]:
                out[owner].append(LiteralHit(start, end, found, payload))
        return out
