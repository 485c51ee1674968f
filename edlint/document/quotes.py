"""Quotations in news copy: curly and straight marks, nesting, apostrophes, and
the convention that a quotation running over several paragraphs opens each
paragraph and closes only at its end.

The scanner walks the paragraphs in order with a stack of open quotes. At a
paragraph end, an open quotation *continues* if the next paragraph opens with
the same kind of mark; otherwise it is reported as unclosed. Copy that joins
paragraphs on one line (wire and archive text) shows the same convention
mid-line: an opening mark right after a sentence end, while a quotation is
open, starts a new segment of it rather than a quotation inside it.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

OPEN_DOUBLE = "\u201c"  # “
CLOSE_DOUBLE = "\u201d"  # ”
OPEN_SINGLE = "\u2018"  # ‘
CLOSE_SINGLE = "\u2019"  # ’
GUILLEMETS = {"\u00ab": "\u00bb"}
QUOTE_CHARS = frozenset('"\'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e')
_SENTENCE_END = ".?!\u2026"
_OPEN_CONTEXT = " \t\n\r\u00a0([{\u2014\u2013-/:;\u201c\u2018\""


@dataclass
class Quotation:
    """One quotation, possibly over several paragraphs (``segments``), possibly unclosed.

    ``start`` is the offset of the first opening mark; ``end`` the offset after
    the closing mark (or after the last segment's text if it never closes).
    ``kind`` is ``double`` or ``single``; ``depth`` 0 for outermost quotes.
    """

    start: int
    kind: str
    depth: int
    segments: list[list[int]] = field(default_factory=list)  # [open_mark_offset, end]
    end: int = -1
    closed: bool = False
    close_mark: int = -1

    @property
    def content_spans(self) -> list[tuple[int, int]]:
        """Inside the marks, one span per segment."""
        out = []
        for i, (s, e) in enumerate(self.segments):
            ce = e - 1 if (self.closed and i == len(self.segments) - 1) else e
            out.append((s + 1, ce))
        return out

    def text(self, source: str) -> str:
        return " ".join(source[s:e].strip() for s, e in self.content_spans)


@dataclass(frozen=True)
class QuoteProblem:
    """An unbalanced mark: ``unclosed`` (at its opening mark) or ``stray-close``."""

    kind: str
    start: int
    end: int
    mark: str


def _is_letter(ch: str) -> bool:
    return ch.isalpha()


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _classify(prose: str, i: int, open_kinds: list[str]) -> str:
    """Return 'open', 'close', 'apostrophe' or 'ambiguous' for the mark at i."""
    ch = prose[i]
    prev = prose[i - 1] if i > 0 else " "
    nxt = prose[i + 1] if i + 1 < len(prose) else " "
    if ch in (OPEN_DOUBLE, "\u00ab", "\u201e"):
        return "open"
    if ch in (CLOSE_DOUBLE, "\u00bb"):
        return "close"
    if ch == OPEN_SINGLE:
        # ‘90s typed with the wrong mark is still an apostrophe
        if nxt.isdigit() and prose[i + 1 : i + 4].rstrip("0123456789") in ("s", "s ", ""):
            return "apostrophe"
        return "open"
    if ch == CLOSE_SINGLE or ch == "'":
        straight = ch == "'"
        if _is_letter(prev) and _is_letter(nxt):
            return "apostrophe"  # Russia’s, don’t
        if nxt.isdigit() and not _is_word(prev):
            rest = prose[i + 1 : i + 5]
            if rest[:2].isdigit() and (len(rest) < 3 or not rest[2].isdigit()):
                return "apostrophe"  # ’90s, '05
        if prose[i + 1 : i + 3] == "n" + ch or (prev == "n" and prose[i - 2 : i - 1] == ch):
            return "apostrophe"  # rock ’n’ roll
        if prev in " \t\n\r\u00a0([{\u2014\u2013/\u201c" or i == 0:
            if nxt.isspace() or nxt == "":
                return "apostrophe"
            if straight:
                return "open"
            return "apostrophe" if _is_word(nxt) and "single" not in open_kinds and _elision(prose, i) else "open"
        # preceded by a word character or punctuation
        if "single" in open_kinds:
            return "close"
        return "apostrophe"  # players’ union, goin’
    if ch in ('"', "'") and prev.isdigit() and _measurement(prose, i):
        return "apostrophe"  # 5' 10" is feet and inches, not quotation marks
    if ch == '"':
        prev_space = prev in _OPEN_CONTEXT or i == 0
        next_space = nxt.isspace() or i + 1 >= len(prose)
        if prev_space and not next_space:
            return "open"
        if not prev_space and (next_space or not _is_word(nxt)):
            return "close"
        if not prev_space and _is_word(nxt):
            return "close" if "double" in open_kinds else "open"
        return "ambiguous"
    return "apostrophe"


_ELISIONS = ("em", "til", "cause", "tis", "twas", "n")
_MEASURE = re.compile(r"\d+\s?'\s?\d{1,2}\s?\"|\d+\s?'(?=\s?\d{1,2}\s?\")")


def _measurement(prose: str, i: int) -> bool:
    """Feet and inches: 5' 10", 6'2"."""
    lo = max(0, i - 6)
    return bool(_MEASURE.search(prose, lo, min(len(prose), i + 6)))


def _elision(prose: str, i: int) -> bool:
    j = i + 1
    while j < len(prose) and prose[j].isalpha():
        j += 1
    return prose[i + 1 : j].lower() in _ELISIONS


def _kind(ch: str) -> str:
    return "single" if ch in (OPEN_SINGLE, CLOSE_SINGLE, "'") else "double"


def _after_sentence_end(prose: str, i: int, floor: int) -> bool:
    j = i - 1
    while j >= floor and prose[j] in " \t\u00a0":
        j -= 1
    while j >= floor and prose[j] in ")]\u201d\u2019'\"":
        j -= 1
    return j >= floor and prose[j] in _SENTENCE_END and j < i - 1


def scan_quotations(prose: str, paragraphs: list[tuple[int, int]]) -> tuple[list[Quotation], list[QuoteProblem]]:
    """Find quotations and unbalanced marks in the given paragraphs (in reading order)."""
    quotes: list[Quotation] = []
    problems: list[QuoteProblem] = []
    stack: list[Quotation] = []

    def close_unclosed(upto_index: int) -> None:
        while len(stack) > upto_index:
            q = stack.pop()
            q.end = q.segments[-1][1]
            problems.append(QuoteProblem("unclosed", q.start, q.start + 1, prose[q.start]))

    for pi, (ps, pe) in enumerate(paragraphs):
        # A paragraph that does not open with a continuation mark ends open quotes.
        if stack:
            first = ps
            while first < pe and prose[first].isspace():
                first += 1
            outer = stack[0]
            ch = prose[first] if first < pe else ""
            continues = ch in QUOTE_CHARS and _kind(ch) == outer.kind and _classify(prose, first, ["x"]) in ("open", "ambiguous")
            if continues:
                close_unclosed(1)
                outer.segments.append([first, pe])
                start_at = first + 1
            else:
                close_unclosed(0)
                start_at = ps
        else:
            start_at = ps
        i = start_at
        while i < pe:
            ch = prose[i]
            if ch not in QUOTE_CHARS:
                i += 1
                continue
            open_kinds = [q.kind for q in stack]
            cls = _classify(prose, i, open_kinds)
            kind = _kind(ch)
            if cls == "apostrophe":
                i += 1
                continue
            if cls == "ambiguous":
                cls = "close" if kind in open_kinds else "open"
            if cls == "open":
                if stack and stack[0].kind == kind and _after_sentence_end(prose, i, ps) and stack[-1].kind == kind:
                    # continuation inside a joined paragraph: a new segment of the outer quote
                    close_unclosed(1)
                    stack[0].segments[-1][1] = i
                    stack[0].segments.append([i, pe])
                elif stack and stack[-1].kind == kind and kind == "double" and ch != '"':
                    # “ inside an open “: the first one never closed
                    close_unclosed(len(stack) - 1)
                    q = Quotation(start=i, kind=kind, depth=len(stack), segments=[[i, pe]])
                    quotes.append(q)
                    stack.append(q)
                else:
                    q = Quotation(start=i, kind=kind, depth=len(stack), segments=[[i, pe]])
                    quotes.append(q)
                    stack.append(q)
            else:  # close
                idx = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].kind == kind), None)
                if idx is None:
                    if ch != CLOSE_SINGLE:
                        problems.append(QuoteProblem("stray-close", i, i + 1, ch))
                else:
                    close_unclosed(idx + 1)
                    q = stack.pop()
                    q.closed = True
                    q.close_mark = i
                    q.segments[-1][1] = i + 1
                    q.end = i + 1
            i += 1
        for q in stack:
            q.segments[-1][1] = pe
    close_unclosed(0)
    quotes.sort(key=lambda q: q.start)
    problems.sort(key=lambda p: p.start)
    return quotes, problems


def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
