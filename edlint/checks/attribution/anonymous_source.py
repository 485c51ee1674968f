"""``attribution.anonymous-source`` (opt-in): anonymous sourcing, for houses that want each use noted."""
from __future__ import annotations

from edlint.core.findings import Hit, RuleMeta, Severity
from edlint.core.rule import Rule

from .vocab import ANONYMOUS

class AnonymousSource(Rule):
    meta = RuleMeta(
        id="attribution.anonymous-source",
        summary="Anonymous sourcing ('a senior official said'), for houses that want a note.",
        severity=Severity.SUGGESTION,
        default_enabled=False,
        fix_safety="No fix.",
        docs="""## What it flags
Attributions to unnamed people: `a senior official said`, `sources said`,
`a source close to the minister told …`.

## Why
Anonymous sourcing is legitimate but many houses want each use justified
("…who was not authorised to speak publicly").

## Limits
Off by default; the `strict` preset turns it on.
""",
    )

    def check(self, doc, ctx):
        for b in doc.body:
            for m in ANONYMOUS.finditer(doc.prose, b.start, b.end):
                msg = "Anonymous source: say why the source cannot be named, if house style asks."
                yield Hit(m.start(), m.end(), msg)
