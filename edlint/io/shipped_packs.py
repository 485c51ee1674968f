"""The built-in rule packs as parsed, validated data, made when the package is made.

A fresh install has no cache folder yet, a CI runner often starts without
one, and ``--no-cache`` switches it off: each of those runs used to import
PyYAML, parse every pack and compile the schemas, which cost more than
checking an article. ``scripts/build_parsed_packs.py`` writes this file
from ``rules/``: one line per pack, ``digest<TAB>json``, where the digest is
that of the pack's text and the JSON holds the parsed data and the digests
of the schemas it passed.

A pack whose text is not in the file (a newsroom edited it, or the file is
stale) is simply parsed from its YAML as before. The file is part of the
installed package, trusted like its code; the cache folder's entries stay
guarded as they were. ``tests/test_shipped_packs.py`` fails when the file
no longer matches ``rules/``.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

SHIPPED = Path(__file__).with_name("parsed_packs.jsonl")
FORMAT = "edlint parsed packs 1"

# Data handed out from the file, by id, with the digests of the schemas it passed.
_VOUCHED: dict[int, tuple[Any, frozenset[str]]] = {}


@lru_cache(maxsize=1)
def _lines() -> bytes:
    try:
        blob = SHIPPED.read_bytes()
    except OSError:
        return b""
    first = blob.split(b"\n", 1)[0].decode("utf-8", "replace")
    return blob if first == FORMAT else b""  # another format: parse the YAML as before


def parsed(source: str) -> Any | None:
    """A fresh copy of the data of the built-in pack whose text has digest ``source``, or None."""
    blob = _lines()
    at = blob.find(b"\n" + source.encode("ascii") + b"\t")
    if at == -1:
        return None
    start = at + len(source) + 2
    end = blob.find(b"\n", start)
    entry = json.loads(blob[start : end if end != -1 else len(blob)])
    data = entry["data"]
    _VOUCHED[id(data)] = (data, frozenset(entry["schemas"]))
    return data


def vouched(data: Any, schema_digest: str) -> bool:
    """Whether ``data`` came from this file and passed that schema when the file was made."""
    came = _VOUCHED.get(id(data))
    return came is not None and came[0] is data and schema_digest in came[1]


def line(source: str, data: Any, schema_digests: list[str]) -> str:
    """One line of the file (for the script that writes it)."""
    body = json.dumps({"data": data, "schemas": sorted(schema_digests)}, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"))
    return f"{source}\t{body}"
