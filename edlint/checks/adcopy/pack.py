"""The phrase pack: ``kind: phrases`` entries (schema in ``core.kinds.phrases``) compiled for fast matching.

Patterns are matched against the lower-cased paragraph (so they are written in
lower case). Each entry is split into its top-level alternatives, and each
alternative is tried where it is cheapest: whole-line ones with ``fullmatch``,
those anchored with ``^`` with ``match``, the rest with ``search``. Most lines
match nothing, so an alternative is tried only on a line its gate admits
(``gates``: the length, literal text and first character every match has),
and compiled the first time one does: a line pays for a few string tests, and
a run for the patterns its articles need.
"""
from __future__ import annotations

import re
from pathlib import Path

from edlint.records import FrozenRecord

from .gates import NO_LIMIT, Gate, gate
from .packcache import cached_rows


class Phrase(FrozenRecord):
    _fields = ("category", "high", "pattern", "example", "whole_line")

    def __init__(self, category: str, high: bool, pattern: str, example: str, whole_line: bool) -> None:
        self.category = category
        self.high = high
        self.pattern = pattern
        self.example = example
        self.whole_line = whole_line


class PhrasePack:
    """The entries' alternatives, each tried only on lines its gate admits, each compiled on first use.

    Whole-line alternatives are tried with ``fullmatch`` and those anchored
    with ``^`` with ``match``, both looked up by the line's first character;
    the rest are tried with ``search``. One Aho-Corasick pass over the line
    finds the literal text the alternatives need. A line's verdict is the one
    trying every alternative in order would give (see ``match``).
    """

    def __init__(self, phrases: tuple[Phrase, ...], whole: tuple[Alternative, ...], start: tuple[Alternative, ...],
                 anywhere: tuple[Alternative, ...]):
        self.phrases = phrases
        self.whole, self.start, self.anywhere = whole, start, anywhere
        self._alts = whole + start + anywhere  # an alternative's place here is its id
        self._searched_from = len(whole) + len(start)
        self._by_first = (_first_index(whole, 0, True), _first_index(start, len(whole), False))
        self._always = frozenset(i for i, a in enumerate(self._alts)
                                 if i >= self._searched_from and not a.gate.needs)
        self._needed = _needs_index(self._alts)
        self._compiled: dict[int, re.Pattern] = {}

    def match(self, line: str) -> Phrase | None:
        """The strongest entry matching a paragraph, or None.

        A whole-line entry first, then one anchored at the start (the first of
        each in pack order); a high-confidence one of these settles it, else the
        first high-confidence entry that matches anywhere, else the first entry found.
        """
        low = line.lower()
        present = set()  # the alternatives whose first needed text the line holds
        if self._needed is not None:
            for _, ids in self._needed.iter(low):
                present.update(ids)
        found = []
        for k in (0, 1):
            i = self._anchored(k, low, present)
            if i is not None:
                found.append(self.phrases[i])
        if any(p.high for p in found):
            return next(p for p in found if p.high)
        for i in sorted(present.union(self._always)):
            if i < self._searched_from:
                continue
            g = self._alts[i].gate
            if len(low) >= g.min_len and _has(low, g.needs[1:]) and self._rx(i).search(low):
                p = self.phrases[self._alts[i].entry]
                found.append(p)
                if p.high:
                    return p
        return found[0] if found else None

    def _anchored(self, k: int, low: str, present: set[int]) -> int | None:
        """The entry of the first whole-line (k=0) or line-start (k=1) alternative matching ``low``, or None."""
        index, anyfirst = self._by_first[k]
        n = len(low)
        for i, lo, hi, needed, more, alone in index.get(low[:1], anyfirst):
            if n < lo or n > hi or (needed and i not in present) or (more and not _has(low, more)):
                continue
            if not alone:  # it refers to groups: only the combined pattern means what the entry says
                m = self._combined(k).fullmatch(low) if k == 0 else self._combined(k).match(low)
                return _entry_index(m) if m else None
            rx = self._rx(i)
            if rx.fullmatch(low) if k == 0 else rx.match(low):
                return self._alts[i].entry
        return None

    def _rx(self, i: int) -> re.Pattern:
        rx = self._compiled.get(i)
        if rx is None:
            rx = self._compiled[i] = re.compile(self._alts[i].text)
        return rx

    def _combined(self, k: int) -> re.Pattern:
        rx = self._compiled.get(-1 - k)
        if rx is None:
            alts = self.whole if k == 0 else self.start
            rx = self._compiled[-1 - k] = _combine([(a.entry, a.text) for a in alts])
        return rx


