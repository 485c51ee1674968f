"""``readability.long-paragraph``: a body paragraph longer than the house limit."""
from __future__ import annotations

from edlint.core.findings import Hit, Option, RuleMeta, Severity
from edlint.core.rule import Rule

from .figures import _WORD


class LongParagraph(Rule):
    meta = RuleMeta(
        id="readability.long-paragraph",
        summary="A paragraph longer than the house limit (60 words by default).",
        severity=Severity.SUGGESTION,
        default_enabled=False,
        options=(Option("max_words", int, 60, "Most words a body paragraph may have."),),
        fix_safety="No fix.",
        docs="""## What it flags
A body paragraph with more words than `max_words` (default 60).

## Why
News paragraphs are short: one or two sentences. A long one usually hides a
second point that deserves its own paragraph.

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
