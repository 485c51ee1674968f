"""Apply fixes: non-overlapping edits, written atomically, touching only the flagged spans.

The file is rewritten from the decoded text with edits applied right to left,
so offsets stay valid; the BOM and line endings of the original come back
because only edit spans change. The new content goes to a temporary file in
the same folder, is flushed to disk, given the original's permissions, and
renamed over the original: an interrupted fix leaves either the old file or
the new one, never half of each.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .model import Edit, Finding

BOM = "\ufeff"


@dataclass
class FixPlan:
    text: str
    applied: list[Finding]
    skipped: list[Finding]


def plan_fixes(text: str, findings: list[Finding], unsafe: bool = False) -> FixPlan:
    """Choose the fixes to apply (safe ones, or all with ``unsafe``) that do not overlap, and apply them."""
    chosen: list[tuple[Finding, tuple[Edit, ...]]] = []
    skipped: list[Finding] = []
    taken: list[tuple[int, int]] = []
    candidates = [f for f in findings if f.fix and (unsafe or f.fix.safe)]
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


def write_atomic(path: Path, text: str, had_bom: bool = False) -> None:
    """Replace ``path`` with ``text`` (UTF-8, BOM restored if it had one) atomically, keeping its mode."""
    data = ((BOM if had_bom else "") + text).encode("utf-8")
    path = Path(path)
    st = path.stat()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".edlint-tmp", dir=str(path.parent))
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, st.st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def unified_diff(path: str, before: str, after: str) -> str:
    import difflib

    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True), after.splitlines(keepends=True), fromfile=f"a/{path}", tofile=f"b/{path}"
        )
    )
