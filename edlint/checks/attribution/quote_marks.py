"""What the quote-mark rules (unbalanced, wrong-way) share: which lines are teasers for other stories, and which
paragraph of a quotation to report."""
from __future__ import annotations

from edlint.document.lazyre import lazy

_TEASER_TAG = lazy(r"\[[A-Z][A-Z ]{1,20}\]\s*$")


def teaser_link(doc, offset: int) -> bool:
    """Is the paragraph at offset a link to another story ("… ‘unipolar [REPORT]")?

    Such lines are headlines of other pages, often cut short by the scraper, so a
    quote in them may lose its closing mark; they are furniture, not the story.
    Each block is tested once per document, however many marks it holds.
    """
    bi = doc.block_at(offset)
    if bi is None:
        return False
    cache = doc.__dict__.setdefault("_attribution_teasers", {})
    if bi not in cache:
        b = doc.blocks[bi]
        tail = doc.prose[max(b.start, b.end - 40) : b.end]  # the tag ends the line: its last characters suffice
        cache[bi] = bool(_TEASER_TAG.search(tail))
    return cache[bi]


def segment_of(quote, offset: int) -> list[int]:
    """The segment (paragraph) of a quotation that holds ``offset``: the one to report."""
    return next((seg for seg in reversed(quote.segments) if seg[0] <= offset), quote.segments[0])
