"""``spelling.inconsistent``: two spellings of one name (or word) from the curated variant lists in one article."""
from __future__ import annotations

from collections import Counter

from edlint.core.findings import FixAvailability, FixSafety, RuleMeta, Severity
from edlint.core.rule import Rule

from .curated import SPELLING_OPTIONS, curated_occurrences, curated_terms, spelling_finding
from .variants import load_groups


class Inconsistent(Rule):
    meta = RuleMeta(
        id="spelling.inconsistent",
        summary="Two spellings of one name (or one word) in the same article, from the curated variant lists.",
        severity=Severity.WARNING,
        in_quotes=True,
        options=SPELLING_OPTIONS,
        fix_safety=(
            "Safe: each non-house form becomes the house form, keeping case (`KIEV` → `KYIV`), possessives "
            "and hyphenated compounds. Unsafe when an occurrence to change is inside quoted speech."
        ),
        fix=FixAvailability.ALWAYS,
        fix_applicability=FixSafety.MIXED,
        docs="""## What it flags
Two or more spellings of one entity in one article — `Kyiv` here, `Kiev` there;
`Sloviansk` in a quote and `Slovyansk` in the copy; `organise` and `organize` —
using the curated groups in `rules/spelling/variants/` (over 900 groups:
Ukrainian and Russian places, other places, people, organisations, British and
American spellings). One finding lists every place.

## Why
Readers notice when a story cannot agree with itself; spellcheckers accept
both forms because both are words.

## Locale
The configuration's `locale` setting (`en-GB`, `en-US`) picks British or
American spellings.

## Limits
Proper-noun groups count only capitalised occurrences (`turkey` the bird is
never `Türkiye`); British/American pairs count only lower-case ones (Pearl
Harbor is a name). `program` near computing words is not `programme`.
""",
    )

    @staticmethod
    def explain_extra(term: str | None = None) -> str:
        """The curated lists in brief, or the group a term belongs to and the house choice."""
        groups = load_groups()
        if term:
            hits = [g for g in groups if term.lower() in (f.lower() for f in g.forms)]
            if not hits:
                return f"No curated group contains '{term}'."
            out = []
            for g in hits:
                if g.locale_pair:
                    choice = f"`{g.forms[0]}` in en-GB, `{g.forms[1]}` in en-US (the `locale` setting)"
                else:
                    choice = f"`{g.forms[0]}`"
                out.append(f"**Group:** {', '.join(g.forms)}  \n**Category:** {g.category}  \n"
                           f"**House choice:** {choice}  \n**Defined in:** `{g.source_file}` (see its sources)")
            return "\n\n".join(out)
        counts = Counter(g.category for g in groups)
        summary = ", ".join(f"{c} ({n})" for c, n in counts.items())
        lines = [f"**Curated groups:** {summary}; {len(groups)} in all.",
                 "", "Run `edlint explain spelling.inconsistent TERM` to see one group and the house choice."]
        return "\n".join(lines)

    def literal_terms(self):
        return curated_terms(self)

    def check(self, doc, ctx):
        locale = ctx.locale
        groups, by_group = curated_occurrences(self, doc, ctx)
        for gi, occ in by_group.items():
            if len({fi for *_, fi in occ}) < 2:
                continue
            g = groups[gi]
            target = g.preferred(locale)
            why = f"house style for {g.category}" if not g.locale_pair else f"{locale} spelling"
            yield spelling_finding(doc, occ, target, why, safe_if_unquoted=True)
