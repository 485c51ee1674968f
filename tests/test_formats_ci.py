"""CI output formats: snapshots from fixed results, syntax checks, SARIF against the official schema.

The snapshots render hand-built results (not live rules), so they change only
when a format changes; the text is chosen to need escaping everywhere
(commas, colons, percent signs, newlines, XML specials, non-ASCII, CRLF).
Set EDLINT_UPDATE_SNAPSHOTS=1 to rewrite them after a deliberate change.
"""
from __future__ import annotations

import importlib
import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import SEED, SHARED, need_shared, run_cli

from edlint.core.findings import (
    Applicability,
    Edit,
    FileResult,
    Finding,
    Fix,
    Related,
    RuleMeta,
    Severity,
)
from edlint.report import summarise

SNAP = Path(__file__).parent / "snapshots"
SARIF_SCHEMA = SHARED / "data" / "schemas" / "sarif-schema-2.1.0.json"

TEXT = (
    "Kyiv, 100% sure\r\n\r\n"
    "The minister said: \"It's <fine> & done\", and the council will accomodate it.\r\n"
    "Sloviansk and Slovyansk, both in Café notes.\r\n"
)


def _finding(path, rule, sev, msg, start, end, fix=None, related=()):
    line = TEXT.count("\n", 0, start) + 1
    col = start - (TEXT.rfind("\n", 0, start) + 1) + 1
    eline = TEXT.count("\n", 0, end) + 1
    ecol = end - (TEXT.rfind("\n", 0, end) + 1) + 1
    return Finding(path=path, rule=rule, severity=sev, message=msg, start=start, end=end, line=line, column=col,
                   end_line=eline, end_column=ecol, fix=fix, related=related)


def sample_results():
    path = "news/council, final.md"
    a = TEXT.index("accomodate")
    s1 = TEXT.index("Sloviansk")
    s2 = TEXT.index("Slovyansk")
    q = TEXT.index('"It')
    findings = [
        _finding(path, "attribution.dangling", Severity.SUGGESTION,
                 "Quote has no speaker: who said \"fine, done\"?\nCheck 100%: yes.", q, q + 21),
        _finding(path, "spelling.misspellings", Severity.WARNING,
                 "Misspelling: 'accomodate' should be 'accommodate'.", a, a + 10,
                 fix=Fix((Edit(a, a + 10, "accommodate"),), Applicability.SAFE, "accomodate → accommodate")),
        _finding(path, "spelling.inconsistent", Severity.ERROR,
                 "Two spellings of one name: Sloviansk, Slovyansk.", s2, s2 + 9,
                 related=(Related(s1, s1 + 9, "first spelled 'Sloviansk' here"),),
                 fix=Fix((Edit(s2, s2 + 9, "Sloviansk"),), Applicability.UNSAFE, "")),
    ]
    return [
        FileResult(path=path, findings=findings, text=TEXT),
        FileResult(path="news/clean.txt", text="Head\n\nAll fine.\n"),
        FileResult(path="news/broken.md", error="news/broken.md:2: front matter is not valid YAML: found ':'"),
    ]


RULES = {
    "spelling.misspellings": RuleMeta(id="spelling.misspellings", summary="Common misspellings.",
                                      docs="## What it flags\nTypos.\n\n## Fix safety\nSafe.", fix_safety="Safe.",
                                      fix="always", fix_applicability="safe"),
    "spelling.inconsistent": RuleMeta(id="spelling.inconsistent", summary="One name, two spellings.",
                                      docs="## What it flags\nVariants.", severity=Severity.ERROR, fix_safety="Unsafe.",
                                      fix="always", fix_applicability="unsafe"),
    "attribution.dangling": RuleMeta(id="attribution.dangling", summary="Quotes without a speaker.",
                                     severity=Severity.SUGGESTION),
    "adcopy.furniture": RuleMeta(id="adcopy.furniture", summary="Page furniture.", default_enabled=False),
}


