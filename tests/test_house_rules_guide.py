"""#14.19: docs/house-rules.md's worked example, run exactly as written."""
from __future__ import annotations

import re
import shlex

from conftest import REPO, run_cli

GUIDE = REPO / "docs" / "house-rules.md"


def _example():
    text = GUIDE.read_text(encoding="utf-8")
    example = text.split("## A worked example", 1)[1]
    files = re.findall(r"\*\*`([^`]+)`\*\*:\n\n```\w*\n(.*?)```", example, re.S)
    (console,) = re.findall(r"```console\n(.*?)```", example, re.S)
    return files, console


def test_house_rules_example_runs_as_written(tmp_path):
    files, console = _example()
    assert {p for p, _ in files} >= {"edlint.toml", "story.md"} and len(files) == 5
    for rel, body in files:
        target = tmp_path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body, encoding="utf-8")
    lines = console.splitlines()
    command, expected = lines[0], lines[1:]
    assert command.startswith("$ edlint ")
    p = run_cli(*shlex.split(command[len("$ edlint "):]), cwd=tmp_path)
    assert p.stdout.splitlines() == expected, p.stderr
    assert p.returncode == 1
    # the house rule is a rule like any other: listed, explained, selectable
    rules = run_cli("rules", "--format", "json", cwd=tmp_path)
    assert "style.newsroom-words" in rules.stdout
    assert run_cli("check", "story.md", "--select", "style", "--no-cache",
                   cwd=tmp_path).stdout.count("style.newsroom-words") == 1
