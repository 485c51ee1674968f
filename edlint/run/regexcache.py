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

A wheel also ships such a file, ``compiled_patterns.json`` beside this
module, made when the wheel is built (``hatch_build.py``) from the list of
edlint's own patterns in ``pattern_list.json`` by the interpreter that
built it. A run with no cache folder (``--no-cache``, a fresh CI runner)
serves patterns from it when its interpreter is that one; any other
interpreter, and a source checkout, compiles as usual.
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


SHIPPED = Path(__file__).with_name("compiled_patterns.json")
PATTERN_LIST = Path(__file__).with_name("pattern_list.json")


def install(folder: Path | None) -> None:
    """Serve compiled patterns for the rest of this process (idempotent): those the wheel shipped for
    this interpreter, and those kept in the cache ``folder`` (None: no cache folder, nothing saved)."""
    tag = _tag()
    if tag is None or _state:
        return
    shipped = _shipped(tag)
    own: dict = {}
    path = Path(folder) / f"regex-{tag}.json" if folder is not None else None
    if path is not None:
        try:
            if not _trusted(path):
                raise ValueError("written by someone else")
            kept = json.loads(path.read_bytes())
            if isinstance(kept, dict):
                own = kept
        except (OSError, ValueError):
            pass
    elif not shipped:
        return  # nothing to serve and nowhere to keep anything: Python compiles as it always does
    _state.update(path=path, shipped=shipped, own=own, used={}, new=0.0, pid=os.getpid())
    _hook({**shipped, **own}, _state["used"])
    if path is not None:
        import atexit

        atexit.register(_save)


def _shipped(tag: str) -> dict:
    """The wheel's compiled patterns, when this very interpreter made them (else none)."""
    try:
        data = json.loads(SHIPPED.read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("tag") != tag or not isinstance(data.get("patterns"), dict):
        return {}
    return data["patterns"]


def _hook(stored: dict, used: dict) -> None:
    """Route Python's pattern compiler through ``stored``: a known pattern skips parsing and code
    generation; a new one is compiled as usual and its entry kept in ``used``."""
    import _sre
    import re
    import re._compiler as compiler
    import time
    from array import array
    from base64 import b64decode

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
        code, entry = _compiled(p, flags)
        used[key] = entry
        _state["new"] += time.perf_counter() - started
        return _sre.compile(p, entry[0], code, entry[2], entry[3], tuple(entry[4]))

    compiler.compile = compile


def encode(p: str, flags: int) -> list:
    """One pattern compiled to the entry stored for it: its flags, packed code, groups and group names.

    Python's own parser and code generator do the work (the slow steps of
    ``re.compile``); ``_sre.compile`` turns the entry into a pattern, and its
    validator refuses an entry that is not code it could have made.
    """
    return _compiled(p, flags)[1]


def _compiled(p: str, flags: int) -> tuple[list[int], list]:
    import re._compiler as compiler
    import re._parser as parser
    from array import array
    from base64 import b64encode

    tree = parser.parse(p, flags)
    code = compiler._code(tree, flags)
    groupindex = dict(tree.state.groupdict)
    indexgroup = [None] * tree.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    packed = b64encode(array("I", code).tobytes()).decode("ascii")
    return code, [int(flags | tree.state.flags), packed, tree.state.groups - 1, groupindex, indexgroup]


def compile_list(listed: list) -> str | None:
    """The text of ``compiled_patterns.json`` for ``pattern_list.json``'s entries ([flags, pattern]),
    compiled by this interpreter; None where it cannot serve compiled patterns."""
    tag = _tag()
    if tag is None:
        return None
    patterns = {}
    for flags, p in listed:
        try:
            patterns[f"{int(flags)}:{p}"] = encode(p, int(flags))
        except Exception:  # noqa: BLE001 - a pattern this Python refuses is compiled (and refused) at run time
            continue
    return json.dumps({"tag": tag, "patterns": patterns}, separators=(",", ":"), sort_keys=True)


def _save() -> None:
    """Write the patterns this run used (and older ones, up to a bound) if compiling new ones cost
    more than rewriting the file would (a pattern or two built from an article's date do not)."""
    if _state.get("new", 0.0) < SAVE_AFTER_S or os.getpid() != _state["pid"]:  # workers leave it to the parent
        return
    path: Path | None = _state["path"]
    if path is None:
        return
    shipped = _state["shipped"]
    keep = {key: entry for key, entry in _state["used"].items() if key not in shipped}  # the wheel has those
    for key, entry in _state["own"].items():
        if len(keep) >= MAX_ENTRIES:
            break
        keep.setdefault(key, entry)
    try:
        from edlint.io.atomic import replace_file

        replace_file(path, json.dumps(keep, separators=(",", ":")).encode("utf-8"))
    except OSError:
        pass  # a read-only cache folder costs the next run its compile time, nothing more
