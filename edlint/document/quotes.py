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

import bisect
import re
from functools import lru_cache
from edlint.records import FrozenRecord, Record

from .marks import offsets_of

OPEN_DOUBLE = "\u201c"  # “
CLOSE_DOUBLE = "\u201d"  # ”
OPEN_SINGLE = "\u2018"  # ‘
CLOSE_SINGLE = "\u2019"  # ’
LOW_DOUBLE = "\u201e"  # „ (German, Polish ...: „…“)
LOW_SINGLE = "\u201a"  # ‚ (German: ‚…‘)
QUOTE_CHARS = frozenset('"\'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a')
_SENTENCE_END = ".?!\u2026"
_OPEN_CONTEXT = " \t\n\r\u00a0([{\u2014\u2013-/:;\u201c\u2018\""
# What may follow a closing mark: space, the end, punctuation.
_AFTER_CLOSE = " \t\n\r\u00a0,.;:!?)]}\u2014\u2013-\u2026"
# A mark opened with one of these is closed by the mark after the arrow, whatever English does with it.
_CLOSERS = {LOW_DOUBLE: OPEN_DOUBLE, LOW_SINGLE: OPEN_SINGLE}
# How far back a sentence end is looked for before a mark: closing marks and spaces between them.
_LOOKBACK = 12


_ASCII_MARKS = "\"'"
_ALL_MARKS = "".join(sorted(QUOTE_CHARS))


def quote_marks(prose: str) -> list[int]:
    """Offsets of every quotation mark in ``prose``, in order: the scanner jumps from mark to mark.

    Found with plain ``str.find``, one mark character at a time (only the two
    straight marks in ASCII text): several times faster than the pattern
    engine scanning for a character class.
    """
    return offsets_of(prose, _ASCII_MARKS if prose.isascii() else _ALL_MARKS)


class Quotation(Record):
    """One quotation, possibly over several paragraphs (``segments``), possibly unclosed.

    ``start`` is the offset of the first opening mark; ``end`` the offset after
    the closing mark (or after the last segment's text if it never closes).
    ``kind`` is ``double`` or ``single``; ``depth`` 0 for outermost quotes;
    ``mark`` the opening character (``„`` quotes close with ``“``).
    """

    __slots__ = ("start", "kind", "depth", "segments", "end", "closed", "mark")
    _fields = ("start", "kind", "depth", "segments", "end", "closed", "mark")

    def __init__(
        self,
        start: int,
        kind: str,
        depth: int,
        segments: list[list[int]] | None = None,
        end: int = -1,
        closed: bool = False,
        mark: str = "",
    ) -> None:
        self.start = start
        self.kind = kind
        self.depth = depth
        self.segments = [] if segments is None else segments  # [open_mark_offset, end]
        self.end = end
        self.closed = closed
        self.mark = mark

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


class QuoteProblem(FrozenRecord):
    """An unbalanced or misused mark.

    ``unclosed`` (at its opening mark), ``stray-close``, or ``wrong-way``: a
    closing mark used to open a quotation (`”slim.”`) or an opening mark used
    to close one. For ``wrong-way``, ``replacement`` is the mark that belongs
    there and ``paired`` says the quotation it opens (or closes) has both ends
    in one paragraph, so the replacement is certain.
    """

    __slots__ = ("kind", "start", "end", "mark", "replacement", "paired")
    _fields = ("kind", "start", "end", "mark", "replacement", "paired")

    def __init__(
        self,
        kind: str,
        start: int,
        end: int,
        mark: str,
        replacement: str = "",
        paired: bool = False,
    ) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.mark = mark
        self.replacement = replacement
        self.paired = paired


def _is_letter(ch: str) -> bool:
    return ch.isalpha()


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _classify(prose: str, i: int, open_kinds, inner_mark: str = "") -> str:
    """Return 'open', 'close', 'apostrophe', 'ambiguous', 'wrong-open' or 'wrong-close' for the mark at i.

    ``open_kinds`` holds the kinds of quotation open now; ``inner_mark`` is the
    opening character of the innermost one. 'wrong-open' is a closing mark in
    an opening place (`were ”slim`), 'wrong-close' an opening mark in a closing
    place (`slim.“ Then`). Each kind of mark has its own small test
    (``_BY_MARK``), so one mark costs one dictionary look-up and one call.
    """
    ch = prose[i]
    prev = prose[i - 1] if i > 0 else " "
    nxt = prose[i + 1] if i + 1 < len(prose) else " "
    if _CLOSERS.get(inner_mark) == ch and not prev.isspace():
        return "close"  # „Wir schaffen das“: “ closes a quotation opened with „
    test = _BY_MARK.get(ch)
    return test(prose, i, prev, nxt, open_kinds) if test else "apostrophe"


