"""How ``edlint check`` shows what it found: the request (format, destination, levels) and the writers.

``check`` (a whole run, then one report) and ``streamed`` (a report written
while the run goes on) share this: the level a report names, the exit code,
the error line that stops the command, and the writing of a finished report
to standard output or, through ``edlint.io.atomic``, to ``--output``.
"""
from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from edlint.core.findings import Severity
from edlint.io.errors import InputError

from ..report import FORMATS, Summary
from edlint.records import Record

if TYPE_CHECKING:
    from edlint.core.findings import FileResult
    from edlint.run.runner import Runner
    from edlint.run.verdict import Verdict


class Refused(Exception):
    """Why the command stops before reporting: one line on standard error, exit code 2."""


class ReportRequest(Record):
    """How ``edlint check`` shows what it found, and the level findings are held to for the exit code."""

    _fields = ("fmt", "output", "color", "config", "fail_on", "verbose", "quiet", "exit_zero", "statistics")

    def __init__(
        self,
        fmt: str,
        output: Path | None,
        color: str,
        config: Path | None,
        fail_on: str | None,
        verbose: bool = False,
        quiet: bool = False,
        exit_zero: bool = False,
        statistics: bool = False,
    ) -> None:
        self.fmt = fmt
        self.output = output
        self.color = color
        self.config = config
        self.fail_on = fail_on
        self.verbose = verbose
        self.quiet = quiet
        self.exit_zero = exit_zero
        self.statistics = statistics

    @property
    def fail_override(self) -> Severity | None:
        """``--fail-on``: one level for every file; None lets each file's configuration decide."""
        return Severity.parse(self.fail_on) if self.fail_on else None

    def summary_level(self, runner: Runner) -> Severity:
        """The level a report names: ``--fail-on``, else the working directory's configuration's."""
        if self.fail_on:
            return Severity.parse(self.fail_on)
        try:
            level = runner.config_for(Path(self.config) if self.config else Path.cwd()).fail_on
        except InputError:
            level = None
        return level or Severity.WARNING

    def exit_code(self, summary: Summary, verdict: Verdict) -> int:
        return verdict.exit_code(summary.errors, self.exit_zero)


def write_report(runner: Runner, results: list[FileResult], summary: Summary, request: ReportRequest) -> None:
    """The report, to standard output or to ``--output`` (then the terminal gets the summary)."""
    if request.statistics:
        sys.stdout.write(statistics_text(results))
    elif request.fmt == "rich":
        _write_rich(results, summary, request)
    else:
        _write_text(runner, results, summary, request)


def _write_rich(results: list[FileResult], summary: Summary, request: ReportRequest) -> None:
    from ..report.console import make_console, render

    if not request.output:
        render(results, summary, make_console(request.color), verbose=request.verbose, quiet=request.quiet)
        return
    try:
        with open(request.output, "w", encoding="utf-8") as fh:
            render(results, summary, make_console("never", file=fh, width=100), verbose=request.verbose)
    except OSError as exc:
        raise Refused(f"{request.output}: cannot write report: {exc.strerror or exc}") from None
    print_summary(summary, request.color)


def _write_text(runner: Runner, results: list[FileResult], summary: Summary, request: ReportRequest) -> None:
    mod = importlib.import_module(FORMATS[request.fmt])
    extra = {"rules": runner.rules_in_use(request.config)} if getattr(mod, "NEEDS_RULES", False) else {}
    if request.fmt == "concise":
        extra = {"color": _use_color(request.color, request.output), "quiet": request.quiet}
    text = mod.render(results, summary, **extra)
    if not request.output:
        sys.stdout.write(text)
        return
    from edlint.io.atomic import write_file

    try:
        write_file(Path(request.output), text.encode("utf-8"))
    except OSError as exc:
        raise Refused(f"{request.output}: cannot write report: {exc.strerror or exc}") from None
    print_summary(summary, request.color)


def _use_color(color: str, output) -> bool:
    """Colour for the plain-text formats: ``always``, or ``auto`` on a terminal without NO_COLOR."""
    if color == "always":
        return True
    if color == "never" or output or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def statistics_text(results) -> str:
    """``--statistics``: one line per rule, most frequent first: count, rule, severity, fixable mark."""
    from collections import Counter

    count: Counter = Counter()
    sev: dict[str, str] = {}
    fixable: set[str] = set()
    for r in results:
        for f in r.findings:
            count[f.rule] += 1
            sev[f.rule] = str(f.severity)
            if f.fix and f.fix.safe:
                fixable.add(f.rule)
    width = max((len(str(n)) for n in count.values()), default=1)
    rule_w = max((len(rid) for rid in count), default=0)
    lines = [
        f"{n:>{width}}  {rid:<{rule_w}}  {sev[rid]:<10}{'  [*] fixable' if rid in fixable else ''}".rstrip()
        for rid, n in sorted(count.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    return "".join(ln + "\n" for ln in lines)


def is_checked_file(output, results) -> bool:
    """Would writing the report to ``output`` replace an article of this run?"""
    try:
        out = os.stat(output)
    except OSError:
        return False
    for r in results:
        try:
            st = os.stat(r.path)
        except (OSError, ValueError):
            continue
        if (st.st_dev, st.st_ino) == (out.st_dev, out.st_ino):
            return True
    return False


def print_summary(summary, color: str) -> None:
    """With ``--output`` the report goes to the file; the terminal still says how it went (rich loads only here)."""
    from edlint.report.console import print_summary as to_stderr

    to_stderr(summary, color)
