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


class LazyPattern:
    __slots__ = ("_pattern", "_flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern | None = None

    def compiled(self) -> re.Pattern:
        rx = self._compiled
        if rx is None:
            rx = self._compiled = re.compile(self._pattern, self._flags)
        return rx

    def __getattr__(self, name: str):
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"lazy({self._pattern!r}, {self._flags!r})"


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    return LazyPattern(pattern, flags)
