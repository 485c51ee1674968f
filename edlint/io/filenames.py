"""How a file name is printed: always one line of valid UTF-8, whatever the file system allowed.

A file name may hold a newline (which would split a one-line-per-finding
report), control characters (which would drive the terminal), or bytes that
are not UTF-8 (which Python carries as lone surrogates, and which no JSON,
XML or SARIF consumer accepts). Reports and error lines print names through
``display_path``; edlint itself keeps the real name to read and write the file.
"""
from __future__ import annotations

_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def display_path(path: str) -> str:
    """``path`` with undecodable bytes as U+FFFD and control characters escaped (``\\n``, ``\\x1b``)."""
    if path.isprintable():
        return path
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        path = path.encode("utf-8", "surrogateescape").decode("utf-8", "replace") if _escaped_only(path) else \
            path.encode("utf-8", "replace").decode("utf-8")
    out = []
    for c in path:
        o = ord(c)
        if o < 0x20 or 0x7F <= o < 0xA0 or c in ("\u2028", "\u2029"):
            out.append(_ESCAPES.get(c, f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}"))
        else:
            out.append(c)
    return "".join(out)


def _escaped_only(s: str) -> bool:
    """Do all surrogates in ``s`` come from ``surrogateescape`` (U+DC80..U+DCFF, one byte each)?"""
    return all(0xDC80 <= ord(c) <= 0xDCFF for c in s if 0xD800 <= ord(c) <= 0xDFFF)
