"""``attribution.wrong-way-quote``: a curly quotation mark turned the wrong way, turned back by its fix."""
from __future__ import annotations

from edlint.core.findings import Applicability, Edit, Fix, FixAvailability, FixSafety, Hit, RuleMeta, Severity
from edlint.core.rule import Rule

from .quote_marks import teaser_link

class WrongWayQuote(Rule):
    meta = RuleMeta(
        id="attribution.wrong-way-quote",
        summary="A closing quotation mark used to open a quote (”slim.”), or an opening one used to close it.",
        severity=Severity.WARNING,
        in_quotes=True,
        fix_safety=(
            "Safe: the mark is turned the right way when the quotation it opens closes in the same paragraph "
            "(or the quotation it closes opened there), so the pairing is certain. "
            "Unsafe when the quotation never closes."
        ),
        fix=FixAvailability.ALWAYS,
        fix_applicability=FixSafety.MIXED,
        docs="""## What it flags
A curly quotation mark turned the wrong way: a closing mark `”` or `’` where a
quotation opens (after a space, a colon or the start of a paragraph, before a
word), or an opening mark `“` or `‘` where an open quotation closes (after a
word or punctuation, before a space or the end). Smart-quote software guesses
wrong when the mark was typed after something it took for a word.

## Why
Readers see a quote that seems to close before it opens; other tools report a
stray closing mark and miss the real quotation.

## Limits
A single closing mark before a word is read as an opening mark only when a
closing mark follows in the paragraph; otherwise it may be an apostrophe of a
clipped word and is left alone. Straight marks have no direction and are never
wrong-way.
""",
    )

    def check(self, doc, ctx):
        for p in doc.quote_problems:
            if p.kind != "wrong-way" or teaser_link(doc, p.start):
                continue
            role = "open" if p.replacement in ("\u201c", "\u2018") else "close"
            msg = f"Wrong-way quotation mark {p.mark} used to {role} a quote: use {p.replacement}."
            safety = Applicability.SAFE if p.paired else Applicability.UNSAFE
            fix = Fix((Edit(p.start, p.end, p.replacement),), safety, f"{p.mark} → {p.replacement}")
            yield Hit(p.start, p.end, msg, fix=fix)
