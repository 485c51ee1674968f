"""``suppression.unknown-rule``: a suppression comment naming a rule id or prefix that does not exist."""
from __future__ import annotations

from edlint.core.findings import Hit, RuleMeta, Severity
from edlint.core.rule import Rule
from edlint.core.suppressions import UNKNOWN_RULE, parse_directives


class UnknownRule(Rule):
    meta = RuleMeta(
        id=UNKNOWN_RULE,
        summary="A suppression comment names a rule id or prefix that does not exist.",
        severity=Severity.ERROR,
        in_quotes=True,
        fix_safety="No fix: only the editor knows which rule was meant.",
        docs="""## What it flags
An `edlint-disable`, `edlint-disable-next-line` or `edlint-enable` comment
naming a rule id or prefix that no rule has, such as
`<!-- edlint-disable-next-line spelling.inconsistant -->`.

## Why
A misspelled id suppresses nothing, so the comment does not do what the editor
meant, and the mistake would otherwise go unnoticed. The message names the
closest known id.

""",
    )
    registry = None  # set by the registry when the rule set is resolved

    def use_registry(self, registry) -> None:
        self.registry = registry

    def check(self, doc, ctx):
        if self.registry is None or "edlint-" not in doc.text:
            return
        from edlint.core.registry import is_known_pattern, unknown_rule_message

        for d in parse_directives(doc.text, doc.kind):
            for pattern, at in d.patterns:
                if not is_known_pattern(self.registry, pattern):
                    msg = unknown_rule_message(self.registry, pattern, "a suppression comment").capitalize() + "."
                    yield Hit(at, at + len(pattern), msg)
