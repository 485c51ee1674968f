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


def _fold(s: str) -> str:
    """Lower-case without changing length, so offsets in the folded text are offsets in the original."""
    low = s.lower()
    if len(low) == len(s):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in s)


def _normalise_marks(s: str) -> str:
    # Curly and straight apostrophes match each other: "don't" finds "don’t".
    return s.replace("\u2019", "'").replace("\u2018", "'")


class LiteralMatcher:
    """Every rule's literal terms in one automaton; ``scan`` hands each rule the hits of its own terms."""

    def __init__(self) -> None:
        self._terms: dict[str, list[tuple[str, Any]]] = defaultdict(list)
        self._automaton = None

    def add(self, owner: str, term: str, payload: Any) -> None:
        """A term for rule ``owner``; the payload comes back with each hit (a replacement, a group)."""
        self.add_all(owner, ((term, payload),))

    def add_all(self, owner: str, terms: Iterable[tuple[str, Any]]) -> None:
        """``add`` for many terms: the loop a rule set makes of a few thousand curated forms at every start."""
        table = self._terms
        for term, payload in terms:
            key = term.strip()
            low = key.lower()
            key = low if len(low) == len(key) else _fold(key)
            if "\u2019" in key or "\u2018" in key:
                key = _normalise_marks(key)
            if key:
                table[key].append((owner, payload))
        self._automaton = None

    def __len__(self) -> int:
        return len(self._terms)

    def _build(self):
        """The automaton, built on the first scan after a term was added (loading it costs; most runs add once)."""
        import ahocorasick

        a = ahocorasick.Automaton()
        for key, owners in self._terms.items():
            a.add_word(key, (len(key), owners))
        a.make_automaton()
        self._automaton = a
        return a

    def scan(self, text: str) -> dict[str, list[LiteralHit]]:
        """The whole-word hits in ``text``, by the rule that owns each term, with offsets into ``text``."""
        if not self._terms:
            return {}
        a = self._automaton or self._build()
        folded = _normalise_marks(_fold(text))
        n = len(text)
        out: dict[str, list[LiteralHit]] = defaultdict(list)
        for end_idx, (length, owners) in a.iter(folded):
            start = end_idx - length + 1
            end = end_idx + 1
            if start > 0 and folded[start - 1].isalnum() and folded[start].isalnum():
                continue
            if end < n and folded[end].isalnum() and folded[end - 1].isalnum():
                continue
            found = text[start:end]
            for owner, payload in owners:
                out[owner].append(LiteralHit(start, end, found, payload))
        return out
