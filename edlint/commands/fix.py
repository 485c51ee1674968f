"""``edlint fix``: apply safe (or, on request, unsafe) fixes; write atomically or show a diff."""
from __future__ import annotations

import sys
from pathlib import Path

from ..fix import plan_fixes, unified_diff, write_atomic
from ..runner import RunOptions
from .check import lint_all


def run_fix(paths, unsafe, diff, date, select, ignore, config) -> int:
    if not paths:
        sys.stderr.write("edlint: nothing to fix: give files or folders\n")
        return 2
    if "-" in paths:
        sys.stderr.write("edlint: fix works on files, not standard input\n")
        return 2
    options = RunOptions(config_path=str(config) if config else None, select=select, ignore=ignore, date=date)
    results, errors, _ = lint_all(paths, options)
    status = 0
    changed = 0
    applied = 0
    for e in errors + [r.error for r in results if r.error]:
        sys.stderr.write(f"edlint: {e}\n")
        status = 2
    for r in results:
        if r.error or r.text is None:
            continue
        plan = plan_fixes(r.text, r.findings, unsafe=unsafe)
        if plan.text == r.text:
            continue
        changed += 1
        applied += len(plan.applied)
        if diff:
            sys.stdout.write(unified_diff(r.path, r.text, plan.text))
        else:
            try:
                write_atomic(Path(r.path), plan.text, r.had_bom)
            except OSError as exc:
                sys.stderr.write(f"edlint: {r.path}: cannot write fix: {exc.strerror or exc}\n")
                status = 2
    verb = "would fix" if diff else "fixed"
    sys.stderr.write(f"edlint: {verb} {applied} finding(s) in {changed} file(s)\n")
    if status:
        return status
    return 1 if (diff and changed) else 0
