"""The units adcopy judges: body paragraphs, with lists of lines split apart.

Plain text joins consecutive lines of moderate length into one paragraph (a
hard-wrapped paragraph). A scraped teaser list or menu has the same look, but
every one of its lines starts a new item with a capital; a wrapped paragraph
carries sentences on in lower case. Such a block is judged a line at a time.
"""
from __future__ import annotations

from bisect import bisect_right

from edlint.records import FrozenRecord

from ...document import Block

_ITEM_START = set("\"'“‘(«•»·*-–—[#@")


def _item_start(line: str) -> bool:
    c = line[:1]
    return c.isupper() or c.isdigit() or c in _ITEM_START


class Unit(FrozenRecord):
    """One unit: its block, its first and last line (1-based), and its text without surrounding space."""

    _fields = ("block", "first", "last", "text")

    def __init__(self, block: Block, first: int, last: int, text: str) -> None:
        self.block = block
        self.first = first
        self.last = last
        self.text = text


def _split(doc, block: Block, first: int, last: int) -> list[Unit]:
    """The block's lines as units when it is a list, else the block itself."""
    prose = doc.prose
    if first == last or doc.kind != "text":
        return [Unit(block, first, last, prose[block.start : block.end].strip())]
    spans = []
    for ln in range(first, last + 1):
        s, e = doc.line_span(ln)
        s, e = max(s, block.start), min(e, block.end)
        text = prose[s:e]
        strip_l = len(text) - len(text.lstrip())
        spans.append((s + strip_l, s + len(text.rstrip()), ln))
    lines = [prose[s:e] for s, e, _ in spans]
    if not all(_item_start(t) for t in lines[1:]):
        return [Unit(block, first, last, prose[block.start : block.end].strip())]
    if len(lines) == 2 and not lines[0].rstrip().endswith((".", "!", "?", ":")) and len(lines[0]) > 60:
        # Two lines, the first long and open: most likely one wrapped sentence.
        return [Unit(block, first, last, prose[block.start : block.end].strip())]
    return [Unit(Block(s, e, block.kind, block.level), ln, ln, prose[s:e]) for s, e, ln in spans if e > s]


def units(doc) -> list[Unit]:
    """Body paragraphs in order, list-like blocks of plain text split into their lines.

    Line numbers come from the document's one line table, looked up directly
    (a unit's lines are asked for by every step of the rule).
    """
    starts = doc.line_starts
    out: list[Unit] = []
    for b in doc.body:
        out.extend(_split(doc, b, bisect_right(starts, b.start), bisect_right(starts, b.end)))
    return out
