"""Stable identities for findings that survive edits elsewhere in the file.

A baseline, GitLab Code Quality and SARIF all need to recognise "the same
finding" after the article has changed. Line numbers move whenever a
paragraph is added above, so the identity is built from what an editor
would recognise instead: the rule, the file, the flagged words and the text
of the line they sit on (whitespace-normalised, so re-wrapping or CRLF
conversion does not count as a change).
"""
from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable

from edlint.core.findings import Finding
from edlint.document.lazyre import lazy

_WS = lazy(r"\s+")


def _norm(s: str) -> str:
    return _WS.sub(" ", s).strip()


def line_text(text: str, offset: int) -> str:
    """The whole line containing ``offset`` (without its line ending), by the text's one line table."""
    from edlint.io.lines import table

    return table(text).line_around(offset)


def content_key(f: Finding, text: str | None) -> tuple[str, str]:
    """(flagged text, line text), both whitespace-normalised; empty when the text is unknown."""
    if text is None:
        return ("", _norm(f.message))
    return (_norm(text[f.start : f.end]), _norm(line_text(text, f.start)))


def fingerprint(rule: str, path: str, flagged: str, line: str, occurrence: int = 0) -> str:
    h = hashlib.sha256()
    for part in (rule, path, flagged, line, str(occurrence)):
        h.update(part.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()[:32]


def fingerprints(findings: Iterable[Finding], path: str, text: str | None) -> list[str]:
    """One fingerprint per finding; identical findings on identical lines get 0, 1, 2... appended."""
    seen: Counter = Counter()
    out = []
    for f in findings:
        flagged, line = content_key(f, text)
        base = (f.rule, flagged, line)
        out.append(fingerprint(f.rule, path, flagged, line, seen[base]))
        seen[base] += 1
    return out
