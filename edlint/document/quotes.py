"""Quotations in news copy: curly and straight marks, nesting, apostrophes, and
the convention that a quotation running over several paragraphs opens each
paragraph and closes only at its end.

The scanner walks the paragraphs in order with a stack of open quotes. At a
paragraph end, an open quotation *continues* if the next paragraph opens with
the same kind of mark; otherwise it is reported as unclosed, at the opening
mark of its last segment (the stretch of speech that lacks the closing mark).
Copy that joins paragraphs on one line (wire and archive text) shows the same
convention mid-line: an opening mark right after a sentence end, while a
quotation is open, starts a new segment of it rather than a quotation inside it.

Scraped copy needs three more allowances: a paragraph break in mid-sentence
(a stripped italic word on its own line) does not end a quotation; an opening
mark introduced by an attribution (`He added: "`) inside an open quotation of
the same kind means the first one was never closed; and a straight single mark
before a clipped word ('em, 'bot nets, '771), or with nothing after it in the
paragraph that could close it, is an apostrophe.
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
            if nxt == "s" and not prose[i + 2 : i + 3].isalpha():
                return "apostrophe"  # 's left behind when a name (a link) was stripped
            if _is_word(nxt) and "single" not in open_kinds and _elision(prose, i):
                return "apostrophe"  # 'em, 'til, 'bot nets
            return "open"
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


# Words whose first letters are clipped and marked with an apostrophe (them, until,
# robot, telephone ...): an opening-looking mark before them is not a quotation.
_ELISIONS = frozenset(("em", "til", "cause", "cos", "tis", "twas", "n", "bot", "bots", "phone", "phones", "flu", "nuff", "burbs"))
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


# "He added: \"", "Mr Howard told the BBC: \"": a new quotation being introduced.
_LEAD_IN = re.compile(
    r"\b(?:said|says|say|added|adds|told|tells|asked|asks|explained|explains|insisted|insists|warned|warns|"
    r"continued|continues|replied|replies|stated|states|wrote|writes|declared|argued|claimed|admitted|"
    r"noted|stressed|commented|confirmed|concluded|concludes|reads|read)\b[^.!?:;\"\u201c\u201d]{0,60}:\s*$"
)


def _introduced(prose: str, i: int, floor: int) -> bool:
    """Is the mark at i introduced by an attribution ending in a colon?

    Inside an open quotation that is the reporter's voice, not the speaker's: the
    quotation before it was never closed (straight marks cannot nest the same kind).
    """
    lo = max(floor, i - 120)
    return bool(_LEAD_IN.search(prose[lo:i]))


def _closer_ahead(prose: str, i: int, end: int) -> bool:
    """Could any later straight single mark in the paragraph close a quote opened at i?

    A straight mark before a word with nothing to close it is an apostrophe of a
    clipped word ('orrible, '771) rather than a quotation that never ends.
    """
    j = prose.find("'", i + 1, end)
    while j != -1:
        if not prose[j - 1].isspace() and not prose[j + 1 : j + 2].isalnum():
            return True
        j = prose.find("'", j + 1, end)
    return False


def _broken_line(prose: str, prev_end: int, start: int) -> bool:
    """Does a paragraph break fall mid-sentence (a layout artefact, e.g. a stripped italic word)?

    The previous paragraph ends without sentence punctuation and the next one
    starts in lower case: one sentence, so an open quotation simply goes on.
    """
    j = prev_end - 1
    while j >= 0 and prose[j].isspace():
        j -= 1
    last = prose[j] if j >= 0 else "."
    return last.isalnum() and start < len(prose) and prose[start].islower()


def scan_quotations(prose: str, paragraphs: list[tuple[int, int]]) -> tuple[list[Quotation], list[QuoteProblem]]:
    """Find quotations and unbalanced marks in the given paragraphs (in reading order)."""
    quotes: list[Quotation] = []
    problems: list[QuoteProblem] = []
    stack: list[Quotation] = []

    def close_unclosed(upto_index: int, at: int) -> None:
        """Give up on open quotes above ``upto_index``; each ends at ``at``.

        The problem is reported at the opening mark of the last segment: that
        is the stretch of speech whose closing mark is missing.
        """
        while len(stack) > upto_index:
            q = stack.pop()
            q.segments[-1][1] = max(q.segments[-1][0] + 1, min(q.segments[-1][1], at))
            q.end = q.segments[-1][1]
            mark = q.segments[-1][0]
            problems.append(QuoteProblem("unclosed", mark, mark + 1, prose[mark]))

    def open_quote(i: int, kind: str, pe: int) -> None:
        q = Quotation(start=i, kind=kind, depth=len(stack), segments=[[i, pe]])
        quotes.append(q)
        stack.append(q)

    prev_end = -1
    for ps, pe in paragraphs:
        first = ps
        while first < pe and prose[first].isspace():
            first += 1
        start_at = ps
        if stack and _broken_line(prose, prev_end, first):
            for q in stack:
                q.segments[-1][1] = pe
        elif stack:
            # A paragraph that does not open with a continuation mark ends open quotes.
            outer = stack[0]
            ch = prose[first] if first < pe else ""
            continues = ch in QUOTE_CHARS and _kind(ch) == outer.kind and _classify(prose, first, ["x"]) in ("open", "ambiguous")
            if continues:
                close_unclosed(1, prev_end)
                outer.segments.append([first, pe])
                start_at = first + 1
            else:
                close_unclosed(0, prev_end)
        prev_end = pe
        i = start_at
        while i < pe:
            ch = prose[i]
            if ch not in QUOTE_CHARS:
                i += 1
                continue
            open_kinds = [q.kind for q in stack]
            cls = _classify(prose, i, open_kinds)
            kind = _kind(ch)
            if cls == "open" and ch == "'" and not stack and not _closer_ahead(prose, i, pe):
                cls = "apostrophe"
            if cls == "apostrophe":
                i += 1
                continue
            if cls == "ambiguous":
                cls = "close" if kind in open_kinds else "open"
            if cls == "open":
                if stack and stack[0].kind == kind and _after_sentence_end(prose, i, ps) and stack[-1].kind == kind:
                    # continuation inside a joined paragraph: a new segment of the outer quote
                    close_unclosed(1, i)
                    stack[0].segments[-1][1] = i
                    stack[0].segments.append([i, pe])
                elif stack and stack[-1].kind == kind and kind == "double" and (ch != '"' or _introduced(prose, i, ps)):
                    # “ inside an open “, or 'he added: "' inside an open ": the first one never closed
                    close_unclosed(len(stack) - 1, i)
                    open_quote(i, kind, pe)
                else:
                    open_quote(i, kind, pe)
            else:  # close
                idx = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].kind == kind), None)
                if idx is None:
                    if ch != CLOSE_SINGLE:
                        problems.append(QuoteProblem("stray-close", i, i + 1, ch))
                else:
                    close_unclosed(idx + 1, i)
                    q = stack.pop()
                    q.closed = True
                    q.close_mark = i
                    q.segments[-1][1] = i + 1
                    q.end = i + 1
            i += 1
        for q in stack:
            q.segments[-1][1] = pe
    close_unclosed(0, prev_end)
    quotes.sort(key=lambda q: q.start)
    problems.sort(key=lambda p: p.start)
    return quotes, problems


def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
