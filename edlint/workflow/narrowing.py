"""What a pull-request check leaves out: findings on lines nobody changed, and findings a baseline accepted.

``edlint check --changed-since REV`` keeps findings on lines changed since
REV (``changed_lines``) and reads only files with changes; ``--baseline FILE``
hides findings recorded earlier (``baseline``). Both narrow each file's
result in place before it is counted or reported, whether the results come
as one list or one by one while a report is streamed.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from edlint.core.findings import FileResult
    from edlint.workflow.baseline import Baseline
    from edlint.workflow.changed_lines import ChangedLines


class NarrowingError(Exception):
    """A baseline that cannot be read or a revision git does not know: the one line to print."""


class Narrowing:
    """The changed lines and the baseline of one run (either may be absent); counts what it hid."""

    def __init__(self, changed: ChangedLines | None = None, base: Baseline | None = None,
                 baseline_path: Path | None = None):
        self.changed = changed
        self.base = base
        self.baseline_path = baseline_path
        self.hidden = 0

    @classmethod
    def load(cls, diff_base: str | None, baseline: Path | None) -> Narrowing:
        """Read the baseline, then ask git what changed; ``NarrowingError`` says what went wrong."""
        base = None
        if baseline is not None:
            from edlint.workflow.baseline import Baseline, BaselineError

            try:
                base = Baseline(Path(baseline))
            except BaselineError as exc:
                raise NarrowingError(str(exc)) from None
        changed = None
        if diff_base:
            from edlint.workflow.changed_lines import GitError, changed_lines

            try:
                changed = changed_lines(diff_base)
            except GitError as exc:
                raise NarrowingError(f"--changed-since {diff_base}: {exc}") from None
        return cls(changed, base, baseline)

    @property
    def only(self) -> Callable[[str], bool] | None:
        """Which files are worth reading at all (files with changes), or None for every file."""
        return self.changed.touches if self.changed is not None else None

    def _keep_changed(self, r: FileResult) -> None:
        if self.changed is not None:
            changed = self.changed
            r.findings = [f for f in r.findings if changed.covers(r.path, f.line, f.end_line)]

    def narrow(self, results: list[FileResult]) -> None:
        """Narrow every result of a run, in place."""
        for r in results:
            self._keep_changed(r)
        if self.base is not None:
            self.hidden += self.base.filter(results)

    def narrow_one(self, r: FileResult) -> None:
        """Narrow one result as it goes by (a streamed report)."""
        self._keep_changed(r)
        if self.base is not None:
            self.hidden += self.base.filter([r])

    def hidden_note(self) -> str | None:
        """The line saying how many findings the baseline hid, or None when it hid none."""
        if not self.hidden:
            return None
        return f"{self.hidden} finding(s) hidden by the baseline {self.baseline_path}"
