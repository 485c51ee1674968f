"""Furniture that a line's neighbours give away: a caption over its credit, Title Case headlines in pairs.

A line alone can read as copy (a short sentence, a subheading); what sits
next to it can settle it. These tests run after each line's own shape has
been judged (``kinds``), so they can lean on those verdicts.
"""
from __future__ import annotations

import operator

from . import kinds as K
from .shapes import headline_shaped


# The categories a credit is found under (phrase-pack entries and the structural guess).
_CREDIT_REASONS = frozenset(r for r, kind in K.KIND.items() if kind == "photo credit")


def captions_over_credits(texts: list[str], guess: list, scores) -> None:
    """A short description right over a picture's credit is that picture's caption
    ("Goats on Redonda before they were airlifted." over "Photograph by Jane Doe").

    The credit must name a picture ("Photo by", "Image:", a slash credit) and be
    a credit alone: a BBC page's "Image copyright …" sits over its caption, and a
    caption carrying its credit has copy above it.
    """
    reasons = scores.reason
    if "photo credit" not in guess and _CREDIT_REASONS.isdisjoint(reasons):
        return  # no credit on the page (most articles)
    for j in range(1, len(texts)):
        if guess[j] != "photo credit" and reasons[j] not in _CREDIT_REASONS:
            continue
        i = j - 1
        if scores.score[i] < 0.6 and guess[i] != "photo credit" and K.picture_credit(texts[j]) \
                and K.caption_over_credit(texts[i]):
            scores.guess(i, 0.65, "photo caption")


def captions_by_credit(texts: list[str], scores) -> None:
    """A line that ends with the same named credit as a caption already found (judged a caption, or a
    credit with its description before it) is another caption of that set of pictures, however long
    ("A cross-section through the module … Credit: ESA" under "A reference module … Credit: ESA"):
    copy does not end on a picture's credit. Two pieces of evidence: the credit named at the end, and
    the same credit closing a caption of the page."""
    reasons = scores.reason
    if "photo caption" not in reasons and _CREDIT_REASONS.isdisjoint(reasons):
        return  # no caption or credit on the page (most articles)
    found = {K.labelled_credit(texts[i]) for i, r in enumerate(reasons)
             if r == "photo caption" or r in _CREDIT_REASONS}
    found.discard("")
    if not found:
        return
    for i, t in enumerate(texts):
        if scores.score[i] < 0.6 and K.labelled_credit(t) in found:
            scores.guess(i, 0.65, "photo caption")


def title_case_pairs(texts: list[str], scores) -> None:
    """Two or more headlines in Title Case in a row (four words or more each, one of them six or more),
    none a listing of the copy, are links to other stories, even between paragraphs: a subheading
    comes alone, and lists in the copy rarely capitalise every word. A related headline already
    found (a numbered teaser) counts in the pair; a run that a "…:" line leads into is a list."""
    n = len(texts)
    # Cheap tests first, the Title Case test only for lines with a neighbour that passed them too.
    # Short, not a long line ending as a sentence (``kinds.long_sentence``), no aside in brackets or ";"
    # ("Jane Doe; Example Books" under a title is a list of works): string tests only, on every line.
    ends = _SENTENCE_ENDS
    short = [len(t) <= 160 and not (len(t) > 60 and t[-1:] in ends) and "(" not in t and ";" not in t
             for t in texts]
    if not any(map(operator.and_, short, short[1:])):  # no two short lines in a row: no pair
        return
    short = [ok and _open_line(scores, i) for i, ok in enumerate(short)]
    shaped = [short[i] and ((i > 0 and short[i - 1]) or (i + 1 < n and short[i + 1])) and _title_case_teaser(t)
              for i, t in enumerate(texts)]
    i = 0
    while i < n:
        j = i
        while j < n and shaped[j]:
            j += 1
        led = i > 0 and texts[i - 1].rstrip().endswith(":")
        if j - i >= 2 and not led and any(K.title_case_headline(texts[k]) for k in range(i, j)):
            for k in range(i, j):
                scores.guess(k, 0.62, "related headline")
        i = max(j, i + 1)


