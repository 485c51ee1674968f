"""The layers stay layers: ``core`` and ``io`` never reach up, and no module imports itself in a circle.

Every ``import`` in the package is read from the source (those inside functions and under
``TYPE_CHECKING`` too: a lazy import is still a dependency), so a new upward import or a loop
fails here before it confuses the next reader. docs/architecture.md draws the layers.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "edlint"

# What the lower layers must never import: the run layer, the command line, reports, the server.
UPPER = ("edlint.run", "edlint.commands", "edlint.report", "edlint.server")
LOWER = ("edlint.core", "edlint.io")


def _module_name(path: Path) -> tuple[str, bool]:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        return ".".join(parts[:-1]), True
    return ".".join(parts), False


def _modules() -> dict[str, Path]:
    return {_module_name(p)[0]: p for p in PACKAGE.rglob("*.py")}


def _imports(path: Path, known: set[str]) -> set[str]:
    """The edlint modules a file imports (``from pkg import sub`` counts as ``pkg.sub`` when that is a module)."""
    name, is_pkg = _module_name(path)
    package = name.split(".") if is_pkg else name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            subs = {f"{target}.{a.name}" for a in node.names} & known
            found.update(subs or {target})
    return {m for m in found if m in known and m != name}


def _graph() -> dict[str, set[str]]:
    mods = _modules()
    known = set(mods)
    graph = {m: _imports(p, known) for m, p in mods.items()}
    # The package root re-exports the library lazily (``edlint.Linter`` loads ``edlint.api`` on first
    # use, from ``__getattr__``); that is a door into the package, not a dependency of anything in it.
    graph["edlint"] = set()
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def _within(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def test_the_lower_layers_never_import_the_upper_ones():
    graph = _graph()
    wrong = sorted(
        f"{m} imports {t}"
        for m, targets in graph.items() if _within(m, LOWER)
        for t in targets if _within(t, UPPER)
    )
    assert not wrong, "core/io reach up:\n" + "\n".join(wrong)


def test_the_library_never_imports_the_command_line():
    graph = _graph()
    wrong = sorted(
        f"{m} imports {t}"
        for m, targets in graph.items() if not _within(m, ("edlint.commands", "edlint.server", "edlint.__main__"))
        for t in targets if _within(t, ("edlint.commands",))
    )
    assert not wrong, "\n".join(wrong)


def test_there_is_no_import_loop():
    assert _cycles(_graph()) == []


@pytest.mark.parametrize("case,expected", [
    ({"a": {"b"}, "b": {"a"}}, [["a", "b"]]),
    ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
    ({"a": {"b"}, "b": set()}, []),
])
def test_the_loop_finder_finds_loops(case, expected):
    assert _cycles(case) == expected


def test_the_import_reader_sees_lazy_relative_and_submodule_imports(tmp_path):
    pkg = tmp_path / "edlint"
    (pkg / "core").mkdir(parents=True)
    (pkg / "run").mkdir()
    for f in ("__init__.py", "core/__init__.py", "run/__init__.py", "run/cache.py", "run/batch.py"):
        (pkg / f).write_text("")
    (pkg / "core" / "engine.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from ..run import cache\n"
        "def f():\n    from edlint.run.batch import x\n"
    )
    global PACKAGE
    saved, PACKAGE = PACKAGE, pkg
    try:
        graph = _graph()
    finally:
        PACKAGE = saved
    assert graph["edlint.core.engine"] == {"edlint.run.cache", "edlint.run.batch"}
