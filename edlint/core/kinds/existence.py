"""Kind ``existence``: terms the house avoids, ``tokens: [...]``, flagged without a fix.

One file is one rule; what to write instead is for the editor (the
``message`` can say).

    kind: existence
    summary: Phrases this newsroom does not use.
    tokens: [going forward, at this moment in time]
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from edlint.core.findings import Hit
from edlint.core.rule import fill

from .datarule import DataRule, check_message, make_rule, rule_id, rule_schema

NAME = "existence"
FAMILY = None  # a rule of any family
SCHEMA = rule_schema(NAME, "tokens")


class ExistenceRule(DataRule):
    """Flags each listed term where it appears."""

    def literal_terms(self) -> Iterator[tuple[str, None]]:
        for token in self.spec["tokens"]:
            yield token, None

    def check(self, doc, ctx) -> Iterator[Hit]:
        template = self.spec.get("message") or "Avoid '{match}'."
        for h in ctx.hits_for(self):
            yield Hit(h.start, h.end, fill(template, match=h.text, replacement=""))


def rule_class(data: dict[str, Any], family: str, stem: str, text: str, display: str) -> type[DataRule]:
    """The rule of one validated existence file."""
    check_message(data, ("match",), text, display)
    rid = rule_id(data, family, stem, text, display)
    return make_rule(ExistenceRule, data, rid, display, fixes="none", safety="No fix.", safety_doc="No fix.")
