"""``edlint rules`` and ``edlint explain``: what rules exist and what each one does.

Both read the configuration a check in this folder would use (``--config``
or the nearest ``edlint.toml``), so "on", severities and house rules match
what ``edlint check`` does here.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from edlint.core.registry import OPT_IN_FAMILIES, build_registry
from edlint.io.config import find_config, load_config, rule_matches
from edlint.io.errors import InputError
from edlint.report.explain import explain_markdown

SUMMARY_WIDTH = 60


def _load(config_path):
    path = Path(config_path) if config_path else find_config(Path.cwd())
    cfg = load_config(path)
    return cfg, build_registry(cfg.rule_dirs)


def short_summary(text: str, width: int = SUMMARY_WIDTH) -> str:
    """A summary for one table row: placeholders out, first sentence, cut at a word with "…"."""
    text = re.sub(r"'?\{\d*\}'?", "…", " ".join(text.split()))
    first = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    if len(first) <= width:
        return first
    cut = first[: width - 1].rsplit(" ", 1)[0].rstrip(",;:(")
    return cut + "…"


def _rows(cfg, reg):
    for rid in reg.sorted_ids():
        meta = reg.rules[rid].meta
        settings = cfg.settings_for(rid, None)
        yield {
            "id": rid,
            "severity": str(settings.get("severity", meta.severity)),
            "enabled": bool(settings.get("enabled", meta.default_enabled)),
            "fix": meta.fix_kind,
            "fix_availability": meta.fix.value,
            "summary": meta.summary,
        }


def run_rules(config_path, show_all: bool, fmt: str = "table", enabled_only: bool = False) -> int:
    """The rules table. Off rules of opt-in families (proselint's hundred) show only with ``show_all``."""
    try:
        cfg, reg = _load(config_path)
    except InputError as exc:
        sys.stderr.write(f"edlint: {exc}\n")
        return 2
    rows, hidden = [], 0
    for row in _rows(cfg, reg):
        if enabled_only and not row["enabled"]:
            continue
        if not show_all and not row["enabled"] and row["id"].split(".")[0] in OPT_IN_FAMILIES:
            hidden += 1
            continue
        rows.append(row)
    if fmt == "json":
        sys.stdout.write(json.dumps({"config": cfg.path, "rules": rows}, indent=2) + "\n")
        return 0
    _print_table(rows, hidden)
    return 0


def _print_table(rows: list[dict], hidden: int) -> None:
    """One line per rule at the terminal's width; the summary drops to its own line when there is no room."""
    from rich.text import Text

    from ..report.console import make_console

    console = make_console()
    fixes = ["-" if row["fix"] == "none" else row["fix"] for row in rows]
    widths = [max([len("rule")] + [len(r["id"]) for r in rows]), 10, 3, max([3] + [len(f) for f in fixes])]
    room = console.width - sum(widths) - 2 * len(widths) - 1
    wide = room >= 30  # else the summary goes on a line of its own, cut to fit, never wrapped
    head = "  ".join(h.ljust(w) for h, w in zip(["rule", "severity", "on", "fix"], widths, strict=True))
    console.print(Text(head + ("  summary" if wide else ""), style="bold"))
    for row, fix in zip(rows, fixes, strict=True):
        cells = [row["id"], row["severity"], "yes" if row["enabled"] else "no", fix]
        line = "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True))
        if wide:
            console.print(Text(line + "  " + short_summary(row["summary"], room)), crop=True)
        else:
            console.print(Text(line.rstrip()), crop=True)
            summary = short_summary(row["summary"], max(20, console.width - 5))
            console.print(Text("    " + summary, style="dim"), crop=True)
    if hidden:
        console.print(f"{hidden} more rules are off (proselint's general prose checks): "
                      "`edlint rules --all` lists them.")


def run_explain(rule: str, config_path, term: str | None = None) -> int:
    try:
        cfg, reg = _load(config_path)
    except InputError as exc:
        sys.stderr.write(f"edlint: {exc}\n")
        return 2
    matches = [r for r in reg.sorted_ids() if r == rule] or [r for r in reg.sorted_ids() if rule_matches(r, rule)]
    if not matches:
        from edlint.core.registry import unknown_rule_message

        sys.stderr.write(f"edlint: {unknown_rule_message(reg, rule)}\n")
        return 2
    from rich.markdown import Markdown

    from ..report.console import make_console

    console = make_console()
    for rid in matches:
        console.print(Markdown(explain_markdown(cfg, reg, rid, term)))
    return 0
