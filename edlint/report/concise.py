"""One line per finding, ``path:line:col: rule: message`` — for grep, editors and plain CI logs.

Editors' "quickfix" parsers (vim, Emacs compile-mode, VS Code problem
matchers) read exactly this shape, so nothing else goes on a finding line.
Files that could not be checked get a line too (``path: error: ...``) so a
log never silently drops one.
"""
from __future__ import annotations

from . import Summary


def render(results, summary: Summary, **_: object) -> str:
    lines = []
    for r in results:
        if r.error:
            lines.append(f"{r.path}: error: {r.error}")
        for f in r.findings:
            lines.append(f"{f.path}:{f.line}:{f.column}: {f.rule}: {f.message}")
    lines.append(f"{summary.total} finding(s) in {summary.files} file(s)")
    return "\n".join(lines) + "\n"
