"""Property tests: whatever text an article holds, edlint neither crashes nor lies about where.

Hypothesis builds articles from arbitrary Unicode mixed with what breaks
text tools: ``\\r`` alone and in ``\\r\\n``, NUL, combining marks, bidi
controls, every quote mark, Markdown punctuation, lone surrogates (through
the API only: a file on disk is UTF-8), and words the rules react to. For
each: no crash; every offset inside the text; line and column exactly what
the one line table (``edlint.io.lines``) says; JSON, SARIF (against the schema
in ../shared when present) and JUnit output valid; ``fix`` twice equals
``fix`` once.

The profile ``ci`` (the default, set in conftest.py) runs a fixed,
derandomised set of examples within the suite's time budget;
``pytest tests/test_properties.py --hypothesis-profile=long`` searches far more.
"""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from edlint import Linter  # noqa: E402
from edlint.core.findings import FileResult, Severity  # noqa: E402
from edlint.io.lines import line_col, line_starts  # noqa: E402
from edlint.report import summarise  # noqa: E402

SARIF_SCHEMA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "schemas" / "sarif-schema-2.1.0.json"

QUOTES = "\"'“”‘’‚‛„‟«»‹›「」『』〝〞〟＂＇❛❜❝❞⹂"
BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
COMBINING = "\u0300\u0301\u0308\u0327\u0338\u20dd\u0489"
BREAKS = ["\r", "\n", "\r\n", "\n\n", "\r\r", "\u2028", "\x0b", "\x0c", "\x85"]
MARKUP = list("[]()!*_`<>#-+|~&\\:=") + ["---\n", "+++\n", "> ", "- ", "1. ", "```\n", "<!-- ", " -->",
                                         "[a](b)", "&amp;"]
WORDS = [
    "Kiev", "Kyiv", "accomodate", "seperate", "Prime Minister", "President", "Mr", "said", "told", "the",
    "Covid", "Click here to subscribe", "Advertisement", "Read more", "colour", "color", "council", " ", ".", ",",
    "edlint-disable", "<!-- edlint-disable-next-line spelling -->", "[sic]", "Boris Johnson", "2022-02-30",
]

_piece = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(BREAKS),
    st.sampled_from(MARKUP),
    st.sampled_from(list(QUOTES)),
    st.sampled_from(list(BIDI + COMBINING + "\x00")),
    st.text(min_size=1, max_size=8),  # any code point but surrogates
)
file_text = st.lists(_piece, max_size=60).map("".join)
api_text = st.lists(st.one_of(_piece, st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)),
                    max_size=60).map("".join)
front = st.sampled_from(["", "---\ntitle: A headline\ndate: 2022-07-08\n---\n", "---\ndate: 2022-02-30\n---\n",
                         "+++\ntitle = \"T\"\n+++\n", "---\n: [\n---\n", "---\r\ntitle: x\r\n---\r\n"])
kind = st.sampled_from(["a.md", "a.txt"])

_LINTER: Linter | None = None


def linter() -> Linter:
    global _LINTER
    if _LINTER is None:
        # Every default family; readability too, so its figures go through the reports.
        _LINTER = Linter(None, select=["spelling", "titles", "attribution", "adcopy", "readability"])
    return _LINTER


def check(text: str, path: str):
    """Findings, or None when the text is refused as a whole (broken front matter): never anything else."""
    from edlint.run.linter import LintError

    try:
        return linter().check_text(text, path=path)
    except LintError as exc:
        assert str(exc).startswith(path) and "\n" not in str(exc)
        return None


def assert_located(text: str, findings) -> None:
    starts = line_starts(text)
    n = len(text)
    for f in findings:
        assert 0 <= f.start <= f.end <= n, (f.rule, f.start, f.end, n)
        assert (f.line, f.column) == line_col(starts, f.start), f.rule
        assert (f.end_line, f.end_column) == line_col(starts, f.end), f.rule
        for r in f.related:
            assert 0 <= r.start <= r.end <= n, f.rule
        if f.fix:
            for e in f.fix.edits:
                assert 0 <= e.start <= e.end <= n, f.rule


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(body=file_text, fm=front, path=kind)
def test_any_article_is_checked_with_true_offsets(body, fm, path):
    text = fm + body
    findings = check(text, path)
    if findings is not None:
        assert_located(text, findings)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(text=api_text, path=kind)
def test_lone_surrogates_through_the_api(text, path):
    findings = check(text, path)
    if findings is not None:
        assert_located(text, findings)


_VALIDATOR = None


def _sarif_validator():
    global _VALIDATOR
    if _VALIDATOR is None and SARIF_SCHEMA.exists():
        jsonschema = pytest.importorskip("jsonschema")
        _VALIDATOR = jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    return _VALIDATOR


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(body=file_text, path=kind)
def test_reports_are_always_valid(body, path):
    from edlint.report import json_report, junit, sarif

    findings = check(body, path) or []
    res = FileResult(path=path, findings=findings, text=body)
    results = [res, FileResult(path="broken\n\udcff.md", error="broken\n.md: not valid UTF-8")]
    summary = summarise(results, Severity.WARNING)
    summary.run_errors = ["missing.md: no such file or directory"]
    for mod in (json_report, sarif, junit):
        out = mod.render(results, summary)
        out.encode("utf-8")  # what goes to a file or a pipe is UTF-8, always
        if mod is junit:
            ET.fromstring(out)
            continue
        doc = json.loads(out)
        if mod is json_report:
            assert len(doc["findings"]) == len(findings)
            assert len(doc["errors"]) == 2
        elif _sarif_validator() is not None:
            errors = list(_sarif_validator().iter_errors(doc))
            assert not errors, errors[0].message


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(body=file_text, path=kind)
def test_fix_twice_is_fix_once(body, path):
    from edlint.run.linter import LintError

    try:
        once = linter().fix_text(body, path=path)
        twice = linter().fix_text(once.text, path=path)
    except LintError:
        return
    assert twice.text == once.text
    assert twice.applied == 0
