"""The run layer: one Runner per run, each folder's configuration looked up once and passed along."""
from __future__ import annotations

from pathlib import Path

import edlint.run.runner as runner_module
from edlint.core.findings import Severity
from edlint.run.runner import Runner, RunOptions

BAD = "Head\n\nThe council will accomodate the request.\n"


def _newsroom(root: Path) -> None:
    (root / "edlint.toml").write_text('fail_on = "warning"\n')
    for folder in ("news", "sport", "wire"):
        (root / folder).mkdir()
        for i in range(5):
            (root / folder / f"{i}.txt").write_text(BAD)
    (root / "wire" / "edlint.toml").write_text('fail_on = "error"\n')


def _counting(monkeypatch, name: str) -> list:
    calls: list = []
    real = getattr(runner_module, name)

    def counted(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(runner_module, name, counted)
    return calls


def test_each_folder_is_searched_once_and_each_configuration_loaded_once(tmp_path, monkeypatch):
    _newsroom(tmp_path)
    searched = _counting(monkeypatch, "find_config")
    loaded = _counting(monkeypatch, "load_config")
    results, errors = Runner(RunOptions(keep_text=False), jobs=1).lint_paths([str(tmp_path)])
    assert errors == [] and len(results) == 15
    assert all(r.findings for r in results)
    assert sorted(Path(a[0]).name for a in searched) == ["news", "sport", "wire"]
    assert len(loaded) == 2  # the newsroom's and wire/'s


def test_each_result_carries_the_fail_level_of_the_configuration_that_checked_it(tmp_path):
    _newsroom(tmp_path)
    results, _ = Runner(RunOptions(keep_text=False), jobs=1).lint_paths([str(tmp_path)])
    levels = {Path(r.path).parent.name: r.fail_on for r in results}
    assert levels == {"news": Severity.WARNING, "sport": Severity.WARNING, "wire": Severity.ERROR}


def test_a_named_configuration_is_the_only_one_read(tmp_path, monkeypatch):
    _newsroom(tmp_path)
    searched = _counting(monkeypatch, "find_config")
    options = RunOptions(config_path=str(tmp_path / "wire" / "edlint.toml"), keep_text=False)
    results, _ = Runner(options, jobs=1).lint_paths([str(tmp_path)])
    assert searched == []
    assert {r.fail_on for r in results} == {Severity.ERROR}


def test_excluded_files_are_left_out_by_their_own_folders_configuration(tmp_path):
    _newsroom(tmp_path)
    (tmp_path / "sport" / "edlint.toml").write_text('exclude = ["1.txt", "2.txt"]\n')
    results, _ = Runner(RunOptions(keep_text=False), jobs=1).lint_paths([str(tmp_path)])
    assert sorted(Path(r.path).name for r in results if "sport" in r.path) == ["0.txt", "3.txt", "4.txt"]
