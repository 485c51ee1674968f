"""The terminal report: snapshot at 80 columns, colour switches, JSON shape."""
from __future__ import annotations

import json
import os
from pathlib import Path

from conftest import run_cli

SNAP = Path(__file__).parent / "snapshots"
ARTICLE = (
    "Council delays vote\n\n"
    "The council will accomodate the request, a spokesman said on Monday after a long and difficult meeting "
    "that ran late into the evening and left several members visibly tired.\n\n"
    "Officials said the plan was a seperate issue.\n"
)


def _check_snapshot(name: str, got: str) -> None:
    path = SNAP / name
    if os.environ.get("EDLINT_UPDATE_SNAPSHOTS") or not path.exists():
        path.write_text(got, encoding="utf-8")
    assert got == path.read_text(encoding="utf-8")


def test_rich_snapshot_80_columns(tmp_path):
    f = tmp_path / "council.txt"
    f.write_text(ARTICLE)
    p = run_cli("check", str(f), "--format", "rich", "--color", "never", "--select", "spelling.misspellings",
                env={"COLUMNS": "80"}, cwd=tmp_path)
    assert p.returncode == 1
    out = p.stdout.replace(str(tmp_path), "TMP")
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "\x1b[" not in out
    _check_snapshot("rich_council.txt", out)


def test_color_always_emits_ansi(tmp_path):
    f = tmp_path / "council.txt"
    f.write_text(ARTICLE)
    p = run_cli("check", str(f), "--format", "rich", "--color", "always", "--select", "spelling.misspellings")
    assert "\x1b[" in p.stdout


def test_no_color_env_respected(tmp_path):
    f = tmp_path / "council.txt"
    f.write_text(ARTICLE)
    p = run_cli("check", str(f), "--format", "rich", "--select", "spelling.misspellings", env={"NO_COLOR": "1"})
    assert "\x1b[" not in p.stdout


def test_json_shape(tmp_path):
    f = tmp_path / "council.txt"
    f.write_text(ARTICLE)
    p = run_cli("check", str(f), "--format", "json", "--select", "spelling.misspellings")
    doc = json.loads(p.stdout)
    assert doc["version"] == 1
    keys = {"path", "rule", "severity", "message", "line", "column", "end_line", "end_column", "start", "end", "fix"}
    assert all(keys <= set(x) for x in doc["findings"])
    f0 = doc["findings"][0]
    assert ARTICLE[f0["start"] : f0["end"]] == "accomodate"
    assert f0["fix"]["applicability"] == "safe"
    assert doc["summary"]["findings"] == 2 and doc["summary"]["by_rule"] == {"spelling.misspellings": 2}


def test_seed_json_is_valid(seed_text, tmp_path):
    from conftest import SEED

    p = run_cli("check", str(SEED), "--format", "json", "--date", "2022-07-08")
    assert p.returncode in (0, 1), p.stderr
    doc = json.loads(p.stdout)
    for f in doc["findings"]:
        assert 0 <= f["start"] <= f["end"] <= len(seed_text)
        assert f["severity"] in ("suggestion", "warning", "error")
        assert "." in f["rule"]


def test_rules_and_explain():
    p = run_cli("rules")
    assert p.returncode == 0 and "spelling.misspellings" in p.stdout
    p = run_cli("explain", "spelling.misspellings")
    assert p.returncode == 0 and "What it flags" in p.stdout and "accomodate" in p.stdout
    p = run_cli("explain", "nonesuch.rule")
    assert p.returncode == 2 and "unknown rule id" in p.stderr
