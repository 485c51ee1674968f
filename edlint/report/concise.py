"""One line per finding, ``path:line:col: rule: message`` — for grep, editors and plain CI logs."""
from __future__ import annotations

from . import Summary


def render(results, summary: Summary, **_: object) -> str:
    lines = []
    for r in results:
        for f in r.findings:
            lines.append(f"{f.path}:{f.line}:{f.column}: {f.rule} [{f.severity}] {f.message}")
    lines.append(f"{summary.total} finding(s) in {summary.files} file(s)")
    return "\n".join(lines) + "\n"
