"""Two ways of reading edlint's own files: mapped into memory, and only when this user alone could have written them.

The knowledge base and the word list are megabytes of sorted lines that a run
consults a few times: mapping them reads only the pages a lookup touches.
Cache entries that steer the checks (compiled patterns, phrase-pack gates) are
used only from a regular file this user owns and nobody else can change: a
shared or committed cache folder must not change what ``check`` finds or what
``fix`` writes.
"""
from __future__ import annotations

import mmap
import os
import stat
from pathlib import Path


def map_file(path: Path) -> bytes | mmap.mmap:
    """The file's bytes, mapped read-only (read whole where mapping is not possible, or it is empty)."""
    try:
        with open(path, "rb") as fh:
            return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # an unusual file system, or an empty file
        return path.read_bytes()


def private_to_this_user(path: Path) -> bool:
    """A regular file this user owns that no one else can write."""
    try:
        st = os.lstat(path)
    except OSError:
        return False
    if not stat.S_ISREG(st.st_mode) or st.st_mode & 0o022:
        return False
    return not hasattr(os, "getuid") or st.st_uid == os.getuid()


def first_line_at_or_after(blob: bytes | mmap.mmap, lo: int, hi: int, target: bytes, sep: bytes = b"\n") -> int:
    """In a file of sorted lines, the start of the first line in ``[lo, hi)`` whose key is at or after ``target``.

    A line's key is its text up to ``sep`` (a tab for ``key<TAB>value`` lines; the whole line by
    default); ``lo`` and ``hi`` are line starts and every line ends with a newline. Returns ``hi``
    when every key comes before ``target``. A binary search that decodes nothing: the knowledge base
    and the word list answer a question by reading a few pages of a file mapped into memory.
    """
    while lo < hi:  # lo and hi are always line starts
        mid = (lo + hi) // 2
        start = max(lo, blob.rfind(b"\n", lo, mid) + 1)
        cut = blob.find(sep, start)
        if cut == -1:
            raise ValueError(f"no {sep!r} after offset {start}: not a file of sorted lines")
        if blob[start:cut] < target:
            lo = blob.find(b"\n", cut) + 1
            if lo == 0:
                raise ValueError(f"no line end after offset {cut}: not a file of sorted lines")
        else:
            hi = start
    return lo