class Alternative(FrozenRecord):
    """One top-level alternative of an entry's pattern, with what a line needs before it is tried."""

    _fields = ("entry", "text", "gate")

    def __init__(self, entry: int, text: str, gate: Gate) -> None:
        self.entry = entry
        self.text = text
        self.gate = gate


def _has(low: str, needs: tuple[tuple[str, ...], ...]) -> bool:
    """Does ``low`` hold one string of every group?"""
    for group in needs:
        for s in group:
            if s in low:
                break
        else:
            return False
    return True


def _first_index(alts: tuple[Alternative, ...], first_id: int, whole: bool):
    """For each first character, the alternatives (in order) a line starting with it may match; and those
    with no known first character, which every line may match. A row: the alternative's id, the line's
    length bounds (a match at the start may be shorter than the line), whether it needs text, the rest of
    what it needs, and whether it means the same alone."""
    rows = [(first_id + j, a.gate.min_len, a.gate.max_len if whole else NO_LIMIT, bool(a.gate.needs),
             a.gate.needs[1:], a.gate.alone) for j, a in enumerate(alts)]
    pairs = list(zip(rows, (a.gate.first for a in alts), strict=True))
    anyfirst = tuple(r for r, first in pairs if first is None)
    chars = {ch for _, first in pairs for ch in first or ""}
    index = {ch: tuple(r for r, first in pairs if first is None or ch in first) for ch in chars}
    return index, anyfirst


def _needs_index(alts: tuple[Alternative, ...]):
    """An Aho-Corasick automaton from each string of an alternative's first needs group to the alternatives."""
    keys: dict[str, list[int]] = {}
    for i, a in enumerate(alts):
        for s in a.gate.needs[0] if a.gate.needs else ():
            keys.setdefault(s, []).append(i)
    if not keys:
        return None
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for s, ids in keys.items():
        automaton.add_word(s, tuple(ids))
    automaton.make_automaton()
    return automaton


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
    """Split every entry into its alternatives and gate each (raises ``re.error`` for a broken pattern)."""
    whole, start, anywhere = [], [], []
    rows = cached_rows([(p.whole_line, p.pattern) for p in phrases], lambda: _gated(phrases))
    for i, alt, g in rows:
        a = Alternative(i, alt, g)
        if phrases[i].whole_line:
            whole.append(a)
        elif alt.startswith("^"):
            start.append(a)
        else:
            anywhere.append(a)
    # High-confidence entries first: the first of them to match settles the line.
    anywhere.sort(key=lambda a: not phrases[a.entry].high)
    pack = PhrasePack(tuple(phrases), tuple(whole), tuple(start), tuple(anywhere))
    for k, alts in enumerate((whole, start)):
        if any(not a.gate.alone for a in alts):
            pack._combined(k)  # compiled now, so a broken one is named when the pack loads
    return pack


def _gated(phrases: list[Phrase]) -> list[tuple[int, str, Gate]]:
    """Every entry's alternatives, in order, each with its gate."""
    rows = []
    for i, p in enumerate(phrases):
        for alt in alternatives(p.pattern):
            try:
                g = gate(alt)
            except re.error:
                if not p.whole_line and not alt.startswith("^"):
                    raise  # tried alone, as it always was
                # Perhaps valid beside the others ("(ab)\\2" in the combined pattern): _compile_pack finds out.
                g = Gate(0, NO_LIMIT, (), None, alone=False)
            rows.append((i, alt, g))
    return rows