def _render(fmt, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    mod = importlib.import_module(f"edlint.report.{fmt}")
    results = sample_results()
    out = mod.render(results, summarise(results, Severity.WARNING), rules=RULES)
    return out.replace(tmp_path.resolve().as_uri(), "file:///TMP")


def _snapshot(name: str, got: str) -> None:
    path = SNAP / name
    if os.environ.get("EDLINT_UPDATE_SNAPSHOTS"):
        path.write_bytes(got.encode("utf-8"))
    assert path.exists(), f"missing snapshot {path}; run with EDLINT_UPDATE_SNAPSHOTS=1 once"
    assert got == path.read_bytes().decode("utf-8")


@pytest.mark.parametrize("fmt,snap", [
    ("sarif", "format_sarif.json"), ("github", "format_github.txt"), ("junit", "format_junit.xml"),
    ("gitlab", "format_gitlab.json"), ("concise", "format_concise.txt"),
])
def test_format_snapshot(fmt, snap, monkeypatch, tmp_path):
    _snapshot(snap, _render(fmt, monkeypatch, tmp_path))


# GitHub's workflow-command grammar: ::level k=v,k=v::message, with %, CR, LF (and : , in values) escaped.
GH_LINE = re.compile(r"^::(error|warning|notice) ((?:file|line|col|endLine|endColumn|title)=[^,:\r\n"
                     r"]*)(?:,((?:file|line|col|endLine|endColumn|title)=[^,:\r\n]*))*::[^\r\n]*$")


def test_github_lines_match_workflow_command_syntax(monkeypatch, tmp_path):
    out = _render("github", monkeypatch, tmp_path)
    lines = out.splitlines()
    commands = [ln for ln in lines if ln.startswith("::")]
    assert len(commands) == 4  # three findings and the file that could not be checked
    for ln in commands:
        assert GH_LINE.match(ln), ln
    first = commands[0]
    assert first.startswith("::notice file=news/council%2C final.md,line=3,col=20,endLine=3,endColumn=41,title=edlint "
                            "attribution.dangling::")
    # the message's newline and percent sign are escaped, so the annotation is one line
    assert first.endswith('::Quote has no speaker: who said "fine, done"?%0ACheck 100%25: yes.')
    assert commands[2].startswith("::error ")  # error severity
    assert commands[3].startswith("::error file=news/broken.md,title=edlint%3A file not checked::")


def test_junit_is_well_formed_and_counts(monkeypatch, tmp_path):
    root = ET.fromstring(_render("junit", monkeypatch, tmp_path).encode())
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("5", "2", "1")
    suites = {s.get("name"): s for s in root}
    council = suites["news/council, final.md"]
    failures = [c.find("failure") for c in council if c.find("failure") is not None]
    assert [f.get("type") for f in failures] == ["warning", "error"]
    # below the fail level: reported, not failed
    dangling = council[0]
    assert dangling.find("failure") is None and "attribution.dangling" in dangling.find("system-out").text
    assert suites["news/clean.txt"].get("tests") == "1" and suites["news/clean.txt"].get("failures") == "0"
    assert suites["news/broken.md"].find("testcase/error") is not None


def test_gitlab_code_quality_shape_and_stable_fingerprints(monkeypatch, tmp_path):
    issues = json.loads(_render("gitlab", monkeypatch, tmp_path))
    assert len(issues) == 3
    for i in issues:
        assert set(i) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert i["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert i["location"]["path"] == "news/council, final.md"
    assert len({i["fingerprint"] for i in issues}) == 3
    # a paragraph added above moves every line but keeps every fingerprint
    from edlint.report import gitlab

    results = sample_results()
    shifted = []
    for r in results:
        if r.text:
            add = "A new first paragraph.\r\n\r\n"
            r.findings = [
                Finding(**{**f.__dict__, "start": f.start + len(add), "end": f.end + len(add), "line": f.line + 2,
                           "end_line": f.end_line + 2})
                for f in r.findings
            ]
            r.text = add + r.text
        shifted.append(r)
    moved = json.loads(gitlab.render(shifted, summarise(shifted, Severity.WARNING)))
    assert [m["fingerprint"] for m in moved] == [i["fingerprint"] for i in issues]
    assert [m["location"]["positions"]["begin"]["line"] for m in moved] == [3 + 2, 3 + 2, 4 + 2]


def _sarif_validator():
    jsonschema = pytest.importorskip("jsonschema")
    need_shared(SARIF_SCHEMA)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema)


def _assert_valid(validator, doc):
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


def test_sarif_sample_is_valid_and_carries_rule_help(monkeypatch, tmp_path):
    validator = _sarif_validator()
    doc = json.loads(_render("sarif", monkeypatch, tmp_path))
    _assert_valid(validator, doc)
    run = doc["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert set(rules) == set(RULES)
    assert rules["spelling.misspellings"]["help"]["markdown"].startswith("## What it flags\nTypos.")
    assert rules["adcopy.furniture"]["defaultConfiguration"]["enabled"] is False
    res = run["results"]
    assert [r["ruleId"] for r in res] == ["attribution.dangling", "spelling.misspellings", "spelling.inconsistent"]
    assert [run["tool"]["driver"]["rules"][r["ruleIndex"]]["id"] for r in res] == [r["ruleId"] for r in res]
    assert [r["level"] for r in res] == ["note", "warning", "error"]
    loc = res[1]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "news/council%2C%20final.md", "uriBaseId": "SRCROOT"}
    assert loc["region"]["snippet"]["text"] == "accomodate"
    assert res[2]["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 4
    assert res[1]["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "accommodate"
    assert run["invocations"][0]["executionSuccessful"] is False  # one file could not be checked


def test_sarif_of_the_seed_validates_against_the_schema(tmp_path):
    validator = _sarif_validator()
    seed = need_shared(SEED)
    p = run_cli("check", str(seed), "--format", "sarif", "--no-cache", cwd=tmp_path)
    assert p.returncode in (0, 1), p.stderr
    doc = json.loads(p.stdout)
    _assert_valid(validator, doc)
    driver = doc["runs"][0]["tool"]["driver"]
    assert driver["name"] == "edlint"
    # every rule the run knows is described, with help text for the code scanning panel
    assert driver["rules"]
    assert all(r["shortDescription"]["text"] and r.get("help", {}).get("markdown") for r in driver["rules"])
    ids = {r["id"] for r in driver["rules"]}
    assert all(r["ruleId"] in ids for r in doc["runs"][0]["results"])


def test_sarif_with_a_finding_from_the_cli_validates(tmp_path):
    validator = _sarif_validator()
    f = tmp_path / "story.md"
    f.write_text("# Story\n\nThe council will accomodate the request.\n")
    p = run_cli("check", "story.md", "--format", "sarif", cwd=tmp_path)
    assert p.returncode == 1, p.stderr
    doc = json.loads(p.stdout)
    _assert_valid(validator, doc)
    (res,) = doc["runs"][0]["results"]
    assert res["ruleId"] == "spelling.misspellings"
    assert res["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 3, "startColumn": 18, "endLine": 3, "endColumn": 28, "snippet": {"text": "accomodate"}}
