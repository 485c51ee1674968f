"""The document model: one article as blocks, sentences, quotations and words, all as file offsets.

``Document.text`` is the file as decoded (BOM removed, line endings kept);
``Document.prose`` is the same length with every non-prose character (front
matter, code, link targets, HTML, markup) blanked to a space. Rules search
``prose`` and report offsets that are valid in ``text``.
"""
from __future__ import annotations

import bisect
import datetime as _dt
import re
from functools import cached_property
from typing import Any

from edlint.io.lines import LineTable, table

from .lazyre import lazy
from .frontmatter import FrontMatter, FrontMatterError, article_date, split_front_matter
from .markup import Block, markdown_prose, plain_blocks
from .quotes import Quotation, QuoteProblem, quote_marks, scan_quotations
from .sentences import Sentence, Word, split_sentences, terminal_marks, words_in
from edlint.records import Record

__all__ = [
    "Block", "Document", "FrontMatterError", "Quotation", "QuoteProblem", "Sentence", "Word",
    "build_document", "MARKDOWN_SUFFIXES", "TEXT_SUFFIXES",
]

MARKDOWN_SUFFIXES = (".md", ".markdown")
TEXT_SUFFIXES = (".txt",)
_TITLE_KEYS = ("title", "headline")
_STANDFIRST_KEYS = ("standfirst", "description", "summary", "subtitle", "dek")
_SIC = lazy(r"\s*\[sic\]", re.I)  # compiled on first use, never at import


class Document(Record):
    _fields = ("path", "text", "prose", "kind", "blocks", "front_matter", "front_matter_end", "date", "date_source")

    def __init__(
        self,
        path: str,
        text: str,
        prose: str,
        kind: str,
        blocks: list[Block],
        front_matter: dict[str, Any] | None = None,
        front_matter_end: int = 0,
        date: _dt.date | None = None,
        date_source: str = "",
    ) -> None:
        self.path = path
        self.text = text
        self.prose = prose
        self.kind = kind  # "markdown" or "text"
        self.blocks = blocks
        self.front_matter = {} if front_matter is None else front_matter
        self.front_matter_end = front_matter_end
        self.date = date
        self.date_source = date_source

    # ------------------------------------------------------------ structure
    @cached_property
    def headline(self) -> Block | None:
        return next((b for b in self.blocks if b.kind == "headline"), None)

    @cached_property
    def standfirst(self) -> Block | None:
        return next((b for b in self.blocks if b.kind == "standfirst"), None)

    @cached_property
    def body(self) -> list[Block]:
        """Blocks of the article body (not headline, standfirst or sub-headings)."""
        return [b for b in self.blocks if b.kind == "paragraph"]

    @cached_property
    def sentences(self) -> list[Sentence]:
        prose = self.prose
        marks = terminal_marks(prose)  # found once for every block
        out: list[Sentence] = []
        for bi, b in enumerate(self.blocks):
            out += [Sentence(s, e, bi) for s, e in split_sentences(prose, b.start, b.end, marks)]
        return out

    @cached_property
    def _quote_scan(self) -> tuple[list[Quotation], list[QuoteProblem]]:
        quotes: list[Quotation] = []
        problems: list[QuoteProblem] = []
        # Headline and standfirst are scanned on their own: a quote never runs from them into the body.
        marks = quote_marks(self.prose)  # found once for every scan below
        if not marks:
            return quotes, problems
        heads = [b for b in self.blocks if b.kind in ("headline", "standfirst", "heading")]
        for b in heads:
            i = bisect.bisect_left(marks, b.start)
            if i == len(marks) or marks[i] >= b.end:
                continue  # no mark in it: nothing to scan
            q, p = scan_quotations(self.prose, [(b.start, b.end)], marks)
            quotes += q
            problems += p
        q, p = scan_quotations(self.prose, [(b.start, b.end) for b in self.body], marks)
        quotes += q
        problems += p
        quotes.sort(key=lambda x: x.start)
        problems.sort(key=lambda x: x.start)
        return quotes, problems

    @property
    def quotations(self) -> list[Quotation]:
        return self._quote_scan[0]

    @property
    def quote_problems(self) -> list[QuoteProblem]:
        return self._quote_scan[1]

    @cached_property
    def _quote_index(self) -> tuple[list[int], list[int]]:
        spans = sorted((s, e) for q in self.quotations for s, e in q.segments)
        merged: list[list[int]] = []
        for s, e in spans:
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        return [m[0] for m in merged], [m[1] for m in merged]

    def in_quote(self, offset: int) -> bool:
        """Is the character at ``offset`` inside quotation marks (any depth)?"""
        starts, ends = self._quote_index
        i = bisect.bisect_right(starts, offset) - 1
        return i >= 0 and offset < ends[i]

    @cached_property
    def words(self) -> list[Word]:
        out: list[Word] = []
        for b in self.blocks:
            out += words_in(self.prose, b.start, b.end)
        return out

    def followed_by_sic(self, end: int) -> bool:
        """``[sic]`` right after a span marks it as deliberate: rules leave it alone."""
        return bool(_SIC.match(self.text, end))

    # ------------------------------------------------------------ positions
    @cached_property
    def lines(self) -> LineTable:
        """The file's line table (``edlint.io.lines``), shared with the reports that show this text."""
        return table(self.text)

    @property
    def line_starts(self) -> tuple[int, ...]:
        return self.lines.starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset, by the one line table (``edlint.io.lines``)."""
        return self.lines.line_col(offset)

    def line_span(self, line: int) -> tuple[int, int]:
        """Offsets of a 1-based line's text, without its line ending."""
        return self.lines.bounds(line)

    @cached_property
    def _block_starts(self) -> list[int]:
        return [b.start for b in self.blocks]

    def block_at(self, offset: int) -> int | None:
        i = bisect.bisect_right(self._block_starts, offset) - 1
        if i >= 0 and offset <= self.blocks[i].end:
            return i
        return None


