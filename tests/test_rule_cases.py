"""Every code rule's case file, run through the real linter: the one hook for rule examples.

Each code rule ``edlint/checks/FAMILY/NAME.py`` has ``NAME.yml`` beside it (see
``edlint/report/rule_examples.py`` for the format): at least two articles it must flag
and two it must pass, and for rules with fixes the text ``edlint fix`` makes. The
Examples on each rule's page are rendered from these same files.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from edlint import Linter
from edlint.core.registry import build_registry
from edlint.report.rule_examples import Case, case_path, load_cases

CHECKS = Path(__file__).resolve().parents[1] / "edlint" / "checks"
# Rules that are not code of their own module: proselint's are generated from its registry.
NOT_CODE = ("proselint.",)


def _case_files() -> list[Path]:
    return sorted(CHECKS.rglob("*.yml"))


def _all_cases():
    for path in _case_files():
        rid, cases = load_cases(path)
        for case in cases:
            yield pytest.param(path, rid, case, id=f"{rid}: {case.name}")


def _linter(rid: str, case: Case, tmp_path: Path) -> Linter:
    """A Linter with only the rule on, and the case's options written as a house config would be."""
    config = None
    if case.options:
        config = tmp_path / "edlint.toml"
        lines = [f'[rules."{rid}"]'] + [f"{k} = {_toml(v)}" for k, v in case.options.items()]
        config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return Linter(config, select=[rid], language="en")


def _toml(value) -> str:
    if isinstance(value, str):
        return '"' + value + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return repr(value)


def _matches(finding, want: dict) -> bool:
    """Does a finding meet an expectation: rule and line always, column and message words when given."""
    return (
        finding.rule == want.get("rule", finding.rule)
        and finding.line == want["line"]
        and ("col" not in want or finding.column == want["col"])
        and want.get("message", "") in finding.message
    )


@pytest.mark.parametrize(("path", "rid", "case"), list(_all_cases()))
def test_rule_case(path: Path, rid: str, case: Case, tmp_path: Path):
    linter = _linter(rid, case, tmp_path)
    date = dt.date.fromisoformat(case.date) if case.date else None
    kind = case.kind
    found = linter.check_text(case.text, path=str(tmp_path / "case.txt"), date=date, kind=kind)
    got = [(f.rule, f.line, f.column, f.message) for f in found]
    assert len(found) == len(case.expect), f"{path.name}: {case.name}: {got}"
    for finding, want in zip(found, case.expect, strict=True):
        assert _matches(finding, {"rule": rid, **want}), f"{path.name}: {case.name}: {got}"
    if case.fix is not None:
        fixed = linter.fix_text(case.text, path=str(tmp_path / "case.txt"), date=date, kind=kind, unsafe=True)
        assert fixed.text == case.fix


def test_every_code_rule_has_a_case_file_beside_it():
    """Two failing and two passing cases at least, in the file named after the rule's module."""
    reg = build_registry()
    short = {}
    for rid, cls in reg.rules.items():
        if cls.meta.source or rid.startswith(NOT_CODE):
            continue  # data rules carry their own examples, tested by their kind
        path = case_path(cls)
        if path is None or not path.is_file():
            short[rid] = "no case file"
            continue
        named, cases = load_cases(path)
        fails = sum(c.fails for c in cases)
        if named != rid or fails < 2 or len(cases) - fails < 2:
            short[rid] = f"{path.name}: rule {named}, {fails} failing, {len(cases) - fails} passing"
    assert short == {}


def test_the_hook_fails_a_case_whose_expectation_is_wrong(tmp_path):
    """The hook can fail: a passing article declared as failing is caught."""
    case = Case(name="wrong", text="Headline\n\nMr Smith said: \"We will go.\"\n", expect=[{"line": 3}])
    with pytest.raises(AssertionError):
        test_rule_case(Path("x.yml"), "attribution.dangling-pronoun", case, tmp_path)
