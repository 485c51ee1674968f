"""JSON output, version 1 (documented in docs/json-output.md). Other tools parse this: keep the names.

Written as the run goes: each finding is encoded and written the moment its
file's result arrives, file entries wait in a temporary file on disk, and the
summary (counted along the way) closes the document. However many articles
a run checks, the report never holds more than one file's findings. Each
finding is one line of compact JSON (the C encoder; ``indent`` would switch
to Python's slow pure-Python one), inside an indented outer document.
"""
from __future__ import annotations

import io
import json
import shutil
import tempfile
from typing import IO
from collections.abc import Iterable

from edlint.io.filenames import display_path

from . import Summary

VERSION = 1

_encode = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode


def _shown(d: dict) -> dict:
    d["path"] = display_path(d["path"])  # one line of valid UTF-8 whatever the file system allowed
    return d


def _file_entry(r) -> dict:
    entry = {"path": display_path(r.path), "date": r.date, "date_source": r.date_source or None}
    if r.figures:
        entry["figures"] = r.figures
    if r.error:
        entry["error"] = r.error
    if getattr(r, "skipped", None):
        entry["skipped"] = r.skipped
    return entry


def write(results: Iterable, summary: Summary, out: IO[str], on_result=None, count: bool = True) -> None:
    """Write the report for ``results`` (any iterable, consumed once) to the text stream ``out``.

    ``summary.add`` is called for every result as it passes (``on_result(r)``
    first, which may narrow its findings), so the summary written at the end
    counts exactly what the document holds (``count=False``: the caller counted already).
    """
    errors: list[str] = list(summary.run_errors)
    out.write(f'{{\n  "version": {VERSION},\n  "findings": [')
    first = True
    with tempfile.TemporaryFile("w+", encoding="utf-8") as files:
        files_first = True
        for r in results:
            if on_result is not None:
                on_result(r)
            if count:
                summary.add(r)
            for f in r.findings:
                out.write(("\n    " if first else ",\n    ") + _encode(_shown(f.to_dict())))
                first = False
            files.write(("\n    " if files_first else ",\n    ") + _encode(_file_entry(r)))
            files_first = False
            if r.error:
                errors.append(r.error)
        out.write("\n  ],\n" if not first else "],\n")
        out.write('  "files": [')
        files.seek(0)
        shutil.copyfileobj(files, out)
        out.write("\n  ],\n" if not files_first else "],\n")
    out.write('  "errors": ' + _encode(errors) + ",\n")
    out.write('  "summary": ' + _encode(summary.to_dict()) + "\n}\n")


def render(results, summary: Summary, **_: object) -> str:
    """The whole report as one string (for callers that have every result, and the summary, in hand)."""
    buf = io.StringIO()
    write(results, summary, buf, count=False)
    return buf.getvalue()
