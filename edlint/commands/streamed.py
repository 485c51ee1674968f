"""``edlint check`` for reports written while the run goes on (JSON): flat memory on any archive.

Results arrive from the pool in file order; each is narrowed (``--diff``,
baseline), counted and written, then dropped. The report goes to a temporary
file next to ``--output`` (renamed into place at the end) or, for standard
output, to an anonymous temporary file copied out at the end: an interrupted
run leaves no half-written report anywhere.
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from edlint.core.findings import Severity
from edlint.io.config import ConfigError
from edlint.io.datafiles import DataError

from ..report import Summary


def run_streamed(fmt, paths, options, output, stdin_filename, color, config, fail_on, base, baseline, changed,
                 *, cache, jobs, progress, runner=None, exit_zero: bool = False) -> int:
    from importlib import import_module

    from edlint.report.console import print_summary as _print_summary
    from edlint.run.batch import iter_all, unique

    from ..report import FORMATS

    mod = import_module(FORMATS[fmt])
    out_id = None
    if output:
        try:
            st = os.stat(output)
            out_id = (st.st_dev, st.st_ino)
        except OSError:
            pass
    clobbers: list[str] = []
    with progress as bar:
        results, errors, runner = iter_all(paths, options, stdin_filename, cache=cache, jobs=jobs,
                                           progress=bar.start, only=changed.touches if changed else None,
                                           runner=runner)
        try:
            cfg_fail = runner.config_for(Path(config) if config else Path.cwd()).fail_on if not fail_on else None
        except (ConfigError, DataError):
            cfg_fail = None
        threshold = Severity.parse(fail_on) if fail_on else (cfg_fail or Severity.WARNING)
        summary = Summary(fail_on=threshold, run_errors=list(errors))
        summary.errors += len(errors)
        file_errors: list[str] = []
        hidden = [0]

        def narrow(r) -> None:
            if changed is not None:
                r.findings = [f for f in r.findings if changed.covers(r.path, f.line, f.end_line)]
            if base is not None:
                hidden[0] += base.filter([r])
            if r.error:
                file_errors.append(r.error)
            if out_id is not None:
                try:
                    st = os.stat(r.path)
                    if (st.st_dev, st.st_ino) == out_id:
                        clobbers.append(r.path)
                except (OSError, ValueError):
                    pass

        if output:
            target = Path(os.path.realpath(output))
            try:
                mode = os.stat(target).st_mode & 0o7777
            except OSError:
                mode = None
            try:
                fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".edlint-tmp", dir=str(target.parent))
            except OSError as exc:
                sys.stderr.write(f"edlint: {output}: cannot write report: {exc.strerror or exc}\n")
                return 2
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    mod.write(results, summary, fh, on_result=narrow)
                if mode is None:
                    umask = os.umask(0)
                    os.umask(umask)
                    mode = 0o666 & ~umask
                if clobbers:  # the report would replace an article of this very run
                    _unlink(tmp)
                    sys.stderr.write(f"edlint: --output {output}: is one of the articles being checked; "
                                     "not overwriting it\n")
                    return 2
                os.chmod(tmp, mode)
                os.replace(tmp, target)
            except OSError as exc:
                _unlink(tmp)
                sys.stderr.write(f"edlint: {output}: cannot write report: {exc.strerror or exc}\n")
                return 2
            except BaseException:
                _unlink(tmp)
                raise
        else:
            with tempfile.TemporaryFile("w+", encoding="utf-8") as fh:
                mod.write(results, summary, fh, on_result=narrow)
                fh.seek(0)
                shutil.copyfileobj(fh, sys.stdout)
            sys.stdout.flush()
    for e in unique(errors + file_errors):
        sys.stderr.write(f"edlint: {e}\n")
    if hidden[0]:
        sys.stderr.write(f"edlint: {hidden[0]} finding(s) hidden by the baseline {baseline}\n")
    if output:
        _print_summary(summary, color)
    if summary.errors:
        return 2
    return 1 if summary.failing and not exit_zero else 0


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
