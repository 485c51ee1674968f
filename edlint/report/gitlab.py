"""GitLab Code Quality JSON: findings shown in the merge request widget and diff.

GitLab compares the report of a merge request with the target branch's by
``fingerprint``, so a fingerprint must not change when unrelated lines move:
it is built from the rule, the file and the flagged words on their line (see
``edlint.workflow.fingerprint``), never from the line number.
"""
from __future__ import annotations

import json

from edlint.core.findings import Severity
from edlint.workflow.fingerprint import fingerprints

from . import Summary, relative_path

SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.SUGGESTION: "info"}


def render(results, summary: Summary, **_: object) -> str:
    """The Code Quality report: a JSON list of issues, each with its fingerprint and its place in the file."""
    issues = []
    for r in results:
        path = relative_path(r.path)
        for f, fp in zip(r.findings, fingerprints(r.findings, path, r.text), strict=True):
            issues.append(
                {
                    "type": "issue",
                    "check_name": f.rule,
                    "description": f.message,
                    "categories": ["Style"],
                    "severity": SEVERITY[f.severity],
                    "fingerprint": fp,
                    "location": {
                        "path": path,
                        "positions": {
                            "begin": {"line": f.line, "column": f.column},
                            "end": {"line": f.end_line, "column": f.end_column},
                        },
                    },
                }
            )
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
