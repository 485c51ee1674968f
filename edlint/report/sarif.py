"""SARIF 2.1.0: the static-analysis exchange format GitHub code scanning (and many IDEs) import.

Code scanning shows a rule's ``shortDescription`` as the alert title and its
``help`` Markdown as the "rule help" panel, so every rule the run knows is
listed with its summary and full ``explain`` text. Columns are Unicode code
points (``columnKind``), which is what edlint counts; ``partialFingerprints``
keep an alert the same alert when lines above it move.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

from edlint.core.findings import Severity
from edlint.io.lines import LineTable
from edlint.io.lines import table as line_table
from edlint.workflow.fingerprint import fingerprints

from .. import __version__
from . import Summary, relative_path

NEEDS_RULES = True
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "note"}


def _uri(path: str) -> str:
    return quote(path, safe="/")


def _region(lines: LineTable, start: int, end: int) -> dict:
    """A SARIF region for offsets, by the file's one line table (the same lines as every finding's)."""
    sl, sc = lines.line_col(start)
    el, ec = lines.line_col(end)
    return {"startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec}


def _rule_entry(rule_id: str, meta) -> dict:
    entry: dict = {"id": rule_id, "name": rule_id.split(".", 1)[-1].replace("-", " ").title().replace(" ", "")}
    if meta is None:
        entry["shortDescription"] = {"text": rule_id}
        return entry
    entry["shortDescription"] = {"text": meta.summary or rule_id}
    entry["fullDescription"] = {"text": meta.summary or rule_id}
    docs = meta.docs or meta.summary or rule_id
    if "## Fix safety" not in docs:
        docs += f"\n\n**Fix safety:** {meta.fix_safety}"
    help_md = f"{docs}\n\nRun `edlint explain {rule_id}` at a terminal for the same text."
    entry["help"] = {"text": help_md, "markdown": help_md}
    entry["defaultConfiguration"] = {"level": LEVEL[Severity.parse(meta.severity)],
                                     "enabled": bool(meta.default_enabled)}
    entry["properties"] = {"tags": ["editorial", meta.family], "precision": "high"}
    return entry


def _artifact(path: str) -> dict:
    """Where a file is: relative to SRCROOT (the checkout), or an absolute file URI when outside it."""
    if os.path.isabs(path):
        return {"uri": Path(path).as_uri()}
    return {"uri": _uri(path), "uriBaseId": "SRCROOT"}


def _file_notifications(r, loc: dict) -> list[dict]:
    """A file that could not be checked (an error) or was skipped for its language (a note)."""
    out = []
    if r.error:
        out.append({"level": "error", "message": {"text": r.error},
                    "locations": [{"physicalLocation": {"artifactLocation": loc}}]})
    if r.skipped:
        out.append({"level": "note", "message": {"text": r.skipped},
                    "locations": [{"physicalLocation": {"artifactLocation": dict(loc)}}]})
    return out


def _result(f, fp: str, rule_index: int, text: str | None, loc: dict, lines: LineTable | None) -> dict:
    """One finding as a SARIF result: its region (with the flagged text), related places and fix."""
    region = {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line,
              "endColumn": max(f.end_column, 1)}
    if text is not None and f.end > f.start:
        region["snippet"] = {"text": text[f.start : f.end]}
    res: dict = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {"artifactLocation": dict(loc), "region": region}}],
        "partialFingerprints": {"edlintContent/v1": fp},
    }
    if lines is not None and f.related:
        res["relatedLocations"] = [
            {"id": i + 1, "message": {"text": rel.message or "related"},
             "physicalLocation": {"artifactLocation": dict(loc), "region": _region(lines, rel.start, rel.end)}}
            for i, rel in enumerate(f.related)
        ]
    if lines is not None and f.fix:
        res["fixes"] = [{
            "description": {"text": f.fix.description or f"{f.fix.applicability.value} fix"},
            "artifactChanges": [{
                "artifactLocation": dict(loc),
                "replacements": [
                    {"deletedRegion": _region(lines, e.start, e.end), "insertedContent": {"text": e.replacement}}
                    for e in f.fix.edits
                ],
            }],
        }]
    return res


def render(results, summary: Summary, rules: dict | None = None, **_: object) -> str:
    """One SARIF run: every rule the run knows, each finding as a result, files not checked as notifications."""
    rules = dict(rules or {})
    used = sorted({f.rule for r in results for f in r.findings})
    ids = sorted(set(rules) | set(used))
    index = {rid: i for i, rid in enumerate(ids)}
    out_results = []
    notifications = [{"level": "error", "message": {"text": e}} for e in getattr(summary, "run_errors", [])]
    for r in results:
        path = relative_path(r.path)
        loc = _artifact(path)
        notifications += _file_notifications(r, loc)
        lines = line_table(r.text) if r.text is not None else None
        # one fingerprint per finding, in order
        for f, fp in zip(r.findings, fingerprints(r.findings, path, r.text), strict=True):
            out_results.append(_result(f, fp, index[f.rule], r.text, loc, lines))
    run: dict = {
        "tool": {"driver": {
            "name": "edlint", "version": __version__, "semanticVersion": __version__,
            "rules": [_rule_entry(rid, rules.get(rid)) for rid in ids],
        }},
        "originalUriBaseIds": {"SRCROOT": {"uri": Path.cwd().resolve().as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "invocations": [{"executionSuccessful": not summary.errors, "toolExecutionNotifications": notifications}],
        "results": out_results,
    }
    return json.dumps({"version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2) + "\n"