def _always_open(prose: str, i: int, prev: str, nxt: str, open_kinds) -> str:
    """« and „ only ever open a quotation."""
    return "open"


def _always_close(prose: str, i: int, prev: str, nxt: str, open_kinds) -> str:
    """» only ever closes one."""
    return "close"


def _low_single(prose: str, i: int, prev: str, nxt: str, open_kinds) -> str:
    """‚ opens before a word (German ‚…‘); inside or after one it is a misplaced comma-like apostrophe."""
    return "open" if _is_word(nxt) and not _is_word(prev) else "apostrophe"


def _open_double(prose: str, i: int, prev: str, nxt: str, open_kinds) -> str:
    """“ opens, unless it sits where a closing mark belongs while a double quotation is open."""
    if prev not in _OPEN_CONTEXT and i > 0 and nxt in _AFTER_CLOSE and "double" in open_kinds:
        return "wrong-close"
    return "open"


def _close_double(prose: str, i: int, prev: str, nxt: str, open_kinds) -> str:
    """” closes, unless it stands before a word at an opening place (`were ”slim`)."""
    if (i == 0 or prev in _OPEN_CONTEXT) and (_is_word(nxt) or nxt in "\u2018'"):
        return "wrong-open"
    return "close"


def _open_single(prose: str, i: int, prev: str, nxt: str, open_kinds) -> str:
    """‘ opens, unless it is a mistyped apostrophe or sits where a closing mark belongs."""
    # ‘90s typed with the wrong mark is still an apostrophe
    if nxt.isdigit() and prose[i + 1 : i + 4].rstrip("0123456789") in ("s", "s ", ""):
        return "apostrophe"
    if _is_letter(prev) and _is_letter(nxt):
        return "apostrophe"  # Russia‘s: the wrong apostrophe, not a quotation
    if prev not in _OPEN_CONTEXT and i > 0 and nxt in _AFTER_CLOSE and "single" in open_kinds:
        return "wrong-close"
    return "open"


def _close_single(prose: str, i: int, prev: str, nxt: str, open_kinds) -> str:
    """’ and straight ': mostly apostrophes; a quotation mark only where no apostrophe reading fits."""
    ch = prose[i]
    if _is_letter(prev) and _is_letter(nxt):
        return "apostrophe"  # Russia’s, don’t
    if nxt.isdigit() and not _is_word(prev) and _two_digit_year(prose, i):
        return "apostrophe"  # ’90s, '05
    if prose[i + 1 : i + 3] == "n" + ch or (prev == "n" and prose[i - 2 : i - 1] == ch):
        return "apostrophe"  # rock ’n’ roll
    if prev in _BEFORE_OPEN_SINGLE or i == 0:
        return _single_at_word_start(prose, i, nxt, open_kinds)
    # preceded by a word character or punctuation
    if "single" in open_kinds:
        return "close"
    return "apostrophe"  # players’ union, goin’


def _two_digit_year(prose: str, i: int) -> bool:
    """Two digits and no third after the mark: a clipped year (’90s, '05), not a quotation."""
    rest = prose[i + 1 : i + 5]
    return rest[:2].isdigit() and (len(rest) < 3 or not rest[2].isdigit())


def _single_at_word_start(prose: str, i: int, nxt: str, open_kinds) -> str:
    """’ or ' after a space or an opening bracket: a quotation opens unless a clipped word follows."""
    if nxt.isspace() or nxt == "":
        return "apostrophe"
    if nxt == "s" and not prose[i + 2 : i + 3].isalpha():
        return "apostrophe"  # 's left behind when a name (a link) was stripped
    if _is_word(nxt) and "single" not in open_kinds and _elision(prose, i):
        return "apostrophe"  # 'em, 'til, 'bot nets
    return "wrong-open" if prose[i] == CLOSE_SINGLE else "open"


