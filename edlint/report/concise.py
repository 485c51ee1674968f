"""One line per finding, ``path:line:col: rule: message`` — for grep, editors and plain CI logs.

Editors' "quickfix" parsers (vim, Emacs compile-mode, VS Code problem
matchers) read exactly this shape, so nothing else goes on a finding line.
A message never spans lines (a newline in it becomes a space), so one
finding is always one line. Files that could not be checked are reported on
standard error by the command, not here.
"""
from __future__ import annotations

from . import Summary


def render(results, summary: Summary, **_: object) -> str:
    lines = []
    for r in results:
        if r.skipped:
            lines.append(f"{r.path}: {r.skipped}")
        for f in r.findings:
            message = " ".join(f.message.splitlines())
            lines.append(f"{f.path}:{f.line}:{f.column}: {f.rule}: {message}")
    lines.append(f"{summary.total} finding(s) in {summary.files} file(s)")
    return "\n".join(lines) + "\n"