def led_into(texts: list[str], i: int, min_words: int = 8) -> bool:
    """Does a sentence of the copy ending in ":" lead into the list that reaches line ``i``?

    Walks up over the list's other items (short lines that end no sentence) to
    the line above them: a sentence of eight words or more ending in a colon
    ("… target offers to visitors based on:") introduces a list in the copy;
    a short prompt ("Share this article:", "Sign up for our newsletter:") heads furniture.
    """
    while i > 0 and len(K.lower_words(texts[i - 1])) <= 6 and not K.terminal(texts[i - 1]):
        i -= 1
    if i == 0:
        return False
    lead = texts[i - 1].rstrip()
    return lead.endswith(":") and len(K.lower_words(lead)) >= min_words


def _open_line(scores, i: int) -> bool:
    """Not judged yet, or judged a related headline (which a pair may take in)."""
    return scores.score[i] < 0.6 or K.kind_of(scores.reason[i]) == "related headline"


_SENTENCE_ENDS = frozenset(".!?\"”’")


def _title_case_teaser(text: str) -> bool:
    """Headline-shaped, four words or more nearly all capitalised; not a row, a listing, a sentence, or an
    entry with an aside in brackets ("Jane Doe (Example Show, BBC Two)", a list of winners in the copy)."""
    if not K.title_case_headline(text, 4):
        return False
    return headline_shaped(text) and K.teaser_like(text) and not K.long_sentence(text) and not K.copy_line(text)


def repeated_labels(texts: list[str], scores, seen: dict[str, int]) -> None:
    """A short line printed three times or more at a fixed step of two or three lines is a label the
    page puts on every item of a list of links or of a gallery ("Wales Online" under each teaser, the
    gallery's title over each picture's caption): copy does not say the same line over and over in step.
    Two pieces of evidence: the repetition, and its period (a recipe's or a game's own repeated lines
    come at no fixed step); and what it labels must be links or pictures: most lines between are
    headlines or descriptions, not the rows of a schedule ("Winners meet in final match" under each
    pair of fixtures is copy)."""
    if not seen or max(seen.values()) < 3:
        return  # nothing repeated three times (most articles)
    where: dict[str, list[int]] = {}
    for i, t in enumerate(texts):
        if len(t) <= 80 and seen.get(K.key(t), 0) >= 3 and not K.paragraph(t):
            where.setdefault(K.key(t), []).append(i)
    for at in where.values():
        steps = {b - a for a, b in zip(at, at[1:], strict=False)}
        if len(at) < 3 or len(steps) != 1 or not 2 <= min(steps) <= 3:
            continue
        items = [texts[k] for k in range(at[0] + 1, at[-1]) if k not in at]
        if 2 * sum(1 for t in items if K.teaser_like(t) or len(t.split()) >= 8) < len(items):
            continue
        for i in at:
            scores.guess(i, 0.62, "repeated label")
        if min(steps) == 2:
            _labelled_links(texts, scores, at)


def _labelled_links(texts: list[str], scores, at: list[int]) -> None:
    """One line between each two labels: a list of links, each headline with its source beside it. The
    headlines between are related headlines, and so is the one at the end the labels sit by (the
    headline over the first label, or under the last: whichever of the two alone is one)."""
    def link(k: int) -> bool:
        return 0 <= k < len(texts) and scores.score[k] < 0.6 and headline_shaped(texts[k]) \
            and K.teaser_like(texts[k])
    items = [k for k in range(at[0] + 1, at[-1], 2) if link(k)]
    ends = [k for k in (at[0] - 1, at[-1] + 1) if link(k)]
    for k in items + (ends if len(ends) == 1 else []):
        scores.guess(k, 0.62, "related headline")


