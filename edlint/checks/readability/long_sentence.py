"""``readability.long-sentence``: a sentence longer than the house limit, counting the reporter's words only."""
from __future__ import annotations

from edlint.core.findings import Hit, Option, RuleMeta, Severity
from edlint.core.rule import Rule

from .figures import _WORD, figures_for, sentence_words


class LongSentence(Rule):
    meta = RuleMeta(
        id="readability.long-sentence",
        summary="A sentence longer than the house limit (35 words by default).",
        severity=Severity.SUGGESTION,
        default_enabled=False,  # 962 of 1,031 findings on the BBC corpus: docs/readability.md
        options=(Option("max_words", int, 35, "Most words a body sentence may have, outside quotation marks."),),
        fix_safety="No fix: splitting a sentence is an editor's call.",
        docs="""## What it flags
A sentence of the article body with more words than `max_words` (default 35).

## Why
Long sentences are the first thing that makes news copy hard to follow; most
house style guides aim at an average near 20 words and treat 35+ as a warning sign.

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
