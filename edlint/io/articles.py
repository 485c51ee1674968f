"""Reading article files safely: encoding, BOM, line endings, binary and unreadable input.

Every problem becomes an ``InputError`` with one clear line naming the file
(and line, where there is one); nothing here ever raises anything else for a
bad file, so one broken article never stops a run over a repository.
"""
from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from edlint.io.errors import InputError
from edlint.records import Record

BOM = "\ufeff"
MAX_BYTES = 200 * 1024 * 1024


class SourceFile(Record):
    """A decoded article. ``text`` has no BOM; ``had_bom`` lets fixes write it back."""

    _fields = ("path", "text", "had_bom")

    def __init__(self, path: str, text: str, had_bom: bool = False) -> None:
        self.path = path
        self.text = text
        self.had_bom = had_bom


def decode(data: bytes, path: str) -> SourceFile:
    if b"\x00" in data[:8192]:
        raise InputError(path, "binary file (contains NUL bytes), not an article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        bad = data[exc.start : exc.start + 1].hex()
        raise InputError(
            path, f"not valid UTF-8: byte 0x{bad} at offset {exc.start} ({exc.reason}); re-save the file as UTF-8", line
        ) from None
    had_bom = text.startswith(BOM)
    if had_bom:
        text = text[1:]
    return SourceFile(path=path, text=text, had_bom=had_bom)


def read_limited(path: str | os.PathLike[str], limit: int = MAX_BYTES) -> bytes:
    """The bytes of a *regular* file (after following links), at most ``limit`` of them.

    The one way edlint reads a file it was pointed at. A FIFO, a device
    (``x.md -> /dev/zero``) or a socket is refused before a byte is read:
    opening is non-blocking, the open descriptor itself is checked (so a file
    swapped for a FIFO between two looks cannot hang the run), and reading
    stops at ``limit`` + 1 bytes whatever ``st_size`` claims. Raises OSError
    (FileNotFoundError, IsADirectoryError, PermissionError…) or ``NotRegular``
    / ``TooLarge``.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0)
    st = os.stat(path)
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(21, "is a directory")
    if not stat.S_ISREG(st.st_mode):
        raise NotRegular(_kind(st.st_mode))
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegular(_kind(st.st_mode))
        chunks: list[bytes] = []
        got = 0
        while got <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - got))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        if got > limit:
            raise TooLarge(limit)
        return b"".join(chunks)
    finally:
        os.close(fd)


class NotRegular(OSError):
    """Not a regular file: a FIFO, device or socket is never read."""

    def __init__(self, kind: str):
        super().__init__(f"not a regular file ({kind})")
        self.kind = kind


class TooLarge(OSError):
    def __init__(self, limit: int):
        super().__init__(f"larger than {limit} bytes")
        self.limit = limit


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def read_source(path: Path, display: str | None = None) -> SourceFile:
    display = display or str(path)
    try:
        data = read_limited(path)
    except NotRegular as exc:
        raise InputError(display, f"not a regular file ({exc.kind}), not an article") from None
    except TooLarge:
        raise InputError(display, f"file too large to be an article (over {MAX_BYTES} bytes)") from None
    except FileNotFoundError:
        raise InputError(display, "no such file") from None
    except PermissionError:
        raise InputError(display, "permission denied") from None
    except IsADirectoryError:
        raise InputError(display, "is a directory") from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
        raise InputError(display, f"cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    return decode(data, display)


def read_stdin(display: str = "<stdin>") -> SourceFile:
    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(display, f"input too large to be an article (over {MAX_BYTES} bytes)")
    return decode(data, display)
