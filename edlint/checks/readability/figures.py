"""Per-article readability figures, on the article's prose only.

Sentences come from the document model (so headline, front matter, code and
URLs are already out), minus anything the adcopy family marked as furniture.
Word-count figures are cheap and always computed; Flesch figures need textstat
and are computed only when asked for.
"""
from __future__ import annotations

from typing import Any

from edlint.core.services import DocumentWork
from edlint.document.lazyre import lazy

_WORD = lazy(r"[^\W_](?:[\w\u2019'-]*[^\W_])?")


def prose_sentences(doc, furniture) -> list[tuple[int, int, int]]:
    """(start, end, words) of body sentences that are not furniture."""
    body_blocks = {i for i, b in enumerate(doc.blocks) if b.kind == "paragraph"}
    out = []
    for s in doc.sentences:
        if s.block not in body_blocks:
            continue
        if any(a < s.end and s.start < b for a, b in furniture):
            continue
        out.append((s.start, s.end, len(_WORD.findall(doc.prose, s.start, s.end))))
    return out


def compute(doc, furniture, long_words: int = 35, flesch: bool = False, sents=None) -> dict[str, Any]:
    sents = prose_sentences(doc, furniture) if sents is None else sents
    counts = [w for _, _, w in sents if w]
    fig: dict[str, Any] = {
        "sentences": len(counts),
        "words": sum(counts),
        "avg_sentence_words": round(sum(counts) / len(counts), 1) if counts else 0.0,
        "long_sentence_share": round(sum(1 for c in counts if c > long_words) / len(counts), 3) if counts else 0.0,
        "longest_sentence_words": max(counts, default=0),
        "long_sentence_words": long_words,
    }
    if flesch and counts:
        from .offline import textstat

        ts = textstat()
        text = " ".join(doc.prose[s:e].replace("\n", " ") for s, e, w in sents if w)
        fig["flesch_reading_ease"] = round(ts.flesch_reading_ease(text), 1)
        fig["flesch_kincaid_grade"] = round(ts.flesch_kincaid_grade(text), 1)
    return fig


def figures_for(doc, ctx, long_words: int, flesch: bool) -> dict[str, Any]:
    """Compute once per document and publish in ``ctx.figures["readability"]``."""
    return ctx.services.work(FIGURES, long_words, flesch)


def _publish_figures(doc, ctx, long_words: int, flesch: bool) -> dict[str, Any]:
    fig = compute(doc, ctx.furniture, long_words, flesch, sentence_words(doc, ctx))
    merged = dict(ctx.figures.get("readability", {}))
    merged.update(fig)
    ctx.figures["readability"] = merged
    return fig


def sentence_words(doc, ctx) -> list[tuple[int, int, int]]:
    """(start, end, words) of the body's sentences, counted once per document for every rule."""
    return ctx.services.work(SENTENCES)


FIGURES: DocumentWork[dict[str, Any]] = DocumentWork("readability figures", _publish_figures)
SENTENCES: DocumentWork[list[tuple[int, int, int]]] = DocumentWork(
    "readability sentences", lambda doc, ctx: prose_sentences(doc, ctx.furniture))