def _straight_double(prose: str, i: int, prev: str, nxt: str, open_kinds) -> str:
    """A straight " opens or closes by the spaces around it; feet and inches (5' 10") are not quotes."""
    if prev.isdigit() and _measurement(prose, i):
        return "apostrophe"  # 5' 10" is feet and inches, not quotation marks
    prev_space = prev in _OPEN_CONTEXT or i == 0
    next_space = nxt.isspace() or i + 1 >= len(prose)
    if prev_space and not next_space:
        return "open"
    if not prev_space and (next_space or not _is_word(nxt)):
        return "close"
    if not prev_space and _is_word(nxt):
        return "close" if "double" in open_kinds else "open"
    return "ambiguous"


# What may stand before a ’ or ' that opens a quotation (or a clipped word).
_BEFORE_OPEN_SINGLE = " \t\n\r\u00a0([{\u2014\u2013/\u201c\u201e"
_BY_MARK = {
    "\u00ab": _always_open, LOW_DOUBLE: _always_open, "\u00bb": _always_close, LOW_SINGLE: _low_single,
    OPEN_DOUBLE: _open_double, CLOSE_DOUBLE: _close_double, OPEN_SINGLE: _open_single,
    CLOSE_SINGLE: _close_single, "'": _close_single, '"': _straight_double,
}


# Words whose first letters are clipped and marked with an apostrophe (them, until,
# robot, telephone ...): an opening-looking mark before them is not a quotation.
_ELISIONS = frozenset(
    ("em", "til", "cause", "cos", "tis", "twas", "n", "bot", "bots", "phone", "phones", "flu", "nuff", "burbs")
)


@lru_cache(maxsize=1)
def _measure_re() -> re.Pattern:
    return re.compile(r"\d+\s?'\s?\d{1,2}\s?\"|\d+\s?'(?=\s?\d{1,2}\s?\")")


def _measurement(prose: str, i: int) -> bool:
    """Feet and inches: 5' 10", 6'2"."""
    lo = max(0, i - 6)
    return bool(_measure_re().search(prose, lo, min(len(prose), i + 6)))


def _elision(prose: str, i: int) -> bool:
    j = i + 1
    while j < len(prose) and j < i + 8 and prose[j].isalpha():
        j += 1
    return prose[i + 1 : j].lower() in _ELISIONS


def _kind(ch: str) -> str:
    return "single" if ch in (OPEN_SINGLE, CLOSE_SINGLE, "'", LOW_SINGLE) else "double"


# The kind of every mark, looked up once per mark in the scan's inner loop.
_KIND_OF = {ch: _kind(ch) for ch in QUOTE_CHARS}


def _after_sentence_end(prose: str, i: int, floor: int) -> bool:
    """Does the mark at i follow a sentence end (``. "``, ``." "``)? Looks back a few characters only."""
    floor = max(floor, i - _LOOKBACK)
    j = i - 1
    while j >= floor and prose[j] in " \t\u00a0":
        j -= 1
    while j >= floor and prose[j] in ")]\u201d\u2019'\"":
        j -= 1
    return j >= floor and prose[j] in _SENTENCE_END and j < i - 1