def _locate_value(text: str, fm: FrontMatter, key: str, value: Any) -> tuple[int, int, str] | None:
    """Where a front-matter string value sits in the file, and how it reads there.

    Returns ``(start, end, shown)``: ``shown`` is ``text[start:end]`` with the
    quoting escapes blanked (YAML's ``''`` reads `` '``, ``\\"`` reads `` "``), so
    the prose view keeps the file's length and every mark at its own offset.
    Values the line does not hold literally (folded scalars) are searched for.
    """
    if not isinstance(value, str) or not value.strip():
        return None
    v = value.strip()
    line = re.compile(rf"^[ \t]*[\"']?{re.escape(key)}[\"']?[ \t]*[:=][ \t]*(\S.*?)[ \t]*\r?$", re.M)
    m = line.search(text, fm.start, fm.end)
    if m:
        raw, s = m.group(1), m.start(1)
        if len(raw) >= 2 and raw[0] in "'\"" and raw[-1] == raw[0]:
            inner, s = raw[1:-1], s + 1
            shown = _unescape_blank(inner, raw[0])
        else:
            inner = shown = raw
        if "".join(shown.split()) == "".join(v.split()):
            lead = len(shown) - len(shown.lstrip())
            return s + lead, s + len(shown.rstrip()), shown.strip()
    i = text.find(v, fm.start, fm.end)
    return (i, i + len(v), v) if i >= 0 else None


def _unescape_blank(inner: str, quote: str) -> str:
    """A quoted scalar as it reads, same length: each two-character escape becomes its character and a space.

    The space goes on the side away from the word it touches, so ``''full`` reads
    `` 'full`` and ``them''`` reads ``them' ``: a quote mark stays next to its word.
    """
    pattern = r"''" if quote == "'" else r"\\(.)"

    def one(m: re.Match) -> str:
        ch = m.group(0)[-1]
        before = inner[m.start() - 1] if m.start() else " "
        after = inner[m.end()] if m.end() < len(inner) else " "
        return ch + " " if not before.isspace() and not after.isalnum() else " " + ch

    return re.sub(pattern, one, inner)


_TITLE_LINE = lazy(r"[^\n]*[\w'\u2019\"\u201d?!)]\r?\n(?=[ \t]*[A-Z0-9\"\u201c\u2018'])")


