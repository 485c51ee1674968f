"""``edlint fix``: apply safe (or, on request, unsafe) fixes until stable; write atomically or show a diff.

Exit codes suit a pre-commit hook: 0 when the run worked (pre-commit itself
fails the commit when a hook changed files), 1 with ``--diff`` when a fix
would change something (a CI "is it fixed?" check), 2 on errors. ``-`` reads
standard input and prints the fixed text (an editor's "format buffer").
After fixing, the command says what is left for an editor: findings with no
fix, and unsafe fixes held back (``--unsafe-fixes`` applies them).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from edlint.io.articles import SourceFile
from edlint.run.batch import lint_all, preflight, unique
from edlint.run.cache import open_cache
from edlint.run.runner import RunOptions
from edlint.io.atomic import NotWritten
from edlint.workflow.fixes import fix_until_stable, unified_diff, write_atomic

_DIFF_COLORS = {"+": "\x1b[32m", "-": "\x1b[31m", "@": "\x1b[36m"}


def colour_diff(text: str) -> str:
    """Green additions, red deletions, cyan hunk heads, bold file heads (as git prints them)."""
    out = []
    for ln in text.splitlines(keepends=True):
        if ln.startswith(("+++", "---")):
            out.append(f"\x1b[1m{ln.rstrip(chr(10))}\x1b[0m\n")
        elif ln[:1] in _DIFF_COLORS:
            out.append(f"{_DIFF_COLORS[ln[0]]}{ln.rstrip(chr(10))}\x1b[0m\n")
        else:
            out.append(ln)
    return "".join(out)


def _use_color(color: str) -> bool:
    if color == "always":
        return True
    if color == "never" or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def run_fix(paths, unsafe, diff, date, select, ignore, config, *, use_cache: bool = True, cache_dir=None, jobs=None,
            color: str = "auto", stdin_filename: str | None = None, language=None) -> int:
    if not paths:
        sys.stderr.write("edlint: nothing to fix: give files, folders or '-' for standard input\n")
        return 2
    if "-" in paths and len(paths) > 1:
        sys.stderr.write("edlint: fix reads standard input ('-') on its own, not with files\n")
        return 2
    from edlint.run.batch import BatchRunner

    options = RunOptions(config_path=str(config) if config else None, select=select, ignore=ignore, date=date,
                         language=language)
    runner = BatchRunner(options)
    problem = preflight(runner, paths, config)
    if problem:
        sys.stderr.write(f"edlint: {problem}\n")
        return 2
    results, errors, runner = lint_all(paths, options, stdin_filename, cache=open_cache(use_cache, cache_dir),
                                       jobs=jobs, runner=runner)
    from_stdin = paths == ["-"]
    status = 0
    changed = applied = remaining = held_back = 0
    for e in unique(errors + [r.error for r in results if r.error]):
        sys.stderr.write(f"edlint: {e}\n")
        status = 2
    paint = diff and _use_color(color)
    for r in results:
        if r.skipped:
            sys.stderr.write(f"edlint: {r.path}: {r.skipped}\n")
        if r.error or r.text is None:
            continue

        def relint(text: str, _path: str = r.path) -> list:
            cfg_path = Path(stdin_filename) if (from_stdin and stdin_filename) else (None if from_stdin else Path(_path))
            res = runner.lint_source(SourceFile(path=_path, text=text), cfg_path)
            if res.error:
                raise RuntimeError(res.error)
            return res.findings

        try:
            findings = r.findings
            if getattr(r, "from_cache", False) and any(f.fix for f in findings):
                findings = relint(r.text)  # edits come from a fresh check, never from a cache file
            outcome = fix_until_stable(r.text, findings, relint, unsafe=unsafe)
        except RuntimeError as exc:
            sys.stderr.write(f"edlint: {r.path}: not fixed: after a fix the file no longer checks: {exc}\n")
            status = 2
            if from_stdin and not diff:
                sys.stdout.write(r.text)  # a filter never swallows the text
            continue
        if not outcome.stable:
            # Fixes that keep finding work (a rule undoing another, a replacement feeding itself)
            # would corrupt the copy a little more each round: leave the file as it is.
            sys.stderr.write(f"edlint: {r.path}: not fixed: fixes did not settle after {outcome.rounds} rounds\n")
            status = 2
            if from_stdin and not diff:
                sys.stdout.write(r.text)  # a filter never swallows the text
            continue
        remaining += len(outcome.remaining)
        held_back += sum(1 for f in outcome.remaining if f.fix and not f.fix.safe)
        if from_stdin and not diff:
            sys.stdout.write(outcome.text)
        if outcome.text == r.text:
            continue
        if diff:
            patch = unified_diff(r.path, r.text, outcome.text)
            sys.stdout.write(colour_diff(patch) if paint else patch)
        elif not from_stdin:
            try:
                write_atomic(Path(r.path), outcome.text, r.had_bom, expected=r.text)
            except OSError as exc:
                said = "not fixed" if isinstance(exc, NotWritten) else "cannot write fix"
                sys.stderr.write(f"edlint: {r.path}: {said}: {exc.strerror or exc}\n")
                if not getattr(exc, "note", False):
                    status = 2
                continue
        changed += 1
        applied += outcome.applied
    verb = "would fix" if diff else "fixed"
    line = f"edlint: {verb} {applied} finding(s) in {changed} file(s)"
    if remaining:
        line += f"; {_plural(remaining, 'finding')} {'remains' if remaining == 1 else 'remain'}"
        if held_back:
            line += f" ({held_back} with unsafe fixes held back: --unsafe-fixes applies them)"
    sys.stderr.write(line + "\n")
    if status:
        return status
    return 1 if (diff and changed) else 0
