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

from edlint.core.matcher import find_all
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

    Whole-line alternatives are tried with ``fullmatch``, those anchored with
    ``^`` with ``match``, the rest with ``search``. One Aho-Corasick pass over
    the line finds the alternatives whose rarest needed text it holds; those
    that need no text are looked up by the line's first character. Only they
    are tried, in pack order, so a line's verdict is the one trying every
    alternative in order would give (see ``match``).
    """

    def __init__(self, phrases: tuple[Phrase, ...], whole: tuple[Alternative, ...], start: tuple[Alternative, ...],
                 anywhere: tuple[Alternative, ...]):
        self.phrases = phrases
        self.whole, self.start, self.anywhere = whole, start, anywhere
        self._alts = whole + start + anywhere  # an alternative's place here is its id
        self._start_from, self._search_from = len(whole), len(whole) + len(start)
        # What a line must have, by id: length bounds, first characters, the needs after the first, alone.
        self._rows = tuple((a.gate.min_len, a.gate.max_len if i < self._start_from else NO_LIMIT,
                            a.gate.first if i < self._search_from else None, a.gate.needs[1:], a.gate.alone)
                           for i, a in enumerate(self._alts))
        self._no_text = _no_text_index(self._alts, self._search_from)
        self._needed = _needs_index(self._alts)
        self._compiled: dict[int, re.Pattern] = {}

    def match(self, line: str) -> Phrase | None:
        """The strongest entry matching a paragraph, or None.

        A whole-line entry first, then one anchored at the start (the first of
        each in pack order); a high-confidence one of these settles it, else the
        first high-confidence entry that matches anywhere, else the first entry found.
        """
        low = line.lower()
        order = self._admitted(low)
        if not order:
            return None
        found = []
        for k in (0, 1):
            i = self._anchored(k, low, order)
            if i is not None:
                found.append(self.phrases[i])
        if any(p.high for p in found):
            return next(p for p in found if p.high)
        for i in order:
            if i >= self._search_from and self._rx(i).search(low):
                p = self.phrases[self._alts[i].entry]
                found.append(p)
                if p.high:
                    return p
        return found[0] if found else None

    def _admitted(self, low: str) -> list[int]:
        """The alternatives, in order, whose gates ``low`` passes."""
        index, rest = self._no_text
        c0 = low[:1]
        cands = set(index.get(c0, rest))
        if self._needed is not None:
            automaton, ids_of = self._needed
            for k, _, _ in find_all(automaton, low):
                cands.update(ids_of[k])
        n = len(low)
        rows = self._rows
        out = []
        for i in sorted(cands):
            lo, hi, first, more, _ = rows[i]
            if n < lo or n > hi or (first is not None and c0 not in first) or (more and not _has(low, more)):
                continue
            out.append(i)
        return out

    def _anchored(self, k: int, low: str, order: list[int]) -> int | None:
        """The entry of the first whole-line (k=0) or line-start (k=1) admitted alternative matching ``low``."""
        lo, hi = (0, self._start_from) if k == 0 else (self._start_from, self._search_from)
        for i in order:
            if i >= hi:
                break
            if i < lo:
                continue
            if not self._rows[i][4]:  # it refers to groups: only the combined pattern means what the entry says
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


def _no_text_index(alts: tuple[Alternative, ...], search_from: int):
    """The alternatives that need no text, which the literal pass cannot find: for each first character,
    those a line starting with it may match (anchored ones whose first characters are known, and the
    rest); and those a line starting with any other character may match."""
    ids = [i for i, a in enumerate(alts) if not a.gate.needs]
    firsts = {i: alts[i].gate.first if i < search_from else None for i in ids}
    rest = tuple(i for i in ids if firsts[i] is None)
    chars = {ch for f in firsts.values() for ch in f or ""}
    return {ch: tuple(i for i in ids if firsts[i] is None or ch in firsts[i]) for ch in chars}, rest


def _needs_index(alts: tuple[Alternative, ...]):
    """An Aho-Corasick automaton over each alternative's first needs group, and by each string's index
    the alternatives that need it (None when no alternative needs text)."""
    keys: dict[str, list[int]] = {}
    for i, a in enumerate(alts):
        for s in a.gate.needs[0] if a.gate.needs else ():
            keys.setdefault(s, []).append(i)
    if not keys:
        return None
    from ahocorasick_rs import AhoCorasick

    return AhoCorasick(list(keys)), [tuple(ids) for ids in keys.values()]


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
    rows = cached_rows([(p.whole_line, p.pattern) for p in phrases], lambda first: gated(phrases, first))
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


def gated(phrases: list[Phrase], first: int = 0) -> list[tuple[int, str, Gate]]:
    """The alternatives of every entry from ``first`` on, in order, each with its gate."""
    rows = []
    for i, p in enumerate(phrases[first:], first):
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
