"""Regular expressions compiled on first use, not at import.

Importing a module must stay cheap (one article in a pre-commit hook loads
a dozen of them), and a pattern compiled at first use can come from the
compiled-pattern cache (``regexcache``), which is only installed once the
command line knows where the cache lives. ``lazy(pattern, flags)`` stands in
for ``re.compile(pattern, flags)`` wherever a module keeps a pattern at top
level; it behaves as the compiled pattern for every method and attribute.
"""
from __future__ import annotations

import re
from functools import cache
from collections.abc import Callable


# The compiled pattern's methods a LazyPattern keeps in its own slots once compiled.
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")


class LazyPattern:
    """Stands for ``re.compile(pattern, flags)``, compiled when first used.

    Once compiled, the pattern's methods are stored in the object's own slots, so a
    call such as ``WORD.search(text)`` goes straight to the compiled pattern, as fast
    as a pattern compiled at import: rules call these in loops over every line.
    """

    __slots__ = ("_pattern", "_flags", "_compiled", *_METHODS)

    def __init__(self, pattern: str | Callable[[], str], flags: int = 0) -> None:
        self._pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern | None = None

    def compiled(self) -> re.Pattern:
        rx = self._compiled
        if rx is None:
            if callable(self._pattern):  # a pattern built from word lists: built on first use too
                self._pattern = self._pattern()
            rx = self._compiled = re.compile(self._pattern, self._flags)
            for name in _METHODS:
                setattr(self, name, getattr(rx, name))
        return rx

    def __getattr__(self, name: str):
        # Reached only before the first compile (a method slot not yet filled) or for the
        # pattern's other attributes (``pattern``, ``flags``, ``groupindex``).
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"lazy({self._pattern!r}, {self._flags!r})"


def lazy(pattern: str | Callable[[], str], flags: int = 0) -> LazyPattern:
    return LazyPattern(pattern, flags)


class CaselessPattern(LazyPattern):
    """A case-insensitive pattern whose ``found_in`` matches lower-cased text with a case-sensitive twin.

    Python's engine tests case-insensitive letters one way and another at
    every position (twice the time of the same pattern without ``re.I``). In
    text whose characters are all Latin-1, a character matches a lower-case
    letter of the pattern case-insensitively exactly when its lower case is
    that letter (the other characters that fold to an ASCII letter, İ ı ſ K,
    lie beyond Latin-1), and lower-casing keeps every offset: the twin finds
    the same matches in ``text.lower()``. Other text, and every other
    method, use the pattern itself. The pattern's letters (outside escapes
    such as ``\\b``) must all be lower case; building the twin checks it.
    """

    __slots__ = ("_twin",)

    def __init__(self, pattern: str | Callable[[], str], flags: int = 0) -> None:
        super().__init__(pattern, flags | re.IGNORECASE)
        self._twin: re.Pattern | None = None

    def found_in(self, text: str) -> bool:
        """Does the pattern match anywhere in ``text``? (Latin-1 text: the twin on the lower-cased text.)"""
        if text.isascii() or max(text, default="") <= "\xff":
            twin = self._twin or self._make_twin()
            return twin.search(text.lower()) is not None
        return self.compiled().search(text) is not None

    def _make_twin(self) -> re.Pattern:
        # The pattern's text, without compiling the case-insensitive pattern itself: Latin-1 text
        # (nearly all copy) never needs it, and compiling a long alternation costs milliseconds.
        if callable(self._pattern):
            self._pattern = self._pattern()
        pattern = self._pattern
        letters = re.sub(r"\\.", "", pattern, flags=re.S)
        if letters != letters.lower():
            raise ValueError(f"caseless pattern has upper-case letters: {pattern[:80]!r}")
        self._twin = re.compile(pattern, self._flags & ~re.IGNORECASE)
        return self._twin


def caseless(pattern: str | Callable[[], str], flags: int = 0) -> CaselessPattern:
    """``lazy(pattern, flags | re.I)`` with a faster ``found_in`` (see ``CaselessPattern``)."""
    return CaselessPattern(pattern, flags)


@cache
def alternation(words: str) -> str:
    """``a|b|c`` rewritten as a prefix tree (``sa(?:id|ys?)``): the same strings, matched far faster.

    Python's regex engine tries every branch of an alternation at every
    position; a long list of words (speech verbs, role nouns) tried that way,
    case-insensitively, costs more than the rest of a rule. Factored by shared
    prefixes, a position is rejected after a branch or two. The language is
    the same, so wherever the words are closed by a word boundary the match
    is the same too. ``words`` are plain text, separated by ``|``.
    """
    trie: dict = {}
    for word in words.split("|"):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branch(trie)


def _branch(node: dict) -> str:
    alts = [(ch if ch.isalnum() else re.escape(ch)) + _branch(child) for ch, child in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if "" not in node:
        return body
    return f"(?:{body})?"
