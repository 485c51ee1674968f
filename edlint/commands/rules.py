"""``edlint rules`` and ``edlint explain``: what rules exist and what each one does."""
from __future__ import annotations

import sys
from pathlib import Path

from ..config import ConfigError, load_config, rule_matches
from ..registry import build_registry
from ..yamlsource import DataError


def _load(config_path):
    cfg = load_config(Path(config_path) if config_path else None)
    return cfg, build_registry(cfg.rule_dirs)


def run_rules(config_path, show_all: bool) -> int:
    try:
        cfg, reg = _load(config_path)
    except (ConfigError, DataError) as exc:
        sys.stderr.write(f"edlint: {exc}\n")
        return 2
    from rich.table import Table

    from ..report.console import make_console

    table = Table(show_edge=False, header_style="bold")
    table.add_column("rule", no_wrap=True)
    table.add_column("severity", no_wrap=True)
    table.add_column("on", no_wrap=True)
    table.add_column("fix", no_wrap=True)
    table.add_column("summary", ratio=1)
    for rid in reg.sorted_ids():
        meta = reg.rules[rid].meta
        settings = cfg.settings_for(rid, None)
        on = settings.get("enabled", meta.default_enabled)
        if not show_all and not on:
            continue
        sev = settings.get("severity", str(meta.severity))
        fix = meta.fix_safety.split(":")[0].split(".")[0].lower()
        table.add_row(rid, str(sev), "yes" if on else "no", fix if fix in ("safe", "unsafe") else "-", meta.summary)
    make_console().print(table)
    return 0


def run_explain(rule: str, config_path, term: str | None = None) -> int:
    try:
        cfg, reg = _load(config_path)
    except (ConfigError, DataError) as exc:
        sys.stderr.write(f"edlint: {exc}\n")
        return 2
    matches = [r for r in reg.sorted_ids() if r == rule] or [r for r in reg.sorted_ids() if rule_matches(r, rule)]
    if not matches:
        sys.stderr.write(f"edlint: no rule {rule!r}; see `edlint rules`\n")
        return 2
    from rich.markdown import Markdown

    from ..report.console import make_console

    console = make_console()
    for rid in matches:
        cls = reg.rules[rid]
        meta = cls.meta
        head = f"# {rid}\n\n{meta.summary}\n\n*Default severity:* {meta.severity} · *on by default:* {'yes' if meta.default_enabled else 'no'} · *inside quotes:* {'yes' if meta.in_quotes else 'no'}"
        if meta.source:
            head += f" · *defined in:* `{meta.source}`"
        body = meta.docs or ""
        extra = getattr(cls, "explain_extra", None)
        if callable(extra):
            body += "\n\n" + extra(term)
        if meta.options:
            body += "\n\n**Options and defaults:** " + ", ".join(f"`{k} = {v!r}`" for k, v in meta.options.items())
        body += f"\n\n**Fix safety:** {meta.fix_safety}"
        console.print(Markdown(head + "\n\n" + body))
    return 0