def labels_between(texts: list[str], scores, headline: str = "", max_gap: int = 2) -> None:
    """Labels of a few words with furniture right above and right below them are part of that furniture
    (a section label between a menu and a teaser list, "Most Read" between two ads): copy does not sit
    alone between two leftovers. Up to ``max_gap`` labels in a row; the story's own title (words of the
    headline) stays."""
    if not texts or max(scores.score) < 0.6:
        return  # no furniture on the page (most articles)
    flagged = [s >= 0.6 for s in scores.score]
    head = None
    n = len(texts)
    i = 1
    while i < n - 1:
        if flagged[i] or not flagged[i - 1]:
            i += 1
            continue
        j = i
        while j < n and not flagged[j] and j - i < max_gap and K.short_label(texts[j]):
            j += 1
        if j == i or j >= n or not flagged[j]:
            i = j + 1
            continue
        head = head if head is not None else f" {' '.join(K.lower_words(headline))} "
        kind = _label_kind(scores.reason[i - 1])
        for k in range(i, j):
            if f" {' '.join(K.lower_words(texts[k]))} " not in head:
                scores.guess(k, 0.62, kind)
        i = j + 1


def labels_over_top_furniture(texts: list[str], scores, headline: str = "") -> None:
    """Above the first paragraph of copy, a short label right over a leftover line is part of the
    page's top matter ("Life is Local" over a teaser, "4 TalkBacks" over "Share"): the story's
    copy has not started yet. The story's own title (words of the headline) stays."""
    if not texts or max(scores.score) < 0.6:
        return
    last = next((i for i in range(len(texts) - 1, 0, -1) if scores.score[i] >= 0.6), 0)
    if not last:
        return  # no furniture to sit by (most articles): no paragraph test at all
    first = next((i for i in range(len(texts)) if K.paragraph(texts[i])), 0)
    head = None
    for i in range(min(first - 2, last - 1), -1, -1):
        if scores.score[i] >= 0.6 or scores.score[i + 1] < 0.6 or not K.short_label(texts[i]):
            continue
        head = head if head is not None else f" {' '.join(K.lower_words(headline))} "
        if f" {' '.join(K.lower_words(texts[i]))} " not in head:
            scores.guess(i, 0.62, _label_kind(scores.reason[i + 1]))


def _label_kind(reason: str) -> str:
    """A label takes the kind of the leftover it sits by, except a caption's (the weakest evidence)."""
    return reason if K.kind_of(reason) != "photo caption" else "menu labels"


_CREDIT_LABELS = ("photo", "image", "picture", "credit", "caption", "source", "illustration", "graphic", "video")


def fact_box_rows(texts: list[str], guess: list) -> None:
    """A "Key: value" line in a run of three or more like it is a row of a fact box in the copy
    ("Memory: 512MB", "Graphic: VIA UniChrome Pro IGP", "Audio: …"), even where its key is a credit
    word; a credit under a picture stands alone, or beside its caption or a heading."""
    if "photo credit" not in guess:
        return
    for i, g in enumerate(guess):
        if g != "photo credit" or not K.key_value(texts[i]):
            continue
        rows = [0 <= j < len(texts) and K.key_value(texts[j]) and not texts[j].lower().startswith(_CREDIT_LABELS)
                for j in (i - 2, i - 1, i + 1, i + 2)]
        if (rows[0] and rows[1]) or (rows[1] and rows[2]) or (rows[2] and rows[3]):
            guess[i] = None  # a row among two others


def product_blocks(texts: list[str], scores, max_lines: int = 8) -> None:
    """A shop's button ("Buy Now", "$29.99 at Amazon") closes a product block: the product's name and its
    bulleted specs above it ("Acme Blender Pro 3000", "- 1200W motor", "- Six speed settings") go with it.

    Two pieces of evidence: the button found on its own, and lines above it that are no sentences of
    copy (short, no sentence end). A list in the copy with no button under it is never touched. An
    affiliate disclosure ends no block: it is a sentence under the headline or a subheading.
    """
    reasons = scores.reason
    if "shopping button" not in reasons:
        return  # no shop on the page (nearly every article)
    for j, r in enumerate(reasons):
        if r != "shopping button":
            continue
        i = j - 1
        while i >= 0 and j - i <= max_lines and scores.score[i] < 0.6 and _spec_line(texts[i]):
            scores.guess(i, 0.62, "product specs")
            i -= 1


def _spec_line(text: str) -> bool:
    """A product's name or one of its specs: a dozen words at most and no sentence end."""
    return 1 <= len(K.lower_words(text)) <= 12 and len(text) <= 100 and not K.terminal(text)

