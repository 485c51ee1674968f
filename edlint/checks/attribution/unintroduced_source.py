"""``attribution.unintroduced-source``: 'the report continues' with no report introduced before it."""
from __future__ import annotations

from edlint.core.findings import Hit, RuleMeta, Severity
from edlint.core.rule import Rule
from edlint.document.lazyre import lazy

from .vocab import DOCUMENT_NOUN_LIST, DOCUMENT_SOURCE, may_cite_document

_DOC_NOUNS = lazy(r"\b(report|statement|letter|document|study|survey|memo|e-?mail|filing|ruling|judge?ment|"
                        r"review|inquiry|dossier|briefing|assessment|analysis|note|paper|research|findings|publication)s?\b")


_SPOKES = lazy(r"\bspokes(?:man|woman|person|people|men|women)\b|\bpress office\b")


class UnintroducedSource(Rule):
    meta = RuleMeta(
        id="attribution.unintroduced-source",
        summary="'The report continues', 'the statement said' with no report or statement introduced before.",
        severity=Severity.WARNING,
        fix_safety="No fix.",
        docs="""## What it flags
An attribution to a document — `the report continues:`, `the statement said`
— when the body has not mentioned such a report or statement before.

## Why
It is the document version of a dangling "he said": the paragraph that
introduced the report was cut.

## Limits
Any earlier mention of the same noun counts as its introduction; for "the
statement", so does an earlier spokesperson (`A club spokesperson denied it,
insisting: "…"` then `The statement added: …`).
""",
    )

    def literal_terms(self):
        """The document nouns, for the run's one literal pass: an article naming none cites no document."""
        return ((noun, None) for noun in DOCUMENT_NOUN_LIST)

    def check(self, doc, ctx):
        if not doc.body:
            return
        start = doc.body[0].start
        # The engine runs the literal pass whenever a rule with literal terms is active, as this one is.
        found = ctx.hits_for(self) if ctx is not None else None
        if not may_cite_document(doc.prose, start, found):
            return
        sentence_starts = {s.start for s in doc.sentences}
        for m in DOCUMENT_SOURCE.finditer(doc.prose, start):
            if m.start() not in sentence_starts:
                continue  # "…, the report said." follows what it refers to; the opener is the risk
            noun = m.group(2).lower()
            before = doc.prose[start : m.start()].lower()
            if not _DOC_NOUNS.search(before) and not (noun == "statement" and _SPOKES.search(before)):
                msg = f"'{m.group(0)}' but no {noun} has been introduced: say whose {noun} it is first."
                yield Hit(m.start(), m.end(), msg)
