"""The phrase pack's alternatives and gates, kept beside the parsed rule packs between runs.

Splitting the entries and reading every alternative with Python's pattern
parser costs more than checking an article, and the result depends only on
the patterns and the Python that read them: a run with a cache folder keeps
it there as JSON (``edlint.io.datafiles``, keyed by every pattern's text and
the Python version) and the next run reads it instead. An entry is used only
when this user wrote it and nobody else can change it, its alternatives put
back together are the entry's pattern, and every value has its type; anything
else is worked out again and rewritten.
"""
from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Callable

from .gates import Gate

_VERSION = "1"  # a new number whenever gates.py reads patterns differently: older entries are then misses
Row = tuple[int, str, Gate]  # the entry, one alternative of its pattern, its gate


def cached_rows(patterns: list[tuple[bool, str]], work: Callable[[], list[Row]]) -> list[Row]:
    """The rows for these (whole_line, pattern) entries: from the cache when it holds them, else ``work()``."""
    from edlint.io.datafiles import _cache_file, _write

    parts = ["adcopy phrase gates", _VERSION, sys.version] + [f"{int(w)}{p}" for w, p in patterns]
    path = _cache_file(*parts, suffix=".json")
    if path is not None:
        rows = _read(path, [p for _, p in patterns])
        if rows is not None:
            return rows
    rows = work()
    if path is not None:
        payload = {"phrase_gates": _VERSION, "rows": [[i, text, g.as_json()] for i, text, g in rows]}
        _write(path, json.dumps(payload).encode("utf-8"))
    return rows


def _read(path, patterns: list[str]) -> list[Row] | None:
    try:
        st = os.lstat(path)
        if not stat.S_ISREG(st.st_mode) or st.st_mode & 0o022 or (hasattr(os, "getuid") and st.st_uid != os.getuid()):
            return None
        stored = json.loads(path.read_bytes())["rows"]
        rows = [(int(i), str(text), Gate.from_json(g)) for i, text, g in stored]
    except (OSError, ValueError, TypeError, KeyError, IndexError, OverflowError, RecursionError):
        return None
    order = [i for i, _, _ in rows]
    if order != sorted(order) or not all(0 <= i < len(patterns) for i in order):
        return None
    texts: list[list[str]] = [[] for _ in patterns]
    for i, text, _ in rows:
        texts[i].append(text)
    return rows if all("|".join(t) == p for t, p in zip(texts, patterns, strict=True)) else None
