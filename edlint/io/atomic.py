"""The one atomic writer: new content goes to a temporary file beside the target, then a rename.

Everything edlint writes goes through ``replacing``, so a reader (an editor,
another edlint process sharing a cache) only ever sees the old file or the
new one, never half of each, and a failed or interrupted write leaves no
temporary file behind. Two levels of care, one implementation:

- ``replace_file`` (cache entries, parsed packs, compiled patterns): the folder
  is created, nothing is synced to disk, the file stays private to its owner;
  a lost entry only costs a miss.
- ``write_file`` (fixed articles, reports, baselines): a symbolic link is
  followed so the link stays a link, the owner, group and mode are kept,
  the data is synced before the rename, and interrupt signals are held so
  Ctrl-C lands before or after the replacement, never in between. With
  ``expected`` (the bytes a fix was computed from) read-only files, files
  with several hard links and files edited since they were checked are left
  as they are (``NotWritten``).

A report written while a run goes on (``edlint check --format json -o``)
uses ``replacing`` directly: it is not held in memory, and a signal during
the long write simply removes the temporary file.
"""
from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

TEMP_SUFFIX = ".edlint-tmp"


class NotWritten(OSError):
    """A file edlint decided not to replace; ``strerror`` says why, in words for the editor."""

    def __init__(self, reason: str, note: bool = False):
        super().__init__(reason)
        self.strerror = reason
        self.note = note  # True: a deliberate skip (read-only, hard links), not a failure


def replace_file(path: Path, data: bytes) -> None:
    """Replace a cache file with ``data`` atomically (creating its folder); OSError if it cannot."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with replacing(path, careful=False) as fh:
        fh.write(data)


def write_file(path: Path, data: bytes, expected: bytes | None = None) -> None:
    """Replace ``path`` with ``data`` carefully (see the module); raises ``NotWritten`` when it must not."""
    with _signals_held(), replacing(path, expected=expected) as fh:
        fh.write(data)


@contextlib.contextmanager
def replacing(path: Path, *, careful: bool = True, expected: bytes | None = None) -> Iterator[BinaryIO]:
    """Yield a binary handle for the new content of ``path``; a clean exit renames it into place.

    Any exception inside the block (or while finishing) removes the
    temporary file and leaves ``path`` as it was.
    """
    target = Path(os.path.realpath(path)) if careful else Path(path)
    before = _state_before(target, expected) if careful else None
    fd, tmp = _new_temp_beside(target)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            if careful:
                _keep_owner_and_mode(fh.fileno(), before)
                os.fsync(fh.fileno())
        if expected is not None:
            _refuse_if_changed(target, expected)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _new_temp_beside(target: Path) -> tuple[int, str]:
    """A new temporary file in ``target``'s folder, opened for writing by this process alone.

    What ``tempfile.mkstemp`` does (an unguessable name, created exclusively, mode 0600), without
    importing ``tempfile`` and the modules it pulls in: the result cache writes on every
    one-article run, where those imports cost more than checking the article.
    """
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        tmp = os.path.join(target.parent, f".{target.name}.{os.urandom(8).hex()}{TEMP_SUFFIX}")
        try:
            return os.open(tmp, flags, 0o600), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {target}")


def _state_before(target: Path, expected: bytes | None) -> os.stat_result | None:
    """The file being replaced (None when new), after the checks a fix needs before it may touch it."""
    try:
        st = os.stat(target)
    except FileNotFoundError:
        if expected is not None:
            raise NotWritten("the file was removed after it was checked") from None
        return None
    if expected is not None:
        if not st.st_mode & 0o222:
            raise NotWritten("read-only file, left as it is", note=True)
        if st.st_nlink > 1:
            # a rename would split the links, leaving the other names with the old text
            raise NotWritten(f"has {st.st_nlink} hard links; left as it is (replacing it would split them)", note=True)
    return st


def _keep_owner_and_mode(fd: int, before: os.stat_result | None) -> None:
    """Give the temporary file the old file's owner, group and mode (a new file: the usual mode).

    If another user's file cannot keep its owner and group, nothing is replaced.
    """
    if before is None:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
        return
    if hasattr(os, "fchown") and (before.st_uid != os.geteuid() or before.st_gid != os.getegid()):
        try:
            os.fchown(fd, before.st_uid, before.st_gid)
        except OSError:
            raise NotWritten("cannot keep the file's owner and group; left as it is") from None
    os.fchmod(fd, before.st_mode & 0o7777)


def _refuse_if_changed(target: Path, expected: bytes) -> None:
    """Read the file again just before the rename: an edit saved meanwhile wins over the fix."""
    from edlint.io.articles import read_limited

    try:
        now = read_limited(target, max(len(expected), 1) * 2 + 1024)
    except OSError:
        now = None
    if now != expected:
        raise NotWritten("changed since it was checked (an edit was saved meanwhile); left as it is, run the fix again")


def _signals_held():
    """Hold SIGINT/SIGTERM/SIGHUP while a file is replaced, so an interrupt lands before or after, never between.

    The pending signal is delivered as soon as the block ends: the temporary
    file is by then renamed or removed, so no ``.edlint-tmp`` file is left behind.
    """
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
