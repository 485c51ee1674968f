"""Every file edlint writes goes through one writer (``edlint.io.atomic``): reports, baselines, cache entries."""
from __future__ import annotations

import json
import os
import stat

import pytest
from typer.testing import CliRunner

from edlint.commands.cli import app

BAD = "Head\n\nThe council will accomodate the request.\n"


@pytest.fixture
def article(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(BAD)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path / "a.txt"


def _temporaries(folder) -> list[str]:
    return [str(p) for p in folder.rglob("*") if p.name.endswith(".edlint-tmp") or p.name.startswith(".tmp-")]


@pytest.mark.parametrize("fmt", ["json", "sarif", "concise", "rich"])
def test_a_report_replaces_its_old_copy_keeping_mode_and_links(article, fmt):
    real = article.parent / "reports" / "report.out"
    real.parent.mkdir()
    real.write_text("old report\n")
    os.chmod(real, 0o640)
    link = article.parent / "report.out"
    link.symlink_to(real)
    res = CliRunner().invoke(app, ["check", "a.txt", "--no-cache", "--format", fmt, "--output", "report.out"])
    assert res.exit_code == 1, res.output
    assert link.is_symlink()  # the report went where the link points
    assert "accomodate" in real.read_text()
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert _temporaries(article.parent) == []


def test_a_baseline_is_written_whole_with_the_usual_mode(article):
    res = CliRunner().invoke(app, ["baseline", "write", "a.txt", "--output", "base.json", "--no-cache"])
    assert res.exit_code == 0, res.output
    umask = os.umask(0)
    os.umask(umask)
    base = article.parent / "base.json"
    assert stat.S_IMODE(base.stat().st_mode) == 0o666 & ~umask
    assert [e["rule"] for e in json.loads(base.read_text())["findings"]] == ["spelling.misspellings"]
    assert _temporaries(article.parent) == []


def test_cache_entries_leave_no_temporary_behind(article):
    cache = article.parent / "cache"
    for _ in range(2):
        res = CliRunner().invoke(app, ["check", "a.txt", "--format", "concise", "--cache-dir", str(cache)])
        assert res.exit_code == 1 and "accomodate" in res.stdout
    assert list(cache.glob("v*/*/*/*.json"))  # an entry was written...
    assert _temporaries(cache) == []  # ...through a temporary that was renamed into place
