"""The code keeps its shape: short functions in the package, and ruff's rule set passes everywhere.

A function over 60 lines does several jobs; split it into named steps whose
docstrings say why. The ruff rule set (``[tool.ruff]`` in pyproject.toml:
pycodestyle, pyflakes, bugbear, simplify, pyupgrade, and McCabe complexity at
most 12) runs over the whole repository, as ``.ci/run`` does before the tests.
"""
from __future__ import annotations

import ast
import subprocess
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "edlint"
MAX_LINES = 60


def long_functions(source: str, name: str = "<source>") -> list[str]:
    """``file:line name (N lines)`` for every function or method longer than ``MAX_LINES``, nested ones too."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            lines = node.end_lineno - node.lineno + 1
            if lines > MAX_LINES:
                out.append(f"{name}:{node.lineno} {node.name} ({lines} lines)")
    return out


def test_no_function_in_the_package_is_over_60_lines():
    too_long = []
    for path in sorted(PACKAGE.rglob("*.py")):
        too_long += long_functions(path.read_text(encoding="utf-8"), str(path.relative_to(REPO)))
    assert not too_long, f"functions over {MAX_LINES} lines (split them into named steps):\n" + "\n".join(too_long)


def test_the_length_check_counts_every_line_of_a_function():
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_LINES - 2))
    fits = f"def fits():\n{body}\n    return 0\n"
    assert long_functions(fits) == []
    method_body = textwrap.indent(body, "    ")
    over = f"class A:\n    async def over(self):\n        '''Doc.'''\n{method_body}\n        return 0\n"
    assert long_functions(over) == [f"<source>:2 over ({MAX_LINES + 1} lines)"]


def _ruff(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    try:
        from ruff.__main__ import find_ruff_bin
    except ImportError:  # pragma: no cover - the test extra brings it
        pytest.fail("ruff is not installed: pip install -e '.[test]'")
    return subprocess.run([find_ruff_bin(), *args], capture_output=True, text=True, cwd=str(cwd), timeout=120)


def test_ruff_passes_on_the_repository():
    p = _ruff("check", "--no-cache", "--output-format", "concise", ".")
    assert p.returncode == 0, p.stdout + p.stderr


def test_ruff_uses_the_projects_rule_set(tmp_path):
    # The repository's configuration, on a file that breaks it: too complex, and a zip that may drop items.
    branches = "\n".join(f"    if x == {i}:\n        return {i}" for i in range(13))
    (tmp_path / "bad.py").write_text(f"def f(x, a, b):\n{branches}\n    return list(zip(a, b))\n")
    p = _ruff("check", "--no-cache", "--output-format", "concise", "--config", str(REPO / "pyproject.toml"),
              str(tmp_path / "bad.py"))
    assert p.returncode == 1
    assert "C901" in p.stdout and "B905" in p.stdout
