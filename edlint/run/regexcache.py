"""Compiled regular expressions kept between runs, so one article does not pay for compiling them.

Python compiles a regular expression in two steps: a pure-Python parser and
code generator turn the pattern into a list of small integers (slow: tens of
milliseconds for edlint's rule packs, more than checking an article takes),
then ``_sre.compile`` builds the matcher from that list (fast). This module
keeps the integer lists (packed, base64) in the cache folder, keyed by the pattern and its
flags, and on the next run hands them straight to ``_sre.compile``.

Only CPython is served, and only the exact interpreter version and regex
engine that wrote the file (both are in its name); anything else, an
unreadable file or an entry Python's own validator rejects, simply means the
pattern is compiled as usual. The file is JSON (lists of numbers and
strings), never pickle, like every other cache entry.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

MAX_ENTRIES = 4000
SAVE_AFTER_S = 0.005
_state: dict = {}


def _tag() -> str | None:
    if sys.implementation.name != "cpython":
        return None
    try:
        import _sre
        import re._compiler  # noqa: F401  (3.11+; older versions name it sre_compile)
        from array import array
    except ImportError:
        return None
    if array("I").itemsize != _sre.CODESIZE:
        return None
    v = sys.version_info
    return f"{v.major}.{v.minor}.{v.micro}-{_sre.MAGIC}-{_sre.CODESIZE}"


def _trusted(path: Path) -> bool:
    """Whether compiled code in ``path`` may be used: a regular file this user owns, that nobody
    else can write.

    A compiled pattern decides where findings, and so fixes, land: code someone else could
    have written (a shared or committed cache folder) must not change what ``fix`` writes.
    Such a file is ignored and the patterns are compiled from their source as usual.
    """
    from edlint.io.local_files import private_to_this_user

    return private_to_this_user(path)


def install(folder: Path) -> None:
    """Serve compiled patterns from ``folder`` for the rest of this process (idempotent)."""
    tag = _tag()
    if tag is None or _state:
        return
    import _sre
    import re
    import re._compiler as compiler
    import re._parser as parser
    import time
    from array import array
    from base64 import b64decode, b64encode

    path = Path(folder) / f"regex-{tag}.json"
    try:
        if not _trusted(path):
            raise ValueError("written by someone else")
        stored = json.loads(path.read_bytes())
        if not isinstance(stored, dict):
            stored = {}
    except (OSError, ValueError):
        stored = {}
    used: dict[str, list] = {}
    _state.update(path=path, stored=stored, used=used, new=0.0, pid=os.getpid())
    original = compiler.compile

    def compile(p, flags=0):
        if not isinstance(p, str) or flags & re.DEBUG:
            return original(p, flags)
        key = f"{int(flags)}:{p}"
        entry = stored.get(key)
        if entry is not None:
            try:
                all_flags, packed, groups, groupindex, indexgroup = entry
                code = array("I", b64decode(packed)).tolist()
                compiled = _sre.compile(p, all_flags, code, groups, groupindex, tuple(indexgroup))
                used[key] = entry
                return compiled
            except Exception:  # noqa: BLE001 - a damaged entry: compile as usual
                pass
        started = time.perf_counter()
        tree = parser.parse(p, flags)
        code = compiler._code(tree, flags)
        groupindex = dict(tree.state.groupdict)
        indexgroup = [None] * tree.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        packed = b64encode(array("I", code).tobytes()).decode("ascii")
        entry = [int(flags | tree.state.flags), packed, tree.state.groups - 1, groupindex, indexgroup]
        used[key] = entry
        _state["new"] += time.perf_counter() - started
        return _sre.compile(p, entry[0], code, entry[2], groupindex, tuple(indexgroup))

    compiler.compile = compile
    import atexit

    atexit.register(_save)


def _save() -> None:
    """Write the patterns this run used (and older ones, up to a bound) if compiling new ones cost
    more than rewriting the file would (a pattern or two built from an article's date do not)."""
    if _state.get("new", 0.0) < SAVE_AFTER_S or os.getpid() != _state["pid"]:  # workers leave it to the parent
        return
    path: Path = _state["path"]
    keep = dict(_state["used"])
    for key, entry in _state["stored"].items():
        if len(keep) >= MAX_ENTRIES:
            break
        keep.setdefault(key, entry)
    try:
        from edlint.io.atomic import replace_file

        replace_file(path, json.dumps(keep, separators=(",", ":")).encode("utf-8"))
    except OSError:
        pass  # a read-only cache folder costs the next run its compile time, nothing more
