"""Inline suppressions in Markdown: HTML comments an editor can leave in the copy.

``<!-- edlint-disable RULE[, RULE] -->`` … ``<!-- edlint-enable [RULE] -->``
switch rules off for a stretch; ``<!-- edlint-disable-next-line RULE -->``
for the next line only. No rule named means every rule. Comments are not
prose, so they never produce findings themselves.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .config import rule_matches

_DIRECTIVE = re.compile(r"<!--\s*edlint-(disable-next-line|disable|enable)\b([^>]*?)-->", re.S)


@dataclass(frozen=True)
class Region:
    start: int
    end: int
    patterns: tuple[str, ...]  # empty = every rule

    def covers(self, rule_id: str, offset: int) -> bool:
        if not (self.start <= offset < self.end):
            return False
        return not self.patterns or any(rule_matches(rule_id, p) for p in self.patterns)


def _patterns(arg: str) -> tuple[str, ...]:
    return tuple(p for p in re.split(r"[\s,]+", arg.strip()) if p)


def parse_suppressions(text: str) -> list[Region]:
    if "edlint-" not in text:
        return []
    regions: list[Region] = []
    open_: list[tuple[int, tuple[str, ...]]] = []
    for m in _DIRECTIVE.finditer(text):
        verb, pats = m.group(1), _patterns(m.group(2))
        if verb == "disable-next-line":
            nl = text.find("\n", m.end())
            if nl == -1:
                continue
            nl2 = text.find("\n", nl + 1)
            regions.append(Region(nl + 1, len(text) if nl2 == -1 else nl2, pats))
        elif verb == "disable":
            open_.append((m.end(), pats))
        else:
            keep = []
            for start, p in open_:
                # A bare enable closes every open disable; a named one closes the
                # disables that name it (and a disable-all, which it ends too).
                if not pats or not p or set(pats) & set(p):
                    regions.append(Region(start, m.start(), p))
                else:
                    keep.append((start, p))
            open_ = keep
    for start, p in open_:
        regions.append(Region(start, len(text), p))
    return regions
