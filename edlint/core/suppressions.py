"""Inline suppressions: comments an editor can leave in the copy.

Markdown (and plain text) take HTML comments::

    <!-- edlint-disable RULE[, RULE] -->  …  <!-- edlint-enable [RULE] -->
    <!-- edlint-disable-next-line RULE -->

Plain text, which has no comment syntax of its own, also takes a line of its
own starting with ``#``::

    # edlint-disable-next-line spelling.inconsistent

No rule named means every rule. Comments are not prose: the directive line of
plain text is itself exempt from every rule, except the check that each rule
named exists (``suppression.unknown-rule``), so a misspelled id never
silently suppresses nothing.
"""
from __future__ import annotations

import re

from edlint.io.config import rule_matches
from edlint.records import FrozenRecord

UNKNOWN_RULE = "suppression.unknown-rule"
_HTML = r"<!--\s*edlint-(disable-next-line|disable|enable)\b([^>]*?)-->"
_TEXT = r"^[ \t]*#[ \t]*edlint-(disable-next-line|disable|enable)\b([^\n]*)$"


class Region(FrozenRecord):
    """A span of the text where the named rules (or every rule) are silenced."""

    _fields = ("start", "end", "patterns", "directive")

    def __init__(self, start: int, end: int, patterns: tuple[str, ...], directive: bool = False) -> None:
        self.start = start
        self.end = end
        self.patterns = patterns  # empty = every rule
        self.directive = directive  # the comment line itself

    def covers(self, rule_id: str, offset: int) -> bool:
        if not (self.start <= offset < self.end):
            return False
        if self.directive:
            return rule_id != UNKNOWN_RULE
        return not self.patterns or any(rule_matches(rule_id, p) for p in self.patterns)


class Directive(FrozenRecord):
    _fields = ("verb", "start", "end", "patterns", "own_line")

    def __init__(
        self,
        verb: str,
        start: int,
        end: int,
        patterns: tuple[tuple[str, int], ...],
        own_line: bool = False,
    ) -> None:
        self.verb = verb  # disable-next-line, disable or enable
        self.start = start  # the comment's span
        self.end = end
        self.patterns = patterns  # each rule named, with its offset
        self.own_line = own_line  # a plain-text "# edlint-..." line


def _patterns(arg: str, offset: int) -> tuple[tuple[str, int], ...]:
    return tuple((m.group(), offset + m.start()) for m in re.finditer(r"[^\s,]+", arg))


def parse_directives(text: str, kind: str = "markdown") -> list[Directive]:
    """Every suppression comment in ``text``, in order."""
    if "edlint-" not in text:
        return []
    found = [
        Directive(m.group(1), m.start(), m.end(), _patterns(m.group(2), m.start(2)))
        for m in re.finditer(_HTML, text, re.S)
    ]
    if kind != "markdown":
        found += [
            Directive(m.group(1), m.start(), m.end(), _patterns(m.group(2), m.start(2)), own_line=True)
            for m in re.finditer(_TEXT, text, re.M)
        ]
        found.sort(key=lambda d: d.start)
    return found


def parse_suppressions(text: str, kind: str = "markdown") -> list[Region]:
    """The regions the comments silence: the next line, or from a disable to its enable (or the end)."""
    regions: list[Region] = []
    open_: list[tuple[int, tuple[str, ...]]] = []
    starts_cache: list[int] | None = None
    for d in parse_directives(text, kind):
        pats = tuple(p for p, _ in d.patterns)
        if d.own_line or kind != "markdown":
            regions.append(Region(d.start, d.end, (), directive=True))
        if d.verb == "disable-next-line":
            # "Next line" by the one line table (edlint.io.lines): a lone CR ends a line too.
            from edlint.io.lines import line_bounds, line_col, line_starts

            starts = line_starts(text) if starts_cache is None else starts_cache
            starts_cache = starts
            nxt = line_col(starts, d.end)[0]  # 1-based line of the directive = 0-based index of the next
            if nxt >= len(starts):
                continue
            regions.append(Region(starts[nxt], line_bounds(text, starts, nxt)[1], pats))
        elif d.verb == "disable":
            open_.append((d.end, pats))
        else:
            keep = []
            for start, p in open_:
                # A bare enable closes every open disable; a named one closes the
                # disables that name it (and a disable-all, which it ends too).
                if not pats or not p or set(pats) & set(p):
                    regions.append(Region(start, d.start, p))
                else:
                    keep.append((start, p))
            open_ = keep
    for start, p in open_:
        regions.append(Region(start, len(text), p))
    return regions