def _split_title_line(text: str, first: Block) -> list[Block]:
    """Plain text's headline is its first line, even when the lines under it read as one wrapped paragraph.

    A first line that ends without a full stop or a comma, over a line that starts
    a new sentence, is the headline on its own; a line broken mid-sentence is not.
    """
    nl = text.find("\n", first.start, first.end)
    if nl == -1 or nl - first.start > 300:
        return [first]
    m = _TITLE_LINE.match(text, first.start)
    if not m:
        return [first]
    end = nl - 1 if text[nl - 1] == "\r" else nl
    rest = m.end()
    while rest < first.end and text[rest] in " \t":
        rest += 1
    return [Block(first.start, end), Block(rest, first.end)]


def _first_heading(blocks: list[Block]) -> int | None:
    """The block that is the Markdown article's headline: its first level-1 heading, else a heading that opens it."""
    for i, b in enumerate(blocks):
        if b.kind == "heading" and b.level == 1:
            return i
    if blocks and blocks[0].kind == "heading":
        return 0
    return None


def build_document(
    text: str, path: str = "<stdin>", kind: str | None = None, default_date: _dt.date | None = None
) -> Document:
    """Parse decoded file text into a Document. Raises FrontMatterError for broken front matter."""
    if kind is None:
        kind = "markdown" if path.lower().endswith(MARKDOWN_SUFFIXES) else "text"
    fm = split_front_matter(text, path)
    prose, blocks = _prose_view(text, fm, kind)
    prose, extra = _front_matter_blocks(text, fm, prose)
    if blocks and not any(b.kind == "headline" for b in extra):
        _mark_headline(text, blocks, kind)
    blocks = sorted(extra + blocks, key=lambda b: b.start)
    date, source = article_date(fm.data, text[: fm.end], path)
    if date is None and default_date is not None:
        date, source = default_date, "--date"
    return Document(
        path=path, text=text, prose=prose, kind=kind, blocks=blocks,
        front_matter=fm.data, front_matter_end=fm.end, date=date, date_source=source,
    )


def _prose_view(text: str, fm: FrontMatter, kind: str) -> tuple[str, list[Block]]:
    """The prose view and blocks of the body: Markdown through its parser, plain text by blank lines.

    The front matter is blanked but keeps its line breaks, so offsets and line numbers stay the file's.
    """
    if kind == "markdown":
        return markdown_prose(text, fm)
    prose = (" " * fm.end if fm.end else "") + text[fm.end :]
    prose = re.sub(r"[^\n\r]", " ", prose[: fm.end]) + prose[fm.end :] if fm.end else prose
    return prose, plain_blocks(text, fm)


def _front_matter_blocks(text: str, fm: FrontMatter, prose: str) -> tuple[str, list[Block]]:
    """Headline and standfirst given in the front matter: put back into the prose view, as blocks.

    The first key of each list that is found counts; its value is checked at its own place in the file.
    """
    prose_list = None
    extra: list[Block] = []
    for keys, kind_name in ((_TITLE_KEYS, "headline"), (_STANDFIRST_KEYS, "standfirst")):
        for k in keys:
            span = _locate_value(text, fm, k, fm.data.get(k))
            if span:
                if prose_list is None:
                    prose_list = list(prose)
                prose_list[span[0] : span[1]] = span[2]
                extra.append(Block(span[0], span[1], kind_name))
                break
    if prose_list is not None:
        prose = "".join(prose_list)
    return prose, extra


def _mark_headline(text: str, blocks: list[Block], kind: str) -> None:
    """No headline in the front matter: take it from the body (in place).

    Markdown: its first level-1 heading, or a heading that opens it. Plain text:
    the first line, split from what follows it, if it is short enough to be one.
    """
    if kind == "markdown":
        i = _first_heading(blocks)
        if i is not None:
            b = blocks[i]
            blocks[i] = Block(b.start, b.end, "headline", b.level)
        return
    blocks[:1] = _split_title_line(text, blocks[0])
    if len(blocks) > 1 and blocks[0].end - blocks[0].start <= 300:
        blocks[0] = Block(blocks[0].start, blocks[0].end, "headline")
