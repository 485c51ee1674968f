"""JSON output, version 1 (documented in docs/json-output.md). Other tools parse this: keep the names."""
from __future__ import annotations

import json

from ..display import display_path
from . import Summary

VERSION = 1


def _shown(d: dict) -> dict:
    d["path"] = display_path(d["path"])  # one line of valid UTF-8 whatever the file system allowed
    return d


def render(results, summary: Summary, **_: object) -> str:
    files = []
    for r in results:
        entry = {"path": display_path(r.path), "date": r.date, "date_source": r.date_source or None}
        if r.figures:
            entry["figures"] = r.figures
        if r.error:
            entry["error"] = r.error
        if r.skipped:
            entry["skipped"] = r.skipped
        files.append(entry)
    doc = {
        "version": VERSION,
        "findings": [_shown(f.to_dict()) for r in results for f in r.findings],
        "files": files,
        "errors": list(summary.run_errors) + [r.error for r in results if r.error],
        "summary": summary.to_dict(),
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
