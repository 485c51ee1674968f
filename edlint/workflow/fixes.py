"""Apply fixes: non-overlapping edits, written atomically, touching only the flagged spans.

The file is rewritten from the decoded text with edits applied right to left,
so offsets stay valid; the BOM and line endings (CRLF included) of the
original come back because only edit spans change and nothing is
re-encoded but UTF-8, the only encoding edlint reads. Fixing repeats
(fix, re-check, fix) until nothing changes, so a second ``edlint fix`` has
nothing left to do. The new content goes to a temporary file in the same
folder, is flushed to disk, given the original's permissions, and renamed
over the original: an interrupted fix leaves either the old file or the new
one, never half of each. A symbolic link is followed, so the article it
points to is fixed and the link stays a link. Owner, group and mode are
kept; read-only files, files with several hard links and files edited since
they were checked are left as they are (``edlint.io.atomic`` does the writing).
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from edlint.core.findings import Edit, Finding
from edlint.records import Record

BOM = "\ufeff"
MAX_ROUNDS = 4


class FixPlan(Record):
    _fields = ("text", "applied", "skipped")

    def __init__(self, text: str, applied: list[Finding], skipped: list[Finding]) -> None:
        self.text = text
        self.applied = applied
        self.skipped = skipped


def plan_fixes(text: str, findings: list[Finding], unsafe: bool = False) -> FixPlan:
    """Choose the fixes to apply (safe ones, or all with ``unsafe``) that do not overlap, and apply them."""
    chosen: list[tuple[Finding, tuple[Edit, ...]]] = []
    skipped: list[Finding] = []
    taken: list[tuple[int, int]] = []
    candidates = [f for f in findings if f.fix and f.fix.edits and (unsafe or f.fix.safe)]
    candidates.sort(key=lambda f: (min(e.start for e in f.fix.edits), f.rule))  # type: ignore[union-attr]
    for f in candidates:
        edits = f.fix.edits  # type: ignore[union-attr]
        if any(a < max(e.end, e.start + 1) and e.start < b for e in edits for a, b in taken):
            skipped.append(f)
            continue
        chosen.append((f, edits))
        taken += [(e.start, max(e.end, e.start + 1)) for e in edits]
    all_edits = sorted((e for _, es in chosen for e in es), key=lambda e: e.start, reverse=True)
    out = text
    for e in all_edits:
        out = out[: e.start] + e.replacement + out[e.end :]
    return FixPlan(out, [f for f, _ in chosen], skipped)


class FixOutcome(Record):
    _fields = ("text", "applied", "rounds", "stable", "remaining")

    def __init__(
        self,
        text: str,
        applied: int = 0,
        rounds: int = 0,
        stable: bool = True,
        remaining: list[Finding] | None = None,
    ) -> None:
        self.text = text
        self.applied = applied
        self.rounds = rounds
        self.stable = stable
        self.remaining = [] if remaining is None else remaining


def fix_until_stable(
    text: str,
    findings: list[Finding],
    relint: Callable[[str], list[Finding]],
    unsafe: bool = False,
    max_rounds: int = MAX_ROUNDS,
) -> FixOutcome:
    """Fix, re-check the new text, fix again... until no fix applies (or ``max_rounds``).

    One round can uncover work for the next (a fix that was skipped because
    it overlapped another), and re-checking proves the result is stable.
    """
    out = FixOutcome(text=text, remaining=findings)
    for _ in range(max_rounds):
        plan = plan_fixes(out.text, out.remaining, unsafe=unsafe)
        if plan.text == out.text:
            return out
        out.text = plan.text
        out.applied += len(plan.applied)
        out.rounds += 1
        out.remaining = relint(out.text)
    out.stable = plan_fixes(out.text, out.remaining, unsafe=unsafe).text == out.text
    return out


def fix_result(result, relint: Callable[[str], list[Finding]], unsafe: bool = False) -> FixOutcome:
    """Fix one checked file's text (``result.text``) until stable, re-checking with ``relint``.

    The edits of a result read from the cache are never trusted: when it
    carries fixes the text is checked afresh first, so what is written always
    comes from this code and this configuration.
    """
    text = result.text or ""
    findings = result.findings
    if getattr(result, "from_cache", False) and any(f.fix for f in findings):
        findings = relint(text)
    return fix_until_stable(text, findings, relint, unsafe=unsafe)


def write_atomic(path: Path, text: str, had_bom: bool = False, expected: str | None = None) -> None:
    """Replace ``path`` with ``text`` (UTF-8, BOM restored if it had one) through ``edlint.io.atomic.write_file``.

    ``expected`` is the text the fix was computed from: the file is only
    replaced if it still holds exactly that (``NotWritten`` otherwise).
    """
    from edlint.io.atomic import write_file

    bom = BOM if had_bom else ""
    write_file(
        Path(path), (bom + text).encode("utf-8"),
        expected=(bom + expected).encode("utf-8") if expected is not None else None,
    )


def unified_diff(path: str, before: str, after: str) -> str:
    import difflib

    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), fromfile=f"a/{path}", tofile=f"b/{path}"
    )
    out = []
    for ln in lines:
        out.append(ln if ln.endswith("\n") else ln + "\n\\ No newline at end of file\n")
    return "".join(out)
