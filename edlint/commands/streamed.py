"""``edlint check`` for reports written while the run goes on (JSON): flat memory on any archive.

Results arrive from the pool in file order; each is narrowed (``--changed-since``,
baseline), counted and written, then dropped. The report goes to a temporary
file next to ``--output`` (renamed into place at the end, through
``edlint.io.atomic``) or, for standard output, to an anonymous temporary file
copied out at the end: an interrupted run leaves no half-written report anywhere.
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
from typing import TYPE_CHECKING

from edlint.run.runner import Runner, unique
from edlint.run.verdict import Verdict

from ..report import Summary

if TYPE_CHECKING:
    from edlint.core.findings import FileResult
    from edlint.workflow.narrowing import Narrowing

    from .reporting import ReportRequest


class _Clobbered(Exception):
    """The report would replace an article of this very run."""


class _Watch:
    """What happens to each result on its way into the report: narrowed, judged, its error kept."""

    def __init__(self, narrowing: Narrowing | None, verdict: Verdict, output):
        self.narrowing = narrowing
        self.verdict = verdict
        self.file_errors: list[str] = []
        self.clobbers: list[str] = []
        self._out_id = _file_id(output) if output else None

    def __call__(self, r: FileResult) -> None:
        if self.narrowing is not None:
            self.narrowing.narrow_one(r)
        self.verdict.add(r)
        if r.error:
            self.file_errors.append(r.error)
        if self._out_id is not None and _file_id(r.path) == self._out_id:
            self.clobbers.append(r.path)


def run_streamed(runner: Runner, paths, stdin_filename, request: ReportRequest, narrowing: Narrowing | None) -> int:
    """Check and write the report as results come; same messages and exit codes as a whole-run report."""
    from importlib import import_module

    from ..report import FORMATS
    from ..report.progress import ProgressBar

    mod = import_module(FORMATS[request.fmt])
    watch = _Watch(narrowing, Verdict(request.fail_override), request.output)
    with ProgressBar() as bar:
        results, errors = runner.iter_paths(paths, stdin_filename, progress=bar.start,
                                            only=narrowing.only if narrowing else None)
        summary = Summary(fail_on=request.summary_level(runner), run_errors=list(errors))
        summary.errors += len(errors)
        problem = _write(mod, results, summary, watch, request.output)
        if problem:
            sys.stderr.write(f"edlint: {problem}\n")
            return 2
    for e in unique(errors + watch.file_errors):
        sys.stderr.write(f"edlint: {e}\n")
    note = narrowing.hidden_note() if narrowing else None
    if note:
        sys.stderr.write(f"edlint: {note}\n")
    if request.output:
        from edlint.report.console import print_summary

        print_summary(summary, request.color)
    return request.exit_code(summary, watch.verdict)


def _write(mod, results, summary: Summary, watch: _Watch, output) -> str | None:
    """Stream the report to ``--output`` or standard output; the error line when it could not be written."""
    if not output:
        with tempfile.TemporaryFile("w+", encoding="utf-8") as fh:
            mod.write(results, summary, fh, on_result=watch)
            fh.seek(0)
            shutil.copyfileobj(fh, sys.stdout)
        sys.stdout.flush()
        return None
    import io

    from edlint.io.atomic import replacing

    try:
        with replacing(output) as raw:
            fh = io.TextIOWrapper(raw, encoding="utf-8")
            mod.write(results, summary, fh, on_result=watch)
            fh.flush()
            fh.detach()  # ``replacing`` closes the file
            if watch.clobbers:
                raise _Clobbered
    except _Clobbered:
        return f"--output {output}: is one of the articles being checked; not overwriting it"
    except OSError as exc:
        return f"{output}: cannot write report: {exc.strerror or exc}"
    return None


def _file_id(path) -> tuple[int, int] | None:
    """Device and inode of ``path`` (None when it does not exist): the same file under any name."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino)
