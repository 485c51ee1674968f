"""Furniture that a line's neighbours give away: a caption over its credit, Title Case headlines in pairs.

A line alone can read as copy (a short sentence, a subheading); what sits
next to it can settle it. These tests run after each line's own shape has
been judged (``kinds``), so they can lean on those verdicts.
"""
from __future__ import annotations

from . import kinds as K
from .shapes import headline_shaped


def captions_over_credits(texts: list[str], guess: list, scores) -> None:
    """A short description right over a picture's credit is that picture's caption
    ("Goats on Redonda before they were airlifted." over "Photograph by Jane Doe").

    The credit must name a picture ("Photo by", "Image:", a slash credit) and be
    a credit alone: a BBC page's "Image copyright …" sits over its caption, and a
    caption carrying its credit has copy above it.
    """
    credits = [j for j, (g, r) in enumerate(zip(guess, scores.reason, strict=True))
               if j and (g == "photo credit" or (r and K.kind_of(r) == "photo credit"))]
    for j in credits:
        i = j - 1
        if scores.score[i] < 0.6 and guess[i] != "photo credit" and K.picture_credit(texts[j]) \
                and K.caption_over_credit(texts[i]):
            scores.guess(i, 0.65, "photo caption")


def title_case_pairs(texts: list[str], scores) -> None:
    """Two or more headlines in Title Case in a row (four words or more each, one of them six or more),
    none a listing of the copy, are links to other stories, even between paragraphs: a subheading
    comes alone, and lists in the copy rarely capitalise every word. A related headline already
    found (a numbered teaser) counts in the pair; a run that a "…:" line leads into is a list."""
    n = len(texts)
    # Cheap tests first, the Title Case test only for lines with a neighbour that passed them too.
    short = [_open_line(scores, i) and _short_open(t) for i, t in enumerate(texts)]
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


def _open_line(scores, i: int) -> bool:
    """Not judged yet, or judged a related headline (which a pair may take in)."""
    return scores.score[i] < 0.6 or K.kind_of(scores.reason[i]) == "related headline"


def _short_open(text: str) -> bool:
    """Short, with no aside in brackets or ";", not ending as a sentence: settled without a regular
    expression ("Jane Doe; Example Books" under a title is a list of works)."""
    return len(text) <= 160 and "(" not in text and ";" not in text and not K.long_sentence(text)


def _title_case_teaser(text: str) -> bool:
    """Headline-shaped, four words or more nearly all capitalised; not a row, a listing, a sentence, or an
    entry with an aside in brackets ("Jane Doe (Example Show, BBC Two)", a list of winners in the copy)."""
    if not K.title_case_headline(text, 4):
        return False
    return headline_shaped(text) and K.teaser_like(text) and not K.long_sentence(text) and not K.copy_line(text)


def labels_between(texts: list[str], scores, headline: str = "", max_gap: int = 2) -> None:
    """Labels of a few words with furniture right above and right below them are part of that furniture
    (a section label between a menu and a teaser list, "Most Read" between two ads): copy does not sit
    alone between two leftovers. Up to ``max_gap`` labels in a row; the story's own title (words of the
    headline) stays."""
    flagged = [s >= 0.6 for s in scores.score]
    if sum(flagged) < 2:
        return
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
    first = next((i for i, t in enumerate(texts) if K.paragraph(t)), 0)
    head = None
    for i in range(first - 2, -1, -1):
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
    for i, g in enumerate(guess):
        if g != "photo credit" or not K.key_value(texts[i]):
            continue
        rows = [0 <= j < len(texts) and K.key_value(texts[j]) and not texts[j].lower().startswith(_CREDIT_LABELS)
                for j in (i - 2, i - 1, i + 1, i + 2)]
        if (rows[0] and rows[1]) or (rows[1] and rows[2]) or (rows[2] and rows[3]):
            guess[i] = None  # a row among two others
