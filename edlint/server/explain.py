"""Hover text: a rule's ``edlint explain`` page, and the article date title checks used.

The page is the very Markdown ``edlint explain`` renders in the terminal
(``report.explain.explain_markdown``), handed to the editor to render itself.
"""
from __future__ import annotations

from edlint.core.registry import Registry
from edlint.io.config import Config
from edlint.report.explain import explain_markdown as _explain


def explain_markdown(registry: Registry, config: Config, rule_id: str, path: str | None) -> str:
    """The ``edlint explain RULE`` text for one rule, with the severity and state this file gets."""
    if rule_id not in registry.rules:
        return f"### {rule_id}\n\nNo documentation: `edlint rules` lists the rules."
    try:
        return _explain(config, registry, rule_id, None, path)
    except Exception as exc:  # a rule's extra facts never break a hover
        return f"### {rule_id}\n\n{registry.rules[rule_id].meta.summary}\n\n(`edlint explain {rule_id}`: {exc})"


def date_markdown(date: str | None, source: str) -> str:
    """Which article date the title checks used, and where it came from."""
    if date:
        return f"**Article date:** {date} (from {source or 'the article'})"
    return (
        "**Article date:** none (no `date` in the front matter): only titles the person never held "
        "are flagged. Add a `date:` line to the front matter to check titles as of publication."
    )
