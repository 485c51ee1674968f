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
they were checked are left as they are (see ``write_bytes_atomic``).
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Callable

from edlint.core.findings import Edit, Finding

BOM = "\ufeff"
MAX_ROUNDS = 4


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


@dataclass
class FixOutcome:
    text: str
    applied: int = 0
    rounds: int = 0
    stable: bool = True
    remaining: list[Finding] = field(default_factory=list)


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


class NotWritten(OSError):
    """A file ``fix`` decided not to replace; ``strerror`` says why, in words for the editor."""

    def __init__(self, reason: str, note: bool = False):
        super().__init__(reason)
        self.strerror = reason
        self.note = note  # True: a deliberate skip (read-only, hard links), not a failure


def _signals_held():
    """Hold SIGINT/SIGTERM/SIGHUP while a file is replaced, so an interrupt lands before or after, never between.

    The pending signal is delivered as soon as the block ends: the temporary
    file is by then renamed or removed, so no ``.edlint-tmp`` file is left behind.
    """
    import contextlib
    import signal
    import threading

    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        return contextlib.nullcontext()
    sigs = {signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", signal.SIGTERM)}

    @contextlib.contextmanager
    def held():
        old = signal.pthread_sigmask(signal.SIG_BLOCK, sigs)
        try:
            yield
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)

    return held()


def write_bytes_atomic(path: Path, data: bytes, keep_mode: bool = True, expected: bytes | None = None) -> None:
    """Replace ``path`` with ``data`` via a temporary file and a rename.

    The careful writer behind ``edlint fix`` (and report/baseline files):

    - the new file keeps the old one's mode, owner and group; if the owner or
      group cannot be kept (another user's file), nothing is replaced;
    - a read-only file (no write permission bit) is left alone;
    - a file with several hard links is left alone: a rename would split the
      links, leaving the other names with the old text;
    - with ``expected`` (the bytes the fix was computed from), the file is read
      again just before the rename and left alone if it changed (an editor
      saved meanwhile): that edit wins, run the fix again;
    - SIGINT/SIGTERM are held while the temporary file exists, so an
      interrupted run leaves the old file or the new one and no temporary file.

    Raises ``NotWritten`` (an OSError) for the cases above.
    """
    path = Path(os.path.realpath(path))
    st = None
    if keep_mode or expected is not None:
        try:
            st = os.stat(path)
        except FileNotFoundError:
            if expected is not None:
                raise NotWritten("the file was removed after it was checked") from None
    if st is not None and expected is not None:
        if not st.st_mode & 0o222:
            raise NotWritten("read-only file, left as it is", note=True)
        if st.st_nlink > 1:
            raise NotWritten(f"has {st.st_nlink} hard links; left as it is (replacing it would split them)", note=True)
    with _signals_held():
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".edlint-tmp", dir=str(path.parent))
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                if st is not None and hasattr(os, "fchown") and (st.st_uid != os.geteuid() or st.st_gid != os.getegid()):
                    try:
                        os.fchown(fh.fileno(), st.st_uid, st.st_gid)
                    except OSError:
                        raise NotWritten("cannot keep the file's owner and group; left as it is") from None
                if st is not None:
                    os.fchmod(fh.fileno(), st.st_mode & 0o7777)
                else:
                    umask = os.umask(0)
                    os.umask(umask)
                    os.fchmod(fh.fileno(), 0o666 & ~umask)
                os.fsync(fh.fileno())
            if expected is not None:
                from edlint.io.articles import read_limited

                try:
                    now = read_limited(path, max(len(expected), 1) * 2 + 1024)
                except OSError:
                    now = None
                if now != expected:
                    raise NotWritten("changed since it was checked (an edit was saved meanwhile); left as it is, run the fix again")
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise


def write_atomic(path: Path, text: str, had_bom: bool = False, expected: str | None = None) -> None:
    """Replace ``path`` with ``text`` (UTF-8, BOM restored if it had one) carefully (see write_bytes_atomic).

    ``expected`` is the text the fix was computed from: the file is only
    replaced if it still holds exactly that.
    """
    bom = BOM if had_bom else ""
    write_bytes_atomic(
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
