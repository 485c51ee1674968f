"""``edlint.Linter``: built once, picklable, no global state, and the same answers as the command line."""
from __future__ import annotations

import datetime as dt
import json
import pickle
import shutil
from pathlib import Path

import pytest
from conftest import REPO, SEED, need_shared
from typer.testing import CliRunner

import edlint
import edlint.run.linter
from edlint.commands.cli import app
from edlint.run.linter import LintError

SAMPLE = REPO / "examples" / "sample-article.md"


def _cli_json(*args: str) -> dict:
    res = CliRunner().invoke(app, ["check", *args, "--format", "json", "--no-cache"])
    assert res.exit_code in (0, 1), res.output
    return json.loads(res.stdout)


def _count_builds(monkeypatch) -> list:
    calls: list = []
    real = edlint.run.linter.build_registry

    def counting(*a, **k):
        calls.append(a)
        return real(*a, **k)

    monkeypatch.setattr(edlint.run.linter, "build_registry", counting)
    return calls


def test_seed_article_same_findings_as_the_cli():
    need_shared(SEED)
    linter = edlint.Linter()
    text = SEED.read_text(encoding="utf-8")
    got = [f.to_dict() for f in linter.check_text(text, path=str(SEED), date=dt.date(2022, 7, 8))]
    want = _cli_json(str(SEED), "--date", "2022-07-08")["findings"]
    assert got == want
    assert {f["rule"] for f in got} >= {"adcopy.furniture", "spelling.inconsistent", "titles.wrong-office"}


def test_to_dict_has_the_json_outputs_field_names():
    linter = edlint.Linter()
    (first, *_) = linter.check_text(SAMPLE.read_text(encoding="utf-8"), path=str(SAMPLE))
    want = _cli_json(str(SAMPLE))["findings"][0]
    assert list(first.to_dict()) == list(want)


def test_kind_markdown_or_text():
    text = "# Head\n\nThe council will accomodate the request.\n"
    linter = edlint.Linter(select=["spelling.misspellings"])
    as_md = linter.check_text(text, kind="markdown")
    as_txt = linter.check_text(text, kind="text")
    assert [f.rule for f in as_md] == [f.rule for f in as_txt] == ["spelling.misspellings"]
    assert as_md[0].path == "<text>"
    with pytest.raises(ValueError):
        linter.check_text(text, kind="html")
    with pytest.raises(TypeError):
        linter.check_text(None)  # type: ignore[arg-type]


def test_built_once_for_many_texts(monkeypatch):
    calls = _count_builds(monkeypatch)
    linter = edlint.Linter(ignore=["readability"])
    assert not linter.loaded
    for i in range(30):
        linter.check_text(f"Head\n\nStory {i}: the council will accomodate the request.\n")
    assert linter.loaded
    assert len(calls) == 1


def test_lint_text_reuses_a_linter(monkeypatch):
    calls = _count_builds(monkeypatch)
    edlint.api._linter.cache_clear()
    for i in range(10):
        found = edlint.lint_text(f"Head\n\nThe council will accomodate request {i}.\n", "a.txt", select=["spelling"])
        assert [f.rule for f in found] == ["spelling.misspellings"]
    assert len(calls) == 1


def test_pickles_to_its_settings_and_loads_once_unpickled(monkeypatch):
    linter = edlint.Linter(select=["spelling", "adcopy"])
    text = SAMPLE.read_text(encoding="utf-8")
    before = linter.check_text(text, path="sample.md")
    blob = pickle.dumps(linter)
    assert len(blob) < 20_000, len(blob)  # settings only, never the loaded rules
    copy = pickle.loads(blob)
    assert not copy.loaded and copy.token == linter.token
    assert copy.check_text(text, path="sample.md") == before


def test_two_linters_no_shared_state():
    text = "Head\n\nThe council will accomodate the request in Kiev.\n"
    a = edlint.Linter(select=["spelling.misspellings"])
    b = edlint.Linter(ignore=["spelling"])
    for _ in range(2):
        assert [f.rule for f in a.check_text(text)] == ["spelling.misspellings"]
        assert all(f.family != "spelling" for f in b.check_text(text))


