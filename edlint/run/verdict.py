"""Whether a run fails: each finding is held to the fail level of the configuration that checked its file.

A repository may keep a folder to a laxer standard (an ``edlint.toml`` there
saying ``fail_on = "error"``): its warnings are reported but do not fail the
run, while the rest of the repository still fails on a warning. ``--fail-on``
on the command line holds every file to one level.
"""
from __future__ import annotations

from edlint.core.findings import FileResult, Severity


class Verdict:
    """Counts, result by result, the findings that reach their file's fail level."""

    def __init__(self, override: Severity | None = None):
        self.override = override
        self.failing = 0

    def add(self, result: FileResult) -> None:
        level = self.override or result.fail_on or Severity.WARNING
        self.failing += sum(1 for f in result.findings if f.severity >= level)

    def exit_code(self, errors: int, exit_zero: bool = False) -> int:
        """2 when something could not be checked, 1 when a finding reached its fail level, else 0."""
        if errors:
            return 2
        return 1 if self.failing and not exit_zero else 0
