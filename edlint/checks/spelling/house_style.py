"""``spelling.house-style`` (opt-in): any spelling the house does not use, even in a consistent article."""
from __future__ import annotations

from edlint.core.findings import Applicability, Edit, Fix, FixAvailability, FixSafety, Hit, RuleMeta, Severity
from edlint.core.rule import Rule
from edlint.document.normalise import keep_case

from .curated import SPELLING_OPTIONS, curated_occurrences
from .inconsistent import Inconsistent


class HouseStyle(Rule):
    meta = RuleMeta(
        id="spelling.house-style",
        summary="A spelling the house does not use (Kiev for Kyiv), even if the article is consistent.",
        severity=Severity.SUGGESTION,
        default_enabled=False,
        options=SPELLING_OPTIONS,
        fix_safety="Safe: the house form, keeping case.",
        fix=FixAvailability.ALWAYS,
        fix_applicability=FixSafety.SAFE,
        docs="""## What it flags
Any occurrence of a non-preferred form of a curated group: `Kiev` when the
house writes `Kyiv`, `organize` in an `en-GB` house.

## Why
Consistency inside one article is the minimum; consistency across a site is
house style.

## Limits
Off by default: archives written before a house changed its style (Kiev was
BBC style until 2019) would be flagged throughout.
""",
    )

    literal_terms = Inconsistent.literal_terms
    explain_extra = Inconsistent.explain_extra

    def check(self, doc, ctx):
        groups, by_group = curated_occurrences(self, doc, ctx)
        for gi, occ in by_group.items():
            g = groups[gi]
            target = g.preferred(ctx.locale)
            for s, e, t, _form_index in occ:
                if t.lower() != target.lower():
                    rep = keep_case(t, target)
                    yield Hit(s, e, f"House style is '{rep}', not '{t}' ({g.category}).",
                              fix=Fix((Edit(s, e, rep),), Applicability.SAFE, f"{t} → {rep}"))
