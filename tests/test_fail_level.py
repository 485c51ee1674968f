"""The exit code holds each file to the fail level of its own configuration, not the working directory's."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from edlint.commands.cli import app

BAD = "Head\n\nThe council will accomodate the request and seperate it.\n"


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    """A newsroom failing on warnings, with a ``wire/`` folder that only fails on errors."""
    (tmp_path / "edlint.toml").write_text('fail_on = "warning"\n')
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "edlint.toml").write_text('fail_on = "error"\n')
    (tmp_path / "wire" / "a.txt").write_text(BAD)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "b.txt").write_text(BAD)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


def check(*args: str, input: str | None = None):
    return CliRunner().invoke(app, ["check", *args, "--no-cache"], input=input)


@pytest.mark.parametrize("fmt", ["json", "concise"])
def test_a_folder_that_fails_on_errors_does_not_fail_the_run_on_a_warning(newsroom, fmt):
    res = check("wire", "--format", fmt)
    assert "accomodate" in res.stdout  # the warnings are reported...
    assert res.exit_code == 0, res.output  # ...but wire/ only fails on errors
    assert check("news", "--format", fmt).exit_code == 1  # the rest of the newsroom fails on a warning
    assert check("wire", "news", "--format", fmt).exit_code == 1


def test_the_json_summary_still_names_the_working_directorys_level(newsroom):
    res = check("wire", "--format", "json")
    report = json.loads(res.stdout)
    assert {f["severity"] for f in report["findings"]} == {"warning"}
    assert report["summary"]["fail_on"] == "warning"


def test_fail_on_on_the_command_line_holds_every_file_to_one_level(newsroom):
    assert check("wire", "--format", "concise", "--fail-on", "warning").exit_code == 1
    assert check("news", "--format", "concise", "--fail-on", "error").exit_code == 0


def test_a_laxer_working_directory_does_not_excuse_a_stricter_folder(newsroom):
    (newsroom / "edlint.toml").write_text('fail_on = "error"\n')
    (newsroom / "news" / "edlint.toml").write_text('fail_on = "warning"\n')
    assert check("news", "--format", "concise").exit_code == 1
    assert check(str(newsroom / "wire" / "a.txt"), "--format", "concise").exit_code == 0


def test_standard_input_is_held_to_the_level_of_the_folder_it_is_named_in(newsroom):
    assert check("-", "--stdin-filename", "wire/x.txt", "--format", "concise", input=BAD).exit_code == 0
    assert check("-", "--stdin-filename", "news/x.txt", "--format", "concise", input=BAD).exit_code == 1


def test_cached_results_keep_their_files_level(newsroom):
    args = ("wire", "--format", "concise", "--cache-dir", str(newsroom / "cache"))
    first = CliRunner().invoke(app, ["check", *args])
    again = CliRunner().invoke(app, ["check", *args])
    assert first.exit_code == again.exit_code == 0
    assert first.stdout == again.stdout and "accomodate" in again.stdout
