"""The units adcopy judges: body paragraphs, with lists of lines split apart.

Plain text joins consecutive lines of moderate length into one paragraph (a
hard-wrapped paragraph). A scraped teaser list or menu has the same look, but
every one of its lines starts a new item with a capital; a wrapped paragraph
carries sentences on in lower case. Such a block is judged a line at a time.
"""
from __future__ import annotations

from ...document import Block

_ITEM_START = set("\"'“‘(«•»·*-–—[#@")


def _item_start(line: str) -> bool:
    c = line[:1]
    return c.isupper() or c.isdigit() or c in _ITEM_START


def _split(doc, block: Block) -> list[Block]:
    """The block's lines as units when it is a list, else the block itself."""
    first, last = doc.line_col(block.start)[0], doc.line_col(block.end)[0]
    if first == last or doc.kind != "text":
        return [block]
    spans = []
    for ln in range(first, last + 1):
        s, e = doc.line_span(ln)
        s, e = max(s, block.start), min(e, block.end)
        text = doc.prose[s:e]
        strip_l = len(text) - len(text.lstrip())
        spans.append((s + strip_l, s + len(text.rstrip())))
    lines = [doc.prose[s:e] for s, e in spans]
    if not all(_item_start(t) for t in lines[1:]):
        return [block]
    if len(lines) == 2 and not lines[0].rstrip().endswith((".", "!", "?", ":")) and len(lines[0]) > 60:
        # Two lines, the first long and open: most likely one wrapped sentence.
        return [block]
    return [Block(s, e, block.kind, block.level) for s, e in spans if e > s]


def units(doc) -> list[Block]:
    """Body paragraphs in order, list-like blocks of plain text split into their lines."""
    out: list[Block] = []
    for b in doc.body:
        out.extend(_split(doc, b))
    return out
