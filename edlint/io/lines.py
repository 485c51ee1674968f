"""One definition of a line for all of edlint: the line table.

A line ends at ``\\r\\n``, a lone ``\\r`` or ``\\n`` — exactly what CommonMark,
and so markdown-it (which parses edlint's Markdown), counts as a line
ending. Every part of edlint that speaks of lines (the Markdown prose view,
plain-text paragraphs, finding locations, code frames in reports,
fingerprints and baselines) asks this module, so a line number means the
same thing everywhere and no part can index past another's table.

Other characters Python's ``str.splitlines`` breaks on (form feed, vertical
tab, U+2028…) are not line endings here, as they are not in CommonMark.
Standard library only, nothing compiled at import: reports import it too.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache


@lru_cache(maxsize=1)
def _break_re() -> re.Pattern[str]:
    return re.compile(r"\r\n?|\n")


def line_starts(text: str) -> list[int]:
    """Offsets where each line starts (the first is always 0; a text ending in a break has an empty last line)."""
    starts = [0]
    if "\r" not in text:
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return starts
    starts.extend(m.end() for m in _break_re().finditer(text))
    return starts


def line_bounds(text: str, starts: list[int], index: int) -> tuple[int, int]:
    """Offsets of the 0-based line ``index``'s text, without its line ending (empty past the end)."""
    if index < 0 or index >= len(starts):
        return len(text), len(text)
    s = starts[index]
    if index + 1 < len(starts):
        e = starts[index + 1] - 1
        if e > s and text[e] == "\n" and text[e - 1] == "\r":
            e -= 1
    else:
        e = len(text)
    return s, e


def line_text(text: str, starts: list[int], index: int) -> str:
    """The 0-based line ``index`` without its line ending ("" past the end)."""
    s, e = line_bounds(text, starts, index)
    return text[s:e]


def line_col(starts: list[int], offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of an offset."""
    i = bisect.bisect_right(starts, offset) - 1
    if i < 0:
        i = 0
    return i + 1, offset - starts[i] + 1


def line_around(text: str, offset: int) -> str:
    """The whole line holding ``offset``, without its ending (the table of the last few texts is kept)."""
    return table(text).line_around(offset)


class LineTable:
    """One text's line table: where each line starts, and every question about lines asked of it.

    Built once per text (``table(text)`` keeps the last few), so the engine,
    the reports and the fingerprints of one file share one table.
    """

    __slots__ = ("text", "starts")

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: tuple[int, ...] = tuple(line_starts(text))

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of an offset."""
        return line_col(self.starts, offset)  # type: ignore[arg-type]

    def line_of(self, offset: int) -> int:
        """The 1-based line holding ``offset``."""
        return max(bisect.bisect_right(self.starts, offset), 1)

    def bounds(self, line: int) -> tuple[int, int]:
        """Offsets of the 1-based ``line``'s text, without its line ending."""
        return line_bounds(self.text, self.starts, line - 1)  # type: ignore[arg-type]

    def line_around(self, offset: int) -> str:
        """The whole line holding ``offset``, without its ending."""
        s, e = self.bounds(self.line_of(max(0, offset)))
        return self.text[s:e]


@lru_cache(maxsize=8)
def table(text: str) -> LineTable:
    """The line table of ``text``, built once while the text is among the last few asked about."""
    return LineTable(text)
