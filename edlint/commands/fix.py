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
from typing import TYPE_CHECKING

from edlint.io.articles import SourceFile
from edlint.io.atomic import NotWritten
from edlint.run.cache import open_cache
from edlint.run.runner import Runner, RunOptions, unique
from edlint.workflow.fixes import fix_result, unified_diff, write_atomic
from edlint.records import Record

if TYPE_CHECKING:
    from edlint.core.findings import FileResult, Finding
    from edlint.workflow.fixes import FixOutcome

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
    options = RunOptions(config_path=str(config) if config else None, select=select, ignore=ignore, date=date,
                         language=language)
    runner = Runner(options, jobs=jobs)
    problem = runner.preflight(paths, config)
    if problem:
        sys.stderr.write(f"edlint: {problem}\n")
        return 2
    runner.cache = open_cache(use_cache, cache_dir)
    results, errors = runner.lint_paths(paths, stdin_filename)
    job = _FixJob(runner, unsafe, diff, paths == ["-"], stdin_filename, paint=diff and _use_color(color))
    for e in unique(errors + [r.error for r in results if r.error]):
        sys.stderr.write(f"edlint: {e}\n")
        job.tally.status = 2
    for r in results:
        job.fix(r)
    sys.stderr.write(job.tally.line(diff) + "\n")
    return job.tally.exit_code(diff)


class _Tally(Record):
    """What a fix run did, for its last line and its exit code."""

    _fields = ("changed", "applied", "remaining", "held_back", "status")

    def __init__(
        self,
        changed: int = 0,
        applied: int = 0,
        remaining: int = 0,
        held_back: int = 0,
        status: int = 0,
    ) -> None:
        self.changed = changed
        self.applied = applied
        self.remaining = remaining
        self.held_back = held_back
        self.status = status

    def line(self, diff: bool) -> str:
        verb = "would fix" if diff else "fixed"
        line = f"edlint: {verb} {self.applied} finding(s) in {self.changed} file(s)"
        if self.remaining:
            line += f"; {_plural(self.remaining, 'finding')} {'remains' if self.remaining == 1 else 'remain'}"
            if self.held_back:
                line += f" ({self.held_back} with unsafe fixes held back: --unsafe-fixes applies them)"
        return line

    def exit_code(self, diff: bool) -> int:
        if self.status:
            return self.status
        return 1 if (diff and self.changed) else 0


class _FixJob:
    """Fixes the checked files one by one: re-checks through the run's Runner, then writes, prints or shows."""

    def __init__(self, runner: Runner, unsafe: bool, diff: bool, from_stdin: bool, stdin_filename: str | None,
                 paint: bool):
        self.runner = runner
        self.unsafe = unsafe
        self.diff = diff
        self.from_stdin = from_stdin
        self.stdin_filename = stdin_filename
        self.paint = paint
        self.tally = _Tally()

    def _relint_for(self, path: str):
        """Re-check a new text of ``path`` with the configuration that checked the file itself."""
        cfg_path = Path(path) if not self.from_stdin else self._stdin_config_path()

        def relint(text: str) -> list[Finding]:
            res = self.runner.lint_source(SourceFile(path=path, text=text), cfg_path)
            if res.error:
                raise RuntimeError(res.error)
            return res.findings

        return relint

    def _stdin_config_path(self) -> Path | None:
        return Path(self.stdin_filename) if self.stdin_filename else None

    def fix(self, r: FileResult) -> None:
        if r.skipped:
            sys.stderr.write(f"edlint: {r.path}: {r.skipped}\n")
        if r.error or r.text is None:
            return
        try:
            outcome = fix_result(r, self._relint_for(r.path), unsafe=self.unsafe)
        except RuntimeError as exc:
            self._not_fixed(r, f"after a fix the file no longer checks: {exc}")
            return
        if not outcome.stable:
            # Fixes that keep finding work (a rule undoing another, a replacement feeding itself)
            # would corrupt the copy a little more each round: leave the file as it is.
            self._not_fixed(r, f"fixes did not settle after {outcome.rounds} rounds")
            return
        self.tally.remaining += len(outcome.remaining)
        self.tally.held_back += sum(1 for f in outcome.remaining if f.fix and not f.fix.safe)
        if self.from_stdin and not self.diff:
            sys.stdout.write(outcome.text)
        if outcome.text == r.text or not self._deliver(r, outcome):
            return
        self.tally.changed += 1
        self.tally.applied += outcome.applied

    def _not_fixed(self, r: FileResult, why: str) -> None:
        sys.stderr.write(f"edlint: {r.path}: not fixed: {why}\n")
        self.tally.status = 2
        if self.from_stdin and not self.diff:
            sys.stdout.write(r.text or "")  # a filter never swallows the text

    def _deliver(self, r: FileResult, outcome: FixOutcome) -> bool:
        """Show the patch or replace the file; False when the file was left as it is."""
        if self.diff:
            patch = unified_diff(r.path, r.text or "", outcome.text)
            sys.stdout.write(colour_diff(patch) if self.paint else patch)
            return True
        if self.from_stdin:
            return True
        try:
            write_atomic(Path(r.path), outcome.text, r.had_bom, expected=r.text)
        except OSError as exc:
            said = "not fixed" if isinstance(exc, NotWritten) else "cannot write fix"
            sys.stderr.write(f"edlint: {r.path}: {said}: {exc.strerror or exc}\n")
            if not getattr(exc, "note", False):
                self.tally.status = 2
            return False
        return True
