"""A rule's page as Markdown: what ``edlint explain`` prints, the language server shows on hover
and ``docs/rules.md`` holds.

One renderer for all three, so the terminal, the editor and the docs never say different things
about a rule. The rule's prose (What it flags / Why / Limits) comes from ``meta.docs``; the
Examples, Fix safety and Options sections are generated from the rule's case file and metadata,
so none of them is written twice.
"""
from __future__ import annotations

from edlint.core.findings import FixAvailability, FixSafety, RuleMeta
from edlint.core.rule import rule_source

_AVAILABILITY = {
    FixAvailability.ALWAYS: "Every finding comes with a fix",
    FixAvailability.SOMETIMES: "Some findings come with a fix",
}
_SAFETY = {
    FixSafety.SAFE: "safe: `edlint fix` applies it",
    FixSafety.UNSAFE: "unsafe: only `edlint fix --unsafe-fixes` applies it, for an editor to confirm",
    FixSafety.MIXED: "safe for some findings and unsafe for others (`--unsafe-fixes` applies those)",
}


def fix_section(meta: RuleMeta) -> str:
    """The Fix safety section, from the declared availability and safety, then the rule's own reason."""
    if meta.fix is FixAvailability.NEVER:
        lead = "No fix."
    else:
        lead = f"{_AVAILABILITY[meta.fix]}, {_SAFETY[meta.fix_applicability]}."
    note = meta.fix_safety.strip()
    if not note or note == lead:
        text = lead
    elif meta.fix is FixAvailability.NEVER and note.startswith("No fix"):
        text = note  # "No fix: name the speaker." already says it
    else:
        text = f"{lead} {note}"
    return "## Fix safety\n" + text


def options_section(meta: RuleMeta) -> str:
    """The Options section: one line per typed option, then how to set them in ``edlint.toml``."""
    if not meta.options:
        return ""
    lines = ["## Options"]
    for o in meta.options:
        kind = o.type_name + (f", one of {', '.join(map(repr, o.choices))}" if o.choices else "")
        lines.append(f"- `{o.name}` ({kind}; default `{o.default!r}`): {o.description}")
    toml = [f'[rules."{meta.id}"]'] + [f"{o.name} = {_toml_value(o.default)}" for o in meta.options]
    lines += ["", "```toml", *toml, "```"]
    return "\n".join(lines)


def _toml_value(value) -> str:
    """A default written as TOML (lists, strings and numbers are all options hold)."""
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return repr(value)


def rule_body(cls, term: str | None = None) -> str:
    """The rule's documentation: its prose, then the generated sections, each said once."""
    meta = cls.meta
    body = (meta.docs or meta.summary).rstrip()
    extra = getattr(cls, "explain_extra", None)
    if callable(extra):
        body += "\n\n" + extra(term)
    from edlint.report.rule_examples import examples_section

    generated = "".join(s + "\n\n" for s in (examples_section(cls), fix_section(meta), options_section(meta)) if s)
    at = body.find("\n## Limits")  # the template's order: What, Why, Examples, Fix safety, Options, Limits
    if at < 0:
        return body + "\n\n" + generated.rstrip("\n")
    return body[:at].rstrip("\n") + "\n\n" + generated + body[at + 1 :]


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
            f" · *inside quotes:* {'yes' if meta.in_quotes else 'no'} · *fix:* {meta.fix_kind}"
            f" · *defined in:* `{rule_source(cls)}`")
    return head + "\n\n" + rule_body(cls, term)
