"""One line per finding, ``path:line:col: severity: rule: message`` — for grep, editors and plain CI logs.

Editors' "quickfix" parsers (vim, Emacs compile-mode, VS Code problem
matchers) read exactly this shape — the compiler's ``file:line:col: warning:``
— so nothing else goes on a finding line, and a suggestion that never blocks
is told apart from an error at a glance. A message never spans lines (a
newline in it becomes a space), so one finding is always one line. Files that
could not be checked are reported on standard error by the command, not here.
"""
from __future__ import annotations

from edlint.io.filenames import display_path

from . import Summary

_ANSI = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "suggestion": "\x1b[1;34m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def summary_text(summary: Summary) -> str:
    """``5 finding(s) (1 error, 3 warnings, 1 suggestion) in 2 file(s); 2 fixable with `edlint fix```."""
    sev = summary.by_severity
    parts = [f"{sev[k]} {k}{'s' if sev[k] != 1 else ''}" for k in ("error", "warning", "suggestion") if sev.get(k)]
    text = f"{summary.total} finding(s)" + (f" ({', '.join(parts)})" if parts else "") + f" in {summary.files} file(s)"
    if summary.fixable:
        text += f"; {summary.fixable} fixable with `edlint fix`"
    if summary.errors:
        text += f"; {summary.errors} file(s) could not be checked"
    return text


def render(results, summary: Summary, color: bool = False, quiet: bool = False, **_: object) -> str:
    """One line per finding (and per file skipped for its language), then the summary unless ``quiet``."""
    lines = []
    for r in results:
        if r.skipped:
            lines.append(f"{r.path}: {r.skipped}")
        for f in r.findings:
            message = " ".join(f.message.splitlines())
            sev = str(f.severity)
            path = display_path(f.path)  # one line of valid UTF-8, whatever the file system allowed
            if color:
                lines.append(f"{_BOLD}{path}:{f.line}:{f.column}:{_RESET} {_ANSI[sev]}{sev}:{_RESET} "
                             f"{_DIM}{f.rule}:{_RESET} {message}")
            else:
                lines.append(f"{path}:{f.line}:{f.column}: {sev}: {f.rule}: {message}")
    if not quiet:
        lines.append(summary_text(summary))
    return "".join(ln + "\n" for ln in lines)
