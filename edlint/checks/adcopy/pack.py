"""The phrase pack: ``kind: phrases`` entries (schema in ``core.kinds.phrases``) compiled for fast matching.

Patterns are matched against the lower-cased paragraph (so they are written in
lower case, and the regex engine can skip ahead on literal text instead of
trying every alternative at every position). Each entry is split into its
top-level alternatives and each alternative goes where it is cheapest to try:
whole-line alternatives into one pattern tried with ``fullmatch``, those
anchored with ``^`` into one pattern tried with ``match``, and the few that may
match anywhere are searched one by one.
"""
from __future__ import annotations

import re
from pathlib import Path
from edlint.records import FrozenRecord



class Phrase(FrozenRecord):
    _fields = ("category", "high", "pattern", "example", "whole_line")

    def __init__(self, category: str, high: bool, pattern: str, example: str, whole_line: bool) -> None:
        self.category = category
        self.high = high
        self.pattern = pattern
        self.example = example
        self.whole_line = whole_line


class PhrasePack(FrozenRecord):
    """Compiled alternatives: whole-line and line-start ones combined, the rest searched one by one."""

    _fields = ("phrases", "whole", "start", "anywhere")

    def __init__(
        self,
        phrases: tuple[Phrase, ...],
        whole: re.Pattern,
        start: re.Pattern,
        anywhere: tuple[tuple[re.Pattern, int], ...],
    ) -> None:
        self.phrases = phrases
        self.whole = whole
        self.start = start
        self.anywhere = anywhere

    def match(self, line: str) -> Phrase | None:
        """The strongest entry matching a paragraph, or None."""
        low = line.lower()
        found = []
        for m in (self.whole.fullmatch(low), self.start.match(low)):
            if m:
                found.append(self.phrases[_entry_index(m)])
        if any(p.high for p in found):
            return next(p for p in found if p.high)
        for rx, i in self.anywhere:
            if rx.search(low):
                found.append(self.phrases[i])
                if self.phrases[i].high:
                    return self.phrases[i]
        return found[0] if found else None


def alternatives(pattern: str) -> list[str]:
    """Split a pattern at its top-level ``|`` (not inside groups, classes or escapes)."""
    out, cur, depth, i = [], [], 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            cur.append(pattern[i : i + 2])
            i += 2
            continue
        if c == "[":
            j = i + 1
            if j < len(pattern) and pattern[j] == "^":
                j += 1
            if j < len(pattern) and pattern[j] == "]":
                j += 1
            while j < len(pattern) and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            cur.append(pattern[i : j + 1])
            i = j + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append("".join(cur))
            cur = []
            i += 1
            continue
        cur.append(c)
        i += 1
    out.append("".join(cur))
    return out


def _combine(parts: list[tuple[int, str]]) -> re.Pattern:
    """One pattern of named groups ``p<entry index>``; never matches when empty."""
    body = "|".join(f"(?P<p{i}_{k}>{alt})" for k, (i, alt) in enumerate(parts))
    return re.compile(body or "(?!)")


def _entry_index(m: re.Match) -> int:
    """The entry a combined pattern matched: its group is named ``p<entry>_<alternative>``."""
    return int(m.lastgroup[1:].split("_")[0])


def load_pack(paths=None, house=()) -> PhrasePack:
    """The built-in phrase files (or ``paths``) and the house's ``kind: phrases`` files, read through core.kinds."""
    from edlint.core.kinds import builtin_files, load, load_path
    from edlint.io.errors import InputError

    files = [(f.display, load(f)) for f in builtin_files("phrases")] if paths is None else [
        (f"rules/adcopy/{Path(p).name}", load_path(p, f"rules/adcopy/{Path(p).name}", ("phrases",))[1]) for p in paths]
    files += [(f.display, load(f)) for f in house]
    phrases: list[Phrase] = []
    origins: list[tuple[str, int]] = []
    for display, data in files:
        for i, e in enumerate(data["entries"]):
            origins.append((display, i))
            high = e["confidence"] == "high"
            phrases.append(Phrase(e["category"], high, e["pattern"], e["example"], e.get("whole_line", False)))
    try:
        return _compile_pack(phrases)
    except re.error:
        # Compiling each entry alone is slow, so it is done only to name the broken one.
        for p, (display, i) in zip(phrases, origins, strict=True):
            try:
                re.compile(p.pattern)
            except re.error as exc:
                raise InputError(display, f"entries.{i}.pattern: invalid regular expression: {exc}") from None
        raise


def _compile_pack(phrases: list[Phrase]) -> PhrasePack:
    whole, start, anywhere = [], [], []
    for i, p in enumerate(phrases):
        for alt in alternatives(p.pattern):
            if p.whole_line:
                whole.append((i, alt))
            elif alt.startswith("^"):
                start.append((i, alt))
            else:
                anywhere.append((i, alt))
    # High-confidence entries first: the first of them to match settles the line.
    anywhere.sort(key=lambda pair: not phrases[pair[0]].high)
    return PhrasePack(
        tuple(phrases),
        _combine(whole),
        _combine(start),
        tuple((re.compile(alt), i) for i, alt in anywhere),
    )
