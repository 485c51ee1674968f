"""``edlint fix``: apply safe (or, on request, unsafe) fixes until stable; write atomically or show a diff.

Exit codes suit a pre-commit hook: 0 when the run worked (pre-commit itself
fails the commit when a hook changed files), 1 with ``--diff`` when a fix
would change something (a CI "is it fixed?" check), 2 on errors.
"""
from __future__ import annotations

import sys
from pathlib import Path

from ..fix import fix_until_stable, unified_diff, write_atomic
from ..runner import RunOptions
from ..source import SourceFile
from .check import lint_all, open_cache


def run_fix(paths, unsafe, diff, date, select, ignore, config, *, use_cache: bool = True, cache_dir=None, jobs=None,
            language=None) -> int:
    if not paths:
        sys.stderr.write("edlint: nothing to fix: give files or folders\n")
        return 2
    if "-" in paths:
        sys.stderr.write("edlint: fix works on files, not standard input\n")
        return 2
    options = RunOptions(config_path=str(config) if config else None, select=select, ignore=ignore, date=date,
                         language=language)
    results, errors, runner = lint_all(paths, options, cache=open_cache(use_cache, cache_dir), jobs=jobs)
    status = 0
    changed = 0
    applied = 0
    for e in errors + [r.error for r in results if r.error]:
        sys.stderr.write(f"edlint: {e}\n")
        status = 2
    for r in results:
        if r.skipped:
            sys.stderr.write(f"edlint: {r.path}: {r.skipped}\n")
        if r.error or r.text is None:
            continue

        def relint(text: str, _path: str = r.path) -> list:
            res = runner.lint_source(SourceFile(path=_path, text=text), Path(_path))
            if res.error:
                raise RuntimeError(res.error)
            return res.findings

        try:
            outcome = fix_until_stable(r.text, r.findings, relint, unsafe=unsafe)
        except RuntimeError as exc:
            sys.stderr.write(f"edlint: {r.path}: not fixed: after a fix the file no longer checks: {exc}\n")
            status = 2
            continue
        if outcome.text == r.text:
            continue
        if not outcome.stable:
            sys.stderr.write(f"edlint: {r.path}: fixes did not settle after {outcome.rounds} rounds; check the result\n")
        changed += 1
        applied += outcome.applied
        if diff:
            sys.stdout.write(unified_diff(r.path, r.text, outcome.text))
        else:
            try:
                write_atomic(Path(r.path), outcome.text, r.had_bom)
            except OSError as exc:
                sys.stderr.write(f"edlint: {r.path}: cannot write fix: {exc.strerror or exc}\n")
                status = 2
    verb = "would fix" if diff else "fixed"
    sys.stderr.write(f"edlint: {verb} {applied} finding(s) in {changed} file(s)\n")
    if status:
        return status
    return 1 if (diff and changed) else 0
