"""A rule's page as Markdown: what ``edlint explain`` prints and the language server shows on hover.

One renderer for both, so the terminal and the editor never say different things about a rule.
"""
from __future__ import annotations


def explain_markdown(cfg, reg, rid: str, term: str | None = None, path: str | None = None) -> str:
    """A rule's page as Markdown: what ``edlint explain`` prints and the language server shows on hover.

    Severity and on/off are those ``cfg`` gives the rule (for ``path``, when its overrides apply).
    """
    cls = reg.rules[rid]
    meta = cls.meta
    settings = cfg.settings_for(rid, path)
    on = settings.get("enabled", meta.default_enabled)
    sev = settings.get("severity", meta.severity)
    head = (f"# {rid}\n\n{meta.summary}\n\n*Severity:* {sev} · *on:* {'yes' if on else 'no'}"
            f" · *inside quotes:* {'yes' if meta.in_quotes else 'no'} · *fix:* {meta.fix_kind}")
    if meta.source:
        head += f" · *defined in:* `{meta.source}`"
    body = meta.docs or ""
    extra = getattr(cls, "explain_extra", None)
    if callable(extra):
        body += "\n\n" + extra(term)
    if meta.options and "## Options" not in body:
        body += "\n\n**Options and defaults:** " + ", ".join(f"`{k} = {v!r}`" for k, v in meta.options.items())
    if "## Fix safety" not in body:
        body += f"\n\n**Fix safety:** {meta.fix_safety}"
    return head + "\n\n" + body
