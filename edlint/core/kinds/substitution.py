"""Kind ``substitution``: terms the house replaces, ``swap: {wrong: right}``, each with a fix.

One file is one rule. The fix is safe unless the file says ``safe: false``
(a term with more than one right form needs an editor).

    kind: substitution
    summary: Words this newsroom replaces with its own.
    swap:
      upcoming: forthcoming
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from edlint.core.findings import Applicability, Edit, Fix, Hit
from edlint.core.rule import fill

from .datarule import DataRule, check_message, make_rule, rule_id, rule_schema

NAME = "substitution"
FAMILY = None  # a rule of any family
SCHEMA = rule_schema(NAME, "swap")


def inside_replacement(text: str, start: int, found: str, replacement: str) -> bool:
    """Is the match at ``start`` part of the replacement already written out?

    ``swap: {Covid: Covid-19}`` must not flag the "Covid" of "Covid-19": a
    replacement that contains its own term would otherwise grow on every fix
    (Covid-19-19-19…). Compared case-insensitively, wherever the term sits
    inside the replacement.
    """
    term, rep = found.lower(), replacement.lower()
    if len(rep) <= len(term):
        return False
    k = rep.find(term)
    while k != -1:
        a = start - k
        if a >= 0 and text[a : a + len(rep)].lower() == rep:
            return True
        k = rep.find(term, k + 1)
    return False


class SubstitutionRule(DataRule):
    """Flags each wrong term with its replacement, re-cased like the text."""

    def literal_terms(self) -> Iterator[tuple[str, str]]:
        yield from self.spec["swap"].items()

    def check(self, doc, ctx) -> Iterator[Hit]:
        from edlint.document.normalise import keep_case  # its tables compile on first use, not at start-up

        template = self.spec.get("message") or "Use '{replacement}' instead of '{match}'."
        applicability = Applicability.SAFE if self.spec.get("safe", True) else Applicability.UNSAFE
        for h in ctx.hits_for(self):
            good = keep_case(h.text, h.payload, follow_lower=False)  # a swap's own capitals stay
            if good == h.text or inside_replacement(doc.prose, h.start, h.text, h.payload):
                continue
            msg = fill(template, match=h.text, replacement=good)
            yield Hit(h.start, h.end, msg, fix=Fix((Edit(h.start, h.end, good),), applicability, f"{h.text} → {good}"))


def rule_class(data: dict[str, Any], family: str, stem: str, text: str, display: str) -> type[DataRule]:
    """The rule of one validated substitution file."""
    check_message(data, ("match", "replacement"), text, display)
    rid = rule_id(data, family, stem, text, display)
    safe = data.get("safe", True)
    return make_rule(
        SubstitutionRule, data, rid, display,
        fixes="safe" if safe else "unsafe",
        safety="Safe." if safe else "Unsafe.",
        safety_doc="Safe: each term has one replacement." if safe else "Unsafe: an editor confirms.",
    )
