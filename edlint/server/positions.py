"""Offsets into a text <-> LSP positions, in the encoding the client and server agreed.

edlint's findings carry offsets in code points (Python string indexes). LSP
positions are (line, character) where "character" counts UTF-16 code units
unless the client offered UTF-8 or UTF-32 and the server took it: an emoji or
any other character outside the Basic Multilingual Plane is two UTF-16 units,
four UTF-8 bytes and one UTF-32 unit. Lines end at ``\\n``, ``\\r\\n`` or
``\\r`` as the protocol says (not at the other breaks ``str.splitlines`` knows).
"""
from __future__ import annotations

import bisect
import re

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def _units(s: str, encoding: str) -> int:
    """How many code units of ``encoding`` the string ``s`` takes."""
    if encoding == UTF32 or s.isascii():
        return len(s)
    if encoding == UTF8:
        return len(s.encode("utf-8", "surrogatepass"))
    return len(s) + sum(1 for ch in s if ord(ch) > 0xFFFF)


def _chars_for_units(line: str, units: int, encoding: str) -> int:
    """The code-point index in ``line`` reached after ``units`` code units (clamped to the line)."""
    if encoding == UTF32 or line.isascii():
        return min(units, len(line))
    seen = 0
    for i, ch in enumerate(line):
        if seen >= units:
            return i
        o = ord(ch)
        if encoding == UTF8:
            seen += 1 if o < 0x80 else 2 if o < 0x800 else 3 if o < 0x10000 else 4
        else:
            seen += 2 if o > 0xFFFF else 1
    return len(line)


class LineIndex:
    """Where each line of one text starts, for converting offsets both ways."""

    def __init__(self, text: str, encoding: str = UTF16):
        self.text = text
        self.encoding = encoding
        self.starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]

    def line_end(self, line: int) -> int:
        """Offset of the end of ``line``'s content (before its line break)."""
        if line + 1 < len(self.starts):
            end = self.starts[line + 1]
            if self.text[end - 2 : end] == "\r\n":
                return end - 2
            return end - 1
        return len(self.text)

    def position(self, offset: int) -> tuple[int, int]:
        """(line, character) of a code-point offset; both zero-based."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        return line, _units(self.text[start:offset], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """Code-point offset of an LSP position (clamped to the text, as the protocol asks)."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        start = self.starts[line]
        content = self.text[start : self.line_end(line)]
        return start + _chars_for_units(content, character, self.encoding)
