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


class LazyPattern:
    __slots__ = ("_pattern", "_flags", "_compiled")

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
        return rx

    def __getattr__(self, name: str):
        return getattr(self.compiled(), name)

    # The methods rules call in their loops, without ``__getattr__``'s detour.
    def search(self, *args, **kwargs):
        return (self._compiled or self.compiled()).search(*args, **kwargs)

    def match(self, *args, **kwargs):
        return (self._compiled or self.compiled()).match(*args, **kwargs)

    def fullmatch(self, *args, **kwargs):
        return (self._compiled or self.compiled()).fullmatch(*args, **kwargs)

    def finditer(self, *args, **kwargs):
        return (self._compiled or self.compiled()).finditer(*args, **kwargs)

    def findall(self, *args, **kwargs):
        return (self._compiled or self.compiled()).findall(*args, **kwargs)

    def sub(self, *args, **kwargs):
        return (self._compiled or self.compiled()).sub(*args, **kwargs)

    def __repr__(self) -> str:
        return f"lazy({self._pattern!r}, {self._flags!r})"


def lazy(pattern: str | Callable[[], str], flags: int = 0) -> LazyPattern:
    return LazyPattern(pattern, flags)


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
