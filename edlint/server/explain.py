"""Hover text: a rule's ``edlint explain`` page, and the article date title checks used.

The page is assembled from the same parts ``edlint explain`` prints (the
rule's summary, its documentation, the extra facts its data adds, its
options and fix safety), as Markdown the editor renders itself.
"""
from __future__ import annotations

from ..config import Config
from ..registry import Registry


def explain_markdown(registry: Registry, config: Config, rule_id: str, path: str | None) -> str:
    """The ``edlint explain RULE`` text for one rule, with the severity and state this file gets."""
    cls = registry.rules.get(rule_id)
    if cls is None:
        return f"### {rule_id}\n\nNo documentation: `edlint rules` lists the rules."
    meta = cls.meta
    settings = config.settings_for(rule_id, path)
    on = settings.get("enabled", meta.default_enabled)
    severity = settings.get("severity", meta.severity)
    head = (
        f"### {rule_id}\n\n{meta.summary}\n\n*Severity:* {severity} · *on:* {'yes' if on else 'no'}"
        f" · *inside quotes:* {'yes' if meta.in_quotes else 'no'}"
    )
    if meta.source:
        head += f" · *defined in:* `{meta.source}`"
    body = meta.docs or ""
    extra = getattr(cls, "explain_extra", None)
    if callable(extra):
        try:
            body += "\n\n" + extra(None)
        except Exception:  # a rule's extra facts never break a hover
            pass
    if meta.options:
        body += "\n\n**Options and defaults:** " + ", ".join(f"`{k} = {v!r}`" for k, v in meta.options.items())
    body += f"\n\n**Fix safety:** {meta.fix_safety}"
    return head + "\n\n" + body.strip()


def date_markdown(date: str | None, source: str) -> str:
    """Which article date the title checks used, and where it came from."""
    if date:
        return f"**Article date:** {date} (from {source or 'the article'})"
    return (
        "**Article date:** none (no `date` in the front matter): only titles the person never held "
        "are flagged. Add a `date:` line to the front matter to check titles as of publication."
    )