def test_config_file_and_bad_config(tmp_path):
    (tmp_path / "edlint.toml").write_text('[rules."spelling.misspellings"]\nseverity = "error"\n')
    (f,) = edlint.Linter(tmp_path / "edlint.toml", select=["spelling"]).check_text("Head\n\nWe accomodate.\n")
    assert str(f.severity) == "error"
    (tmp_path / "bad.toml").write_text("fail_on = 3\n")
    with pytest.raises(ValueError):
        edlint.Linter(tmp_path / "bad.toml")


def test_fix_text_matches_edlint_fix(tmp_path):
    target = tmp_path / "sample-article.md"
    shutil.copy(SAMPLE, target)
    text = target.read_text(encoding="utf-8")
    result = edlint.Linter().fix_text(text, path=str(target))
    res = CliRunner().invoke(app, ["fix", str(target), "--no-cache"])
    assert res.exit_code == 0, res.output
    assert result.text == target.read_text(encoding="utf-8") != text
    assert result.applied >= 2
    assert all(not (f.fix and f.fix.safe) for f in result.remaining)
    assert edlint.Linter().fix_text(result.text, path=str(target)).applied == 0


def test_a_crashing_rule_is_a_lint_error(monkeypatch):
    from edlint.checks.spelling import Inconsistent

    def boom(self, doc, ctx):
        raise RuntimeError("boom")

    monkeypatch.setattr(Inconsistent, "check", boom)
    with pytest.raises(LintError) as info:
        edlint.Linter(select=["spelling.inconsistent"]).check_text("Head\n\nText.\n", path="x.txt")
    assert "\n" not in str(info.value) and "spelling.inconsistent" in str(info.value)


def test_the_cli_checks_every_file_through_one_linter_per_configuration(tmp_path, monkeypatch):
    """`edlint check` hands each file to the Linter of its folder's configuration: the same code as check_text."""
    made: list = []
    checked: list = []
    real_init, real_check = edlint.run.linter.Linter.__init__, edlint.run.linter.Linter.check_source

    def counting_init(self, *a, **k):
        made.append(self)
        real_init(self, *a, **k)

    def counting_check(self, src, *a, **k):
        checked.append((self, src.path))
        return real_check(self, src, *a, **k)

    monkeypatch.setattr(edlint.run.linter.Linter, "__init__", counting_init)
    monkeypatch.setattr(edlint.run.linter.Linter, "check_source", counting_check)
    builds = _count_builds(monkeypatch)
    text = "Head\n\nStory {}: the council will accomodate the request.\n"
    for folder, n in (("news", 4), ("sport", 3)):
        (tmp_path / folder).mkdir()
        for i in range(n):
            (tmp_path / folder / f"{i}.txt").write_text(text.format(i), encoding="utf-8")
    (tmp_path / "sport" / "edlint.toml").write_text('[rules."spelling.misspellings"]\nseverity = "error"\n')
    monkeypatch.chdir(tmp_path)
    found = _cli_json("news", "sport", "--jobs", "1")["findings"]

    assert len(made) == 2  # one Linter per configuration, not one per file
    assert sorted(Path(p).as_posix() for _, p in checked) == sorted(
        p.relative_to(tmp_path).as_posix() for p in tmp_path.glob("*/*.txt"))
    by_folder = {Path(p).parent.name: linter for linter, p in checked}
    assert {id(linter) for linter, _ in checked} == {id(by_folder["news"]), id(by_folder["sport"])}
    assert by_folder["news"].config.path != by_folder["sport"].config.path
    assert len(builds) == 1  # both configurations load the same rule families, once per run
    severities = {Path(f["path"]).parent.name: f["severity"] for f in found if f["rule"] == "spelling.misspellings"}
    assert severities == {"news": "warning", "sport": "error"}
    # check_text goes through the very same method, and agrees with the command line.
    checked.clear()
    got = [f.to_dict() for f in by_folder["sport"].check_text(text.format(0), path="sport/0.txt")]
    assert checked == [(by_folder["sport"], "sport/0.txt")]
    assert got == [f for f in found if f["path"] == "sport/0.txt"]
