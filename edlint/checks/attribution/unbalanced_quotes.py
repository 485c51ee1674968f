"""``attribution.unbalanced-quotes``: a quote opened and never closed, a stray closing mark, or a quote
running on into the reporter's words."""
from __future__ import annotations

import bisect
import itertools

from edlint.core.findings import Hit, RuleMeta, Severity
from edlint.core.rule import Rule

from .quote_marks import segment_of, teaser_link
from .speech import run_on_sentence

class UnbalancedQuotes(Rule):
    meta = RuleMeta(
        id="attribution.unbalanced-quotes",
        summary="A quotation mark opened and never closed, or a closing mark with no opening one.",
        severity=Severity.WARNING,
        in_quotes=True,
        fix_safety="No fix: only an editor knows where the quote ends.",
        docs="""## What it flags
A quote opened and never closed before a paragraph that does not continue it,
or a stray closing mark, for curly and straight marks. It also flags a quote
whose closing mark was lost when a later mark happens to balance it: the
quotation then contains the reporter's own sentence (`He said the plan had
failed.`, `Mr Warner said firms …`). A quote that is never closed is reported
at the opening mark of the stretch of speech that lacks its closing mark.

## Why
Readers cannot tell where the speaker's words end and the reporter's begin.

## Limits
Outside a quotation, a straight single mark before a word with no mark after it
in the paragraph that could close it is read as an apostrophe (`'orrible`,
`'771`), so such a single quote that never closes is missed. A lost closing mark
followed directly by the next quote (`said: "We will go. "We will win."`) reads
as the multi-paragraph convention and cannot be told from it. The reporter's
sentence is recognised by a named or pronoun subject and a past-tense reporting
verb, with no I, we or you: a speaker's own "He said he would help" inside a
quote reads as the reporter's, and a reporter's sentence without such a verb is
not recognised. Lines that link to other stories (ending `[REPORT]`,
`[INSIGHT]` …) are left to the ad-copy rules.
""",
    )

    def check(self, doc, ctx):
        reported: set[int] = set()
        for p in doc.quote_problems:
            if p.kind == "wrong-way" or teaser_link(doc, p.start):
                continue
            reported.add(p.start)
            if p.kind == "unclosed":
                msg = (f"Quotation opened with {p.mark} is never closed: close it, "
                       "or open the next paragraph with a quote mark if the quote continues.")
            else:
                msg = f"Closing quotation mark {p.mark} with no opening one: add the opening mark or remove this one."
            yield Hit(p.start, p.end, msg)
        yield from self._run_on(doc, reported)

    def _run_on(self, doc, reported: set[int]):
        """Closed quotations that contain the reporter's own sentence."""
        starts = [b.start for b in doc.body]
        reach = list(itertools.accumulate((b.end for b in doc.body), max))  # furthest body end so far
        for q in doc.quotations:
            if q.depth or not q.closed or any(seg[0] in reported for seg in q.segments):
                continue
            i = bisect.bisect_right(starts, q.start) - 1
            if i < 0 or reach[i] <= q.start:
                continue  # in no body paragraph
            sent = run_on_sentence(doc, q)
            if sent is None:
                continue
            seg = segment_of(q, sent.start)
            words = doc.prose[sent.start : sent.end].split()
            lead = " ".join(words[:6]) + (" …" if len(words) > 6 else "")
            msg = (f"Quotation opened with {doc.prose[seg[0]]} runs on into the reporter's words ('{lead}'): "
                   "close it where the speaker's words end.")
            yield Hit(seg[0], seg[0] + 1, msg)
