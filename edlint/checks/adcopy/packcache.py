"""The phrase pack's alternatives and gates, made once and read by later runs.

Splitting the entries and reading every alternative with Python's pattern
parser costs more than checking an article, and the result depends only on
the patterns. The built-in pack's come with the package
(``phrase_gates.json``, written by ``scripts/build_phrase_gates.py``, keyed
by a digest of its patterns), so even a run with no cache folder skips the
parser; a house's own entries, and a built-in pack edited since, are worked
out and kept beside the parsed packs in the cache folder (keyed by every
pattern's text and the Python version). A cached entry is used only when
this user wrote it and nobody else can change it, its alternatives put back
together are the entry's pattern, and every value has its type; anything
else is worked out again and rewritten.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

from edlint.io.local_files import private_to_this_user

from .gates import Gate

_VERSION = "1"  # a new number whenever gates.py reads patterns differently: older entries are then misses
Row = tuple[int, str, Gate]  # the entry, one alternative of its pattern, its gate


SHIPPED = Path(__file__).with_name("phrase_gates.json")
FORMAT = "edlint phrase gates 1"


def cached_rows(patterns: list[tuple[bool, str]], work: Callable[[int], list[Row]]) -> list[Row]:
    """The rows for these (whole_line, pattern) entries: from the cache folder when it holds them; else the
    built-in pack's from the package (when the first entries are the built-in ones) and ``work(first)`` for
    the entries from ``first`` on."""
    from edlint.io.datafiles import _cache_file, _write

    parts = ["adcopy phrase gates", _VERSION, sys.version] + [f"{int(w)}{p}" for w, p in patterns]
    path = _cache_file(*parts, suffix=".json")
    if path is not None and private_to_this_user(path):
        rows = _rows(_load(path), [p for _, p in patterns])
        if rows is not None:
            return rows
    shipped = _shipped(patterns)
    rows = shipped + work(len({i for i, _, _ in shipped}))
    if path is not None:
        _write(path, json.dumps(payload(rows)).encode("utf-8"))
    return rows


def key(patterns: list[tuple[bool, str]]) -> str:
    """What names a list of entries in the shipped file: a digest of their patterns, in order."""
    from edlint.io.datafiles import _digest

    return _digest("\0".join(f"{int(w)}{p}" for w, p in patterns).encode("utf-8", "surrogatepass"))


def payload(rows: list[Row], **more) -> dict:
    return {"phrase_gates": _VERSION, **more, "rows": [[i, text, g.as_json()] for i, text, g in rows]}


def _shipped(patterns: list[tuple[bool, str]]) -> list[Row]:
    """The built-in pack's rows, made when the package was made (``scripts/build_phrase_gates.py``), when
    the first entries are exactly the ones they were made from; else none."""
    stored = _load(SHIPPED)
    try:
        n = int(stored["entries"])
        if stored["format"] != FORMAT or n > len(patterns) or stored["key"] != key(patterns[:n]):
            return []
    except (ValueError, TypeError, KeyError):
        return []
    return _rows(stored, [p for _, p in patterns[:n]]) or []


def _load(path: Path):
    try:
        return json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return None


def _rows(stored, patterns: list[str]) -> list[Row] | None:
    """The rows a JSON object holds, if each entry's alternatives put back together are its pattern."""
    try:
        rows = [(int(i), str(text), Gate.from_json(g)) for i, text, g in stored["rows"]]
    except (ValueError, TypeError, KeyError, IndexError, OverflowError):
        return None
    order = [i for i, _, _ in rows]
    if order != sorted(order) or not all(0 <= i < len(patterns) for i in order):
        return None
    texts: list[list[str]] = [[] for _ in patterns]
    for i, text, _ in rows:
        texts[i].append(text)
    return rows if all("|".join(t) == p for t, p in zip(texts, patterns, strict=True)) else None
