"""Reporters: one module per output format behind one small interface.

A reporter is a function ``render(results, summary, **opts) -> str`` (or, for
the terminal UI, writes to a console). ``FORMATS`` maps a ``--format`` name to
the module that implements it, imported only when that format is used, so a
pre-commit run never pays for XML or SARIF code it does not print.

A reporter module that sets ``NEEDS_RULES = True`` receives ``rules=`` (rule
id → ``RuleMeta``) so it can ship each rule's summary and help text (SARIF);
the command builds that only for such formats.
"""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from edlint.core.findings import Severity
from edlint.records import Record

if TYPE_CHECKING:
    from edlint.core.findings import FileResult

FORMATS = {
    "rich": "edlint.report.console",
    "json": "edlint.report.json_report",
    "concise": "edlint.report.concise",
    "sarif": "edlint.report.sarif",
    "github": "edlint.report.github",
    "junit": "edlint.report.junit",
    "gitlab": "edlint.report.gitlab",
}


def relative_path(path: str, root: str | None = None) -> str:
    """``path`` relative to ``root`` (default: the working directory), in POSIX form, when inside it.

    CI systems match report paths against the checkout, which is the working
    directory a CI job runs edlint from; paths outside it stay absolute.
    """
    import os

    from edlint.io.filenames import display_path

    if path.startswith("<"):
        return display_path(path)  # <stdin>
    base = os.path.abspath(root or os.getcwd())
    full = os.path.abspath(path)
    rel = os.path.relpath(full, base) if full.startswith(base.rstrip(os.sep) + os.sep) else full
    return display_path(rel.replace(os.sep, "/"))


class Summary(Record):
    """The run's counts every format ends with, and the fail level the exit code is judged by."""

    _fields = (
        "files", "files_with_findings", "errors", "skipped", "by_severity", "by_rule", "fixable", "fail_on",
        "run_errors",
    )

    def __init__(
        self,
        files: int = 0,
        files_with_findings: int = 0,
        errors: int = 0,
        skipped: int = 0,
        by_severity: Counter | None = None,
        by_rule: Counter | None = None,
        fixable: int = 0,
        fail_on: Severity = Severity.WARNING,
        run_errors: list | None = None,
    ) -> None:
        self.files = files
        self.files_with_findings = files_with_findings
        self.errors = errors
        self.skipped = skipped  # files not checked because of their language
        self.by_severity = Counter() if by_severity is None else by_severity
        self.by_rule = Counter() if by_rule is None else by_rule
        self.fixable = fixable
        self.fail_on = fail_on
        self.run_errors = [] if run_errors is None else run_errors

    @property
    def total(self) -> int:
        return sum(self.by_severity.values())

    @property
    def failing(self) -> int:
        return sum(n for sev, n in self.by_severity.items() if Severity.parse(sev) >= self.fail_on)

    def add(self, r: FileResult) -> None:
        """Count one file's result (reports that stream count as they go)."""
        self.files += 1
        if r.error:
            self.errors += 1
        if getattr(r, "skipped", None):
            self.skipped += 1
        if r.findings:
            self.files_with_findings += 1
        for f in r.findings:
            self.by_severity[str(f.severity)] += 1
            self.by_rule[f.rule] += 1
            if f.fix and f.fix.safe:
                self.fixable += 1

    def to_dict(self) -> dict:
        return {
            "files": self.files,
            "files_with_findings": self.files_with_findings,
            "findings": self.total,
            "errors": self.errors,
            "skipped": self.skipped,
            "by_severity": {k: self.by_severity.get(k, 0) for k in ("error", "warning", "suggestion")},
            "by_rule": dict(sorted(self.by_rule.items())),
            "fixable": self.fixable,
            "fail_on": str(self.fail_on),
        }


def summarise(results: list[FileResult], fail_on: Severity) -> Summary:
    """The summary of results already in hand (a streamed report counts with ``Summary.add`` instead)."""
    s = Summary(fail_on=fail_on)
    for r in results:
        s.add(r)
    return s
