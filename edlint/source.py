"""Reading article files safely: encoding, BOM, line endings, binary and unreadable input.

Every problem becomes an ``InputError`` with one clear line naming the file
(and line, where there is one); nothing here ever raises anything else for a
bad file, so one broken article never stops a run over a repository.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

BOM = "\ufeff"
MAX_BYTES = 200 * 1024 * 1024


class InputError(Exception):
    def __init__(self, path: str, message: str, line: int | None = None):
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


@dataclass
class SourceFile:
    """A decoded article. ``text`` has no BOM; ``had_bom`` lets fixes write it back."""

    path: str
    text: str
    had_bom: bool = False
    raw_size: int = 0


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
    return SourceFile(path=path, text=text, had_bom=had_bom, raw_size=len(data))


def read_source(path: Path, display: str | None = None) -> SourceFile:
    display = display or str(path)
    try:
        if path.is_dir():
            raise InputError(display, "is a directory")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(display, f"file too large to be an article ({size} bytes)")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(display, "no such file") from None
    except PermissionError:
        raise InputError(display, "permission denied") from None
    except IsADirectoryError:
        raise InputError(display, "is a directory") from None
    except OSError as exc:
        raise InputError(display, f"cannot read: {exc.strerror or exc}") from None
    return decode(data, display)


def read_stdin(display: str = "<stdin>") -> SourceFile:
    data = sys.stdin.buffer.read()
    return decode(data, display)
