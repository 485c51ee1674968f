"""Baselines: accept today's findings, report only new ones.

Adopting edlint on an archive of thousands of articles should not mean
fixing them all first. ``edlint baseline write`` records every current
finding; ``edlint check --baseline FILE`` hides those and reports the rest.

A finding is recorded by what an editor would recognise (rule, file, the
flagged words and a hash of the line they sit on), not by line number, so
adding a paragraph above does not bring old findings back, while editing the
sentence itself does (it is new copy and deserves a fresh look). Identical
findings are counted: if the baseline has two and the article now has
three, one is reported. Paths are stored relative to the baseline file so
the file can be committed and used from any checkout.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path

from edlint.workflow.fingerprint import content_key

VERSION = 1


class BaselineError(Exception):
    pass


def _rel(path: str, base_dir: Path) -> str:
    full = os.path.realpath(path)
    try:
        return Path(os.path.relpath(full, os.path.realpath(base_dir))).as_posix()
    except ValueError:  # another drive on Windows
        return Path(full).as_posix()


def _context(line: str) -> str:
    return hashlib.sha256(line.encode("utf-8")).hexdigest()[:16]


def _entries(results, base_dir: Path):
    for r in results:
        if r.error:
            continue
        rel = _rel(r.path, base_dir)
        for f in r.findings:
            flagged, line = content_key(f, r.text)
            yield f, {"path": rel, "rule": f.rule, "text": flagged, "context": _context(line)}


def _key(e: dict) -> tuple[str, str, str, str]:
    return (e["path"], e["rule"], e["text"], e["context"])


def write_baseline(results, out: Path) -> int:
    """Record every finding in ``results``; returns how many. Written atomically."""
    from edlint.io.atomic import write_file

    base_dir = out.resolve().parent
    rows = []
    for f, e in _entries(results, base_dir):
        rows.append({**e, "line": f.line, "message": f.message})
    rows.sort(key=lambda e: (e["path"], e["line"], e["rule"], e["text"]))
    doc = {"version": VERSION, "tool": "edlint", "findings": rows}
    write_file(out, (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    return len(rows)


class Baseline:
    def __init__(self, path: Path):
        self.path = path
        self.base_dir = path.resolve().parent
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
            if doc.get("version") != VERSION:
                raise BaselineError(f"{path}: baseline version {doc.get('version')!r} is not {VERSION}; "
                                    "rewrite it with `edlint baseline write`")
            self.counts = Counter(_key(e) for e in doc["findings"])
        except OSError as exc:
            raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise BaselineError(f"{path}: not an edlint baseline ({exc})") from None

    def filter(self, results) -> int:
        """Drop baselined findings from ``results`` in place; return how many were hidden."""
        left = Counter(self.counts)
        hidden = 0
        for r in results:
            if r.error or not r.findings:
                continue
            keep = []
            for f, e in _entries([r], self.base_dir):
                k = _key(e)
                if left[k] > 0:
                    left[k] -= 1
                    hidden += 1
                else:
                    keep.append(f)
            r.findings = keep
        return hidden

