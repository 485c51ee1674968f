"""Write ``edlint/run/pattern_list.json``: every regular expression edlint's own code compiles, as text.

A wheel ships these patterns compiled (``hatch_build.py`` compiles the list
with the interpreter that builds the wheel), so a run with no cache folder
does not spend its first tens of milliseconds, in every worker, parsing
them. The list itself holds no compiled code: it is the same on every
Python version, and reviewing it shows exactly which patterns are served.

The patterns are collected by running edlint's own code, and only patterns
compiled from a frame in the ``edlint`` package count (not proselint's or
markdown-it's):

- every module of the package is imported and every module-level ``lazy``
  pattern (and a case-insensitive pattern's Latin-1 twin) compiled, and
  every cached function that takes no argument and returns patterns called;
- every code rule's case file (``edlint/checks/*/*.yml``) is checked with
  that rule alone, as ``tests/test_rule_cases.py`` does;
- the sample article is checked with the default and the strict presets;
- every alternative of the built-in ad-copy phrase pack is compiled.

Run it after changing a pattern; ``--check`` exits 1 when the list is out of
date (the test suite runs it). A pattern missing from the list is still
compiled at run time, only slower.

Usage: python scripts/build_pattern_list.py [--check] [--compile OUT]
"""
from __future__ import annotations

import datetime as dt
import importlib
import json
import pkgutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import edlint  # noqa: E402
from edlint.run.regexcache import PATTERN_LIST  # noqa: E402
from generated_file import write_or_check  # noqa: E402

PACKAGE = str(Path(edlint.__file__).resolve().parent)
OUT = PATTERN_LIST
FORMAT = 1


def _from_edlint() -> bool:
    """Was the pattern being compiled asked for by edlint's own code (the nearest frame outside ``re``)?"""
    frame = sys._getframe(2)
    while frame is not None:
        name = frame.f_code.co_filename
        if not (name.endswith(("re/__init__.py", "re/_compiler.py", "/re.py", "/sre_compile.py")) or name == __file__):
            return name.startswith(PACKAGE)
        frame = frame.f_back
    return False


def _recording(found: set[tuple[int, str]]):
    try:
        import re._compiler as compiler
    except ImportError:  # Python 3.10 names it sre_compile
        import sre_compile as compiler

    original = compiler.compile

    def compile(p, flags=0):
        if isinstance(p, str) and _from_edlint():
            found.add((int(flags), p))
        return original(p, flags)

    compiler.compile = compile
    return lambda: setattr(compiler, "compile", original)


def _import_everything() -> list:
    """Every importable module of the package (optional extras that are not installed are skipped)."""
    modules = []
    for info in pkgutil.walk_packages(edlint.__path__, "edlint."):
        if info.name.endswith("__main__"):
            continue  # running the command line is not importing it
        try:
            modules.append(importlib.import_module(info.name))
        except ImportError:
            continue
    return modules


def _compile_lazy(modules: list) -> None:
    from edlint.document.lazyre import CaselessPattern, LazyPattern

    def patterns(value, depth=0):
        if isinstance(value, LazyPattern):
            yield value
        elif depth < 2 and isinstance(value, (list, tuple)):
            for v in value:
                yield from patterns(v, depth + 1)
        elif depth < 2 and isinstance(value, dict):
            for v in value.values():
                yield from patterns(v, depth + 1)

    for module in modules:
        for value in list(vars(module).values()):
            for rx in patterns(value):
                if isinstance(rx, CaselessPattern):
                    rx.found_in("a")  # the Latin-1 twin, which is what copy uses
                rx.compiled()


def _call_pattern_makers(modules: list) -> None:
    """Call each module-level cached function that takes no argument and returns patterns
    (``@lru_cache def _measure_re() -> re.Pattern``): patterns made on a rare path."""
    import inspect

    for module in modules:
        for value in list(vars(module).values()):
            if not hasattr(value, "cache_info") or getattr(value, "__module__", None) != module.__name__:
                continue
            try:
                sig = inspect.signature(value)
            except (TypeError, ValueError):
                continue
            if "Pattern" in str(sig.return_annotation) and all(
                    p.default is not p.empty for p in sig.parameters.values()):
                value()


def _check_cases_and_sample() -> None:
    from edlint import Linter
    from edlint.report.rule_examples import load_cases

    for path in sorted((REPO / "edlint" / "checks").rglob("*.yml")):
        rid, cases = load_cases(path)
        with tempfile.TemporaryDirectory() as tmp:
            for case in cases:
                config = None
                if case.options:
                    config = Path(tmp) / "edlint.toml"
                    body = "\n".join(f"{k} = {json.dumps(v)}" for k, v in case.options.items())
                    config.write_text(f'[rules."{rid}"]\n{body}\n', encoding="utf-8")
                date = dt.date.fromisoformat(case.date) if case.date else None
                Linter(config, select=[rid], language="en").check_text(
                    case.text, path=str(Path(tmp) / "case.txt"), date=date, kind=case.kind)
    sample = (REPO / "examples" / "sample-article.md").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        strict = Path(tmp) / "edlint.toml"
        strict.write_text('extends = ["strict"]\n', encoding="utf-8")
        for config in (None, strict):
            Linter(config, language="en").check_text(sample, path=str(Path(tmp) / "sample-article.md"))


def _compile_phrase_pack() -> None:
    from edlint.checks.adcopy.pack import load_pack

    pack = load_pack()
    for i in range(len(pack._alts)):
        pack._rx(i)
    pack._combined(0)
    pack._combined(1)


def collect() -> list[list]:
    """[flags, pattern] for every pattern edlint's code compiled, sorted."""
    found: set[tuple[int, str]] = set()
    stop = _recording(found)
    try:
        modules = _import_everything()
        _compile_lazy(modules)
        _call_pattern_makers(modules)
        _check_cases_and_sample()
        _compile_phrase_pack()
    finally:
        stop()
    return [list(x) for x in sorted(found)]


def main(argv: list[str]) -> int:
    listed = collect()
    if "--compile" in argv:  # a source checkout can serve compiled patterns too, as an installed wheel does
        from edlint.run.regexcache import SHIPPED, compile_list

        out = Path(argv[argv.index("--compile") + 1]) if len(argv) > argv.index("--compile") + 1 else SHIPPED
        text = compile_list(listed)
        if text is None:
            print("this interpreter cannot serve compiled patterns: nothing written")
        else:
            out.write_text(text, encoding="utf-8")
            print(f"wrote {out} ({len(listed)} patterns)")
    rows = ",\n".join(json.dumps(row, ensure_ascii=False) for row in listed)  # a pattern a line: diffs stay readable
    text = f'{{"format": {FORMAT}, "patterns": [\n{rows}\n]}}\n'

    return write_or_check(OUT, text, argv, "build_pattern_list.py", f"{len(listed)} patterns")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