# "He added: \"", "Mr Howard told the BBC: \"": a new quotation being introduced.
@lru_cache(maxsize=1)
def _lead_in() -> re.Pattern:
    return re.compile(
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
    j = i - 1
    while j >= lo and prose[j] in " \t\u00a0":
        j -= 1
    if j < lo or prose[j] != ":":
        return False  # cheap test first: the lead-in ends with a colon
    return bool(_lead_in().search(prose[lo:i]))


class _Closers:
    """Where, in one paragraph, is the last straight single mark that could close a quote?

    A straight mark before a word with nothing to close it is an apostrophe of a
    clipped word ('orrible, '771) rather than a quotation that never ends.
    Worked out once per paragraph, so each mark asks in constant time.
    """

    def __init__(self, prose: str, start: int, end: int):
        self.prose, self.start, self.end = prose, start, end
        self.last: int | None = None

    def ahead(self, i: int) -> bool:
        if self.last is None:
            self.last = -1
            prose = self.prose
            j = prose.rfind("'", self.start, self.end)
            while j != -1:
                if not prose[j - 1].isspace() and not prose[j + 1 : j + 2].isalnum():
                    self.last = j
                    break
                j = prose.rfind("'", self.start, j)
        return self.last > i


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


_RIGHT_WAY = {
    CLOSE_DOUBLE: OPEN_DOUBLE, OPEN_DOUBLE: CLOSE_DOUBLE, CLOSE_SINGLE: OPEN_SINGLE, OPEN_SINGLE: CLOSE_SINGLE,
}


class _Scanner:
    """The state of one scan: the stack of open quotations and, per kind, where they sit in it.

    Each mark costs constant time (amortised): the innermost quotation of a kind
    is found from ``by_kind`` without walking the stack.
    """

    def __init__(self, prose: str):
        self.prose = prose
        self.quotes: list[Quotation] = []
        self.problems: list[QuoteProblem] = []
        self.stack: list[Quotation] = []
        self.by_kind: dict[str, list[int]] = {"double": [], "single": []}
        self.wrong_open: dict[int, int] = {}  # id(quotation) -> offset of its wrong-way opening mark

    def open_kinds(self) -> tuple[str, ...]:
        d, s = self.by_kind["double"], self.by_kind["single"]
        if d:
            return ("double", "single") if s else ("double",)
        return ("single",) if s else ()

    def push(self, i: int, kind: str, pe: int) -> Quotation:
        q = Quotation(start=i, kind=kind, depth=len(self.stack), segments=[[i, pe]], mark=self.prose[i])
        self.quotes.append(q)
        self.by_kind[kind].append(len(self.stack))
        self.stack.append(q)
        return q

    def pop(self) -> Quotation:
        q = self.stack.pop()
        self.by_kind[q.kind].pop()
        return q

    def close_unclosed(self, upto_index: int, at: int) -> None:
        """Give up on open quotes above ``upto_index``; each ends at ``at``.

        The problem is reported at the opening mark of the last segment: that
        is the stretch of speech whose closing mark is missing.
        """
        while len(self.stack) > upto_index:
            q = self.pop()
            q.segments[-1][1] = max(q.segments[-1][0] + 1, min(q.segments[-1][1], at))
            q.end = q.segments[-1][1]
            mark = q.segments[-1][0]
            wrong = self.wrong_open.pop(id(q), None)
            if wrong is not None and wrong == mark and self.prose[wrong] != CLOSE_SINGLE:
                # (’ before a word with nothing to close it may be a clipped word: left as unclosed)
                ch = self.prose[wrong]
                self.problems.append(QuoteProblem("wrong-way", wrong, wrong + 1, ch, _RIGHT_WAY[ch], False))
            else:
                self.problems.append(QuoteProblem("unclosed", mark, mark + 1, self.prose[mark]))

    def close(self, idx: int, i: int) -> Quotation:
        self.close_unclosed(idx + 1, i)
        q = self.pop()
        q.closed = True
        q.segments[-1][1] = i + 1
        q.end = i + 1
        wrong = self.wrong_open.pop(id(q), None)
        if wrong is not None:
            ch = self.prose[wrong]
            self.problems.append(QuoteProblem("wrong-way", wrong, wrong + 1, ch, _RIGHT_WAY[ch], True))
        return q

    def open_quote(self, i: int, kind: str, ps: int, pe: int) -> None:
        """An opening mark at i, in the paragraph ps..pe: a new quotation, or a new segment of the open one."""
        stack, prose = self.stack, self.prose
        if stack and stack[0].kind == kind and stack[-1].kind == kind and _after_sentence_end(prose, i, ps):
            # continuation inside a joined paragraph: a new segment of the outer quote
            self.close_unclosed(1, i)
            stack[0].segments[-1][1] = i
            stack[0].segments.append([i, pe])
            return
        ch = prose[i]
        if (
            stack and stack[-1].kind == kind == "double" and ch not in (LOW_DOUBLE, "\u00ab")
            and (ch != '"' or _introduced(prose, i, ps))
        ):
            # “ inside an open “, or 'he added: "' inside an open ": the first one never closed
            self.close_unclosed(len(stack) - 1, i)
        self.push(i, kind, pe)

    def close_quote(self, i: int, kind: str) -> None:
        """A closing mark at i: it ends the innermost open quotation of its kind, or is stray.

        A stray ’ is left alone: with nothing open it is an apostrophe (players’).
        """
        positions = self.by_kind[kind]
        if positions:
            self.close(positions[-1], i)
        elif self.prose[i] != CLOSE_SINGLE:
            self.problems.append(QuoteProblem("stray-close", i, i + 1, self.prose[i]))


def _paragraph_start(sc: _Scanner, ps: int, pe: int, prev_end: int) -> int:
    """Where the marks of a new paragraph are read from, with quotations still open from the last one.

    A paragraph that opens with the outer quotation's kind of mark continues it
    (a new segment; reading starts after that mark); a mid-sentence break keeps
    everything open; any other paragraph ends the open quotations as unclosed.
    """
    prose, stack = sc.prose, sc.stack
    first = ps
    while first < pe and prose[first].isspace():
        first += 1
    if _broken_line(prose, prev_end, first):
        for q in stack:
            q.segments[-1][1] = pe
        return ps
    outer = stack[0]
    ch = prose[first] if first < pe else ""
    how = _classify(prose, first, ("x",)) if ch in QUOTE_CHARS and _kind(ch) == outer.kind else ""
    if how not in ("open", "ambiguous", "wrong-open"):
        sc.close_unclosed(0, prev_end)
        return ps
    if how == "wrong-open":
        sc.problems.append(QuoteProblem("wrong-way", first, first + 1, ch, _RIGHT_WAY[ch], True))
    sc.close_unclosed(1, prev_end)
    outer.segments.append([first, pe])
    return first + 1


def _scan_paragraph(sc: _Scanner, ps: int, pe: int, start_at: int, marks: list[int]) -> None:
    """Read the marks of one paragraph from ``start_at``: classify each and open or close quotations.

    ``marks`` are the offsets of every mark of the text (``quote_marks``). Most
    marks are apostrophes inside words and are passed over before any
    classification; the rest cost one ``_classify`` and at most one step of the scanner.
    """
    first = bisect.bisect_left(marks, start_at)
    if first == len(marks) or marks[first] >= pe:
        return  # no mark in the paragraph (most of them)
    prose, stack = sc.prose, sc.stack
    closers = _Closers(prose, ps, pe)
    for k in range(first, len(marks)):
        i = marks[k]
        if i >= pe:
            break
        ch = prose[i]
        if (ch == "'" or ch == CLOSE_SINGLE) and prose[i - 1 : i].isalpha() and prose[i + 1 : i + 2].isalpha():
            continue  # Russia’s, don't: what _classify says first of such a mark, without asking it
        open_kinds = sc.open_kinds()
        cls = _classify(prose, i, open_kinds, stack[-1].mark if stack else "")
        if cls == "apostrophe" or (cls == "open" and ch == "'" and not stack and not closers.ahead(i)):
            continue
        kind = _KIND_OF[ch]
        if cls == "ambiguous":
            cls = "close" if kind in open_kinds else "open"
        if cls == "open":
            sc.open_quote(i, kind, ps, pe)
        elif cls == "close":
            sc.close_quote(i, kind)
        elif cls == "wrong-open":
            sc.wrong_open[id(sc.push(i, kind, pe))] = i
        else:  # wrong-close
            sc.close(sc.by_kind[kind][-1], i)
            sc.problems.append(QuoteProblem("wrong-way", i, i + 1, ch, _RIGHT_WAY[ch], True))


def scan_quotations(
    prose: str, paragraphs: list[tuple[int, int]], marks: list[int] | None = None
) -> tuple[list[Quotation], list[QuoteProblem]]:
    """Find quotations and unbalanced marks in the given paragraphs (in reading order).

    The scan jumps from one quotation mark to the next (``marks``: the text's
    ``quote_marks``, found once for a document scanned in several parts), and
    every mark is classified by looking at most a few characters around it:
    time grows with the length of the text, never with the number of marks before one.
    """
    if marks is None:
        marks = quote_marks(prose)
    sc = _Scanner(prose)
    prev_end = -1
    for ps, pe in paragraphs:
        start_at = _paragraph_start(sc, ps, pe, prev_end) if sc.stack else ps
        prev_end = pe
        _scan_paragraph(sc, ps, pe, start_at, marks)
        for q in sc.stack:
            q.segments[-1][1] = pe
    sc.close_unclosed(0, prev_end)
    sc.quotes.sort(key=lambda q: q.start)
    sc.problems.sort(key=lambda p: p.start)
    return sc.quotes, sc.problems
