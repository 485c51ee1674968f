"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff.

Syntax: ``::warning file=F,line=L,col=C,endLine=EL,endColumn=EC,title=T::MESSAGE``.
The runner parses these lines from the job log, so property values and the
message must be escaped the way the Actions toolkit does it (``%``, CR, LF
everywhere; ``:`` and ``,`` too inside properties), or a message with a
comma or a newline would cut the annotation short.
"""
from __future__ import annotations

from edlint.core.findings import Severity

from . import Summary, relative_path

LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **props: object) -> str:
    inner = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{level}{' ' + inner if inner else ''}::{escape_data(message)}"


def render(results, summary: Summary, **_: object) -> str:
    """One workflow command per finding and per file not checked, then a count the log reader sees."""
    lines = []
    for r in results:
        path = relative_path(r.path)
        if r.error:
            lines.append(command("error", r.error, file=path, title="edlint: file not checked"))
        if r.skipped:
            lines.append(command("notice", r.skipped, file=path, title="edlint: file not checked"))
        for f in r.findings:
            props = {
                "file": relative_path(f.path), "line": f.line, "col": f.column,
                "endLine": f.end_line, "endColumn": f.end_column, "title": f"edlint {f.rule}",
            }
            lines.append(command(LEVEL[f.severity], f.message, **props))
    lines.append(f"edlint: {summary.total} finding(s) in {summary.files} file(s)")
    return "\n".join(lines) + "\n"
